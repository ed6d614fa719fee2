//! Keys as data: the default keymap lives in `assets/keymap.toml`, users override it by action
//! name, and the help overlay is generated from the same table.

use super::action::{Command, Context};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::{BTreeMap, HashMap};

/// The default keymap, embedded so the binary needs no files to run.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// A key with its modifiers, normalised so that `G` matches whether or not the terminal
/// reports Shift with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Chord {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Chord {
    pub fn from_event(event: &KeyEvent) -> Chord {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        // Shift is already in the character (`G`, `?`) or the key (`BackTab`).
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers -= KeyModifiers::SHIFT;
        }
        let code = match event.code {
            // Ctrl-letter arrives lower-case on most terminals but not all.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Chord { code, modifiers }
    }

    /// Parses `j`, `G`, `ctrl-d`, `alt-x`, `pagedown`, `f1`, `space`.
    pub fn parse(text: &str) -> Result<Chord, String> {
        if text.is_empty() {
            return Err("empty key".to_owned());
        }
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pageup" => KeyCode::PageUp,
                "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "enter" => KeyCode::Enter,
                "esc" => KeyCode::Esc,
                "backspace" => KeyCode::Backspace,
                "delete" => KeyCode::Delete,
                "space" => KeyCode::Char(' '),
                name => match name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    Some(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(format!("unknown key `{text}`")),
                },
            },
        };
        Ok(Chord { code, modifiers })
    }

    /// How the key is written in the help overlay.
    pub fn display(&self) -> String {
        let key = match self.code {
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) if self.modifiers.is_empty() => c.to_string(),
            KeyCode::Char(c) => c.to_ascii_uppercase().to_string(),
            KeyCode::Up => "↑".to_owned(),
            KeyCode::Down => "↓".to_owned(),
            KeyCode::Left => "←".to_owned(),
            KeyCode::Right => "→".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other}"),
        };
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        out + &key
    }
}

/// A problem with one entry of a keymap table; the entry is skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapProblem {
    pub context: String,
    pub action: String,
    pub message: String,
}

/// Which command each key runs, per context, plus the keys of each command in file order
/// (for help).
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: HashMap<(Context, Chord), Command>,
    keys: BTreeMap<(Context, usize), Vec<Chord>>,
}

/// Keys per action name, per context name: the shape of `keymap.toml` and of `[keys]` in
/// `config.toml`.
pub type KeyTable = BTreeMap<String, BTreeMap<String, Vec<String>>>;

impl Keymap {
    /// The embedded default keymap.
    pub fn default_keys() -> Keymap {
        let table: KeyTable = toml::from_str(DEFAULT_KEYMAP).expect("embedded keymap.toml parses");
        let mut map = Keymap::default();
        let problems = map.apply(&table);
        debug_assert!(problems.is_empty(), "{problems:?}");
        map
    }

    /// Binds every entry of `table`, replacing the keys of each named action. Entries that
    /// name an unknown context or action, or an unparseable key, are skipped and reported.
    pub fn apply(&mut self, table: &KeyTable) -> Vec<KeymapProblem> {
        let mut problems = Vec::new();
        for (context_name, actions) in table {
            let Some(context) = Context::from_name(context_name) else {
                problems.push(KeymapProblem {
                    context: context_name.clone(),
                    action: String::new(),
                    message: format!(
                        "unknown key context `{context_name}` (expected {})",
                        Context::ALL.map(Context::name).join(", ")
                    ),
                });
                continue;
            };
            for (action_name, keys) in actions {
                let Some(command) = Command::from_name(context, action_name) else {
                    problems.push(KeymapProblem {
                        context: context_name.clone(),
                        action: action_name.clone(),
                        message: format!("unknown action `{action_name}` in [{context_name}]"),
                    });
                    continue;
                };
                match keys
                    .iter()
                    .map(|k| Chord::parse(k))
                    .collect::<Result<Vec<_>, _>>()
                {
                    Ok(chords) => self.bind(command, chords),
                    Err(message) => problems.push(KeymapProblem {
                        context: context_name.clone(),
                        action: action_name.clone(),
                        message,
                    }),
                }
            }
        }
        problems
    }

    fn bind(&mut self, command: Command, chords: Vec<Chord>) {
        let context = command.context();
        let slot = (context, command_index(command));
        if let Some(old) = self.keys.remove(&slot) {
            for chord in old {
                self.bindings.remove(&(context, chord));
            }
        }
        for &chord in &chords {
            // A key taken from another command leaves that command's key list too.
            if let Some(previous) = self.bindings.insert((context, chord), command)
                && previous != command
                && let Some(list) = self.keys.get_mut(&(context, command_index(previous)))
            {
                list.retain(|c| *c != chord);
            }
        }
        self.keys.insert(slot, chords);
    }

    pub fn lookup(&self, context: Context, event: &KeyEvent) -> Option<Command> {
        self.bindings
            .get(&(context, Chord::from_event(event)))
            .copied()
    }

    /// The keys bound to `command`, in the order they were written.
    pub fn keys_for(&self, command: Command) -> &[Chord] {
        self.keys
            .get(&(command.context(), command_index(command)))
            .map_or(&[], Vec::as_slice)
    }

    /// `j, ↓` style text for help and the status line.
    pub fn describe(&self, command: Command) -> String {
        let keys = self.keys_for(command);
        if keys.is_empty() {
            return "(unbound)".to_owned();
        }
        keys.iter()
            .map(Chord::display)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn command_index(command: Command) -> usize {
    Command::ALL
        .iter()
        .position(|c| *c == command)
        .expect("every command is listed")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn default_keymap_parses_without_problems() {
        let table: KeyTable = toml::from_str(DEFAULT_KEYMAP).unwrap();
        let mut map = Keymap::default();
        assert_eq!(map.apply(&table), vec![]);
        let reader_commands = Command::ALL
            .iter()
            .filter(|c| c.context() == Context::Reader);
        for &command in reader_commands.chain(
            Command::ALL
                .iter()
                .filter(|c| c.context() != Context::Reader),
        ) {
            assert!(
                !map.keys_for(command).is_empty(),
                "{} has no key",
                command.name()
            );
        }
    }

    #[test]
    fn shifted_characters_match_with_or_without_shift() {
        let map = Keymap::default_keys();
        let g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(map.lookup(Context::Reader, &g), Some(Command::Bottom));
        let g = key(KeyCode::Char('G'), KeyModifiers::NONE);
        assert_eq!(map.lookup(Context::Reader, &g), Some(Command::Bottom));
        let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(map.lookup(Context::Reader, &ctrl_c), Some(Command::Quit));
    }

    #[test]
    fn override_replaces_keys_and_steals_them_from_others() {
        let mut map = Keymap::default_keys();
        let table: KeyTable = toml::from_str("[reader]\nquit = [\"x\", \"j\"]").unwrap();
        assert!(map.apply(&table).is_empty());
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(map.lookup(Context::Reader, &q), None);
        assert_eq!(map.lookup(Context::Reader, &j), Some(Command::Quit));
        assert_eq!(map.describe(Command::Down), "↓");
    }

    #[test]
    fn bad_entries_are_reported_and_skipped() {
        let mut map = Keymap::default_keys();
        let table: KeyTable = toml::from_str(
            "[reader]\nfly = [\"x\"]\nquit = [\"ctrl-\"]\n[nowhere]\nquit = [\"q\"]",
        )
        .unwrap();
        let problems = map.apply(&table);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("unknown action `fly`"))
        );
        assert_eq!(map.describe(Command::Quit), "q, Ctrl-C");
    }
}
