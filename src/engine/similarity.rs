//! How alike two passages (or runs of passages) are, from their weighted word stems.

use super::features::{Features, PassageFeatures};

/// Passages must share at least this weighted share of words to be a paraphrase...
pub const PARAPHRASE_DICE: f64 = 0.17;
/// ...and this many content words, some of them rare: one above this share, two below it.
pub const PARAPHRASE_EVIDENCE: u32 = 3;
pub const PARAPHRASE_ONE_RARE_DICE: f64 = 0.3;
/// Above this weighted share of words, a link needs no further evidence.
pub const CLOSE_DICE: f64 = 0.5;
/// A short passage this much contained in a longer one is a trimmed copy of it.
pub const TRIMMED_CONTAINMENT: f64 = 0.8;
pub const TRIMMED_EVIDENCE: u32 = 4;
/// A content word in at most this many passages (of both articles) is rare.
pub const RARE_DF: u32 = 4;

/// The words two bags share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overlap {
    /// Sum of the weights of shared stems.
    pub shared: u64,
    /// Shared content (non-function) words.
    pub evidence: u32,
    /// Shared content words that are rare in the pair of articles.
    pub rare: u32,
}

/// A bag of stems: sorted, distinct ids with their total weight.
pub trait Bag {
    fn stems(&self) -> &[u32];
    fn weight(&self) -> u64;
}

impl Bag for PassageFeatures {
    fn stems(&self) -> &[u32] {
        &self.stems
    }
    fn weight(&self) -> u64 {
        self.weight
    }
}

/// The union of several passages' bags, for links where one side holds two passages.
#[derive(Debug, Clone, Default)]
pub struct Union {
    stems: Vec<u32>,
    weight: u64,
}

impl Union {
    pub fn of<'a>(parts: impl IntoIterator<Item = &'a PassageFeatures>, f: &Features) -> Union {
        let mut stems: Vec<u32> = parts
            .into_iter()
            .flat_map(|p| p.stems.iter().copied())
            .collect();
        stems.sort_unstable();
        stems.dedup();
        let weight = stems.iter().map(|&s| f.weight[s as usize]).sum();
        Union { stems, weight }
    }
}

impl Bag for Union {
    fn stems(&self) -> &[u32] {
        &self.stems
    }
    fn weight(&self) -> u64 {
        self.weight
    }
}

pub fn overlap(a: &impl Bag, b: &impl Bag, f: &Features) -> Overlap {
    let (a, b) = (a.stems(), b.stems());
    let (mut i, mut j) = (0, 0);
    let mut o = Overlap::default();
    // Without branches on the comparison: whether the next stems agree is a coin toss that
    // the processor mispredicts, and the merge took most of the time of scoring a candidate.
    // The tables are read for stems that are not shared too, which is safe because both bags
    // hold ids of the one vocabulary the tables are indexed by.
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        let same = x == y;
        let s = x as usize;
        o.shared += f.weight[s] & (same as u64).wrapping_neg();
        o.evidence += (same & !f.stop[s]) as u32;
        o.rare += (same & is_rare(f, s)) as u32;
        i += (x <= y) as usize;
        j += (y <= x) as usize;
    }
    o
}

/// Whether stem `s` is a content word rare in the pair of articles: the one definition for
/// scoring and for finding candidates, which counts such words ahead of scoring.
pub fn is_rare(f: &Features, s: usize) -> bool {
    !f.stop[s] & (f.df[s] <= RARE_DF)
}

/// Weighted Dice coefficient: the share of both bags' weight that they have in common.
pub fn dice(o: Overlap, a: &impl Bag, b: &impl Bag) -> f64 {
    dice_of(o.shared, a, b)
}

fn dice_of(shared: u64, a: &impl Bag, b: &impl Bag) -> f64 {
    let total = a.weight() + b.weight();
    if total == 0 {
        0.0
    } else {
        (2 * shared) as f64 / total as f64
    }
}

