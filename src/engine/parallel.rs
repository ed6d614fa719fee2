//! When the engine uses both cores. Starting rayon's worker threads costs about as much as
//! comparing two short articles, so short inputs stay on the calling thread and never start
//! the pool at all.

use super::queue_wait::QueueWait;
use crate::side::{Pair, Side};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

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
/// One: the engine was measured on two cores, and on a machine with many the others would
/// mostly spin.
pub fn on_pool<R: Send>(parallel: bool, f: impl FnOnce() -> R + Send) -> R {
    if !parallel {
        return f();
    }
    let done = AtomicBool::new(false);
    rayon::scope(|scope| {
        let caller = rayon::current_thread_index();
        let done = &done;
        if rayon::current_num_threads() > 1 {
            let caller_wait = QueueWait::of_this_thread();
            scope.spawn(move |_| {
                keep_busy(done, caller, Instant::now, || caller_wait.total());
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

/// A gap this long between two idle looks, which take 1.8 µs, means the helper's core was
/// given to another thread meanwhile. Interrupts and the kernel's own threads take the core
/// for microseconds; this is a hundred times a look.
const PREEMPTED: Duration = Duration::from_micros(200);

/// Idle looks between two readings of how long the caller has waited for a core: a reading
/// takes a few microseconds, 32 looks about 60.
const CALLER_LOOKS: usize = 32;

/// The caller was kept from its core when it waited [`PREEMPTED`] and more than this share
/// of the time since the reading before. Readings are 60 µs apart while the helper idles,
/// but milliseconds apart while it works, and the caller's wake-ups from its own waits for
/// the helper each add a few microseconds of waiting, which over milliseconds add up.
const CALLER_WAIT_SHARE: u32 = 4;

/// Why [`keep_busy`] stopped, which the tests read.
#[derive(Debug, PartialEq, Eq)]
enum Stop {
    /// The comparison is over.
    Done,
    /// It was called on the caller's own thread, where it must not spin.
    OwnThread,
    /// [`IDLE_LOOKS`] looks in a row found nothing.
    Idle,
    /// Another thread took the helper's core (see [`PREEMPTED`]).
    Preempted,
    /// Another thread took the caller's core (see [`CALLER_WAIT_SHARE`]).
    CallerPreempted,
}

/// Look for work until `done`, on a worker other than the `caller`'s. A rayon worker that
/// finds no work for a few dozen rounds goes to sleep, and the next parallel section has to
/// wake it, which on the virtual machine of the README takes 20–25 µs (`perf bench sched
/// pipe`: 47 µs a round trip between two cores). A comparison runs in phases with serial
/// steps between them, so the helper slept and was woken a dozen times a run, and many
/// short sections (the JSON report's, the verbatim copies') finished on the caller alone
/// before it woke. Written here because rayon has no setting for how long its workers spin.
///
/// Only while each of the two threads has a core of its own. A thread that spins spends its
/// share of a core it shares with another program on spinning, so the scheduler runs the
/// other program whenever the helper has work, and the caller waits for what the helper took
/// at the end of every section. And while the helper spins on the one core the other program
/// leaves free, the caller shares its core with that program, since the scheduler moves
/// threads only to a core that is idle. A worker that sleeps is woken promptly, ahead of a
/// program that has been running, so once either thread has waited for its core (`now` is the
/// clock, `caller_wait` the total time the caller has waited for its core, when known), the
/// helper leaves its worker to rayon. With a busy loop on one core, by turns at 100k words a
/// side (60 rounds), the median fell from 20.8 ms to 19.2 ms, about what it is with no helper
/// at all (19.5 ms; README, Performance). On an idle machine the scheduler now and then puts
/// the helper on the caller's core for a while, where its spinning takes the caller's time: it
/// stops there too (a review counted 13 runs of 60 at 100k, with no change in the median).
fn keep_busy(
    done: &AtomicBool,
    caller: Option<usize>,
    mut now: impl FnMut() -> Instant,
    mut caller_wait: impl FnMut() -> Option<Duration>,
) -> Stop {
    // The caller itself may pick this job up while it waits: it must not spin on its own.
    if rayon::current_thread_index() == caller {
        return Stop::OwnThread;
    }
    let mut idle = 0;
    let mut last = now();
    let mut caller_waited = (caller_wait(), last);
    while !done.load(Ordering::Acquire) {
        if rayon::yield_now() == Some(rayon::Yield::Executed) {
            idle = 0;
            last = now();
            continue;
        }
        let at = now();
        if at.duration_since(last) > PREEMPTED {
            return Stop::Preempted;
        }
        last = at;
        idle += 1;
        if idle == IDLE_LOOKS {
            return Stop::Idle;
        }
        if idle % CALLER_LOOKS == 0 {
            let waited = caller_wait();
            if let ((Some(before), since), Some(after)) = (caller_waited, waited) {
                let wait = after.saturating_sub(before);
                if wait > PREEMPTED && wait * CALLER_WAIT_SHARE > at.duration_since(since) {
                    return Stop::CallerPreempted;
                }
            }
            caller_waited = (waited, at);
        }
        for _ in 0..IDLE_SPINS {
            std::hint::spin_loop();
        }
    }
    Stop::Done
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

    /// A clock whose every reading is `step` after the one before.
    fn steady(step: Duration) -> impl FnMut() -> Instant {
        let mut at = Instant::now();
        move || {
            at += step;
            at
        }
    }

    const LOOK: Duration = Duration::from_micros(2);

    /// A caller whose waits for a core cannot be read.
    fn unknown() -> Option<Duration> {
        None
    }

    /// A caller that has waited `waits[k]` in all at its `k`th reading, and as at its last
    /// reading after that.
    fn caller_waits(waits: &[u64]) -> impl FnMut() -> Option<Duration> + '_ {
        let mut readings = 0;
        move || {
            let at = waits[readings.min(waits.len() - 1)];
            readings += 1;
            Some(Duration::from_micros(at))
        }
    }

    #[test]
    fn a_helper_stops_once_the_caller_waited_for_its_core() {
        let never = AtomicBool::new(false);
        let stop = keep_busy(
            &never,
            Some(usize::MAX),
            steady(LOOK),
            caller_waits(&[5, 5, 900]),
        );
        assert_eq!(stop, Stop::CallerPreempted);
    }

    #[test]
    fn short_waits_of_the_caller_do_not_stop_the_helper() {
        let never = AtomicBool::new(false);
        // 150 µs between two readings, 64 µs apart, is short of a wait that stops it.
        let waits: Vec<u64> = (0..IDLE_LOOKS as u64).map(|k| k * 150).collect();
        let stop = keep_busy(&never, Some(usize::MAX), steady(LOOK), caller_waits(&waits));
        assert_eq!(stop, Stop::Idle);
    }

    #[test]
    fn the_caller_never_waits_on_itself_for_helpers() {
        // `done` is never set: on its own thread the helper must not look for work at all.
        let never = AtomicBool::new(false);
        let here = rayon::current_thread_index();
        assert_eq!(
            keep_busy(&never, here, steady(LOOK), unknown),
            Stop::OwnThread
        );
        let on_worker = on_pool(true, || {
            let here = rayon::current_thread_index();
            (here, keep_busy(&never, here, steady(LOOK), unknown))
        });
        assert!(on_worker.0.is_some());
        assert_eq!(on_worker.1, Stop::OwnThread);
    }

    /// A helper that is never told the work is done (a report blocked on a slow reader)
    /// gives up rather than spin on: were it to spin, this would not return.
    #[test]
    fn a_helper_with_nothing_to_do_gives_up() {
        let never = AtomicBool::new(false);
        let other_than_this_thread = Some(usize::MAX);
        assert_eq!(
            keep_busy(&never, other_than_this_thread, steady(LOOK), unknown),
            Stop::Idle
        );
        // And on a worker, where looking for work finds none rather than no pool.
        let mut gave_up = None;
        rayon::scope(|scope| {
            scope.spawn(|_| {
                let stop = keep_busy(&never, other_than_this_thread, steady(LOOK), unknown);
                gave_up = rayon::current_thread_index().map(|_| stop);
            })
        });
        assert_eq!(gave_up, Some(Stop::Idle));
    }

    #[test]
    fn a_helper_whose_core_is_taken_stops_at_once() {
        let never = AtomicBool::new(false);
        let mut looks = 0;
        let mut clock = steady(PREEMPTED + LOOK);
        let stop = keep_busy(
            &never,
            Some(usize::MAX),
            || {
                looks += 1;
                clock()
            },
            unknown,
        );
        assert_eq!(stop, Stop::Preempted);
        // The reading it starts from and the first look's.
        assert_eq!(looks, 2);
    }

    /// Readings far apart, as while the helper works, allow for more waiting in between.
    #[test]
    fn a_caller_wait_spread_over_long_work_does_not_stop_the_helper() {
        let (stop, jobs) = after_jobs_of_a_millisecond(40, &[0, 300, 300]);
        assert_eq!(jobs, 40);
        assert_eq!(stop, Stop::Idle);
        // The same wait right after the reading before does.
        let (stop, _) = after_jobs_of_a_millisecond(40, &[0, 0, 300]);
        assert_eq!(stop, Stop::CallerPreempted);
    }

    /// `keep_busy` on a pool of one worker with `count` jobs queued, each of which the clock
    /// sees take a millisecond, the caller's waits read from `waits` (µs): why it stopped, and
    /// how many jobs ran.
    fn after_jobs_of_a_millisecond(count: usize, waits: &[u64]) -> (Stop, usize) {
        use std::sync::atomic::AtomicUsize;
        let never = AtomicBool::new(false);
        let jobs = AtomicUsize::new(0);
        let jobs_seen = AtomicUsize::new(0);
        let mut at = Instant::now();
        let clock = || {
            let ran = jobs.load(Ordering::Relaxed);
            at += if ran == jobs_seen.swap(ran, Ordering::Relaxed) {
                LOOK
            } else {
                Duration::from_millis(1)
            };
            at
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let stop = pool.scope(|scope| {
            for _ in 0..count {
                scope.spawn(|_| {
                    jobs.fetch_add(1, Ordering::Relaxed);
                });
            }
            keep_busy(&never, Some(usize::MAX), clock, caller_waits(waits))
        });
        (stop, jobs.load(Ordering::Relaxed))
    }

    /// Time spent on work the helper took is not time the core was taken from it.
    #[test]
    fn a_long_job_is_not_taken_for_preemption() {
        let (stop, jobs) = after_jobs_of_a_millisecond(3, &[0]);
        assert_eq!(jobs, 3);
        assert_eq!(stop, Stop::Idle);
    }

    #[test]
    fn a_panic_on_the_pool_reaches_the_caller() {
        let caught = std::panic::catch_unwind(|| on_pool(true, || panic!("on a worker")));
        assert!(caught.is_err());
    }
}
