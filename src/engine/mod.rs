//! The comparison engine: load two articles, cut them into passages, align what they share.
//!
//! Nothing here knows about the terminal; the reader and the reports consume [`Comparison`].

pub mod article;
pub mod comparison;

pub use article::{Article, Metadata, Passage, Role};
pub use comparison::{Comparison, DiffOp, DiffPiece, Link, LinkKind, Stats};

use crate::side::Pair;
use std::time::Instant;

/// Settings for [`compare`].
#[derive(Debug, Clone, Default)]
pub struct CompareOptions {
    /// After this instant word diffs fall back to coarser results rather than run on.
    /// Callers pass it in so that the engine never reads the clock by itself.
    pub diff_deadline: Option<Instant>,
}

/// Build an article from decoded text: find the title, standfirst and passages, mark boilerplate.
pub fn build_article(source: &str, label: Option<&str>, text: String, meta: Metadata) -> Article {
    // Placeholder until segmentation lands: one passage per non-empty line.
    let mut passages = Vec::new();
    let mut offset = 0;
    for (paragraph, line) in text.split('\n').enumerate() {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            passages.push(Passage {
                span: start..start + trimmed.len(),
                role: if passages.is_empty() {
                    Role::Title
                } else {
                    Role::Body
                },
                paragraph,
            });
        }
        offset += line.len() + 1;
    }
    let label = label
        .map(str::to_owned)
        .unwrap_or_else(|| default_label(source, &meta));
    Article {
        source: source.to_owned(),
        label,
        text,
        meta,
        passages,
        notices: Vec::new(),
    }
}

fn default_label(source: &str, meta: &Metadata) -> String {
    if let Some(outlet) = &meta.outlet {
        return outlet.clone();
    }
    std::path::Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "-")
        .unwrap_or_else(|| "stdin".to_owned())
}

/// Compare two articles.
pub fn compare(left: Article, right: Article, _options: &CompareOptions) -> Comparison {
    // Placeholder until alignment lands: exact matches only.
    let articles = Pair::new(left, right);
    let mut links = Vec::new();
    let mut link_of = Pair::new(
        vec![None; articles.left.passages.len()],
        vec![None; articles.right.passages.len()],
    );
    for l in 0..articles.left.passages.len() {
        let lt = articles.left.passage_text(l);
        if let Some(r) = (0..articles.right.passages.len())
            .find(|&r| link_of.right[r].is_none() && articles.right.passage_text(r) == lt)
        {
            link_of.left[l] = Some(links.len());
            link_of.right[r] = Some(links.len());
            links.push(Link {
                passages: Pair::new(vec![l], vec![r]),
                kind: LinkKind::Identical,
                similarity: 1.0,
                moved: false,
                diff: vec![DiffPiece {
                    op: DiffOp::Equal,
                    text: lt.to_owned(),
                }],
                changes: Pair::default(),
            });
        }
    }
    Comparison {
        articles,
        links,
        link_of,
        stats: Stats::default(),
    }
}
