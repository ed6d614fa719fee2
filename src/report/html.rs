//! The HTML report: one self-contained page with the two articles side by side, for readers
//! without a terminal. Its CSS and script live in `assets/` and are inlined; the page loads
//! nothing, and reads the same with scripts off.

use super::html_model::{Mark, Page};
use crate::engine::Comparison;
use crate::notes::PlacedNote;
use crate::side::Pair;
use askama::Template;
use sha2::{Digest, Sha256};
use std::io::{self, Write};

const CSS: &str = include_str!("../../assets/report.css");
const JS: &str = include_str!("../../assets/report.js");

#[derive(Template)]
#[template(path = "report.html", config = "assets/templates/askama.toml")]
struct ReportPage<'a> {
    page: Page<'a>,
    css: &'static str,
    js: &'static str,
    script_hash: String,
}

impl super::html_model::Column<'_> {
    /// The other column's id prefix, for a passage's link to its counterpart.
    fn other_key(&self) -> char {
        if self.key == 'l' { 'r' } else { 'l' }
    }
}

/// Write the page for `c`, with `notes` (each side's, as placed by the notes store) beside
/// their passages. Pure: the caller reads the notes, so that tests can hand them in.
pub fn write(c: &Comparison, notes: &Pair<Vec<PlacedNote>>, out: &mut dyn Write) -> io::Result<()> {
    let page = ReportPage {
        page: Page::new(c, notes),
        css: CSS,
        js: JS,
        script_hash: script_hash(JS),
    };
    page.write_into(&mut io::BufWriter::with_capacity(64 * 1024, out))
}

/// The page's Content-Security-Policy names its one script by hash, so that nothing else
/// could run even if markup got into the page.
fn script_hash(script: &str) -> String {
    use base64::Engine;
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_hash_is_the_one_browsers_compute() {
        // `echo -n 'x' | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            script_hash("x"),
            "sha256-LXEWQrcmsEQBYnyp+6wy9chTD7GQPMTbAiWHF5IaSIE="
        );
    }

    #[test]
    fn our_own_css_and_script_cannot_close_their_elements() {
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert!(!JS.to_ascii_lowercase().contains("</script"));
    }
}
