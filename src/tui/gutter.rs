//! The narrow column between the panes. `───` joins rows that belong to the same link, a
//! lone `─` marks a shared row whose partner is elsewhere, and `╌╌╌` runs to the place
//! the focused unique passage would sit.

use super::app::App;
use super::geometry::Geometry;
use crate::side::Pair;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

pub fn render(app: &App, geometry: &Geometry, buf: &mut Buffer) {
    let area = geometry.gutter;
    if area.width < 3 {
        return;
    }
    let theme = app.theme();
    let displays = Pair::from_fn(|side| app.display_at(side, geometry.texts[side].width.max(1)));
    let focused_link = app.comparison().link_of[app.focus()]
        .get(app.cursor(app.focus()))
        .copied()
        .flatten();
    let focus_top = {
        let side = app.focus();
        displays[side].span_of(app.cursor(side)).0 - app.scroll(side)
    };
    let unique_focused = app.insertion_point().is_some();
    for y in 0..area.height {
        let links = Pair::from_fn(|side| {
            displays[side]
                .at(app.scroll(side) + i64::from(y))
                .and_then(|(p, ..)| app.comparison().link_of[side][p])
        });
        let mut style = theme.gutter_link;
        let cells = match (links.left, links.right) {
            (Some(l), Some(r)) if l == r => {
                if Some(l) == focused_link {
                    style = style.add_modifier(Modifier::BOLD);
                    "━━━"
                } else {
                    "───"
                }
            }
            (Some(_), Some(_)) => "─ ─",
            (Some(_), None) => "─  ",
            (None, Some(_)) => "  ─",
            (None, None) => "   ",
        };
        let cells = if unique_focused && i64::from(y) == focus_top {
            style = theme.insertion;
            "╌╌╌"
        } else {
            cells
        };
        buf.set_stringn(area.x, area.y + y, cells, 3, style);
    }
}
