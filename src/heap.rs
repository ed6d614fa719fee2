//! How glibc's allocator serves the `parallax` command. A comparison runs in phases that each
//! build large tables and free them; on long articles the kernel's work of handing out and
//! clearing fresh pages was an eighth of the processor time (`perf record`: samples under page
//! faults, 0.88M words a side).

use std::ffi::{c_int, c_void};

/// The size and alignment of the heaps glibc gives each thread's arena on 64-bit targets
/// (`HEAP_MAX_SIZE`, twice the largest mmap threshold): a block a thread allocates lies in the
/// heap that starts at its address rounded down to this.
const THREAD_HEAP: usize = 64 << 20;

/// Keep freed memory in the process for the next allocation instead of giving it back to the
/// system. Each phase of a comparison frees large tables that the next phase could reuse, but
/// glibc gives blocks over 128 KiB back at once (and trims the heap), so the next phase
/// faulted in fresh pages, which the kernel must clear: about 1.7 µs a page on the machine of
/// the README, and one comparison of 0.88M-word articles touched 10,500 pages. With these
/// limits it touches 8,800 (1,340 → 1,120 at 100k words), measured with `perf stat -e
/// page-faults`, and takes 4% less processor time. The price is memory: freed blocks stay
/// mapped and large blocks share the heap, so peak memory at 0.88M words rises from 34 to
/// 41 MiB (`/usr/bin/time`), far below the 1 GiB the engine is allowed.
pub fn keep_freed_memory() {
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

/// Input (both files together) from which [`huge_pages_for_workers`] pays. Measured by
/// turns, 40–60 rounds: at 0.88M words a side (10 MB) the median fell by 9%, at 300k words
/// (3.2 MB) by 6%, and at 100k words (1.2 MB) it rose by 4%, as a comparison that size
/// leaves much of each 2 MiB page it clears unused.
pub const HUGE_PAGES_FROM_BYTES: u64 = 2 << 20;

/// Whether a comparison of inputs this large (both together) is faster with huge pages.
pub fn huge_pages_pay(bytes: u64) -> bool {
    bytes >= HUGE_PAGES_FROM_BYTES
}

/// Let rayon's workers, which do the work of a long comparison, have their memory in 2 MiB
/// pages (transparent huge pages): one fault and one clear per 2 MiB instead of 512. At
/// 0.88M words a side page faults fell from 7,970 to 1,280 and processor time by 7–11%
/// (README, Performance); peak memory rose from 38 to 42 MiB. Shorter comparisons are better
/// off without (see [`HUGE_PAGES_FROM_BYTES`]).
///
/// Each worker's arena is made whole at once (`M_TOP_PAD`, set before the pool starts its
/// threads), since the kernel backs a range by a huge page only when all 2 MiB of it are
/// mapped alike, and then marked for huge pages. Without transparent huge pages in the kernel,
/// or in a process where glibc lays its heaps out otherwise, this changes nothing: the advice
/// says how memory is backed, never what it holds.
pub fn huge_pages_for_workers() {
    // SAFETY: mallopt only changes an allocator limit; other threads may allocate meanwhile,
    // which glibc allows (it takes the arena's lock).
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, THREAD_HEAP as c_int);
    }
    rayon::broadcast(|_| advise_own_heap());
}

/// A block this large comes from the calling thread's own arena: smaller ones may come from its
/// cache of freed blocks (tcache, up to 1,032 bytes), which holds blocks other threads allocated.
const OWN_ARENA_BLOCK: usize = 4096;

/// Advise huge pages for the heap of the calling thread's arena.
fn advise_own_heap() {
    // SAFETY: the block is freed straight after its address is taken. madvise with
    // MADV_HUGEPAGE changes how the pages of the range are backed, not their contents or
    // protection; a range with unmapped parts is refused for those parts only (ENOMEM),
    // which is ignored like any other refusal: it only leaves the memory as it was.
    unsafe {
        let block = libc::malloc(OWN_ARENA_BLOCK);
        if block.is_null() {
            return;
        }
        let heap = block as usize & !(THREAD_HEAP - 1);
        libc::free(block);
        libc::madvise(heap as *mut c_void, THREAD_HEAP, libc::MADV_HUGEPAGE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `VmFlags` line of the mapping of this process that holds `address`.
    fn flags_at(address: usize) -> String {
        let smaps = std::fs::read_to_string("/proc/self/smaps").expect("Linux has smaps");
        let mut inside = false;
        for line in smaps.lines() {
            if let Some((range, _)) = line.split_once(' ')
                && let Some((start, end)) = range.split_once('-')
                && let (Ok(start), Ok(end)) = (
                    usize::from_str_radix(start, 16),
                    usize::from_str_radix(end, 16),
                )
            {
                inside = (start..end).contains(&address);
            } else if inside && let Some(flags) = line.strip_prefix("VmFlags:") {
                return flags.trim().to_owned();
            }
        }
        panic!("no mapping holds {address:#x}");
    }

    #[test]
    fn workers_allocate_in_memory_marked_for_huge_pages() {
        if !std::path::Path::new("/sys/kernel/mm/transparent_hugepage/enabled").exists() {
            eprintln!("this kernel has no transparent huge pages: nothing to check");
            return;
        }
        huge_pages_for_workers();
        // Blocks that glibc takes from the worker's own arena, neither mapped apart nor cached.
        let blocks = rayon::broadcast(|_| vec![1u8; OWN_ARENA_BLOCK]);
        for block in &blocks {
            let flags = flags_at(block.as_ptr() as usize);
            assert!(flags.split(' ').any(|f| f == "hg"), "flags {flags}");
        }
        // The test thread itself allocates in an arena nobody advised.
        let own = vec![1u8; OWN_ARENA_BLOCK];
        let flags = flags_at(own.as_ptr() as usize);
        assert!(!flags.split(' ').any(|f| f == "hg"), "flags {flags}");
    }
}
