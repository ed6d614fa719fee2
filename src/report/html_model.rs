//! What the HTML page shows, worked out from a comparison and the reader's notes: plain data
//! that the template only walks. Article text stays text here; the template escapes it.

use super::summary::{Summary, percent};
use crate::engine::{Article, Comparison, LinkKind, Role};
use crate::notes::{PlacedNote, Placement};
use crate::side::{Pair, Side};
use std::borrow::Cow;
use std::ops::Range;

/// Cells in each article's overview strip.
const STRIP_CELLS: usize = 64;

pub struct Page<'a> {
    pub labels: Pair<Cow<'a, str>>,
    pub headline: String,
    pub counts: Counts,
    pub columns: [Column<'a>; 2],
}

pub struct Counts {
    pub identical: usize,
    pub reworded: usize,
    pub paraphrase: usize,
    pub moved: usize,
}

pub struct Column<'a> {
    /// `l` or `r`: the prefix of this side's passage ids, `l12` being passage 12.
    pub key: char,
    pub label: Cow<'a, str>,
    pub title: Cow<'a, str>,
    pub facts: Vec<Fact<'a>>,
    pub strip: Vec<Cell>,
    pub blocks: Vec<Block<'a>>,
    /// Notes whose passage is no longer in the article.
    pub orphans: Vec<NoteView<'a>>,
}

/// One line of an article's details: "Byline: …".
pub struct Fact<'a> {
    pub name: &'static str,
    pub text: Cow<'a, str>,
    /// Only ever an http or https address.
    pub href: Option<Cow<'a, str>>,
}

/// A run of overview strip cells alike: glyphs that read without colour, and the first
/// passage under them, 1-based.
pub struct Cell {
    pub class: &'static str,
    pub glyphs: String,
    pub passage: usize,
}

/// A paragraph, or a run of paragraphs that are boilerplate only (folded away).
pub struct Block<'a> {
    /// `t` title, `f` standfirst, `` body.
    pub class: &'static str,
    pub folded: bool,
    pub paragraphs: Vec<Vec<PassageView<'a>>>,
    /// Notes on the block's passages, shown after it.
    pub notes: Vec<NoteView<'a>>,
}

impl Block<'_> {
    pub fn passage_count(&self) -> usize {
        self.paragraphs.iter().map(Vec::len).sum()
    }
}

pub struct PassageView<'a> {
    /// 1-based, as the reader numbers passages.
    pub n: usize,
    /// Kind (`i`, `w`, `p`, `u`, `b`), then `m` when moved and `nn` when noted.
    pub class: String,
    pub link: Option<LinkRef>,
    pub pieces: Vec<Piece<'a>>,
}

pub struct LinkRef {
    /// 1-based, the same on both sides of the link.
    pub number: usize,
    /// The counterpart's first passage, 1-based.
    pub target: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    /// Words only this (left) side of the link has.
    Del,
    /// Words only this (right) side of the link has.
    Ins,
}

pub struct Piece<'a> {
    pub mark: Mark,
    pub text: Cow<'a, str>,
}

pub struct NoteView<'a> {
    /// The note's passage, 1-based; `None` for an orphan.
    pub passage: Option<usize>,
    pub quote: Cow<'a, str>,
    pub text: Cow<'a, str>,
}

/// `s` made safe to show as text in a page: control characters and every bidirectional
/// control (which could show text in another order than it is stored) become visible
/// stand-ins. Escaping `<`, `&` and quotes is the template's job.
pub fn clean(s: &str) -> Cow<'_, str> {
    crate::sanitize::visible(s)
}

/// `url` when it is an absolute http or https address, which is all a page may link to.
pub fn web_address(url: &str) -> Option<&str> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then_some(url.trim())
}

impl<'a> Page<'a> {
    pub fn new(c: &'a Comparison, notes: &'a Pair<Vec<PlacedNote>>) -> Page<'a> {
        let s = Summary::of(c);
        let column = |side: Side| Column::new(c, side, &s, &notes[side]);
        Page {
            labels: Pair::new(
                clean(&c.articles.left.label),
                clean(&c.articles.right.label),
            ),
            headline: s.headline(),
            counts: Counts {
                identical: s.identical,
                reworded: s.reworded,
                paraphrase: s.paraphrase,
                moved: s.moved,
            },
            columns: [column(Side::Left), column(Side::Right)],
        }
    }
}

