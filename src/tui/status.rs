//! The bottom line: what the focused passage is, where it is, search state, and the help key.

use super::action::Command;
use super::app::{App, Mode};
use super::ellipsis::fit;
use super::sanitize::clean;
use super::theme::Class;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    buf.set_style(area, theme.status);
    let keys = app.keymap();
    if let Mode::Search(query) = app.mode() {
        let line = Line::from(vec![
            Span::raw("/"),
            Span::raw(clean(query)),
            Span::raw("▏  "),
            Span::raw(format!(
                "{} search · {} cancel",
                keys.describe(Command::SearchConfirm),
                keys.describe(Command::SearchCancel)
            )),
        ]);
        line.style(theme.status).render(area, buf);
        return;
    }
    let right = right_part(app, area.width);
    let right_width = right.width() as u16;
    // One blank column between the two parts, so that a cut-off left part never reads on
    // into the right one.
    let left_area = Rect {
        width: area.width.saturating_sub(right_width + 1),
        ..area
    };
    let room = usize::from(left_area.width);
    match app.message() {
        Some(message) => {
            let style = if message.is_error {
                theme.error
            } else {
                theme.status
            };
            let text = format!(" {}", clean(&message.text));
            Line::styled(fit(&text, room), style).render(left_area, buf);
        }
        None => Line::styled(fit(&describe_focus(app), room), theme.status).render(left_area, buf),
    }
    if right_width < area.width {
        buf.set_stringn(
            area.right() - right_width,
            area.y,
            &right,
            right_width as usize,
            theme.status,
        );
    }
}

/// ` Left 12/48 · reworded 82% · moved`, or where a unique passage would sit.
pub fn describe_focus(app: &App) -> String {
    let side = app.focus();
    let articles = &app.comparison().articles;
    let article = &articles[side];
    if article.passages.is_empty() {
        return format!(" {}: no passages", clean(&article.label));
    }
    let passage = app.cursor(side);
    let mut text = format!(
        " {} {}/{} · ",
        clean(&article.label),
        passage + 1,
        article.passages.len()
    );
    match app.class_of(side, passage) {
        Class::Shared { kind, moved } => {
            let similarity = app.link(side, passage).map_or(0.0, |l| l.similarity);
            text += &format!("{} {:.0}%", kind.name(), similarity * 100.0);
            if moved {
                text += " · moved";
            }
        }
        Class::Unique => {
            text += &format!("only in {}", clean(&article.label));
        }
        Class::Boilerplate => text += "boilerplate",
    }
    let notes = app.notes_on_link(side, passage).len();
    if notes > 0 {
        let open = app.keymap().describe(Command::PassageNotes);
        let open = open.split(", ").next().unwrap_or_default();
        text += &format!(" · ✎ {notes} ({open} shows)");
    }
    text
}

fn right_part(app: &App, width: u16) -> String {
    let mut out = String::new();
    if let Some(search) = app.search() {
        let position = search.current.map_or(0, |i| i + 1);
        out += &format!(
            "“{}” {}/{} · ",
            clean(&search.query),
            position,
            search.matches.len()
        );
    }
    if app.boilerplate_hidden() {
        out += "boilerplate hidden · ";
    }
    // On wide screens a legend saves a newcomer opening help to read the margin marks.
    // A message (perhaps naming a backup file) needs the room more than the legend does.
    if width >= 140 && app.message().is_none() {
        out += "= same  ~ reworded  ≈ paraphrase  + only here  ↕ moved · ";
    }
    out += &format!(
        "{} help ",
        app.keymap()
            .describe(Command::Help)
            .split(", ")
            .next()
            .unwrap_or("?")
    );
    out
}
