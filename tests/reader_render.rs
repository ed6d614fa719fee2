//! The reader rendered into a TestBackend, asserting on text and styles.

mod reader_support;

use parallax::engine::Role;
use parallax::side::Side;
use parallax::tui::fixture::{Builder, sample};
use parallax::tui::{App, Command, Setup, Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use reader_support::{find, press, render, row_text, screen_text};

fn app_with(theme: Theme) -> App {
    App::new(
        sample(),
        Setup {
            theme,
            ..Setup::default()
        },
    )
}

/// First occurrence of `needle` within columns `xs`.
fn find_in(buf: &Buffer, needle: &str, xs: std::ops::Range<u16>) -> (u16, u16) {
    let chars: Vec<char> = needle.chars().collect();
    for y in 0..buf.area.height {
        for x in xs.clone() {
            if x as usize + chars.len() > buf.area.width as usize {
                break;
            }
            if chars
                .iter()
                .enumerate()
                .all(|(i, c)| buf[(x + i as u16, y)].symbol() == c.to_string())
            {
                return (x, y);
            }
        }
    }
    panic!(
        "`{needle}` not on screen in columns {xs:?}:\n{}",
        screen_text(buf)
    );
}

const LEFT: std::ops::Range<u16> = 0..47;
const RIGHT: std::ops::Range<u16> = 51..100;

#[test]
fn cursor_and_counterpart_are_marked_and_highlighted() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    let buf = render(&mut app, 100, 30);
    let (x, y) = find_in(&buf, "Crews on the", LEFT);
    assert_eq!(buf[(x - 3, y)].symbol(), "▶");
    assert_eq!(buf[(x, y)].bg, Color::DarkGray);
    let (rx, ry) = find_in(&buf, "Crews on the", RIGHT);
    assert_eq!(ry, y, "counterpart level with the cursor");
    assert_eq!(buf[(rx - 3, ry)].symbol(), "▷");
    assert_eq!(buf[(rx, ry)].bg, Color::DarkGray);
    // Rows of the same link are joined across the gutter.
    assert_eq!(row_text(&buf, y).matches("━━━").count(), 1);
    // A passage that is neither is not highlighted.
    let (px, py) = find_in(&buf, "The union wants", LEFT);
    assert_eq!(buf[(px, py)].bg, Color::Reset);
    assert_eq!(buf[(px - 2, py)].symbol(), "=");
}

#[test]
fn changed_words_are_emphasised_on_both_sides() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    let buf = render(&mut app, 100, 30);
    let (x, y) = find_in(&buf, "dawn", LEFT);
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::BOLD | Modifier::UNDERLINED)
    );
    let (x, y) = find_in(&buf, "Crews", LEFT);
    assert!(
        !buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "shared words stay plain"
    );
    let (x, y) = find_in(&buf, "morning", RIGHT);
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(
        !buf[(x - 1, y)].modifier.contains(Modifier::UNDERLINED),
        "the space before is not part of the change"
    );
}

#[test]
fn kinds_are_distinguishable_by_marker_and_colour() {
    for theme in [ThemeName::Dark, ThemeName::Light] {
        kinds_are_distinguishable_in(theme);
    }
}

fn kinds_are_distinguishable_in(theme: ThemeName) {
    let mut app = app_with(Theme::new(theme, false));
    let buf = render(&mut app, 100, 30);
    let marker = |needle: &str, xs| {
        let (x, y) = find_in(&buf, needle, xs);
        (
            buf[(x - 2, y)].symbol().to_owned(),
            buf[(x - 1, y)].symbol().to_owned(),
            // The marker carries the passage colour; the first word may be a changed word.
            buf[(x - 2, y)].fg,
        )
    };
    let reworded = marker("Crews on", LEFT);
    let paraphrase = marker("About 4,000", LEFT);
    let identical = marker("The union wants", LEFT);
    let moved = marker("“We have [been]", LEFT);
    let unique = marker("Local shops", LEFT);
    let boilerplate = marker("Support our", LEFT);
    assert_eq!(reworded.0, "~");
    assert_eq!(paraphrase.0, "≈");
    assert_eq!(identical.0, "=");
    assert_eq!(moved.0, "~");
    assert_eq!(moved.1, "↕");
    assert_eq!(unique.0, "+");
    assert_eq!(boilerplate.0, "·");
    let colours = [reworded.2, paraphrase.2, identical.2, unique.2];
    for (i, a) in colours.iter().enumerate() {
        for b in &colours[i + 1..] {
            assert_ne!(a, b, "each kind has its own colour: {colours:?}");
        }
    }
    // Never red against green.
    assert!(!colours.iter().any(|c| matches!(
        c,
        Color::Red | Color::Green | Color::LightRed | Color::LightGreen
    )));
}

