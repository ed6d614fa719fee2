//! Article text comes from the web and may hold control and escape characters. Anything
//! parallax writes to a terminal goes through here, so a hostile article cannot move the
//! cursor, change colours or set the window title.

use std::borrow::Cow;

/// `s` with every control character except newline and tab replaced by a visible stand-in:
/// C0 controls by their Unicode control pictures (ESC becomes `␛`), DEL by `␡`, C1 controls
/// and bidirectional overrides by `�`.
pub fn visible(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| if needs_escape(c) { stand_in(c) } else { c })
            .collect(),
    )
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// Bidirectional overrides can make text display in a different order than it is stored.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn stand_in(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1F => char::from_u32(0x2400 + n).unwrap_or('\u{FFFD}'),
        0x7F => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::visible;

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(visible("a\x1b[31mb\x07"), "a\u{241B}[31mb\u{2407}");
        assert_eq!(visible("x\u{9B}y\u{202E}z"), "x\u{FFFD}y\u{FFFD}z");
    }

    #[test]
    fn ordinary_text_is_untouched() {
        assert!(matches!(
            visible("Caf\u{e9}\n\tok"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
