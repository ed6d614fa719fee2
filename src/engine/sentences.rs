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
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "reps", "gov", "lt", "col", "sgt", "capt",
    "cmdr", "adm", "maj", "brig", "prof", "rev", "st", "hon", "pres", "supt", "det", "insp",
    "messrs", "mt", "ft", "no", "nos", "vs", "v", "e.g", "i.e", "cf", "jan", "feb", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "univ", "approx", "fig", "vol", "ca",
    "al", "ave", "blvd", "rd", "gens", "sens", "govs", "rt", "cpl", "pvt", "adm", "atty", "assn",
];

/// Abbreviations that often do end a sentence ("…Apple Inc. The company…", "…in the U.S. It…").
const WEAK_ABBREVIATIONS: &[&str] = &["inc", "ltd", "corp", "co", "etc", "jr", "sr", "bros", "plc"];

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
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let base = range.start;
    let para = &text[range];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let closes = quote_closings(&chars);
    let mut out = Vec::new();
    let mut start = 0;
    let mut open_quote: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        track_quote(&closes, i, c, &mut open_quote);
        if !is_terminal(c) {
            i += 1;
            continue;
        }
        // Take in the rest of the punctuation cluster: "?!", ".”", ".)".
        let mut j = i + 1;
        while j < chars.len() && (is_terminal(chars[j].1) || is_closing(chars[j].1)) {
            track_quote(&closes, j, chars[j].1, &mut open_quote);
            j += 1;
        }
        if j >= chars.len() {
            break;
        }
        let cluster_end = chars[j].0;
        if chars[j].1.is_whitespace() {
            let Some(k) = (j..chars.len()).find(|&k| !chars[k].1.is_whitespace()) else {
                break;
            };
            if starts_sentence(chars[k].1)
                && !(c == '.' && j == i + 1 && abbreviation_continues(para, &chars, i, k))
                && !inside_kept_quote(open_quote, &closes, &chars)
            {
                out.push(base + start..base + cluster_end);
                start = chars[k].0;
            }
            i = k;
            continue;
        }
        if c == '.' && j == i + 1 && is_glued_start(para, &chars, i) && open_quote.is_none() {
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

/// For each opening double quote, the index of its closing quote within the paragraph.
fn quote_closings(chars: &[(usize, char)]) -> Vec<Option<usize>> {
    let mut closes = vec![None; chars.len()];
    let mut open: Option<usize> = None;
    for (i, &(_, c)) in chars.iter().enumerate() {
        match (c, open) {
            ('\u{201C}', _) | ('"', None) => open = Some(i),
            ('\u{201D}', Some(o)) | ('"', Some(o)) => {
                closes[o] = Some(i);
                open = None;
            }
            _ => {}
        }
    }
    closes
}

fn track_quote(closes: &[Option<usize>], i: usize, c: char, open: &mut Option<usize>) {
    match c {
        '\u{201C}' => *open = closes[i].map(|_| i),
        '\u{201D}' => *open = None,
        '"' if open.is_some() => *open = None,
        '"' => *open = closes[i].map(|_| i),
        _ => {}
    }
}

/// A boundary inside a quotation that closes later in the paragraph, not too far on,
/// is left alone so that the quotation reads as one passage.
fn inside_kept_quote(
    open: Option<usize>,
    closes: &[Option<usize>],
    chars: &[(usize, char)],
) -> bool {
    let Some(o) = open else { return false };
    let Some(c) = closes[o] else { return false };
    chars[c].0 - chars[o].0 <= MAX_QUOTE_BYTES
}

/// The word that ends at the full stop at `dot`, without leading quotes or brackets.
fn word_before<'a>(para: &'a str, chars: &[(usize, char)], dot: usize) -> &'a str {
    let end = chars[dot].0;
    let start = chars[..dot]
        .iter()
        .rev()
        .find(|&&(_, c)| {
            c.is_whitespace() || matches!(c, '(' | '[' | '"' | '\u{201C}' | '\u{2018}' | '\u{2014}')
        })
        .map_or(0, |&(b, c)| b + c.len_utf8());
    &para[start..end]
}

fn abbreviation_continues(para: &str, chars: &[(usize, char)], dot: usize, next: usize) -> bool {
    let word = word_before(para, chars, dot);
    let lower = word.to_lowercase();
    if STRONG_ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if is_initial {
        return true;
    }
    let is_initialism = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    if is_initialism || WEAK_ABBREVIATIONS.contains(&lower.as_str()) {
        let next_word: String = para[chars[next].0..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let quoted = !chars[next].1.is_alphanumeric();
        return !(quoted || SENTENCE_STARTERS.contains(&next_word.as_str()));
    }
    false
}

/// "…all the difference.A militia…": a lowercase word, a full stop, then a capitalised word
/// with no space. Initialisms ("U.S.A"), decimals and domains ("example.Com" aside) do not match.
fn is_glued_start(para: &str, chars: &[(usize, char)], dot: usize) -> bool {
    let (Some(&(_, before)), Some(&(_, after))) =
        (chars.get(dot.wrapping_sub(1)), chars.get(dot + 1))
    else {
        return false;
    };
    if !(before.is_lowercase() && after.is_uppercase()) {
        return false;
    }
    let word = word_before(para, chars, dot);
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let plain_word = word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '\'' | '\u{2019}' | '-'));
    // The glued word must continue as a word ("A militia", "The"), not a camel-cased name.
    let follows = chars
        .get(dot + 2)
        .map(|&(_, c)| c.is_whitespace() || c.is_lowercase());
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
    fn plain_sentences() {
        assert_eq!(
            split("One fell. Two rose! Three? Four."),
            ["One fell.", "Two rose!", "Three?", "Four."]
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