/// The class letter of a passage by what it shares, as the reader classes it (`tui::theme`):
/// a link decides before the passage's role.
fn kind_class(c: &Comparison, side: Side, id: usize) -> &'static str {
    match c.link_for(side, id) {
        Some(l) => match l.kind {
            LinkKind::Identical => "i",
            LinkKind::Reworded => "w",
            LinkKind::Paraphrase => "p",
        },
        None if c.articles[side].passages[id].role == Role::Boilerplate => "b",
        None => "u",
    }
}

fn key(side: Side) -> char {
    match side {
        Side::Left => 'l',
        Side::Right => 'r',
    }
}

impl<'a> Column<'a> {
    fn new(c: &'a Comparison, side: Side, s: &Summary, notes: &'a [PlacedNote]) -> Column<'a> {
        let a = &c.articles[side];
        let mut noted: Vec<Vec<&'a PlacedNote>> = vec![Vec::new(); a.passages.len()];
        let mut orphans = Vec::new();
        for placed in notes {
            match placed.placement {
                Placement::Passage { id, .. } if id < a.passages.len() => noted[id].push(placed),
                _ => orphans.push(NoteView {
                    passage: None,
                    quote: clean(&placed.note.anchor.passage),
                    text: clean(&placed.note.text),
                }),
            }
        }
        let mut facts = Vec::new();
        let mut fact = |name, text: &'a str, link: bool| {
            let text = text.trim();
            if !text.is_empty() {
                let href = link.then(|| web_address(text)).flatten().map(clean);
                facts.push(Fact {
                    name,
                    text: clean(text),
                    href,
                });
            }
        };
        let meta = &a.meta;
        fact("Outlet", meta.outlet.as_deref().unwrap_or(""), false);
        fact("Byline", meta.byline.as_deref().unwrap_or(""), false);
        fact("Published", meta.published.as_deref().unwrap_or(""), false);
        fact("Address", meta.url.as_deref().unwrap_or(""), true);
        if meta.url.as_deref() != Some(a.source.as_str()) {
            fact("Source", shared_source(&a.source), true);
        }
        let shared = format!("{} of body words", percent(c.stats.shared[side]));
        let only = super::summary::count(s.unique[side].len(), "passage");
        let mut column = Column {
            key: key(side),
            label: clean(&a.label),
            title: clean(a.title().unwrap_or("(untitled)")),
            facts,
            strip: strip(c, side),
            blocks: Vec::new(),
            orphans,
        };
        column.facts.push(Fact {
            name: "Shared",
            text: Cow::Owned(shared),
            href: None,
        });
        column.facts.push(Fact {
            name: "Only here",
            text: Cow::Owned(only),
            href: None,
        });
        column.blocks = blocks(c, side, &noted);
        column
    }
}

