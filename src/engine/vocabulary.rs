//! Numbering distinct words, so that bags of words and word diffs compare integers.

use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Each word is kept once, shared by the look-up table and the list by number.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<Arc<str>, u32>,
    /// Each word, at its number.
    words: Vec<Arc<str>>,
}

impl Vocabulary {
    /// The number of `word`; a new word gets the next one.
    pub fn id_of(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).expect("fewer than 2^32 distinct words");
        let word: Arc<str> = word.into();
        self.ids.insert(Arc::clone(&word), id);
        self.words.push(word);
        id
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Each word with its number, in order of number.
    pub fn words(&self) -> impl Iterator<Item = (u32, &str)> {
        (0u32..).zip(self.words.iter().map(|w| &**w))
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
            let mut vocab = Vocabulary::default();
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
