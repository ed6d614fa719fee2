//! The box that overlays the panes (help, note editor, notes list): centred and cleared.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::widgets::{Clear, Widget};

/// A `width` × `height` area centred in `area` (shrunk to fit), cleared of what was under it.
pub fn centred(area: Rect, width: u16, height: u16, buf: &mut Buffer) -> Rect {
    let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(popup);
    Clear.render(popup, buf);
    popup
}
