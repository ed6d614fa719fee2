//! Hand-built comparisons for tests, benchmarks and the demo: every kind of link exactly where
//! the author put it, without depending on the engine's judgement.

use crate::engine::{
    Article, Comparison, DiffOp, DiffPiece, Link, LinkKind, Metadata, Passage, Role, Stats,
};
use crate::side::{Pair, Side};
use similar::{Algorithm, ChangeTag, TextDiffConfig};
use std::ops::Range;
use std::time::Duration;

#[derive(Debug, Clone, Default)]
struct Draft {
    label: String,
    text: String,
    passages: Vec<Passage>,
    paragraph: usize,
    new_paragraph: bool,
}

/// Builds a [`Comparison`] passage by passage.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    drafts: Pair<Draft>,
    links: Vec<(Pair<Vec<usize>>, LinkKind, bool)>,
}

impl Builder {
    pub fn new(left_label: &str, right_label: &str) -> Builder {
        let mut builder = Builder::default();
        builder.drafts.left.label = left_label.to_owned();
        builder.drafts.right.label = right_label.to_owned();
        builder
    }

    /// Appends a passage to the current paragraph of `side` and returns its id.
    pub fn passage(&mut self, side: Side, role: Role, text: &str) -> usize {
        let draft = &mut self.drafts[side];
        if !draft.text.is_empty() {
            if draft.new_paragraph {
                draft.text.push_str("\n\n");
                draft.paragraph += 1;
            } else {
                draft.text.push(' ');
            }
        }
        draft.new_paragraph = false;
        let start = draft.text.len();
        draft.text.push_str(text);
        let span = start..draft.text.len();
        draft
            .passages
            .push(Passage::new(&draft.text, span, role, draft.paragraph));
        draft.passages.len() - 1
    }

    /// The next passage on `side` starts a new paragraph.
    pub fn paragraph(&mut self, side: Side) -> &mut Self {
        self.drafts[side].new_paragraph = true;
        self
    }

    /// A body passage in a paragraph of its own.
    pub fn body(&mut self, side: Side, text: &str) -> usize {
        self.paragraph(side);
        self.passage(side, Role::Body, text)
    }

    pub fn link(
        &mut self,
        left: &[usize],
        right: &[usize],
        kind: LinkKind,
        moved: bool,
    ) -> &mut Self {
        self.links
            .push((Pair::new(left.to_vec(), right.to_vec()), kind, moved));
        self
    }

    pub fn build(self) -> Comparison {
        let articles = self.drafts.map(|d| Article {
            source: format!("{}.txt", d.label.to_lowercase()),
            label: d.label,
            text: d.text,
            meta: Metadata::default(),
            passages: d.passages,
            notices: Vec::new(),
        });
        let mut link_of = Pair::from_fn(|side| vec![None; articles[side].passages.len()]);
        let mut links: Vec<Link> = self
            .links
            .into_iter()
            .map(|(passages, kind, moved)| diff_link(&articles, passages, kind, moved))
            .collect();
        links.sort_by_key(|l| l.passages.left.first().copied());
        for (i, link) in links.iter().enumerate() {
            for side in Side::BOTH {
                for &p in &link.passages[side] {
                    link_of[side][p] = Some(i);
                }
            }
        }
        Comparison {
            articles,
            links,
            link_of,
            stats: Stats::default(),
        }
    }
}

/// The word diff of a link and the byte ranges (in each article) of the words that differ.
fn diff_link(
    articles: &Pair<Article>,
    passages: Pair<Vec<usize>>,
    kind: LinkKind,
    moved: bool,
) -> Link {
    // Each side's passages joined by spaces, remembering where each piece came from.
    let joined = Pair::from_fn(|side| {
        let mut text = String::new();
        let mut pieces = Vec::new();
        for &p in &passages[side] {
            if !text.is_empty() {
                text.push(' ');
            }
            pieces.push((text.len(), articles[side].passages[p].span.start));
            text.push_str(articles[side].passage_text(p));
        }
        (text, pieces)
    });
    let mut config = TextDiffConfig::default();
    config
        .algorithm(Algorithm::Patience)
        .timeout(Duration::from_millis(100));
    let diff = config.diff_unicode_words(joined.left.0.as_str(), joined.right.0.as_str());
    let mut offsets = Pair::new(0usize, 0usize);
    let mut changes: Pair<Vec<Range<usize>>> = Pair::default();
    let mut pieces: Vec<DiffPiece> = Vec::new();
    let (mut same, mut total) = (0usize, 0usize);
    for change in diff.iter_all_changes() {
        let value: &str = change.value();
        let (op, sides): (DiffOp, &[Side]) = match change.tag() {
            ChangeTag::Equal => (DiffOp::Equal, &[Side::Left, Side::Right]),
            ChangeTag::Delete => (DiffOp::Delete, &[Side::Left]),
            ChangeTag::Insert => (DiffOp::Insert, &[Side::Right]),
        };
        let is_word = value.chars().any(char::is_alphanumeric);
        if is_word {
            total += 1;
            same += usize::from(op == DiffOp::Equal);
        }
        for &side in sides {
            let start = offsets[side];
            offsets[side] += value.len();
            if op != DiffOp::Equal && !value.trim().is_empty() {
                changes[side].push(to_article(&joined[side].1, start..offsets[side]));
            }
        }
        match pieces.last_mut() {
            Some(last) if last.op == op => last.text.push_str(value),
            _ => pieces.push(DiffPiece {
                op,
                text: value.to_owned(),
            }),
        }
    }
    Link {
        passages: Pair::new(passages.left.into(), passages.right.into()),
        kind,
        similarity: if total == 0 {
            1.0
        } else {
            same as f64 / total as f64
        },
        moved,
        diff: pieces,
        changes,
    }
}

