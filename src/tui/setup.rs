//! What the reader is built from besides the comparison: keymap, theme, note storage and a
//! first message, usually read from the config directory.

use super::app::Message;
use super::config;
use super::keymap::Keymap;
use super::notes::{MemoryNotes, NoteSink};
use super::theme::Theme;
use std::path::Path;

/// Everything the reader is built from besides the comparison.
pub struct Setup {
    pub keymap: Keymap,
    pub theme: Theme,
    pub notes: Box<dyn NoteSink>,
    /// Shown in the status line at start, e.g. problems in the config file.
    pub message: Option<Message>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            keymap: Keymap::default_keys(),
            theme: Theme::new(Default::default(), false),
            notes: Box::new(MemoryNotes::default()),
            message: None,
        }
    }
}

impl Setup {
    /// Keymap and theme from `config.toml` in `config_dir` (defaults when there is none),
    /// with in-memory notes. Problems in the config file are returned to be printed, and the
    /// first is also shown in the status line.
    pub fn from_config(config_dir: Option<&Path>, no_color: bool) -> (Setup, Vec<config::Problem>) {
        let mut setup = Setup::default();
        let Some(dir) = config_dir else {
            setup.theme = Theme::new(Default::default(), no_color);
            return (setup, Vec::new());
        };
        let file = dir.join(config::FILE_NAME);
        let (config, mut problems) = config::load(&file);
        let (keymap, key_problems) = config.keymap(&file);
        problems.extend(key_problems);
        setup.keymap = keymap;
        setup.theme = Theme::new(config.theme, no_color);
        setup.message = problems.first().map(|p| Message {
            text: p.to_string(),
            is_error: true,
        });
        (setup, problems)
    }
}
