//! Search across both articles: the prompt's text and the matches it found.

use crate::engine::Comparison;
use crate::side::Side;
use std::ops::Range;

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub side: Side,
    pub range: Range<usize>,
    pub passage: usize,
}

/// The result of a search: every match, left article first, each in text order.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub query: String,
    pub matches: Vec<Match>,
    /// Index into `matches` of the one the reader is on.
    pub current: Option<usize>,
}

impl SearchResults {
    pub fn run(comparison: &Comparison, query: &str) -> SearchResults {
        let mut matches = Vec::new();
        for side in Side::BOTH {
            let article = &comparison.articles[side];
            for range in find_all(&article.text, query) {
                // Matches in the gaps between passages have no passage to go to.
                let index = article
                    .passages
                    .partition_point(|p| p.span.end <= range.start);
                if let Some(p) = article.passages.get(index)
                    && p.span.start <= range.start
                {
                    matches.push(Match {
                        side,
                        range,
                        passage: index,
                    });
                }
            }
        }
        SearchResults {
            query: query.to_owned(),
            matches,
            current: None,
        }
    }

    /// Matches on `side` overlapping the byte range `within`.
    pub fn matches_in(&self, side: Side, within: Range<usize>) -> impl Iterator<Item = &Match> {
        let first = self
            .matches
            .partition_point(|m| m.side < side || (m.side == side && m.range.end <= within.start));
        self.matches[first..]
            .iter()
            .take_while(move |m| m.side == side && m.range.start < within.end)
    }

    /// The first match at or after `(side, passage)` in reading order, wrapping round.
    pub fn first_from(&self, side: Side, passage: usize) -> Option<usize> {
        let index = self
            .matches
            .partition_point(|m| (m.side, m.passage) < (side, passage));
        if self.matches.is_empty() {
            None
        } else {
            Some(index % self.matches.len())
        }
    }
}

/// Non-overlapping occurrences of `query`, ignoring ASCII case. Case folding beyond ASCII
/// would change byte lengths and so the spans; exact matching is kept for other letters.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle = query.as_bytes();
    let hay = text.as_bytes();
    let mut found = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return found;
    }
    let first = needle[0].to_ascii_lowercase();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        // A match starts on a char boundary: the needle's first byte is never a continuation byte.
        if hay[i].to_ascii_lowercase() == first
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
        {
            found.push(i..i + needle.len());
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ignoring_ascii_case() {
        assert_eq!(
            find_all("Mayor mayor MAYORAL", "mayor"),
            vec![0..5, 6..11, 12..17]
        );
        assert_eq!(find_all("École école", "école"), vec![7..13]);
        assert!(find_all("abc", "").is_empty());
    }
}
