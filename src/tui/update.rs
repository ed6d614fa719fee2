//! `App::update`: the only place state changes.

use super::action::{Action, Command};
use super::app::{App, Message, Mode};
use super::search::SearchResults;
use crate::side::Side;
use ratatui::layout::Rect;

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

    pub(super) fn run(&mut self, command: Command) {
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
        if !matches!(command, Dismiss | SearchBackspace) && self.mode == Mode::Reading {
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
                if !self.comparison.articles[self.focus.other()]
                    .passages
                    .is_empty()
                {
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
            SearchConfirm => {
                if let Mode::Search(query) = std::mem::replace(&mut self.mode, Mode::Reading) {
                    self.start_search(&query);
                }
            }
            SearchCancel => self.mode = Mode::Reading,
            SearchBackspace => {
                if let Mode::Search(query) = &mut self.mode {
                    query.pop();
                }
            }
            AddNote | PassageNotes | NotesPanel | NoteSave | NoteCancel | NoteNewline
            | NoteBackspace | NoteDelete | NoteLeft | NoteRight | NoteUp | NoteDown | NoteHome
            | NoteEnd | ListDown | ListUp | ListJump | ListEdit | ListDelete | ListAdd
            | ListClose | ConfirmYes | ConfirmNo => self.run_note_command(command),
        }
    }

    pub(super) fn type_char(&mut self, c: char) {
        match &mut self.mode {
            Mode::Search(query) if c != '\n' => query.push(c),
            Mode::Note(_) => self.type_note_char(c),
            _ => {}
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
}