/// The share of the lighter bag's weight that the two have in common.
fn contained_of(shared: u64, a: &impl Bag, b: &impl Bag) -> f64 {
    let smaller = a.weight().min(b.weight());
    if smaller == 0 {
        0.0
    } else {
        shared as f64 / smaller as f64
    }
}

/// The score at which two bags may be linked, or `None` when they should not be.
/// Symmetric in `a` and `b` by construction.
pub fn link_score(a: &impl Bag, b: &impl Bag, f: &Features) -> Option<f64> {
    judge(overlap(a, b, f), a, b)
}

/// [`link_score`], given the overlap of `a` and `b`.
pub fn judge(o: Overlap, a: &impl Bag, b: &impl Bag) -> Option<f64> {
    let d = dice(o, a, b);
    if d >= CLOSE_DICE && o.evidence >= 1 {
        return Some(d);
    }
    let contained = contained_of(o.shared, a, b);
    if contained >= TRIMMED_CONTAINMENT && o.evidence >= TRIMMED_EVIDENCE {
        // Scored at most as a close pair at its bar: a longer sentence that merely holds
        // all of a headline's names must not outrank the headline's own rewording.
        return Some(d.max(0.5 * contained));
    }
    let rare_needed = if d >= PARAPHRASE_ONE_RARE_DICE { 1 } else { 2 };
    if d >= PARAPHRASE_DICE && o.evidence >= PARAPHRASE_EVIDENCE && o.rare >= rare_needed {
        return Some(d);
    }
    None
}

/// Whether [`judge`] could link two bags that share at most `shared_at_most` of weight and
/// exactly `rare` rare content words: false only when it surely would not. Finding candidates
/// knows that much before the bags are merged, and most pairs it finds in a long text fail
/// here, at a fraction of the cost of scoring them. Each of `judge`'s bars is taken at its
/// weakest: the shared evidence is not known yet, so it is left out, and a paraphrase needs at
/// least one rare word whatever its Dice.
pub fn could_link(shared_at_most: u64, rare: u32, a: &impl Bag, b: &impl Bag) -> bool {
    let d = dice_of(shared_at_most, a, b);
    d >= CLOSE_DICE
        || contained_of(shared_at_most, a, b) >= TRIMMED_CONTAINMENT
        || d >= PARAPHRASE_DICE && rare >= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Weighed(u64);

    impl Bag for Weighed {
        fn stems(&self) -> &[u32] {
            &[]
        }
        fn weight(&self) -> u64 {
            self.0
        }
    }

    /// Every overlap that `judge` links passes `could_link`, given the true shared weight or
    /// any more: over bags of every weight up to 60, all shared weights and evidence counts.
    #[test]
    fn could_link_never_rules_out_a_link() {
        let mut linked = 0;
        let mut ruled_out = 0;
        for (wa, wb) in (1..=60).flat_map(|a| (a..=60).map(move |b| (a, b))) {
            let (a, b) = (Weighed(wa), Weighed(wb));
            for shared in 0..=wa {
                for evidence in 0..6 {
                    for rare in 0..=evidence.min(3) {
                        let o = Overlap {
                            shared,
                            evidence,
                            rare,
                        };
                        if judge(o, &a, &b).is_some() {
                            linked += 1;
                            // could_link grows with the bound: its ends and a step suffice.
                            for at_most in [shared, shared + 1, wa + wb] {
                                assert!(
                                    could_link(at_most, rare, &a, &b),
                                    "{o:?}, at most {at_most}, of bags {wa} and {wb}"
                                );
                            }
                        } else if !could_link(shared, rare, &a, &b) {
                            ruled_out += 1;
                        }
                    }
                }
            }
        }
        // Both kinds occur, so the test says something either way.
        assert!(
            linked > 1000 && ruled_out > 1000,
            "{linked} linked, {ruled_out} ruled out"
        );
    }
}
