//! An article's HTML as plain paragraphs: one paragraph per block, blank lines between.
//!
//! Readability crates hand back cleaned HTML, and their own text output runs blocks together
//! or keeps the source's whitespace. parallax needs paragraphs and quotes it can align, so
//! this walk decides where passages break.

use dom_query::NodeRef;

/// Elements that end the paragraph before them and start a new one.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never article text: code, controls, page boilerplate.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "form", "button", "input", "select", "textarea", "nav", "head",
    "title", "meta", "link",
];

/// Paragraph texts of `root`'s content, in document order, whitespace collapsed.
/// Each paragraph inside a `<blockquote>` is put in quotation marks unless it already is.
pub fn paragraphs(root: &NodeRef) -> Vec<String> {
    let mut walk = Walk::default();
    walk.children(root);
    walk.flush();
    walk.done
}

#[derive(Default)]
struct Walk {
    done: Vec<String>,
    current: String,
    quote_depth: usize,
    pre_depth: usize,
    /// `<br>`s since the last word.
    brs: usize,
}

impl Walk {
    fn children(&mut self, node: &NodeRef) {
        let mut child = node.first_child();
        while let Some(c) = child {
            self.node(&c);
            child = c.next_sibling();
        }
    }

    fn node(&mut self, node: &NodeRef) {
        if node.is_text() {
            self.text(&node.text());
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIPPED.contains(&name.as_str()) || is_hidden(node) {
            return;
        }
        match name.as_str() {
            // A run of <br> is how old pages write paragraphs. A single one mostly wraps a line
            // inside a sentence, so it reads as a space and the sentence stays whole.
            "br" => {
                self.brs += 1;
                if self.brs >= 2 {
                    self.flush();
                } else {
                    self.space();
                }
            }
            "blockquote" => {
                self.flush();
                self.quote_depth += 1;
                self.children(node);
                self.flush();
                self.quote_depth -= 1;
            }
            "pre" => {
                self.flush();
                self.pre_depth += 1;
                self.children(node);
                self.pre_depth -= 1;
                self.flush();
            }
            "td" | "th" => {
                // Cells of one row read as one line of words, not one paragraph per cell.
                self.space();
                self.children(node);
                self.space();
            }
            n if BLOCKS.contains(&n) => {
                self.flush();
                self.children(node);
                self.flush();
            }
            _ => self.children(node),
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.flush();
                }
                self.push_collapsed(line);
            }
        } else {
            self.push_collapsed(text);
        }
    }

    fn push_collapsed(&mut self, text: &str) {
        for (i, word) in text.split(is_space).enumerate() {
            if i > 0 {
                self.space();
            }
            if !word.is_empty() {
                self.brs = 0;
            }
            self.current.push_str(word);
        }
    }

    fn space(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with(' ') {
            self.current.push(' ');
        }
    }

    fn flush(&mut self) {
        let paragraph = self.current.trim();
        if !paragraph.is_empty() {
            let paragraph = if self.quote_depth > 0 {
                quoted(paragraph)
            } else {
                paragraph.to_owned()
            };
            self.done.push(paragraph);
        }
        self.current.clear();
        self.brs = 0;
    }
}

/// HTML whitespace plus the no-break space, which pages use as layout glue between words.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C' | '\u{A0}')
}

fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") || node.attr("aria-hidden").as_deref() == Some("true") {
        return true;
    }
    node.attr("style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        let style = style.to_ascii_lowercase();
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

fn quoted(paragraph: &str) -> String {
    const OPENERS: &[char] = &['"', '\u{201C}', '\u{2018}', '\u{AB}', '\u{201E}', '\''];
    if paragraph.starts_with(OPENERS) {
        paragraph.to_owned()
    } else {
        format!("\u{201C}{paragraph}\u{201D}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(html: &str) -> Vec<String> {
        let doc = dom_query::Document::from(html);
        let body = doc.select("body");
        let node = *body.nodes().first().expect("body");
        paragraphs(&node)
    }

    #[test]
    fn blocks_and_brs_break_paragraphs_and_inline_runs_join() {
        let got = paras(
            "<body><h2>Harbour reopens</h2><p>The <em>ferry</em>\n   resumed\u{a0}service.</p>\
             <div>Crews worked<br>\n through the night.<br> <br>\n<br>Tolls stay.</div></body>",
        );
        assert_eq!(
            got,
            [
                "Harbour reopens",
                "The ferry resumed service.",
                "Crews worked through the night.",
                "Tolls stay."
            ]
        );
    }

    #[test]
    fn blockquotes_stay_quotes() {
        let got = paras(
            "<body><p>She said:</p><blockquote><p>We will rebuild.</p>\
             <p>\u{201C}Every pier.\u{201D}</p></blockquote></body>",
        );
        assert_eq!(
            got,
            [
                "She said:",
                "\u{201C}We will rebuild.\u{201D}",
                "\u{201C}Every pier.\u{201D}"
            ]
        );
    }

    #[test]
    fn scripts_navigation_and_hidden_nodes_are_dropped() {
        let got = paras(
            "<body><nav>Home | World</nav><script>var x = 1;</script>\
             <p hidden>secret</p><p style=\"display: none\">gone</p>\
             <p>Kept text.</p><form><button>Share</button></form></body>",
        );
        assert_eq!(got, ["Kept text."]);
    }

    #[test]
    fn table_rows_read_as_lines_and_pre_keeps_its_lines() {
        let got = paras(
            "<body><table><tr><td>Port</td><td>Open</td></tr></table>\
             <pre>line one\nline two</pre></body>",
        );
        assert_eq!(got, ["Port Open", "line one", "line two"]);
    }
}
