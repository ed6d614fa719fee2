//! The note editor: a small multi-line text box over the focused passage, for a new note or
//! for changing one.

use super::action::Command;
use super::app::App;
use super::note_list::{NoteList, quoted};
use super::notes::NoteKey;
use super::sanitize::clean;
use super::text_box::TextBox;
use crate::side::Side;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// A note being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    pub side: Side,
    /// The passage written about; `None` when editing a note whose passage has gone.
    pub passage: Option<usize>,
    /// The note being changed, or `None` for a new one.
    pub editing: Option<NoteKey>,
    pub input: TextBox,
    /// Why the last save failed; the text is kept so the reader can retry.
    pub error: Option<String>,
    /// The list the editor was opened from, shown again when it closes.
    pub back: Option<NoteList>,
}

impl NoteEditor {
    pub fn new(side: Side, passage: usize) -> NoteEditor {
        NoteEditor {
            side,
            passage: Some(passage),
            editing: None,
            input: TextBox::default(),
            error: None,
            back: None,
        }
    }

    pub fn text(&self) -> &str {
        self.input.text()
    }
}

/// Draws the editor centred over the panes.
pub fn render(app: &App, editor: &NoteEditor, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let width = area.width.saturating_sub(4).clamp(10, 72);
    let height = area.height.saturating_sub(2).clamp(3, 16);
    let popup = super::popup::centred(area, width, height, buf);

    let article = &app.comparison().articles[editor.side];
    let quote = match (editor.passage, editor.editing) {
        (Some(p), _) => quoted(article.passage_text(p)),
        (None, Some(key)) => app
            .notes()
            .get(key)
            .map_or(String::new(), |n| quoted(&n.quote)),
        (None, None) => String::new(),
    };
    let mut lines = vec![Line::styled(
        quote,
        Style::new().add_modifier(Modifier::ITALIC),
    )];
    if let Some(p) = editor.passage {
        for note in app.notes().on_passage(editor.side, p) {
            if Some(note.key) != editor.editing {
                lines.push(Line::from(format!("✎ {}", clean(&note.text))));
            }
        }
    }
    lines.push(Line::from(""));
    let before = lines.len();
    lines.extend(text_lines(&editor.input, theme.key));
    let cursor_row = before + editor.input.cursor_line();
    if let Some(error) = &editor.error {
        lines.push(Line::styled(
            format!("Not saved: {}", clean(error)),
            theme.error,
        ));
    }
    let keys = app.keymap();
    let verb = if editor.editing.is_some() {
        "Editing note"
    } else {
        "Note"
    };
    let place = editor.passage.map_or("(passage gone)".to_owned(), |p| {
        format!("passage {}", p + 1)
    });
    let title = format!(" {verb} on {} {place} ", article.label);
    let hint = format!(
        " {} save · {} newline · {} cancel ",
        keys.describe(Command::NoteSave),
        keys.describe(Command::NoteNewline),
        keys.describe(Command::NoteCancel)
    );
    let block = Block::bordered()
        .title(clean(&title))
        .title_bottom(hint)
        .style(theme.popup);
    // Keep the cursor's line in view, and the error under it when there is room.
    let inner_height = popup.height.saturating_sub(2) as usize;
    let inner_width = popup.width.saturating_sub(2).max(1) as usize;
    let rows = |lines: &[Line]| -> usize {
        lines
            .iter()
            .map(|l| l.width().max(1).div_ceil(inner_width))
            .sum()
    };
    let through_cursor = rows(&lines[..=cursor_row.min(lines.len() - 1)]);
    let wanted = if editor.error.is_some() {
        rows(&lines)
    } else {
        through_cursor
    };
    let scroll = wanted
        .saturating_sub(inner_height)
        .min(through_cursor.saturating_sub(1)) as u16;
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(popup, buf);
}

/// The typed text, with a bar where the cursor is.
fn text_lines(input: &TextBox, cursor_style: Style) -> Vec<Line<'static>> {
    let (before, after) = input.text().split_at(input.cursor());
    let cursor_line = input.cursor_line();
    let mut lines: Vec<Line> = Vec::new();
    for (i, line) in input.text().split('\n').enumerate() {
        if i != cursor_line {
            lines.push(Line::from(clean(line)));
            continue;
        }
        let head = before.rsplit('\n').next().unwrap_or("");
        let tail = after.split('\n').next().unwrap_or("");
        lines.push(Line::from(vec![
            Span::raw(clean(head)),
            Span::styled("▏", cursor_style),
            Span::raw(clean(tail)),
        ]));
    }
    lines
}
