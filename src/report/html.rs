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
    format!("sha256-{}", base64(&Sha256::digest(script.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn our_own_css_and_script_cannot_close_their_elements() {
        assert!(!CSS.to_ascii_lowercase().contains("</style"));
        assert!(!JS.to_ascii_lowercase().contains("</script"));
    }
}
