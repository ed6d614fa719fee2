//! Words and punctuation of a passage, and the normal forms they are compared in.

use super::{script, simple_words};
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A word or punctuation mark, located by byte span in the article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub is_word: bool,
}

/// Tokens of `text[span]` on Unicode word boundaries (UAX #29), whitespace left out, so that
/// punctuation stands apart from words: `Daesh [ISIS]` is `Daesh`, `[`, `ISIS`, `]`. Each is
/// handed to `each` in turn: called this way, the loop over a passage's tokens compiles to one
/// tight loop, where an iterator paid for its state at every token.
pub fn each_token(text: &str, span: Range<usize>, mut each: impl FnMut(Token)) {
    let base = span.start;
    let slice = &text[span];
    // Most passages are ASCII and a little typography, cut into tokens directly; the rest go
    // through unicode-segmentation. Both give the same tokens (a property test checks).
    if simple_words::is_simple(slice) {
        for (span, is_word) in simple_words::simple_tokens(slice) {
            each(Token {
                span: base + span.start..base + span.end,
                is_word,
            });
        }
    } else {
        segmented_tokens(slice, base).for_each(each);
    }
}

/// [`each_token`] of `slice`, which starts at byte `base` of its text, through the full UAX #29
/// word boundaries.
fn segmented_tokens(slice: &str, base: usize) -> impl Iterator<Item = Token> + '_ {
    let mut pieces = slice.split_word_bound_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (i, t) = pieces.next()?;
            if t.chars().all(char::is_whitespace) {
                continue;
            }
            let mut end = i + t.len();
            // A typed dash ("--") is one token, as the em dash it stands for.
            if t == "-" {
                while let Some(&(j, "-")) = pieces.peek() {
                    if j != end {
                        break;
                    }
                    end = j + 1;
                    pieces.next();
                }
            }
            let is_word = t.chars().any(char::is_alphanumeric);
            return Some(Token {
                span: base + i..base + end,
                is_word,
            });
        }
    })
}

/// Quotation marks standing alone. Outlets add and drop them around the same words
/// (quoting a source or reporting it), so they never count as a difference.
pub fn is_quote_mark(token: &str) -> bool {
    matches!(
        token,
        "\"" | "'"
            | "\u{201C}"
            | "\u{201D}"
            | "\u{2018}"
            | "\u{2019}"
            | "\u{AB}"
            | "\u{BB}"
            | "\u{201E}"
            | "\u{201A}"
    )
}

/// The words of `text[span]` for the similarity bag, folded, with hyphenated compounds kept
/// whole ("al-Bunyan", "Misrata-based"), so that one name does not count as several words.
/// In scripts without spaces the tokens are characters, which alone say little (a handful of
/// Chinese characters are in every sentence): each pair of neighbouring characters is a word
/// of the bag instead, as in Chinese and Japanese text retrieval.
pub fn compound_words(text: &str, span: Range<usize>, mut each: impl FnMut(&str)) {
    let mut word = String::new();
    let mut last_end = usize::MAX;
    let mut pending_hyphen = false;
    // The unspaced character before this token, and whether it has been given in a pair.
    let mut unspaced: Option<(Range<usize>, bool)> = None;
    let mut pair = String::new();
    // A character pair, or a character standing alone, folded and handed on.
    let mut give = |range: Range<usize>, each: &mut dyn FnMut(&str)| {
        pair.clear();
        fold_into(&text[range], &mut pair);
        each(&pair);
    };
    each_token(text, span, |t| {
        let s = &text[t.span.clone()];
        let touching = t.span.start == last_end;
        if t.is_word && s.chars().next().is_some_and(script::is_unspaced) {
            if !word.is_empty() {
                each(&word);
                word.clear();
            }
            pending_hyphen = false;
            match unspaced.take() {
                Some((previous, _)) if touching => {
                    give(previous.start..t.span.end, &mut each);
                    unspaced = Some((t.span.clone(), true));
                }
                Some((previous, false)) => {
                    give(previous, &mut each);
                    unspaced = Some((t.span.clone(), false));
                }
                _ => unspaced = Some((t.span.clone(), false)),
            }
            last_end = t.span.end;
            return;
        }
        if let Some((lone, false)) = unspaced.take() {
            give(lone, &mut each);
        }
        if t.is_word {
            if !(word.is_empty() || touching && pending_hyphen) {
                each(&word);
                word.clear();
            } else if !word.is_empty() {
                word.push('-');
            }
            fold_into(s, &mut word);
            pending_hyphen = false;
        } else if touching
            && !word.is_empty()
            && !pending_hyphen
            && matches!(s, "-" | "\u{2010}" | "\u{2011}")
        {
            pending_hyphen = true;
        } else {
            if !word.is_empty() {
                each(&word);
                word.clear();
            }
            pending_hyphen = false;
        }
        last_end = t.span.end;
    });
    if !word.is_empty() {
        each(&word);
    }
    if let Some((lone, false)) = unspaced {
        give(lone, &mut each);
    }
}

