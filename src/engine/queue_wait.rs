//! How long a thread has waited for a core while ready to run: the sign that another program
//! shares its core. Linux keeps the figure per thread (`/proc/<pid>/task/<tid>/schedstat`,
//! its second field, in nanoseconds); elsewhere it is unknown.
//!
//! Written by hand because no crate reads it: the process-statistics crates read whole
//! processes, or the thread's `stat` file, whose wait figures are in clock ticks (4 ms here),
//! far coarser than the waits that matter.

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
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            let mut buf = [0u8; 96];
            let n = self.file.as_ref()?.read_at(&mut buf, 0).ok()?;
            parse_schedstat(&buf[..n])
        }
        #[cfg(not(unix))]
        None
    }
}

/// The wait in a `schedstat` line: "run-time wait-time timeslices", times in nanoseconds.
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

    #[cfg(target_os = "linux")]
    #[test]
    fn the_probe_reads_the_thread_that_made_it() {
        let here = QueueWait::of_this_thread();
        assert!(here.total().is_some());
        // Made on a thread that has ended: were the file to follow whoever reads it, this
        // thread's figure would come back.
        let gone = std::thread::spawn(QueueWait::of_this_thread)
            .join()
            .unwrap();
        assert!(gone.file.is_some());
        assert_eq!(gone.total(), None);
    }
}
