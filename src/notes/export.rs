//! A brief of the notes that a journalist can paste: each note with its quote, the other
//! outlet's counterpart passage when a comparison is given, and the note itself.

use super::locate::Placement;
use super::model::{ArticleRecord, NoteId};
use super::store::PlacedNote;
use super::text::{collapse_whitespace, printable};
use super::timestamp::Timestamp;
use crate::engine::{Article, Comparison};
use crate::side::Side;
use serde::Serialize;
use std::fmt::Write;

/// The version of the JSON brief's shape.
pub const BRIEF_SCHEMA: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    pub schema: u32,
    pub articles: Vec<BriefArticle>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefArticle {
    pub label: String,
    pub title: String,
    pub source: String,
    pub notes: Vec<BriefNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefNote {
    pub id: NoteId,
    pub created: Timestamp,
    pub edited: Timestamp,
    /// The passage as it reads now, or the stored quote when it is gone or the article is not open.
    pub quote: String,
    /// Index of the passage in the article as opened; `null` when not opened or orphaned.
    pub passage: Option<usize>,
    /// The passage is no longer in the article.
    pub orphan: bool,
    pub counterpart: Option<Counterpart>,
    pub note: String,
}

/// What the other article of the comparison says in the linked passage(s).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Counterpart {
    pub label: String,
    /// `identical`, `reworded` or `paraphrase`.
    pub kind: String,
    pub text: String,
}

/// The notes of an opened article. With `comparison` (and which side `article` is in it),
/// each placed note also gets the other side's linked passage.
pub fn article_brief(
    article: &Article,
    notes: &[PlacedNote],
    comparison: Option<(&Comparison, Side)>,
) -> BriefArticle {
    let notes = notes
        .iter()
        .map(|placed| {
            let note = &placed.note;
            let passage = placed.placement.passage();
            let counterpart = passage.zip(comparison).and_then(|(id, (cmp, side))| {
                let link = cmp.link_for(side, id)?;
                let other = &cmp.articles[side.other()];
                let text = link.passages[side.other()]
                    .iter()
                    .map(|&p| collapse_whitespace(other.passage_text(p)))
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(Counterpart {
                    label: printable(&other.label),
                    kind: link.kind.name().to_owned(),
                    text: printable(&text),
                })
            });
            BriefNote {
                id: note.id,
                created: note.created,
                edited: note.edited,
                quote: printable(&match passage {
                    Some(id) => collapse_whitespace(article.passage_text(id)),
                    None => note.anchor.passage.clone(),
                }),
                passage,
                orphan: placed.placement == Placement::Orphan,
                counterpart,
                note: printable(&note.text),
            }
        })
        .collect();
    BriefArticle {
        label: printable(&article.label),
        title: printable(article.title().unwrap_or("")),
        source: printable(&article.source),
        notes,
    }
}

/// The notes of a stored article that is not open: quotes as they were when noted.
pub fn stored_brief(record: &ArticleRecord) -> BriefArticle {
    BriefArticle {
        label: printable(&record.label),
        title: printable(&record.title),
        source: printable(&record.source),
        notes: record
            .notes
            .iter()
            .map(|note| BriefNote {
                id: note.id,
                created: note.created,
                edited: note.edited,
                quote: printable(&note.anchor.passage),
                passage: None,
                orphan: false,
                counterpart: None,
                note: printable(&note.text),
            })
            .collect(),
    }
}

pub fn to_json(brief: &Brief) -> String {
    serde_json::to_string_pretty(brief).expect("a brief is plain data")
}

pub fn to_markdown(brief: &Brief) -> String {
    let mut out = String::from("# Reading notes\n");
    for article in &brief.articles {
        let heading = match (article.label.is_empty(), article.title.is_empty()) {
            (false, false) => format!("{}: {}", article.label, article.title),
            (true, false) => article.title.clone(),
            _ => article.label.clone(),
        };
        let _ = writeln!(out, "\n## {heading}\n");
        if !article.source.is_empty() {
            let _ = writeln!(out, "Source: `{}`\n", article.source);
        }
        for note in &article.notes {
            quote_block(&mut out, &note.quote);
            if note.orphan {
                out.push_str("\n*This passage is no longer in the article.*\n");
            }
            if let Some(c) = &note.counterpart {
                let _ = writeln!(out, "\n{} ({}):\n", c.label, c.kind);
                quote_block(&mut out, &c.text);
            }
            let _ = writeln!(out, "\n{}\n", note.note.trim_end());
            let _ = writeln!(out, "*Noted {}, edited {}.*\n", note.created, note.edited);
        }
    }
    out
}

fn quote_block(out: &mut String, text: &str) {
    for line in text.lines() {
        let _ = writeln!(out, "> {line}");
    }
}
