//! The reader's state. Input becomes [`Action`](super::action::Action)s applied by
//! `App::update` (in `update.rs`); rendering (`view.rs`) only reads this.

use super::display::Display;
use super::geometry::Geometry;
use super::keymap::Keymap;
use super::note_editor::NoteEditor;
use super::note_list::NoteList;
use super::notes::NoteSink;
use super::overview::{Summary, summarise};
use super::search::SearchResults;
pub use super::setup::Setup;
use super::theme::{Class, Theme};
use super::wrap::Wrapped;
use crate::engine::{Comparison, Link, Role};
use crate::side::{Pair, Side};
use ratatui::layout::Rect;
use std::cell::{Ref, RefCell};
use std::sync::Arc;

/// What the keyboard is talking to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Reading,
    Help,
    /// Typing a search query.
    Search(String),
    Note(NoteEditor),
    /// A list of notes, perhaps asking whether to delete one.
    Notes(NoteList),
}

/// A line for the status bar that replaces the usual summary until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
}

pub struct App {
    pub(super) comparison: Comparison,
    pub(super) keymap: Keymap,
    pub(super) theme: Theme,
    pub(super) notes: Box<dyn NoteSink>,
    pub(super) mode: Mode,
    pub(super) focus: Side,
    /// The focused passage on each side; on the unfocused side, the counterpart or the
    /// passage a unique passage would sit before.
    pub(super) cursor: Pair<usize>,
    /// Display row at the top of each pane; may be negative (blank rows above the article)
    /// so that a counterpart near the top can still be drawn level with its partner.
    pub(super) scroll: Pair<i64>,
    pub(super) size: Rect,
    pub(super) hide_boilerplate: bool,
    pub(super) search: Option<SearchResults>,
    pub(super) message: Option<Message>,
    pub(super) quit: bool,
    /// First help line shown, when help is taller than the screen.
    pub(super) help_scroll: u16,
    /// For each passage, the passage on the other side it sits level with: its counterpart,
    /// or for a unique passage the one it would sit before (`len` for the end).
    pub(super) anchor: Pair<Vec<usize>>,
    /// Shared fraction of each side's body words, as shown in the headers.
    pub(super) shared: Pair<f64>,
    cache: Pair<RefCell<Option<Display>>>,
    overview: Pair<RefCell<Option<Summary>>>,
}

impl App {
    pub fn new(comparison: Comparison, setup: Setup) -> App {
        let anchor = Pair::from_fn(|side| anchors(&comparison, side));
        let shared = shared_fractions(&comparison);
        let cursor = Pair::from_fn(|side| first_body(&comparison, side));
        let mut app = App {
            comparison,
            keymap: setup.keymap,
            theme: setup.theme,
            notes: setup.notes,
            mode: Mode::Reading,
            focus: Side::Left,
            cursor,
            scroll: Pair::new(0, 0),
            size: Rect::new(0, 0, 80, 24),
            hide_boilerplate: false,
            search: None,
            message: setup.message,
            quit: false,
            help_scroll: 0,
            anchor,
            shared,
            cache: Pair::default(),
            overview: Pair::default(),
        };
        app.follow_cursor();
        app
    }

    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }
    pub fn theme(&self) -> &Theme {
        &self.theme
    }
    pub fn notes(&self) -> &dyn NoteSink {
        self.notes.as_ref()
    }
    pub fn mode(&self) -> &Mode {
        &self.mode
    }
    pub fn focus(&self) -> Side {
        self.focus
    }
    pub fn cursor(&self, side: Side) -> usize {
        self.cursor[side]
    }
    pub fn scroll(&self, side: Side) -> i64 {
        self.scroll[side]
    }
    pub fn should_quit(&self) -> bool {
        self.quit
    }
    pub fn boilerplate_hidden(&self) -> bool {
        self.hide_boilerplate
    }
    pub fn help_scroll(&self) -> u16 {
        self.help_scroll
    }
    pub fn search(&self) -> Option<&SearchResults> {
        self.search.as_ref()
    }
    pub fn message(&self) -> Option<&Message> {
        self.message.as_ref()
    }
    pub fn shared_fraction(&self, side: Side) -> f64 {
        self.shared[side]
    }

    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::of(self.size)
    }

    pub fn link(&self, side: Side, passage: usize) -> Option<&Link> {
        self.comparison.link_of[side]
            .get(passage)
            .copied()
            .flatten()
            .map(|i| &self.comparison.links[i])
    }

    pub fn class_of(&self, side: Side, passage: usize) -> Class {
        if let Some(link) = self.link(side, passage) {
            return Class::Shared {
                kind: link.kind,
                moved: link.moved,
            };
        }
        match self.comparison.articles[side].passages[passage].role {
            Role::Boilerplate => Class::Boilerplate,
            _ => Class::Unique,
        }
    }

    /// The passages the cursor's passage is linked with, on `side` (which may be either).
    pub fn focused_link_passages(&self, side: Side) -> &[usize] {
        match self.link(self.focus, self.cursor[self.focus]) {
            Some(link) => &link.passages[side],
            None => &[],
        }
    }

    /// Whether `passage` on `side` is highlighted: the cursor's passage or its counterpart.
    pub fn is_highlighted(&self, side: Side, passage: usize) -> bool {
        if side == self.focus {
            return passage == self.cursor[side]
                || self.focused_link_passages(side).contains(&passage);
        }
        self.focused_link_passages(side).contains(&passage)
    }

    /// Where the focused unique passage would sit on the other side: the passage it would
    /// come before. `None` when the focused passage is shared.
    pub fn insertion_point(&self) -> Option<usize> {
        let p = self.cursor[self.focus];
        if self.link(self.focus, p).is_some() {
            return None;
        }
        self.anchor[self.focus].get(p).copied()
    }

    /// The pane layout of `side` at the current width, built on first use after a resize or
    /// a boilerplate toggle. Frames only read it.
    pub fn display(&self, side: Side) -> Ref<'_, Display> {
        let width = self.geometry().map_or(1, |g| g.texts[side].width.max(1));
        self.display_at(side, width)
    }

    pub(super) fn display_at(&self, side: Side, width: u16) -> Ref<'_, Display> {
        let cell = &self.cache[side];
        let stale = match &*cell.borrow() {
            Some(d) => d.wrapped.width != width || d.hide_boilerplate != self.hide_boilerplate,
            None => true,
        };
        if stale {
            let article = &self.comparison.articles[side];
            let old = cell.borrow_mut().take();
            let wrapped = match old {
                Some(d) if d.wrapped.width == width => d.wrapped,
                _ => Arc::new(Wrapped::new(article, width)),
            };
            *cell.borrow_mut() = Some(Display::new(article, wrapped, self.hide_boilerplate));
        }
        Ref::map(cell.borrow(), |d| d.as_ref().expect("filled above"))
    }
}

