//! Article text is untrusted: control and escape characters must never reach the terminal.
//! Every character is drawn through [`display_char`].

use unicode_width::UnicodeWidthChar;

/// The character to draw for `c`, made harmless: whitespace becomes a space, C0/C1 controls
/// and DEL become visible symbols, and bidirectional overrides (which could reorder what the
/// reader sees) become the replacement character.
pub fn display_char(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c => crate::sanitize::stand_in(c).unwrap_or(c),
    }
}

/// Columns `c` takes once made harmless.
pub fn display_width(c: char) -> usize {
    display_char(c).width().unwrap_or(0)
}

/// `text` with every character made harmless.
pub fn clean(text: &str) -> String {
    text.chars().map(display_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible_symbols() {
        let cleaned = clean("a\u{1b}[31mb\u{7}\u{9b}c\u{202e}d");
        assert!(!cleaned.chars().any(|c| c.is_control()), "{cleaned:?}");
        assert_eq!(cleaned, "a\u{241b}[31mb\u{2407}\u{fffd}c\u{fffd}d");
    }
}
