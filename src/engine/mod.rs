//! The comparison engine: load two articles, cut them into passages, align what they share.
//!
//! Nothing here knows about the terminal; the reader and the reports consume [`Comparison`].

mod align;
pub mod article;
pub mod boilerplate;
mod candidates;
pub mod comparison;
mod features;
mod in_order;
mod matching;
mod moved;
mod paragraphs;
pub mod parallel;
mod parse;
mod rule_file;
pub mod script;
mod sentences;
mod shared_paragraphs;
mod similarity;
mod simple_words;
mod tokens;
mod vocabulary;
mod word_count;
mod word_diff;

pub use article::{Article, Metadata, Passage, Role};
pub use comparison::{
    Comparison, DiffOp, DiffPiece, DiffPieces, Link, LinkKind, PassageIds, Stats,
};
pub use parse::{Draft, normalise_line_endings};

use crate::side::Pair;
use std::time::Instant;

/// Settings for [`compare`].
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// After this instant word diffs fall back to coarser results rather than run on.
    /// Callers pass it in so that the engine never reads the clock by itself.
    pub diff_deadline: Option<Instant>,
}

/// Build an article from decoded text with the built-in boilerplate rules.
pub fn build_article(source: &str, label: Option<&str>, text: String, meta: Metadata) -> Article {
    parse::parse_article(source, label, text, meta, boilerplate::Rules::builtin())
}

/// Make an article's decoded text ready for [`build_pair`], with the built-in boilerplate rules.
pub fn draft_article(
    source: &str,
    label: Option<&str>,
    text: String,
    meta: Metadata,
) -> Draft<'static> {
    Draft::new(source, label, text, meta, boilerplate::Rules::builtin())
}

/// Build two articles at once: what [`build_article`] gives for each, with the paragraphs
/// they both print cut once, on both cores when the articles are long.
pub fn build_pair(drafts: Pair<Draft<'_>>) -> Pair<Article> {
    let bytes = drafts.left.text.len() + drafts.right.text.len();
    shared_paragraphs::parse_pair(drafts, parallel::worth_it(bytes))
}

/// Compare two articles: link the passages they share and diff each link word by word.
pub fn compare(left: Article, right: Article, options: &CompareOptions) -> Comparison {
    align::align(Pair::new(left, right), options)
}
