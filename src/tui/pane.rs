//! One article's pane: header, margin markers and wrapped text with its styling.

use super::app::App;
use super::display::Display;
use super::geometry::Geometry;
use super::linked_notes::NoteMark;
use super::sanitize::{display_char, display_width};
use super::theme::Class;
use crate::side::Side;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::ops::Range;

pub fn render_header(app: &App, side: Side, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let article = &app.comparison().articles[side];
    let style = if app.focus() == side {
        theme.header_focused
    } else {
        theme.header
    };
    buf.set_style(Rect { height: 1, ..area }, style);
    let shared = format!("{:.0}% shared ", app.shared_fraction(side) * 100.0);
    let label = format!(" {} ", super::sanitize::clean(&article.label));
    // What else is known of the source: byline, date, and how it was read (a cached copy and
    // its age, a fallback encoding), so the reader knows what they are looking at.
    let details: Vec<String> = [
        article.meta.byline.clone(),
        article
            .meta
            .published
            .as_ref()
            .map(|d| d.chars().take(10).collect()),
    ]
    .into_iter()
    .flatten()
    .chain(article.notices.iter().cloned())
    .map(|d| super::sanitize::clean(&d))
    .collect();
    let label = if details.is_empty() {
        label
    } else {
        format!("{label}· {} ", details.join(" · "))
    };
    // A column between them, so that a long label cut short does not run into the figure.
    let label_width = area.width.saturating_sub(shared.len() as u16 + 1);
    let label = super::ellipsis::fit(&label, usize::from(label_width));
    Line::from(Span::styled(label, style)).render(
        Rect {
            width: label_width,
            height: 1,
            ..area
        },
        buf,
    );
    if area.width as usize > shared.len() {
        let x = area.right() - shared.len() as u16;
        buf.set_stringn(x, area.y, &shared, shared.len(), style);
    }
    if area.height > 1 {
        let width = area.width.saturating_sub(1) as usize;
        let title = article
            .title()
            .map(|t| super::bidi::visual_line(&super::ellipsis::fit(t, width), width))
            .unwrap_or_default();
        let title_style = Style::new().add_modifier(Modifier::ITALIC);
        buf.set_stringn(area.x + 1, area.y + 1, title, width, title_style);
    }
}

/// Draws the margin and text of `side`.
pub fn render_body(app: &App, side: Side, geometry: &Geometry, buf: &mut Buffer) {
    let text_area = geometry.texts[side];
    let margin = geometry.margins[side];
    let display = app.display_at(side, text_area.width.max(1));
    let scroll = app.scroll(side);
    let insertion = insertion_row(app, side, &display);
    for y in 0..text_area.height {
        let row = scroll + i64::from(y);
        let screen_y = text_area.y + y;
        match display.at(row) {
            Some((passage, local, span)) => {
                draw_margin(app, side, passage, local, margin, screen_y, buf);
                draw_text(app, side, passage, span.range(), text_area, screen_y, buf);
            }
            None if insertion == Some(row + 1) => {
                let label = &app.comparison().articles[side.other()].label;
                let mut text = format!(
                    "╌╌ only in {} would sit here ╌╌",
                    super::sanitize::clean(label)
                );
                if text.chars().count() > text_area.width as usize {
                    text = "╌╌ would sit here ╌╌".to_owned();
                }
                buf.set_stringn(
                    text_area.x,
                    screen_y,
                    text,
                    text_area.width as usize,
                    app.theme().insertion,
                );
            }
            None => {}
        }
        if insertion == Some(row) {
            buf.set_stringn(margin.x, screen_y, "»", 1, app.theme().insertion);
        }
    }
}

/// The display row on `side` where the other side's focused unique passage would sit.
pub fn insertion_row(app: &App, side: Side, display: &Display) -> Option<i64> {
    if app.focus() == side {
        return None;
    }
    app.insertion_point().map(|p| display.row_before(p))
}

