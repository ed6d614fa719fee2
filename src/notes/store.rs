//! The notes file on disk: open it, list the notes of an article, and save every change at once.
//!
//! Every change is one transaction: take the lock, re-read the file, apply the change to what is
//! there now (see [`Change`]), write atomically, release. A failed save changes nothing in
//! memory and returns an error the reader can show while keeping the unsaved text.

use super::anchor::Anchor;
use super::atomic::{remove_stale_temps, write_atomically};
use super::change::{Change, Outcome};
use super::error::NotesError;
use super::identity::{ArticleIdentity, best_match};
use super::locate::Placement;
use super::lock::LockGuard;
use super::model::{ArticleRecord, Note, NoteId, NotesFile};
use super::prepared::PreparedCache;
use super::recover::{Parsed, Recovery, parse};
use super::timestamp::Timestamp;
use crate::engine::Article;
use crate::paths::Paths;
use crate::side::Pair;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

pub const FILE_NAME: &str = "notes.toml";

/// A note and where it sits in the article as it reads now.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedNote {
    pub note: Note,
    pub placement: Placement,
}

pub struct NotesStore {
    path: PathBuf,
    file: NotesFile,
    recoveries: Vec<Recovery>,
    prepared: PreparedCache,
}

impl NotesStore {
    /// Where the notes file lives for these paths.
    pub fn file_path(paths: &Paths) -> PathBuf {
        paths.config_dir.join(FILE_NAME)
    }

    /// Read the notes file; a missing file is an empty one. A damaged file is backed up and
    /// what could be read is kept (see [`NotesStore::take_recoveries`]).
    pub fn open(paths: &Paths, now: SystemTime) -> Result<NotesStore, NotesError> {
        let mut store = NotesStore {
            path: NotesStore::file_path(paths),
            file: NotesFile::default(),
            recoveries: Vec::new(),
            prepared: PreparedCache::default(),
        };
        store.reload(now)?;
        Ok(store)
    }

