//! Sentence segmentation for news prose.
//!
//! Written by hand because the Unicode sentence rules (UAX #29, as in unicode-segmentation)
//! break after "U.S. " before a capital, cannot see a sentence glued to the previous one with
//! no space ("…the difference.A militia…", as scraped pages produce), and split quotations
//! that a reader takes as one passage.

use std::ops::Range;

/// Longest quotation, in bytes, kept whole as one passage.
const MAX_QUOTE_BYTES: usize = 1200;

/// Titles and other abbreviations that are practically never the end of a sentence.
const STRONG_ABBREVIATIONS: &[&str] = &[
    "adm", "al", "approx", "apr", "assn", "atty", "aug", "ave", "blvd", "brig", "ca", "capt", "cf",
    "cmdr", "col", "cpl", "dec", "dept", "det", "dr", "e.g", "feb", "fig", "ft", "gen", "gens",
    "gov", "govs", "hon", "i.e", "insp", "jan", "jul", "jun", "lt", "maj", "messrs", "mr", "mrs",
    "ms", "mt", "no", "nos", "nov", "oct", "pres", "prof", "pvt", "rd", "rep", "reps", "rev", "rt",
    "sen", "sens", "sep", "sept", "sgt", "st", "supt", "univ", "v", "vol", "vs",
];

/// Abbreviations that often do end a sentence ("…Apple Inc. The company…", "…in the U.S. It…").
const WEAK_ABBREVIATIONS: &[&str] = &["bros", "co", "corp", "etc", "inc", "jr", "ltd", "plc", "sr"];

const STRONG_KEYS: [u64; STRONG_ABBREVIATIONS.len()] = keys(STRONG_ABBREVIATIONS);
const WEAK_KEYS: [u64; WEAK_ABBREVIATIONS.len()] = keys(WEAK_ABBREVIATIONS);

/// A word of up to seven bytes as one number, ASCII letters lowered: its bytes and, in the top
/// byte, its length. Two such words are equal exactly when their keys are; a longer word gets
/// a key no listed abbreviation has.
const fn key(word: &[u8]) -> u64 {
    if word.len() > 7 {
        return u64::MAX;
    }
    let mut k = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() {
        k |= (word[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    k
}

const fn keys<const N: usize>(words: &[&str]) -> [u64; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = key(words[i].as_bytes());
        i += 1;
    }
    out
}

/// Words that start sentences, used to decide whether a weak abbreviation ends one.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "on",
    "at",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "for",
    "since",
    "however",
    "meanwhile",
    "some",
    "many",
    "most",
    "one",
    "both",
    "so",
    "yet",
    "then",
    "last",
    "earlier",
    "later",
    "according",
];

/// Byte ranges of the sentences in `text[range]`, in order and trimmed. The gaps between
/// consecutive ranges hold only whitespace, so the sentences cover the paragraph.
///
/// Positions are byte offsets into the paragraph, always on character boundaries: a vector
/// of characters per paragraph cost 32 bytes of memory per byte of text on long inputs.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let base = range.start;
    let para = &text[range];
    let bytes = para.as_bytes();
    let n = para.len();
    let quotes = Quotes::of(para);
    let mut interesting = Interesting::new(bytes);
    let mut out = Vec::new();
    let mut start = 0;
    let mut open_quote: Option<usize> = None;
    let mut i = 0;
    while i < n {
        // Only terminal punctuation and double quotes matter here; skip to the next. Every
        // byte that may start one of them begins a character.
        match interesting.next_from(i) {
            Some(next) => i = next,
            None => break,
        }
        let c = char_at(para, i);
        track_quote(&quotes, i, c, &mut open_quote);
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        // Take in the rest of the punctuation cluster: "?!", ".\u{201D}", ".)".
        let mut j = i + c.len_utf8();
        while j < n {
            let cj = char_at(para, j);
            if !(is_terminal(cj) || is_closing(cj)) {
                break;
            }
            track_quote(&quotes, j, cj, &mut open_quote);
            j += cj.len_utf8();
        }
        if j >= n {
            break;
        }
        let cluster_end = j;
        let alone = j == i + c.len_utf8();
        if char_at(para, j).is_whitespace() {
            let Some(k) = para[j..]
                .char_indices()
                .find(|&(_, c)| !c.is_whitespace())
                .map(|(o, _)| j + o)
            else {
                break;
            };
            // A quotation mark left over after the last full stop, as in text typed with
            // spaces around its punctuation ('vacation . "'), closes that sentence: it is
            // no passage of its own.
            if starts_sentence(char_at(para, k))
                && !(c == '.' && alone && abbreviation_continues(para, i, k))
                && !inside_kept_quote(open_quote, &quotes)
                && para[k..].chars().any(char::is_alphanumeric)
            {
                out.push(base + start..base + cluster_end);
                start = k;
            }
            i = k;
            continue;
        }
        if c == '.' && alone && is_glued_start(para, i) && open_quote.is_none() {
            out.push(base + start..base + cluster_end);
            start = cluster_end;
        }
        i = j;
    }
    if start < para.len() {
        out.push(base + start..base + para.trim_end().len());
    }
    out
}

