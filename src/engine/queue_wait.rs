//! How long a thread has waited for a core while ready to run: the sign that another program
//! shares its core. Linux keeps the figure per thread (`/proc/<pid>/task/<tid>/schedstat`,
//! its second field, in nanoseconds); elsewhere it is unknown.
//!
//! Written by hand: the `procfs` crate reads this file too (`Schedstat::run_delay`), but
//! opens it by path at every reading, and here it is read every 60 µs or so while a helper
//! thread idles, from another thread than the one it describes. So the file is opened once,
//! by that thread, and read with `pread`; parsing it is one line.

use std::fs::File;
use std::time::Duration;

/// The total wait of the thread that made it.
pub struct QueueWait {
    file: Option<File>,
}

impl QueueWait {
    /// For the calling thread, read from any thread: `/proc/thread-self` names the thread that
    /// opens it, and the open file stays with that thread.
    pub fn of_this_thread() -> QueueWait {
        #[cfg(target_os = "linux")]
        let file = File::open("/proc/thread-self/schedstat").ok();
        #[cfg(not(target_os = "linux"))]
        let file = None;
        QueueWait { file }
    }

    /// The thread's wait so far, or `None` when it cannot be read. Linux adds a wait to the
    /// total when the thread gets a core back, so the figure lags a wait still going on.
    pub fn total(&self) -> Option<Duration> {
        read_total(self.file.as_ref()?)
    }
}

#[cfg(unix)]
fn read_total(file: &File) -> Option<Duration> {
    use std::os::unix::fs::FileExt;
    let mut buf = [0u8; 96];
    let n = file.read_at(&mut buf, 0).ok()?;
    parse_schedstat(&buf[..n])
}

#[cfg(not(unix))]
fn read_total(_: &File) -> Option<Duration> {
    None
}

/// The wait in a `schedstat` line: "run-time wait-time timeslices", times in nanoseconds.
#[cfg_attr(not(unix), allow(dead_code))]
fn parse_schedstat(line: &[u8]) -> Option<Duration> {
    let line = std::str::from_utf8(line).ok()?;
    let nanos = line.split_ascii_whitespace().nth(1)?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_is_the_second_figure() {
        assert_eq!(
            parse_schedstat(b"1843313 7250 12\n"),
            Some(Duration::from_nanos(7250))
        );
    }

    #[test]
    fn a_line_of_another_shape_is_unknown() {
        assert_eq!(parse_schedstat(b""), None);
        assert_eq!(parse_schedstat(b"1843313\n"), None);
        assert_eq!(parse_schedstat(b"1843313 -4 12\n"), None);
        assert_eq!(parse_schedstat(b"\xff\xfe 1 2"), None);
    }

    /// Needs `/proc`, as the comparison does on Linux to read the figure at all.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_probe_reads_the_thread_that_made_it() {
        use std::os::fd::AsRawFd;
        use std::sync::mpsc::channel;
        let (made, probe) = channel();
        let (checked, done) = channel::<()>();
        let thread = std::thread::spawn(move || {
            // SAFETY: gettid has no preconditions.
            made.send((QueueWait::of_this_thread(), unsafe { libc::gettid() }))
                .unwrap();
            // Alive until the other thread has looked.
            done.recv().ok();
        });
        let (probe, tid) = probe.recv().unwrap();
        // Read here, on another thread, the open file is still that thread's.
        let fd = probe.file.as_ref().expect("/proc is mounted").as_raw_fd();
        let path = std::fs::read_link(format!("/proc/self/fd/{fd}")).unwrap();
        assert!(
            path.ends_with(format!("task/{tid}/schedstat")),
            "{}",
            path.display()
        );
        assert!(probe.total().is_some());
        checked.send(()).unwrap();
        thread.join().unwrap();
    }
}
