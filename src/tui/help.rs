//! The help overlay, generated from the keymap and the commands' own doc lines.

use super::action::{Command, Context};
use super::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// What the margin and gutter marks mean: the same legend works with or without colour.
pub const LEGEND: &[(&str, &str)] = &[
    ("=", "identical in both"),
    ("~", "reworded (changed words underlined)"),
    ("≈", "paraphrase"),
    ("+", "only in this article"),
    ("·", "boilerplate"),
    ("↕", "moved out of order"),
    ("✎", "has a note (dim: on its counterpart)"),
    ("▶ ▷", "cursor, counterpart"),
    ("───", "rows linked across the gutter"),
];

/// The help text in two groups: reading keys, then prompts, editor and the legend. Shown one
/// above the other when they fit, side by side otherwise.
pub fn columns(app: &App) -> [Vec<Line<'static>>; 2] {
    let theme = app.theme();
    let keymap = app.keymap();
    let key_width = Command::ALL
        .iter()
        .map(|c| keymap.describe(*c).chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut columns: [Vec<Line>; 2] = Default::default();
    for context in Context::ALL {
        let lines = &mut columns[usize::from(context != Context::Reader)];
        lines.push(Line::styled(
            context.title(),
            theme.header.add_modifier(Modifier::UNDERLINED),
        ));
        for command in Command::ALL.iter().filter(|c| c.context() == context) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<key_width$}  ", keymap.describe(*command)),
                    theme.key,
                ),
                Span::raw(command.doc()),
            ]));
        }
        lines.push(Line::from(""));
    }
    let lines = &mut columns[1];
    lines.push(Line::styled(
        "Marks",
        theme.header.add_modifier(Modifier::UNDERLINED),
    ));
    for (mark, meaning) in LEGEND {
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark:<key_width$}  "), theme.key),
            Span::raw(*meaning),
        ]));
    }
    columns
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let [first, second] = columns(app);
    let widest = |lines: &[Line]| lines.iter().map(Line::width).max().unwrap_or(0) as u16;
    let side_by_side_width = widest(&first) + widest(&second) + 6;
    let stacked =
        first.len() + second.len() + 2 <= area.height as usize || side_by_side_width > area.width;
    let (width, height) = if stacked {
        (
            widest(&first).max(widest(&second)) + 4,
            (first.len() + second.len()) as u16 + 2,
        )
    } else {
        (side_by_side_width, first.len().max(second.len()) as u16 + 2)
    };
    let popup = super::popup::centred(area, width, height, buf);
    let close = app.keymap().describe(Command::Help);
    let block = Block::bordered()
        .title(" parallax keys ")
        .title_bottom(format!(" {close} or Esc closes · j/k scroll "))
        .style(app.theme().popup);
    let inner = block.inner(popup);
    block.render(popup, buf);
    if stacked {
        let lines = [first, second].concat();
        // Never scroll past the last screenful.
        let max = (lines.len() as u16).saturating_sub(inner.height);
        Paragraph::new(lines)
            .scroll((app.help_scroll().min(max), 0))
            .render(inner, buf);
    } else {
        let [left, right] = inner.layout(&Layout::horizontal([
            Constraint::Length(widest(&first) + 2),
            Constraint::Fill(1),
        ]));
        Paragraph::new(first).render(left, buf);
        Paragraph::new(second).render(right, buf);
    }
}
