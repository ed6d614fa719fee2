//! How deeply a page nests its elements, found without recursion.
//!
//! The extractor (`dom_smoothie`) and `dom_query`'s selectors walk the tree recursively, so a
//! page nested 30,000 elements deep overflowed the stack of the thread reading it and ended
//! the process with no message; and the HTML parser's time grows with depth times length
//! (100,000 levels took minutes). Browsers stop nesting at 512 levels (Blink's parser limit),
//! so no page a person reads comes near [`MAX_DEPTH`]: a deeper one is refused with a clear
//! message. The markup is measured before it is parsed ([`markup_deeper_than`]) and the
//! parsed tree again ([`tree_deeper_than`]), since a parser repairing misnested tags can
//! build depth the markup does not show.

use dom_query::Document;

/// Deepest nesting read. A page of 25,000 levels was still read on a 2 MiB thread stack (the
/// smallest parallax uses), so this leaves a wide margin.
pub const MAX_DEPTH: usize = 5_000;

/// Elements that never hold others (void) or whose end tag may be left out, which a
/// parser closes by itself: counting them as opened would take a long list or table for
/// deep nesting.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Elements whose content is text, where `<` opens no tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// Whether the markup opens elements more than `limit` deep, counted from start and end tags
/// alone: a cheap, generous estimate (an element left unclosed counts as still open) that
/// spares the parser pages it would take minutes over.
pub fn markup_deeper_than(html: &str, limit: usize) -> bool {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        i += k + 1;
        let closing = b.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            // A comment, doctype or processing instruction: skip to its end.
            if b[i..].starts_with(b"!--") {
                match memchr::memmem::find(&b[i..], b"-->") {
                    Some(end) => i += end + 3,
                    None => return false,
                }
            }
            continue;
        }
        // Compared without a lower-cased copy: a long page has tens of thousands of tags.
        let name = &html[name_start..name_start + name_len];
        let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(name));
        i = name_start + name_len;
        let tag_end = match memchr::memchr(b'>', &b[i..]) {
            Some(end) => i + end,
            None => return false,
        };
        let self_closing = tag_end > i && b[tag_end - 1] == b'/';
        i = tag_end + 1;
        if is(NOT_COUNTED) || self_closing {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        depth += 1;
        if depth > limit {
            return true;
        }
        if is(RAW_TEXT) {
            let end = format!("</{name}");
            match find_ascii_case_insensitive(&b[i..], end.as_bytes()) {
                Some(at) => i += at,
                None => return false,
            }
        }
    }
    false
}

fn find_ascii_case_insensitive(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether the parsed `document` nests nodes more than `limit` deep. Walks first child, next
/// sibling and parent links, so the walk itself needs no stack, and stops as soon as it knows.
pub fn tree_deeper_than(document: &Document, limit: usize) -> bool {
    let mut node = document.root();
    let mut depth = 0;
    loop {
        if let Some(child) = node.first_child() {
            depth += 1;
            if depth > limit {
                return true;
            }
            node = child;
            continue;
        }
        loop {
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                break;
            }
            match node.parent() {
                Some(parent) if depth > 0 => {
                    node = parent;
                    depth -= 1;
                }
                _ => return false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        format!(
            "<html><body>{}<p>text</p>{}</body></html>",
            "<div>".repeat(levels),
            "</div>".repeat(levels)
        )
    }

    #[test]
    fn the_tree_is_measured_at_its_deepest_branch_not_its_first() {
        // html > body > div > p, then a sibling branch six divs deep.
        let doc = Document::from(
            "<html><body><div><p>a</p></div><div><div><div><div><div><div>b</div></div></div>\
             </div></div></div></body></html>",
        );
        // html, body, six divs and the text node: 9 levels below the document.
        assert!(tree_deeper_than(&doc, 8));
        assert!(!tree_deeper_than(&doc, 9));
    }

    #[test]
    fn markup_depth_counts_elements_that_must_be_closed() {
        assert!(markup_deeper_than(&nested(60), 50));
        assert!(!markup_deeper_than(&nested(40), 50));
        // Flat content does not add up, however long: paragraphs, list items and table
        // cells left open, void elements, self-closing tags, tags in comments and scripts.
        let flat = "<ul><li>a<li>b</ul><p>x<br><img src=a><span/>\
                    <!-- <div><div><div> --><script>if (a<b) { x = '<div>'; }</script>"
            .repeat(100);
        assert!(!markup_deeper_than(&flat, 5));
    }

    #[test]
    fn a_page_deeper_than_any_browser_nests_is_refused_before_parsing() {
        assert!(markup_deeper_than(&nested(100_000), MAX_DEPTH));
    }
}
