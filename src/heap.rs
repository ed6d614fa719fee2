//! How glibc's allocator serves the `parallax` command. A comparison runs in phases that each
//! build large tables and free them; on long articles the kernel's work of handing out and
//! clearing fresh pages was an eighth of the processor time (`perf record`: samples under page
//! faults, 0.88M words a side).

use std::ffi::{c_int, c_void};

/// The size and alignment of the heaps glibc gives each thread's arena on 64-bit targets
/// (`HEAP_MAX_SIZE`, twice the largest mmap threshold): a block a thread allocates lies in the
/// heap that starts at its address rounded down to this.
pub const THREAD_HEAP: usize = 64 << 20;

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

/// Let rayon's workers, which do the work of a long comparison, have their memory in 2 MiB
/// pages (transparent huge pages): one fault and one clear per 2 MiB instead of 512. At
/// 0.88M words a side page faults fell from 7,970 to 1,280 and processor time by 7–11%
/// (README, Performance); peak memory rose from 38 to 42 MiB. At 100k words a side, once each
/// heap's first 2 MiB is set aside (see [`advise_own_heap`]), page faults fell from 1,170 to
/// 250 and the median time by 8% (60 rounds by turns); at 25k words (268 KB of input, just
/// over what is compared on both cores), the median by 5% while the slowest tenth rose from
/// 6.5 to 9.7 ms (150 rounds): a huge page is sometimes slow to come on the README's machine.
/// Each worker clears one huge page as the pool starts (see [`advise_own_heap`]), so on a
/// machine with many cores even a short comparison takes 2 MiB of memory a worker.
///
/// Each worker's arena is made whole at once (`M_TOP_PAD`, set before the pool starts its
/// threads), since the kernel backs a range by a huge page only when all 2 MiB of it are
/// mapped alike, and then marked for huge pages. Without transparent huge pages in the kernel,
/// the advice is refused and the only change is the block each worker sets aside, which
/// holds address space, not memory.
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
pub const OWN_ARENA_BLOCK: usize = 4096;

/// The size of a transparent huge page on x86-64 (and of the PMD-mapped pages elsewhere).
pub const HUGE_PAGE: usize = 2 << 20;

/// Advise huge pages for the heap of the calling thread's arena, and set the rest of its first
/// huge page aside.
///
/// The kernel backs a 2 MiB range by a huge page only on the first touch of a range that has
/// no small pages yet; glibc wrote the heap's header and the arena's own state into the first
/// 2 MiB as it made the arena, before the advice, so everything allocated there would still be
/// faulted in 4 KiB at a time: the 1,170 page faults of a 100k-word comparison came down to
/// 1,080 only, and its time rose. A block that is never freed fills the rest of that range,
/// so the worker's allocations start at the next huge page. The block itself is never touched
/// (glibc writes only the sizes at either end of it), so it holds address space, not memory;
/// but the size glibc writes after it, at the start of the top of the heap, clears the next
/// huge page at once, whether or not the worker then has work. Ending the block a small page
/// short, so that only a worker that allocates clears one, was slower: 100k words a side
/// 9.32 -> 9.77 ms and 25k 4.19 -> 4.60 ms (medians, 80 and 100 rounds by turns), with as
/// many huge pages (likely as a huge page cleared mid-comparison also clears the worker's
/// caches; not measured).
fn advise_own_heap() {
    // SAFETY: the probe block is freed straight after its address is taken. madvise with
    // MADV_HUGEPAGE changes how the pages of the range are backed, not their contents or
    // protection; a range with unmapped parts is refused for those parts only (ENOMEM),
    // which is ignored like any other refusal: it only leaves the memory as it was. The
    // filler is an ordinary allocation that is never freed or read.
    unsafe {
        let block = libc::malloc(OWN_ARENA_BLOCK);
        if block.is_null() {
            return;
        }
        let heap = block as usize & !(THREAD_HEAP - 1);
        libc::free(block);
        libc::madvise(heap as *mut c_void, THREAD_HEAP, libc::MADV_HUGEPAGE);
        // The freed probe went back to the top of the heap, where glibc carves the next
        // block: one that ends at the huge page boundary. Should glibc place it elsewhere (a
        // heap shared by more threads than glibc has arenas), it is an ordinary block of at
        // most 2 MiB that is never touched.
        let boundary = (block as usize + HUGE_PAGE) & !(HUGE_PAGE - 1);
        let set_aside = libc::malloc(boundary - block as usize);
        // An allocation nothing reads may be optimised away, and this one was.
        std::hint::black_box(set_aside);
    }
}
