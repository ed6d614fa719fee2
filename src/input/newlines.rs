//! One line ending: `\n`. Spans and paragraph detection downstream count on it.

/// Turns CRLF and lone CR into LF, and drops a leading BOM character that survived decoding.
/// Text that has neither is returned as it came, without a copy.
pub fn normalize_line_endings(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    crate::engine::normalise_line_endings(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(
            normalize_line_endings("a\r\nb\rc\n\r\nd".into()),
            "a\nb\nc\n\nd"
        );
        assert_eq!(normalize_line_endings("\u{FEFF}title\n".into()), "title\n");
    }
}