    /// The notes file as it is, for reports: read without the lock and never written, so a
    /// report cannot change, back up or wait on the reader's notes. The file is only ever
    /// replaced whole, so an unlocked read still sees one version of it. A damaged file gives
    /// what could be salvaged, and the problem found.
    pub fn read_only(paths: &Paths) -> Result<(NotesStore, Option<String>), NotesError> {
        let path = NotesStore::file_path(paths);
        let (file, problem) = match fs::read(&path) {
            Ok(bytes) => match parse(&bytes) {
                Parsed::Clean(file) => (file, None),
                Parsed::Newer(found) => return Err(NotesError::NewerSchema { path, found }),
                Parsed::Damaged {
                    salvaged, problem, ..
                } => (salvaged, Some(problem)),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => (NotesFile::default(), None),
            Err(source) => return Err(NotesError::Read { path, source }),
        };
        let store = NotesStore {
            path,
            file,
            recoveries: Vec::new(),
            prepared: PreparedCache::default(),
        };
        Ok((store, problem))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Everything in the file as last read or written.
    pub fn file(&self) -> &NotesFile {
        &self.file
    }

    /// Damaged files found since the last call, with where their backups are. Tell the reader.
    pub fn take_recoveries(&mut self) -> Vec<Recovery> {
        std::mem::take(&mut self.recoveries)
    }

    /// Read the file again, to pick up notes saved by another reader.
    pub fn reload(&mut self, now: SystemTime) -> Result<(), NotesError> {
        if !self.path.exists() {
            self.file = NotesFile::default();
            return Ok(());
        }
        let _lock = self.lock()?;
        let (file, damaged) = self.read_disk(now.into())?;
        if damaged {
            // Replace the damaged file with what was salvaged so the next read is clean.
            // If that fails, the damaged file and its backup both remain: nothing is lost.
            let _ = self.write_disk(&file);
        }
        self.file = file;
        Ok(())
    }

    /// The notes made on this article, wherever they sit in it now.
    pub fn notes_for(&self, article: &Article) -> Vec<PlacedNote> {
        self.notes_beside(article, None)
    }

    /// The notes of both articles of an open pair. Near-identical copies (wire stories) each
    /// keep their own notes rather than both showing the better-matching one's.
    pub fn notes_for_pair(&self, pair: Pair<&Article>) -> Pair<Vec<PlacedNote>> {
        Pair::new(
            self.notes_beside(pair.left, Some(pair.right)),
            self.notes_beside(pair.right, Some(pair.left)),
        )
    }

    fn notes_beside(&self, article: &Article, rival: Option<&Article>) -> Vec<PlacedNote> {
        let Some(record) = self.record_for(article, rival) else {
            return Vec::new();
        };
        let index = &self.prepared.get(article).index;
        record
            .notes
            .iter()
            .map(|note| PlacedNote {
                note: note.clone(),
                placement: index.locate(&note.anchor),
            })
            .collect()
    }

    fn record_for(&self, article: &Article, rival: Option<&Article>) -> Option<&ArticleRecord> {
        let stored: Vec<ArticleIdentity> = self
            .file
            .articles
            .iter()
            .map(ArticleRecord::identity)
            .collect();
        let rival = rival.map(|r| self.prepared.get(r));
        let wanted = self.prepared.get(article);
        best_match(
            stored.iter(),
            &wanted.identity,
            rival.as_ref().map(|r| &r.identity),
        )
        .map(|i| &self.file.articles[i])
    }

    /// Save a new note on passage `passage` of `article`.
    pub fn add(
        &mut self,
        article: &Article,
        passage: usize,
        text: &str,
        now: SystemTime,
    ) -> Result<NoteId, NotesError> {
        self.add_beside(article, None, passage, text, now)
    }

    /// As [`NotesStore::add`], for an article open beside `rival` (see [`NotesStore::notes_for_pair`]).
    pub fn add_beside(
        &mut self,
        article: &Article,
        rival: Option<&Article>,
        passage: usize,
        text: &str,
        now: SystemTime,
    ) -> Result<NoteId, NotesError> {
        let count = article.passages.len();
        if passage >= count {
            return Err(NotesError::NoSuchPassage { passage, count });
        }
        let change = Change::Add {
            identity: self.prepared.get(article).identity.clone(),
            rival: rival.map(|r| self.prepared.get(r).identity.clone()),
            anchor: Anchor::capture(article, passage),
            text: text.to_owned(),
        };
        match self.commit(change, now)? {
            Outcome::Added(id) => Ok(id),
            other => unreachable!("adding gave {other:?}"),
        }
    }

    /// Replace a note's text. Returns the id the text was saved under: the same id, or a new
    /// one when another reader changed the note meanwhile (both versions are kept).
    pub fn edit(&mut self, id: NoteId, text: &str, now: SystemTime) -> Result<NoteId, NotesError> {
        let (record, base) = self.known(id)?;
        let change = Change::Edit {
            base,
            identity: record,
            text: text.to_owned(),
        };
        match self.commit(change, now)? {
            Outcome::Edited(id) | Outcome::EditedAsCopy(id) => Ok(id),
            other => unreachable!("editing gave {other:?}"),
        }
    }

    /// Delete a note. `Ok(false)` when it was kept because another reader edited it meanwhile.
    pub fn delete(&mut self, id: NoteId, now: SystemTime) -> Result<bool, NotesError> {
        let (_, base) = self.known(id)?;
        let outcome = self.commit(Change::Delete { base }, now)?;
        Ok(outcome != Outcome::KeptEditedElsewhere)
    }

    fn known(&self, id: NoteId) -> Result<(ArticleIdentity, Note), NotesError> {
        let (a, n) = self.file.find(id).ok_or(NotesError::NoSuchNote(id))?;
        let record = &self.file.articles[a];
        Ok((record.identity(), record.notes[n].clone()))
    }

    fn commit(&mut self, change: Change, now: SystemTime) -> Result<Outcome, NotesError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(|source| self.write_error(source))?;
        let _lock = self.lock()?;
        let (mut file, _) = self.read_disk(now.into())?;
        let outcome = change.apply(&mut file, now.into());
        file.tidy();
        self.write_disk(&file)?;
        self.file = file;
        Ok(outcome)
    }

    fn lock(&self) -> Result<LockGuard, NotesError> {
        let path = self.path.with_extension("toml.lock");
        LockGuard::acquire(&path).map_err(|source| NotesError::Lock { path, source })
    }

    /// The file as it is now. Call only under the lock.
    fn read_disk(&mut self, now: Timestamp) -> Result<(NotesFile, bool), NotesError> {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok((NotesFile::default(), false));
            }
            Err(source) => {
                return Err(NotesError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        match parse(&bytes) {
            Parsed::Clean(file) => Ok((file, false)),
            Parsed::Newer(found) => Err(NotesError::NewerSchema {
                path: self.path.clone(),
                found,
            }),
            Parsed::Damaged {
                salvaged,
                lost,
                problem,
            } => {
                let backup = self.back_up(&bytes, now)?;
                self.recoveries.push(Recovery {
                    file: self.path.clone(),
                    backup,
                    problem,
                    recovered: salvaged.notes().count(),
                    lost,
                });
                Ok((salvaged, true))
            }
        }
    }

    /// Copy a damaged file aside, never over an earlier backup. A copy rather than a rename,
    /// so that if the backup cannot be made the original stays where it was.
    fn back_up(&self, bytes: &[u8], now: Timestamp) -> Result<PathBuf, NotesError> {
        for n in 0.. {
            let suffix = if n == 0 {
                String::new()
            } else {
                format!("-{n}")
            };
            let name = format!("{FILE_NAME}.corrupt-{}{suffix}", now.compact());
            let path = self.path.with_file_name(name);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    // The copy is as private as the notes it holds (the notes file is made
                    // readable by its owner only), before a byte of them is written.
                    let private = std::fs::metadata(&self.path)
                        .and_then(|meta| file.set_permissions(meta.permissions()));
                    private
                        .and_then(|()| file.write_all(bytes))
                        .and_then(|()| file.sync_all())
                        .map_err(|source| NotesError::Write {
                            path: path.clone(),
                            source,
                        })?;
                    return Ok(path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(source) => return Err(NotesError::Write { path, source }),
            }
        }
        unreachable!("an unbounded range ends")
    }

    /// Write under the lock.
    fn write_disk(&self, file: &NotesFile) -> Result<(), NotesError> {
        remove_stale_temps(&self.path);
        let text = toml::to_string_pretty(file).expect("notes are plain strings and numbers");
        write_atomically(&self.path, text.as_bytes()).map_err(|source| self.write_error(source))
    }

    fn write_error(&self, source: io::Error) -> NotesError {
        NotesError::Write {
            path: self.path.clone(),
            source,
        }
    }
}
