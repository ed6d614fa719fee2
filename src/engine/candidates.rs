//! Finding which passage pairs are worth scoring, without comparing every passage with every
//! other: exact duplicates through a hash of their normal form, the rest through an inverted
//! index of the rarer stems they share.

use super::features::{Features, PassageFeatures, PassageTable};
use super::similarity::{PARAPHRASE_DICE, RARE_DF, could_link, is_rare};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Stems in more passages than this are too common to find candidates by. They still count
/// when a found pair is scored.
const MAX_POSTINGS: u32 = 64;

// A pair's shared rare words are all found through the index, so they are counted exactly.
const _: () = assert!(RARE_DF <= MAX_POSTINGS);

/// Whether stem `s` is in the index that finds candidates.
fn indexed(f: &Features, s: u32) -> bool {
    f.df[s as usize] <= MAX_POSTINGS
}

/// Pairs `(left, right)` of linkable passages that may be alike, sorted and distinct.
/// The set is the same, mirrored, when the sides are swapped.
pub fn candidate_pairs(f: &Features, parallel: bool) -> Vec<(u32, u32)> {
    let (left, right) = (&f.passages.left, &f.passages.right);
    // Only linkable passages take part; on copies of one story most passages are already
    // linked verbatim, and so are not linkable. The scores are kept per linkable right
    // passage, numbered densely: a table as long as the whole right article, zeroed for every
    // piece of work rayon splits off, cost more than the scoring on long articles.
    let linkable = |side: &PassageTable| -> Vec<u32> {
        (0..side.len() as u32)
            .filter(|&i| side[i as usize].linkable)
            .collect()
    };
    let (left_ids, right_ids) = (linkable(left), linkable(right));
    let mut exact: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); f.df.len()];
    // Per linkable right passage: the weight of its stems too common to be indexed, which
    // bounds what a pair shares beyond the indexed stems.
    let mut unindexed: Vec<u64> = vec![0; right_ids.len()];
    for (dense, &r) in right_ids.iter().enumerate() {
        let p = &right[r as usize];
        exact.entry(p.exact).or_default().push(r);
        for &s in &p.stems {
            if indexed(f, s) {
                postings[s as usize].push(dense as u32);
            } else {
                unindexed[dense] += f.weight[s as usize];
            }
        }
    }
    let scratch = || Scratch {
        partial: vec![0; right_ids.len()],
        rare: vec![0; right_ids.len()],
        touched: Vec::new(),
    };
    let scan = |Scratch {
                    partial,
                    rare,
                    touched,
                }: &mut Scratch,
                &l: &u32| {
        let p = &left[l as usize];
        let group = exact.get(&p.exact).map_or(&[][..], Vec::as_slice);
        let mut found: Vec<(u32, u32)> = nearest(group, l as usize, left.len(), right.len())
            .iter()
            .map(|&r| (l, r))
            .collect();
        let mut own_unindexed = 0;
        for &s in &p.stems {
            let weight = f.weight[s as usize];
            if !indexed(f, s) {
                own_unindexed += weight;
            }
            let rare_stem = u32::from(is_rare(f, s as usize));
            for &d in postings[s as usize].iter() {
                if partial[d as usize] == 0 {
                    touched.push(d);
                }
                partial[d as usize] += weight;
                rare[d as usize] += rare_stem;
            }
        }
        for &d in touched.iter() {
            let (r, d) = (right_ids[d as usize], d as usize);
            let q = &right[r as usize];
            // Kept unless scoring would refuse it even if it shared all the unindexed weight
            // it could. Passages the same once normalised are kept whatever their words:
            // `choose` links them without asking `judge`, and the copies of a line repeated
            // too often for its exact group are found here.
            let at_most = partial[d] + own_unindexed.min(unindexed[d]);
            let possible = p.exact == q.exact || could_link(at_most, rare[d], p, q);
            debug_assert!(
                possible || super::similarity::link_score(p, q, f).is_none(),
                "a linkable pair ruled out: left {l}, right {r}"
            );
            if promising(partial[d], p, q) && possible {
                found.push((l, r));
            }
            partial[d] = 0;
            rare[d] = 0;
        }
        touched.clear();
        // Sorted here, a passage's few pairs at a time, on whichever core found them: left
        // ids come in ascending order, so the whole list is then sorted. Sorted as a whole,
        // on one core, it took over a quarter of the time finding them took.
        found.sort_unstable();
        found.dedup();
        found
    };
    let pairs: Vec<(u32, u32)> = if parallel {
        left_ids
            .par_iter()
            .map_init(scratch, scan)
            .flatten_iter()
            .collect()
    } else {
        let mut own = scratch();
        left_ids.iter().flat_map(|l| scan(&mut own, l)).collect()
    };
    debug_assert!(pairs.is_sorted_by(|a, b| a < b));
    pairs
}

