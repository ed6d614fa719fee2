//! The result of comparing two articles: links between their passages.

use super::article::Article;
use crate::side::{Pair, Side};
use serde::Serialize;
use std::ops::Range;

/// How close the two sides of a link are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LinkKind {
    /// The same words once case, quotes and whitespace are normalised.
    Identical,
    /// Mostly the same words, some changed.
    Reworded,
    /// The same fact in substantially different words.
    Paraphrase,
}

impl LinkKind {
    pub fn name(self) -> &'static str {
        match self {
            LinkKind::Identical => "identical",
            LinkKind::Reworded => "reworded",
            LinkKind::Paraphrase => "paraphrase",
        }
    }
}

/// One step of a word-level diff from the left side of a link to the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffOp {
    Equal,
    /// Only on the left.
    Delete,
    /// Only on the right.
    Insert,
}

impl DiffOp {
    pub fn name(self) -> &'static str {
        match self {
            DiffOp::Equal => "equal",
            DiffOp::Delete => "delete",
            DiffOp::Insert => "insert",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffPiece {
    pub op: DiffOp,
    pub text: String,
}

/// Passage ids on one side of a link. Nearly always one, at most a few: kept inline, since a
/// long comparison holds tens of thousands of links and an allocation each was a tenth of
/// choosing them.
pub type PassageIds = smallvec::SmallVec<[usize; 2]>;

/// Passages on each side that report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Passage ids on each side, ascending. One side may hold two when an outlet splits a sentence.
    pub passages: Pair<PassageIds>,
    pub kind: LinkKind,
    /// 0.0 to 1.0: word overlap of the two sides.
    pub similarity: f64,
    /// The link breaks the order that most links follow.
    pub moved: bool,
    /// Word-level diff, left to right. Empty when the two sides are one passage each with
    /// the same text to the byte, which is most links between copies of a story: the whole
    /// passage is then the one equal piece, and keeping a copy of it for every such link
    /// doubled the memory a long comparison holds. (Also empty, and truly so, when neither
    /// side has a token to diff, as with passages of quotation marks alone.)
    /// [`Link::pieces`] gives the pieces either way.
    pub diff: Vec<DiffPiece>,
    /// Byte ranges in each article's text of the words that differ.
    pub changes: Pair<Vec<Range<usize>>>,
}

impl Link {
    /// The word-level diff as pieces, with the one equal piece of a same-text link made up
    /// from `articles`.
    pub fn pieces<'a>(&'a self, articles: &'a Pair<Article>) -> DiffPieces<'a> {
        // An empty diff is also what two passages of quotation marks alone leave (no tokens
        // to diff): only a same-text link is the one equal piece.
        if let ([], [l], [r]) = (
            self.diff.as_slice(),
            &self.passages.left[..],
            &self.passages.right[..],
        ) {
            let text = articles.left.passage_text(*l);
            if text == articles.right.passage_text(*r) {
                return DiffPieces::Same(text);
            }
        }
        DiffPieces::Pieces(&self.diff)
    }
}

/// A link's diff: see [`Link::pieces`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffPieces<'a> {
    /// Both sides are this text.
    Same(&'a str),
    Pieces(&'a [DiffPiece]),
}

impl DiffPieces<'_> {
    /// Each piece as (op, text), in order.
    pub fn iter(&self) -> impl Iterator<Item = (DiffOp, &str)> {
        let (same, pieces): (Option<&str>, &[DiffPiece]) = match *self {
            DiffPieces::Same(text) => (Some(text), &[]),
            DiffPieces::Pieces(pieces) => (None, pieces),
        };
        same.map(|t| (DiffOp::Equal, t))
            .into_iter()
            .chain(pieces.iter().map(|p| (p.op, p.text.as_str())))
    }
}

/// Shared fraction of each side's body words.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    pub shared: Pair<f64>,
}

/// Two articles and what links them.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub articles: Pair<Article>,
    /// Ordered by the first left passage.
    pub links: Vec<Link>,
    /// For each side, for each passage: the index of its link, if any.
    pub link_of: Pair<Vec<Option<usize>>>,
    pub stats: Stats,
}

impl Comparison {
    pub fn link_for(&self, side: Side, passage: usize) -> Option<&Link> {
        self.link_of[side][passage].map(|i| &self.links[i])
    }
}
