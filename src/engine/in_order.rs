//! Links found from their neighbours: passages that sit between two links, in the same order
//! on both sides, are aligned with each other in order, at a lower bar than passages matched
//! on their own words.
//!
//! Outlets move whole paragraphs, but the sentences inside a moved block keep their order, and
//! a rewritten sentence between two shared ones is most likely the rewriting of the sentence
//! between them on the other side. So the links chosen on their own words, and the bounds of
//! paragraphs that those links pair, fence off gaps, and each gap is aligned by a monotone
//! dynamic programme (as sentence aligners such as Gale–Church and hunalign do), where a
//! weaker likeness is enough. Order is only assumed inside a gap, never across the articles: a
//! moved paragraph still has its fences and its gaps.

use super::features::{Features, PassageFeatures};
use super::matching::{MERGE_GAIN, Match};
use super::similarity::{Bag, Overlap, Union, dice, judge, link_score, overlap};
use crate::side::{Pair, Side};
use rayon::prelude::*;

/// Between two fences a pair needs this weighted share of words in common...
const CONTEXT_DICE: f64 = 0.1;
/// ...and this many shared content words.
const CONTEXT_EVIDENCE: u32 = 2;
/// Gaps with more cells than this (left passages times right) are left alone: a gap that wide
/// is no longer one rewritten stretch of text.
const MAX_GAP_CELLS: usize = 256 * 256;
/// Paragraphs that no link pairs are paired by their words when they share this weighted
/// share of them and each is the other's closest.
const PARAGRAPH_DICE: f64 = 0.25;
/// Only paragraphs of this many free passages are paired by their words: two single
/// sentences alike in words are a weak link, not a paragraph and its rewriting.
const MIN_PARAGRAPH_PASSAGES: usize = 2;
/// Paragraphs are compared all against all only while there are at most this many pairs of
/// unpaired ones: beyond, the articles are not two versions of one text.
const MAX_PARAGRAPH_PAIRS: usize = 400 * 400;

/// Something that pins a place in both articles, in tripled passage coordinates so that the
/// end of one paragraph and the start of the next have places of their own, in that order
/// (with shuffled paragraphs, the two belong to different gaps): a link covers
/// `3 * first + 1 ..= 3 * last + 1`, a paragraph starting at passage `s` starts at `3 * s`
/// and one ending before passage `e` ends at `3 * e - 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fence {
    lo: Pair<i64>,
    hi: Pair<i64>,
}

impl Fence {
    fn link(m: &Match) -> Fence {
        let ends = |side: Side| {
            let ids = &m.passages[side];
            let (lo, hi) = (ids.iter().min(), ids.iter().max());
            (
                3 * *lo.expect("a side holds a passage") as i64 + 1,
                3 * *hi.expect("same") as i64 + 1,
            )
        };
        let (l, r) = (ends(Side::Left), ends(Side::Right));
        Fence {
            lo: Pair::new(l.0, r.0),
            hi: Pair::new(l.1, r.1),
        }
    }

    /// The start of paragraphs that begin at passages `at`, or with `end` the end of
    /// paragraphs that stop just before them.
    fn bound(at: Pair<usize>, end: bool) -> Fence {
        let shift = if end { -1 } else { 0 };
        let place = Pair::new(3 * at.left as i64 + shift, 3 * at.right as i64 + shift);
        Fence {
            lo: place,
            hi: place,
        }
    }
}

/// A title is at the head of its article as the other title is at the head of its own: two
/// headlines of one story share the fact in few words ("Dozens injured as quake hits X" /
/// "Powerful quake injures dozens in X"), often fewer than a link on its own words needs, and
/// a longer sentence that happens to hold the same names must not take the title's place. So
/// the titles are paired first, at the bar of passages between two links.
pub fn titles(title: Pair<Option<usize>>, f: &Features) -> Option<(usize, usize)> {
    let (l, r) = (title.left?, title.right?);
    let (a, b) = (&f.passages.left[l], &f.passages.right[r]);
    if !a.linkable || !b.linkable {
        return None;
    }
    in_context(a, b, f).map(|_| (l, r))
}

