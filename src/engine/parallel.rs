//! When the engine uses more than one core. Starting rayon's worker threads costs about as
//! much as comparing two short articles, so short inputs stay on the calling thread and never
//! start the pool at all.

use crate::side::{Pair, Side};

/// Text (both articles together) below this many bytes is compared on one thread: two
/// 10,000-word articles (about 120 KB) compare faster on one thread than on two.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_are_computed_on_workers_only_when_parallel() {
        let serial = per_side(false, |_| rayon::current_thread_index().is_some());
        assert_eq!(serial, Pair::new(false, false));
        let spread = per_side(true, |side| (side, std::thread::current().id()));
        assert_eq!(spread.left.0, Side::Left);
        assert_eq!(spread.right.0, Side::Right);
    }

    #[test]
    fn a_panic_on_a_worker_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| join(true, || 1, || panic!("on a worker")));
        assert!(caught.is_err());
    }
}
