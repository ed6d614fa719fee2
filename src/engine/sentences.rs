//! Sentence segmentation for news prose, in any script: the ideographic and full-width stops
//! of Chinese and Japanese end a sentence with no space after them, and the Arabic and
//! Devanagari ones as a full stop does.
//!
//! Written by hand because the Unicode sentence rules (UAX #29, as in unicode-segmentation)
//! break after "U.S. " before a capital, cannot see a sentence glued to the previous one with
//! no space ("…the difference.A militia…", as scraped pages produce), and split quotations
//! that a reader takes as one passage.

use super::script;
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
    let mut open_bracket: Option<usize> = None;
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
        track_bracket(&quotes, i, c, &mut open_bracket);
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
            track_bracket(&quotes, j, cj, &mut open_bracket);
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
                && !inside_kept_quote([open_quote, open_bracket], &quotes)
                && para[k..].chars().any(char::is_alphanumeric)
            {
                out.push(base + start..base + cluster_end);
                start = k;
            }
            i = k;
            continue;
        }
        let glued = c == '.' && alone && is_glued_start(para, i) && open_quote.is_none();
        // Chinese and Japanese put no space after a sentence. A quotation that opens the
        // sentence and closes here is followed by who said it (「…。」他说。), as a
        // lowercase word follows one in English.
        let wide = script::is_wide_terminal(c)
            && !inside_kept_quote([open_quote, open_bracket], &quotes)
            && !quotes
                .close_of(start)
                .is_some_and(|q| (i..cluster_end).contains(&q));
        if glued || wide {
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
/// `!`, `?`, `"`, 0xE2 (the curly double quotes and the ellipsis), and the first bytes of
/// the other scripts' stops and brackets (0xE3 and 0xEF for the CJK and full-width ones, 0xD8,
/// 0xDB for Arabic, 0xE0 for Devanagari). The merge of memchr searches, which use the vector
/// instructions of the machine they run on: most of a paragraph is letters and spaces that
/// the splitter has no reason to look at.
struct Interesting<'a> {
    searches: [std::iter::Peekable<memchr::Memchr3<'a>>; 3],
    /// 0xE0, looked for only in a paragraph that has it: in Hindi or Thai text every
    /// character begins with it.
    indic: Option<std::iter::Peekable<memchr::Memchr<'a>>>,
}

impl<'a> Interesting<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Interesting {
            searches: [
                memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable(),
                memchr::memchr3_iter(b'"', 0xE2, 0xE3, bytes).peekable(),
                memchr::memchr3_iter(0xEF, 0xD8, 0xDB, bytes).peekable(),
            ],
            indic: memchr::memchr(0xE0, bytes).map(|_| memchr::memchr_iter(0xE0, bytes).peekable()),
        }
    }

    /// The first such byte at or after `from`, which never goes back between calls.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        fn next_at_or_after(
            search: &mut std::iter::Peekable<impl Iterator<Item = usize>>,
            from: usize,
        ) -> Option<usize> {
            while search.next_if(|&k| k < from).is_some() {}
            search.peek().copied()
        }
        let indic = self.indic.as_mut().and_then(|s| next_at_or_after(s, from));
        self.searches
            .iter_mut()
            .filter_map(|s| next_at_or_after(s, from))
            .chain(indic)
            .min()
    }
}

/// The character that starts at byte `i` (a character boundary) of `s`.
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or('\0')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
        || script::is_wide_terminal(c)
        || script::is_spaced_terminal(c)
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201D}' | '\u{2019}' | '\'' | ')' | ']' | '\u{BB}'
    ) || script::is_wide_closing(c)
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_numeric()
        || script::is_caseless_letter(c)
        || script::is_wide_opening(c)
        || matches!(
            c,
            '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[' | '\u{AB}' | '\u{2014}'
        )
}

/// The double quotations of a paragraph that close, and the outermost corner-bracket ones
/// (「…」, 『…』): (opening, closing) byte offsets, in order. Straight quotes alternate; a
/// curly opening quote starts afresh; brackets nest.
struct Quotes(Vec<(usize, usize)>);

