//! Numbering distinct words, so that bags of words and word diffs compare integers.
//!
//! A hash map from `String` to number allocated a string for every new word and grew by
//! rehashing; numbering the words of two articles was an eighth of comparing them. Here the
//! words sit end to end in one buffer and the table holds only their numbers.

use hashbrown::HashTable;
use std::hash::BuildHasher;

#[derive(Debug, Default)]
pub struct Vocabulary {
    /// Word numbers, hashed by their words.
    table: HashTable<u32>,
    /// All words, end to end.
    text: String,
    /// Where each word ends in `text`; it starts where the one before ends.
    ends: Vec<u32>,
}

fn hash(word: &str) -> u64 {
    rustc_hash::FxBuildHasher.hash_one(word)
}

/// Where word `id` lies among words stored end to end.
#[inline]
fn word_span(ends: &[u32], id: u32) -> std::ops::Range<usize> {
    let id = id as usize;
    let start = if id == 0 { 0 } else { ends[id - 1] as usize };
    start..ends[id] as usize
}

/// Word `id` among words stored end to end in `text`.
#[inline]
fn word_at<'a>(text: &'a str, ends: &[u32], id: u32) -> &'a str {
    &text[word_span(ends, id)]
}

impl Vocabulary {
    /// Room for `words` distinct words of about news length without growing.
    pub fn with_capacity(words: usize) -> Vocabulary {
        Vocabulary {
            table: HashTable::with_capacity(words),
            text: String::with_capacity(words * 8),
            ends: Vec::with_capacity(words),
        }
    }

    /// The number of `word`; a new word gets the next one.
    pub fn id_of(&mut self, word: &str) -> u32 {
        let Vocabulary { table, text, ends } = self;
        let h = hash(word);
        // Compared as bytes: slicing bytes skips the check that both ends fall on character
        // boundaries, which they do by construction.
        if let Some(&id) = table.find(h, |&id| {
            &text.as_bytes()[word_span(ends, id)] == word.as_bytes()
        }) {
            return id;
        }
        let id = u32::try_from(ends.len()).expect("fewer than 2^32 distinct words");
        text.push_str(word);
        ends.push(u32::try_from(text.len()).expect("under 4 GiB of distinct words"));
        table.insert_unique(h, id, |&id| hash(word_at(text, ends, id)));
        id
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Each word with its number, in order of number.
    pub fn words(&self) -> impl Iterator<Item = (u32, &str)> {
        (0..self.ends.len() as u32).map(|id| (id, word_at(&self.text, &self.ends, id)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_numbered_in_order_of_first_sight() {
        let mut vocab = Vocabulary::default();
        let ids: Vec<u32> = ["isis", "sirte", "isis", "misrata", "sirte", ""]
            .iter()
            .map(|w| vocab.id_of(w))
            .collect();
        assert_eq!(ids, [0, 1, 0, 2, 1, 3]);
        assert_eq!(vocab.len(), 4);
        let words: Vec<(u32, &str)> = vocab.words().collect();
        assert_eq!(words, [(0, "isis"), (1, "sirte"), (2, "misrata"), (3, "")]);
    }

    proptest::proptest! {
        /// Numbers agree with a plain map, however many words arrive and however they grow
        /// the table.
        #[test]
        fn numbers_words_as_a_map_would(words in proptest::collection::vec("[a-d]{0,3}", 0..200)) {
            let mut vocab = Vocabulary::with_capacity(2);
            let mut map = std::collections::HashMap::new();
            for w in &words {
                let next = map.len() as u32;
                let want = *map.entry(w.clone()).or_insert(next);
                proptest::prop_assert_eq!(vocab.id_of(w), want);
            }
            proptest::prop_assert_eq!(vocab.len(), map.len());
        }
    }
}
