//! Word-boundary wrapping of one article at one width. Done once per width and kept: frames
//! only look rows up, so a million-word article scrolls as cheaply as a short one.

use super::sanitize::display_width;
use crate::engine::Article;
use rayon::prelude::*;
use std::ops::Range;

/// One screen row of a passage: a byte range of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: u32,
    pub end: u32,
}

impl Row {
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Every passage of an article wrapped to `width` columns.
#[derive(Debug, Clone)]
pub struct Wrapped {
    pub width: u16,
    rows: Vec<Row>,
    /// `first_row[p]..first_row[p + 1]` are passage `p`'s rows.
    first_row: Vec<u32>,
}

impl Wrapped {
    pub fn new(article: &Article, width: u16) -> Wrapped {
        let width = usize::from(width.max(1));
        // Passages wrap independently, so both cores can share the work on long articles.
        let per_passage: Vec<Vec<Row>> = article
            .passages
            .par_iter()
            .with_min_len(256)
            .map(|p| wrap_span(&article.text, p.span.clone(), width))
            .collect();
        let mut first_row = Vec::with_capacity(per_passage.len() + 1);
        let mut rows = Vec::with_capacity(per_passage.iter().map(Vec::len).sum());
        for passage_rows in per_passage {
            first_row.push(rows.len() as u32);
            rows.extend(passage_rows);
        }
        first_row.push(rows.len() as u32);
        Wrapped {
            width: width as u16,
            rows,
            first_row,
        }
    }

    pub fn rows(&self, passage: usize) -> &[Row] {
        &self.rows[self.first_row[passage] as usize..self.first_row[passage + 1] as usize]
    }

