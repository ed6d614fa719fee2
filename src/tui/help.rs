//! The help overlay, generated from the keymap and the commands' own doc lines.

use super::action::{Command, Context};
use super::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// What the margin and gutter marks mean: the same legend works with or without colour.
pub const LEGEND: &[(&str, &str)] = &[
    ("=", "identical in both"),
    ("~", "reworded (changed words underlined)"),
    ("≈", "paraphrase"),
    ("+", "only in this article"),
    ("·", "boilerplate"),
    ("↕", "moved out of order"),
    ("✎", "has a note"),
    ("▶ ▷", "cursor, counterpart"),
    ("───", "rows linked across the gutter"),
];

pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = app.theme();
    let keymap = app.keymap();
    let key_width = Command::ALL
        .iter()
        .map(|c| keymap.describe(*c).chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut lines = Vec::new();
    for context in Context::ALL {
        lines.push(Line::styled(context.title(), theme.header.add_modifier(Modifier::UNDERLINED)));
        for command in Command::ALL.iter().filter(|c| c.context() == context) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<key_width$}  ", keymap.describe(*command)), theme.key),
                Span::raw(command.doc()),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::styled("Marks", theme.header.add_modifier(Modifier::UNDERLINED)));
    for (mark, meaning) in LEGEND {
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark:<key_width$}  "), theme.key),
            Span::raw(*meaning),
        ]));
    }
    lines
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let width = width.min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(popup);
    Clear.render(popup, buf);
    let close = app.keymap().describe(Command::Help);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" parallax keys ")
                .title_bottom(format!(" {close} or Esc closes ")),
        )
        .style(app.theme().popup)
        .render(popup, buf);
}
