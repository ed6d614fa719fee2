//! Whether bytes are an HTML page or plain text.

use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
}

impl Format {
    /// From a file name, when its extension says; `None` means sniff the bytes.
    pub fn from_extension(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "txt" | "text" | "md" => Some(Format::Text),
            _ => None,
        }
    }

    /// From an HTTP `Content-Type`. `Err` carries the media type to refuse: parallax reads
    /// pages and text, and a PDF or image read as text would only be garbage.
    pub fn from_content_type(content_type: &str) -> Result<Format, String> {
        let media = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        match media.as_str() {
            "text/html" | "application/xhtml+xml" => Ok(Format::Html),
            m if m.starts_with("text/") => Ok(Format::Text),
            _ => Err(media),
        }
    }

    /// Sniffs the start of the bytes the way browsers do for unlabelled resources
    /// (WHATWG MIME sniffing, "identifying a resource with an unknown MIME type"), so that
    /// a text file that merely mentions `<p>` later on stays text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let start = skip_bom_and_space(bytes);
        if start.first() != Some(&b'<') {
            return Format::Text;
        }
        const TAGS: [&[u8]; 17] = [
            b"!doctype html",
            b"html",
            b"head",
            b"script",
            b"iframe",
            b"h1",
            b"div",
            b"font",
            b"table",
            b"a",
            b"style",
            b"title",
            b"b",
            b"body",
            b"br",
            b"p",
            b"!--",
        ];
        let rest = &start[1..];
        let html = TAGS.iter().any(|tag| {
            rest.len() > tag.len()
                && rest[..tag.len()].eq_ignore_ascii_case(tag)
                && matches!(rest[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r' | b'/')
        });
        // Saved XHTML pages open with an XML declaration before the html element.
        let xhtml = rest.starts_with(b"?xml")
            && start
                .windows(5)
                .take(1024)
                .any(|w| w.eq_ignore_ascii_case(b"<html"));
        if html || xhtml || rest.starts_with(b"!--") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[first..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_sniffed_as_html_and_prose_as_text() {
        assert_eq!(
            Format::sniff(b"\xEF\xBB\xBF\n  <!DOCTYPE html><html>"),
            Format::Html
        );
        assert_eq!(Format::sniff(b"<html lang=\"en\">"), Format::Html);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"),
            Format::Html
        );
        assert_eq!(
            Format::sniff(b"<!-- saved from url -->\n<html>"),
            Format::Html
        );
        assert_eq!(
            Format::sniff(b"Headline\n\nA <p> tag is mentioned."),
            Format::Text
        );
        assert_eq!(Format::sniff(b"<3 this story"), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
    }

    #[test]
    fn content_types_pick_a_format_or_are_refused() {
        assert_eq!(
            Format::from_content_type("text/html; charset=utf-8"),
            Ok(Format::Html)
        );
        assert_eq!(Format::from_content_type("Text/Plain"), Ok(Format::Text));
        assert_eq!(
            Format::from_content_type("application/pdf"),
            Err("application/pdf".to_owned())
        );
    }

    #[test]
    fn extensions_decide_when_they_can() {
        assert_eq!(
            Format::from_extension(Path::new("a/page.HTM")),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_extension(Path::new("story.txt")),
            Some(Format::Text)
        );
        assert_eq!(Format::from_extension(Path::new("story")), None);
    }
}
