//! The reader's notes kept in the notes file: [`NoteSink`] on top of [`NotesStore`] for the
//! open pair. Every change is saved at once by the store; this keeps the pair's notes placed
//! on passages, rebuilt after each change, because the reader asks about them every frame.

use super::notes::{MemoryNotes, NoteKey, NoteSink, ShownNote};
use crate::engine::Article;
use crate::notes::{NotesStore, Placement, Recovery};
use crate::paths::Paths;
use crate::side::{Pair, Side};
use std::collections::HashSet;
use std::time::SystemTime;

pub struct StoredNotes {
    store: NotesStore,
    articles: Pair<Article>,
    clock: Box<dyn Fn() -> SystemTime>,
    notes: Vec<ShownNote>,
    placed: HashSet<(Side, usize)>,
    notices: Vec<String>,
}

/// The reader's notes as opened at start: where they go, and what the reader must be told.
pub struct OpenedNotes {
    pub sink: Box<dyn NoteSink>,
    /// `false` when notes are kept in memory only, because the store could not be opened.
    pub stored: bool,
    /// Damaged files backed up, or why notes will not be saved, in full: for stderr.
    pub notices: Vec<String>,
    /// The same, short enough for the status line, which must still name the backup.
    pub headline: Option<String>,
}

/// Opens the notes file for the pair. When it cannot be opened (no home directory, an
/// unreadable file, a newer schema) the reader still opens, with notes kept in memory and a
/// notice saying so.
pub fn open(
    paths: Option<&Paths>,
    articles: Pair<Article>,
    clock: Box<dyn Fn() -> SystemTime>,
) -> OpenedNotes {
    let memory = |why: String| {
        let notice =
            format!("{why}; notes from this session are kept in memory only and will not be saved");
        OpenedNotes {
            sink: Box::new(MemoryNotes::default()),
            stored: false,
            notices: vec![notice.clone()],
            headline: Some(notice),
        }
    };
    let Some(paths) = paths else {
        return memory("no home directory to keep notes in".to_owned());
    };
    match NotesStore::open(paths, clock()) {
        Ok(mut store) => {
            let recoveries = store.take_recoveries();
            OpenedNotes {
                sink: Box::new(StoredNotes::new(store, articles, clock)),
                stored: true,
                notices: recoveries.iter().map(ToString::to_string).collect(),
                headline: recoveries.first().map(headline),
            }
        }
        Err(e) => memory(e.to_string()),
    }
}

impl StoredNotes {
    /// The notes of `articles` in `store`. `clock` stamps each change.
    pub fn new(
        store: NotesStore,
        articles: Pair<Article>,
        clock: Box<dyn Fn() -> SystemTime>,
    ) -> StoredNotes {
        let mut notes = StoredNotes {
            store,
            articles,
            clock,
            notes: Vec::new(),
            placed: HashSet::new(),
            notices: Vec::new(),
        };
        notes.refresh();
        notes
    }

    pub fn store(&self) -> &NotesStore {
        &self.store
    }

    fn refresh(&mut self) {
        let placed = self.store.notes_for_pair(self.articles.as_ref());
        let mut notes: Vec<ShownNote> = Side::BOTH
            .into_iter()
            .flat_map(|side| {
                placed[side].iter().map(move |p| ShownNote {
                    key: p.note.id,
                    side,
                    passage: match p.placement {
                        Placement::Passage { id, .. } => Some(id),
                        Placement::Orphan => None,
                    },
                    quote: p.note.quote.clone(),
                    text: p.note.text.clone(),
                })
            })
            .collect();
        // In reading order, orphans after the placed notes of their article.
        notes.sort_by_key(|n| (n.side, n.passage.is_none(), n.passage, n.key));
        self.placed = notes
            .iter()
            .filter_map(|n| n.passage.map(|p| (n.side, p)))
            .collect();
        self.notes = notes;
        // A save can find the file damaged by someone else; the store backs it up.
        let recoveries = self.store.take_recoveries();
        self.notices.extend(recoveries.iter().map(headline));
    }
}

/// A recovery told in a status line: the backup's path first, before anything is cut off.
fn headline(recovery: &Recovery) -> String {
    format!(
        "Notes file was damaged; the original is kept at {}; {}",
        recovery.backup.display(),
        recovery.recovered_count()
    )
}

impl NoteSink for StoredNotes {
    fn add(&mut self, side: Side, passage: usize, text: &str) -> Result<NoteKey, String> {
        let now = (self.clock)();
        let result = self.store.add_beside(
            &self.articles[side],
            Some(&self.articles[side.other()]),
            passage,
            text,
            now,
        );
        self.refresh();
        result.map_err(|e| e.to_string())
    }

    fn edit(&mut self, key: NoteKey, text: &str) -> Result<NoteKey, String> {
        let result = self.store.edit(key, text, (self.clock)());
        self.refresh();
        result.map_err(|e| e.to_string())
    }

    fn delete(&mut self, key: NoteKey) -> Result<bool, String> {
        let result = self.store.delete(key, (self.clock)());
        self.refresh();
        result.map_err(|e| e.to_string())
    }

    fn all(&self) -> &[ShownNote] {
        &self.notes
    }

    fn has_notes(&self, side: Side, passage: usize) -> bool {
        self.placed.contains(&(side, passage))
    }

    fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }
}
