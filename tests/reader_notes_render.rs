//! Notes as drawn: the margin marker on a passage and on its counterpart, the notes panel with
//! its selection and orphans, and the delete question. Rendered into a TestBackend.

mod reader_support;

use parallax::side::Side::{Left, Right};
use parallax::tui::fixture::sample;
use parallax::tui::{App, MemoryNotes, NoteKey, NoteSink, Setup, ShownNote, Theme, ThemeName};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use reader_support::{find, press, render, row_text, screen_text};

fn app(theme: Theme, notes: Box<dyn NoteSink>) -> App {
    App::new(
        sample(),
        Setup {
            theme,
            notes,
            ..Setup::default()
        },
    )
}

/// The margin cell just left of where `needle` starts in the half of the screen given.
fn mark_before(buf: &Buffer, needle: &str, right_half: bool) -> (u16, u16) {
    let half = buf.area.width / 2;
    let (x, y) = (0..buf.area.height)
        .find_map(|y| {
            let row = row_text(buf, y);
            let chars: Vec<char> = row.chars().collect();
            let text: String = if right_half {
                chars[half as usize..].iter().collect()
            } else {
                chars[..half as usize].iter().collect()
            };
            text.find(needle).map(|i| {
                let col = text[..i].chars().count() as u16;
                (if right_half { col + half } else { col }, y)
            })
        })
        .unwrap_or_else(|| panic!("`{needle}` not on screen:\n{}", screen_text(buf)));
    (x - 1, y)
}

#[test]
fn own_notes_are_marked_bold_and_the_counterpart_dim() {
    for theme in [
        Theme::new(ThemeName::Dark, false),
        Theme::new(ThemeName::Dark, true),
    ] {
        let mut app = app(theme, Box::new(MemoryNotes::default()));
        let buf = render(&mut app, 100, 30);
        let own = mark_before(&buf, "Crews on the", false);
        assert_eq!(buf[own].symbol(), " ", "no marker before any note");
        press(&mut app, "awhy dawn?<C-s>");
        let buf = render(&mut app, 100, 30);
        let own = mark_before(&buf, "Crews on the", false);
        assert_eq!(buf[own].symbol(), "✎");
        assert!(buf[own].modifier.contains(Modifier::BOLD));
        let linked = mark_before(&buf, "Crews on the", true);
        assert_eq!(buf[linked].symbol(), "✎", "the link shows the note too");
        assert!(buf[linked].modifier.contains(Modifier::DIM));
        assert!(!buf[linked].modifier.contains(Modifier::BOLD));
        let unrelated = mark_before(&buf, "The union wants", false);
        assert_eq!(buf[unrelated].symbol(), " ");
        // Notes in memory are gone at exit: the reader is not told they were saved.
        assert!(row_text(&buf, 29).contains("Note kept for this session only"));
        press(&mut app, "<Esc>");
        let status = row_text(&render(&mut app, 100, 30), 29);
        assert!(status.contains("✎ 1 (Enter shows)"), "{status}");
    }
}

struct Fixed(Vec<ShownNote>);
impl NoteSink for Fixed {
    fn add(&mut self, _: parallax::side::Side, _: usize, _: &str) -> Result<NoteKey, String> {
        Err("fixed".into())
    }
    fn edit(&mut self, _: NoteKey, _: &str) -> Result<NoteKey, String> {
        Err("fixed".into())
    }
    fn delete(&mut self, _: NoteKey) -> Result<bool, String> {
        Err("fixed".into())
    }
    fn all(&self) -> &[ShownNote] {
        &self.0
    }
}

fn two_notes() -> Box<Fixed> {
    Box::new(Fixed(vec![
        ShownNote {
            key: 1,
            side: Left,
            passage: Some(2),
            quote: String::new(),
            text: "dawn, or morning?".into(),
        },
        ShownNote {
            key: 2,
            side: Right,
            passage: None,
            quote: "The ferry company apologised".into(),
            text: "this line was cut".into(),
        },
    ]))
}

#[test]
fn the_panel_shows_each_note_with_its_passage_and_orphans_with_their_quote() {
    let theme = Theme::new(ThemeName::Dark, false);
    let (focus_bg, error) = (theme.focus.bg, theme.error);
    let mut app = app(theme, two_notes());
    press(&mut app, "m");
    let buf = render(&mut app, 100, 30);
    let text = screen_text(&buf);
    assert!(
        text.contains("All notes on these two articles (2)"),
        "{text}"
    );
    // The placed note quotes its passage as it reads now.
    let (_, y1) = find(&buf, "Harbour Post · passage 3").expect("placed note header");
    assert!(row_text(&buf, y1).contains("“Crews on the Marrow"));
    let (x, y) = find(&buf, "dawn, or morning?").unwrap();
    assert_eq!(y, y1 + 1);
    assert_eq!(
        buf[(x, y)].bg,
        focus_bg.unwrap(),
        "the first note is selected"
    );
    assert!(row_text(&buf, y1).contains('▶'));
    // The orphan says so, in the error style, with the quote it was made on.
    let (gx, gy) = find(&buf, "passage gone").expect("orphan header");
    assert_eq!(buf[(gx, gy)].fg, error.fg.unwrap());
    assert!(row_text(&buf, gy).contains("Valley Courier"));
    assert!(row_text(&buf, gy).contains("“The ferry company apologised”"));
    let (ox, oy) = find(&buf, "this line was cut").unwrap();
    assert_ne!(buf[(ox, oy)].bg, focus_bg.unwrap(), "not selected");

    press(&mut app, "j");
    let buf = render(&mut app, 100, 30);
    let (ox, oy) = find(&buf, "this line was cut").unwrap();
    assert_eq!(buf[(ox, oy)].bg, focus_bg.unwrap(), "j selects the orphan");
}

#[test]
fn delete_asks_in_the_panel_border() {
    let theme = Theme::new(ThemeName::Dark, true);
    let error = theme.error;
    let mut app = app(theme, two_notes());
    press(&mut app, "m");
    let buf = render(&mut app, 100, 30);
    assert!(find(&buf, "Delete this note?").is_none());
    press(&mut app, "d");
    let buf = render(&mut app, 100, 30);
    let (x, y) = find(&buf, "Delete this note? y yes · n, Esc no").expect("question shown");
    // Without colour the question still stands out, as errors do.
    assert!(buf[(x, y)].modifier.contains(error.add_modifier));
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn the_editor_draws_its_cursor_where_it_is() {
    let mut app = app(
        Theme::new(ThemeName::Dark, false),
        Box::new(MemoryNotes::default()),
    );
    press(&mut app, "aabcd<Left><Left>");
    let buf = render(&mut app, 100, 30);
    assert!(find(&buf, "ab▏cd").is_some(), "{}", screen_text(&buf));
}
