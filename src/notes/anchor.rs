//! Where a note sits in its article, told by the passage's own words and its neighbours'
//! rather than by an index or a byte offset, which any edit upstream would shift.

use super::text::{collapse_whitespace, shorten};
use crate::engine::Article;
use serde::{Deserialize, Serialize};

/// Enough of a neighbour to recognise it.
const CONTEXT_CHARS: usize = 160;
/// The quote shown with a note.
pub const QUOTE_CHARS: usize = 100;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Anchor {
    /// The passage's text, whitespace collapsed.
    pub passage: String,
    /// The start of the passage before it (empty at the start of the article).
    #[serde(default)]
    pub before: String,
    /// The start of the passage after it (empty at the end).
    #[serde(default)]
    pub after: String,
    /// Where the passage sat, from 0.0 (start) to 1.0 (end). Only breaks ties between
    /// passages that read the same, such as a repeated "Read more".
    #[serde(default)]
    pub at: f64,
}

impl Anchor {
    /// The anchor of passage `id` of `article`. Panics if `id` is not a passage of it,
    /// like indexing would.
    pub fn capture(article: &Article, id: usize) -> Anchor {
        let count = article.passages.len();
        assert!(id < count, "passage {id} of an article with {count}");
        let neighbour = |i: Option<usize>| {
            i.filter(|&i| i < count)
                .map(|i| shorten(article.passage_text(i), CONTEXT_CHARS))
                .unwrap_or_default()
        };
        Anchor {
            passage: collapse_whitespace(article.passage_text(id)),
            before: neighbour(id.checked_sub(1)),
            after: neighbour(Some(id + 1)),
            at: relative_position(id, count),
        }
    }

    /// A short quote of the passage, for lists and exports.
    pub fn quote(&self) -> String {
        shorten(&self.passage, QUOTE_CHARS)
    }
}

pub(crate) fn relative_position(id: usize, count: usize) -> f64 {
    if count <= 1 {
        0.0
    } else {
        // Three decimals are plenty for a tie-break and keep the file tidy.
        (id as f64 / (count - 1) as f64 * 1000.0).round() / 1000.0
    }
}
