//! The note editor: a small multi-line text box over the focused passage.

use super::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::sanitize::clean;
use crate::side::Side;

/// A note being written. Typing appends at the end; that is all short notes need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub side: Side,
    pub passage: usize,
    pub text: String,
    /// Why the last save failed; the text is kept so the reader can retry.
    pub error: Option<String>,
}

impl NoteEditor {
    pub fn new(side: Side, passage: usize) -> NoteEditor {
        NoteEditor {
            side,
            passage,
            text: String::new(),
            error: None,
        }
    }
}

/// Draws the editor centred over the panes.
pub fn render(app: &App, editor: &NoteEditor, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let width = area.width.saturating_sub(4).clamp(10, 72);
    let height = area.height.saturating_sub(2).clamp(3, 16);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    Clear.render(popup, buf);

    let article = &app.comparison().articles[editor.side];
    let quote = clean(article.passage_text(editor.passage));
    let mut lines = vec![Line::styled(
        format!("“{quote}”"),
        Style::new().add_modifier(ratatui::style::Modifier::ITALIC),
    )];
    for note in app.notes().notes(editor.side, editor.passage) {
        lines.push(Line::from(format!("✎ {}", clean(&note))));
    }
    lines.push(Line::from(""));
    let mut text_lines: Vec<Line> = editor
        .text
        .split('\n')
        .map(|l| Line::from(clean(l)))
        .collect();
    if let Some(last) = text_lines.last_mut() {
        last.push_span(Span::styled("▏", theme.key));
    }
    lines.extend(text_lines);
    if let Some(error) = &editor.error {
        lines.push(Line::styled(
            format!("Not saved: {}", clean(error)),
            theme.error,
        ));
    }
    let keys = app.keymap();
    let title = format!(" Note on {} passage {} ", article.label, editor.passage + 1);
    let hint = format!(
        " {} save · {} newline · {} cancel ",
        keys.describe(super::action::Command::NoteSave),
        keys.describe(super::action::Command::NoteNewline),
        keys.describe(super::action::Command::NoteCancel)
    );
    let block = Block::bordered()
        .title(clean(&title))
        .title_bottom(hint)
        .style(theme.popup);
    // Keep the end of the text (where typing happens) in view.
    let inner_height = popup.height.saturating_sub(2) as usize;
    let inner_width = popup.width.saturating_sub(2).max(1) as usize;
    let needed: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let scroll = needed.saturating_sub(inner_height) as u16;
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(popup, buf);
}