/// Two links that cross each other may be worth only a little more than the two that do not:
/// "Frost destroys half of the harvest" / "Half the harvest was destroyed by one night of
/// frost" against the same title and lede the other way round. The pair that keeps the order
/// wins when it scores at least this share of the crossing pair.
const UNCROSS_SHARE: f64 = 0.75;

/// Where two neighbouring single-passage links cross (left `a < b`, right `a' > b'`), and
/// linking `a` to `b'` and `b` to `a'` instead is nearly as good, link them in order: of two
/// about equally good candidates, the one that agrees with its neighbours is the right one.
/// `matches` are in left order.
pub fn uncross(matches: &mut [Match], f: &Features) {
    for i in 1..matches.len() {
        let (before, after) = matches.split_at_mut(i);
        let (x, y) = (&mut before[i - 1], &mut after[0]);
        if x.passages.left.len() != 1
            || x.passages.right.len() != 1
            || y.passages.left.len() != 1
            || y.passages.right.len() != 1
        {
            continue;
        }
        let (a, b) = (x.passages.left[0], y.passages.left[0]);
        let (ra, rb) = (x.passages.right[0], y.passages.right[0]);
        if b != a + 1 || rb + 1 != ra {
            continue;
        }
        let score = |l: usize, r: usize| link_score(&f.passages.left[l], &f.passages.right[r], f);
        if let (Some(first), Some(second)) = (score(a, rb), score(b, ra))
            && first + second >= UNCROSS_SHARE * (x.score + y.score)
        {
            x.passages.right[0] = rb;
            x.score = first;
            y.passages.right[0] = ra;
            y.score = second;
        }
    }
}

/// Add the links found between fences to `matches` (which keep theirs); `paragraph` gives
/// each passage's paragraph on both sides.
pub fn fill(matches: &mut Vec<Match>, f: &Features, paragraph: Pair<&[usize]>, parallel: bool) {
    let mut taken = Pair::new(
        vec![false; f.passages.left.len()],
        vec![false; f.passages.right.len()],
    );
    for m in matches.iter() {
        take(&mut taken, m);
    }
    let mut pairs = paired_paragraphs(matches, paragraph);
    pairs.extend(paired_by_words(&pairs, &taken, f, paragraph));
    pairs.sort_unstable();
    // Only a gap inside one paragraph and its partner has context enough for a lower bar.
    // Between paragraphs (in news, where a paragraph is often a sentence) two links in order
    // say little about the sentences between them: tried, it linked topical neighbours
    // ("Official results will be announced" to "The campaign will be announced") and found
    // nothing the annotators wanted. So the fences of a paired paragraph are its bounds and
    // the links between it and its partner; a link out of it to somewhere else (a repeated
    // phrase, a parallel passage) is no fence, since it would break the chain of the
    // paragraph's own links in two.
    let mut gaps = Vec::new();
    for &(pl, pr) in &pairs {
        let span = |side: Side, para: usize| {
            let of = paragraph[side];
            let start = of.partition_point(|&p| p < para);
            start..of.partition_point(|&p| p <= para)
        };
        let (l, r) = (span(Side::Left, pl), span(Side::Right, pr));
        let is_free = |side: Side, p: usize| !taken[side][p] && f.passages[side][p].linkable;
        // Most paired paragraphs of copies are linked through: nothing is left to align.
        if !l.clone().any(|p| is_free(Side::Left, p)) || !r.clone().any(|p| is_free(Side::Right, p))
        {
            continue;
        }
        // `matches` are in left order, so the links out of `pl` are one run of them.
        let first = matches.partition_point(|m| m.passages.left[0] < l.start);
        let last = matches.partition_point(|m| m.passages.left[0] < l.end);
        let mut fences: Vec<Fence> = matches[first..last]
            .iter()
            .filter(|m| paragraphs_of(m, paragraph) == (pl, pr))
            .map(Fence::link)
            .collect();
        fences.push(Fence::bound(Pair::new(l.start, r.start), false));
        fences.push(Fence::bound(Pair::new(l.end, r.end), true));
        for (a, b) in neighbours(&fences) {
            // The passages strictly between the two fences: those at places 3p + 1 inside.
            let between = |side: Side| {
                let (from, to) = (a.hi[side] + 1, b.lo[side] - 1);
                let first = (from.max(0) + 1) / 3;
                let last = ((to - 1).div_euclid(3) + 1)
                    .min(taken[side].len() as i64)
                    .max(first);
                first as usize..last as usize
            };
            let (l, r) = (between(Side::Left), between(Side::Right));
            if l.len() * r.len() > MAX_GAP_CELLS {
                continue;
            }
            let free = |side: Side, range: std::ops::Range<usize>| -> Vec<usize> {
                range.filter(|&p| is_free(side, p)).collect()
            };
            let (left, right) = (free(Side::Left, l), free(Side::Right, r));
            if !left.is_empty() && !right.is_empty() {
                gaps.push((left, right));
            }
        }
    }
    // Gaps are independent, and on a long rewritten text aligning them is a tenth of the work.
    let found: Vec<Match> = if parallel {
        gaps.par_iter()
            .flat_map_iter(|(left, right)| align_gap(left, right, f))
            .collect()
    } else {
        gaps.iter()
            .flat_map(|(left, right)| align_gap(left, right, f))
            .collect()
    };
    merge_in_left_order(matches, found);
}

