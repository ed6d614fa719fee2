//! Text normalisation shared by article identity and passage anchoring: what counts as the
//! same words once case, typographic quotes and whitespace are set aside.

use unicode_segmentation::UnicodeSegmentation;

/// The words of `text`, lower-cased, with typographic apostrophes folded so that a
/// re-scrape which straightened or curled quotes reads the same.
pub fn words(text: &str) -> Vec<String> {
    text.unicode_words()
        .map(|w| {
            w.replace(['\u{2019}', '\u{2018}', '\u{02BC}'], "'")
                .to_lowercase()
        })
        .collect()
}

/// The words joined by single spaces: equal for texts that differ only in case, quotes,
/// punctuation spacing or whitespace.
pub fn normalised(text: &str) -> String {
    words(text).join(" ")
}

/// Whitespace runs collapsed to one space, for storing text on one readable line.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max_chars` characters of `text`, cut at a word boundary and marked with `…`.
pub fn shorten(text: &str, max_chars: usize) -> String {
    let text = collapse_whitespace(text);
    if text.chars().count() <= max_chars {
        return text;
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => &cut[..],
    };
    format!("{}…", cut.trim_end())
}

/// A stable 64-bit hash. FNV because its output is fixed by its definition, so hashes written
/// to a notes file today still match those computed by a later build (std's hasher promises no such thing).
pub fn stable_hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut hasher = fnv::FnvHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// The stable hash of each word of `text` as [`words`] would give it, without building the
/// strings: articles can run to a million words.
pub fn word_hashes(text: &str) -> impl Iterator<Item = u64> + '_ {
    use std::hash::Hasher;
    text.unicode_words().map(|word| {
        let mut hasher = fnv::FnvHasher::default();
        let mut buf = [0u8; 4];
        for c in word.chars() {
            let c = if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
                '\''
            } else {
                c
            };
            for lower in c.to_lowercase() {
                hasher.write(lower.encode_utf8(&mut buf).as_bytes());
            }
        }
        hasher.finish()
    })
}

/// One hash for a run of word hashes: equal for texts whose [`normalised`] forms are equal.
pub fn sequence_hash(hashes: impl IntoIterator<Item = u64>) -> u64 {
    use std::hash::Hasher;
    let mut hasher = fnv::FnvHasher::default();
    for h in hashes {
        hasher.write_u64(h);
    }
    hasher.finish()
}

/// Sorted, de-duplicated hashes of the words of `text`.
pub fn word_set(text: &str) -> Vec<u64> {
    let mut set: Vec<u64> = word_hashes(text).collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// Size of the intersection of two sorted, de-duplicated sets.
pub fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of two word sets: 1.0 for the same words, 0.0 for none in common.
/// Two empty sets are the same (both neighbours absent).
pub fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// `text` safe to print on a terminal: what [`crate::sanitize::stand_in`] deems unsafe
/// (controls other than newline and tab, bidirectional overrides) is shown as a `\u{..}`
/// escape, so an article or a note cannot send escape sequences.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if crate::sanitize::stand_in(c).is_some() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_case_quotes_and_spacing() {
        assert_eq!(
            normalised("The mayor\u{2019}s  office,\n said: \u{201C}No.\u{201D}"),
            normalised("the Mayor's office, said: \"no.\"")
        );
        assert_ne!(
            normalised("the mayor said no"),
            normalised("the mayor said yes")
        );
    }

    #[test]
    fn word_hashes_agree_with_words() {
        let text = "The Mayor\u{2019}s \u{201C}Ünited\u{201D} front";
        let direct: Vec<u64> = words(text).iter().map(|w| stable_hash(w)).collect();
        assert_eq!(word_hashes(text).collect::<Vec<_>>(), direct);
        assert_eq!(
            sequence_hash(word_hashes("the  mayor's office")),
            sequence_hash(word_hashes("The Mayor\u{2019}s\noffice."))
        );
        assert_ne!(
            sequence_hash(word_hashes("office mayor")),
            sequence_hash(word_hashes("mayor office"))
        );
    }

    #[test]
    fn shorten_cuts_at_a_word_and_marks_it() {
        let s = shorten("one two three four five six seven", 16);
        assert!(s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= 16, "{s}");
        assert!("one two three four five six seven".starts_with(s.trim_end_matches('…')));
        assert_eq!(shorten("short  text", 40), "short text");
    }

    #[test]
    fn printable_escapes_terminal_controls() {
        assert_eq!(
            printable("a\u{1b}[31mb\nc\u{9b}"),
            "a\\u{1b}[31mb\nc\\u{9b}"
        );
    }

    #[test]
    fn dice_measures_shared_words() {
        let a = word_set("river levels rose overnight");
        let b = word_set("river levels fell overnight");
        assert_eq!(dice(&a, &a), 1.0);
        assert!((dice(&a, &b) - 0.75).abs() < 1e-9);
        assert_eq!(dice(&a, &word_set("completely unrelated words here")), 0.0);
    }
}
