//! The JSON report: a stable contract for scripts, documented in the README.

use super::json_string;
use crate::engine::{Article, Comparison, DiffOp, DiffPieces, Link, Metadata};
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

/// An array element written by hand: serde's generic path spent more on the bulk of a long
/// report (every passage and link) than the engine did on comparing. `serde_json` still
/// writes the small parts, and a test checks the two agree byte for byte.
trait Element {
    fn write_json(&self, out: &mut Vec<u8>);
}

fn push_uint(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A role, kind or op name: a lower-case word that needs no escaping.
fn push_name(out: &mut Vec<u8>, name: &'static str) {
    debug_assert!(name.bytes().all(|b| b.is_ascii_lowercase()));
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.push(b'"');
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
        push_name(out, self.role);
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
        push_name(out, self.kind);
        out.extend_from_slice(b",\"similarity\":");
        // Floats through serde_json, so they are formatted exactly as before.
        serde_json::to_writer(&mut *out, &self.similarity).expect("writing to memory");
        out.extend_from_slice(if self.moved {
            b",\"moved\":true"
        } else {
            b",\"moved\":false"
        });
        out.extend_from_slice(b",\"diff\":[");
        for (i, (op, text)) in self.diff.0.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"op\":");
            push_name(out, op.name());
            out.extend_from_slice(b",\"text\":");
            json_string::write(out, text);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}");
    }
}

/// Elements serialised per chunk, a piece of parallel work (about 50 KB of JSON): large
/// enough that a chunk's bookkeeping is nothing, small enough that when one core runs slow
/// (a neighbour on the host) the other takes over most of a batch.
const CHUNK: usize = 256;

/// Chunks serialised at once on the cores, then written out in order. The buffers of a batch
/// hold as much as the two 1,024-element chunks that were serialised at once before, one per
/// core, so the report touches no more fresh memory; but each core waited for the other at
/// the end of every pair of chunks.
const BATCH: usize = 8;

/// On one core, elements gather in one buffer that goes out whenever it holds this much:
/// as large as the output buffer, so that it passes straight through rather than being
/// copied again, and small, so that it touches few fresh pages.
const SERIAL_FLUSH: usize = 16 * 1024;

/// Write the JSON array of elements `0..count`, each written by `element` into a buffer.
/// Reports of long articles run to tens of megabytes and serialising them was a fifth of
/// `compare`'s time: with `parallel`, a batch of chunks is serialised on both cores at once.
/// The buffers are reused from batch to batch, so the report never sits in memory whole.
fn write_array(
    out: &mut dyn Write,
    count: usize,
    parallel: bool,
    element: impl Fn(usize, &mut Vec<u8>) + Sync,
) -> io::Result<()> {
    let fill = |buf: &mut Vec<u8>, range: std::ops::Range<usize>| {
        // Filled through a local header, and given back: were the threads to push to
        // buffers whose headers share a cache line (`Vec`s side by side), every byte pushed
        // on one core would take that line from the other, and writing on two cores was
        // slower than on one (0.88M: 4.0 ms an article against 3.0).
        let mut local = std::mem::take(buf);
        local.clear();
        for i in range {
            if i > 0 {
                local.push(b',');
            }
            element(i, &mut local);
        }
        *buf = local;
    };
    out.write_all(b"[")?;
    if parallel {
        let mut bufs: Vec<Vec<u8>> = vec![Vec::new(); BATCH];
        for start in (0..count).step_by(BATCH * CHUNK) {
            let range =
                |k: usize| (start + k * CHUNK).min(count)..(start + (k + 1) * CHUNK).min(count);
            bufs.par_iter_mut()
                .with_max_len(1)
                .enumerate()
                .for_each(|(k, buf)| fill(buf, range(k)));
            for buf in &bufs {
                out.write_all(buf)?;
            }
        }
    } else {
        let mut buf = Vec::with_capacity(SERIAL_FLUSH + SERIAL_FLUSH / 4);
        for i in 0..count {
            if i > 0 {
                buf.push(b',');
            }
            element(i, &mut buf);
            if buf.len() >= SERIAL_FLUSH {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)?;
    }
    out.write_all(b"]")
}

/// `{"source":…,…,"passages":[…]}` for one side.
fn write_article(
    out: &mut dyn Write,
    c: &Comparison,
    side: Side,
    parallel: bool,
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
    write_array(out, a.passages.len(), parallel, |id, buf| {
        passage_out(c, side, id).write_json(buf)
    })?;
    out.write_all(b"}")
}

pub fn write(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let count = |k| c.links.iter().filter(|l| l.kind == k).count();
    use crate::engine::LinkKind::*;
    let parallel =
        crate::engine::parallel::worth_it(c.articles.left.text.len() + c.articles.right.text.len());
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
    write_article(out, c, Side::Left, parallel)?;
    out.write_all(b",\"right\":")?;
    write_article(out, c, Side::Right, parallel)?;
    out.write_all(b",\"links\":")?;
    write_array(out, c.links.len(), parallel, |i, buf| {
        link_out(c, &c.links[i]).write_json(buf)
    })?;
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

    #[test]
    fn numbers_are_written_in_decimal_and_nothing_after() {
        for n in [0, 7, 10, 99, 100, 65_535, 1_234_567, usize::MAX] {
            let mut out = b"[".to_vec();
            push_uint(&mut out, n);
            out.push(b']');
            assert_eq!(String::from_utf8(out).unwrap(), format!("[{n}]"));
        }
    }

    #[test]
    fn arrays_written_on_two_cores_are_written_as_on_one() {
        let element = |i: usize, buf: &mut Vec<u8>| push_uint(buf, i * 7);
        for count in [
            0,
            1,
            CHUNK - 1,
            CHUNK,
            2 * CHUNK,
            2 * CHUNK + 1,
            BATCH * CHUNK,
            BATCH * CHUNK + 1,
            3 * BATCH * CHUNK - 5,
        ] {
            let (mut one, mut two) = (Vec::new(), Vec::new());
            write_array(&mut one, count, false, element).unwrap();
            write_array(&mut two, count, true, element).unwrap();
            assert_eq!(one, two, "{count} elements");
            let parsed: Vec<usize> = serde_json::from_slice(&two).unwrap();
            assert_eq!(parsed, (0..count).map(|i| i * 7).collect::<Vec<_>>());
        }
    }

    #[test]
    fn hand_written_elements_match_serde() {
        let c = gazette_against_coastline();
        let check = |element: &dyn Element, serde: Vec<u8>| {
            let mut ours = Vec::new();
            element.write_json(&mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(serde).unwrap()
            );
        };
        for side in Side::BOTH {
            for id in 0..c.articles[side].passages.len() {
                let p = passage_out(&c, side, id);
                check(&p, serde_json::to_vec(&p).unwrap());
            }
        }
        assert!(
            c.links.iter().any(|l| l.diff.len() > 1),
            "some link has changes"
        );
        for l in &c.links {
            let out = link_out(&c, l);
            check(&out, serde_json::to_vec(&out).unwrap());
        }
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