/// Per piece of work, against every linkable right passage (numbered densely): the weight
/// of the indexed stems it shares with the left passage at hand, how many of those are rare,
/// and which passages share any.
struct Scratch {
    partial: Vec<u64>,
    rare: Vec<u32>,
    touched: Vec<u32>,
}

/// A passage repeated many times (a refrain, a standard line) is paired only with the copies
/// at about the same place in the other article: all against all would be quadratic.
const MAX_EXACT_GROUP: usize = 16;

/// The copies in `group` (ascending right ids) nearest to where left passage `l` sits.
fn nearest(group: &[u32], l: usize, nl: usize, nr: usize) -> &[u32] {
    if group.len() <= MAX_EXACT_GROUP {
        return group;
    }
    let at = (l * nr / nl.max(1)) as u32;
    let centre = group.partition_point(|&r| r < at);
    let start = centre
        .saturating_sub(MAX_EXACT_GROUP / 2)
        .min(group.len() - MAX_EXACT_GROUP);
    &group[start..start + MAX_EXACT_GROUP]
}

/// The rarer shared stems alone already make up a good part of what a link needs.
fn promising(partial: u64, a: &PassageFeatures, b: &PassageFeatures) -> bool {
    2.0 * partial as f64 >= 0.5 * PARAPHRASE_DICE * (a.weight + b.weight) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::similarity::link_score;
    use crate::engine::{Article, Metadata, build_article};
    use crate::side::Pair;

    /// An article of `fillers` one-line paragraphs, each with a word of its own and one of five
    /// common words, every fiftieth with "fjord" too, then `last`.
    fn article(side: &str, fillers: usize, last: &str) -> Article {
        const COMMON: [&str; 5] = ["amber", "birch", "cedar", "delta", "ember"];
        let mut text = format!("Notes from the {side} side\n\n");
        for i in 0..fillers {
            let fjord = if i % 50 == 0 { " fjord" } else { "" };
            text.push_str(&format!("{side}{i} {}{fjord}.\n\n", COMMON[i % 5]));
        }
        text.push_str(last);
        build_article(side, None, text, Metadata::default())
    }

    /// Two passages that share four words too common to be indexed and one indexed word that
    /// is not rare: the indexed word alone is far from a link, the words in all make a close
    /// one. The bound on what the unindexed words may add must keep the pair.
    #[test]
    fn a_pair_sharing_mostly_unindexed_words_stays_a_candidate() {
        let left = article("west", 500, "Amber birch cedar delta fjord.");
        let right = article("east", 500, "Amber birch cedar delta fjord vellum.");
        let articles = Pair::new(left, right);
        let skip = Pair::from_fn(|side| vec![false; articles[side].passages.len()]);
        let f = Features::build(&articles, &skip, false);
        let (l, r) = (
            articles.left.passages.len() - 1,
            articles.right.passages.len() - 1,
        );
        let (a, b) = (&f.passages.left[l], &f.passages.right[r]);
        let common = a.stems.iter().filter(|&&s| !indexed(&f, s));
        assert_eq!(common.count(), 4, "the four common words are unindexed");
        assert!(link_score(a, b, &f).is_some(), "the pair is a link");
        assert!(candidate_pairs(&f, false).contains(&(l as u32, r as u32)));
    }
}
