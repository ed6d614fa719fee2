//! The work of reading an article for notes (its identity and its passage index), done once
//! per article text and kept, because the reader asks for notes on every save and redraw and a
//! million-word article takes a fraction of a second to read.

use super::identity::{ArticleIdentity, Fingerprint};
use super::locate::PassageIndex;
use super::text::{stable_hash, word_hashes};
use crate::engine::Article;
use rayon::prelude::*;
use std::sync::{Arc, Mutex};

pub struct PreparedArticle {
    pub identity: ArticleIdentity,
    pub index: PassageIndex,
}

impl PreparedArticle {
    pub fn new(article: &Article) -> PreparedArticle {
        // Word segmentation dominates; passages split evenly across cores.
        let hashes: Vec<Vec<u64>> = (0..article.passages.len())
            .into_par_iter()
            .map(|id| word_hashes(article.passage_text(id)).collect())
            .collect();
        let fingerprint = Fingerprint::from_word_hashes(article, &hashes);
        PreparedArticle {
            identity: ArticleIdentity::with_fingerprint(article, fingerprint),
            index: PassageIndex::from_word_hashes(&hashes),
        }
    }
}

/// The two articles of the open pair and the pair before: enough to never prepare twice.
const KEPT: usize = 4;

#[derive(Default)]
pub struct PreparedCache {
    entries: Mutex<Vec<(Key, Arc<PreparedArticle>)>>,
}

/// The text decides everything prepared except the passage cuts, hence their count and ends.
#[derive(PartialEq, Eq, Clone, Copy)]
struct Key {
    text: u64,
    passages: usize,
    last_end: usize,
}

impl PreparedCache {
    pub fn get(&self, article: &Article) -> Arc<PreparedArticle> {
        let key = Key {
            text: stable_hash(&article.text),
            passages: article.passages.len(),
            last_end: article.passages.last().map_or(0, |p| p.span.end),
        };
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(pos) = entries.iter().position(|(k, _)| *k == key) {
            let entry = entries.remove(pos);
            entries.push(entry.clone());
            return entry.1;
        }
        let prepared = Arc::new(PreparedArticle::new(article));
        entries.push((key, Arc::clone(&prepared)));
        if entries.len() > KEPT {
            entries.remove(0);
        }
        prepared
    }
}
