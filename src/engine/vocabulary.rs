//! Numbering distinct words, so that bags of words and word diffs compare integers.

use rustc_hash::FxHashMap;

/// The number of `word` in `vocab`; a new word gets the next one. Looked up before it is
/// inserted, so a word seen before (most of them) costs no allocation.
pub fn id_of(vocab: &mut FxHashMap<String, u32>, word: &str) -> u32 {
    if let Some(&id) = vocab.get(word) {
        return id;
    }
    let id = vocab.len() as u32;
    vocab.insert(word.to_owned(), id);
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_numbered_in_order_of_first_sight() {
        let mut vocab = FxHashMap::default();
        let ids: Vec<u32> = ["isis", "sirte", "isis", "misrata", "sirte"]
            .iter()
            .map(|w| id_of(&mut vocab, w))
            .collect();
        assert_eq!(ids, [0, 1, 0, 2, 1]);
        assert_eq!(vocab.len(), 3);
    }
}
