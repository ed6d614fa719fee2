//! One change to the notes, applied to the file as it is on disk at the moment of saving.
//!
//! Saving re-reads the file under the lock and replays the change on it, so a change made by
//! another reader since we last read is merged rather than overwritten. When two readers
//! changed the same note, both versions are kept: an edit never silently replaces someone
//! else's edit, and a delete never removes text it did not see.

use super::anchor::Anchor;
use super::identity::{ArticleIdentity, best_match};
use super::model::{ArticleRecord, Note, NoteId, NotesFile};
use super::timestamp::Timestamp;

#[derive(Debug, Clone)]
pub enum Change {
    Add {
        identity: ArticleIdentity,
        /// The article open beside it, so that two near-identical copies keep their notes apart.
        rival: Option<ArticleIdentity>,
        anchor: Anchor,
        text: String,
    },
    Edit {
        /// The note as this reader last saw it.
        base: Note,
        identity: ArticleIdentity,
        text: String,
    },
    Delete {
        base: Note,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Added(NoteId),
    Edited(NoteId),
    /// Someone else edited or deleted the note meanwhile: their version stays and this edit
    /// was saved as a new note beside it.
    EditedAsCopy(NoteId),
    Deleted,
    /// Someone else edited the note meanwhile, so it was kept.
    KeptEditedElsewhere,
    AlreadyGone,
}

impl Change {
    pub fn apply(self, file: &mut NotesFile, now: Timestamp) -> Outcome {
        match self {
            Change::Add {
                identity,
                rival,
                anchor,
                text,
            } => {
                let id = add(file, identity, rival.as_ref(), anchor, text, now, now);
                Outcome::Added(id)
            }
            Change::Edit {
                base,
                identity,
                text,
            } => match file.find(base.id) {
                Some((a, n)) if unchanged(&file.articles[a].notes[n], &base) => {
                    let note = &mut file.articles[a].notes[n];
                    note.text = text;
                    note.edited = now;
                    Outcome::Edited(base.id)
                }
                Some((a, _)) => {
                    let id = file.take_id();
                    file.articles[a].notes.push(Note {
                        id,
                        text,
                        edited: now,
                        ..base
                    });
                    Outcome::EditedAsCopy(id)
                }
                None => {
                    let id = add(file, identity, None, base.anchor, text, base.created, now);
                    Outcome::EditedAsCopy(id)
                }
            },
            Change::Delete { base } => match file.find(base.id) {
                Some((a, n)) if unchanged(&file.articles[a].notes[n], &base) => {
                    file.articles[a].notes.remove(n);
                    Outcome::Deleted
                }
                Some(_) => Outcome::KeptEditedElsewhere,
                None => Outcome::AlreadyGone,
            },
        }
    }
}

fn unchanged(on_disk: &Note, base: &Note) -> bool {
    on_disk.edited == base.edited && on_disk.text == base.text
}

fn add(
    file: &mut NotesFile,
    identity: ArticleIdentity,
    rival: Option<&ArticleIdentity>,
    anchor: Anchor,
    text: String,
    created: Timestamp,
    now: Timestamp,
) -> NoteId {
    let stored: Vec<ArticleIdentity> = file.articles.iter().map(ArticleRecord::identity).collect();
    let index = match best_match(stored.iter(), &identity, rival) {
        Some(i) => {
            file.articles[i].refresh(identity);
            i
        }
        None => {
            file.articles.push(ArticleRecord::new(identity));
            file.articles.len() - 1
        }
    };
    let id = file.take_id();
    file.articles[index].notes.push(Note {
        id,
        created,
        edited: now,
        quote: anchor.quote(),
        text,
        anchor,
    });
    id
}