fn blocks<'a>(c: &'a Comparison, side: Side, noted: &[Vec<&'a PlacedNote>]) -> Vec<Block<'a>> {
    let a = &c.articles[side];
    let mut blocks: Vec<Block<'a>> = Vec::new();
    let mut start = 0;
    while start < a.passages.len() {
        let paragraph = a.passages[start].paragraph;
        let end = (start..a.passages.len())
            .find(|&i| a.passages[i].paragraph != paragraph)
            .unwrap_or(a.passages.len());
        let ids = start..end;
        start = end;
        let folded = ids.clone().all(|id| kind_class(c, side, id) == "b");
        let class = match a.passages[ids.start].role {
            Role::Title => "t",
            Role::Standfirst => "f",
            _ => "",
        };
        let passages: Vec<PassageView<'a>> = ids
            .clone()
            .map(|id| passage_view(c, side, id, !noted[id].is_empty()))
            .collect();
        let notes = ids
            .flat_map(|id| {
                noted[id].iter().map(move |placed| NoteView {
                    passage: Some(id + 1),
                    // The passage is on the page, a link away.
                    quote: Cow::Borrowed(""),
                    text: clean(&placed.note.text),
                })
            })
            .collect();
        match blocks.last_mut() {
            // Consecutive boilerplate paragraphs fold away as one.
            Some(last) if folded && last.folded => {
                last.paragraphs.push(passages);
                last.notes.extend(notes);
            }
            _ => blocks.push(Block {
                class,
                folded,
                paragraphs: vec![passages],
                notes,
            }),
        }
    }
    blocks
}

fn passage_view(c: &Comparison, side: Side, id: usize, noted: bool) -> PassageView<'_> {
    let a = &c.articles[side];
    let mut class = kind_class(c, side, id).to_owned();
    let link_index = c.link_of[side][id];
    let link = link_index.map(|i| {
        let l = &c.links[i];
        if l.moved {
            class.push_str(" m");
        }
        LinkRef {
            number: i + 1,
            target: l.passages[side.other()][0] + 1,
        }
    });
    if noted {
        class.push_str(" nn");
    }
    let mark = match side {
        Side::Left => Mark::Del,
        Side::Right => Mark::Ins,
    };
    let changes: &[Range<usize>] = link_index.map_or(&[], |i| &c.links[i].changes[side]);
    PassageView {
        n: id + 1,
        class,
        link,
        pieces: pieces(a, id, changes, mark),
    }
}

/// The passage's text cut at the changed words that fall inside it.
fn pieces<'a>(a: &'a Article, id: usize, changes: &[Range<usize>], mark: Mark) -> Vec<Piece<'a>> {
    let span = a.passages[id].span.clone();
    let mut out = Vec::new();
    let mut at = span.start;
    let mut push = |range: Range<usize>, mark| {
        if !range.is_empty() {
            out.push(Piece {
                mark,
                text: clean(&a.text[range]),
            });
        }
    };
    for change in changes {
        let (from, to) = (change.start.max(at), change.end.min(span.end));
        if from >= to {
            continue;
        }
        push(at..from, Mark::Plain);
        push(from..to, mark);
        at = to;
    }
    push(at..span.end, Mark::Plain);
    out
}

/// Where the article's shared, unique and boilerplate words lie, in [`STRIP_CELLS`] cells
/// by word position, with the reader's overview glyphs (`tui::theme::Theme::overview`).
fn strip(c: &Comparison, side: Side) -> Vec<Cell> {
    let a = &c.articles[side];
    let total: usize = a.passages.iter().map(|p| p.words().max(1)).sum();
    if total == 0 {
        return Vec::new();
    }
    let cells = STRIP_CELLS.min(total);
    // Words of each class under each cell: shared, unique, boilerplate; and its first passage.
    let mut counts = vec![([0usize; 3], None::<usize>); cells];
    let mut word = 0;
    for id in 0..a.passages.len() {
        let words = a.passages[id].words().max(1);
        let class = match kind_class(c, side, id) {
            "b" => 2,
            "u" => 1,
            _ => 0,
        };
        let (first, last) = (word * cells / total, (word + words - 1) * cells / total);
        for cell in &mut counts[first..=last] {
            cell.0[class] += words;
            cell.1.get_or_insert(id);
        }
        word += words;
    }
    let mut runs: Vec<Cell> = Vec::new();
    for &([shared, unique, boilerplate], first) in &counts {
        let (class, glyph) = match (shared > 0, unique > 0) {
            (true, true) => ("om", '▓'),
            (true, false) => ("os", '█'),
            (false, true) => ("ou", '░'),
            (false, false) if boilerplate > 0 => ("ob", '·'),
            (false, false) => ("ob", ' '),
        };
        let passage = first.unwrap_or(0) + 1;
        match runs.last_mut() {
            Some(run) if run.class == class && run.passage == passage => run.glyphs.push(glyph),
            _ => runs.push(Cell {
                class,
                glyphs: glyph.to_string(),
                passage,
            }),
        }
    }
    runs
}

/// How the page names where an article was read from: a web address as it is, a local file by
/// its name alone. The page is made to be sent on, and the folders on the sender's disk are
/// neither the recipient's business nor any use to them.
fn shared_source(source: &str) -> &str {
    if web_address(source).is_some() {
        return source;
    }
    std::path::Path::new(source)
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or(source)
}
