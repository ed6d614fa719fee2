//! Cutting a line of text to the columns there are, and saying so.

use super::sanitize::display_width;

/// `text` cut to `width` columns, with an ellipsis where it was cut: text that merely stops at
/// the edge reads as if that were all of it, or runs on into whatever is drawn next to it.
/// Columns are counted as the screen shows them, a control character as its stand-in.
pub fn fit(text: &str, width: usize) -> String {
    if text.chars().map(display_width).sum::<usize>() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = display_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_columns_and_marks_the_cut() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("exactly", 7), "exactly");
        assert_eq!(fit("a longer line", 6), "a lon…");
        // Wide characters take two columns each.
        assert_eq!(fit("渡轮停航了", 5), "渡轮…");
        assert_eq!(fit("anything", 0), "");
        // A control character shows as a one-column stand-in, and counts so.
        assert_eq!(fit("ab\u{1b}cd", 4), "ab\u{1b}…");
    }
}
