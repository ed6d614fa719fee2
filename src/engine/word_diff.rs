//! The word-level diff inside a link, with `similar`.
//!
//! Tokens are Unicode word boundaries (UAX #29, the tokenisation of similar's
//! `diff_unicode_words`) with whitespace dropped, so punctuation never sticks to a word and
//! "Daesh [ISIS]" differs from "Daesh" by exactly the bracketed word. Tokens are compared in
//! folded form (case, typographic quotes and dashes), so only real wording changes show.

use super::article::Article;
use super::comparison::{DiffOp, DiffPiece, PassageIds};
use super::tokens::{Token, each_token, fold_into, is_quote_mark};
use crate::side::Pair;
use rustc_hash::FxHashMap;
use similar::algorithms::{DiffHook, diff_deadline};
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};
use std::ops::Range;
use std::time::Instant;

/// Diffs of at most this many token pairs (sides' lengths multiplied) run without a
/// deadline: they take a few milliseconds at worst (4–9 ms measured at 1024 words a side),
/// and `similar` reads the clock over and over while a deadline is set, which cost more than
/// the sentence-sized diffs themselves.
const UNBOUNDED_DIFF: usize = 1 << 20;

/// How to diff `n` tokens against `m`. `similar`'s table-filling LCS takes time and memory in
/// proportion to the product of the lengths, which for sentences is small; its Myers takes
/// time in proportion to the differences, most of the words of a paraphrase, and beyond a
/// search cost of 256 takes shortcuts that can miss common words (a 346- against 470-word
/// paragraph scored 0.2637 with it, 0.2736 exactly). So sentence-sized diffs are exact, and a
/// reworded text compares about a tenth faster; only huge ones fall back to Myers.
fn algorithm_for(n: usize, m: usize) -> Algorithm {
    if n.saturating_mul(m) <= UNBOUNDED_DIFF {
        Algorithm::Lcs
    } else {
        Algorithm::Myers
    }
}

/// A diff hook that counts the items the two sides have in common.
struct EqualCount(usize);

impl DiffHook for EqualCount {
    type Error = std::convert::Infallible;

    fn equal(&mut self, _old: usize, _new: usize, len: usize) -> Result<(), Self::Error> {
        self.0 += len;
        Ok(())
    }
}

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
    first_start: usize,
    /// Where the side's last passage ends: a closing quotation mark after the last word is no
    /// token, and would otherwise fall out of the pieces.
    last_end: usize,
    tokens: Vec<Token>,
    keys: Vec<u32>,
}

/// The folded form of every token of a link, one after another in one buffer, so that
/// numbering them takes no allocation per word: a link's words were each a boxed string in a
/// table of its own, and allocating them was a tenth of aligning a long rewritten text.
#[derive(Default)]
struct Folded {
    text: String,
    spans: Vec<Range<usize>>,
}

impl Folded {
    /// The number of each folded token, equal for equal forms, in order.
    fn numbers(&self) -> Vec<u32> {
        let mut ids: FxHashMap<&str, u32> =
            FxHashMap::with_capacity_and_hasher(self.spans.len(), Default::default());
        self.spans
            .iter()
            .map(|span| {
                let next = ids.len() as u32;
                *ids.entry(&self.text[span.clone()]).or_insert(next)
            })
            .collect()
    }
}

/// The diff tokens of passages `ids`, which hold `words` words, with their folded forms
/// added to `folded`; their keys are left for [`Folded::numbers`].
fn side_tokens<'a>(
    article: &'a Article,
    ids: &[usize],
    words: usize,
    folded: &mut Folded,
) -> SideTokens<'a> {
    // Room for the words and as much punctuation again.
    let mut tokens = Vec::with_capacity(2 * words);
    for &i in ids {
        each_token(&article.text, article.passages[i].span.clone(), |t| {
            let s = &article.text[t.span.clone()];
            // Outlets add and drop quotation marks around the same words.
            if is_quote_mark(s) {
                return;
            }
            let start = folded.text.len();
            fold_into(s, &mut folded.text);
            folded.spans.push(start..folded.text.len());
            tokens.push(t);
        });
    }
    let first_start = ids.first().map_or(0, |&i| article.passages[i].span.start);
    let last_end = ids.last().map_or(0, |&i| article.passages[i].span.end);
    SideTokens {
        text: &article.text,
        first_start,
        last_end,
        tokens,
        keys: Vec::new(),
    }
}

