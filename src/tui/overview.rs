//! The overview strip beside each pane: a minimap of where that article's shared and unique
//! passages lie, with the viewport marked. The summary is cached per pane height, since it
//! walks every passage.

use super::app::App;
use super::geometry::Geometry;
use super::theme::Class;
use crate::side::Side;
use ratatui::buffer::Buffer;

/// Rows of shared, unique and boilerplate text under each strip cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub key: (u16, u16, bool),
    pub cells: Vec<[usize; 3]>,
    pub total_rows: usize,
}

pub fn summarise(app: &App, side: Side, width: u16, height: u16) -> Summary {
    let display = app.display_at(side, width);
    let total = display.total_rows().max(1);
    let h = usize::from(height.max(1));
    let mut cells = vec![[0usize; 3]; h];
    for (passage, start, rows) in display.iter() {
        let kind = match app.class_of(side, passage) {
            Class::Shared { .. } => 0,
            Class::Unique => 1,
            Class::Boilerplate => 2,
        };
        let first = start * h / total;
        let last = ((start + rows.max(1) - 1) * h / total).min(h - 1);
        for cell in &mut cells[first..=last] {
            cell[kind] += rows;
        }
    }
    // Blank separator rows between passages would leave holes in a short article's strip;
    // they take the look of the passage above.
    let last_filled = cells
        .iter()
        .rposition(|c| c.iter().any(|&n| n > 0))
        .unwrap_or(0);
    for i in 1..=last_filled {
        if cells[i].iter().all(|&n| n == 0) {
            cells[i] = cells[i - 1];
        }
    }
    Summary {
        key: (width, height, display.hide_boilerplate),
        cells,
        total_rows: display.total_rows(),
    }
}

pub fn render(app: &App, side: Side, geometry: &Geometry, buf: &mut Buffer) {
    let area = geometry.overviews[side];
    if area.width < 3 || area.height == 0 {
        return;
    }
    let width = geometry.texts[side].width.max(1);
    let summary = app.overview(side, width, area.height);
    let theme = app.theme();
    let h = area.height as i64;
    let total = summary.total_rows.max(1) as i64;
    let scroll = app.scroll(side);
    for (y, counts) in summary.cells.iter().enumerate() {
        let (glyph, style) = theme.overview(counts[0], counts[1], counts[2]);
        let y = y as i64;
        let cell_rows = (y * total / h)..(((y + 1) * total / h).max(y * total / h + 1));
        let in_view = cell_rows.start < scroll + h && cell_rows.end > scroll;
        let bar = if in_view { "┃" } else { " " };
        let sy = area.y + y as u16;
        buf.set_stringn(area.x + 1, sy, bar, 1, theme.overview_viewport);
        buf.set_stringn(area.x + 2, sy, glyph.to_string(), 1, style);
    }
}
