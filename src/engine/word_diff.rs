//! The word-level diff inside a link, with `similar`.
//!
//! Tokens are Unicode word boundaries (UAX #29, the tokenisation of similar's
//! `diff_unicode_words`) with whitespace dropped, so punctuation never sticks to a word and
//! "Daesh [ISIS]" differs from "Daesh" by exactly the bracketed word. Tokens are compared in
//! folded form (case, typographic quotes and dashes), so only real wording changes show.

use super::article::Article;
use super::comparison::{DiffOp, DiffPiece};
use super::tokens::{Token, diff_tokens, fold};
use crate::side::Pair;
use rustc_hash::FxHashMap;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use std::ops::Range;
use std::time::Instant;

pub struct WordDiff {
    pub pieces: Vec<DiffPiece>,
    /// Byte ranges, per side, of the words that differ.
    pub changes: Pair<Vec<Range<usize>>>,
    /// Share of words (not punctuation) the two sides have in common, 0.0 to 1.0.
    pub ratio: f64,
    /// No token differs once folded.
    pub identical: bool,
}

struct SideTokens<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    keys: Vec<u32>,
}

fn side_tokens<'a>(article: &'a Article, ids: &[usize], vocab: &mut FxHashMap<String, u32>) -> SideTokens<'a> {
    let tokens: Vec<Token> = ids.iter().flat_map(|&i| diff_tokens(&article.text, article.passages[i].span.clone())).collect();
    let keys = tokens
        .iter()
        .map(|t| {
            let next = vocab.len() as u32;
            *vocab.entry(fold(&article.text[t.span.clone()])).or_insert(next)
        })
        .collect();
    SideTokens { text: &article.text, tokens, keys }
}

/// Diff the passages `ids` of each article, left to right.
pub fn diff(articles: &Pair<Article>, ids: &Pair<Vec<usize>>, deadline: Option<Instant>) -> WordDiff {
    if let Some(same) = verbatim(articles, ids) {
        return same;
    }
    let mut vocab = FxHashMap::default();
    let left = side_tokens(&articles.left, &ids.left, &mut vocab);
    let right = side_tokens(&articles.right, &ids.right, &mut vocab);
    // Myers gives a minimal script, so the count of equal words does not depend on which
    // side is left; the deadline only guards against pathological inputs.
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &left.keys, &right.keys, deadline);

    let mut pieces: Vec<DiffPiece> = Vec::new();
    let mut changes = Pair::new(Vec::new(), Vec::new());
    let mut equal_words = 0usize;
    for op in &ops {
        let (tag, l, r) = op.as_tag_tuple();
        {
            match tag {
                DiffTag::Equal => {
                    equal_words += left.tokens[l.clone()].iter().filter(|t| t.is_word).count();
                    push(&mut pieces, DiffOp::Equal, &left, l);
                }
                DiffTag::Delete => {
                    mark(&mut changes.left, &left, l.clone());
                    push(&mut pieces, DiffOp::Delete, &left, l);
                }
                DiffTag::Insert => {
                    mark(&mut changes.right, &right, r.clone());
                    push(&mut pieces, DiffOp::Insert, &right, r);
                }
                DiffTag::Replace => {
                    mark(&mut changes.left, &left, l.clone());
                    mark(&mut changes.right, &right, r.clone());
                    push(&mut pieces, DiffOp::Delete, &left, l);
                    push(&mut pieces, DiffOp::Insert, &right, r);
                }
            }
        }
    }
    let words = |s: &SideTokens| s.tokens.iter().filter(|t| t.is_word).count();
    let total = words(&left) + words(&right);
    let ratio = if total == 0 { 1.0 } else { (2 * equal_words) as f64 / total as f64 };
    let identical = ops.iter().all(|op| op.tag() == DiffTag::Equal);
    WordDiff { pieces, changes, ratio, identical }
}

/// Most links in long texts join two byte-identical passages: skip segmenting and diffing
/// them. The result is the one the full diff gives, one equal piece from the first to the last
/// diff token, so the fast path is only taken when those bounds are plainly the trimmed text:
/// it must start and end with a character that is no quotation mark and cannot join
/// whitespace or a neighbour into one token.
fn verbatim(articles: &Pair<Article>, ids: &Pair<Vec<usize>>) -> Option<WordDiff> {
    fn text(a: &Article, i: usize) -> Option<&str> {
        a.passages.get(i).map(|p| &a.text[p.span.clone()])
    }
    let ([l], [r]) = (ids.left.as_slice(), ids.right.as_slice()) else {
        return None;
    };
    let (left, right) = (text(&articles.left, *l)?, text(&articles.right, *r)?);
    if left != right {
        return None;
    }
    let trimmed = left.trim();
    let ascii =
        |c: char| c.is_ascii_alphanumeric() || (c.is_ascii_punctuation() && !"'\"".contains(c));
    // A combining letter could join the whitespace before it into one token.
    let unspaced = trimmed.len() == left.len();
    let first_ok =
        trimmed.starts_with(ascii) || (unspaced && trimmed.starts_with(char::is_alphanumeric));
    if !first_ok || !trimmed.ends_with(|c: char| ascii(c) || c.is_alphanumeric()) {
        return None;
    }
    Some(WordDiff {
        pieces: vec![DiffPiece {
            op: DiffOp::Equal,
            text: trimmed.to_owned(),
        }],
        changes: Pair::new(Vec::new(), Vec::new()),
        ratio: 1.0,
        identical: true,
    })
}

/// Append the text of tokens `range` as a piece, with the whitespace before it, so that the
/// equal and deleted pieces spell out the left text and the equal and inserted the right.
fn push(pieces: &mut Vec<DiffPiece>, op: DiffOp, side: &SideTokens, range: Range<usize>) {
    if range.is_empty() {
        return;
    }
    let first = &side.tokens[range.start];
    let last = &side.tokens[range.end - 1];
    let start = if range.start == 0 {
        first.span.start
    } else {
        side.tokens[range.start - 1].span.end
    };
    let mut text = side.text[start..last.span.end].to_owned();
    if pieces.is_empty() {
        text = text.trim_start().to_owned();
    }
    match pieces.last_mut() {
        Some(p) if p.op == op => p.text.push_str(&text),
        _ => pieces.push(DiffPiece { op, text }),
    }
}

/// Record the byte ranges of changed tokens, joining neighbours within one passage.
fn mark(ranges: &mut Vec<Range<usize>>, side: &SideTokens, range: Range<usize>) {
    for t in &side.tokens[range] {
        match ranges.last_mut() {
            Some(last) if side.text[last.end..t.span.start].chars().all(|c| c == ' ') => last.end = t.span.end,
            _ => ranges.push(t.span.clone()),
        }
    }
}
