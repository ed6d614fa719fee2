//! The JSON report: a stable contract for scripts, documented in the README.

use crate::engine::{Article, Comparison, DiffOp, DiffPieces, Link, Metadata};
use crate::side::Side;
use serde::Serialize;
use std::io::{self, Write};

/// Bumped whenever a field changes meaning or disappears; new fields do not bump it.
pub const SCHEMA: u32 = 1;

/// An article's fields but its passages, which are written after them.
#[derive(Serialize)]
struct ArticleHead<'a> {
    source: &'a str,
    label: &'a str,
    title: &'a str,
    #[serde(flatten)]
    meta: &'a Metadata,
}

#[derive(Serialize)]
struct PassageOut<'a> {
    id: usize,
    text: &'a str,
    role: &'static str,
    paragraph: usize,
    span: [usize; 2],
    /// Index into `links`, when the passage is shared.
    #[serde(skip_serializing_if = "Option::is_none")]
    link: Option<usize>,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    left: &'a [usize],
    right: &'a [usize],
    kind: &'static str,
    similarity: f64,
    moved: bool,
    diff: Diff<'a>,
}

/// A link's diff as the JSON array of `{"op", "text"}` pieces.
struct Diff<'a>(DiffPieces<'a>);

impl Serialize for Diff<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Piece<'a> {
            op: DiffOp,
            text: &'a str,
        }
        serializer.collect_seq(self.0.iter().map(|(op, text)| Piece { op, text }))
    }
}

#[derive(Serialize)]
struct StatsOut {
    left_shared: f64,
    right_shared: f64,
    links: usize,
    identical: usize,
    reworded: usize,
    paraphrase: usize,
    moved: usize,
}

fn passage_out(c: &Comparison, side: Side, id: usize) -> PassageOut<'_> {
    let a: &Article = &c.articles[side];
    let p = &a.passages[id];
    PassageOut {
        id,
        text: a.passage_text(id),
        role: p.role.name(),
        paragraph: p.paragraph,
        span: [p.span.start, p.span.end],
        link: c.link_of[side][id],
    }
}

fn link_out<'a>(c: &'a Comparison, l: &'a Link) -> LinkOut<'a> {
    LinkOut {
        left: &l.passages.left,
        right: &l.passages.right,
        kind: l.kind.name(),
        similarity: round(l.similarity),
        moved: l.moved,
        diff: Diff(l.pieces(&c.articles)),
    }
}

/// Round to four decimals so that reports are stable and readable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// An article's fields, its passages last.
#[derive(Serialize)]
struct ArticleOut<'a> {
    #[serde(flatten)]
    head: ArticleHead<'a>,
    passages: Passages<'a>,
}

/// One side's passages, serialised as they are read rather than gathered first.
struct Passages<'a> {
    comparison: &'a Comparison,
    side: Side,
}

impl Serialize for Passages<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let count = self.comparison.articles[self.side].passages.len();
        serializer.collect_seq((0..count).map(|id| passage_out(self.comparison, self.side, id)))
    }
}

/// The links, serialised as they are read.
struct Links<'a>(&'a Comparison);

impl Serialize for Links<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.links.iter().map(|l| link_out(self.0, l)))
    }
}

#[derive(Serialize)]
struct ReportOut<'a> {
    schema: u32,
    left: ArticleOut<'a>,
    right: ArticleOut<'a>,
    links: Links<'a>,
    stats: StatsOut,
}

fn article_out(c: &Comparison, side: Side) -> ArticleOut<'_> {
    let a = &c.articles[side];
    ArticleOut {
        head: ArticleHead {
            source: &a.source,
            label: &a.label,
            title: a.title().unwrap_or(""),
            meta: &a.meta,
        },
        passages: Passages {
            comparison: c,
            side,
        },
    }
}

pub fn write(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let count = |k| c.links.iter().filter(|l| l.kind == k).count();
    use crate::engine::LinkKind::*;
    let report = ReportOut {
        schema: SCHEMA,
        left: article_out(c, Side::Left),
        right: article_out(c, Side::Right),
        links: Links(c),
        stats: StatsOut {
            left_shared: round(c.stats.shared.left),
            right_shared: round(c.stats.shared.right),
            links: c.links.len(),
            identical: count(Identical),
            reworded: count(Reworded),
            paraphrase: count(Paraphrase),
            moved: c.links.iter().filter(|l| l.moved).count(),
        },
    };
    // Compact: reports of long articles run to tens of megabytes; `jq` pretty-prints.
    serde_json::to_writer(&mut *out, &report)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CompareOptions, build_article, compare};

    fn fixture(name: &str, text: &str) -> Article {
        build_article(name, None, text.to_owned(), Metadata::default())
    }

    fn gazette_against_coastline() -> Comparison {
        compare(
            fixture("gazette", include_str!("../../tests/fixtures/gazette.txt")),
            fixture(
                "coastline",
                include_str!("../../tests/fixtures/coastline.txt"),
            ),
            &CompareOptions::default(),
        )
    }

    /// The contract's fields, in the contract's order.
    #[test]
    fn fields_come_in_the_documented_order() {
        let c = gazette_against_coastline();
        let mut json = Vec::new();
        write(&c, &mut json).unwrap();
        assert_eq!(json.last(), Some(&b'\n'));
        let text = String::from_utf8(json).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        let keys = |v: &serde_json::Value| -> Vec<String> {
            v.as_object().unwrap().keys().cloned().collect()
        };
        // serde_json's map keeps keys sorted unless told otherwise, so order is read off
        // the text itself.
        let at = |needle: &str| text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        assert!(at("{\"schema\":1,\"left\":{\"source\":") == 0);
        assert!(at("\"label\":") < at("\"title\":") && at("\"title\":") < at("\"passages\":"));
        assert!(at("\"right\":") < at("\"links\":") && at("\"links\":") < at("\"stats\":"));
        let first = &v["left"]["passages"][0];
        for key in ["id", "text", "role", "paragraph", "span"] {
            assert!(keys(first).contains(&key.to_owned()), "{key}");
        }
        assert!(text.contains("{\"id\":0,\"text\":"));
        assert!(text.contains(",\"kind\":") && text.contains(",\"similarity\":"));
        let link = &v["links"][0];
        for key in ["left", "right", "kind", "similarity", "moved", "diff"] {
            assert!(keys(link).contains(&key.to_owned()), "{key}");
        }
        assert_eq!(v["stats"]["links"], c.links.len());
    }

    /// Links between passages with the same text keep no diff of their own; the report still
    /// gives the one equal piece the contract promises.
    #[test]
    fn same_text_links_report_their_equal_piece() {
        let c = gazette_against_coastline();
        let mut json = Vec::new();
        write(&c, &mut json).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let same: Vec<usize> = (0..c.links.len())
            .filter(|&i| c.links[i].diff.is_empty())
            .collect();
        assert!(!same.is_empty(), "the fixtures share sentences to the byte");
        for i in same {
            let l = &c.links[i];
            let text = c.articles.left.passage_text(l.passages.left[0]);
            assert_eq!(text, c.articles.right.passage_text(l.passages.right[0]));
            assert_eq!(
                json["links"][i]["diff"],
                serde_json::json!([{ "op": "equal", "text": text }])
            );
        }
    }
}
