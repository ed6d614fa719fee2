//! What the reader needs from note storage. The storage itself (files, anchoring, merging)
//! belongs to `crate::notes`; the reader only talks to this trait, so it can be tested with
//! the in-memory sink below and with sinks that fail. `stored_notes.rs` puts it on the store.

use crate::side::Side;
use std::collections::HashMap;

/// A note's number within its sink.
pub type NoteKey = u64;

/// A note of the open pair as the reader shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownNote {
    pub key: NoteKey,
    /// The article the note was made on.
    pub side: Side,
    /// Its passage in that article as it reads now; `None` when the passage has gone.
    pub passage: Option<usize>,
    /// A short quote of the passage as it was when noted, so an orphan still says what it was on.
    pub quote: String,
    pub text: String,
}

pub trait NoteSink {
    /// Attaches `text` to a passage. On error the message is shown to the reader and the
    /// text stays in the editor, so nothing typed is lost.
    fn add(&mut self, side: Side, passage: usize, text: &str) -> Result<NoteKey, String>;

    /// Replaces a note's text; on error, as for [`NoteSink::add`]. Returns the key the text is
    /// now under (a store may keep a concurrent edit as a copy).
    fn edit(&mut self, key: NoteKey, text: &str) -> Result<NoteKey, String>;

    /// Removes a note. `Ok(false)` when the sink kept it (another reader edited it meanwhile).
    fn delete(&mut self, key: NoteKey) -> Result<bool, String>;

    /// Every note of the open pair, both sides, orphans included, in a stable order.
    fn all(&self) -> &[ShownNote];

    /// The notes on a passage, oldest first.
    fn on_passage(&self, side: Side, passage: usize) -> Vec<&ShownNote> {
        self.all()
            .iter()
            .filter(|n| n.side == side && n.passage == Some(passage))
            .collect()
    }

    /// Called for every visible row on every frame: keep it cheap.
    fn has_notes(&self, side: Side, passage: usize) -> bool {
        !self.on_passage(side, passage).is_empty()
    }

    /// Whether notes outlive the session. The in-memory sink says no, so that the reader is
    /// never told a note was saved when it will be gone at exit.
    fn saves(&self) -> bool {
        true
    }

    /// Things the reader must be told that happened inside the sink, such as a damaged notes
    /// file found and backed up during a save.
    fn take_notices(&mut self) -> Vec<String> {
        Vec::new()
    }

    fn get(&self, key: NoteKey) -> Option<&ShownNote> {
        self.all().iter().find(|n| n.key == key)
    }
}

/// Notes kept for the session only: the reader without a store, and tests.
#[derive(Debug, Clone, Default)]
pub struct MemoryNotes {
    notes: Vec<ShownNote>,
    /// Passages with notes, so the per-frame marker check is a lookup.
    counts: HashMap<(Side, usize), usize>,
    next: NoteKey,
}

impl MemoryNotes {
    fn recount(&mut self) {
        self.counts.clear();
        for note in &self.notes {
            if let Some(p) = note.passage {
                *self.counts.entry((note.side, p)).or_default() += 1;
            }
        }
    }
}

impl NoteSink for MemoryNotes {
    fn add(&mut self, side: Side, passage: usize, text: &str) -> Result<NoteKey, String> {
        self.next += 1;
        self.notes.push(ShownNote {
            key: self.next,
            side,
            passage: Some(passage),
            // Its passage is always there to quote from: memory notes are never orphans.
            quote: String::new(),
            text: text.to_owned(),
        });
        self.recount();
        Ok(self.next)
    }

    fn edit(&mut self, key: NoteKey, text: &str) -> Result<NoteKey, String> {
        let note = self
            .notes
            .iter_mut()
            .find(|n| n.key == key)
            .ok_or_else(|| format!("there is no note {key}"))?;
        note.text = text.to_owned();
        Ok(key)
    }

    fn delete(&mut self, key: NoteKey) -> Result<bool, String> {
        let before = self.notes.len();
        self.notes.retain(|n| n.key != key);
        if self.notes.len() == before {
            return Err(format!("there is no note {key}"));
        }
        self.recount();
        Ok(true)
    }

    fn all(&self) -> &[ShownNote] {
        &self.notes
    }

    fn saves(&self) -> bool {
        false
    }

    fn has_notes(&self, side: Side, passage: usize) -> bool {
        self.counts.contains_key(&(side, passage))
    }
}
