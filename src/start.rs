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
//! It also tells glibc's allocator to keep the memory parallax frees (see [`keep_freed_memory`]).

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
    keep_freed_memory();
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

/// Keep freed memory in the process for the next allocation instead of giving it back to the
/// system. Each phase of a comparison frees large tables that the next phase could reuse, but
/// glibc gives blocks over 128 KiB back at once (and trims the heap), so the next phase
/// faulted in fresh pages, which the kernel must clear: about 1.7 µs a page on the machine of
/// the README, and one comparison of 0.88M-word articles touched 10,500 pages. With these
/// limits it touches 8,800 (1,340 → 1,120 at 100k words), measured with `perf stat -e
/// page-faults`, and takes 4% less processor time. The price is memory: freed blocks stay
/// mapped and large blocks share the heap, so peak memory at 0.88M words rises from 34 to
/// 41 MiB (`/usr/bin/time`), far below the 1 GiB the engine is allowed.
fn keep_freed_memory() {
    // glibc's largest mmap threshold (32 MiB on 64-bit): only larger blocks get their own
    // mapping. Trimming the top of the heap waits until 256 MiB of it is free.
    const MMAP_THRESHOLD: c_int = 32 << 20;
    const TRIM_THRESHOLD: c_int = 256 << 20;
    // SAFETY: mallopt only changes allocator limits; it is called before any other thread
    // exists. A refused setting (a return of 0) leaves the default, which is only slower.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}