    pub fn row_count(&self, passage: usize) -> usize {
        (self.first_row[passage + 1] - self.first_row[passage]) as usize
    }
}

/// Greedy wrapping at whitespace; a word wider than the row is cut across rows.
/// Every passage gets at least one row, so an empty one still shows its markers.
fn wrap_span(text: &str, span: Range<usize>, width: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let slice = &text[span.clone()];
    let base = span.start;
    let mut row_start: Option<usize> = None;
    let mut row_end = 0;
    let mut row_width = 0;
    let words = WordIter {
        text: slice,
        pos: 0,
    };
    let pieces = words
        .flat_map(|(start, end)| pieces(slice, start, end).map(move |(s, e)| (s, e, s == start)));
    for (word_start, word_end, after_space) in pieces {
        let word = &slice[word_start..word_end];
        let word_width: usize = word.chars().map(display_width).sum();
        let gap = usize::from(row_start.is_some() && after_space);
        if row_start.is_some() && row_width + gap + word_width <= width {
            row_end = word_end;
            row_width += gap + word_width;
            continue;
        }
        if let Some(start) = row_start.take() {
            rows.push(row(base, start, row_end));
        }
        if word_width <= width {
            row_start = Some(word_start);
            row_end = word_end;
            row_width = word_width;
            continue;
        }
        // Cut an over-long word at character boundaries.
        let mut piece_start = word_start;
        let mut piece_width = 0;
        for (offset, c) in word.char_indices() {
            let w = display_width(c);
            if piece_width + w > width && piece_width > 0 {
                rows.push(row(base, piece_start, word_start + offset));
                piece_start = word_start + offset;
                piece_width = 0;
            }
            piece_width += w;
        }
        row_start = Some(piece_start);
        row_end = word_end;
        row_width = piece_width;
    }
    if let Some(start) = row_start {
        rows.push(row(base, start, row_end));
    }
    if rows.is_empty() {
        rows.push(row(base, 0, 0));
    }
    rows
}

fn row(base: usize, start: usize, end: usize) -> Row {
    Row {
        start: (base + start) as u32,
        end: (base + end) as u32,
    }
}

/// The pieces of the word at `text[start..end]` that a row may end between: the word itself,
/// or in Chinese and Japanese, which have no spaces, each character, except that a row never
/// starts with closing punctuation (。」) nor ends with an opening bracket (「).
fn pieces(text: &str, start: usize, end: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let word = &text[start..end];
    let wide = |c: char| display_width(c) == 2;
    // Where a row may end inside the word, found lazily: most words have no such place, and
    // a long article has a million words to wrap.
    let mut inner = (!word.is_ascii())
        .then(|| {
            word.char_indices()
                .zip(word.chars().skip(1))
                .filter(move |&((_, p), c)| {
                    (wide(p) || wide(c)) && !no_break_before(c) && !no_break_after(p)
                })
                .map(move |((offset, p), _)| start + offset + p.len_utf8())
        })
        .into_iter()
        .flatten()
        .chain(std::iter::once(end));
    let mut from = start;
    std::iter::from_fn(move || {
        let to = inner.next()?;
        let piece = (from, to);
        from = to;
        Some(piece)
    })
}

fn no_break_before(c: char) -> bool {
    crate::engine::script::is_wide_closing(c)
        || crate::engine::script::is_wide_terminal(c)
        || unicode_width::UnicodeWidthChar::width(c) == Some(0)
        || matches!(
            c,
            '、' | '，'
                | '：'
                | '；'
                | '・'
                | 'ー'
                | '々'
                | '”'
                | '’'
                | ')'
                | ','
                | '.'
                | '!'
                | '?'
        )
}

fn no_break_after(c: char) -> bool {
    crate::engine::script::is_wide_opening(c) || matches!(c, '“' | '‘' | '(')
}

/// Byte ranges of whitespace-separated words.
struct WordIter<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for WordIter<'_> {
    type Item = (usize, usize);
    fn next(&mut self) -> Option<(usize, usize)> {
        let rest = &self.text[self.pos..];
        let start = self.pos + (rest.len() - rest.trim_start().len());
        if start >= self.text.len() {
            self.pos = self.text.len();
            return None;
        }
        let after = &self.text[start..];
        let len = after.find(char::is_whitespace).unwrap_or(after.len());
        self.pos = start + len;
        Some((start, start + len))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> Vec<&str> {
        wrap_span(text, 0..text.len(), width)
            .into_iter()
            .map(|r| &text[r.range()])
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn cuts_words_longer_than_the_row() {
        assert_eq!(wrap("ab abcdefghij", 4), vec!["ab", "abcd", "efgh", "ij"]);
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(wrap("日本語 日本", 6), vec!["日本語", "日本"]);
    }

    #[test]
    fn chinese_wraps_between_characters_and_fills_the_row() {
        // Ten columns: five characters a row, with no space to break at.
        assert_eq!(
            wrap("渡轮周三全天停航乘客滞留", 10),
            vec!["渡轮周三全", "天停航乘客", "滞留"]
        );
    }

    #[test]
    fn a_row_never_starts_with_closing_punctuation() {
        // The stop would start the second row: it goes with the character before it.
        assert_eq!(wrap("渡轮停航了。乘客", 10), vec!["渡轮停航", "了。乘客"]);
        assert_eq!(wrap("他说「停航」", 6), vec!["他说", "「停", "航」"]);
    }

    #[test]
    fn rows_never_overflow_with_wide_characters() {
        let text = "港务局发言人表示，渡轮将于周五恢复运营。Ferry 公司 resumes service on Friday.";
        for width in 2..30 {
            for row in wrap(text, width) {
                let w: usize = row.chars().map(display_width).sum();
                assert!(w <= width, "{row:?} is {w} columns, wider than {width}");
            }
        }
    }

    #[test]
    fn combining_marks_stay_on_their_base() {
        // "é" written as e + U+0301 is one column: a cut never falls between the two.
        let text = "cafe\u{301}s";
        assert_eq!(wrap(text, 4), vec!["cafe\u{301}", "s"]);
        assert_eq!(wrap("ค่ะค่ะ", 2), vec!["ค่ะ", "ค่ะ"]);
    }

    #[test]
    fn empty_passage_still_has_a_row() {
        assert_eq!(wrap("   ", 5), vec![""]);
    }
}
