//! Notes in the reader driven by keys: add, edit, delete after a confirmation, the passage
//! and pair lists, notes seen across a link, orphans, and sinks that fail.

mod reader_support;

use parallax::engine::Comparison;
use parallax::side::Side::{self, Left, Right};
use parallax::tui::fixture::sample;
use parallax::tui::linked_notes::NoteMark;
use parallax::tui::note_list::{NoteList, Scope};
use parallax::tui::{Action, App, Mode, NoteKey, NoteSink, Setup, ShownNote};
use reader_support::press;

fn app_with(notes: Box<dyn NoteSink>) -> App {
    let mut app = App::new(
        sample(),
        Setup {
            notes,
            ..Setup::default()
        },
    );
    app.update(Action::Resize(100, 30));
    app
}

fn app() -> App {
    app_with(Box::new(parallax::tui::MemoryNotes::default()))
}

fn passage_containing(cmp: &Comparison, side: Side, text: &str) -> usize {
    let article = &cmp.articles[side];
    (0..article.passages.len())
        .find(|&p| article.passage_text(p).contains(text))
        .unwrap()
}

fn texts(app: &App) -> Vec<String> {
    app.notes().all().iter().map(|n| n.text.clone()).collect()
}

fn list(app: &App) -> &NoteList {
    match app.mode() {
        Mode::Notes(list) => list,
        other => panic!("no note list open: {other:?}"),
    }
}

#[test]
fn enter_lists_the_passage_notes_and_e_edits_one() {
    let mut app = app();
    let passage = app.cursor(Left);
    press(&mut app, "afirst<C-s>asecond<C-s>");
    assert_eq!(texts(&app), ["first", "second"]);
    press(&mut app, "<Enter>");
    assert_eq!(
        list(&app).scope,
        Scope::Passage {
            side: Left,
            passage
        }
    );
    press(&mut app, "je");
    match app.mode() {
        Mode::Note(editor) => {
            assert_eq!(editor.text(), "second", "the editor starts with the note");
            assert!(editor.editing.is_some());
        }
        other => panic!("editor not open: {other:?}"),
    }
    press(&mut app, "<Home>re<End>, revised<C-s>");
    assert_eq!(texts(&app), ["first", "resecond, revised"]);
    assert_eq!(list(&app).selected, 1, "back in the list, on the same note");
    assert_eq!(
        app.message().unwrap().text,
        "Note changed for this session only"
    );
    press(&mut app, "<Esc>");
    assert_eq!(*app.mode(), Mode::Reading);
}

#[test]
fn delete_asks_first_and_can_be_cancelled() {
    let mut app = app();
    press(&mut app, "akeep me<C-s>adrop me<C-s><Enter>jd");
    assert!(list(&app).confirm_delete, "d asks before deleting");
    press(&mut app, "n");
    assert!(!list(&app).confirm_delete);
    assert_eq!(texts(&app), ["keep me", "drop me"]);
    press(&mut app, "d<Esc>");
    assert_eq!(texts(&app).len(), 2, "Esc also keeps the note");
    press(&mut app, "dy");
    assert_eq!(texts(&app), ["keep me"]);
    assert_eq!(
        list(&app).selected,
        0,
        "selection stays inside the shorter list"
    );
    press(&mut app, "dy");
    assert!(texts(&app).is_empty());
    assert_eq!(*app.mode(), Mode::Reading, "an empty list closes");
    assert_eq!(app.message().unwrap().text, "Note deleted");
}

#[test]
fn keys_other_than_yes_do_not_delete() {
    let mut app = app();
    press(&mut app, "anote<C-s><Enter>dqjkx");
    assert_eq!(texts(&app), ["note"]);
    assert!(list(&app).confirm_delete, "still asking");
}

#[test]
fn the_panel_lists_both_sides_and_jumps_to_the_chosen_note() {
    let mut app = app();
    let minister = passage_containing(app.comparison(), Right, "transport minister");
    press(&mut app, "aon the left<C-s>");
    press(&mut app, "<Tab>");
    while app.cursor(Right) != minister {
        press(&mut app, "j");
    }
    press(&mut app, "aon the right<C-s><Tab>g");
    assert_eq!(app.focus(), Left);
    press(&mut app, "m");
    let shown: Vec<(Side, String)> = app
        .listed_notes(list(&app))
        .iter()
        .map(|n| (n.side, n.text.clone()))
        .collect();
    assert_eq!(
        shown,
        [
            (Left, "on the left".to_owned()),
            (Right, "on the right".to_owned())
        ]
    );
    press(&mut app, "j<Enter>");
    assert_eq!(*app.mode(), Mode::Reading);
    assert_eq!(app.focus(), Right);
    assert_eq!(app.cursor(Right), minister);
}

