//! `App::update`: the only place state changes.

use super::action::{Action, Command};
use super::app::{App, Message, Mode};
use super::note_editor::NoteEditor;
use super::search::SearchResults;
use crate::engine::LinkKind;
use crate::side::Side;
use ratatui::layout::{Position, Rect};

impl App {
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Command(command) => self.run(command),
            Action::Type(c) => self.type_char(c),
            Action::Resize(width, height) => {
                self.size = Rect::new(0, 0, width, height);
                self.follow_cursor();
            }
            Action::Wheel { column, row, lines } => self.wheel(column, row, lines),
            Action::Click { column, row } => self.click(column, row),
        }
    }

    fn run(&mut self, command: Command) {
        use Command::*;
        if self.mode == Mode::Help && matches!(command, Down | Up | PageDown | PageUp | Top) {
            self.help_scroll = match command {
                Down => self.help_scroll.saturating_add(1),
                Up => self.help_scroll.saturating_sub(1),
                PageDown => self.help_scroll.saturating_add(10),
                PageUp => self.help_scroll.saturating_sub(10),
                _ => 0,
            };
            return;
        }
        if !matches!(command, Dismiss | SearchBackspace | NoteBackspace)
            && self.mode == Mode::Reading
        {
            self.message = None;
        }
        match command {
            Quit => self.quit = true,
            Help => {
                self.mode = if self.mode == Mode::Help {
                    Mode::Reading
                } else {
                    Mode::Help
                };
                self.help_scroll = 0;
            }
            Dismiss => {
                if self.mode == Mode::Help {
                    self.mode = Mode::Reading;
                } else if self.message.is_some() {
                    self.message = None;
                } else {
                    self.search = None;
                }
            }
            Down => self.step(1),
            Up => self.step(-1),
            SwitchPane => {
                if !self.comparison.articles[self.focus.other()].passages.is_empty() {
                    self.focus = self.focus.other();
                    self.follow_cursor();
                }
            }
            PageDown => self.page(self.page_rows().saturating_sub(2).max(1) as i64),
            PageUp => self.page(-(self.page_rows().saturating_sub(2).max(1) as i64)),
            HalfPageDown => self.page((self.page_rows() / 2).max(1) as i64),
            HalfPageUp => self.page(-((self.page_rows() / 2).max(1) as i64)),
            Top => {
                let first = self.display(self.focus).first();
                if let Some(p) = first {
                    self.go_to(self.focus, p);
                }
            }
            Bottom => {
                let last = self.display(self.focus).last();
                if let Some(p) = last {
                    self.go_to(self.focus, p);
                }
            }
            NextDivergence => self.jump(true, |app, side, p| app.is_divergence(side, p)),
            PrevDivergence => self.jump(false, |app, side, p| app.is_divergence(side, p)),
            NextShared => self.jump(true, |app, side, p| app.link(side, p).is_some()),
            PrevShared => self.jump(false, |app, side, p| app.link(side, p).is_some()),
            Search => self.mode = Mode::Search(String::new()),
            NextMatch => self.next_match(1),
            PrevMatch => self.next_match(-1),
            ToggleBoilerplate => {
                self.hide_boilerplate = !self.hide_boilerplate;
                for side in Side::BOTH {
                    let nearest = self.display(side).nearest_visible(self.cursor[side]);
                    if let Some(p) = nearest {
                        self.cursor[side] = p;
                    }
                }
                self.follow_cursor();
            }
            AddNote => {
                if !self.comparison.articles[self.focus].passages.is_empty() {
                    self.mode = Mode::Note(NoteEditor::new(self.focus, self.cursor[self.focus]));
                }
            }
            SearchConfirm => {
                if let Mode::Search(query) = std::mem::replace(&mut self.mode, Mode::Reading) {
                    self.start_search(&query);
                }
            }
            SearchCancel | NoteCancel => self.mode = Mode::Reading,
            SearchBackspace => {
                if let Mode::Search(query) = &mut self.mode {
                    query.pop();
                }
            }
            NoteBackspace => {
                if let Mode::Note(editor) = &mut self.mode {
                    editor.text.pop();
                }
            }
            NoteNewline => self.type_char('\n'),
            NoteSave => self.save_note(),
        }
    }

    fn type_char(&mut self, c: char) {
        match &mut self.mode {
            Mode::Search(query) if c != '\n' => query.push(c),
            Mode::Note(editor) => editor.text.push(c),
            _ => {}
        }
    }

    fn save_note(&mut self) {
        let Mode::Note(editor) = &mut self.mode else {
            return;
        };
        if editor.text.trim().is_empty() {
            self.mode = Mode::Reading;
            return;
        }
        match self
            .notes
            .save(editor.side, editor.passage, editor.text.trim_end())
        {
            Ok(()) => {
                self.mode = Mode::Reading;
                self.message = Some(Message {
                    text: "Note saved".to_owned(),
                    is_error: false,
                });
            }
            Err(error) => editor.error = Some(error),
        }
    }

    fn start_search(&mut self, query: &str) {
        if query.is_empty() {
            self.search = None;
            return;
        }
        let mut results = SearchResults::run(&self.comparison, query);
        results.current = results.first_from(self.focus, self.cursor[self.focus]);
        if results.current.is_none() {
            self.message = Some(Message {
                text: format!("No match for “{}”", super::sanitize::clean(query)),
                is_error: true,
            });
        }
        self.search = Some(results);
        self.go_to_current_match();
    }

    fn next_match(&mut self, delta: isize) {
        let Some(results) = &mut self.search else {
            self.mode = Mode::Search(String::new());
            return;
        };
        let n = results.matches.len();
        if n == 0 {
            return;
        }
        results.current = Some(match results.current {
            Some(i) => (i as isize + delta).rem_euclid(n as isize) as usize,
            None => 0,
        });
        self.go_to_current_match();
    }

    fn go_to_current_match(&mut self) {
        let target = self
            .search
            .as_ref()
            .and_then(|r| r.current.map(|i| (r.matches[i].side, r.matches[i].passage)));
        if let Some((side, passage)) = target {
            if !self.display(side).is_visible(passage) {
                // A match inside hidden boilerplate shows it again rather than go nowhere.
                self.hide_boilerplate = false;
            }
            self.go_to(side, passage);
        }
    }

    fn is_divergence(&self, side: Side, passage: usize) -> bool {
        match self.link(side, passage) {
            Some(link) => link.kind != LinkKind::Identical,
            None => {
                self.comparison.articles[side].passages[passage].role
                    != crate::engine::Role::Boilerplate
            }
        }
    }

    fn jump(&mut self, forward: bool, wanted: impl Fn(&App, Side, usize) -> bool) {
        let side = self.focus;
        let from = self.cursor[side];
        let found = {
            let display = self.display(side);
            let test = |p: usize| wanted(self, side, p);
            if forward {
                display.next_where(from, test)
            } else {
                display.prev_where(from, test)
            }
        };
        match found {
            Some(p) => self.go_to(side, p),
            None => {
                self.message = Some(Message {
                    text: format!(
                        "No more in this direction in {}",
                        self.comparison.articles[side].label
                    ),
                    is_error: false,
                })
            }
        }
    }

    fn step(&mut self, delta: i32) {
        let side = self.focus;
        let from = self.cursor[side];
        let found = {
            let display = self.display(side);
            if delta > 0 {
                display.next_where(from, |_| true)
            } else {
                display.prev_where(from, |_| true)
            }
        };
        if let Some(p) = found {
            self.go_to(side, p);
        }
    }

    /// Focus `passage` on `side` and bring both panes to it.
    pub(super) fn go_to(&mut self, side: Side, passage: usize) {
        self.focus = side;
        self.cursor[side] = passage;
        self.follow_cursor();
    }

    fn page_rows(&self) -> usize {
        self.geometry().map_or(1, |g| g.page())
    }

    /// Scroll the focused pane by `rows`, put the cursor on the first passage in view, and
    /// bring the other pane level.
    fn page(&mut self, rows: i64) {
        let side = self.focus;
        let total = self.display(side).total_rows() as i64;
        let page = self.page_rows() as i64;
        let max = (total - page).max(0);
        let old = self.scroll[side].clamp(0, max);
        self.scroll[side] = (old + rows).clamp(0, max);
        if self.scroll[side] == old {
            // Already at the end: move the cursor to the first or last passage instead.
            self.run(if rows > 0 {
                Command::Bottom
            } else {
                Command::Top
            });
            return;
        }
        let target = self.display(side).passage_at_or_after(self.scroll[side]);
        if let Some(p) = target {
            self.cursor[side] = p;
        }
        self.follow_cursor();
    }

    fn wheel(&mut self, column: u16, row: u16, lines: i32) {
        let Some((side, _)) = self.pane_at(column, row) else {
            return;
        };
        let total = self.display(side).total_rows() as i64;
        let page = self.page_rows() as i64;
        self.scroll[side] =
            (self.scroll[side] + i64::from(lines)).clamp(-(page / 2), (total - 1).max(0));
        if side == self.focus {
            // Keep the cursor on screen, as paging does, so the next key acts where the eye is.
            let (top, count) = self.display(side).span_of(self.cursor[side]);
            let s = self.scroll[side];
            if top + count as i64 <= s || top >= s + page {
                let target = self.display(side).passage_at_or_after(s);
                if let Some(p) = target {
                    self.cursor[side] = p;
                    self.level_other();
                }
            }
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        if self.mode != Mode::Reading {
            return;
        }
        if let Some((side, Some(display_row))) = self.pane_at(column, row) {
            let hit = self.display(side).at(display_row).map(|(p, ..)| p);
            if let Some(p) = hit {
                self.go_to(side, p);
            }
        }
    }

    /// The pane under a screen cell, with the display row when over its text or margin.
    fn pane_at(&self, column: u16, row: u16) -> Option<(Side, Option<i64>)> {
        let geometry = self.geometry()?;
        let at = Position::new(column, row);
        Side::BOTH.into_iter().find_map(|side| {
            let text = geometry.texts[side];
            let margin = geometry.margins[side];
            if text.contains(at) || margin.contains(at) {
                Some((side, Some(self.scroll[side] + i64::from(row - text.y))))
            } else if geometry.headers[side].contains(at) || geometry.overviews[side].contains(at) {
                Some((side, None))
            } else {
                None
            }
        })
    }

    /// Keep the focused passage in view, then scroll the other pane so the counterpart (or
    /// the place a unique passage would sit) is level with it.
    pub(super) fn follow_cursor(&mut self) {
        let side = self.focus;
        if self.comparison.articles[side].passages.is_empty() {
            return;
        }
        let page = self.page_rows() as i64;
        let (top, count) = self.display(side).span_of(self.cursor[side]);
        let total = self.display(side).total_rows() as i64;
        let s = self.scroll[side];
        let visible = top >= s && top + (count as i64).min(page) <= s + page;
        if !visible {
            // A third of the way down leaves context above and room for what follows.
            self.scroll[side] = (top - page / 3).clamp(0, (total - page).max(0));
        }
        self.level_other();
    }

    fn level_other(&mut self) {
        let side = self.focus;
        let other = side.other();
        let passage = self.cursor[side];
        let Some(&anchor) = self.anchor[side].get(passage) else {
            return;
        };
        let (top, _) = self.display(side).span_of(passage);
        let screen_row = top - self.scroll[side];
        let other_row = {
            let display = self.display(other);
            if self.link(side, passage).is_some() {
                display.span_of(anchor).0
            } else {
                display.row_before(anchor)
            }
        };
        let page = self.page_rows() as i64;
        let total = self.display(other).total_rows() as i64;
        self.scroll[other] = (other_row - screen_row).clamp(-page, total.max(0));
        if self.comparison.articles[other].passages.len() > anchor {
            self.cursor[other] = anchor;
        }
    }
}
