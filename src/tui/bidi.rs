//! Right-to-left text on screen. Terminals draw cells left to right, so an Arabic or Hebrew row
//! must be put in visual order before it is drawn: the Unicode bidirectional algorithm (from
//! unicode-bidi) on the passage as displayed, applied to each wrapped row. Only the display
//! changes; the article text, its spans and the word diffs stay in logical order.

use super::sanitize::display_char;
use std::ops::Range;
use unicode_bidi::ParagraphBidiInfo;

/// A row in the order it is seen: each character, made harmless, with the byte offset in the
/// article of the character it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualRow {
    pub chars: Vec<(usize, char)>,
    /// The passage reads right to left, so its rows sit against the right edge.
    pub right_to_left: bool,
}

/// Whether `c` belongs to a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms). A row without one needs no reordering.
pub fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// `text[row]`, a row of the passage at `passage`, in visual order; `None` when it holds no
/// right-to-left character, so the plain left-to-right drawing serves. The levels are resolved
/// over the whole passage, as the algorithm asks, on the characters as drawn: a bidirectional
/// control inside an article is shown as a stand-in and so cannot reorder anything.
pub fn visual_row(text: &str, passage: Range<usize>, row: Range<usize>) -> Option<VisualRow> {
    if !text[row.clone()].chars().any(is_right_to_left) {
        return None;
    }
    let mut shown = String::with_capacity(passage.len());
    // For each character of `shown`: where it starts there, where in the article, and the
    // character as drawn.
    let mut origins: Vec<(usize, usize, char)> = Vec::with_capacity(passage.len());
    let mut line = shown.len()..shown.len();
    for (offset, c) in text[passage.clone()].char_indices() {
        let at = passage.start + offset;
        if at == row.start {
            line.start = shown.len();
        }
        if at == row.end {
            line.end = shown.len();
        }
        let drawn = display_char(c);
        origins.push((shown.len(), at, drawn));
        shown.push(drawn);
    }
    if row.end >= passage.end {
        line.end = shown.len();
    }
    let info = ParagraphBidiInfo::new(&shown, None);
    let (levels, runs) = info.visual_runs(line);
    let mut chars = Vec::new();
    for run in runs {
        let first = origins.partition_point(|&(s, _, _)| s < run.start);
        let last = origins.partition_point(|&(s, _, _)| s < run.end);
        let in_run = origins[first..last].iter().map(|&(_, at, c)| (at, c));
        if levels[run.start].is_rtl() {
            let mut reversed: Vec<(usize, char)> = in_run.map(|(at, c)| (at, mirror(c))).collect();
            reversed.reverse();
            chars.extend(reversed);
        } else {
            chars.extend(in_run);
        }
    }
    Some(VisualRow {
        chars,
        right_to_left: info.paragraph_level.is_rtl(),
    })
}

/// One line of text (a title, a label) made harmless and put in visual order, fitted to
/// `width` columns: a right-to-left line that is too wide loses its end, which is on the left.
pub fn visual_line(text: &str, width: usize) -> String {
    let Some(row) = visual_row(text, 0..text.len(), 0..text.len()) else {
        return super::sanitize::clean(text);
    };
    let chars: Vec<char> = row.chars.into_iter().map(|(_, c)| c).collect();
    if !row.right_to_left {
        return chars.into_iter().collect();
    }
    let mut kept = Vec::new();
    let mut used = 0;
    for &c in chars.iter().rev() {
        used += super::sanitize::display_width(c);
        if used > width {
            break;
        }
        kept.push(c);
    }
    kept.into_iter().rev().collect()
}

/// The mirrored glyph of a paired bracket, which right-to-left text shows the other way round
/// (Unicode's Bidi_Mirrored property, for the brackets that news text uses).
fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '\u{AB}' => '\u{BB}',
        '\u{BB}' => '\u{AB}',
        '\u{2039}' => '\u{203A}',
        '\u{203A}' => '\u{2039}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(text: &str) -> String {
        visual_row(text, 0..text.len(), 0..text.len())
            .map(|r| r.chars.into_iter().map(|(_, c)| c).collect())
            .unwrap_or_else(|| text.to_owned())
    }

    #[test]
    fn left_to_right_rows_are_left_alone() {
        assert_eq!(visual_row("Plain text.", 0..11, 0..11), None);
    }

    #[test]
    fn arabic_is_drawn_right_to_left_and_numbers_keep_their_order() {
        // Logical order: alef, beh, space, 1, 2; seen: 12, space, beh, alef.
        assert_eq!(seen("اب 12"), "12 با");
        let text = "اب 12";
        let row = visual_row(text, 0..text.len(), 0..text.len()).expect("an Arabic row");
        assert!(row.right_to_left);
    }

    #[test]
    fn latin_inside_hebrew_keeps_its_own_order() {
        assert_eq!(seen("שלום BBC עולם"), "םלוע BBC םולש");
    }

    #[test]
    fn brackets_are_mirrored_in_right_to_left_runs() {
        assert_eq!(seen("ب (ا)"), "(ا) ب");
    }

    #[test]
    fn an_override_in_the_article_cannot_reorder_the_row() {
        // U+202E would show the Latin word backwards; it is drawn as a stand-in instead.
        let text = "ب \u{202E}abc";
        let row: String = seen(text);
        assert!(row.contains("abc"), "{row}");
        assert!(!row.contains('\u{202E}'));
    }

    #[test]
    fn a_long_right_to_left_title_keeps_its_start() {
        // The start of the title is its right end on screen.
        assert_eq!(visual_line("اب جد هو", 5), "دج با");
        assert_eq!(visual_line("Plain title", 5), "Plain title");
    }

    #[test]
    fn each_row_of_a_wrapped_passage_is_ordered_on_its_own() {
        let text = "اب جد";
        let first = visual_row(text, 0..text.len(), 0..4).expect("row");
        let second = visual_row(text, 0..text.len(), 5..text.len()).expect("row");
        let shown = |r: VisualRow| r.chars.into_iter().map(|(_, c)| c).collect::<String>();
        assert_eq!(shown(first), "با");
        assert_eq!(shown(second), "دج");
    }
}
