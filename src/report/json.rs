//! The JSON report: a stable contract for scripts, documented in the README.

use super::json_string;
use crate::engine::{Article, Comparison, DiffPiece, Metadata};
use crate::side::Side;
use rayon::prelude::*;
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

fn passages_out(c: &Comparison, side: Side) -> Vec<PassageOut<'_>> {
    let a: &Article = &c.articles[side];
    a.passages
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
        .collect()
}

/// Round to four decimals so that reports are stable and readable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// An array element written by hand: serde's generic path spent more on the bulk of a long
/// report (every passage and link) than the engine did on comparing. `serde_json` still
/// writes the small parts, and a test checks the two agree byte for byte.
trait Element {
    fn write_json(&self, out: &mut Vec<u8>);
}

fn push_uint(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

fn push_ids(out: &mut Vec<u8>, ids: &[usize]) {
    out.push(b'[');
    for (i, &id) in ids.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        push_uint(out, id);
    }
    out.push(b']');
}

impl Element for PassageOut<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"id\":");
        push_uint(out, self.id);
        out.extend_from_slice(b",\"text\":");
        json_string::write(out, self.text);
        out.extend_from_slice(b",\"role\":");
        json_string::write(out, self.role);
        out.extend_from_slice(b",\"paragraph\":");
        push_uint(out, self.paragraph);
        out.extend_from_slice(b",\"span\":");
        push_ids(out, &self.span);
        if let Some(link) = self.link {
            out.extend_from_slice(b",\"link\":");
            push_uint(out, link);
        }
        out.push(b'}');
    }
}

impl Element for LinkOut<'_> {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"left\":");
        push_ids(out, self.left);
        out.extend_from_slice(b",\"right\":");
        push_ids(out, self.right);
        out.extend_from_slice(b",\"kind\":");
        json_string::write(out, self.kind);
        out.extend_from_slice(b",\"similarity\":");
        // Floats through serde_json, so they are formatted exactly as before.
        serde_json::to_writer(&mut *out, &self.similarity).expect("writing to memory");
        out.extend_from_slice(if self.moved {
            b",\"moved\":true"
        } else {
            b",\"moved\":false"
        });
        out.extend_from_slice(b",\"diff\":[");
        for (i, piece) in self.diff.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"op\":");
            json_string::write(out, piece.op.name());
            out.extend_from_slice(b",\"text\":");
            json_string::write(out, &piece.text);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }
}

/// Elements serialised per chunk: large enough that a chunk's bookkeeping is nothing, small
/// enough that the two cores share the work evenly.
const CHUNK: usize = 2048;

/// The elements of a JSON array, comma-separated, as chunks of bytes in order. Reports of
/// long articles run to tens of megabytes, and serialising them was a fifth of `compare`'s
/// time on one core; chunks let both cores do it.
fn array_chunks<T: Element + Sync>(items: &[T], parallel: bool) -> Vec<Vec<u8>> {
    let chunk = |(i, part): (usize, &[T])| -> Vec<u8> {
        let mut buf = Vec::with_capacity(part.len() * 256);
        for (j, item) in part.iter().enumerate() {
            if i + j > 0 {
                buf.push(b',');
            }
            item.write_json(&mut buf);
        }
        buf
    };
    let parts: Vec<(usize, &[T])> = items
        .chunks(CHUNK)
        .enumerate()
        .map(|(n, part)| (n * CHUNK, part))
        .collect();
    if parallel {
        parts.into_par_iter().map(chunk).collect()
    } else {
        parts.into_iter().map(chunk).collect()
    }
}

fn write_array(out: &mut dyn Write, chunks: &[Vec<u8>]) -> io::Result<()> {
    out.write_all(b"[")?;
    for c in chunks {
        out.write_all(c)?;
    }
    out.write_all(b"]")
}

/// `{"source":…,…,"passages":[…]}` for one side.
fn write_article(
    out: &mut dyn Write,
    c: &Comparison,
    side: Side,
    passages: &[Vec<u8>],
) -> io::Result<()> {
    let a = &c.articles[side];
    let head = serde_json::to_vec(&ArticleHead {
        source: &a.source,
        label: &a.label,
        title: a.title().unwrap_or(""),
        meta: &a.meta,
    })?;
    // The head is an object: reopen it to add the passages as its last field.
    out.write_all(&head[..head.len() - 1])?;
    out.write_all(b",\"passages\":")?;
    write_array(out, passages)?;
    out.write_all(b"}")
}

pub fn write(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let count = |k| c.links.iter().filter(|l| l.kind == k).count();
    use crate::engine::LinkKind::*;
    let parallel =
        crate::engine::parallel::worth_it(c.articles.left.text.len() + c.articles.right.text.len());
    let links: Vec<LinkOut> = c
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
        .collect();
    let (left, right) = (passages_out(c, Side::Left), passages_out(c, Side::Right));
    let (left, right, links) = (
        array_chunks(&left, parallel),
        array_chunks(&right, parallel),
        array_chunks(&links, parallel),
    );
    let stats = StatsOut {
        left_shared: round(c.stats.shared.left),
        right_shared: round(c.stats.shared.right),
        links: c.links.len(),
        identical: count(Identical),
        reworded: count(Reworded),
        paraphrase: count(Paraphrase),
        moved: c.links.iter().filter(|l| l.moved).count(),
    };
    // Compact: reports of long articles run to tens of megabytes; `jq` pretty-prints.
    write!(out, "{{\"schema\":{SCHEMA},\"left\":")?;
    write_article(out, c, Side::Left, &left)?;
    out.write_all(b",\"right\":")?;
    write_article(out, c, Side::Right, &right)?;
    out.write_all(b",\"links\":")?;
    write_array(out, &links)?;
    out.write_all(b",\"stats\":")?;
    serde_json::to_writer(&mut *out, &stats)?;
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CompareOptions, build_article, compare};

    fn fixture(name: &str, text: &str) -> Article {
        build_article(name, None, text.to_owned(), Metadata::default())
    }

    #[test]
    fn hand_written_elements_match_serde() {
        let c = compare(
            fixture("gazette", include_str!("../../tests/fixtures/gazette.txt")),
            fixture(
                "coastline",
                include_str!("../../tests/fixtures/coastline.txt"),
            ),
            &CompareOptions::default(),
        );
        let check = |element: &dyn Element, serde: Vec<u8>| {
            let mut ours = Vec::new();
            element.write_json(&mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(serde).unwrap()
            );
        };
        for side in Side::BOTH {
            for p in passages_out(&c, side) {
                check(&p, serde_json::to_vec(&p).unwrap());
            }
        }
        assert!(
            c.links.iter().any(|l| l.diff.len() > 1),
            "some link has changes"
        );
        for l in &c.links {
            let out = LinkOut {
                left: &l.passages.left,
                right: &l.passages.right,
                kind: l.kind.name(),
                similarity: round(l.similarity),
                moved: l.moved,
                diff: &l.diff,
            };
            check(&out, serde_json::to_vec(&out).unwrap());
        }
    }
}