/// Add `found` to `matches`, both in left order, keeping it: the links found in gaps are a
/// few among many, and sorting all of them again took 2 ms of a whole-Bible pair.
fn merge_in_left_order(matches: &mut Vec<Match>, mut found: Vec<Match>) {
    found.sort_unstable_by_key(|m| m.passages.left[0]);
    let mut rest = matches.len();
    matches.resize_with(rest + found.len(), Match::default);
    let mut at = matches.len();
    // From the back, each found link goes after the kept links that come later than it.
    while let Some(m) = found.pop() {
        while rest > 0 && matches[rest - 1].passages.left[0] > m.passages.left[0] {
            rest -= 1;
            at -= 1;
            matches.swap(rest, at);
        }
        at -= 1;
        matches[at] = m;
    }
}

/// Mark the passages of `m` as linked.
fn take(taken: &mut Pair<Vec<bool>>, m: &Match) {
    for side in Side::BOTH {
        for &p in &m.passages[side] {
            debug_assert!(!taken[side][p], "a passage is in one link at most");
            taken[side][p] = true;
        }
    }
}

/// The paragraphs of a link's first passages.
fn paragraphs_of(m: &Match, paragraph: Pair<&[usize]>) -> (usize, usize) {
    (
        paragraph.left[m.passages.left[0]],
        paragraph.right[m.passages.right[0]],
    )
}

/// Paragraphs that the links pair: each the other's partner with the most links between them
/// (ties to the earlier paragraph, on either side, so that swapping the articles mirrors it).
fn paired_paragraphs(matches: &[Match], paragraph: Pair<&[usize]>) -> Vec<(usize, usize)> {
    // `matches` are in left order and paragraph numbers grow with passage numbers, so the
    // links come by left paragraph already: only the right paragraphs of one left paragraph
    // need sorting, a few at a time. Sorted whole, the pairs of a long text took a quarter of
    // the time of filling its gaps.
    let mut ends: Vec<(usize, usize)> = matches
        .iter()
        .map(|m| paragraphs_of(m, paragraph))
        .collect();
    debug_assert!(ends.is_sorted_by_key(|&(left, _)| left));
    for run in ends.chunk_by_mut(|a, b| a.0 == b.0) {
        run.sort_unstable();
    }
    let count = |side: Side| paragraph[side].last().map_or(0, |&p| p + 1);
    let mut best = Pair::new(
        vec![(0u32, usize::MAX); count(Side::Left)],
        vec![(0u32, usize::MAX); count(Side::Right)],
    );
    let better = |slot: &mut (u32, usize), count: u32, other: usize| {
        if count > slot.0 || (count == slot.0 && other < slot.1) {
            *slot = (count, other);
        }
    };
    for run in ends.chunk_by(|a, b| a == b) {
        let (pl, pr) = run[0];
        let links = run.len() as u32;
        better(&mut best.left[pl], links, pr);
        better(&mut best.right[pr], links, pl);
    }
    best.left
        .iter()
        .enumerate()
        .filter(|&(pl, &(links, pr))| links > 0 && best.right[pr].1 == pl)
        .map(|(pl, &(_, pr))| (pl, pr))
        .collect()
}

