//! Which passage sits on which display row of a pane, at one width and with boilerplate shown
//! or hidden. Built from a [`Wrapped`] in one pass over the passages (no re-wrapping), and
//! answered by binary search, so frames never walk the whole article.

use super::wrap::{Row, Wrapped};
use crate::engine::{Article, Role};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Display {
    pub wrapped: Arc<Wrapped>,
    pub hide_boilerplate: bool,
    /// Passage ids shown, in article order.
    visible: Vec<u32>,
    /// Display row of the first row of each visible passage.
    start: Vec<u32>,
    total: usize,
}

impl Display {
    pub fn new(article: &Article, wrapped: Arc<Wrapped>, hide_boilerplate: bool) -> Display {
        let mut visible = Vec::with_capacity(article.passages.len());
        let mut start = Vec::with_capacity(article.passages.len());
        let mut row = 0usize;
        let mut previous_paragraph = None;
        for (id, passage) in article.passages.iter().enumerate() {
            if hide_boilerplate && passage.role == Role::Boilerplate {
                continue;
            }
            // A blank row between paragraphs keeps the article's own shape visible.
            if previous_paragraph.is_some_and(|p| p != passage.paragraph) {
                row += 1;
            }
            previous_paragraph = Some(passage.paragraph);
            visible.push(id as u32);
            start.push(row as u32);
            row += wrapped.row_count(id);
        }
        Display {
            wrapped,
            hide_boilerplate,
            visible,
            start,
            total: row,
        }
    }

    /// Rows in the whole pane, blank separators included.
    pub fn total_rows(&self) -> usize {
        self.total
    }

    pub fn visible_count(&self) -> usize {
        self.visible.len()
    }

    pub fn is_visible(&self, passage: usize) -> bool {
        self.index_of(passage).is_some()
    }

    fn index_of(&self, passage: usize) -> Option<usize> {
        self.visible.binary_search(&(passage as u32)).ok()
    }

    /// The passage drawn on display row `row` and which of its rows it is; `None` on blank
    /// separator rows and outside the article.
    pub fn at(&self, row: i64) -> Option<(usize, usize, Row)> {
        if row < 0 || row as usize >= self.total {
            return None;
        }
        let row = row as u32;
        let index = self.start.partition_point(|&s| s <= row).checked_sub(1)?;
        let passage = self.visible[index] as usize;
        let local = (row - self.start[index]) as usize;
        let rows = self.wrapped.rows(passage);
        rows.get(local).map(|r| (passage, local, *r))
    }

    /// The visible passage on or nearest after display row `row`.
    pub fn passage_at_or_after(&self, row: i64) -> Option<usize> {
        let row = row.max(0) as u32;
        let index = self.start.partition_point(|&s| s < row);
        // A passage that began above `row` but still covers it counts.
        if index > 0 {
            let prev = self.visible[index - 1] as usize;
            if self.start[index - 1] as usize + self.wrapped.row_count(prev) > row as usize {
                return Some(prev);
            }
        }
        self.visible.get(index).map(|&p| p as usize)
    }

    /// First display row and number of rows of `passage`; a hidden passage reports the row
    /// where it would be, with no rows.
    pub fn span_of(&self, passage: usize) -> (i64, usize) {
        match self.index_of(passage) {
            Some(i) => (i64::from(self.start[i]), self.wrapped.row_count(passage)),
            None => (self.row_before(passage), 0),
        }
    }

    /// The display row at which something placed just before `passage` would sit (the end of
    /// the pane when `passage` is past the last one).
    pub fn row_before(&self, passage: usize) -> i64 {
        let index = self.visible.partition_point(|&p| (p as usize) < passage);
        self.start
            .get(index)
            .map_or(self.total as i64, |&s| i64::from(s))
    }

    /// The next visible passage after `passage` for which `wanted` holds.
    pub fn next_where(
        &self,
        passage: usize,
        mut wanted: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let from = self.visible.partition_point(|&p| p as usize <= passage);
        self.visible[from..]
            .iter()
            .map(|&p| p as usize)
            .find(|&p| wanted(p))
    }

    /// The previous visible passage before `passage` for which `wanted` holds.
    pub fn prev_where(
        &self,
        passage: usize,
        mut wanted: impl FnMut(usize) -> bool,
    ) -> Option<usize> {
        let until = self.visible.partition_point(|&p| (p as usize) < passage);
        self.visible[..until]
            .iter()
            .rev()
            .map(|&p| p as usize)
            .find(|&p| wanted(p))
    }

    pub fn first(&self) -> Option<usize> {
        self.visible.first().map(|&p| p as usize)
    }

    pub fn last(&self) -> Option<usize> {
        self.visible.last().map(|&p| p as usize)
    }

    /// The visible passage nearest to `passage` (itself when visible).
    pub fn nearest_visible(&self, passage: usize) -> Option<usize> {
        if self.is_visible(passage) {
            return Some(passage);
        }
        self.next_where(passage, |_| true)
            .or_else(|| self.prev_where(passage, |_| true))
    }

    /// Visible passages with their first display row, for summaries such as the overview.
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        self.visible
            .iter()
            .zip(&self.start)
            .map(|(&p, &s)| (p as usize, s as usize, self.wrapped.row_count(p as usize)))
    }
}