impl Quotes {
    fn of(para: &str) -> Quotes {
        let bytes = para.as_bytes();
        let mut pairs = Vec::new();
        let mut open: Option<usize> = None;
        let (mut bracket_open, mut depth) = (0, 0usize);
        // `"` is one byte; the curly quotes are E2 80 9C and E2 80 9D; the corner brackets
        // E3 80 8C to E3 80 8F.
        for i in memchr::memchr3_iter(b'"', 0xE2, 0xE3, bytes) {
            let opening = match &bytes[i..] {
                [b'"', ..] => open.is_none(),
                [0xE2, 0x80, 0x9C, ..] => true,
                [0xE2, 0x80, 0x9D, ..] => false,
                [0xE3, 0x80, 0x8C | 0x8E, ..] => {
                    if depth == 0 {
                        bracket_open = i;
                    }
                    depth += 1;
                    continue;
                }
                [0xE3, 0x80, 0x8D | 0x8F, ..] => {
                    if depth == 1 {
                        pairs.push((bracket_open, i));
                    }
                    depth = depth.saturating_sub(1);
                    continue;
                }
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
        // A quotation inside a bracketed one closes first.
        pairs.sort_unstable();
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

/// Keeps `open` at the outermost corner bracket that is open at byte `i`.
fn track_bracket(quotes: &Quotes, i: usize, c: char, open: &mut Option<usize>) {
    if script::QUOTE_BRACKETS.iter().any(|&(o, _)| o == c) && open.is_none() {
        *open = quotes.close_of(i).map(|_| i);
    } else if script::QUOTE_BRACKETS.iter().any(|&(_, close)| close == c)
        && open.and_then(|o| quotes.close_of(o)) == Some(i)
    {
        *open = None;
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
/// is left alone so that the quotation reads as one passage. `open` holds where the open
/// quotation mark and the open corner bracket, if any, stand.
fn inside_kept_quote(open: [Option<usize>; 2], quotes: &Quotes) -> bool {
    open.into_iter()
        .flatten()
        .any(|o| quotes.close_of(o).is_some_and(|c| c - o <= MAX_QUOTE_BYTES))
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
    fn chinese_and_japanese_stops_need_no_space() {
        assert_eq!(
            split("渡轮昨天停航。大风持续到周五！乘客怎么办？"),
            ["渡轮昨天停航。", "大风持续到周五！", "乘客怎么办？"]
        );
        assert_eq!(
            split("フェリーが欠航した。強風は金曜まで続く。"),
            ["フェリーが欠航した。", "強風は金曜まで続く。"]
        );
    }

    #[test]
    fn a_bracketed_quote_stays_whole_and_keeps_its_attribution() {
        assert_eq!(
            split("「今天不开船。明天再看。」船长说。乘客回家了。"),
            ["「今天不开船。明天再看。」船长说。", "乘客回家了。"]
        );
        // A quotation that closes a sentence begun outside it ends that sentence.
        assert_eq!(
            split("船长说：「今天不开船。」乘客回家了。"),
            ["船长说：「今天不开船。」", "乘客回家了。"]
        );
        assert_eq!(
            split("他说：“风太大了。”港口关闭。"),
            ["他说：“风太大了。”", "港口关闭。"]
        );
    }

    #[test]
    fn arabic_and_devanagari_stops() {
        assert_eq!(
            split("توقفت العبارة؟ نعم توقفت۔ عادت اليوم."),
            ["توقفت العبارة؟", "نعم توقفت۔", "عادت اليوم."]
        );
        assert_eq!(
            split("नौका रुकी। यात्री लौटे॥ फिर"),
            ["नौका रुकी।", "यात्री लौटे॥", "फिर"]
        );
        assert_eq!(
            split("Паром отменили. Ветер стих к вечеру."),
            ["Паром отменили.", "Ветер стих к вечеру."]
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