/// Paragraphs left unpaired by the links, paired by the words of their free passages: a
/// rewritten paragraph shares few sentences close enough to link on their own, but as a whole
/// it still shares much of its vocabulary with the original.
fn paired_by_words(
    paired: &[(usize, usize)],
    taken: &Pair<Vec<bool>>,
    f: &Features,
    paragraph: Pair<&[usize]>,
) -> Vec<(usize, usize)> {
    let bags = |side: Side| -> Vec<(usize, Union)> {
        let count = paragraph[side].last().map_or(0, |&p| p + 1);
        let mut is_paired = vec![false; count];
        for &(l, r) in paired {
            is_paired[if side == Side::Left { l } else { r }] = true;
        }
        let mut by_paragraph: Vec<(usize, Vec<usize>)> = Vec::new();
        for (p, &para) in paragraph[side].iter().enumerate() {
            if taken[side][p] || !f.passages[side][p].linkable {
                continue;
            }
            match by_paragraph.last_mut() {
                Some((last, ids)) if *last == para => ids.push(p),
                _ => by_paragraph.push((para, vec![p])),
            }
        }
        by_paragraph
            .into_iter()
            .filter(|(para, ids)| !is_paired[*para] && ids.len() >= MIN_PARAGRAPH_PASSAGES)
            .map(|(para, ids)| {
                (
                    para,
                    Union::of(ids.iter().map(|&p| &f.passages[side][p]), f),
                )
            })
            .collect()
    };
    let (left, right) = (bags(Side::Left), bags(Side::Right));
    if left.len() * right.len() > MAX_PARAGRAPH_PAIRS {
        return Vec::new();
    }
    // Each side's closest partner: (likeness, index into the other side's list).
    let mut best_left = vec![(0.0f64, usize::MAX); left.len()];
    let mut best_right = vec![(0.0f64, usize::MAX); right.len()];
    for (i, (_, a)) in left.iter().enumerate() {
        for (j, (_, b)) in right.iter().enumerate() {
            let o = overlap(a, b, f);
            if o.evidence < CONTEXT_EVIDENCE {
                continue;
            }
            let d = dice(o, a, b);
            if d < PARAGRAPH_DICE {
                continue;
            }
            // Ties go to the earlier partner on either side, so that swapping mirrors it.
            if d > best_left[i].0 {
                best_left[i] = (d, j);
            }
            if d > best_right[j].0 {
                best_right[j] = (d, i);
            }
        }
    }
    best_left
        .iter()
        .enumerate()
        .filter(|&(i, &(_, j))| j != usize::MAX && best_right[j].1 == i)
        .map(|(i, &(_, j))| (left[i].0, right[j].0))
        .collect()
}

/// Fences that follow each other directly in both articles: the gaps between them.
fn neighbours(fences: &[Fence]) -> Vec<(Fence, Fence)> {
    let key = |fence: &Fence, side: Side| {
        let other = side.other();
        (
            fence.lo[side],
            fence.hi[side],
            fence.lo[other],
            fence.hi[other],
        )
    };
    let mut by_left = fences.to_vec();
    by_left.sort_unstable_by_key(|fence| key(fence, Side::Left));
    by_left.dedup();
    // Each fence's rank in the right article's order: two fences that follow each other on
    // the left follow each other on the right when their ranks do too.
    let mut by_right: Vec<usize> = (0..by_left.len()).collect();
    by_right.sort_unstable_by_key(|&i| key(&by_left[i], Side::Right));
    let mut rank = vec![0; by_left.len()];
    for (r, &i) in by_right.iter().enumerate() {
        rank[i] = r;
    }
    by_left
        .windows(2)
        .zip(rank.windows(2))
        .filter(|(_, r)| r[1] == r[0] + 1)
        .map(|(w, _)| (w[0], w[1]))
        .filter(|(a, b)| b.lo.left > a.hi.left + 1 && b.lo.right > a.hi.right + 1)
        .collect()
}

/// How alike two bags are when their neighbours already say they belong together: what
/// [`link_score`] accepts, and weaker likenesses with some shared content.
fn in_context(a: &impl Bag, b: &impl Bag, f: &Features) -> Option<f64> {
    context_score(overlap(a, b, f), a, b)
}

