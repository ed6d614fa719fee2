//! Article text comes from the web and may hold control and escape characters. Anything
//! parallax writes to a terminal goes through here, so a hostile article cannot move the
//! cursor, change colours or set the window title.

use std::borrow::Cow;

/// `s` with every control character except newline and tab replaced by a visible stand-in:
/// C0 controls by their Unicode control pictures (ESC becomes `␛`), DEL by `␡`, C1 controls
/// and bidirectional overrides by `�`.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| stand_in(c).is_some()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(|c| stand_in(c).unwrap_or(c)).collect())
}

/// The visible stand-in for a character that must not reach a terminal as it is, or `None`
/// for one that may (newline and tab included). The one definition of "unsafe" that the
/// reports, the reader and the notes CLI share.
pub fn stand_in(c: char) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{FFFD}'),
        // Bidirectional marks and overrides can make text display in another order than it
        // is stored.
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some('\u{FFFD}'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(visible("a\x1b[31mb\x07"), "a\u{241B}[31mb\u{2407}");
        assert_eq!(visible("x\u{9B}y\u{202E}z"), "x\u{FFFD}y\u{FFFD}z");
        // Every bidirectional control, the Arabic letter mark among them: the reader orders
        // right-to-left text itself, and an article must not steer it.
        for c in [
            '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{2066}', '\u{2069}',
        ] {
            assert_eq!(visible(&format!("a{c}b")), "a\u{FFFD}b", "{c:?}");
        }
        assert_eq!(visible("العبارة"), "العبارة");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        assert!(matches!(
            visible("Caf\u{e9}\n\tok"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
