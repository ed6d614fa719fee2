//! What the aligner knows of each passage: its bag of weighted word stems and a key for
//! exact (normalised) equality. Built for both articles over one shared vocabulary.

use super::article::{Article, Role};
use super::tokens::{compound_words, stem_of};
use super::vocabulary::Vocabulary;
use crate::side::Pair;
use std::hash::{Hash, Hasher};

const STOPWORDS: &str = include_str!("../../assets/stopwords.txt");

/// The function words as stems, which is what the vocabulary holds ("while" is "whil" there);
/// stemmed once per process rather than at every comparison.
static STOP_STEMS: std::sync::LazyLock<rustc_hash::FxHashSet<String>> =
    std::sync::LazyLock::new(|| {
        let mut buf = String::new();
        STOPWORDS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .map(|w| stem_of(w, &mut buf).to_owned())
            .collect()
    });

/// Weight scale: weights are integers so that sums are exact and the same whichever side
/// is left, which keeps the alignment symmetric.
const SCALE: f64 = 100.0;

#[derive(Debug, Clone, Default)]
pub struct PassageFeatures {
    /// Sorted, distinct stem ids.
    pub stems: Vec<u32>,
    /// Sum of the weights of `stems`.
    pub weight: u64,
    /// Hash of the folded word sequence; equal for passages identical once normalised
    /// (punctuation aside). Only finds candidates: the word diff decides `identical`.
    pub exact: u64,
    /// The passage may be linked at all (boilerplate never is).
    pub linkable: bool,
}

/// The features of one article's passages, by passage id. Only the passages not yet linked
/// have any: between copies of one story that is a tenth of them, and a full-length table of
/// empty entries was megabytes for the system to hand over page by page, an eighth of the time
/// of building features on a whole-Bible pair.
#[derive(Debug, Default)]
pub struct PassageTable {
    /// Per passage id: its place in `kept`, or [`PassageTable::NONE`].
    slot: Vec<u32>,
    kept: Vec<PassageFeatures>,
}

/// What a passage without features looks like: no words, and not linkable.
static NO_FEATURES: PassageFeatures = PassageFeatures {
    stems: Vec::new(),
    weight: 0,
    exact: 0,
    linkable: false,
};

impl PassageTable {
    const NONE: u32 = u32::MAX;

    /// The number of passages, with features or not.
    pub fn len(&self) -> usize {
        self.slot.len()
    }

    pub fn get(&self, id: usize) -> Option<&PassageFeatures> {
        let slot = *self.slot.get(id)?;
        Some(if slot == Self::NONE {
            &NO_FEATURES
        } else {
            &self.kept[slot as usize]
        })
    }

    /// The passages that have features.
    fn kept(&self) -> impl Iterator<Item = &PassageFeatures> {
        self.kept.iter()
    }

    fn kept_mut(&mut self) -> impl Iterator<Item = &mut PassageFeatures> {
        self.kept.iter_mut()
    }
}

impl std::ops::Index<usize> for PassageTable {
    type Output = PassageFeatures;

    fn index(&self, id: usize) -> &PassageFeatures {
        self.get(id).expect("a passage id of the article")
    }
}

#[derive(Debug)]
pub struct Features {
    pub passages: Pair<PassageTable>,
    /// Per stem id: how many passages, over both articles, contain it.
    pub df: Vec<u32>,
    /// Per stem id: its weight, higher for rarer words.
    pub weight: Vec<u64>,
    /// Per stem id: a function word, which is no evidence that two passages agree.
    pub stop: Vec<bool>,
}

struct SideFeatures {
    vocab: Vocabulary,
    passages: PassageTable,
}

fn side_features(article: &Article, skip: &[bool]) -> SideFeatures {
    // The table grows as it goes: distinct stems are a small share of the words of a long
    // text, and a table sized for every word is megabytes that the scattered inserts touch
    // page by page.
    let mut vocab = Vocabulary::default();
    // Only for words with a full stop, whose stem is not a slice of the word itself.
    let mut stem_buf = String::new();
    let mut passages = PassageTable {
        slot: Vec::with_capacity(article.passages.len()),
        kept: Vec::new(),
    };
    for (p, &skip) in article.passages.iter().zip(skip) {
        if skip {
            passages.slot.push(PassageTable::NONE);
            continue;
        }
        passages.slot.push(passages.kept.len() as u32);
        passages.kept.push({
            let mut stems = Vec::with_capacity(p.words);
            // The exact key hashes the folded words as the bag sees them, so that each
            // passage is cut into words once: segmentation dominates building features.
            let mut hasher = rustc_hash::FxHasher::default();
            compound_words(&article.text, p.span.clone(), |word| {
                word.hash(&mut hasher);
                if !word.chars().any(char::is_alphanumeric) {
                    return;
                }
                stems.push(vocab.id_of(stem_of(word, &mut stem_buf)));
            });
            stems.sort_unstable();
            stems.dedup();
            PassageFeatures {
                stems,
                weight: 0,
                exact: hasher.finish(),
                linkable: p.role != Role::Boilerplate,
            }
        });
    }
    SideFeatures { vocab, passages }
}

impl Features {
    /// Features of every passage but those in `skip` (already linked, e.g. verbatim copies),
    /// which get none and take no part in weighting or matching.
    pub fn build(articles: &Pair<Article>, skip: &Pair<Vec<bool>>, parallel: bool) -> Features {
        let Pair { left, mut right } =
            super::parallel::per_side(parallel, |side| side_features(&articles[side], &skip[side]));
        // One vocabulary: left ids stay, right ids are remapped into it.
        let mut vocab = left.vocab;
        let remap: Vec<u32> = right.vocab.words().map(|(_, w)| vocab.id_of(w)).collect();
        for p in right.passages.kept_mut() {
            for s in &mut p.stems {
                *s = remap[*s as usize];
            }
            p.stems.sort_unstable();
        }
        let mut df = vec![0u32; vocab.len()];
        let passages = Pair::new(left.passages, right.passages);
        // Boilerplate does not make story words look common.
        for p in passages
            .left
            .kept()
            .chain(passages.right.kept())
            .filter(|p| p.linkable)
        {
            for &s in &p.stems {
                df[s as usize] += 1;
            }
        }
        let stopwords = &*STOP_STEMS;
        let mut stop = vec![false; vocab.len()];
        let mut weight = vec![0u64; vocab.len()];
        let n = passages
            .left
            .kept()
            .chain(passages.right.kept())
            .filter(|p| p.linkable)
            .count() as f64;
        for (id, word) in vocab.words() {
            let id = id as usize;
            stop[id] = stopwords.contains(word);
            let idf = ((n + 1.0) / df[id].max(1) as f64).ln().max(0.05);
            let boost = if word.chars().any(|c| c.is_ascii_digit()) {
                1.5
            } else {
                1.0
            };
            weight[id] = if stop[id] {
                1
            } else {
                (SCALE * idf * boost).round() as u64 + 1
            };
        }
        let mut features = Features {
            passages,
            df,
            weight,
            stop,
        };
        for side in crate::side::Side::BOTH {
            let weights = &features.weight;
            for p in features.passages[side].kept_mut() {
                p.weight = p.stems.iter().map(|&s| weights[s as usize]).sum();
            }
        }
        features
    }
}
