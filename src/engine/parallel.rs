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

/// `f()`, on one of rayon's worker threads when `parallel`. A parallel section started
/// from outside the pool hands all of its work over and sleeps until it is done, so every
/// section costs two wake-ups from one core to the other, which on the virtual machine of the
/// README take tens of microseconds each; started from a worker, the caller does one half
/// itself while the other worker wakes. A long comparison has dozens of sections: run from
/// a worker, it took 2–6% less time (README, Performance).
pub fn on_pool<R: Send>(parallel: bool, f: impl FnOnce() -> R + Send) -> R {
    if parallel { rayon::scope(|_| f()) } else { f() }
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
    fn work_goes_on_the_pool_only_when_parallel() {
        assert_eq!(rayon::current_thread_index(), None);
        assert!(on_pool(true, || rayon::current_thread_index().is_some()));
        assert!(on_pool(false, || rayon::current_thread_index().is_none()));
    }

    #[test]
    fn a_panic_on_the_pool_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| on_pool(true, || panic!("on a worker")));
        assert!(caught.is_err());
    }
}
