//! `kill -9` in the middle of saving never leaves a broken notes file, and never loses a note
//! whose save had returned.
//!
//! The test binary re-runs itself as the child: with `SAVE_LOOP_DIR` set, this same test saves
//! notes in a loop and reports each completed save on stdout. The parent kills it with SIGKILL
//! after a different number of saves each round: in odd rounds as soon as it has read the
//! report, in even rounds the moment it sees the notes file change on disk, which is when a
//! non-atomic save would have it half written.

mod notes_support;

use notes_support::*;
use parallax::notes::{NotesFile, NotesStore};
use parallax::paths::Paths;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

const CHILD_ENV: &str = "PARALLAX_NOTES_SAVE_LOOP_DIR";
const TEST_NAME: &str = "kill_9_during_a_save_loop_never_leaves_a_broken_file";

#[test]
fn kill_9_during_a_save_loop_never_leaves_a_broken_file() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        save_forever(Path::new(&dir));
    }
    let (_dir, paths) = temp_paths();
    let file = NotesStore::file_path(&paths);
    let mut confirmed = 0;
    for round in 1..=10 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([TEST_NAME, "--exact", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, paths.config_dir.parent().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut saved_this_round = 0;
        while saved_this_round < round {
            let line = lines.next().expect("child ended early").unwrap();
            if line.starts_with("saved ") {
                saved_this_round += 1;
            }
        }
        if round % 2 == 0 {
            // Wait for the next save to touch the file; no sleeping, just polling.
            let before = fingerprint(&file);
            while fingerprint(&file) == before {
                assert!(child.try_wait().unwrap().is_none(), "child ended early");
                std::thread::yield_now();
            }
        }
        // SIGKILL lands wherever the next save has got to.
        child.kill().unwrap();
        child.wait().unwrap();
        confirmed += saved_this_round;

        let text = std::fs::read_to_string(&file).unwrap();
        let parsed: NotesFile = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("round {round}: broken notes file: {e}\n{text}"));
        let on_disk = parsed.notes().count();
        assert!(
            on_disk >= confirmed,
            "round {round}: {on_disk} notes on disk, {confirmed} confirmed"
        );
        let mut store = NotesStore::open(&paths, t(1000)).unwrap();
        assert!(
            store.take_recoveries().is_empty(),
            "round {round}: no recovery needed"
        );
    }
}

/// What changes when the file is rewritten in any way: replaced, truncated or grown.
fn fingerprint(file: &Path) -> Option<(u64, std::time::SystemTime, u64)> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(file).ok()?;
    Some((meta.len(), meta.modified().ok()?, meta.ino()))
}

fn save_forever(root: &Path) -> ! {
    let paths = Paths::under(root);
    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    // Long notes make each write take long enough for the kill to land inside it.
    let filler = "a long reading note that keeps the file large enough to take a while to write. "
        .repeat(40);
    for n in 0u64.. {
        let passage = (n as usize) % gazette.passages.len();
        store
            .add(&gazette, passage, &format!("note {n}: {filler}"), t(n))
            .unwrap();
        println!("saved {n}");
    }
    unreachable!("the loop is endless")
}
