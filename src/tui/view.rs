//! Drawing the whole reader: `impl Widget for &App`. Reads state, never changes it (the
//! layout caches inside `App` are filled on first use, which does not change what is shown).

use super::app::{App, Mode};
use super::geometry::{self, Geometry};
use super::{gutter, help, note_editor, note_list, overview, pane, status};
use crate::side::Side;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(geometry) = Geometry::of(area) else {
            render_too_small(area, buf);
            return;
        };
        for side in Side::BOTH {
            pane::render_header(self, side, geometry.headers[side], buf);
            pane::render_body(self, side, &geometry, buf);
            overview::render(self, side, &geometry, buf);
        }
        gutter::render(self, &geometry, buf);
        status::render(self, geometry.status, buf);
        match self.mode() {
            Mode::Help => help::render(self, area, buf),
            Mode::Note(editor) => note_editor::render(self, editor, area, buf),
            Mode::Notes(list) => note_list::render(self, list, area, buf),
            Mode::Reading | Mode::Search(_) => {}
        }
    }
}

fn render_too_small(area: Rect, buf: &mut Buffer) {
    // The size is said too: a reader who shrank a split pane needs to know how far to grow it.
    let lines = [
        "terminal too small".to_owned(),
        format!(
            "{}\u{d7}{}, needs {}\u{d7}{}",
            area.width,
            area.height,
            geometry::MIN_WIDTH,
            geometry::MIN_HEIGHT
        ),
    ];
    // Centred when each line fits; narrower than that, the words wrap from the top and may
    // take any number of rows.
    let fits = lines
        .iter()
        .all(|l| l.chars().count() <= usize::from(area.width));
    let row = if fits {
        let [row] = Layout::vertical([Constraint::Length(lines.len() as u16)])
            .flex(Flex::Center)
            .areas(area);
        row
    } else {
        area
    };
    Paragraph::new(lines.map(|l| Line::from(l).centered()).to_vec())
        .wrap(Wrap { trim: true })
        .render(row, buf);
}
