//! `App::update` for notes: the editor, the note lists and deleting after a confirmation.

use super::action::Command;
use super::app::{App, Message, Mode};
use super::note_editor::NoteEditor;
use super::note_list::{NoteList, Scope};
use super::sanitize::clean;
use super::text_box::TextBox;

impl App {
    /// Runs a note command; other commands are left to the caller.
    pub(super) fn run_note_command(&mut self, command: Command) {
        use Command::*;
        match command {
            AddNote => self.open_editor(None),
            PassageNotes => self.open_passage_notes(),
            NotesPanel => self.mode = Mode::Notes(NoteList::new(Scope::Pair)),
            NoteSave => self.save_note(),
            NoteCancel => self.close_editor(),
            NoteNewline => self.type_char('\n'),
            NoteBackspace | NoteDelete | NoteLeft | NoteRight | NoteUp | NoteDown | NoteHome
            | NoteEnd => {
                if let Mode::Note(editor) = &mut self.mode {
                    edit_text(&mut editor.input, command);
                }
            }
            ListDown | ListUp => {
                let len = self.list().map_or(0, |l| self.listed_notes(l).len());
                if let Mode::Notes(list) = &mut self.mode {
                    list.selected = match command {
                        ListDown => (list.selected + 1).min(len.saturating_sub(1)),
                        _ => list.selected.saturating_sub(1),
                    };
                }
            }
            ListJump => self.jump_to_selected(),
            ListEdit => self.edit_selected(),
            ListDelete => {
                let has_note = self.list().and_then(|l| self.selected_note(l)).is_some();
                if let Mode::Notes(list) = &mut self.mode {
                    list.confirm_delete = has_note;
                }
            }
            ListAdd => {
                let back = self.list().cloned();
                self.open_editor(back);
            }
            ListClose => self.mode = Mode::Reading,
            ConfirmYes => self.delete_selected(),
            ConfirmNo => {
                if let Mode::Notes(list) = &mut self.mode {
                    list.confirm_delete = false;
                }
            }
            _ => {}
        }
    }

    pub(super) fn type_note_char(&mut self, c: char) {
        if let Mode::Note(editor) = &mut self.mode {
            editor.input.insert(c);
        }
    }

    fn list(&self) -> Option<&NoteList> {
        match &self.mode {
            Mode::Notes(list) => Some(list),
            _ => None,
        }
    }

    /// A new note on the passage a list is about, or else the focused passage.
    fn open_editor(&mut self, back: Option<NoteList>) {
        let (side, passage) = match back.as_ref().map(|l| l.scope) {
            Some(Scope::Passage { side, passage }) => (side, passage),
            _ => (self.focus, self.cursor[self.focus]),
        };
        if self.comparison.articles[side].passages.is_empty() {
            return;
        }
        let mut editor = NoteEditor::new(side, passage);
        editor.back = back;
        self.mode = Mode::Note(editor);
    }

    fn open_passage_notes(&mut self) {
        let (side, passage) = (self.focus, self.cursor[self.focus]);
        if self.comparison.articles[side].passages.is_empty() {
            return;
        }
        if self.notes_on_link(side, passage).is_empty() {
            self.message = Some(Message {
                text: format!(
                    "No notes on this passage; {} writes one",
                    self.keymap.describe(Command::AddNote)
                ),
                is_error: false,
            });
            return;
        }
        self.mode = Mode::Notes(NoteList::new(Scope::Passage { side, passage }));
    }

    fn close_editor(&mut self) {
        let back = match &mut self.mode {
            Mode::Note(editor) => editor.back.take(),
            _ => None,
        };
        self.mode = match back {
            Some(mut list) => {
                let len = self.listed_notes(&list).len();
                if len == 0 {
                    Mode::Reading
                } else {
                    list.selected = list.selected.min(len - 1);
                    Mode::Notes(list)
                }
            }
            None => Mode::Reading,
        };
    }