/// The positions, in order, of the bytes that begin a character the splitter looks at: `.`,
/// `!`, `?`, `"`, and 0xE2, the first byte of the curly double quotes and the ellipsis. The
/// merge of two memchr searches, which use the vector instructions of the machine they run
/// on: most of a paragraph is letters and spaces that the splitter has no reason to look at.
struct Interesting<'a> {
    terminals: std::iter::Peekable<memchr::Memchr3<'a>>,
    quotes: std::iter::Peekable<memchr::Memchr2<'a>>,
}

impl<'a> Interesting<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Interesting {
            terminals: memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable(),
            quotes: memchr::memchr2_iter(b'"', 0xE2, bytes).peekable(),
        }
    }

    /// The first such byte at or after `from`, which never goes back between calls.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        while self.terminals.next_if(|&k| k < from).is_some() {}
        while self.quotes.next_if(|&k| k < from).is_some() {}
        match (self.terminals.peek(), self.quotes.peek()) {
            (Some(&t), Some(&q)) => Some(t.min(q)),
            (t, q) => t.or(q).copied(),
        }
    }
}

/// The character that starts at byte `i` (a character boundary) of `s`.
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\0')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']' | '\u{BB}'
    )
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[' | '\u{AB}' | '\u{2014}'
        )
}

/// The double quotations of a paragraph that close: (opening, closing) byte offsets, in
/// order. Straight quotes alternate; a curly opening quote starts afresh.
struct Quotes(Vec<(usize, usize)>);

impl Quotes {
    fn of(para: &str) -> Quotes {
        let bytes = para.as_bytes();
        let mut pairs = Vec::new();
        let mut open: Option<usize> = None;
        // `"` is one byte; the curly quotes are E2 80 9C and E2 80 9D.
        for i in memchr::memchr2_iter(b'"', 0xE2, bytes) {
            let opening = match &bytes[i..] {
                [b'"', ..] => open.is_none(),
                [0xE2, 0x80, 0x9C, ..] => true,
                [0xE2, 0x80, 0x9D, ..] => false,
                _ => continue,
            };
            match (opening, open) {
                (true, _) => open = Some(i),
                (false, Some(o)) => {
                    pairs.push((o, i));
                    open = None;
                }
                (false, None) => {}
            }
        }
        Quotes(pairs)
    }

    /// Where the quotation opened at byte `open` closes, if it does.
    fn close_of(&self, open: usize) -> Option<usize> {
        self.0
            .binary_search_by_key(&open, |&(o, _)| o)
            .ok()
            .map(|k| self.0[k].1)
    }
}

fn track_quote(quotes: &Quotes, i: usize, c: char, open: &mut Option<usize>) {
    match c {
        '\u{201C}' => *open = quotes.close_of(i).map(|_| i),
        '\u{201D}' => *open = None,
        '"' if open.is_some() => *open = None,
        '"' => *open = quotes.close_of(i).map(|_| i),
        _ => {}
    }
}

/// A boundary inside a quotation that closes later in the paragraph, not too far on,
/// is left alone so that the quotation reads as one passage.
fn inside_kept_quote(open: Option<usize>, quotes: &Quotes) -> bool {
    let Some(o) = open else { return false };
    let Some(c) = quotes.close_of(o) else {
        return false;
    };
    c - o <= MAX_QUOTE_BYTES
}

/// The word that ends at the full stop at byte `dot`, without leading quotes or brackets.
fn word_before(para: &str, dot: usize) -> &str {
    let start = para[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201C}' | '\u{2018}' | '\u{2014}')
        })
        .map_or(0, |(b, c)| b + c.len_utf8());
    &para[start..dot]
}

