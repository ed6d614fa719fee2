//! Aligning two articles: features, candidates, chosen links, their diffs, order and stats.

use super::CompareOptions;
use super::article::{Article, Role};
use super::candidates::candidate_pairs;
use super::comparison::{Comparison, Link, LinkKind, PassageIds, Stats};
use super::features::Features;
use super::in_order;
use super::matching::{Match, choose};
use super::moved::moved;
use super::parallel;
use super::word_diff::diff;
use crate::side::{Pair, Side};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::hash::BuildHasher;

/// Links diffed as one piece of parallel work at most, so that a slow core never holds a
/// large share of them (see `shared_paragraphs::CUT_LEAF`). Most links are verbatim copies,
/// which take no diff; the others take about 10 µs.
const LINK_LEAF: usize = 32;

/// Links whose word diff keeps at least this share of words are rewordings, below it paraphrases.
const REWORDED_RATIO: f64 = 0.5;

pub fn align(articles: Pair<Article>, options: &CompareOptions) -> Comparison {
    let parallel = parallel::worth_it(articles.left.text.len() + articles.right.text.len());
    let anchors = verbatim_copies(&articles, parallel);
    let mut skip = Pair::new(
        vec![false; articles.left.passages.len()],
        vec![false; articles.right.passages.len()],
    );
    for &(l, r) in &anchors {
        skip.left[l] = true;
        skip.right[r] = true;
    }
    let features = Features::build(&articles, &skip, parallel);
    let mut anchors = anchors;
    let title = Pair::from_fn(|side| {
        let title = articles[side]
            .passages
            .iter()
            .position(|p| p.role == Role::Title)?;
        (!skip[side][title]).then_some(title)
    });
    if let Some((l, r)) = in_order::titles(title, &features) {
        let at = anchors.partition_point(|&(a, _)| a < l);
        anchors.insert(at, (l, r));
    }
    let pairs = candidate_pairs(&features, parallel);
    let mut matches = choose(&pairs, &features, &anchors, parallel);
    let paragraph = Pair::from_fn(|side| {
        articles[side]
            .passages
            .iter()
            .map(|p| p.paragraph)
            .collect::<Vec<_>>()
    });
    // choose hands its matches back in left order.
    in_order::uncross(&mut matches, &features);
    in_order::fill(
        &mut matches,
        &features,
        Pair::new(&paragraph.left, &paragraph.right),
        parallel,
    );
    drop(features);
    // The order of the links is the left article's: the moved chain and the reports need it.
    debug_assert!(matches.is_sorted_by_key(|m| m.passages.left[0]));

    // The diffs take most of the time left; which links are moved, and which passage is in
    // which link, depend on the passages alone and are worked out on the side meanwhile.
    let link = |m: &Match| {
        let d = diff(&articles, &m.passages, options.diff_deadline);
        let kind = if d.identical {
            LinkKind::Identical
        } else if d.ratio >= REWORDED_RATIO {
            LinkKind::Reworded
        } else {
            LinkKind::Paraphrase
        };
        Link {
            passages: m.passages.clone(),
            kind,
            similarity: if d.identical { 1.0 } else { d.ratio },
            moved: false,
            diff: d.pieces,
            changes: d.changes,
        }
    };
    let diffed = || -> Vec<Link> {
        if parallel {
            matches
                .par_iter()
                .with_max_len(LINK_LEAF)
                .map(link)
                .collect()
        } else {
            matches.iter().map(link).collect()
        }
    };
    let order_and_owners = || {
        let right_positions: Vec<usize> = matches.iter().map(|m| m.passages.right[0]).collect();
        let weights: Vec<u128> = matches
            .iter()
            .map(|m| chain_weight(&articles, &m.passages))
            .collect();
        let mut link_of = Pair::new(
            vec![None; articles.left.passages.len()],
            vec![None; articles.right.passages.len()],
        );
        for (i, m) in matches.iter().enumerate() {
            for side in Side::BOTH {
                for &p in &m.passages[side] {
                    link_of[side][p] = Some(i);
                }
            }
        }
        (moved(&right_positions, &weights), link_of)
    };
    let (mut links, (moved, link_of)) = parallel::join(parallel, diffed, order_and_owners);
    drop(matches);
    for (link, moved) in links.iter_mut().zip(moved) {
        link.moved = moved;
    }
    let stats = Stats {
        shared: Pair::from_fn(|side| shared_fraction(&articles[side], &link_of[side])),
    };
    Comparison {
        articles,
        links,
        link_of,
        stats,
    }
}

