//! Paragraph layout: scraped articles come either with blank lines between paragraphs or
//! with one paragraph per line, and sometimes hard-wrapped inside blank-line blocks.

use std::ops::Range;

/// Byte ranges of the paragraphs of `text`, trimmed of surrounding whitespace, in order.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let lines = nonblank_lines(text);
    if is_hard_wrapped(text, &lines) {
        blocks(&lines)
    } else {
        lines.into_iter().map(|l| l.range).collect()
    }
}

struct Line {
    range: Range<usize>,
    /// The line is followed directly by another non-blank line.
    continued: bool,
}

fn nonblank_lines(text: &str) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut offset = 0;
    let mut previous_blank = true;
    // Line ends found with memchr's vector search: `str::split` looks for them a word at a time.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    for line_end in ends {
        let raw = &text[offset..line_end];
        let start = offset + (raw.len() - raw.trim_start().len());
        let end = offset + raw.trim_end().len();
        offset = line_end + 1;
        if start >= end {
            previous_blank = true;
            continue;
        }
        if !previous_blank && let Some(last) = lines.last_mut() {
            last.continued = true;
        }
        lines.push(Line {
            range: start..end,
            continued: false,
        });
        previous_blank = false;
    }
    lines
}

/// A text is hard-wrapped when it separates blocks with blank lines and most line breaks
/// inside blocks fall mid-sentence. One-paragraph-per-line text breaks after sentence ends.
fn is_hard_wrapped(text: &str, lines: &[Line]) -> bool {
    let inner: Vec<&Line> = lines.iter().filter(|l| l.continued).collect();
    if inner.len() < 3 || inner.len() == lines.len().saturating_sub(1) {
        return false;
    }
    let mid_sentence = inner
        .iter()
        .filter(|l| {
            let line = &text[l.range.clone()];
            !line.ends_with(['.', '!', '?', '"', '\u{201D}', ':'])
        })
        .count();
    mid_sentence * 2 > inner.len()
}

fn blocks(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut open = false;
    for line in lines {
        match out.last_mut() {
            Some(block) if open => block.end = line.range.end,
            _ => out.push(line.range.clone()),
        }
        open = line.continued;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn blank_line_separated() {
        assert_eq!(
            texts("Title\n\nOne two.\n\n  Three.  \n"),
            ["Title", "One two.", "Three."]
        );
    }

    #[test]
    fn one_per_line() {
        assert_eq!(
            texts("Title\nOne two.\nThree."),
            ["Title", "One two.", "Three."]
        );
    }

    #[test]
    fn hard_wrapped_blocks_join() {
        let text = "Title\n\nThe council met on\nTuesday and voted\nto close it.\n\nLater the mayor\nsaid that she\nwould appeal.\n";
        assert_eq!(
            texts(text),
            [
                "Title",
                "The council met on\nTuesday and voted\nto close it.",
                "Later the mayor\nsaid that she\nwould appeal."
            ]
        );
    }
}
