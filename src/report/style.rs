//! Colour for the text report: on only for a terminal, off under `NO_COLOR`. Markers such as
//! `[-gone-]` and `{+added+}` are always written, so nothing depends on colour alone.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

impl Style {
    pub const PLAIN: Style = Style { color: false };

    /// Colour when writing to a terminal and `NO_COLOR` is unset or empty.
    pub fn detect(is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> Style {
        Style {
            color: is_terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }

    fn wrap(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }

    pub fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }
    pub fn dim(self, s: &str) -> String {
        self.wrap("2", s)
    }
    /// Deleted words: magenta, struck through. Magenta and cyan stay apart for colour-blind readers.
    pub fn deleted(self, s: &str) -> String {
        let (lead, s) = split_lead(s);
        format!("{lead}{}", self.wrap("35;9", &format!("[-{s}-]")))
    }
    pub fn inserted(self, s: &str) -> String {
        let (lead, s) = split_lead(s);
        format!("{lead}{}", self.wrap("36;1", &format!("{{+{s}+}}")))
    }
    pub fn heading(self, s: &str) -> String {
        self.wrap("1;4", s)
    }
}

/// Whitespace before a changed run stays outside its markers: `Daesh [-[ISIS]-] in`.
fn split_lead(s: &str) -> (&str, &str) {
    let t = s.trim_start();
    (&s[..s.len() - t.len()], t)
}
