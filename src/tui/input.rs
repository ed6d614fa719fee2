//! Terminal events to actions: a pure function of the keymap, the mode and the event.

use super::action::{Action, Command, Context};
use super::app::Mode;
use super::keymap::Keymap;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Lines one wheel notch scrolls.
pub const WHEEL_LINES: i32 = 3;

pub fn map_event(keymap: &Keymap, mode: &Mode, event: &Event) -> Option<Action> {
    let action = map_any(keymap, mode, event)?;
    if *mode == Mode::Help {
        return filter_for_help(action);
    }
    Some(action)
}

fn map_any(keymap: &Keymap, mode: &Mode, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let context = match mode {
                Mode::Reading | Mode::Help => Context::Reader,
                Mode::Search(_) => Context::Search,
                Mode::Note(_) => Context::Editor,
                Mode::Notes(list) if list.confirm_delete => Context::Confirm,
                Mode::Notes(_) => Context::Notes,
            };
            if let Some(command) = keymap.lookup(context, key) {
                return Some(Action::Command(command));
            }
            match (context, key.code) {
                (Context::Search | Context::Editor, KeyCode::Char(c))
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    Some(Action::Type(c))
                }
                (Context::Editor, KeyCode::Tab) => Some(Action::Type('\t')),
                _ => None,
            }
        }
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                lines: WHEEL_LINES,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: mouse.column,
                row: mouse.row,
                lines: -WHEEL_LINES,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: mouse.column,
                row: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize(*width, *height)),
        _ => None,
    }
}

/// In help, only closing, quitting and scrolling the help act; everything else is swallowed
/// so a stray key does not move the hidden view.
fn filter_for_help(action: Action) -> Option<Action> {
    match action {
        Action::Command(
            Command::Help
            | Command::Dismiss
            | Command::Quit
            | Command::Down
            | Command::Up
            | Command::PageDown
            | Command::PageUp
            | Command::Top,
        )
        | Action::Resize(..) => Some(action),
        _ => None,
    }
}
