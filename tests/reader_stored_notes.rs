//! The reader on the real notes store: notes typed in the reader are in the file and come back
//! when the pair is opened again; damaged, newer and unwritable files are told plainly and
//! never cost typed text.

mod reader_support;

use parallax::notes::NotesStore;
use parallax::paths::Paths;
use parallax::side::Side::Left;
use parallax::tui::fixture::sample;
use parallax::tui::linked_notes::NoteMark;
use parallax::tui::stored_notes::{OpenedNotes, open};
use parallax::tui::{Action, App, Mode, Setup};
use reader_support::press;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn clock() -> Box<dyn Fn() -> SystemTime> {
    Box::new(|| UNIX_EPOCH + Duration::from_secs(1_700_000_000))
}

fn opened(paths: &Paths) -> OpenedNotes {
    open(Some(paths), sample().articles, clock())
}

fn reader(notes: OpenedNotes) -> App {
    let mut app = App::new(
        sample(),
        Setup {
            notes: notes.sink,
            ..Setup::default()
        },
    );
    app.update(Action::Resize(100, 30));
    app
}

fn stored_texts(paths: &Paths) -> Vec<String> {
    let store = NotesStore::open(paths, clock()()).unwrap();
    store.file().notes().map(|(_, n)| n.text.clone()).collect()
}

#[test]
fn notes_typed_in_the_reader_are_saved_and_come_back() {
    let root = tempfile::tempdir().unwrap();
    let paths = Paths::under(root.path());
    let notes = opened(&paths);
    assert!(
        notes.stored && notes.notices.is_empty(),
        "{:?}",
        notes.notices
    );
    let mut app = reader(notes);
    let passage = app.cursor(Left);
    press(&mut app, "aall hands<Enter>at dawn<C-s>");
    assert_eq!(
        stored_texts(&paths),
        ["all hands\nat dawn"],
        "saved at once"
    );
    drop(app);

    let mut app = reader(opened(&paths));
    assert_eq!(app.note_mark(Left, passage), Some(NoteMark::Own));
    press(&mut app, "<Enter>e!<C-s><Esc>");
    assert_eq!(stored_texts(&paths), ["all hands\nat dawn!"]);
    press(&mut app, "<Enter>dy");
    assert!(stored_texts(&paths).is_empty());
    assert_eq!(app.note_mark(Left, passage), None);
}

#[test]
fn a_damaged_file_is_backed_up_and_the_reader_is_told_where() {
    let root = tempfile::tempdir().unwrap();
    let paths = Paths::under(root.path());
    std::fs::create_dir_all(&paths.config_dir).unwrap();
    let file = NotesStore::file_path(&paths);
    std::fs::write(&file, "schema = 1\n[[article]\nnot toml at all").unwrap();
    let notes = opened(&paths);
    assert!(notes.stored);
    let notice = notes.notices.first().expect("the reader is told");
    let backup = std::fs::read_dir(&paths.config_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains(".corrupt-"))
        .expect("a backup exists");
    assert!(notice.contains(&backup.display().to_string()), "{notice}");
    let headline = notes.headline.as_deref().expect("a status line message");
    assert!(
        headline.contains(&backup.display().to_string()),
        "the status line names the backup: {headline}"
    );
    assert_eq!(
        std::fs::read_to_string(&backup).unwrap(),
        "schema = 1\n[[article]\nnot toml at all"
    );
    let mut app = reader(notes);
    press(&mut app, "astill works<C-s>");
    assert_eq!(stored_texts(&paths), ["still works"]);
}

#[test]
fn a_file_that_cannot_be_opened_keeps_notes_in_memory_and_says_so() {
    let root = tempfile::tempdir().unwrap();
    let paths = Paths::under(root.path());
    std::fs::create_dir_all(&paths.config_dir).unwrap();
    let newer = "schema = 99\nnext_id = 1\n";
    std::fs::write(NotesStore::file_path(&paths), newer).unwrap();
    let notes = opened(&paths);
    assert!(!notes.stored);
    assert!(notes.headline.as_deref().unwrap().contains("memory only"));
    assert!(
        notes.notices[0].contains("newer") && notes.notices[0].contains("memory only"),
        "{:?}",
        notes.notices
    );
    let mut app = reader(notes);
    press(&mut app, "akept for now<C-s>");
    assert_eq!(app.notes().all()[0].text, "kept for now");
    assert_eq!(
        std::fs::read_to_string(NotesStore::file_path(&paths)).unwrap(),
        newer,
        "the newer file is left alone"
    );
}

#[test]
fn an_unwritable_directory_keeps_the_text_in_the_editor() {
    let root = tempfile::tempdir().unwrap();
    let paths = Paths::under(root.path());
    // A file where the config directory should be: no note can be written under it, even as
    // root (who ignores permission bits).
    std::fs::write(&paths.config_dir, "in the way").unwrap();
    let mut app = reader(opened(&paths));
    press(&mut app, "ado not lose me<C-s>");
    match app.mode() {
        Mode::Note(editor) => {
            assert_eq!(editor.text(), "do not lose me");
            let error = editor.error.as_deref().unwrap();
            assert!(error.contains("not saved"), "{error}");
        }
        other => panic!("editor closed: {other:?}"),
    }
    assert!(app.notes().all().is_empty());
}