/// Passages whose text occurs once in each article, to the byte. Copies of one story share
/// most of their sentences verbatim; linking these first, as patience diff anchors on unique
/// lines, spares them tokenising and scoring, which is most of the work on long texts.
///
/// Texts are found by a hash of their bytes, and only pairs whose hashes agree are compared,
/// so that a look-up does not read texts at random places in megabytes of article. Two
/// different texts with one hash can only cost an anchor, never make one: within a side they
/// count as repeats, across the sides the bytes are compared.
fn verbatim_copies(articles: &Pair<Article>, parallel: bool) -> Vec<(usize, usize)> {
    let counts = parallel::per_side(parallel, |side| text_counts(&articles[side]));
    // Taken in the left article's order, so that the pairs come out sorted.
    let (left, right) = (&articles.left, &articles.right);
    let anchor = |l: usize| -> Option<(usize, usize)> {
        if left.passages[l].role == Role::Boilerplate {
            return None;
        }
        let text = left.passage_text(l);
        let hash = counts.left.hashes[l];
        match (counts.left.seen.get(&hash), counts.right.seen.get(&hash)) {
            (Some(&(_, 1)), Some(&(r, 1))) if right.passage_text(r) == text => Some((l, r)),
            _ => None,
        }
    };
    let passages = 0..left.passages.len();
    if parallel {
        passages
            .into_par_iter()
            .with_min_len(ANCHOR_LEAF)
            .filter_map(anchor)
            .collect()
    } else {
        passages.filter_map(anchor).collect()
    }
}

/// Passages looked up as one piece of parallel work at least: a look-up takes well under a
/// microsecond.
const ANCHOR_LEAF: usize = 256;

/// The passage texts of one article by hash, boilerplate aside.
struct TextCounts {
    /// Per passage, the hash of its text (0 for boilerplate, which is never looked up), kept for
    /// the look-ups rather than taken again.
    hashes: Vec<u64>,
    /// Per hash: its first passage and how many passages have it.
    seen: FxHashMap<u64, (usize, u32)>,
}

fn text_counts(a: &Article) -> TextCounts {
    let mut seen: FxHashMap<u64, (usize, u32)> =
        FxHashMap::with_capacity_and_hasher(a.passages.len(), Default::default());
    let mut hashes = vec![0; a.passages.len()];
    for (i, p) in a.passages.iter().enumerate() {
        if p.role != Role::Boilerplate {
            let hash = rustc_hash::FxBuildHasher.hash_one(a.passage_text(i));
            hashes[i] = hash;
            seen.entry(hash).or_insert((i, 0)).1 += 1;
        }
    }
    TextCounts { hashes, seen }
}

/// A link's weight in the order-keeping chain: its words on both sides, then a tie-break that
/// is the same whichever article is left, so that equally heavy chains never tie and swapping
/// the sides marks the same links moved.
fn chain_weight(articles: &Pair<Article>, ids: &Pair<PassageIds>) -> u128 {
    use std::hash::{Hash, Hasher};
    let total: usize = Side::BOTH
        .iter()
        .map(|&s| {
            let passages = &articles[s].passages;
            ids[s].iter().map(|&i| passages[i].words).sum::<usize>()
        })
        .sum();
    let mut ends = [&ids.left, &ids.right];
    ends.sort();
    let mut h = rustc_hash::FxHasher::default();
    ends.hash(&mut h);
    weight_of(total, h.finish())
}

