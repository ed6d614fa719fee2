//! Finding an anchored passage again in an article that may have changed since the note was made.
//!
//! Each passage gets a text score against the anchor (1.0 when the words are the same; else the
//! Dice overlap of their words, or how much of the anchor it contains when sentences were merged)
//! and a context score (how well its neighbours match the anchor's). A passage whose own words
//! mostly match wins, with context and then position breaking ties. A heavily rewritten
//! passage still counts if it sits between the same two neighbours. Anything less is an orphan.

use super::anchor::{Anchor, relative_position};
use super::text::{common, dice, sequence_hash, word_hashes, word_set};
use crate::engine::Article;
use std::collections::HashMap;

/// A passage whose words match the anchor's this well is the anchored passage.
const TEXT_ENOUGH: f64 = 0.5;
/// A rewritten passage still counts if it shares this much and sits between the same neighbours.
const TEXT_WITH_CONTEXT: f64 = 0.3;
const CONTEXT_ENOUGH: f64 = 0.8;
/// Containment only speaks for anchors long enough not to be contained by chance.
const CONTAINMENT_MIN_WORDS: usize = 6;

/// Where a note landed in the article as it is now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement {
    /// On this passage; `confidence` is 1.0 when the passage reads exactly as when noted.
    Passage { id: usize, confidence: f64 },
    /// The passage is gone. The note is kept and shown with its quote.
    Orphan,
}

impl Placement {
    pub fn passage(self) -> Option<usize> {
        match self {
            Placement::Passage { id, .. } => Some(id),
            Placement::Orphan => None,
        }
    }
}

/// An article's passages prepared for locating anchors: build once per article, then
/// locate any number of notes in it.
pub struct PassageIndex {
    /// Hash of each passage's words in order: equal when the passage reads the same.
    sequence: Vec<u64>,
    /// Passages by [`PassageIndex::sequence`], so an unchanged passage is found without a scan.
    by_sequence: HashMap<u64, Vec<usize>>,
    words: Vec<Vec<u64>>,
}

impl PassageIndex {
    pub fn new(article: &Article) -> PassageIndex {
        let hashes: Vec<Vec<u64>> = (0..article.passages.len())
            .map(|i| word_hashes(article.passage_text(i)).collect())
            .collect();
        PassageIndex::from_word_hashes(&hashes)
    }

    /// From each passage's word hashes in order (see [`word_hashes`]).
    pub fn from_word_hashes(passages: &[Vec<u64>]) -> PassageIndex {
        let (sequence, words) = passages
            .iter()
            .map(|hashes| {
                let mut set = hashes.clone();
                set.sort_unstable();
                set.dedup();
                (sequence_hash(hashes.iter().copied()), set)
            })
            .unzip();
        let mut by_sequence: HashMap<u64, Vec<usize>> = HashMap::new();
        for (id, &hash) in (&sequence as &Vec<u64>).iter().enumerate() {
            by_sequence.entry(hash).or_default().push(id);
        }
        PassageIndex {
            sequence,
            by_sequence,
            words,
        }
    }

    pub fn locate(&self, anchor: &Anchor) -> Placement {
        let count = self.words.len();
        let own = sequence_hash(word_hashes(&anchor.passage));
        let own_words = word_set(&anchor.passage);
        let before = word_set(&anchor.before);
        let after = word_set(&anchor.after);
        let empty = Vec::new();
        let mut best: Option<(f64, usize, f64)> = None;
        // A passage that still reads exactly the same is the anchor's, wherever it moved; only
        // when none does is every passage scored. Repeats are told apart by context below.
        let exact = self.by_sequence.get(&own).filter(|ids| !ids.is_empty());
        let candidates: Box<dyn Iterator<Item = usize>> = match exact {
            Some(ids) => Box::new(ids.iter().copied()),
            None => Box::new(0..count),
        };
        for id in candidates {
            let text = if self.sequence[id] == own {
                1.0
            } else {
                let words = &self.words[id];
                let overlap = dice(&own_words, words);
                let contained = if own_words.len() >= CONTAINMENT_MIN_WORDS {
                    0.8 * common(&own_words, words) as f64 / own_words.len() as f64
                } else {
                    0.0
                };
                overlap.max(contained)
            };
            let prev = id.checked_sub(1).map_or(&empty, |p| &self.words[p]);
            let next = self.words.get(id + 1).unwrap_or(&empty);
            let context = (dice(&before, prev) + dice(&after, next)) / 2.0;
            let acceptable =
                text >= TEXT_ENOUGH || (text >= TEXT_WITH_CONTEXT && context >= CONTEXT_ENOUGH);
            if !acceptable {
                continue;
            }
            let nearness = 1.0 - (relative_position(id, count) - anchor.at).abs().min(1.0);
            let score = 0.75 * text + 0.2 * context + 0.05 * nearness;
            if best.is_none_or(|(s, _, _)| score > s) {
                best = Some((score, id, text));
            }
        }
        match best {
            Some((_, id, text)) => Placement::Passage {
                id,
                confidence: text,
            },
            None => Placement::Orphan,
        }
    }
}
