//! The reader at 80x24 on Chinese and Arabic articles: wide characters take two columns and
//! stay inside their pane, rows wrap between characters, and right-to-left rows read in order.

#[path = "support/fixtures.rs"]
mod fixtures;
mod reader_support;

use fixtures::fixture;
use parallax::engine::compare;
use parallax::tui::{App, Setup};
use ratatui::buffer::Buffer;
use reader_support::{render, screen_text};
use unicode_width::UnicodeWidthStr;

fn app(left: &str, right: &str) -> App {
    let c = compare(
        fixture(&format!("scripts/{left}.txt")),
        fixture(&format!("scripts/{right}.txt")),
        &Default::default(),
    );
    App::new(c, Setup::default())
}

/// The column of the left pane's scroll bar, which closes the pane's text area.
fn left_edge_of_bar(buf: &Buffer) -> u16 {
    (0..buf.area.width)
        .find(|&x| {
            (2..buf.area.height - 1).all(|y| matches!(buf[(x, y)].symbol(), "┃" | "█" | "░"))
        })
        .expect("the left pane's bar")
}

/// The row on which `needle`'s first character is drawn in the left pane, and its column.
fn find_glyph(buf: &Buffer, glyph: &str, before: u16) -> (u16, u16) {
    for y in 0..buf.area.height {
        for x in 0..before {
            if buf[(x, y)].symbol() == glyph {
                return (x, y);
            }
        }
    }
    panic!("{glyph} not in the left pane:\n{}", screen_text(buf))
}

/// The glyphs of row `y` between columns `from` and `to`, each wide character once (the cell
/// it covers on its right is left out).
fn glyphs(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut out = String::new();
    let mut x = from;
    while x < to {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += symbol.width().max(1) as u16;
    }
    out
}

#[test]
fn chinese_characters_take_two_columns_and_rows_fill_the_pane() {
    let mut a = app("zh_harbour_daily", "zh_east_evening");
    let buf = render(&mut a, 80, 24);
    let bar = left_edge_of_bar(&buf);
    let sentence = "受暴风影响，连接阿尔德港和海带岛的渡轮周三全天停航。";
    let (x, y) = find_glyph(&buf, "受", bar);
    // Every character of the sentence, in order, two columns apart, over two rows.
    let mut drawn = String::new();
    for row in [y, y + 1] {
        let mut col = x;
        while col + 1 < bar {
            let cell = buf[(col, row)].symbol();
            if cell.trim().is_empty() {
                break;
            }
            assert_eq!(cell.width(), 2, "{cell:?} at {col},{row}");
            drawn.push_str(cell);
            col += 2;
        }
        // The first row is filled up to the pane's edge (a column of margin before the bar):
        // no half-empty row before a wrap.
        if row == y {
            assert!(bar - col <= 2, "first row ends at {col}, bar at {bar}");
        }
    }
    assert_eq!(drawn, sentence);
    // Nothing is drawn over the bar or past it in the left pane.
    for row in 0..buf.area.height {
        let before = &buf[(bar - 1, row)];
        assert!(
            before.symbol().width() <= 1,
            "a wide glyph overflows at row {row}"
        );
    }
}

#[test]
fn a_changed_chinese_word_is_marked_by_character() {
    let mut a = app("zh_harbour_daily", "zh_east_evening");
    let buf = render(&mut a, 80, 24);
    let bar = left_edge_of_bar(&buf);
    let (x, y) = find_glyph(&buf, "表", bar);
    assert!(glyphs(&buf, y, 0, bar).contains("港务局发言人表示"));
    let changed = buf[(x, y)].style();
    let unchanged = buf[(x - 2, y)].style(); // 人, shared by both outlets
    assert_ne!(changed, unchanged, "the changed characters stand out");
    assert_eq!(buf[(x + 2, y)].symbol(), "示");
    assert_eq!(buf[(x + 2, y)].style(), changed);
}

#[test]
fn arabic_rows_read_right_to_left_against_the_right_edge() {
    let mut a = app("ar_harbour_paper", "ar_east_shore");
    let buf = render(&mut a, 80, 24);
    let bar = left_edge_of_bar(&buf);
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/scripts/ar_harbour_paper.txt"
    ))
    .unwrap();
    let sentence = text.lines().nth(2).unwrap().split('.').next().unwrap();
    let first_word = sentence.split(' ').next().unwrap();
    // On screen the first word is at the right end of its row, its letters right to left.
    let seen: String = first_word.chars().rev().collect();
    let row = (0..buf.area.height)
        .find(|&y| glyphs(&buf, y, 0, bar).trim_end().ends_with(&seen))
        .unwrap_or_else(|| panic!("no row ends with {seen}:\n{}", screen_text(&buf)));
    let line = glyphs(&buf, row, 0, bar);
    assert!(
        line.ends_with(&format!("{seen} ")),
        "{line:?} sits against the edge"
    );
    // The words after it go leftwards: the second word stands just left of the first.
    let second: String = sentence.split(' ').nth(1).unwrap().chars().rev().collect();
    assert!(line.contains(&format!("{second} {seen}")), "{line:?}");
}