/// Diff the passages `ids` of each article, left to right.
pub fn diff(
    articles: &Pair<Article>,
    ids: &Pair<PassageIds>,
    deadline: Option<Instant>,
) -> WordDiff {
    if let Some(same) = verbatim(articles, ids) {
        return same;
    }
    let words = Pair::from_fn(|s| {
        ids[s]
            .iter()
            .map(|&i| articles[s].passages[i].words)
            .sum::<usize>()
    });
    let mut folded = Folded::default();
    let mut left = side_tokens(&articles.left, &ids.left, words.left, &mut folded);
    let mut right = side_tokens(&articles.right, &ids.right, words.right, &mut folded);
    let mut keys = folded.numbers();
    right.keys = keys.split_off(left.tokens.len());
    left.keys = keys;
    // The deadline only guards against pathological inputs.
    let deadline =
        deadline.filter(|_| left.keys.len().saturating_mul(right.keys.len()) > UNBOUNDED_DIFF);
    let algorithm = algorithm_for(left.keys.len(), right.keys.len());
    let ops = capture_diff_slices_deadline(algorithm, &left.keys, &right.keys, deadline);

    let mut chunks: Vec<Chunk> = Vec::new();
    for op in &ops {
        let (tag, l, r) = op.as_tag_tuple();
        push_chunk(
            &mut chunks,
            Chunk {
                equal: tag == DiffTag::Equal,
                l,
                r,
            },
        );
    }
    let chunks = absorb_punctuation(chunks, &left);

    let mut pieces: Vec<DiffPiece> = Vec::new();
    let mut changes = Pair::new(Vec::new(), Vec::new());
    for chunk in chunks {
        if chunk.equal {
            push(&mut pieces, DiffOp::Equal, &left, chunk.l);
        } else {
            mark(&mut changes.left, &left, chunk.l.clone());
            mark(&mut changes.right, &right, chunk.r.clone());
            push(&mut pieces, DiffOp::Delete, &left, chunk.l);
            push(&mut pieces, DiffOp::Insert, &right, chunk.r);
        }
    }
    // The share of words is taken from a diff of the words alone: counted off the full diff,
    // it would depend on whether a word or a comma won a tie, and so on which side is left.
    let words = |s: &SideTokens| -> Vec<u32> {
        s.tokens
            .iter()
            .zip(&s.keys)
            .filter(|(t, _)| t.is_word)
            .map(|(_, &k)| k)
            .collect()
    };
    let (lw, rw) = (words(&left), words(&right));
    // Only the count of common words is wanted here: the length of a longest common
    // subsequence, which is the same whichever side is left.
    // Counted as the algorithm reports equal runs: capturing them as ops, merged and slid
    // as for display, only to count them, cost 3-5% of comparing a reworded text.
    let mut equal_words = EqualCount(0);
    diff_deadline(
        algorithm_for(lw.len(), rw.len()),
        &mut equal_words,
        &lw,
        0..lw.len(),
        &rw,
        0..rw.len(),
        deadline,
    )
    .unwrap_or_else(|never| match never {});
    let equal_words = equal_words.0;
    let total = lw.len() + rw.len();
    let ratio = if total == 0 {
        1.0
    } else {
        (2 * equal_words) as f64 / total as f64
    };
    let identical = ops.iter().all(|op| op.tag() == DiffTag::Equal);
    WordDiff {
        pieces,
        changes,
        ratio,
        identical,
    }
}

/// Most shared passages between copies of one story are the same to the byte; they need no
/// tokens and no diff, and get no pieces: see [`Link::diff`](super::comparison::Link::diff).
fn verbatim(articles: &Pair<Article>, ids: &Pair<PassageIds>) -> Option<WordDiff> {
    let ([l], [r]) = (ids.left.as_slice(), ids.right.as_slice()) else {
        return None;
    };
    (articles.left.passage_text(*l) == articles.right.passage_text(*r)).then(|| WordDiff {
        pieces: Vec::new(),
        changes: Pair::new(Vec::new(), Vec::new()),
        ratio: 1.0,
        identical: true,
    })
}

/// A run of tokens that is the same on both sides, or differs.
struct Chunk {
    equal: bool,
    l: Range<usize>,
    r: Range<usize>,
}

fn push_chunk(chunks: &mut Vec<Chunk>, c: Chunk) {
    match chunks.last_mut() {
        Some(last) if last.equal == c.equal => {
            last.l.end = c.l.end;
            last.r.end = c.r.end;
        }
        _ => chunks.push(c),
    }
}

