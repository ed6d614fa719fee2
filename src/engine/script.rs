//! What the engine must know of writing systems beyond the Latin alphabet: which scripts put no
//! space between words, which marks end a sentence, and which brackets hold a quotation.
//!
//! Written by hand: these are a few ranges of the Unicode tables, and the crates that carry
//! the full tables (line breaking, scripts) answer other questions than these.

/// A character of a script written without spaces between words: Han, Hiragana, Katakana,
/// Thai, Lao, Myanmar and Khmer. Such text is counted and matched a character at a time,
/// since nothing marks where its words begin.
pub fn is_unspaced(c: char) -> bool {
    (matches!(c,
        '\u{0E00}'..='\u{0EFF}'   // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{2E80}'..='\u{2FDF}' // CJK radicals
        | '\u{3005}'..='\u{3007}' // 々 〆 〇
        | '\u{3021}'..='\u{3029}'
        | '\u{3031}'..='\u{3035}'
        | '\u{3038}'..='\u{303C}'
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{3FFFF}')
        && c.is_alphanumeric())
        || is_unspaced_mark(c)
}

/// Thai, Lao, Myanmar and Khmer vowel signs and tone marks: part of the character before them.
fn is_unspaced_mark(c: char) -> bool {
    matches!(c,
        '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{0EB1}' | '\u{0EB4}'..='\u{0EBC}' | '\u{0EC8}'..='\u{0ECE}'
        | '\u{102B}'..='\u{103E}' | '\u{1056}'..='\u{1059}'
        | '\u{17B4}'..='\u{17D3}')
}

/// Whether `c` counts as a unit of its own in text without spaces (a mark does not: it is part
/// of the character it sits on).
pub fn is_unspaced_unit(c: char) -> bool {
    is_unspaced(c) && !is_unspaced_mark(c)
}

/// Whether `bytes` may hold a character of a script without spaces: a cheap test on lead bytes
/// that lets English text keep the plain path.
pub fn may_be_unspaced(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| is_unspaced_lead(b))
}

/// A byte that may begin a character of a script without spaces: Thai to Khmer begin with E0
/// or E1, the CJK ranges with E3 to EF or F0. English typography (curly quotes, dashes)
/// begins with E2 and is left out. Comparisons only, so that a loop over bytes vectorises.
pub fn is_unspaced_lead(b: u8) -> bool {
    (b >= 0xE3) | (b & 0xFE == 0xE0)
}

/// Full-width punctuation and the CJK symbols: in text without spaces they separate words the
/// way spaces do elsewhere.
pub fn is_wide_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{3004}' | '\u{3008}'..='\u{3020}' | '\u{3030}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}'
        | '\u{30FB}')
}

/// Sentence ends that need no space after them: the ideographic and full-width stops,
/// exclamation and question marks.
pub fn is_wide_terminal(c: char) -> bool {
    matches!(
        c,
        '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF0E}' | '\u{FF61}'
    )
}

/// Sentence ends of other scripts, which are followed by a space as in English: the Arabic
/// question mark and full stop, the Devanagari danda and double danda.
pub fn is_spaced_terminal(c: char) -> bool {
    matches!(c, '\u{061F}' | '\u{06D4}' | '\u{0964}' | '\u{0965}')
}

/// Brackets that open a quotation or aside in CJK text, and the ones that close them.
pub fn is_wide_opening(c: char) -> bool {
    matches!(
        c,
        '\u{300C}' | '\u{300E}' | '\u{FF08}' | '\u{300A}' | '\u{3008}' | '\u{3010}' | '\u{3014}'
    )
}

pub fn is_wide_closing(c: char) -> bool {
    matches!(
        c,
        '\u{300D}' | '\u{300F}' | '\u{FF09}' | '\u{300B}' | '\u{3009}' | '\u{3011}' | '\u{3015}'
    )
}

/// The corner brackets that hold a quotation, 「…」 and 『…』, as opening and closing pairs.
pub const QUOTE_BRACKETS: [(char, char); 2] = [('\u{300C}', '\u{300D}'), ('\u{300E}', '\u{300F}')];

/// A letter of a script without case (Han, Arabic, Hebrew, Thai, Devanagari): after a sentence
/// end, it may start the next sentence as a capital does in English.
pub fn is_caseless_letter(c: char) -> bool {
    !c.is_ascii() && c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_without_spaces() {
        for c in ['中', '文', 'ひ', 'カ', 'ก', 'ຫ', '々'] {
            assert!(is_unspaced(c), "{c}");
        }
        for c in ['a', 'é', 'ж', 'ب', '한', '。', '1', ' '] {
            assert!(!is_unspaced(c), "{c}");
        }
        // A Thai vowel sign belongs to its consonant.
        assert!(is_unspaced('\u{0E34}') && !is_unspaced_unit('\u{0E34}'));
    }

    #[test]
    fn lead_bytes_find_every_unspaced_character() {
        for c in ['中', 'ひ', 'カ', 'ก', 'ຫ', 'က', 'ក', '𠀀', 'ｶ', '豈'] {
            let mut buf = [0; 4];
            assert!(may_be_unspaced(c.encode_utf8(&mut buf).as_bytes()), "{c}");
        }
        assert!(!may_be_unspaced(
            "Plain \u{201C}news\u{201D} \u{2014} text".as_bytes()
        ));
    }

    #[test]
    fn caseless_letters() {
        assert!(is_caseless_letter('中') && is_caseless_letter('ب') && is_caseless_letter('א'));
        assert!(!is_caseless_letter('a') && !is_caseless_letter('Ж') && !is_caseless_letter('1'));
    }
}