    fn save_note(&mut self) {
        let Mode::Note(editor) = &mut self.mode else {
            return;
        };
        let text = editor.text().trim_end().to_owned();
        if text.trim().is_empty() && editor.editing.is_none() {
            self.close_editor();
            return;
        }
        if text.trim().is_empty() {
            editor.error = Some(format!(
                "a note cannot be empty; {} deletes it from the list",
                self.keymap.describe(Command::ListDelete)
            ));
            return;
        }
        let (changed, saved) = if self.notes.saves() {
            ("Note changed", "Note saved")
        } else {
            (
                "Note changed for this session only",
                "Note kept for this session only",
            )
        };
        let result = match (editor.editing, editor.passage) {
            (Some(key), _) => self.notes.edit(key, &text).map(|_| changed),
            (None, Some(passage)) => self.notes.add(editor.side, passage, &text).map(|_| saved),
            (None, None) => Err("the passage is gone".to_owned()),
        };
        match result {
            Ok(done) => {
                self.close_editor();
                self.tell(done, false);
            }
            Err(error) => {
                if let Mode::Note(editor) = &mut self.mode {
                    editor.error = Some(error);
                }
                self.pull_notices();
            }
        }
    }

    fn jump_to_selected(&mut self) {
        let Some(list) = self.list() else { return };
        let Some(note) = self.selected_note(list) else {
            return;
        };
        let (side, passage, quote) = (note.side, note.passage, note.quote.clone());
        match passage {
            Some(p) => {
                if !self.display(side).is_visible(p) {
                    self.hide_boilerplate = false;
                }
                self.mode = Mode::Reading;
                self.go_to(side, p);
            }
            None => self.tell(
                &format!(
                    "That note's passage is no longer in the article; it was on “{}”",
                    clean(&quote)
                ),
                true,
            ),
        }
    }

    fn edit_selected(&mut self) {
        let Some(list) = self.list() else { return };
        let Some(note) = self.selected_note(list) else {
            return;
        };
        let editor = NoteEditor {
            side: note.side,
            passage: note.passage,
            editing: Some(note.key),
            input: TextBox::new(&note.text),
            error: None,
            back: Some(list.clone()),
        };
        self.mode = Mode::Note(editor);
    }

    fn delete_selected(&mut self) {
        let Some(list) = self.list() else { return };
        let Some(key) = self.selected_note(list).map(|n| n.key) else {
            return;
        };
        let mut list = list.clone();
        list.confirm_delete = false;
        match self.notes.delete(key) {
            Ok(true) => self.tell("Note deleted", false),
            Ok(false) => self.tell(
                "Note kept: it was changed in another window meanwhile; see it again here",
                true,
            ),
            Err(error) => self.tell(&format!("Not deleted: {error}"), true),
        }
        let len = self.listed_notes(&list).len();
        self.mode = if len == 0 {
            Mode::Reading
        } else {
            list.selected = list.selected.min(len - 1);
            Mode::Notes(list)
        };
    }

    /// Sets the status message, unless the sink has something more urgent to say.
    fn tell(&mut self, text: &str, is_error: bool) {
        self.message = Some(Message {
            text: text.to_owned(),
            is_error,
        });
        self.pull_notices();
    }

    fn pull_notices(&mut self) {
        let notices = self.notes.take_notices();
        if !notices.is_empty() {
            self.message = Some(Message {
                text: notices.join("; "),
                is_error: true,
            });
        }
    }
}

fn edit_text(input: &mut TextBox, command: Command) {
    match command {
        Command::NoteBackspace => input.backspace(),
        Command::NoteDelete => input.delete(),
        Command::NoteLeft => input.left(),
        Command::NoteRight => input.right(),
        Command::NoteUp => input.up(),
        Command::NoteDown => input.down(),
        Command::NoteHome => input.home(),
        Command::NoteEnd => input.end(),
        _ => {}
    }
}
