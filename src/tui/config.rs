//! `config.toml` in the config directory: key overrides by action name, and the theme.
//!
//! ```toml
//! theme = "light"            # or "dark"
//! [keys.reader]
//! quit = ["q", "ctrl-q"]
//! ```
//!
//! A bad file never stops the reader: each problem names the file, the line and what is
//! wrong, and the affected setting falls back to its default.

use crate::tui::keymap::{KeyTable, Keymap};
use crate::tui::theme::ThemeName;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub const FILE_NAME: &str = "config.toml";

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub theme: ThemeName,
    /// Overrides, applied over the default keymap.
    pub keys: KeyTable,
}

impl Config {
    /// The default keymap with this config's overrides applied, plus any problems binding them.
    pub fn keymap(&self, file: &Path) -> (Keymap, Vec<Problem>) {
        let mut keymap = Keymap::default_keys();
        let problems = keymap
            .apply(&self.keys)
            .into_iter()
            .map(|p| Problem {
                file: file.to_path_buf(),
                line: None,
                message: p.message,
            })
            .collect();
        (keymap, problems)
    }
}

/// Something wrong in the config file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}; using the default", self.message)
    }
}

/// Reads the config file. A missing file is the default config, not a problem.
pub fn load(path: &Path) -> (Config, Vec<Problem>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![Problem {
                file: path.to_path_buf(),
                line: None,
                message: format!("cannot be read ({e})"),
            }],
        ),
    }
}

/// Parses config text; `path` is only used to name the file in problems.
pub fn parse(text: &str, path: &Path) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let problem = |span: Option<std::ops::Range<usize>>, message: String| Problem {
        file: path.to_path_buf(),
        line: span.map(|s| line_of(text, s.start)),
        message,
    };
    let table = match DeTable::parse(text) {
        Ok(table) => table.into_inner(),
        Err(e) => {
            let message = e.message().trim().to_owned();
            problems.push(problem(e.span(), format!("not valid TOML: {message}")));
            return (config, problems);
        }
    };
    for (key, value) in &table {
        match key.get_ref().as_ref() {
            "theme" => match value.get_ref().as_str().and_then(ThemeName::from_name) {
                Some(theme) => config.theme = theme,
                None => problems.push(problem(
                    Some(value.span()),
                    "`theme` must be \"dark\" or \"light\"".to_owned(),
                )),
            },
            "keys" => read_keys(value, &mut config.keys, &mut |span, message| {
                problems.push(problem(Some(span), message))
            }),
            other => problems.push(problem(
                Some(key.span()),
                format!("unknown setting `{other}`"),
            )),
        }
    }
    problems.sort_by_key(|p| p.line);
    (config, problems)
}

fn read_keys(
    value: &Spanned<DeValue<'_>>,
    keys: &mut KeyTable,
    report: &mut dyn FnMut(std::ops::Range<usize>, String),
) {
    let Some(contexts) = value.get_ref().as_table() else {
        return report(
            value.span(),
            "`keys` must be a table like [keys.reader]".to_owned(),
        );
    };
    for (context, actions) in contexts {
        let context_name = context.get_ref().to_string();
        let Some(actions) = actions.get_ref().as_table() else {
            report(
                actions.span(),
                format!("`keys.{context_name}` must be a table"),
            );
            continue;
        };
        for (action, list) in actions {
            let action_name = action.get_ref().to_string();
            let chords: Option<Vec<String>> = match list.get_ref() {
                DeValue::String(s) => Some(vec![s.to_string()]),
                DeValue::Array(items) => items
                    .iter()
                    .map(|i| i.get_ref().as_str().map(str::to_owned))
                    .collect(),
                _ => None,
            };
            let Some(chords) = chords else {
                report(
                    list.span(),
                    format!("keys for `{action_name}` must be a list of strings"),
                );
                continue;
            };
            // Check here too, so the problem carries its line.
            let mut probe = Keymap::default();
            let single: KeyTable = [(
                context_name.clone(),
                [(action_name.clone(), chords.clone())].into(),
            )]
            .into();
            if let Some(p) = probe.apply(&single).into_iter().next() {
                report(action.span(), p.message);
                continue;
            }
            keys.entry(context_name.clone())
                .or_default()
                .insert(action_name, chords);
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::action::Command;

    #[test]
    fn overrides_keys_by_action_name() {
        let (config, problems) = parse(
            "theme = \"light\"\n[keys.reader]\nquit = [\"x\"]\n",
            Path::new("c.toml"),
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.theme, ThemeName::Light);
        let (keymap, problems) = config.keymap(Path::new("c.toml"));
        assert!(problems.is_empty());
        assert_eq!(keymap.describe(Command::Quit), "x");
    }

    #[test]
    fn problems_name_file_line_and_fall_back() {
        let text = "theme = \"purple\"\n[keys.reader]\nquit = [\"x\"]\nteleport = [\"t\"]\ndown = [\"ctrl-\"]\n";
        let (config, problems) = parse(text, Path::new("/cfg/config.toml"));
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("/cfg/config.toml:1: `theme`"),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with("/cfg/config.toml:4: unknown action `teleport`")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .any(|s| s.starts_with("/cfg/config.toml:5: unknown key")),
            "{shown:?}"
        );
        assert_eq!(config.theme, ThemeName::Dark);
        let (keymap, _) = config.keymap(Path::new("x"));
        assert_eq!(keymap.describe(Command::Quit), "x");
        assert_eq!(keymap.describe(Command::Down), "j, ↓");
    }

    #[test]
    fn invalid_toml_is_reported_with_its_line() {
        let (config, problems) = parse("theme = \"dark\"\nkeys = [\n", Path::new("c.toml"));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].to_string().starts_with("c.toml:"),
            "{}",
            problems[0]
        );
        assert!(problems[0].line.is_some());
        assert_eq!(config.theme, ThemeName::Dark);
    }

    #[test]
    fn missing_file_is_the_default() {
        let (config, problems) = load(Path::new("/nonexistent/parallax/config.toml"));
        assert!(problems.is_empty());
        assert!(config.keys.is_empty());
    }
}
