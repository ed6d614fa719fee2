//! Everything the reader can do, named once. Each bindable action's name is its config key
//! and its doc line is its help text, so the keymap, the config file and the help overlay
//! can never disagree.

/// Where a key is looked up: the reader itself, the search prompt, the note editor, a list
/// of notes, or the question before a note is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Reader,
    Search,
    Editor,
    Notes,
    Confirm,
}

impl Context {
    pub const ALL: [Context; 5] = [
        Context::Reader,
        Context::Search,
        Context::Editor,
        Context::Notes,
        Context::Confirm,
    ];

    /// The table name in `keymap.toml` and `config.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Reader => "reader",
            Context::Search => "search",
            Context::Editor => "editor",
            Context::Notes => "notes",
            Context::Confirm => "confirm",
        }
    }

    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Heading in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Reader => "Reading",
            Context::Search => "Search prompt",
            Context::Editor => "Note editor",
            Context::Notes => "Notes list",
            Context::Confirm => "Deleting a note",
        }
    }
}

macro_rules! bindable {
    ($( $variant:ident, $name:literal, $ctx:ident, $doc:literal; )*) => {
        /// An action a key can be bound to.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $( #[doc = $doc] $variant, )*
        }

        impl Command {
            pub const ALL: &'static [Command] = &[$(Command::$variant),*];

            /// The name used in keymap and config files.
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name,)* }
            }

            /// One line for the help overlay.
            pub fn doc(self) -> &'static str {
                match self { $(Command::$variant => $doc,)* }
            }

            pub fn context(self) -> Context {
                match self { $(Command::$variant => Context::$ctx,)* }
            }
        }
    };
}

bindable! {
    Quit, "quit", Reader, "Quit parallax";
    Help, "help", Reader, "Show or hide this help";
    Down, "down", Reader, "Next passage";
    Up, "up", Reader, "Previous passage";
    SwitchPane, "switch_pane", Reader, "Switch the focused pane";
    PageDown, "page_down", Reader, "Scroll down a page";
    PageUp, "page_up", Reader, "Scroll up a page";
    HalfPageDown, "half_page_down", Reader, "Scroll down half a page";
    HalfPageUp, "half_page_up", Reader, "Scroll up half a page";
    Top, "top", Reader, "Go to the first passage";
    Bottom, "bottom", Reader, "Go to the last passage";
    NextDivergence, "next_divergence", Reader, "Next divergence (unique, reworded, paraphrase)";
    PrevDivergence, "prev_divergence", Reader, "Previous divergence";
    NextShared, "next_shared", Reader, "Next passage both sides share";
    PrevShared, "prev_shared", Reader, "Previous shared passage";
    Search, "search", Reader, "Search both articles";
    NextMatch, "next_match", Reader, "Next search match";
    PrevMatch, "prev_match", Reader, "Previous search match";
    ToggleBoilerplate, "toggle_boilerplate", Reader, "Hide or show boilerplate (pleas, credits)";
    AddNote, "add_note", Reader, "Add a note to the focused passage";
    PassageNotes, "passage_notes", Reader, "See, edit or delete the notes on the focused passage";
    NotesPanel, "notes_panel", Reader, "List every note on the two articles; pick one to go to it";
    Dismiss, "dismiss", Reader, "Close help, clear the search and messages";
    SearchConfirm, "confirm", Search, "Run the search";
    SearchCancel, "cancel", Search, "Leave the prompt";
    SearchBackspace, "backspace", Search, "Delete the last character";
    NoteSave, "save", Editor, "Save the note";
    NoteCancel, "cancel", Editor, "Discard the note";
    NoteNewline, "newline", Editor, "Start a new line";
    NoteBackspace, "backspace", Editor, "Delete the character before the cursor";
    NoteDelete, "delete", Editor, "Delete the character under the cursor";
    NoteLeft, "left", Editor, "Cursor left";
    NoteRight, "right", Editor, "Cursor right";
    NoteUp, "up", Editor, "Cursor up a line";
    NoteDown, "down", Editor, "Cursor down a line";
    NoteHome, "home", Editor, "Cursor to the start of the line";
    NoteEnd, "end", Editor, "Cursor to the end of the line";
    ListDown, "down", Notes, "Next note";
    ListUp, "up", Notes, "Previous note";
    ListJump, "jump", Notes, "Go to the chosen note's passage";
    ListEdit, "edit", Notes, "Edit the chosen note";
    ListDelete, "delete", Notes, "Delete the chosen note (asks first)";
    ListAdd, "add", Notes, "Add another note to this passage";
    ListClose, "close", Notes, "Close the list";
    ConfirmYes, "yes", Confirm, "Delete the note";
    ConfirmNo, "no", Confirm, "Keep the note";
}

impl Command {
    /// Looks a command up by its config name within one context.
    pub fn from_name(context: Context, name: &str) -> Option<Command> {
        Command::ALL
            .iter()
            .copied()
            .find(|c| c.context() == context && c.name() == name)
    }
}

/// Everything that can change the app: bound commands plus events that carry data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    /// A character typed into the search prompt or the note editor.
    Type(char),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// Mouse wheel over a screen cell: positive is down.
    Wheel {
        column: u16,
        row: u16,
        lines: i32,
    },
    /// Left click on a screen cell.
    Click {
        column: u16,
        row: u16,
    },
}

impl From<Command> for Action {
    fn from(c: Command) -> Self {
        Action::Command(c)
    }
}