/// The form in which two tokens count as the same: lower case, with typographic quotes and
/// dashes made plain. Appends to `out` so callers can reuse one buffer.
pub fn fold_into(token: &str, out: &mut String) {
    let bytes = token.as_bytes();
    if bytes.len() > 1 && bytes[0] == b'-' && bytes.iter().all(|&b| b == b'-') {
        out.push('-');
        return;
    }
    // Most tokens are plain ASCII words: copied whole and lowered in place, rather than a
    // character at a time through the table below. The backtick is the one ASCII character
    // that folds to another. (A byte loop: `str::contains` sets up a search per call.)
    if bytes.iter().all(|&b| b.is_ascii() && b != b'`') {
        let start = out.len();
        out.push_str(token);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in token.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{2032}' | '`' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}' | '\u{2033}' => {
                out.push('"')
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
pub fn fold(token: &str) -> String {
    let mut s = String::with_capacity(token.len());
    fold_into(token, &mut s);
    s
}

/// A light stem of a folded word for the similarity bag: "regrouping" and "regroup",
/// "militias" and "militia", "Isis's" and "isis" meet. Deliberately crude and symmetric;
/// it never decides a diff, only which sentences look alike.
#[cfg(test)]
pub fn stem(folded: &str) -> String {
    stem_of(folded, &mut String::new()).to_owned()
}

/// [`stem`], as a slice of `folded`, or of `buf` when the word must change on the way: this
/// runs once per word of both articles, and most stems are a word's own beginning.
pub fn stem_of<'a>(folded: &'a str, buf: &'a mut String) -> &'a str {
    // "U.S." and "US" are one word. Few words hold a full stop.
    if folded.as_bytes().contains(&b'.') {
        buf.clear();
        for piece in folded.split('.') {
            buf.push_str(piece);
        }
        stem_suffix(buf)
    } else {
        stem_suffix(folded)
    }
}

fn stem_suffix(w: &str) -> &str {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let n = w.len();
    let stem = if n > 5 && w.ends_with("ing") {
        &w[..n - 3]
    } else if n > 4 && w.ends_with("ed") {
        &w[..n - 2]
    } else if n > 4 && w.ends_with("ies") {
        &w[..n - 3]
    } else if n > 5 && w.ends_with("eth") {
        // The older third person ("cometh", "maketh") is the "-s" of today.
        &w[..n - 2]
    } else if n > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        &w[..n - 1]
    } else {
        w
    };
    // "injure(s)" and "injur(ed|ing)" meet at "injur": a silent final e goes.
    let stem = match stem.strip_suffix('e') {
        Some(shorter) if shorter.len() >= 4 => shorter,
        _ => stem,
    };
    // A people and its country meet ("Libyan(s)" and "Libya", "Syrian" and "Syria").
    if stem.len() > 5 && (stem.ends_with("ian") || stem.ends_with("yan") || stem.ends_with("ean")) {
        &stem[..stem.len() - 1]
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, span: Range<usize>) -> Vec<Token> {
        let mut out = Vec::new();
        each_token(text, span, |t| out.push(t));
        out
    }

    #[test]
    fn punctuation_stands_apart() {
        let text = "Daesh [ISIS] said: \u{201C}no.\u{201D}";
        let got: Vec<&str> = tokens(text, 0..text.len())
            .into_iter()
            .map(|t| &text[t.span])
            .collect();
        assert_eq!(
            got,
            [
                "Daesh", "[", "ISIS", "]", "said", ":", "\u{201C}", "no", ".", "\u{201D}"
            ]
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn simple_tokens_are_the_segmented_ones(
            s in "[a-cA-C0-2_:.',;\\-\"() \t\r\n\x0b\x0c!?\u{2018}\u{2019}\u{201C}\u{201D}\u{2013}\u{2014}\u{2026}\u{A0}\u{AB}\u{BB}]{0,40}"
        ) {
            proptest::prop_assert!(simple_words::is_simple(&s));
            let ours: Vec<Token> = tokens(&s, 0..s.len());
            let segmented: Vec<Token> = segmented_tokens(&s, 0).collect();
            proptest::prop_assert_eq!(ours, segmented);
        }

        #[test]
        fn ascii_folds_to_lower_case(token in "[ -~]{2,12}") {
            let dashes = token.bytes().all(|b| b == b'-');
            let want = if dashes {
                "-".to_owned()
            } else {
                token.to_ascii_lowercase().replace('`', "'")
            };
            proptest::prop_assert_eq!(fold(&token), want);
        }

        #[test]
        fn stems_drop_full_stops(word in "[a-z.\u{e9}]{0,12}") {
            let mut buf = String::new();
            let stemmed = stem_of(&word, &mut buf);
            let plain: String = word.chars().filter(|&c| c != '.').collect();
            proptest::prop_assert_eq!(stemmed, stem(&plain));
        }
    }

    #[test]
    fn folding_ignores_case_and_typography() {
        assert_eq!(fold("Isis\u{2019}s"), "isis's");
        assert_eq!(fold("\u{201C}"), "\"");
        assert_eq!(fold("\u{2013}"), "-");
        assert_eq!(fold("--"), fold("\u{2014}"));
    }

    #[test]
    fn compounds_stay_whole() {
        let text = "The al-Bunyan al-Marsous forces, U.S.-backed - and \u{201C}Misrata\u{201D}.";
        let mut got = Vec::new();
        compound_words(text, 0..text.len(), |w| got.push(w.to_owned()));
        assert_eq!(
            got,
            [
                "the",
                "al-bunyan",
                "al-marsous",
                "forces",
                "u.s",
                "backed",
                "and",
                "misrata"
            ]
        );
    }

    #[test]
    fn news_text_is_cut_as_unicode_segmentation_cuts_it() {
        let s = "U.S.-backed forces, 3,000 strong, can\u{2019}t wait: \u{201C}10:30\u{2026}\u{201D} \u{2014} Isis\u{2019}s.";
        assert!(simple_words::is_simple(s));
        let got: Vec<&str> = tokens(s, 0..s.len())
            .into_iter()
            .map(|t| &s[t.span])
            .collect();
        let want: Vec<&str> = s.split_word_bounds().filter(|t| t.trim() != "").collect();
        assert_eq!(got, want);
        assert!(got.contains(&"can\u{2019}t"));
        assert!(got.contains(&"3,000"));
    }

    #[test]
    fn unspaced_scripts_are_cut_into_characters() {
        let cut = |s: &str| -> Vec<String> {
            tokens(s, 0..s.len())
                .into_iter()
                .map(|t| s[t.span].to_owned())
                .collect()
        };
        assert_eq!(cut("渡轮停航。"), ["渡", "轮", "停", "航", "。"]);
        // A Thai vowel sign stays on its consonant.
        assert_eq!(cut("ฝนตก"), ["ฝ", "น", "ต", "ก"]);
        assert_eq!(cut("หนัก"), ["ห", "นั", "ก"]);
    }

    #[test]
    fn neighbouring_characters_pair_up_in_the_bag() {
        let text = "渡轮停航，港口 A 关。";
        let mut got = Vec::new();
        compound_words(text, 0..text.len(), |w| got.push(w.to_owned()));
        assert_eq!(got, ["渡轮", "轮停", "停航", "港口", "a", "关"]);
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("regrouping"), stem("regroup"));
        assert_eq!(stem("militias"), stem("militia"));
        assert_eq!(stem("isis's"), "isis");
        assert_eq!(stem("u.s"), stem("us"));
        assert_eq!(stem("isis"), "isis");
        // Inflections of one verb meet, the older "-eth" included.
        for form in ["injures", "injured", "injuring", "injure"] {
            assert_eq!(stem(form), stem("injur"), "{form}");
        }
        assert_eq!(stem("cometh"), stem("comes"));
        // A people and its country.
        assert_eq!(stem("libyan"), stem("libya"));
        assert_eq!(stem("syrians"), stem("syria"));
        assert_eq!(stem("koreans"), stem("korea"));
        assert_eq!(stem("maketh"), stem("makes"));
        // Short words keep their e, and different words stay apart.
        assert_eq!(stem("the"), "the");
        assert_ne!(stem("injured"), stem("inject"));
    }
}
