//! The notes file as data: articles recognised by content, each with the notes made on it.

use super::anchor::Anchor;
use super::identity::{ArticleIdentity, Fingerprint};
use super::timestamp::Timestamp;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The file format this build writes. Files with a higher number are left untouched.
pub const SCHEMA: u32 = 1;

/// A note's number, unique within its notes file and never reused.
pub type NoteId = u64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotesFile {
    pub schema: u32,
    /// The number the next note will get. Kept above every id in the file.
    #[serde(default)]
    pub next_id: NoteId,
    #[serde(default, rename = "article", skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<ArticleRecord>,
}

impl Default for NotesFile {
    fn default() -> NotesFile {
        NotesFile {
            schema: SCHEMA,
            next_id: 1,
            articles: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub source: String,
    #[serde(
        default,
        serialize_with = "fingerprint_to_text",
        deserialize_with = "fingerprint_from_text"
    )]
    pub fingerprint: Fingerprint,
    #[serde(default, rename = "note", skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub id: NoteId,
    pub created: Timestamp,
    pub edited: Timestamp,
    /// A short quote of the passage, for people reading the file or a listing.
    #[serde(default)]
    pub quote: String,
    pub text: String,
    pub anchor: Anchor,
}

impl ArticleRecord {
    pub fn new(identity: ArticleIdentity) -> ArticleRecord {
        ArticleRecord {
            title: identity.title,
            label: identity.label,
            source: identity.source,
            fingerprint: identity.fingerprint,
            notes: Vec::new(),
        }
    }

    pub fn identity(&self) -> ArticleIdentity {
        ArticleIdentity {
            title: self.title.clone(),
            label: self.label.clone(),
            source: self.source.clone(),
            fingerprint: self.fingerprint.clone(),
        }
    }

    /// Follow the article as it changes: remember how it reads and where it was read from now.
    pub fn refresh(&mut self, identity: ArticleIdentity) {
        self.title = identity.title;
        self.label = identity.label;
        self.source = identity.source;
        if !identity.fingerprint.0.is_empty() {
            self.fingerprint = identity.fingerprint;
        }
    }
}

impl NotesFile {
    pub fn notes(&self) -> impl Iterator<Item = (&ArticleRecord, &Note)> {
        self.articles
            .iter()
            .flat_map(|a| a.notes.iter().map(move |n| (a, n)))
    }

    pub fn find(&self, id: NoteId) -> Option<(usize, usize)> {
        self.articles
            .iter()
            .enumerate()
            .find_map(|(a, record)| record.notes.iter().position(|n| n.id == id).map(|n| (a, n)))
    }

    pub fn take_id(&mut self) -> NoteId {
        let id = self.next_id.max(1);
        self.next_id = id + 1;
        id
    }

    /// Make a file read from disk (perhaps hand-edited) consistent: ids unique, `next_id` above
    /// them all, no articles without notes. Renumbering a duplicate keeps both notes.
    pub fn tidy(&mut self) {
        self.articles.retain(|a| !a.notes.is_empty());
        let highest = self.notes().map(|(_, n)| n.id).max().unwrap_or(0);
        self.next_id = self.next_id.max(highest + 1);
        let mut seen = std::collections::HashSet::new();
        let mut next = self.next_id;
        for note in self.articles.iter_mut().flat_map(|a| a.notes.iter_mut()) {
            if !seen.insert(note.id) {
                note.id = next;
                next += 1;
            }
        }
        self.next_id = next;
    }
}

fn fingerprint_to_text<S: Serializer>(f: &Fingerprint, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&f.to_text())
}

fn fingerprint_from_text<'de, D: Deserializer<'de>>(d: D) -> Result<Fingerprint, D::Error> {
    let text = String::deserialize(d)?;
    Fingerprint::from_text(&text).map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: NoteId, text: &str) -> Note {
        let at = Timestamp::from_unix(1_700_000_000);
        Note {
            id,
            created: at,
            edited: at,
            quote: String::new(),
            text: text.into(),
            anchor: Anchor {
                passage: "p".into(),
                before: String::new(),
                after: String::new(),
                at: 0.0,
            },
        }
    }

    #[test]
    fn tidy_renumbers_duplicate_ids_and_keeps_both_notes() {
        let mut file = NotesFile {
            schema: SCHEMA,
            next_id: 2,
            articles: vec![
                ArticleRecord {
                    notes: vec![note(5, "a"), note(5, "b")],
                    ..ArticleRecord::new(ArticleIdentity {
                        title: "t".into(),
                        label: String::new(),
                        source: String::new(),
                        fingerprint: Fingerprint::default(),
                    })
                },
                ArticleRecord::new(ArticleIdentity {
                    title: "empty".into(),
                    label: String::new(),
                    source: String::new(),
                    fingerprint: Fingerprint::default(),
                }),
            ],
        };
        file.tidy();
        let ids: Vec<NoteId> = file.notes().map(|(_, n)| n.id).collect();
        assert_eq!(ids, [5, 6]);
        assert_eq!(file.next_id, 7);
        assert_eq!(file.articles.len(), 1, "articles without notes are dropped");
        assert_eq!(file.take_id(), 7);
    }
}