#[test]
fn boilerplate_is_dimmed_and_can_be_hidden() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    let buf = render(&mut app, 100, 30);
    let (x, y) = find_in(&buf, "Support our journalism", LEFT);
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
    press(&mut app, "b");
    let buf = render(&mut app, 100, 30);
    assert!(find(&buf, "Support our journalism").is_none());
    assert!(screen_text(&buf).contains("boilerplate hidden"));
}

#[test]
fn no_color_keeps_every_distinction_without_colour() {
    let mut app = app_with(Theme::monochrome());
    let buf = render(&mut app, 100, 30);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "no foreground colour under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset, "no background colour under NO_COLOR");
    }
    let (x, y) = find_in(&buf, "Crews on the", LEFT);
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "cursor in reverse video"
    );
    let (rx, ry) = find_in(&buf, "Crews on the", RIGHT);
    assert!(
        buf[(rx, ry)].modifier.contains(Modifier::REVERSED),
        "counterpart in reverse video"
    );
    let (x, y) = find_in(&buf, "dawn", LEFT);
    assert!(
        buf[(x, y)]
            .modifier
            .contains(Modifier::UNDERLINED | Modifier::BOLD)
    );
    let (x, y) = find_in(&buf, "Support our", LEFT);
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM));
    assert_eq!(buf[(x - 2, y)].symbol(), "·");
    let (x, y) = find_in(&buf, "Local shops", LEFT);
    assert_eq!(buf[(x - 2, y)].symbol(), "+");
    let (x, y) = find_in(&buf, "6% pay", LEFT);
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    // The overview tells shared from unique by glyph.
    let text = screen_text(&buf);
    assert!(text.contains('█') && text.contains('░'), "{text}");
}

#[test]
fn focused_header_is_reversed() {
    let mut app = app_with(Theme::new(ThemeName::Light, false));
    let buf = render(&mut app, 100, 30);
    let (x, y) = find(&buf, "Harbour Post").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let (x, y) = find(&buf, "Valley Courier").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(row_text(&buf, 0).contains("% shared"));
    press(&mut app, "<Tab>");
    let buf = render(&mut app, 100, 30);
    let (x, y) = find(&buf, "Valley Courier").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn unique_passage_shows_where_it_would_sit() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    press(&mut app, "jjjj");
    let buf = render(&mut app, 100, 30);
    let (_, y) = find_in(&buf, "Local shops", LEFT);
    assert!(row_text(&buf, y).contains("╌╌╌"), "{}", row_text(&buf, y));
    let (x, ry) = find_in(&buf, "The transport", RIGHT);
    assert_eq!(ry, y, "the passage it would sit before is level with it");
    assert_eq!(buf[(x - 3, ry)].symbol(), "»");
    assert!(screen_text(&buf).contains("only in Harbour Post"));
}

#[test]
fn status_line_gives_kind_similarity_position_and_help_key() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    let buf = render(&mut app, 100, 30);
    let status = row_text(&buf, 29);
    let cursor = app.cursor(Side::Left);
    let total = app.comparison().articles.left.passages.len();
    let similarity = app.link(Side::Left, cursor).unwrap().similarity;
    assert!(
        status.contains(&format!("{}/{}", cursor + 1, total)),
        "{status}"
    );
    assert!(
        status.contains(&format!("reworded {:.0}%", similarity * 100.0)),
        "{status}"
    );
    assert!(status.contains("? help"), "{status}");
}

#[test]
fn a_status_line_too_long_for_the_screen_is_cut_with_an_ellipsis_before_the_right_part() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    press(&mut app, "b");
    assert!(app.boilerplate_hidden());
    let buf = render(&mut app, 50, 30);
    let status = row_text(&buf, 29);
    let at = status.find("boilerplate hidden").expect("right part shown");
    let before = status[..at].trim_end();
    assert!(before.ends_with('…'), "{status:?}");
    assert!(
        status[..at].ends_with(' '),
        "a gap before the right part: {status:?}"
    );
}

