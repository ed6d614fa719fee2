//! Aligning two articles: features, candidates, chosen links, their diffs, order and stats.

use super::CompareOptions;
use super::article::{Article, Role};
use super::candidates::candidate_pairs;
use super::comparison::{Comparison, Link, LinkKind, Stats};
use super::features::Features;
use super::matching::choose;
use super::order::moved;
use super::word_diff::diff;
use crate::side::{Pair, Side};
use rayon::prelude::*;

/// Links whose word diff keeps at least this share of words are rewordings, below it paraphrases.
const REWORDED_RATIO: f64 = 0.5;

pub fn align(articles: Pair<Article>, options: &CompareOptions) -> Comparison {
    let features = Features::build(&articles);
    let pairs = candidate_pairs(&features);
    let mut matches = choose(&pairs, &features);
    drop(features);
    matches.sort_by_key(|m| (m.passages.left[0], m.passages.right[0]));

    let mut links: Vec<Link> = matches
        .par_iter()
        .map(|m| {
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
        })
        .collect();

    let right_positions: Vec<usize> = links.iter().map(|l| l.passages.right[0]).collect();
    let weights: Vec<u128> = links.iter().map(|l| chain_weight(&articles, l)).collect();
    for (link, moved) in links.iter_mut().zip(moved(&right_positions, &weights)) {
        link.moved = moved;
    }

    let mut link_of = Pair::new(
        vec![None; articles.left.passages.len()],
        vec![None; articles.right.passages.len()],
    );
    for (i, link) in links.iter().enumerate() {
        for side in Side::BOTH {
            for &p in &link.passages[side] {
                link_of[side][p] = Some(i);
            }
        }
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

/// A link's weight in the order-keeping chain: its words on both sides, then a tie-break that
/// is the same whichever article is left, so that equally heavy chains never tie and swapping
/// the sides marks the same links moved.
fn chain_weight(articles: &Pair<Article>, link: &Link) -> u128 {
    use std::hash::{Hash, Hasher};
    let words: usize = Side::BOTH
        .iter()
        .map(|&s| {
            link.passages[s]
                .iter()
                .map(|&i| word_count(&articles[s], i))
                .sum::<usize>()
        })
        .sum();
    let mut ends = [&link.passages.left, &link.passages.right];
    ends.sort();
    let mut h = rustc_hash::FxHasher::default();
    ends.hash(&mut h);
    ((words as u128) << 64) | h.finish() as u128
}

fn word_count(article: &Article, passage: usize) -> usize {
    article.passage_text(passage).split_whitespace().count()
}

/// The fraction of the article's body words that lie in linked passages.
fn shared_fraction(article: &Article, link_of: &[Option<usize>]) -> f64 {
    let (mut shared, mut total) = (0, 0);
    for (i, p) in article.passages.iter().enumerate() {
        if p.role == Role::Body {
            let n = word_count(article, i);
            total += n;
            if link_of[i].is_some() {
                shared += n;
            }
        }
    }
    if total == 0 {
        0.0
    } else {
        shared as f64 / total as f64
    }
}
