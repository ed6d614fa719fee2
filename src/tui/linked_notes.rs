//! Notes seen through links: a note on a shared passage belongs to one article, but the reader
//! sees it from either side of the link.

use super::app::App;
use super::notes::ShownNote;
use crate::side::Side;

/// Why a passage carries the note marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteMark {
    /// A note was made on this passage.
    Own,
    /// A note was made on a passage linked with this one.
    Linked,
}

impl App {
    /// The passages linked with `passage` on `side`, on either side, itself excluded.
    fn linked_passages(&self, side: Side, passage: usize) -> impl Iterator<Item = (Side, usize)> {
        self.link(side, passage).into_iter().flat_map(move |link| {
            Side::BOTH.into_iter().flat_map(move |s| {
                link.passages[s]
                    .iter()
                    .filter(move |&&p| (s, p) != (side, passage))
                    .map(move |&p| (s, p))
            })
        })
    }

    /// The marker `passage` on `side` carries. Called for every visible passage every frame,
    /// so it only asks the sink's cheap `has_notes`.
    pub fn note_mark(&self, side: Side, passage: usize) -> Option<NoteMark> {
        let notes = self.notes();
        if notes.has_notes(side, passage) {
            return Some(NoteMark::Own);
        }
        self.linked_passages(side, passage)
            .any(|(s, p)| notes.has_notes(s, p))
            .then_some(NoteMark::Linked)
    }

    /// The notes on `passage` and then those on the passages linked with it.
    pub fn notes_on_link(&self, side: Side, passage: usize) -> Vec<&ShownNote> {
        let notes = self.notes();
        let mut out = notes.on_passage(side, passage);
        for (s, p) in self.linked_passages(side, passage) {
            out.extend(notes.on_passage(s, p));
        }
        out
    }
}
