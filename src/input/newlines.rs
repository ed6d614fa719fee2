//! One line ending: `\n`. Spans and paragraph detection downstream count on it.

/// Turns CRLF and lone CR into LF, and drops a leading BOM character that survived decoding.
pub fn normalize_line_endings(text: &str) -> String {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if !text.contains('\r') {
        return text.to_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(normalize_line_endings("a\r\nb\rc\n\r\nd"), "a\nb\nc\n\nd");
        assert_eq!(normalize_line_endings("\u{FEFF}title\n"), "title\n");
    }
}
