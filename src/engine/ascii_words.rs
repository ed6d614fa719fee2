//! Unicode word boundaries (UAX #29) for ASCII text, without table look-ups.
//!
//! Written by hand because segmentation dominated the engine's profile (a table look-up per
//! character in unicode-segmentation) and most news text is ASCII. For ASCII input the rules
//! reduce to: runs of letters, digits and `_` are words; `:`, `.` or `'` between two letters
//! and `,`, `;`, `.` or `'` between two digits stay inside the word; runs of spaces stay
//! together, CR LF stays together; every other character stands alone. A property test
//! checks this against unicode-segmentation.

/// Like `split_word_bound_indices`, for ASCII `s` only.
pub fn ascii_word_bounds(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= b.len() {
            return None;
        }
        let start = i;
        let c = b[i];
        i += 1;
        if is_word(c) {
            while i < b.len() {
                if is_word(b[i]) {
                    i += 1;
                } else if i + 1 < b.len() && joins(b[i - 1], b[i], b[i + 1]) {
                    i += 2;
                } else {
                    break;
                }
            }
        } else if c == b' ' {
            while i < b.len() && b[i] == b' ' {
                i += 1;
            }
        } else if c == b'\r' && b.get(i) == Some(&b'\n') {
            i += 1;
        }
        Some((start, &s[start..i]))
    })
}

fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `mid` keeps `before` and `after` in one word.
fn joins(before: u8, mid: u8, after: u8) -> bool {
    let letters = before.is_ascii_alphabetic() && after.is_ascii_alphabetic();
    let digits = before.is_ascii_digit() && after.is_ascii_digit();
    (letters && matches!(mid, b':' | b'.' | b'\''))
        || (digits && matches!(mid, b',' | b';' | b'.' | b'\''))
}

#[cfg(test)]
mod tests {
    use super::ascii_word_bounds;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_unicode_segmentation(s in "[a-cA-C0-2_:.',;\\-\"() \t\r\n!?]{0,40}") {
            let ours: Vec<(usize, &str)> = ascii_word_bounds(&s).collect();
            let theirs: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn news_text() {
        let s = "U.S.-backed forces, 3,000 strong, can't wait: 10:30.";
        let got: Vec<&str> = ascii_word_bounds(s).map(|(_, t)| t).collect();
        let want: Vec<&str> = s.split_word_bounds().collect();
        assert_eq!(got, want);
    }
}
