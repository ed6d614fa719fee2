//! The full-screen reader: two articles side by side, aligned on what they share.
//!
//! Input is a pure map from terminal events to [`Action`]s ([`input::map_event`]); state
//! changes only in [`App::update`]; drawing is `impl Widget for &App`. [`run`] owns the
//! terminal and restores it however the reader ends.
//!
//! ```no_run
//! # fn demo(comparison: parallax::engine::Comparison) -> std::io::Result<()> {
//! use parallax::tui::{App, Setup};
//! let mut app = App::new(comparison, Setup::default());
//! parallax::tui::run(&mut app)
//! # }
//! ```

pub mod action;
pub mod app;
pub mod bidi;
pub mod config;
pub mod demo;
pub mod display;
mod ellipsis;
pub mod fixture;
pub mod geometry;
pub mod gutter;
pub mod help;
pub mod input;
pub mod keymap;
pub mod linked_notes;
mod navigate;
pub mod note_editor;
pub mod note_list;
pub mod notes;
pub mod overview;
pub mod pane;
mod popup;
pub mod sanitize;
pub mod search;
pub mod setup;
pub mod status;
pub mod stored_notes;
pub mod terminal;
pub mod text_box;
pub mod theme;
mod update;
mod update_notes;
pub mod view;
pub mod wrap;

pub use action::{Action, Command};
pub use app::{App, Message, Mode, Setup};
pub use keymap::Keymap;
pub use notes::{MemoryNotes, NoteKey, NoteSink, ShownNote};
pub use stored_notes::StoredNotes;
pub use terminal::run;
pub use theme::{Theme, ThemeName};