/// A lone comma or hyphen that happens to match between two changes is no common ground for
/// a reader; folding it into the change keeps "[-militia linked to the-] {+al+}-..." from
/// splintering around it.
fn absorb_punctuation(chunks: Vec<Chunk>, left: &SideTokens) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    let n = chunks.len();
    for (i, c) in chunks.into_iter().enumerate() {
        let between_changes = i > 0 && i + 1 < n;
        let no_words = !left.tokens[c.l.clone()].iter().any(|t| t.is_word);
        let equal = c.equal && !(between_changes && no_words);
        push_chunk(&mut out, Chunk { equal, ..c });
    }
    out
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
        // From the passage start, so that an opening quotation mark is kept.
        side.first_start.min(first.span.start)
    } else {
        side.tokens[range.start - 1].span.end
    };
    let end = if range.end == side.tokens.len() {
        side.last_end.max(last.span.end)
    } else {
        last.span.end
    };
    let mut text = side.text[start..end].to_owned();
    if pieces.is_empty() {
        text = text.trim_start().to_owned();
    } else if range.start == 0 && !text.starts_with(char::is_whitespace) {
        // The other side's words came first; keep the two apart.
        text.insert(0, ' ');
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
            Some(last) if side.text[last.end..t.span.start].chars().all(|c| c == ' ') => {
                last.end = t.span.end
            }
            _ => ranges.push(t.span.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Metadata, build_article};

    fn one_passage_each(left: &str, right: &str) -> (Pair<Article>, Pair<PassageIds>) {
        let article = |text: &str| {
            let a = build_article("t", None, format!("Title\n\n{text}"), Metadata::default());
            assert_eq!(a.passages.len(), 2, "{text:?} is one sentence");
            a
        };
        (
            Pair::new(article(left), article(right)),
            Pair::new(smallvec::smallvec![1], smallvec::smallvec![1]),
        )
    }

    #[test]
    fn the_left_pieces_spell_out_the_left_text_to_its_closing_quotation_mark() {
        let quoted = "He said, \u{201C}We will rebuild the pier.\u{201D}";
        for other in [
            "He said, We will rebuild the pier.",
            "He said they will rebuild the old pier.",
        ] {
            let (articles, ids) = one_passage_each(quoted, other);
            let d = diff(&articles, &ids, None);
            let left: String = d
                .pieces
                .iter()
                .filter(|p| p.op != DiffOp::Insert)
                .map(|p| p.text.as_str())
                .collect();
            assert_eq!(left, quoted, "against {other:?}: {:?}", d.pieces);
        }
    }

    #[test]
    fn quotation_marks_are_no_difference() {
        let (articles, ids) = one_passage_each("\u{201C}Go,\u{201D} he said.", "Go, he said.");
        let d = diff(&articles, &ids, None);
        assert!(d.identical);
        assert_eq!(d.ratio, 1.0);
        let words = articles.left.passages[1].words;
        let tokens = side_tokens(&articles.left, &ids.left, words, &mut Folded::default());
        let words: Vec<&str> = tokens
            .tokens
            .iter()
            .map(|t| &articles.left.text[t.span.clone()])
            .collect();
        assert_eq!(words, ["Go", ",", "he", "said", "."]);
    }

    /// Passages of quotation marks alone have no tokens: no pieces, and no made-up equal one.
    #[test]
    fn quotation_marks_alone_make_no_pieces() {
        let (articles, ids) = one_passage_each("\u{201C}", "\"");
        let d = diff(&articles, &ids, None);
        assert!(d.identical && d.pieces.is_empty());
        let link = crate::engine::Link {
            passages: ids,
            kind: crate::engine::LinkKind::Identical,
            similarity: 1.0,
            moved: false,
            diff: d.pieces,
            changes: d.changes,
        };
        assert_eq!(link.pieces(&articles).iter().count(), 0);
    }

    #[test]
    fn a_bracketed_insertion_is_the_only_change() {
        let (articles, ids) = one_passage_each(
            "Movements by Daesh were spotted.",
            "Movements by Daesh [ISIS] were spotted.",
        );
        let d = diff(&articles, &ids, None);
        assert!(!d.identical);
        let inserted: Vec<&str> = d
            .pieces
            .iter()
            .filter(|p| p.op == DiffOp::Insert)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(inserted, [" [ISIS]"]);
        assert!(d.pieces.iter().all(|p| p.op != DiffOp::Delete));
    }

    /// A long sentence of `n` of `words`, the same for the same `seed`.
    fn sentence(n: usize, seed: u64, words: &[&'static str]) -> String {
        let mut state = seed;
        let mut out: Vec<&str> = (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                words[(state >> 33) as usize % words.len()]
            })
            .collect();
        out[0] = "Port";
        out.join(" ") + "."
    }

    /// The pieces keep as many words equal as the longest common subsequence holds, which is
    /// what the ratio counts: a diff that took shortcuts would show common words as changed.
    #[test]
    fn pieces_keep_every_common_word_of_a_long_rewording() {
        const N: usize = 900;
        let article = |text: String| {
            let a = build_article("t", None, format!("Title\n\n{text}"), Metadata::default());
            assert_eq!(a.passages.len(), 2);
            a
        };
        let words = [
            "port", "storm", "ferry", "crew", "quay", "tide", "wind", "dock", "gale", "pier",
            "hull", "mast",
        ];
        let articles = Pair::new(
            article(sentence(N, 1, &words[..8])),
            article(sentence(N, 2, &words[4..])),
        );
        let ids = Pair::new(smallvec::smallvec![1], smallvec::smallvec![1]);
        let d = diff(&articles, &ids, None);
        let equal_words: usize = d
            .pieces
            .iter()
            .filter(|p| p.op == DiffOp::Equal)
            .map(|p| {
                p.text
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
            })
            .sum();
        let total = 2 * N;
        assert_eq!(equal_words, (d.ratio * total as f64 / 2.0).round() as usize);
        assert!(
            equal_words > 200,
            "texts drawn from overlapping halves of one vocabulary share many words in order"
        );
    }
}