/// [`in_context`], given the overlap of `a` and `b`.
fn context_score(o: Overlap, a: &impl Bag, b: &impl Bag) -> Option<f64> {
    if let Some(score) = judge(o, a, b) {
        return Some(score);
    }
    let d = dice(o, a, b);
    (d >= CONTEXT_DICE && o.evidence >= CONTEXT_EVIDENCE).then_some(d)
}

/// One step of the alignment of a gap: how many passages it takes from each side.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Skip(Side),
    Link { left: usize, right: usize },
}

/// The monotone alignment of the free passages `left` and `right` of one gap that has the
/// highest total likeness, as matches.
fn align_gap(left: &[usize], right: &[usize], f: &Features) -> Vec<Match> {
    let (n, m) = (left.len(), right.len());
    // Bags of each passage and of each two neighbours, by the index of their last passage.
    let bags = |side: Side, ids: &[usize]| -> (Vec<&PassageFeatures>, Vec<Option<Union>>) {
        let one = |p: usize| &f.passages[side][p];
        let single = ids.iter().map(|&p| one(p)).collect();
        let double = (0..ids.len())
            .map(|k| {
                (k > 0 && ids[k] == ids[k - 1] + 1)
                    .then(|| Union::of([one(ids[k - 1]), one(ids[k])], f))
            })
            .collect();
        (single, double)
    };
    let (l1, l2) = bags(Side::Left, left);
    let (r1, r2) = bags(Side::Right, right);
    // The likeness of the bead that ends at left passage i - 1 and right passage j - 1.
    // Single passages are scored once; most pairs in a gap share no content word, and those
    // are neither a bead nor half of a merged one.
    let mut shares = vec![vec![false; m]; n];
    let mut single = vec![vec![None; m]; n];
    for i in 0..n {
        for j in 0..m {
            let o = overlap(l1[i], r1[j], f);
            if o.evidence > 0 {
                shares[i][j] = true;
                single[i][j] = context_score(o, l1[i], r1[j]);
            }
        }
    }
    let bead = |i: usize, j: usize, dl: usize, dr: usize| -> Option<f64> {
        match (dl, dr) {
            (1, 1) => single[i - 1][j - 1],
            (2, 1) if shares[i - 1][j - 1] || shares[i - 2][j - 1] => {
                in_context(l2[i - 1].as_ref()?, r1[j - 1], f).map(|s| s - MERGE_GAIN)
            }
            (1, 2) if shares[i - 1][j - 1] || shares[i - 1][j - 2] => {
                in_context(l1[i - 1], r2[j - 1].as_ref()?, f).map(|s| s - MERGE_GAIN)
            }
            _ => None,
        }
    };
    // best[i][j]: the best total for the first i left and j right passages.
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    let mut step = vec![vec![Step::Skip(Side::Left); m + 1]; n + 1];
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut pick: Option<(f64, Step)> = None;
            let mut offer = |value: f64, s: Step| {
                if pick.is_none_or(|(v, _)| value > v) {
                    pick = Some((value, s));
                }
            };
            // Links are offered first, so that a tie goes to a link.
            for (dl, dr) in [(1, 1), (2, 1), (1, 2)] {
                if i >= dl
                    && j >= dr
                    && let Some(v) = bead(i, j, dl, dr)
                {
                    offer(
                        best[i - dl][j - dr] + v,
                        Step::Link {
                            left: dl,
                            right: dr,
                        },
                    );
                }
            }
            if i > 0 {
                offer(best[i - 1][j], Step::Skip(Side::Left));
            }
            if j > 0 {
                offer(best[i][j - 1], Step::Skip(Side::Right));
            }
            let (value, s) = pick.expect("a step is always possible past the origin");
            best[i][j] = value;
            step[i][j] = s;
        }
    }
    let mut found = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        match step[i][j] {
            Step::Skip(Side::Left) => i -= 1,
            Step::Skip(Side::Right) => j -= 1,
            Step::Link {
                left: dl,
                right: dr,
            } => {
                let gain = best[i][j] - best[i - dl][j - dr];
                found.push(Match {
                    passages: Pair::new(
                        left[i - dl..i].iter().copied().collect(),
                        right[j - dr..j].iter().copied().collect(),
                    ),
                    score: gain,
                });
                i -= dl;
                j -= dr;
            }
        }
    }
    found.reverse();
    found
}
