//! A list of notes over the panes: the notes on one passage (and its counterpart), or every
//! note of the open pair, orphans included. From it a note is gone to, edited or deleted.

use super::action::Command;
use super::app::App;
use super::notes::ShownNote;
use super::sanitize::clean;
use crate::side::Side;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// Which notes a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The notes on this passage and on the passages linked with it.
    Passage { side: Side, passage: usize },
    /// Every note of both articles.
    Pair,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteList {
    pub scope: Scope,
    pub selected: usize,
    /// Asking whether to delete the selected note.
    pub confirm_delete: bool,
}

impl NoteList {
    pub fn new(scope: Scope) -> NoteList {
        NoteList {
            scope,
            selected: 0,
            confirm_delete: false,
        }
    }
}

impl App {
    /// The notes `list` shows, in order.
    pub fn listed_notes(&self, list: &NoteList) -> Vec<&ShownNote> {
        match list.scope {
            Scope::Passage { side, passage } => self.notes_on_link(side, passage),
            Scope::Pair => self.notes().all().iter().collect(),
        }
    }

    /// The note under the list's selection.
    pub fn selected_note(&self, list: &NoteList) -> Option<&ShownNote> {
        self.listed_notes(list).get(list.selected).copied()
    }
}

/// Passage text in quotation marks, unless it already opens with one (a quote in the article).
pub fn quoted(text: &str) -> String {
    let text = clean(text);
    if text.starts_with(['“', '"', '‘', '«']) {
        text
    } else {
        format!("“{text}”")
    }
}

pub fn render(app: &App, list: &NoteList, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let width = area.width.saturating_sub(4).clamp(10, 96);
    let height = area.height.saturating_sub(2).max(3);
    let popup = super::popup::centred(area, width, height, buf);

    let notes = app.listed_notes(list);
    let articles = &app.comparison().articles;
    let title = match list.scope {
        Scope::Passage { side, passage } => format!(
            " Notes on {} passage {} ",
            clean(&articles[side].label),
            passage + 1
        ),
        Scope::Pair => format!(" All notes on these two articles ({}) ", notes.len()),
    };
    let keys = app.keymap();
    let (hint, hint_style) = if list.confirm_delete {
        (
            format!(
                " Delete this note? {} yes · {} no ",
                keys.describe(Command::ConfirmYes),
                keys.describe(Command::ConfirmNo)
            ),
            theme.error,
        )
    } else {
        (
            format!(
                " {} go to · {} edit · {} delete · {} close ",
                keys.describe(Command::ListJump),
                keys.describe(Command::ListEdit),
                keys.describe(Command::ListDelete),
                keys.describe(Command::ListClose)
            ),
            theme.popup,
        )
    };
    let block = Block::bordered()
        .title(title)
        .title_bottom(Line::styled(hint, hint_style))
        .style(theme.popup);
    let inner = block.inner(popup);
    block.render(popup, buf);

    if notes.is_empty() {
        let add = keys.describe(Command::AddNote);
        Paragraph::new(format!(
            "No notes yet. {add} on a passage writes one; it is saved at once."
        ))
        .render(inner, buf);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_rows = 0..0;
    for (i, note) in notes.iter().enumerate() {
        let start = lines.len();
        let selected = i == list.selected;
        let article = &articles[note.side];
        let (place, quote) = match note.passage {
            Some(p) => (format!("passage {}", p + 1), article.passage_text(p)),
            None => ("passage gone".to_owned(), note.quote.as_str()),
        };
        let place_style = if note.passage.is_none() {
            theme.error
        } else {
            theme.key
        };
        lines.push(Line::from(vec![
            Span::styled(if selected { "▶ " } else { "  " }, theme.key),
            Span::styled(
                clean(&article.label),
                theme.header.add_modifier(Modifier::BOLD),
            ),
            Span::raw(" · "),
            Span::styled(place, place_style),
            Span::raw(" · "),
            Span::styled(quoted(quote), theme.popup.add_modifier(Modifier::ITALIC)),
        ]));
        for text in note.text.lines() {
            lines.push(Line::from(format!("    {}", clean(text))));
        }
        if selected {
            for line in &mut lines[start..] {
                line.style = theme.focus;
            }
            selected_rows = start..lines.len();
        }
    }
    // Bring the whole selected note into view, its first line if it is taller than the list.
    let height = inner.height as usize;
    let scroll = selected_rows
        .end
        .saturating_sub(height)
        .min(selected_rows.start);
    Paragraph::new(lines)
        .scroll((scroll as u16, 0))
        .render(inner, buf);
}
