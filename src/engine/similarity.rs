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
        let content = same & !f.stop[s];
        o.shared += f.weight[s] & (same as u64).wrapping_neg();
        o.evidence += content as u32;
        o.rare += (content & (f.df[s] <= RARE_DF)) as u32;
        i += (x <= y) as usize;
        j += (y <= x) as usize;
    }
    o
}

/// Weighted Dice coefficient: the share of both bags' weight that they have in common.
pub fn dice(o: Overlap, a: &impl Bag, b: &impl Bag) -> f64 {
    let total = a.weight() + b.weight();
    if total == 0 {
        0.0
    } else {
        (2 * o.shared) as f64 / total as f64
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
    let smaller = a.weight().min(b.weight());
    let contained = if smaller == 0 {
        0.0
    } else {
        o.shared as f64 / smaller as f64
    };
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