#[test]
fn passage_list_without_notes_says_how_to_add_one() {
    let mut app = app();
    press(&mut app, "<Enter>");
    assert_eq!(*app.mode(), Mode::Reading);
    assert!(app.message().unwrap().text.contains("a writes one"));
}

#[test]
fn a_note_on_a_shared_passage_shows_from_the_counterpart() {
    let mut app = app();
    let left = app.cursor(Left);
    let right = app.cursor(Right);
    assert!(app.link(Left, left).is_some(), "starts on a shared passage");
    press(&mut app, "aseen from both<C-s>");
    assert_eq!(app.note_mark(Left, left), Some(NoteMark::Own));
    assert_eq!(app.note_mark(Right, right), Some(NoteMark::Linked));
    let unique = passage_containing(app.comparison(), Right, "transport minister");
    assert_eq!(app.note_mark(Right, unique), None);
    press(&mut app, "<Tab><Enter>");
    let notes = app.listed_notes(list(&app));
    assert_eq!(notes.len(), 1);
    assert_eq!(
        (notes[0].side, notes[0].text.as_str()),
        (Left, "seen from both")
    );
}

/// Notes fixed at construction, one of them orphaned; edits can be made to fail.
struct Fixed {
    notes: Vec<ShownNote>,
    fail: bool,
}

impl NoteSink for Fixed {
    fn add(&mut self, side: Side, passage: usize, text: &str) -> Result<NoteKey, String> {
        if self.fail {
            return Err("read-only file system".into());
        }
        let key = self.notes.len() as NoteKey + 1;
        self.notes.push(ShownNote {
            key,
            side,
            passage: Some(passage),
            quote: String::new(),
            text: text.into(),
        });
        Ok(key)
    }
    fn edit(&mut self, key: NoteKey, text: &str) -> Result<NoteKey, String> {
        if self.fail {
            return Err("read-only file system".into());
        }
        let note = self.notes.iter_mut().find(|n| n.key == key).unwrap();
        note.text = text.into();
        Ok(key)
    }
    fn delete(&mut self, _: NoteKey) -> Result<bool, String> {
        Err("read-only file system".into())
    }
    fn all(&self) -> &[ShownNote] {
        &self.notes
    }
}

fn with_orphan(fail: bool) -> Box<Fixed> {
    Box::new(Fixed {
        notes: vec![
            ShownNote {
                key: 1,
                side: Left,
                passage: Some(2),
                quote: "Crews on the Marrow".into(),
                text: "placed".into(),
            },
            ShownNote {
                key: 2,
                side: Right,
                passage: None,
                quote: "The ferry company apologised".into(),
                text: "orphaned".into(),
            },
        ],
        fail,
    })
}

#[test]
fn orphans_are_listed_and_say_their_passage_is_gone() {
    let mut app = app_with(with_orphan(false));
    press(&mut app, "m");
    let notes = app.listed_notes(list(&app));
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1].passage, None);
    press(&mut app, "j<Enter>");
    assert_eq!(list(&app).selected, 1, "nowhere to go: the list stays");
    let message = app.message().unwrap();
    assert!(
        message.text.contains("The ferry company apologised"),
        "{message:?}"
    );
    press(&mut app, "e: the story changed<C-s>");
    assert_eq!(
        app.notes().all()[1].text,
        "orphaned: the story changed",
        "orphans can be edited"
    );
}

#[test]
fn a_failed_edit_keeps_the_text_in_the_editor() {
    let mut app = app_with(with_orphan(true));
    press(&mut app, "m<Enter>");
    // Enter jumped to the placed note; reopen the list and edit it.
    press(&mut app, "me<End> and more<C-s>");
    match app.mode() {
        Mode::Note(editor) => {
            assert_eq!(editor.text(), "placed and more");
            assert!(editor.error.as_deref().unwrap().contains("read-only"));
        }
        other => panic!("editor closed: {other:?}"),
    }
    assert_eq!(app.notes().all()[0].text, "placed", "nothing changed");
}

#[test]
fn a_failed_delete_keeps_the_note_and_says_so() {
    let mut app = app_with(with_orphan(true));
    press(&mut app, "mdy");
    assert_eq!(app.notes().all().len(), 2);
    let message = app.message().unwrap();
    assert!(
        message.is_error && message.text.contains("Not deleted"),
        "{message:?}"
    );
}

#[test]
fn the_editor_moves_its_cursor() {
    let mut app = app();
    press(
        &mut app,
        "aabc<Left><Left>X<End>Z<Enter>second<Up><Home>^<Down><Del>",
    );
    match app.mode() {
        Mode::Note(editor) => assert_eq!(editor.text(), "^aXbcZ\nscond"),
        other => panic!("editor closed: {other:?}"),
    }
}
