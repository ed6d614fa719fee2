//! Cutting two articles into passages at once, each paragraph they both print cut only once.
//!
//! Copies of one story share whole paragraphs to the byte (wire copy, syndication, an update
//! of a page): the generated pairs of the README share three quarters of their text so.
//! Cutting a paragraph into sentences and running the boilerplate automata over them is most of
//! the work of reading an article, and its result depends on nothing but the paragraph's bytes
//! and the automata, so a paragraph the right article shares with the left takes the left's
//! passages, moved to where it sits. The articles come out exactly as cut one by one (a test
//! checks it); only the work is shared.

use super::article::{Article, Passage, Role};
use super::parallel;
use super::parse::Draft;
use crate::side::{Pair, Side};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Where the passages of one paragraph come from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Source {
    /// The paragraph is one passage with this role (title, standfirst).
    Whole(Role),
    /// Piece of work `n` cuts it.
    Cut(usize),
    /// The same bytes as a left paragraph starting at `from`, which piece of work `unit` cuts.
    Copy { unit: usize, from: usize },
}

/// Paragraphs cut as one piece of parallel work at most: in small pieces, a core that runs
/// fast takes over the work of one that runs slow, instead of waiting for it at the end.
const CUT_LEAF: usize = 8;

/// Both articles, with every paragraph that the right one shares with the left cut once.
pub fn parse_pair(drafts: Pair<Draft<'_>>, parallel: bool) -> Pair<Article> {
    let (units, sources) = plan(&drafts);
    let cut = |&(side, index): &(Side, usize)| drafts[side].cut(index);
    let cuts: Vec<Vec<Passage>> = if parallel {
        units.par_iter().with_max_len(CUT_LEAF).map(cut).collect()
    } else {
        units.iter().map(cut).collect()
    };
    let Pair { left, right } = drafts;
    let (left, right) = parallel::join(
        parallel,
        || assemble(left, &sources.left, &cuts),
        || assemble(right, &sources.right, &cuts),
    );
    Pair::new(left, right)
}

/// The pieces of work (a side and a paragraph to cut) and, per side and paragraph, where its
/// passages come from. Paragraphs are shared only when the same boilerplate patterns apply to
/// both articles: otherwise one paragraph may hold boilerplate on one side and not the other.
///
/// Left paragraphs are found by the hash of all their bytes, and a right paragraph takes one
/// only if the bytes agree: two texts with one hash can only cost a paragraph its sharing,
/// never share a wrong one. (Hashing only their ends would put paragraphs that differ in the
/// middle into one slot, and planning would turn quadratic.)
fn plan(drafts: &Pair<Draft<'_>>) -> (Vec<(Side, usize)>, Pair<Vec<Source>>) {
    let share = drafts
        .left
        .boilerplate
        .same_patterns(&drafts.right.boilerplate);
    let mut units = Vec::new();
    // Per hash: the first left paragraph with it, its piece of work and where it starts.
    let mut first_cut: FxHashMap<u64, (usize, usize, usize)> = FxHashMap::default();
    let mut sources = Pair::new(Vec::new(), Vec::new());
    for side in Side::BOTH {
        let draft = &drafts[side];
        sources[side] = (0..draft.paragraphs.len())
            .map(|index| {
                if let Some(role) = draft.whole_role(index) {
                    return Source::Whole(role);
                }
                let range = draft.paragraphs[index].clone();
                let hash = draft.paragraph_hashes[index];
                if side == Side::Right
                    && share
                    && let Some(&(left, unit, from)) = first_cut.get(&hash)
                    && drafts.left.text[drafts.left.paragraphs[left].clone()]
                        == draft.text[range.clone()]
                {
                    return Source::Copy { unit, from };
                }
                let unit = units.len();
                units.push((side, index));
                if side == Side::Left && share {
                    first_cut.entry(hash).or_insert((index, unit, range.start));
                }
                Source::Cut(unit)
            })
            .collect();
    }
    (units, sources)
}

