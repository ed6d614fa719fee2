//! Reading a notes file, and salvaging what can be read from a damaged one.
//!
//! A file that fails to parse as a whole (a hand edit gone wrong, a disk error) is cut at its
//! table headers and each article and note is parsed on its own, so one bad note costs only
//! itself. The caller keeps a backup of the original, so even those are not lost.

use super::identity::Fingerprint;
use super::model::{ArticleRecord, Note, NotesFile, SCHEMA};
use std::fmt;
use std::path::PathBuf;

const ARTICLE_HEADER: &str = "[[article]]";
const NOTE_HEADER: &str = "[[article.note]]";
const ANCHOR_HEADER: &str = "[article.note.anchor]";

pub enum Parsed {
    Clean(NotesFile),
    /// Written by a later parallax: not ours to rewrite.
    Newer(u32),
    Damaged {
        salvaged: NotesFile,
        lost: usize,
        problem: String,
    },
}

/// A damaged notes file that was backed up and read as far as it could be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub file: PathBuf,
    pub backup: PathBuf,
    pub problem: String,
    pub recovered: usize,
    pub lost: usize,
}

impl Recovery {
    /// "1 note recovered", "3 notes recovered".
    pub fn recovered_count(&self) -> String {
        let noun = if self.recovered == 1 { "note" } else { "notes" };
        format!("{} {noun} recovered", self.recovered)
    }
}

impl fmt::Display for Recovery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "notes file {} was damaged ({}); the original is kept at {}; {}",
            self.file.display(),
            self.problem,
            self.backup.display(),
            self.recovered_count()
        )?;
        if self.lost > 0 {
            write!(f, ", {} more are only in the backup", self.lost)?;
        }
        Ok(())
    }
}

pub fn parse(bytes: &[u8]) -> Parsed {
    let text = String::from_utf8_lossy(bytes);
    let strict_error = match std::str::from_utf8(bytes) {
        Ok(_) => match toml::from_str::<NotesFile>(&text) {
            Ok(file) if file.schema > SCHEMA => return Parsed::Newer(file.schema),
            Ok(mut file) => {
                file.tidy();
                return Parsed::Clean(file);
            }
            Err(e) => describe(&text, &e),
        },
        Err(e) => format!("not UTF-8 text after byte {}", e.valid_up_to()),
    };
    if let Some(schema) = declared_schema(&text).filter(|&s| s > SCHEMA) {
        return Parsed::Newer(schema);
    }
    let (mut salvaged, lost) = salvage(&text);
    salvaged.tidy();
    Parsed::Damaged {
        salvaged,
        lost,
        problem: strict_error,
    }
}

fn describe(text: &str, error: &toml::de::Error) -> String {
    match error.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {}", error.message())
        }
        None => error.message().to_owned(),
    }
}

fn declared_schema(text: &str) -> Option<u32> {
    let head = text.split(ARTICLE_HEADER).next().unwrap_or("");
    let table: toml::Table = toml::from_str(head).ok()?;
    table.get("schema")?.as_integer()?.try_into().ok()
}

/// Each chunk starts at one of the file's own headers. Note text could hold a line that looks
/// like one; then that note fails to parse alone and is counted lost (it stays in the backup).
fn chunks(text: &str) -> Vec<(&str, String)> {
    let mut out: Vec<(&str, String)> = vec![("", String::new())];
    for line in text.split_inclusive('\n') {
        let header = [ARTICLE_HEADER, NOTE_HEADER, ANCHOR_HEADER]
            .into_iter()
            .find(|h| line.trim() == *h);
        match header {
            Some(h) => out.push((h, String::new())),
            None => out.last_mut().expect("starts non-empty").1.push_str(line),
        }
    }
    out
}

fn salvage(text: &str) -> (NotesFile, usize) {
    let mut file = NotesFile::default();
    let mut lost = 0;
    // Notes whose article block could not be read still deserve a home.
    let mut orphan_home: Option<usize> = None;
    let mut current: Option<usize> = None;
    let mut pending_note: Option<String> = None;

    let finish_note = |file: &mut NotesFile,
                       current: Option<usize>,
                       orphan_home: &mut Option<usize>,
                       body: String,
                       lost: &mut usize| {
        match toml::from_str::<Note>(&body) {
            Ok(note) => {
                let home = current.unwrap_or_else(|| {
                    *orphan_home.get_or_insert_with(|| {
                        file.articles.push(ArticleRecord {
                            title: "(recovered notes of an unknown article)".into(),
                            label: String::new(),
                            source: String::new(),
                            fingerprint: Fingerprint::default(),
                            notes: Vec::new(),
                        });
                        file.articles.len() - 1
                    })
                });
                file.articles[home].notes.push(note);
            }
            Err(_) => *lost += 1,
        }
    };

    for (header, body) in chunks(text) {
        if header != ANCHOR_HEADER
            && let Some(note) = pending_note.take()
        {
            finish_note(&mut file, current, &mut orphan_home, note, &mut lost);
        }
        match header {
            "" => {
                if let Ok(table) = toml::from_str::<toml::Table>(&body)
                    && let Some(next) = table.get("next_id").and_then(|v| v.as_integer())
                {
                    file.next_id = next.max(1) as u64;
                }
            }
            ARTICLE_HEADER => {
                current = match toml::from_str::<ArticleRecord>(&body) {
                    Ok(mut record) => {
                        record.notes.clear();
                        file.articles.push(record);
                        Some(file.articles.len() - 1)
                    }
                    Err(_) => None,
                };
            }
            NOTE_HEADER => pending_note = Some(body),
            _ => match pending_note.as_mut() {
                Some(note) => {
                    note.push_str("\n[anchor]\n");
                    note.push_str(&body);
                }
                None => lost += 1,
            },
        }
    }
    if let Some(note) = pending_note.take() {
        finish_note(&mut file, current, &mut orphan_home, note, &mut lost);
    }
    // The ids of notes that could not be read stay taken: those notes are in the backup, and
    // a new note under one of their ids would make the two files disagree on what it names.
    let taken = text
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once('=')?;
            let value = value.trim().parse::<u64>().ok()?;
            match key.trim() {
                "id" => Some(value + 1),
                "next_id" => Some(value),
                _ => None,
            }
        })
        .max();
    if let Some(next) = taken {
        file.next_id = file.next_id.max(next);
    }
    (file, lost)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_of_recovered_notes_reads_as_english() {
        let recovery = |recovered| Recovery {
            file: PathBuf::from("notes.toml"),
            backup: PathBuf::from("notes.toml.corrupt-1"),
            problem: "bad".into(),
            recovered,
            lost: 0,
        };
        assert!(recovery(1).to_string().ends_with("; 1 note recovered"));
        assert!(recovery(0).to_string().ends_with("; 0 notes recovered"));
        assert!(recovery(3).to_string().ends_with("; 3 notes recovered"));
    }
}
