//! What the reader needs from note storage. The storage itself (files, anchoring, merging)
//! belongs to `crate::notes`; the reader only talks to this trait, so it can be tested with
//! the in-memory sink below and with sinks that fail.

use crate::side::Side;
use std::collections::HashMap;

pub trait NoteSink {
    /// Attaches `text` to a passage. On error the message is shown to the reader and the
    /// text stays in the editor, so nothing typed is lost.
    fn save(&mut self, side: Side, passage: usize, text: &str) -> Result<(), String>;

    /// The notes on a passage, oldest first.
    fn notes(&self, side: Side, passage: usize) -> Vec<String>;

    /// Called for every visible row on every frame: keep it cheap.
    fn has_notes(&self, side: Side, passage: usize) -> bool {
        !self.notes(side, passage).is_empty()
    }
}

/// Notes kept for the session only.
#[derive(Debug, Clone, Default)]
pub struct MemoryNotes {
    notes: HashMap<(Side, usize), Vec<String>>,
}

impl NoteSink for MemoryNotes {
    fn save(&mut self, side: Side, passage: usize, text: &str) -> Result<(), String> {
        self.notes
            .entry((side, passage))
            .or_default()
            .push(text.to_owned());
        Ok(())
    }

    fn notes(&self, side: Side, passage: usize) -> Vec<String> {
        self.notes
            .get(&(side, passage))
            .cloned()
            .unwrap_or_default()
    }

    fn has_notes(&self, side: Side, passage: usize) -> bool {
        self.notes.contains_key(&(side, passage))
    }
}
