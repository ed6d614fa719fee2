//! Counting a passage's words: runs of characters other than ASCII whitespace, and in scripts
//! written without spaces (Chinese, Japanese, Thai), each character.

use super::script;

/// `u8::is_ascii_whitespace` as comparisons only, which the compiler turns into vector code.
fn is_space(b: u8) -> bool {
    (b == b' ') | ((b.wrapping_sub(b'\t') < 5) & (b != 0x0B))
}

/// The passage's words (see the module comment). Every passage of both articles is counted,
/// so the common case, text with spaces, is one pass of vector code that also notices a byte
/// that may begin a character of a script without spaces; only then is it counted again
/// character by character.
pub fn count_words(bytes: &[u8]) -> usize {
    match count_runs(bytes) {
        (_, true) => count_units(bytes),
        (runs, false) => runs,
    }
}

/// Words of text that may hold scripts without spaces. A Chinese sentence has no spaces, and
/// counted by runs it would be one word, taken for a tag line by every rule that weighs length.
/// Each of its characters counts instead (a Chinese word is one to three of them), and its
/// full-width punctuation separates like a space.
fn count_units(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let mut words = 0;
    let mut in_run = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() || script::is_wide_punctuation(c) {
            in_run = false;
        } else if script::is_unspaced(c) {
            words += usize::from(script::is_unspaced_unit(c));
            in_run = false;
        } else if !in_run {
            words += 1;
            in_run = true;
        }
    }
    words
}

/// The number of runs of non-whitespace bytes, as `split(u8::is_ascii_whitespace)` would
/// count its non-empty pieces, and whether any byte may begin an unspaced character. Written
/// to vectorise: a word starts wherever a non-space follows a space, a test on neighbouring
/// bytes with no state carried along, taken sixteen pairs at a time. The last few pairs are
/// counted in a copy padded with spaces, which start no word, so that short passages too run
/// in vector code rather than a byte-at-a-time loop for their remainder.
fn count_runs(bytes: &[u8]) -> (usize, bool) {
    const LANES: usize = 16;
    let starts = |pairs: &[u8; LANES + 1]| -> (usize, bool) {
        let mut n: u8 = 0;
        let mut unspaced = false;
        for k in 0..LANES {
            n += u8::from(is_space(pairs[k]) & !is_space(pairs[k + 1]));
            unspaced |= script::is_unspaced_lead(pairs[k + 1]);
        }
        (usize::from(n), unspaced)
    };
    let Some(&first) = bytes.first() else {
        return (0, false);
    };
    let mut words = usize::from(!is_space(first));
    let mut unspaced = script::is_unspaced_lead(first);
    let mut at = 0;
    while let Some(window) = bytes.get(at..at + LANES + 1) {
        let (n, u) = starts(window.try_into().expect("LANES + 1 bytes"));
        words += n;
        unspaced |= u;
        at += LANES;
    }
    let mut tail = [b' '; LANES + 1];
    tail[..bytes.len() - at].copy_from_slice(&bytes[at..]);
    let (n, u) = starts(&tail);
    (words + n, unspaced | u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn by_split(bytes: &[u8]) -> usize {
        bytes
            .split(u8::is_ascii_whitespace)
            .filter(|w| !w.is_empty())
            .count()
    }

    #[test]
    fn space_is_ascii_whitespace() {
        for b in 0..=u8::MAX {
            assert_eq!(is_space(b), b.is_ascii_whitespace(), "byte {b}");
        }
    }

    #[test]
    fn counts_words_not_spaces() {
        assert_eq!(count_words(b""), 0);
        assert_eq!(count_words(b"   \n"), 0);
        assert_eq!(count_words(b"Mr Ghasri said."), 3);
        assert_eq!(count_words(b"  two\t\twords  "), 2);
        assert_eq!(count_words("“Daesh [ISIS]” — fled".as_bytes()), 4);
    }

    #[test]
    fn characters_count_where_words_have_no_spaces() {
        // Four characters of Chinese, a number and two more characters; the stop counts nothing.
        assert_eq!(count_words("渡轮停航。2019年大风".as_bytes()), 8);
        assert_eq!(
            count_words("ฝนตกหนัก".as_bytes()),
            7,
            "Thai vowel signs join their consonant"
        );
        assert_eq!(count_words("Пароход «Ласточка» отменён".as_bytes()), 3);
        assert_eq!(count_words("أعلنت الشركة".as_bytes()), 2);
    }

    proptest! {
        #[test]
        fn agrees_with_split(text in "[ a-z\t\n\u{0B}\u{0C}\r.é—]{0,700}") {
            prop_assert_eq!(count_words(text.as_bytes()), by_split(text.as_bytes()));
        }

        #[test]
        fn the_vector_pass_notices_unspaced_text(text in "[ a-z\n.é—“中กカ한ж]{0,100}") {
            prop_assert_eq!(count_runs(text.as_bytes()).1, script::may_be_unspaced(text.as_bytes()));
        }
    }
}
