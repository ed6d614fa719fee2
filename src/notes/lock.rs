//! One writer at a time: an advisory lock on a file beside the notes.
//!
//! An OS lock (flock on Unix) rather than a create-new marker file, because the kernel releases
//! it when the holder dies; a marker left by a `kill -9` would block every later save.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

pub struct LockGuard {
    file: File,
}

impl LockGuard {
    /// Wait until no other process or thread holds the lock, then hold it until dropped.
    pub fn acquire(path: &Path) -> io::Result<LockGuard> {
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(path)?;
        file.lock()?;
        Ok(LockGuard { file })
    }
}

impl Drop for LockGuard {
    fn drop(&mut self) {
        // Closing the file releases the lock too; unlocking first just does it sooner.
        let _ = self.file.unlock();
    }
}
