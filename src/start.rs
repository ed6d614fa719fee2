//! Where the process starts, in place of Rust's runtime start-up.
//!
//! Before `main`, Rust's runtime places a guard against the main thread overflowing its
//! stack, and to find the stack glibc reads and parses `/proc/self/maps`: 118,000
//! instructions, a seventh of comparing two one-line articles and 4% of the seed pair
//! (callgrind), on top of the kernel writing that file out. `compare` is measured against
//! `git diff` and runs in a couple of milliseconds, so parallax starts here instead and does
//! itself what of that start-up it relies on: SIGPIPE ignored, so that a reader closing the
//! pipe is an error the report writer handles; closed standard descriptors reopened on
//! `/dev/null`, so that no file opened later takes their place; a panic ending the process
//! with status 101 once its message is printed; standard output flushed at the end. Given up:
//! the "has overflowed its stack" message (an overflow still ends the process, by SIGSEGV,
//! status 139 instead of 134), and the name "main" in a panic's message (`<unnamed>`).
//! The arguments need nothing: on glibc the standard library collects them itself, which is
//! why `main.rs` starts here only on Linux with glibc.
//!
//! It also tells glibc's allocator to keep the memory parallax frees
//! (see [`parallax::heap::keep_freed_memory`]).

use std::ffi::{c_char, c_int};
use std::io::Write;

/// Exit status of a process that panicked, as Rust's runtime gives it.
const PANICKED: u8 = 101;

#[unsafe(no_mangle)]
extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    // SAFETY: the process has one thread yet, so nothing races on the signal disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    reopen_closed_standard_descriptors();
    parallax::heap::keep_freed_memory();
    let status = std::panic::catch_unwind(crate::run).unwrap_or(PANICKED);
    // Output written through `print!` waits in the standard library's buffer until flushed.
    let _ = std::io::stdout().flush();
    c_int::from(status)
}

fn reopen_closed_standard_descriptors() {
    for fd in 0..=2 {
        // SAFETY: fcntl(F_GETFD) only asks about the descriptor; open returns the lowest free
        // descriptor, which is this one, as the ones below it are open by now. If it cannot,
        // a file opened later could become standard output, so the process stops, as Rust's
        // own start-up does.
        unsafe {
            if libc::fcntl(fd, libc::F_GETFD) == -1
                && libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) == -1
            {
                libc::abort();
            }
        }
    }
}
