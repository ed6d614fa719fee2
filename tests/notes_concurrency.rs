//! Two readers open at once, each saving: nothing either saves is lost.

mod notes_support;

use notes_support::*;
use parallax::notes::NotesStore;
use std::collections::BTreeSet;
use std::sync::{Arc, Barrier};
use std::thread;

const PER_WRITER: usize = 40;

#[test]
fn two_writers_at_once_lose_nothing() {
    let (_dir, paths) = temp_paths();
    let barrier = Arc::new(Barrier::new(2));
    let writers: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|who| {
            let paths = paths.clone();
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || {
                let gazette = article("gazette.txt", GAZETTE);
                // Each writer opens before either has saved, so neither has seen the other's notes.
                let mut store = NotesStore::open(&paths, t(0)).unwrap();
                barrier.wait();
                (0..PER_WRITER)
                    .map(|i| {
                        let passage = i % gazette.passages.len();
                        store
                            .add(&gazette, passage, &format!("{who} {i}"), t(i as u64))
                            .unwrap()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: Vec<u64> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();

    let store = NotesStore::open(&paths, t(100)).unwrap();
    let texts: BTreeSet<String> = store.file().notes().map(|(_, n)| n.text.clone()).collect();
    let expected: BTreeSet<String> = ["left", "right"]
        .iter()
        .flat_map(|who| (0..PER_WRITER).map(move |i| format!("{who} {i}")))
        .collect();
    assert_eq!(texts, expected);
    let unique: BTreeSet<u64> = ids.iter().copied().collect();
    assert_eq!(unique.len(), 2 * PER_WRITER, "ids are never shared");
    assert_eq!(
        store.file().articles.len(),
        1,
        "both writers recognised the same article"
    );
}

#[test]
fn a_reader_that_never_reloaded_merges_instead_of_overwriting() {
    let (_dir, paths) = temp_paths();
    let gazette = article("gazette.txt", GAZETTE);
    let mut first = NotesStore::open(&paths, t(0)).unwrap();
    let mut second = NotesStore::open(&paths, t(0)).unwrap();
    let a = first
        .add(&gazette, 1, "from the first window", t(1))
        .unwrap();
    let b = second
        .add(&gazette, 2, "from the second window", t(2))
        .unwrap();
    // `second` learnt of `a` while saving.
    assert!(second.file().find(a).is_some());
    // Deleting in `first`, which has not seen `b`, removes only its own note.
    first.delete(a, t(3)).unwrap();
    let on_disk = NotesStore::open(&paths, t(4)).unwrap();
    let texts: Vec<&str> = on_disk
        .file()
        .notes()
        .map(|(_, n)| n.text.as_str())
        .collect();
    assert_eq!(texts, ["from the second window"]);
    assert!(on_disk.file().find(b).is_some());
}

#[test]
fn edits_of_the_same_note_in_two_windows_keep_both_versions() {
    let (_dir, paths) = temp_paths();
    let gazette = article("gazette.txt", GAZETTE);
    let mut first = NotesStore::open(&paths, t(0)).unwrap();
    let id = first.add(&gazette, 1, "original", t(1)).unwrap();
    let mut second = NotesStore::open(&paths, t(2)).unwrap();

    assert_eq!(first.edit(id, "first's edit", t(3)).unwrap(), id);
    let copy = second.edit(id, "second's edit", t(4)).unwrap();
    assert_ne!(copy, id, "the later edit is saved beside, not over");
    // A delete of a version someone else has since edited keeps the note.
    let mut third = NotesStore::open(&paths, t(5)).unwrap();
    first.edit(id, "first's second edit", t(6)).unwrap();
    assert!(!third.delete(id, t(7)).unwrap());

    let store = NotesStore::open(&paths, t(8)).unwrap();
    let texts: BTreeSet<&str> = store.file().notes().map(|(_, n)| n.text.as_str()).collect();
    assert_eq!(
        texts,
        BTreeSet::from(["first's second edit", "second's edit"])
    );
    let placed = store.notes_for(&gazette);
    assert!(placed.iter().all(|p| p.placement.passage() == Some(1)));
}
