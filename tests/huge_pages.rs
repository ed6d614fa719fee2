//! Huge pages for the workers of a long comparison (`parallax::heap`), checked in a process of
//! their own: the rule is about where glibc puts a fresh arena's blocks, and in the library's
//! test binary other tests have used the workers' arenas before.
#![cfg(all(target_os = "linux", target_env = "gnu"))]

use parallax::heap::{
    HUGE_PAGE, OWN_ARENA_BLOCK, THREAD_HEAP, huge_pages_for_workers, keep_freed_memory,
};

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
fn workers_allocate_past_their_first_huge_page_in_memory_marked_for_huge_pages() {
    if !std::path::Path::new("/sys/kernel/mm/transparent_hugepage/enabled").exists() {
        eprintln!("this kernel has no transparent huge pages: nothing to check");
        return;
    }
    // The rule is about arenas of their own, which glibc gives each new thread unless told
    // to share them.
    if ["MALLOC_ARENA_MAX", "GLIBC_TUNABLES"]
        .iter()
        .any(|v| std::env::var_os(v).is_some())
    {
        eprintln!("glibc's arenas are configured here: nothing to check");
        return;
    }
    // As `parallax` starts: without it, glibc maps a block as large as the one set aside on
    // its own, outside the heap.
    keep_freed_memory();
    // Two workers of a pool of their own, whatever RAYON_NUM_THREADS says.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("two threads");
    let blocks = pool.install(|| {
        huge_pages_for_workers();
        // Blocks that glibc takes from the worker's own arena, neither mapped apart nor
        // cached.
        rayon::broadcast(|_| vec![1u8; OWN_ARENA_BLOCK])
    });
    assert_eq!(blocks.len(), 2);
    for block in &blocks {
        let flags = flags_at(block.as_ptr() as usize);
        assert!(flags.split(' ').any(|f| f == "hg"), "flags {flags}");
        // The heap's first 2 MiB already holds small pages, so nothing new goes there.
        let into_heap = block.as_ptr() as usize & (THREAD_HEAP - 1);
        assert!(into_heap >= HUGE_PAGE, "block {into_heap:#x} into its heap");
    }
    // The test thread itself allocates in an arena nobody advised.
    let own = vec![1u8; OWN_ARENA_BLOCK];
    let flags = flags_at(own.as_ptr() as usize);
    assert!(!flags.split(' ').any(|f| f == "hg"), "flags {flags}");
}