impl App {
    /// The overview strip's summary for `side`, rebuilt only when the size or the
    /// boilerplate setting changes.
    pub fn overview(&self, side: Side, width: u16, height: u16) -> Ref<'_, Summary> {
        let key = (width, height, self.hide_boilerplate);
        let cell = &self.overview[side];
        if cell.borrow().as_ref().is_none_or(|s| s.key != key) {
            let summary = summarise(self, side, width, height);
            *cell.borrow_mut() = Some(summary);
        }
        Ref::map(cell.borrow(), |s| s.as_ref().expect("filled above"))
    }
}

/// Where each passage of `side` sits on the other side. Links that break the common order
/// (moved) are not used to place unique passages, so those stay with their neighbours.
fn anchors(comparison: &Comparison, side: Side) -> Vec<usize> {
    let n = comparison.articles[side].passages.len();
    let other_len = comparison.articles[side.other()].passages.len();
    let placing = |p: usize| {
        comparison
            .link_for(side, p)
            .filter(|l| !l.moved)
            .map(|l| &l.passages[side.other()])
    };
    let mut after_previous = vec![None; n];
    let mut last = None;
    for (p, slot) in after_previous.iter_mut().enumerate() {
        *slot = last;
        if let Some(others) = placing(p)
            && let Some(max) = others.iter().max()
        {
            last = Some(max + 1);
        }
    }
    let mut result = vec![0; n];
    let mut next = None;
    for p in (0..n).rev() {
        result[p] = match comparison.link_for(side, p) {
            Some(link) => link.passages[side.other()]
                .iter()
                .copied()
                .min()
                .unwrap_or(0),
            None => after_previous[p].or(next).unwrap_or(0).min(other_len),
        };
        if let Some(others) = placing(p)
            && let Some(min) = others.iter().min()
        {
            next = Some(*min);
        }
    }
    result
}

/// The engine's shared fractions, or when it gave none, the fraction of body words that lie
/// in linked passages (the same definition).
fn shared_fractions(comparison: &Comparison) -> Pair<f64> {
    if comparison.stats.shared != Pair::default() || comparison.links.is_empty() {
        return comparison.stats.shared;
    }
    Pair::from_fn(|side| {
        let article = &comparison.articles[side];
        let (mut shared, mut total) = (0usize, 0usize);
        for (id, passage) in article.passages.iter().enumerate() {
            if passage.role != Role::Body {
                continue;
            }
            let words = passage.words();
            total += words;
            if comparison.link_of[side][id].is_some() {
                shared += words;
            }
        }
        if total == 0 {
            0.0
        } else {
            shared as f64 / total as f64
        }
    })
}

fn first_body(comparison: &Comparison, side: Side) -> usize {
    let passages = &comparison.articles[side].passages;
    passages
        .iter()
        .position(|p| p.role == Role::Body)
        .unwrap_or(0)
}