fn draw_margin(
    app: &App,
    side: Side,
    passage: usize,
    local: usize,
    margin: Rect,
    y: u16,
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let class = app.class_of(side, passage);
    let highlighted = app.is_highlighted(side, passage);
    let is_cursor = app.focus() == side && app.cursor(side) == passage;
    let cursor = match (highlighted, is_cursor, local) {
        (true, true, 0) => "▶",
        (true, true, _) => "┃",
        (true, false, 0) => "▷",
        (true, false, _) => "│",
        _ => " ",
    };
    let marker_style = theme.passage(class).remove_modifier(Modifier::DIM);
    buf.set_stringn(margin.x, y, cursor, 1, theme.key);
    buf.set_stringn(margin.x + 1, y, class.marker().to_string(), 1, marker_style);
    let mark = if local == 0 {
        app.note_mark(side, passage)
    } else {
        None
    };
    // A note made on the counterpart shows here too, dimmer than one made on this passage.
    let (extra, style) = match mark {
        Some(NoteMark::Own) => ("✎", theme.key.add_modifier(Modifier::BOLD)),
        Some(NoteMark::Linked) => (
            "✎",
            theme
                .key
                .remove_modifier(Modifier::BOLD)
                .add_modifier(Modifier::DIM),
        ),
        None if matches!(class, Class::Shared { moved: true, .. }) => ("↕", theme.key),
        None => (" ", theme.key),
    };
    buf.set_stringn(margin.x + 2, y, extra, 1, style);
}

fn draw_text(
    app: &App,
    side: Side,
    passage: usize,
    range: Range<usize>,
    area: Rect,
    y: u16,
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let text = &app.comparison().articles[side].text;
    let mut base = theme.passage(app.class_of(side, passage));
    if app.is_highlighted(side, passage) {
        base = base.patch(theme.focus);
    }
    let changes: &[Range<usize>] = app.link(side, passage).map_or(&[], |l| &l.changes[side]);
    let search = app.search();
    let current = search.and_then(|s| s.current.map(|i| &s.matches[i]));
    let matches: Vec<(Range<usize>, bool)> = search
        .map(|s| {
            s.matches_in(side, range.clone())
                .map(|m| (m.range.clone(), current == Some(m)))
                .collect()
        })
        .unwrap_or_default();
    let style_at = |offset: usize| {
        let mut style = base;
        if changes.iter().any(|c| c.contains(&offset)) {
            style = style.patch(theme.changed);
        }
        if let Some((_, is_current)) = matches.iter().find(|(m, _)| m.contains(&offset)) {
            style = style.patch(theme.search_match);
            if *is_current {
                style = style.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
            }
        }
        style
    };
    let right = area.right();
    let span = app.comparison().articles[side].passages[passage]
        .span
        .clone();
    let (mut x, chars): (u16, Vec<(usize, char)>) =
        match super::bidi::visual_row(text, span, range.clone()) {
            Some(row) => {
                let width: usize = row.chars.iter().map(|&(_, c)| display_width(c)).sum();
                let indent = if row.right_to_left {
                    usize::from(area.width).saturating_sub(width)
                } else {
                    0
                };
                (area.x + indent as u16, row.chars)
            }
            None => (
                area.x,
                text[range.clone()]
                    .char_indices()
                    .map(|(offset, c)| (range.start + offset, display_char(c)))
                    .collect(),
            ),
        };
    let mut run = String::new();
    let mut run_style = None;
    for (at, c) in chars {
        let style = style_at(at);
        if run_style != Some(style) && !run.is_empty() {
            x = flush(buf, x, y, right, &mut run, run_style.unwrap_or(base));
        }
        run_style = Some(style);
        run.push(c);
    }
    flush(buf, x, y, right, &mut run, run_style.unwrap_or(base));
}

fn flush(buf: &mut Buffer, x: u16, y: u16, right: u16, run: &mut String, style: Style) -> u16 {
    if run.is_empty() || x >= right {
        run.clear();
        return x;
    }
    let (end, _) = buf.set_stringn(x, y, run.as_str(), (right - x) as usize, style);
    run.clear();
    end
}
