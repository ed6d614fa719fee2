//! What can go wrong with the notes file, worded for the reader: each message names the file,
//! and a failed save says the note was not saved, so the editor can keep it.

use super::model::SCHEMA;
use std::io;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum NotesError {
    #[error("cannot save notes to {}: {source}; the note is not saved", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot read notes from {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot lock {} to save notes: {source}; the note is not saved", path.display())]
    Lock { path: PathBuf, source: io::Error },
    #[error(
        "{} was written by a newer parallax (schema {found}, this one reads up to {SCHEMA}); \
         it is left untouched and notes cannot be saved",
        path.display()
    )]
    NewerSchema { path: PathBuf, found: u32 },
    #[error("there is no note {0}")]
    NoSuchNote(u64),
    #[error("passage {passage} is not in the article ({count} passages)")]
    NoSuchPassage { passage: usize, count: usize },
}
