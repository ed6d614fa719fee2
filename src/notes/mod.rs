//! Reading notes: what a reader writes about a passage, kept in a hand-editable TOML file in
//! the config directory and found again when the article changes.
//!
//! - An article is recognised by its content ([`identity`]), never its path.
//! - A note is anchored by its passage's words and neighbours ([`anchor`]) and re-anchored
//!   fuzzily ([`locate`]); a note whose passage has gone is an orphan, kept and shown.
//! - [`NotesStore`] saves every change atomically under a lock, merging with other readers.

pub mod anchor;
mod atomic;
pub mod change;
pub mod cli;
pub mod error;
pub mod export;
pub mod identity;
pub mod locate;
mod lock;
pub mod model;
mod prepared;
pub mod recover;
pub mod store;
pub mod text;
pub mod timestamp;

pub use anchor::Anchor;
pub use cli::{NotesCommand, run};
pub use error::NotesError;
pub use locate::{PassageIndex, Placement};
pub use model::{Note, NoteId, NotesFile, SCHEMA};
pub use recover::Recovery;
pub use store::{NotesStore, PlacedNote};
pub use timestamp::Timestamp;
