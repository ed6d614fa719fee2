//! Styles for every distinction the reader draws. Only the 16 ANSI colours are used, so the
//! palette follows the terminal's own; shared and unique are told apart by blue against
//! yellow (safe for colour-blind readers), and every distinction also has a marker or a
//! modifier, so `NO_COLOR` loses no information.

use crate::engine::LinkKind;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

impl ThemeName {
    pub fn from_name(name: &str) -> Option<ThemeName> {
        match name {
            "dark" => Some(ThemeName::Dark),
            "light" => Some(ThemeName::Light),
            _ => None,
        }
    }
}

/// How a passage relates to the other article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Shared { kind: LinkKind, moved: bool },
    Unique,
    Boilerplate,
}

impl Class {
    /// The margin marker that carries the class without colour.
    pub fn marker(self) -> char {
        match self {
            Class::Shared {
                kind: LinkKind::Identical,
                ..
            } => '=',
            Class::Shared {
                kind: LinkKind::Reworded,
                ..
            } => '~',
            Class::Shared {
                kind: LinkKind::Paraphrase,
                ..
            } => '≈',
            Class::Unique => '+',
            Class::Boilerplate => '·',
        }
    }

    pub fn is_shared(self) -> bool {
        matches!(self, Class::Shared { .. })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub no_color: bool,
    pub identical: Style,
    pub reworded: Style,
    pub paraphrase: Style,
    pub unique: Style,
    pub boilerplate: Style,
    /// Words that differ inside a link, patched over the passage style.
    pub changed: Style,
    /// The focused passage and its counterpart, patched over the passage style.
    pub focus: Style,
    pub search_match: Style,
    pub header: Style,
    pub header_focused: Style,
    pub gutter_link: Style,
    pub insertion: Style,
    pub overview_shared: Style,
    pub overview_unique: Style,
    pub overview_boilerplate: Style,
    pub overview_viewport: Style,
    pub status: Style,
    pub error: Style,
    pub popup: Style,
    pub key: Style,
}

impl Theme {
    pub fn new(name: ThemeName, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        // Blue/cyan against yellow/magenta: told apart with any common colour-vision
        // deficiency, and no distinction rests on red against green.
        let (unique_fg, reworded_fg, paraphrase_fg, changed_fg, highlight_bg) = match name {
            ThemeName::Dark => (
                Color::Yellow,
                Color::Cyan,
                Color::LightBlue,
                Color::LightMagenta,
                Color::DarkGray,
            ),
            ThemeName::Light => (
                Color::Magenta,
                Color::Blue,
                Color::Cyan,
                Color::Red,
                Color::Gray,
            ),
        };
        let dim_fg = Color::DarkGray;
        let plain = Style::new();
        Theme {
            no_color,
            identical: plain,
            reworded: Style::new().fg(reworded_fg),
            paraphrase: Style::new().fg(paraphrase_fg),
            unique: Style::new().fg(unique_fg),
            boilerplate: Style::new().fg(dim_fg).add_modifier(Modifier::DIM),
            changed: Style::new()
                .fg(changed_fg)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            focus: Style::new().bg(highlight_bg),
            search_match: Style::new().fg(Color::Black).bg(Color::Yellow),
            header: Style::new().add_modifier(Modifier::BOLD),
            header_focused: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            gutter_link: Style::new().fg(Color::Cyan),
            insertion: Style::new().fg(unique_fg).add_modifier(Modifier::BOLD),
            overview_shared: Style::new().fg(Color::Blue),
            overview_unique: Style::new().fg(unique_fg),
            overview_boilerplate: Style::new().fg(dim_fg),
            overview_viewport: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            popup: plain,
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    /// Modifiers and markers only: for `NO_COLOR` and monochrome terminals.
    pub fn monochrome() -> Theme {
        let plain = Style::new();
        Theme {
            no_color: true,
            identical: plain,
            reworded: plain,
            paraphrase: Style::new().add_modifier(Modifier::ITALIC),
            unique: plain,
            boilerplate: Style::new().add_modifier(Modifier::DIM),
            changed: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            focus: Style::new().add_modifier(Modifier::REVERSED),
            search_match: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
            header: Style::new().add_modifier(Modifier::BOLD),
            header_focused: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            gutter_link: plain,
            insertion: Style::new().add_modifier(Modifier::BOLD),
            overview_shared: plain,
            overview_unique: plain,
            overview_boilerplate: Style::new().add_modifier(Modifier::DIM),
            overview_viewport: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new().add_modifier(Modifier::REVERSED),
            error: Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
            popup: plain,
            key: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    pub fn passage(&self, class: Class) -> Style {
        match class {
            Class::Shared {
                kind: LinkKind::Identical,
                ..
            } => self.identical,
            Class::Shared {
                kind: LinkKind::Reworded,
                ..
            } => self.reworded,
            Class::Shared {
                kind: LinkKind::Paraphrase,
                ..
            } => self.paraphrase,
            Class::Unique => self.unique,
            Class::Boilerplate => self.boilerplate,
        }
    }

    /// Overview glyph and style: the glyph alone tells shared from unique under `NO_COLOR`.
    pub fn overview(&self, shared: usize, unique: usize, boilerplate: usize) -> (char, Style) {
        match (shared > 0, unique > 0) {
            (true, true) => ('▓', self.overview_shared),
            (true, false) => ('█', self.overview_shared),
            (false, true) => ('░', self.overview_unique),
            (false, false) if boilerplate > 0 => ('·', self.overview_boilerplate),
            (false, false) => (' ', Style::new()),
        }
    }
}
