//! Saving and loading notes: round trips, edits, deletes, and saves that cannot happen.

mod notes_support;

use notes_support::*;
use parallax::notes::{NotesError, NotesFile, NotesStore, Placement, SCHEMA, Timestamp};
use parallax::paths::Paths;
use std::fs;

const AWKWARD_TEXT: &str = "Gazette says \"rust through two plates\";\nPost says 'corroded faster'.\n\
    Tabs\there, a triple quote \"\"\" and ''' and a backslash \\ — and non-ASCII: café, 橋.";

#[test]
fn notes_round_trip_through_save_and_load() {
    let (_dir, paths) = temp_paths();
    let gazette = article("gazette.txt", GAZETTE);
    let post = article("post.txt", POST);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let a = store
        .add(
            &gazette,
            passage_with(&gazette, "Hana Oduya"),
            AWKWARD_TEXT,
            t(1),
        )
        .unwrap();
    let b = store
        .add(
            &post,
            passage_with(&post, "Cyclists"),
            "only the Post has this",
            t(2),
        )
        .unwrap();
    let c = store
        .add(
            &gazette,
            passage_with(&gazette, "Buses on the number 12"),
            "",
            t(3),
        )
        .unwrap();
    assert_ne!(a, b);
    assert_ne!(b, c);

    let reopened = NotesStore::open(&paths, t(4)).unwrap();
    assert_eq!(reopened.file(), store.file());
    let gazette_notes = reopened.notes_for(&gazette);
    assert_eq!(gazette_notes.len(), 2);
    let first = gazette_notes.iter().find(|n| n.note.id == a).unwrap();
    assert_eq!(first.note.text, AWKWARD_TEXT);
    assert_eq!(first.note.created, Timestamp::from(t(1)));
    assert_eq!(first.note.edited, Timestamp::from(t(1)));
    assert_eq!(
        first.placement.passage(),
        Some(passage_with(&gazette, "Hana Oduya"))
    );
    let post_notes = reopened.notes_for(&post);
    assert_eq!(
        post_notes.iter().map(|n| n.note.id).collect::<Vec<_>>(),
        [b]
    );

    // The file is plain TOML a person can read: schema first, the note text as written.
    let text = fs::read_to_string(NotesStore::file_path(&paths)).unwrap();
    assert!(text.starts_with(&format!("schema = {SCHEMA}")), "{text}");
    assert!(text.contains("only the Post has this"));
    assert!(text.contains("[[article.note]]"));
    let parsed: NotesFile = toml::from_str(&text).unwrap();
    assert_eq!(parsed.notes().count(), 3);
}

#[test]
fn a_hand_edited_note_is_read_back() {
    let (_dir, paths) = temp_paths();
    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    store.add(&gazette, 1, "tpyo in my note", t(1)).unwrap();
    let file = NotesStore::file_path(&paths);
    let edited = fs::read_to_string(&file).unwrap().replace("tpyo", "typo");
    fs::write(&file, edited).unwrap();
    store.reload(t(2)).unwrap();
    assert_eq!(store.notes_for(&gazette)[0].note.text, "typo in my note");
    assert!(store.take_recoveries().is_empty());
}

#[test]
fn edits_keep_the_creation_time_and_deletes_remove_the_note() {
    let (_dir, paths) = temp_paths();
    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let keep = store.add(&gazette, 1, "first draft", t(1)).unwrap();
    let drop = store.add(&gazette, 2, "to delete", t(2)).unwrap();
    assert_eq!(store.edit(keep, "second draft", t(5)).unwrap(), keep);
    assert!(store.delete(drop, t(6)).unwrap());

    let reopened = NotesStore::open(&paths, t(7)).unwrap();
    let notes = reopened.notes_for(&gazette);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].note.text, "second draft");
    assert_eq!(notes[0].note.created, Timestamp::from(t(1)));
    assert_eq!(notes[0].note.edited, Timestamp::from(t(5)));
    assert!(
        matches!(store.edit(drop, "gone", t(8)), Err(NotesError::NoSuchNote(id)) if id == drop)
    );
}

#[test]
fn a_save_that_cannot_be_written_says_so_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // The config directory cannot be created: a file stands where its parent should be.
    // (Permissions would not stop root, who runs CI here; this fails for everyone.)
    fs::write(dir.path().join("blocked"), "not a directory").unwrap();
    let paths = Paths::under(dir.path().join("blocked"));
    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let error = store.add(&gazette, 1, "unsaved words", t(1)).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("cannot save notes"), "{message}");
    assert!(
        message.contains(&NotesStore::file_path(&paths).display().to_string()),
        "{message}"
    );
    assert!(message.contains("not saved"), "{message}");
    assert_eq!(store.file().notes().count(), 0);
    assert!(store.notes_for(&gazette).is_empty());
}

#[test]
fn a_file_from_a_newer_parallax_is_left_untouched() {
    let (_dir, paths) = temp_paths();
    fs::create_dir_all(&paths.config_dir).unwrap();
    let file = NotesStore::file_path(&paths);
    let future = format!("schema = {}\nnext_id = 4\nwhatever = \"new\"\n", SCHEMA + 1);
    fs::write(&file, &future).unwrap();
    let error = NotesStore::open(&paths, t(0)).err().expect("refused");
    assert!(matches!(error, NotesError::NewerSchema { found, .. } if found == SCHEMA + 1));
    assert_eq!(fs::read_to_string(&file).unwrap(), future);
}

#[test]
fn a_note_on_a_passage_that_does_not_exist_is_refused() {
    let (_dir, paths) = temp_paths();
    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let count = gazette.passages.len();
    assert!(matches!(
        store.add(&gazette, count, "x", t(1)),
        Err(NotesError::NoSuchPassage { passage, .. }) if passage == count
    ));
    assert!(!NotesStore::file_path(&paths).exists());
}

#[test]
fn near_identical_copies_side_by_side_keep_their_own_notes() {
    let (_dir, paths) = temp_paths();
    let wire = article("wire-a.txt", GAZETTE);
    let copy = article(
        "wire-b.txt",
        &GAZETTE.replace("on Tuesday", "on Tuesday morning"),
    );
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let buses = passage_with(&wire, "Buses");
    let on_wire = store
        .add_beside(&wire, Some(&copy), buses, "left copy", t(1))
        .unwrap();
    let on_copy = store
        .add_beside(&copy, Some(&wire), buses, "right copy", t(2))
        .unwrap();
    let pair = store.notes_for_pair(parallax::side::Pair::new(&wire, &copy));
    assert_eq!(
        pair.left.iter().map(|n| n.note.id).collect::<Vec<_>>(),
        [on_wire]
    );
    assert_eq!(
        pair.right.iter().map(|n| n.note.id).collect::<Vec<_>>(),
        [on_copy]
    );
    assert!(pair.right.iter().all(|n| n.placement != Placement::Orphan));
}
