//! Where each part of the screen goes. A pure function of the terminal size, used both by
//! rendering and by `update` (for page sizes and mouse hits), so the two always agree.

use crate::side::Pair;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the reader shows "terminal too small" instead of panes.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// Columns left of each pane's text: cursor, class marker, note/moved marker.
pub const MARGIN: u16 = 3;
pub const GUTTER: u16 = 3;
/// A blank column, the viewport bar and the minimap.
pub const OVERVIEW: u16 = 3;
pub const HEADER: u16 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    pub area: Rect,
    pub headers: Pair<Rect>,
    pub margins: Pair<Rect>,
    pub texts: Pair<Rect>,
    pub overviews: Pair<Rect>,
    pub gutter: Rect,
    pub status: Rect,
}

impl Geometry {
    /// `None` when the area is too small to read in.
    pub fn of(area: Rect) -> Option<Geometry> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let [body, status] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        let [left, gutter, right] = body.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(GUTTER),
            Constraint::Fill(1),
        ]));
        let split = |pane: Rect| {
            let [header, rest] = pane.layout(&Layout::vertical([
                Constraint::Length(HEADER),
                Constraint::Fill(1),
            ]));
            let [margin, text, overview] = rest.layout(&Layout::horizontal([
                Constraint::Length(MARGIN),
                Constraint::Fill(1),
                Constraint::Length(OVERVIEW),
            ]));
            (header, margin, text, overview)
        };
        let (lh, lm, lt, lo) = split(left);
        let (rh, rm, rt, ro) = split(right);
        let [_, gutter] = gutter.layout(&Layout::vertical([
            Constraint::Length(HEADER),
            Constraint::Fill(1),
        ]));
        Some(Geometry {
            area,
            headers: Pair::new(lh, rh),
            margins: Pair::new(lm, rm),
            texts: Pair::new(lt, rt),
            overviews: Pair::new(lo, ro),
            gutter,
            status,
        })
    }

    /// Rows of article text a pane shows.
    pub fn page(&self) -> usize {
        usize::from(self.texts.left.height)
    }
}