fn to_article(pieces: &[(usize, usize)], range: Range<usize>) -> Range<usize> {
    let index = pieces.partition_point(|&(joined, _)| joined <= range.start) - 1;
    let (joined, article) = pieces[index];
    article + range.start - joined..article + range.end - joined
}

/// A small comparison with one of everything: titles, identical, reworded, paraphrase and
/// moved links, unique passages on both sides, and boilerplate. Used by tests.
pub fn sample() -> Comparison {
    use Side::{Left, Right};
    let mut b = Builder::new("Harbour Post", "Valley Courier");
    let lt = b.passage(Left, Role::Title, "Ferry strike halts island crossings");
    let rt = b.passage(Right, Role::Title, "Island ferries stop as crews walk out");
    b.link(&[lt], &[rt], LinkKind::Paraphrase, false);
    b.paragraph(Left);
    b.passage(
        Left,
        Role::Boilerplate,
        "Support our journalism: donate today.",
    );
    let l1 = b.body(
        Left,
        "Crews on the Marrow Sound ferries stopped work at dawn on Monday.",
    );
    let l2 = b.passage(
        Left,
        Role::Body,
        "About 4,000 passengers were stranded, the operator said.",
    );
    let l3 = b.body(Left, "The union wants a 6% pay rise.");
    let l4 = b.body(
        Left,
        "“We have [been] ignored for years,” said union chief Ada Brell.",
    );
    b.body(Left, "Local shops fear a long dispute.");
    b.paragraph(Left);
    b.passage(Left, Role::Boilerplate, "Photo: Harbour Post staff");
    let r4 = b.body(
        Right,
        "“We have been ignored for years,” said Ada Brell, who leads the union.",
    );
    let r1 = b.body(
        Right,
        "Crews on the Marrow Sound ferries stopped work on Monday morning.",
    );
    let r2 = b.passage(
        Right,
        Role::Body,
        "Some 3,500 travellers were left stranded, according to the operator.",
    );
    let r3 = b.body(Right, "The union wants a 6% pay rise.");
    b.body(Right, "The transport minister called the strike reckless.");
    b.paragraph(Right);
    b.passage(
        Right,
        Role::Boilerplate,
        "Sign up for our morning newsletter.",
    );
    b.link(&[l1], &[r1], LinkKind::Reworded, false)
        .link(&[l2], &[r2], LinkKind::Paraphrase, false)
        .link(&[l3], &[r3], LinkKind::Identical, false)
        .link(&[l4], &[r4], LinkKind::Reworded, true);
    b.build()
}

/// A long generated comparison with `paragraphs` paragraphs of three sentences a side (about
/// 45 words a paragraph): mostly identical, some reworded, some moved, some unique, with
/// boilerplate. For scrolling tests and the render benchmark.
pub fn long(paragraphs: usize) -> Comparison {
    use Side::{Left, Right};
    const WORDS: &[&str] = &[
        "council",
        "river",
        "bridge",
        "minister",
        "said",
        "on",
        "Tuesday",
        "the",
        "report",
        "found",
        "residents",
        "were",
        "told",
        "that",
        "funding",
        "would",
        "arrive",
        "before",
        "winter",
        "and",
        "engineers",
        "warned",
        "of",
        "delays",
        "in",
        "a",
        "statement",
        "issued",
        "late",
        "officials",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut sentence = |n: usize| {
        let mut words: Vec<&str> = (0..n)
            .map(|_| WORDS[(next() % WORDS.len() as u64) as usize])
            .collect();
        words.push("12");
        let mut s = words.join(" ");
        s.push('.');
        s[..1].to_uppercase() + &s[1..]
    };
    let mut b = Builder::new("Left Wire", "Right Wire");
    let lt = b.passage(Left, Role::Title, "A long generated story");
    let rt = b.passage(Right, Role::Title, "A long generated story");
    b.link(&[lt], &[rt], LinkKind::Identical, false);
    let mut links = Vec::new();
    let mut moved_later = Vec::new();
    for i in 0..paragraphs {
        b.paragraph(Left);
        b.paragraph(Right);
        for j in 0..3 {
            let text = sentence(14);
            let l = b.passage(Left, Role::Body, &text);
            match (i * 3 + j) % 10 {
                0 | 5 => {
                    let reworded = text.replacen("12", "fourteen", 1);
                    let r = b.passage(Right, Role::Body, &reworded);
                    links.push((l, r, LinkKind::Reworded, false));
                }
                3 => {}
                7 if i % 4 == 0 => moved_later.push((l, text)),
                _ => {
                    let r = b.passage(Right, Role::Body, &text);
                    links.push((l, r, LinkKind::Identical, false));
                }
            }
        }
        if i % 5 == 2 {
            b.passage(Right, Role::Body, &sentence(10));
        }
        if i % 50 == 49 {
            b.paragraph(Left);
            b.passage(
                Left,
                Role::Boilerplate,
                "Support independent journalism: donate today.",
            );
        }
    }
    b.paragraph(Right);
    for (l, text) in moved_later {
        let r = b.passage(Right, Role::Body, &text);
        links.push((l, r, LinkKind::Identical, true));
    }
    for (l, r, kind, moved) in links {
        b.link(&[l], &[r], kind, moved);
    }
    b.build()
}
