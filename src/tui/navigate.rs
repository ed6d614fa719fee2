//! Moving around: the cursor by passage, pages, jumps, the mouse, and keeping the two panes
//! level with each other.

use super::action::Command;
use super::app::{App, Message, Mode};
use crate::engine::{LinkKind, Role};
use crate::side::Side;
use ratatui::layout::Position;

impl App {
    pub(super) fn is_divergence(&self, side: Side, passage: usize) -> bool {
        match self.link(side, passage) {
            Some(link) => link.kind != LinkKind::Identical,
            None => self.comparison.articles[side].passages[passage].role != Role::Boilerplate,
        }
    }

    pub(super) fn jump(&mut self, forward: bool, wanted: impl Fn(&App, Side, usize) -> bool) {
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

    pub(super) fn step(&mut self, delta: i32) {
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

    pub(super) fn page_rows(&self) -> usize {
        self.geometry().map_or(1, |g| g.page())
    }

    /// Scroll the focused pane by `rows`, put the cursor on the first passage in view, and
    /// bring the other pane level.
    pub(super) fn page(&mut self, rows: i64) {
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

    pub(super) fn wheel(&mut self, column: u16, row: u16, lines: i32) {
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

    pub(super) fn click(&mut self, column: u16, row: u16) {
        if self.mode != Mode::Reading {
            return;
        }
        // A click on the overview strip jumps to that part of the article.
        if let Some(geometry) = self.geometry() {
            let at = Position::new(column, row);
            if let Some(side) = Side::BOTH
                .into_iter()
                .find(|&s| geometry.overviews[s].contains(at))
            {
                let strip = geometry.overviews[side];
                let total = self.display(side).total_rows();
                let target = usize::from(row - strip.y) * total / usize::from(strip.height.max(1));
                let hit = self.display(side).passage_at_or_after(target as i64);
                if let Some(p) = hit {
                    self.go_to(side, p);
                }
                return;
            }
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