fn abbreviation_continues(para: &str, dot: usize, next: usize) -> bool {
    let word = word_before(para, dot);
    // Called at almost every full stop, so the word is looked up as a number (`key`) rather
    // than compared as a string: a library string comparison per list entry was a tenth of
    // the time spent reading a long article.
    let lower = if word.is_ascii() {
        key(word.as_bytes())
    } else {
        key(word.to_lowercase().as_bytes())
    };
    if STRONG_KEYS.contains(&lower) {
        return true;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if is_initial {
        return true;
    }
    let is_initialism = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    if is_initialism || WEAK_KEYS.contains(&lower) {
        let next_word: String = para[next..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let quoted = !char_at(para, next).is_alphanumeric();
        return !(quoted || SENTENCE_STARTERS.contains(&next_word.as_str()));
    }
    false
}

/// "…all the difference.A militia…": a lowercase word, a full stop, then a capitalised word
/// with no space. Initialisms ("U.S.A"), decimals and domains ("example.Com" aside) do not match.
fn is_glued_start(para: &str, dot: usize) -> bool {
    let mut after_dot = para[dot + 1..].chars();
    let (Some(before), Some(after)) = (para[..dot].chars().next_back(), after_dot.next()) else {
        return false;
    };
    if !(before.is_lowercase() && after.is_uppercase()) {
        return false;
    }
    let word = word_before(para, dot);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let plain_word = word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'));
    // The glued word must continue as a word ("A militia", "The"), not a camel-cased name.
    let follows = after_dot
        .next()
        .map(|c| c.is_whitespace() || c.is_lowercase());
    letters >= 3 && plain_word && follows == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_are_found_by_key_in_any_case() {
        assert!(STRONG_ABBREVIATIONS.iter().all(|a| a.len() <= 7));
        assert!(STRONG_KEYS.contains(&key(b"Gen")));
        assert!(STRONG_KEYS.contains(&key(b"MESSRS")));
        assert!(WEAK_KEYS.contains(&key(b"Inc")));
        assert!(!STRONG_KEYS.contains(&key(b"Gens\0")));
        assert!(!STRONG_KEYS.contains(&key(b"general")));
        assert_eq!(key(b"Longerword"), u64::MAX);
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("One fell. Two rose! Three? Four."),
            ["One fell.", "Two rose!", "Three?", "Four."]
        );
    }

    #[test]
    fn a_quotation_mark_after_the_last_stop_closes_that_sentence() {
        assert_eq!(
            split("She said: \" We will be back . \""),
            ["She said: \" We will be back . \""]
        );
        assert_eq!(
            split("He left . \" We stay . \" Then rain."),
            ["He left .", "\" We stay . \" Then rain."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split(
                "Mr. Okafor met Gen. Lund of the U.N. mission in Jan. 2020. The U.S. Navy agreed."
            ),
            [
                "Mr. Okafor met Gen. Lund of the U.N. mission in Jan. 2020.",
                "The U.S. Navy agreed."
            ]
        );
    }

    #[test]
    fn initialism_can_end_a_sentence() {
        assert_eq!(
            split("The drones came from the U.S. The ministry denied it."),
            ["The drones came from the U.S.", "The ministry denied it."]
        );
    }

    #[test]
    fn glued_sentence_splits() {
        assert_eq!(
            split("Your gift keeps us going.The harbour closed at dawn."),
            ["Your gift keeps us going.", "The harbour closed at dawn."]
        );
    }

    #[test]
    fn glued_split_keeps_domains_and_initialisms() {
        assert_eq!(
            split("See example.com or the U.S.A for more."),
            ["See example.com or the U.S.A for more."]
        );
    }

    #[test]
    fn multi_sentence_quote_stays_whole() {
        let text = "\u{201C}We are ready. The boats are out,\u{201D} she said. Others disagreed.";
        assert_eq!(
            split(text),
            [
                "\u{201C}We are ready. The boats are out,\u{201D} she said.",
                "Others disagreed."
            ]
        );
    }

    #[test]
    fn quote_after_sentence_starts_new_one() {
        let text = "It rained, notes the Herald. \u{201C}Nobody came.\u{201D}";
        assert_eq!(
            split(text),
            [
                "It rained, notes the Herald.",
                "\u{201C}Nobody came.\u{201D}"
            ]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_continues() {
        assert_eq!(
            split("They are few \u{2026} after they left. Next."),
            ["They are few \u{2026} after they left.", "Next."]
        );
    }

    #[test]
    fn question_inside_quote_before_attribution() {
        assert_eq!(
            split("\u{201C}Why now?\u{201D} he asked. Fine."),
            ["\u{201C}Why now?\u{201D} he asked.", "Fine."]
        );
    }

    #[test]
    fn unclosed_quote_does_not_swallow_paragraph() {
        assert_eq!(
            split("\u{201C}One went. Two came. Three left."),
            ["\u{201C}One went.", "Two came.", "Three left."]
        );
    }
}
