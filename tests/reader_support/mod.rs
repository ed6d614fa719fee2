//! Shared helpers for the reader tests: key strings, rendering, and finding text on screen.
#![allow(dead_code)]

use parallax::tui::{App, input::map_event};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Parses `jj<Tab>G<C-s>` into key events: single characters, or `<Name>` for special keys
/// (`<C-x>` for Ctrl).
pub fn key_events(keys: &str) -> Vec<Event> {
    let mut events = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        let (code, modifiers) = if c == '<' {
            let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
            match name.as_str() {
                "Tab" => (KeyCode::Tab, KeyModifiers::NONE),
                "Enter" => (KeyCode::Enter, KeyModifiers::NONE),
                "Esc" => (KeyCode::Esc, KeyModifiers::NONE),
                "BS" => (KeyCode::Backspace, KeyModifiers::NONE),
                "Down" => (KeyCode::Down, KeyModifiers::NONE),
                "Up" => (KeyCode::Up, KeyModifiers::NONE),
                "Left" => (KeyCode::Left, KeyModifiers::NONE),
                "Right" => (KeyCode::Right, KeyModifiers::NONE),
                "Home" => (KeyCode::Home, KeyModifiers::NONE),
                "End" => (KeyCode::End, KeyModifiers::NONE),
                "Del" => (KeyCode::Delete, KeyModifiers::NONE),
                "PgDn" => (KeyCode::PageDown, KeyModifiers::NONE),
                "PgUp" => (KeyCode::PageUp, KeyModifiers::NONE),
                "Space" => (KeyCode::Char(' '), KeyModifiers::NONE),
                "lt" => (KeyCode::Char('<'), KeyModifiers::NONE),
                other => match other.strip_prefix("C-") {
                    Some(k) => (
                        KeyCode::Char(k.chars().next().unwrap()),
                        KeyModifiers::CONTROL,
                    ),
                    None => panic!("unknown key name <{other}>"),
                },
            }
        } else if c.is_ascii_uppercase() {
            (KeyCode::Char(c), KeyModifiers::SHIFT)
        } else {
            (KeyCode::Char(c), KeyModifiers::NONE)
        };
        events.push(Event::Key(KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        )));
    }
    events
}

/// Feeds `keys` through the real keymap, as the event loop does.
pub fn press(app: &mut App, keys: &str) {
    for event in key_events(keys) {
        if let Some(action) = map_event(app.keymap(), app.mode(), &event) {
            app.update(action);
        }
    }
}

pub fn render(app: &mut App, width: u16, height: u16) -> Buffer {
    app.update(parallax::tui::Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    terminal.backend().buffer().clone()
}

/// Row `y` of the buffer as text (wide characters take their cell only once).
pub fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

pub fn screen_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y) + "\n")
        .collect()
}

/// Cell position of the first occurrence of `needle` (ASCII) on screen.
pub fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let cells: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        let chars: Vec<char> = needle.chars().collect();
        (0..cells.len().saturating_sub(chars.len() - 1)).find_map(|x| {
            chars
                .iter()
                .enumerate()
                .all(|(i, c)| cells[x + i] == c.to_string())
                .then_some((x as u16, y))
        })
    })
}