/// Bits of a chain weight below the words: the 64 of the tie-break and 32 more, which take
/// the carries when the tie-breaks of up to 2^32 links are summed along a chain. With 64 bits
/// only, each link could carry one into the words, and a chain of many short links outweighed
/// a chain with more words.
const TIE_BREAK_BITS: u32 = 96;

fn weight_of(words: usize, tie_break: u64) -> u128 {
    ((words as u128) << TIE_BREAK_BITS) | u128::from(tie_break)
}

/// The fraction of the article's body words that lie in linked passages.
fn shared_fraction(article: &Article, link_of: &[Option<usize>]) -> f64 {
    let (mut shared, mut total) = (0, 0);
    for (i, p) in article.passages.iter().enumerate() {
        if p.role == Role::Body {
            total += p.words;
            if link_of[i].is_some() {
                shared += p.words;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        shared as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Metadata, build_article};

    #[test]
    fn more_words_outweigh_any_number_of_tie_breaks() {
        for links in [2u32, 3, 1_000, 1 << 20] {
            let many_short: u128 = (0..links).map(|_| weight_of(1, u64::MAX)).sum();
            let one_longer = weight_of(links as usize + 1, 0);
            assert!(many_short < one_longer, "{links} links of one word");
        }
        assert!(
            weight_of(5, 1) > weight_of(5, 0),
            "the tie-break still breaks ties"
        );
    }

    fn article(text: &str) -> Article {
        build_article("t", None, text.to_owned(), Metadata::default())
    }

    /// Every passage of `a` with text `text`.
    fn find(a: &Article, text: &str) -> Vec<usize> {
        (0..a.passages.len())
            .filter(|&i| a.passage_text(i) == text)
            .collect()
    }

    fn anchors_both_ways(articles: &Pair<Article>) -> Vec<(usize, usize)> {
        let serial = verbatim_copies(articles, false);
        assert_eq!(verbatim_copies(articles, true), serial);
        serial
    }

    #[test]
    fn texts_once_on_each_side_are_anchors_in_left_order() {
        let articles = Pair::new(
            article(
                "Harbour vote\n\nThe council met on Monday. Rents rose by 4%.\n\n\
                 The mayor resigned.\n\nRents rose by 4%.",
            ),
            article(
                "Harbour vote\n\nThe mayor resigned.\n\nThe council met on Monday.\n\n\
                 Rents rose by 4%.",
            ),
        );
        let (l, r) = (&articles.left, &articles.right);
        let one = |a: &Article, text: &str| find(a, text)[0];
        // "Rents rose by 4%." is twice on the left: no anchor, wherever it is on the right.
        assert_eq!(find(l, "Rents rose by 4%.").len(), 2);
        assert_eq!(
            anchors_both_ways(&articles),
            [
                (one(l, "Harbour vote"), one(r, "Harbour vote")),
                (
                    one(l, "The council met on Monday."),
                    one(r, "The council met on Monday.")
                ),
                (one(l, "The mayor resigned."), one(r, "The mayor resigned.")),
            ]
        );
    }

    #[test]
    fn boilerplate_is_no_anchor_and_no_repeat() {
        let mut articles = Pair::new(
            article(
                "Harbour vote\n\nFollow the count live.\n\nThe mayor resigned.\n\nFollow the count live.",
            ),
            article("Harbour vote\n\nThe mayor resigned.\n\nFollow the count live."),
        );
        // The first copy on the left is boilerplate (as a block rule or a tag line makes it):
        // the other is then the only body passage with that text, and the anchor is its own.
        let copies = find(&articles.left, "Follow the count live.");
        articles.left.passages[copies[0]].role = Role::Boilerplate;
        let right_copy = find(&articles.right, "Follow the count live.")[0];
        let anchors = anchors_both_ways(&articles);
        assert!(anchors.contains(&(copies[1], right_copy)));
        assert!(anchors.iter().all(|&(l, _)| l != copies[0]));
    }
}
