//! When the engine uses both cores. Starting rayon's worker threads costs about as much as
//! comparing two short articles, so short inputs stay on the calling thread and never start
//! the pool at all.

use crate::side::{Pair, Side};
use std::sync::atomic::{AtomicBool, Ordering};

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
///
/// One other worker is also kept from falling asleep while `f` runs (see [`keep_busy`]).
/// One: the engine splits its work in two nearly everywhere, and on a machine with many cores
/// the rest would only burn them.
pub fn on_pool<R: Send>(parallel: bool, f: impl FnOnce() -> R + Send) -> R {
    if !parallel {
        return f();
    }
    let done = AtomicBool::new(false);
    rayon::scope(|scope| {
        let caller = rayon::current_thread_index();
        let done = &done;
        if rayon::current_num_threads() > 1 {
            scope.spawn(move |_| {
                keep_busy(done, caller);
            });
        }
        // Set however `f` ends: the scope waits for the helpers, and they for this.
        let _done = SetOnDrop(done);
        f()
    })
}

/// Pauses between two looks for work when there was none: each look reads the other
/// workers' queues, whose owners write them as they push and pop. 1, 64 and 512 measured
/// alike (README, Performance); a look and 64 pauses take 1.8 µs on the README's machine.
const IDLE_SPINS: usize = 64;

/// Looks in a row that find no work before the helper gives up and leaves the worker to
/// rayon, which puts it to sleep: about 3.5 ms here. Longer than the serial steps between a
/// long comparison's phases (2 ms at most, ordering the links of 0.88M-word articles), short
/// enough that a report held up by a slow reader (`| less`) does not keep a core busy.
const IDLE_LOOKS: usize = 2048;

/// Look for work until `done`, on a worker other than the `caller`'s. A rayon worker that
/// finds no work for a few dozen rounds goes to sleep, and the next parallel section has to
/// wake it, which on the virtual machine of the README takes 20–25 µs (`perf bench sched
/// pipe`: 47 µs a round trip between two cores). A comparison runs in phases with serial
/// steps between them, so the helper slept and was woken a dozen times a run, and many
/// short sections (the JSON report's, the verbatim copies') finished on the caller alone
/// before it woke. Written here because rayon has no setting for how long its workers spin.
///
/// Returns how many looks in a row found nothing when it stopped, which the tests read.
fn keep_busy(done: &AtomicBool, caller: Option<usize>) -> usize {
    // The caller itself may pick this job up while it waits: it must not spin on its own.
    if rayon::current_thread_index() == caller {
        return 0;
    }
    let mut idle = 0;
    while !done.load(Ordering::Acquire) {
        if rayon::yield_now() == Some(rayon::Yield::Executed) {
            idle = 0;
            continue;
        }
        idle += 1;
        if idle == IDLE_LOOKS {
            break;
        }
        for _ in 0..IDLE_SPINS {
            std::hint::spin_loop();
        }
    }
    idle
}

struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
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
    fn the_caller_never_waits_on_itself_for_helpers() {
        // `done` is never set: on its own thread the helper must not look for work at all.
        let never = AtomicBool::new(false);
        assert_eq!(keep_busy(&never, rayon::current_thread_index()), 0);
        let on_worker = on_pool(true, || {
            let looks = keep_busy(&never, rayon::current_thread_index());
            (rayon::current_thread_index(), looks)
        });
        assert!(on_worker.0.is_some());
        assert_eq!(on_worker.1, 0);
    }

    /// A helper that is never told the work is done (a report blocked on a slow reader)
    /// gives up rather than spin on: were it to spin, this would not return.
    #[test]
    fn a_helper_with_nothing_to_do_gives_up() {
        let never = AtomicBool::new(false);
        let other_than_this_thread = Some(usize::MAX);
        assert_eq!(keep_busy(&never, other_than_this_thread), IDLE_LOOKS);
        // And on a worker, where looking for work finds none rather than no pool.
        let mut gave_up = None;
        rayon::scope(|scope| {
            scope.spawn(|_| {
                let looks = keep_busy(&never, other_than_this_thread);
                gave_up = rayon::current_thread_index().map(|_| looks);
            })
        });
        assert_eq!(gave_up, Some(IDLE_LOOKS));
    }

    #[test]
    fn a_panic_on_the_pool_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| on_pool(true, || panic!("on a worker")));
        assert!(caught.is_err());
    }
}
