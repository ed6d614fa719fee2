//! Choosing links among scored candidate pairs: best first, each passage used once, then
//! growing a link by a neighbouring passage where an outlet split or merged a sentence.

use super::comparison::PassageIds;
use super::features::Features;
use super::similarity::{Union, link_score, overlap};
use crate::side::{Pair, Side};
use itertools::Itertools;
use rayon::prelude::*;
use smallvec::smallvec;
use std::cmp::Ordering;

/// A merge must raise the link's score at least this much to be worth it.
pub(super) const MERGE_GAIN: f64 = 0.04;

/// A chosen link before it is diffed: passage ids per side and its score.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Match {
    pub passages: Pair<PassageIds>,
    pub score: f64,
}

#[derive(Debug, Clone, Copy)]
struct Scored {
    l: usize,
    r: usize,
    score: f64,
    /// How far apart the two passages sit, relative to their articles' lengths.
    drift: f64,
}

/// Best score first; among equals the pair whose places in the articles agree, then a
/// tie-break that does not depend on which article is left, so that swapping the sides
/// mirrors the result exactly.
fn priority(a: &Scored, b: &Scored) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then(a.drift.total_cmp(&b.drift))
        .then((a.l + a.r).cmp(&(b.l + b.r)))
        .then(a.l.min(a.r).cmp(&b.l.min(b.r)))
}

/// Choose links among candidate `pairs`, given `anchors`: pairs already linked (verbatim
/// copies, in the order of the left article), whose passages are taken and which are
/// returned with the rest. All come back in the order of their first left passage.
pub fn choose(
    pairs: &[(u32, u32)],
    f: &Features,
    anchors: &[(usize, usize)],
    parallel: bool,
) -> Vec<Match> {
    let (nl, nr) = (
        f.passages.left.len().max(1) as f64,
        f.passages.right.len().max(1) as f64,
    );
    let score = |&(l, r): &(u32, u32)| {
        let (l, r) = (l as usize, r as usize);
        let (a, b) = (&f.passages.left[l], &f.passages.right[r]);
        // Passages the same once normalised are linked even when made only of common words.
        let score = if a.exact == b.exact {
            1.0
        } else {
            link_score(a, b, f)?
        };
        Some(Scored {
            l,
            r,
            score,
            drift: (l as f64 / nl - r as f64 / nr).abs(),
        })
    };
    let scored: Vec<Scored> = if parallel {
        let mut scored: Vec<Scored> = pairs.par_iter().filter_map(score).collect();
        scored.par_sort_unstable_by(priority);
        scored
    } else {
        let mut scored: Vec<Scored> = pairs.iter().filter_map(score).collect();
        scored.sort_unstable_by(priority);
        scored
    };

    let mut taken = Pair::new(
        vec![false; f.passages.left.len()],
        vec![false; f.passages.right.len()],
    );
    for &(l, r) in anchors {
        taken.left[l] = true;
        taken.right[r] = true;
    }
    let mut matches = Vec::new();
    for s in scored {
        if taken.left[s.l] || taken.right[s.r] {
            continue;
        }
        taken.left[s.l] = true;
        taken.right[s.r] = true;
        matches.push(Match {
            passages: Pair::new(smallvec![s.l], smallvec![s.r]),
            score: s.score,
        });
    }
    grow(&mut matches, &mut taken, f);
    // The anchors, most of the links between copies of a story, are in order already: only
    // the others need sorting before the two are merged.
    matches.sort_unstable_by_key(left_first);
    debug_assert!(anchors.is_sorted_by_key(|&(l, _)| l));
    let anchored = anchors.iter().map(|&(l, r)| Match {
        passages: Pair::new(smallvec![l], smallvec![r]),
        score: 1.0,
    });
    // A passage is in one match at most, so no two keys are equal.
    matches
        .into_iter()
        .merge_by(anchored, |a, b| left_first(a) < left_first(b))
        .collect()
}

fn left_first(m: &Match) -> usize {
    m.passages.left[0]
}

#[derive(Debug, Clone, Copy)]
struct Growth {
    link: usize,
    side: Side,
    passage: usize,
    score: f64,
    gain: f64,
}

/// Let a link take in a free neighbouring passage when that explains more of the other side:
/// one outlet's single sentence may be two in the other.
fn grow(matches: &mut [Match], taken: &mut Pair<Vec<bool>>, f: &Features) {
    let mut growths: Vec<Growth> = Vec::new();
    for (link, m) in matches.iter().enumerate() {
        for side in Side::BOTH {
            let own = &m.passages[side];
            let (first, last) = (own[0], own[own.len() - 1]);
            let other = Union::of(
                m.passages[side.other()]
                    .iter()
                    .map(|&i| &f.passages[side.other()][i]),
                f,
            );
            for neighbour in [first.wrapping_sub(1), last + 1] {
                let Some(p) = f.passages[side].get(neighbour) else {
                    continue;
                };
                if taken[side][neighbour] || !p.linkable || overlap(p, &other, f).evidence < 2 {
                    continue;
                }
                let grown = Union::of(
                    own.iter()
                        .chain([&neighbour])
                        .map(|&i| &f.passages[side][i]),
                    f,
                );
                let Some(score) = link_score(&grown, &other, f) else {
                    continue;
                };
                if score >= m.score + MERGE_GAIN {
                    growths.push(Growth {
                        link,
                        side,
                        passage: neighbour,
                        score,
                        gain: score - m.score,
                    });
                }
            }
        }
    }
    growths.sort_by(|a, b| {
        b.gain
            .total_cmp(&a.gain)
            .then(b.score.total_cmp(&a.score))
            .then(a.passage.cmp(&b.passage))
    });
    let mut grown = vec![false; matches.len()];
    for g in growths {
        if grown[g.link] || taken[g.side][g.passage] {
            continue;
        }
        grown[g.link] = true;
        taken[g.side][g.passage] = true;
        let m = &mut matches[g.link];
        m.passages[g.side].push(g.passage);
        m.passages[g.side].sort_unstable();
        m.score = g.score;
    }
}