#[test]
fn search_matches_are_highlighted_and_counted() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    press(&mut app, "/ferries<Enter>");
    let buf = render(&mut app, 100, 30);
    let (x, y) = find_in(&buf, "ferries", LEFT);
    assert_eq!(buf[(x, y)].bg, Color::Yellow);
    let n = app.search().unwrap().matches.len();
    assert!(
        row_text(&buf, 29).contains(&format!("“ferries” 1/{n}")),
        "{}",
        row_text(&buf, 29)
    );
}

#[test]
fn notes_show_a_marker() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    press(&mut app, "a");
    let buf = render(&mut app, 100, 30);
    assert!(screen_text(&buf).contains("Note on Harbour Post"));
    press(&mut app, "why dawn?<C-s>");
    let buf = render(&mut app, 100, 30);
    let (x, y) = find_in(&buf, "Crews on the", LEFT);
    assert_eq!(buf[(x - 1, y)].symbol(), "✎");
}

#[test]
fn help_lists_every_command_from_the_keymap() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    press(&mut app, "?");
    let buf = render(&mut app, 160, 50);
    let text = screen_text(&buf);
    for command in Command::ALL {
        assert!(
            text.contains(command.doc()),
            "help lacks `{}`:\n{text}",
            command.doc()
        );
        let keys = app.keymap().describe(*command);
        assert!(text.contains(&keys), "help lacks keys `{keys}`");
    }
}

#[test]
fn tiny_terminals_say_so() {
    let mut app = app_with(Theme::new(ThemeName::Dark, false));
    let buf = render(&mut app, 30, 6);
    let text = screen_text(&buf);
    assert!(text.contains("terminal too small"), "{text}");
    // The size it has and the size it needs, so that the reader knows how far to grow it.
    assert!(text.contains("30\u{d7}6, needs 40\u{d7}8"), "{text}");
    // Narrower than a line, the words wrap and the size needed still shows.
    let text = screen_text(&render(&mut app, 8, 7));
    assert!(text.contains("40\u{d7}8"), "{text}");
    for (w, h) in [(1, 1), (5, 2), (39, 30), (100, 7), (40, 8)] {
        let buf = render(&mut app, w, h);
        assert_eq!(buf.area.width, w);
    }
    let buf = render(&mut app, 40, 8);
    assert!(!screen_text(&buf).contains("too small"));
}

#[test]
fn control_characters_are_shown_harmlessly_and_long_words_cut() {
    let mut b = Builder::new("Evil\u{1b}]0;pwned\u{7}", "Plain");
    b.passage(Side::Left, Role::Title, "Title \u{1b}[2J");
    let l = b.body(
        Side::Left,
        "Bell\u{7} and \u{1b}[31mred\u{1b}[0m and \u{9b}c1 and \u{202e}bidi.",
    );
    let long = "x".repeat(300);
    let r = b.body(Side::Right, &format!("Start {long} end."));
    b.link(&[l], &[r], parallax::engine::LinkKind::Paraphrase, false);
    let mut app = App::new(b.build(), Setup::default());
    let buf = render(&mut app, 80, 24);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "raw control {:?}",
            cell.symbol()
        );
        assert!(!cell.symbol().contains('\u{202e}'));
    }
    let text = screen_text(&buf);
    assert!(text.contains("␛[31mred"), "{text}");
    assert!(text.contains("Bell␇"), "{text}");
    // The 300-character word is cut across rows and stays inside the right pane.
    let rows_with_x = (0..24)
        .filter(|&y| row_text(&buf, y).contains("xxxxxxxxxx"))
        .count();
    assert!(rows_with_x >= 300 / 40, "{text}");
    assert!(text.contains("end."));
}

#[test]
fn header_shows_byline_date_and_how_the_source_was_read() {
    let mut comparison = sample();
    let right = &mut comparison.articles.right;
    right.meta.byline = Some("Ana Reyes".into());
    right.meta.published = Some("2026-03-04T08:00:00Z".into());
    right
        .notices
        .push("showing the cached copy from 3 hours ago".into());
    let mut app = App::new(comparison, Setup::default());
    let buf = render(&mut app, 260, 30);
    let header = row_text(&buf, 0);
    assert!(
        header.contains("Ana Reyes · 2026-03-04 · showing the cached copy from 3 hours ago"),
        "{header}"
    );
}
