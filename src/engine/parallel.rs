//! When the engine uses both cores. Starting rayon's worker threads costs about as much as
//! comparing two short articles, so short inputs stay on the calling thread and never start
//! the pool at all.

use crate::side::{Pair, Side};

/// Text (both articles together) below this many bytes is compared on one thread. Two
/// 10,000-word articles are about 120 KB: on the 2-core machine of the README, they compare
/// faster on one thread than on two; at 100,000 words two threads win clearly.
pub const MIN_PARALLEL_BYTES: usize = 256 * 1024;

/// Whether work over this many bytes of text is worth spreading over threads.
pub fn worth_it(bytes: usize) -> bool {
    bytes >= MIN_PARALLEL_BYTES
}

/// [`Pair::from_fn`], with the two sides computed at once when `parallel`.
pub fn per_side<R: Send>(parallel: bool, f: impl Fn(Side) -> R + Sync) -> Pair<R> {
    let (left, right) = join(parallel, || f(Side::Left), || f(Side::Right));
    Pair::new(left, right)
}

/// `(a(), b())`, at once when `parallel`.
pub fn join<RA: Send, RB: Send>(
    parallel: bool,
    a: impl FnOnce() -> RA + Send,
    b: impl FnOnce() -> RB + Send,
) -> (RA, RB) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}
