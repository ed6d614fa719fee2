//! Headless reports of a comparison: text for reading in a pipe, JSON for scripts,
//! Markdown for pasting into a document, HTML for sharing a page. Each writes to any
//! `io::Write`.

pub mod html;
mod html_model;
pub mod json;
mod json_string;
pub mod markdown;
pub mod style;
pub mod summary;
pub mod text;

pub use style::Style;

/// The report formats of `parallax compare --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
    /// One self-contained page, the two articles side by side.
    Html,
}

/// Write `c` in `format`; `style` only matters for text. HTML comes without notes here: see
/// [`html::write`] to give it some.
pub fn write(
    c: &crate::engine::Comparison,
    format: Format,
    style: Style,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::write(c, style, out),
        Format::Json => json::write(c, out),
        Format::Markdown => markdown::write(c, out),
        Format::Html => html::write(c, &crate::side::Pair::default(), out),
    }
}