/// One article from the passages of its paragraphs, cut here or on the left.
fn assemble(draft: Draft<'_>, sources: &[Source], cuts: &[Vec<Passage>]) -> Article {
    let count = sources
        .iter()
        .map(|s| match *s {
            Source::Whole(_) => 1,
            Source::Cut(unit) | Source::Copy { unit, .. } => cuts[unit].len(),
        })
        .sum();
    let mut passages = Vec::with_capacity(count);
    for (index, source) in sources.iter().enumerate() {
        match *source {
            Source::Whole(role) => {
                let span = draft.paragraphs[index].clone();
                passages.push(Passage::new(&draft.text, span, role, index));
            }
            Source::Cut(unit) => passages.extend_from_slice(&cuts[unit]),
            Source::Copy { unit, from } => {
                let to = draft.paragraphs[index].start;
                passages.extend(cuts[unit].iter().map(|p| Passage {
                    span: p.span.start - from + to..p.span.end - from + to,
                    role: p.role,
                    paragraph: index,
                    words: p.words,
                }));
            }
        }
    }
    draft.finish(passages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Metadata;
    use crate::engine::boilerplate::Rules;
    use crate::engine::parse::parse_article;

    fn draft<'r>(name: &str, text: &str, rules: &'r Rules) -> Draft<'r> {
        Draft::new(name, None, text.to_owned(), Metadata::default(), rules)
    }

    /// What cutting the pair at once gives, and what cutting each article alone gives.
    fn both_ways(left: &str, right: &str, parallel: bool) -> (Pair<Article>, Pair<Article>) {
        both_ways_as(Pair::new("l", "r"), left, right, parallel)
    }

    /// [`both_ways`] with the sides named `names`, which may bring an outlet's rules in.
    fn both_ways_as(
        names: Pair<&str>,
        left: &str,
        right: &str,
        parallel: bool,
    ) -> (Pair<Article>, Pair<Article>) {
        let rules = Rules::builtin();
        let at_once = parse_pair(
            Pair::new(
                draft(names.left, left, rules),
                draft(names.right, right, rules),
            ),
            parallel,
        );
        let alone = Pair::new(
            parse_article(
                names.left,
                None,
                left.to_owned(),
                Metadata::default(),
                rules,
            ),
            parse_article(
                names.right,
                None,
                right.to_owned(),
                Metadata::default(),
                rules,
            ),
        );
        (at_once, alone)
    }

    const LEFT: &str = "The ferry strike\n\nCrews walked out at dawn. The port closed.\n\n\
        Read more: the ferry strike\n\nThe union said 400 crew joined. Talks resume Monday.";
    /// The shared paragraphs moved and at other offsets, one reworded, one new.
    const RIGHT: &str = "Strike shuts the port\n\nA deck line of some length that has no full stop\n\n\
        The union said 400 crew joined. Talks resume Monday.\n\nA spokesman declined to comment.\n\n\
        Read more: the ferry strike\n\nCrews walked out at dawn. The port shut.";

    #[test]
    fn shared_paragraphs_come_out_as_cut_alone() {
        for parallel in [false, true] {
            let (at_once, alone) = both_ways(LEFT, RIGHT, parallel);
            assert_eq!(at_once, alone);
        }
        let (at_once, _) = both_ways(LEFT, RIGHT, false);
        let roles: Vec<Role> = at_once.right.passages.iter().map(|p| p.role).collect();
        assert_eq!(roles[..2], [Role::Title, Role::Standfirst]);
        assert!(roles.contains(&Role::Boilerplate));
    }

    #[test]
    fn only_paragraphs_the_same_to_the_byte_are_shared() {
        let rules = Rules::builtin();
        let drafts = Pair::new(draft("l", LEFT, rules), draft("r", RIGHT, rules));
        let (units, sources) = plan(&drafts);
        let copied: Vec<&str> = sources
            .right
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, Source::Copy { .. }))
            .map(|(i, _)| &RIGHT[drafts.right.paragraphs[i].clone()])
            .collect();
        assert_eq!(
            copied,
            [
                "The union said 400 crew joined. Talks resume Monday.",
                "Read more: the ferry strike"
            ]
        );
        // Every left paragraph but the title is cut, and the two right ones not copied.
        assert_eq!(units.len(), 3 + 2);
    }

    #[test]
    fn nothing_is_shared_when_different_patterns_apply() {
        let line = "Keep the Gazette free for everyone.";
        let left = format!("Title\n\n{line}\n\nThe ferry sank.");
        let rules = Rules::builtin();
        let drafts = Pair::new(
            Draft::new(
                "harbour-gazette",
                None,
                left.clone(),
                Metadata::default(),
                rules,
            ),
            draft("other", &left, rules),
        );
        let (_, sources) = plan(&drafts);
        assert!(
            sources
                .right
                .iter()
                .all(|s| !matches!(s, Source::Copy { .. }))
        );
        let articles = parse_pair(drafts, false);
        let role_of = |a: &Article| a.passages[1].role;
        assert_eq!(role_of(&articles.left), Role::Boilerplate);
        assert_eq!(role_of(&articles.right), Role::Body);
    }

    proptest::proptest! {
        /// Articles made of paragraphs drawn from one small pool share many of them, in any
        /// order, some twice, some as title or standfirst on one side only; laid out with
        /// blank lines, one a line, or hard-wrapped; from outlets whose own rules apply to
        /// one side, both or neither.
        #[test]
        fn any_pair_comes_out_as_cut_alone(
            left in proptest::collection::vec(0usize..10, 1..12),
            right in proptest::collection::vec(0usize..10, 1..12),
            layout in 0usize..3,
            names in (0usize..3, 0usize..3),
        ) {
            const NAMES: [&str; 3] = ["harbour-gazette", "coastline", "notes"];
            const POOL: [&str; 10] = [
                "The ferry strike",
                "A deck line of some length that has no full stop at all",
                "Crews walked out at dawn. The port closed.",
                "Read more: the ferry strike",
                "Your support helps us report",
                "Your support makes all the difference.The port reopened on Friday.",
                "\u{201C}We will not go back,\u{201D} said Ms. Reyes. \u{201C}Not this week.\u{201D}",
                "Photo: Getty Images",
                "Keep the Gazette free for everyone.",
                "Get Coastline Daily in your inbox every morning",
            ];
            let text = |ids: &[usize]| {
                let paragraphs = ids.iter().map(|&i| match layout {
                    // Hard-wrapped: a line break inside every paragraph that has a space.
                    2 => POOL[i].replacen(' ', "\n", 1),
                    _ => POOL[i].to_owned(),
                });
                paragraphs.collect::<Vec<_>>().join(if layout == 1 { "\n" } else { "\n\n" })
            };
            let (left, right) = (text(&left), text(&right));
            let names = Pair::new(NAMES[names.0], NAMES[names.1]);
            for parallel in [false, true] {
                let (at_once, alone) = both_ways_as(names, &left, &right, parallel);
                proptest::prop_assert_eq!(at_once, alone);
            }
        }
    }
}
