//! A plain-text summary for when stdout is not a terminal. The full text report replaces it.

use crate::engine::Comparison;
use crate::side::Side;
use std::fmt::Write;

pub fn plain(comparison: &Comparison) -> String {
    let mut out = String::new();
    for side in Side::BOTH {
        let article = &comparison.articles[side];
        let unique = (0..article.passages.len())
            .filter(|&p| comparison.link_of[side][p].is_none())
            .count();
        let _ = writeln!(
            out,
            "{}: {} ({} passages, {} only here)",
            side.name(),
            super::sanitize::clean(&article.label),
            article.passages.len(),
            unique
        );
        if let Some(title) = article.title() {
            let _ = writeln!(out, "  {}", super::sanitize::clean(title));
        }
    }
    let _ = writeln!(out, "{} shared passages", comparison.links.len());
    out
}
