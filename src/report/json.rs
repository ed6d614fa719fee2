//! The JSON report: a stable contract for scripts, documented in the README.

use crate::engine::{Article, Comparison, DiffPiece, Metadata};
use crate::side::Side;
use serde::Serialize;
use std::io::{self, Write};

/// Bumped whenever a field changes meaning or disappears; new fields do not bump it.
pub const SCHEMA: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    schema: u32,
    left: ArticleOut<'a>,
    right: ArticleOut<'a>,
    links: Vec<LinkOut<'a>>,
    stats: StatsOut,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    source: &'a str,
    label: &'a str,
    title: &'a str,
    #[serde(flatten)]
    meta: &'a Metadata,
    passages: Vec<PassageOut<'a>>,
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
    diff: &'a [DiffPiece],
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

fn article_out<'a>(c: &'a Comparison, side: Side) -> ArticleOut<'a> {
    let a: &Article = &c.articles[side];
    ArticleOut {
        source: &a.source,
        label: &a.label,
        title: a.title().unwrap_or(""),
        meta: &a.meta,
        passages: a
            .passages
            .iter()
            .enumerate()
            .map(|(id, p)| PassageOut {
                id,
                text: a.passage_text(id),
                role: p.role.name(),
                paragraph: p.paragraph,
                span: [p.span.start, p.span.end],
                link: c.link_of[side][id],
            })
            .collect(),
    }
}

/// Round to four decimals so that reports are stable and readable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

pub fn write(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let count = |k| c.links.iter().filter(|l| l.kind == k).count();
    use crate::engine::LinkKind::*;
    let report = Report {
        schema: SCHEMA,
        left: article_out(c, Side::Left),
        right: article_out(c, Side::Right),
        links: c
            .links
            .iter()
            .map(|l| LinkOut {
                left: &l.passages.left,
                right: &l.passages.right,
                kind: l.kind.name(),
                similarity: round(l.similarity),
                moved: l.moved,
                diff: &l.diff,
            })
            .collect(),
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
