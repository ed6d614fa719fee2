//! Unicode word boundaries (UAX #29) for news text, without table look-ups.
//!
//! Written by hand because segmentation dominated the engine's profile (a table look-up per
//! character in unicode-segmentation) and most news text is ASCII plus a little typography:
//! curly quotes, dashes, the ellipsis, a no-break space. For such text the rules reduce to:
//! runs of ASCII letters, digits and `_` are words; `:`, `.`, `'`, `‘` or `’` between two
//! letters and `,`, `;`, `.`, `'`, `‘` or `’` between two digits stay inside the word; runs of
//! spaces stay together, CR LF stays together; every other character stands alone. Any other
//! character (an accented letter, say) sends the passage down the full algorithm. A property
//! test (in `tokens.rs`) checks the tokens against unicode-segmentation's.

/// The non-ASCII characters handled here, as UTF-8, and whether each joins letters and
/// digits the way `.` does (Word_Break=MidNumLet); the others stand alone (Word_Break=Other).
const TYPOGRAPHY: [(&[u8], bool); 10] = [
    ("\u{2018}".as_bytes(), true),  // ‘
    ("\u{2019}".as_bytes(), true),  // ’
    ("\u{201C}".as_bytes(), false), // “
    ("\u{201D}".as_bytes(), false), // ”
    ("\u{2013}".as_bytes(), false), // –
    ("\u{2014}".as_bytes(), false), // —
    ("\u{2026}".as_bytes(), false), // …
    ("\u{A0}".as_bytes(), false),   // no-break space
    ("\u{AB}".as_bytes(), false),   // «
    ("\u{BB}".as_bytes(), false),   // »
];

/// The typographic character at the start of `rest`: its length and whether it joins.
fn typography(rest: &[u8]) -> Option<(usize, bool)> {
    TYPOGRAPHY
        .iter()
        .find(|(utf8, _)| rest.starts_with(utf8))
        .map(|(utf8, joins)| (utf8.len(), *joins))
}

/// Whether [`simple_tokens`] handles `s`: ASCII, and typography from the list above.
pub fn is_simple(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| !c.is_ascii()) {
        match typography(&b[i + k..]) {
            Some((len, _)) => i += k + len,
            None => return false,
        }
    }
    true
}

/// The tokens of `s`, which [`is_simple`] accepts, as `tokens` cuts them from the UAX #29
/// pieces: whitespace left out, a run of hyphens as one, each with whether it holds a letter
/// or digit. This runs over every word the aligner weighs and every word it diffs.
pub fn simple_tokens(s: &str) -> impl Iterator<Item = (std::ops::Range<usize>, bool)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let start = i;
            let c = *b.get(i)?;
            i += 1;
            if is_word(c) {
                let mut alphanumeric = c != b'_';
                while i < b.len() {
                    if is_word(b[i]) {
                        alphanumeric |= b[i] != b'_';
                        i += 1;
                        continue;
                    }
                    match middle(&b[i..]) {
                        // Only letters or digits are joined.
                        Some((len, mid))
                            if b.get(i + len).is_some_and(|&a| joins(b[i - 1], mid, a)) =>
                        {
                            alphanumeric = true;
                            i += len + 1;
                        }
                        _ => break,
                    }
                }
                return Some((start..i, alphanumeric));
            }
            match c {
                // Whitespace: runs of spaces, CR LF and the other ASCII spaces.
                b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => continue,
                b'-' => {
                    while b.get(i) == Some(&b'-') {
                        i += 1;
                    }
                }
                c if c.is_ascii() => {}
                _ => {
                    let len = typography(&b[start..]).map_or(1, |(len, _)| len);
                    i = start + len;
                    if &b[start..i] == "\u{A0}".as_bytes() {
                        continue;
                    }
                }
            }
            return Some((start..i, false));
        }
    })
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// What may stand between two letters or digits and keep them in one word.
#[derive(Clone, Copy)]
enum Middle {
    /// `:` joins letters only.
    Letters,
    /// `,` and `;` join digits only.
    Digits,
    /// `.`, `'`, `‘` and `’` join both.
    Both,
}

/// The character at the start of `rest`, if it is one that can join: its length and kind.
fn middle(rest: &[u8]) -> Option<(usize, Middle)> {
    match rest.first()? {
        b':' => Some((1, Middle::Letters)),
        b',' | b';' => Some((1, Middle::Digits)),
        b'.' | b'\'' => Some((1, Middle::Both)),
        c if !c.is_ascii() => match typography(rest)? {
            (len, true) => Some((len, Middle::Both)),
            (_, false) => None,
        },
        _ => None,
    }
}

/// `mid` keeps `before` and `after` in one word.
fn joins(before: u8, mid: Middle, after: u8) -> bool {
    let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    match mid {
        Middle::Letters => letters,
        Middle::Digits => digits,
        Middle::Both => letters || digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn other_characters_are_not_simple(s in "[a-c ]{0,5}[é\u{2032}\u{201E}\u{200B}][a-c ]{0,5}") {
            prop_assert!(!is_simple(&s));
        }
    }
}
