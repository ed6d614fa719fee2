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

/// A passage or link written by hand. These two arrays are nearly all of a long report (the
/// text of both articles goes out about twice), and through serde they took 37% of a
/// whole-Bible comparison, against the 10% this project accepts; serde writes the rest, and a
/// test checks that the two agree byte for byte.
trait Element {
    fn write_json(&self, out: &mut Vec<u8>);
}

/// Decimal digits by hand: through `write!` the formatting machinery took an eighth of the
/// time of writing the arrays, which hold a million numbers at 1M words, most of them byte
/// offsets of six or seven digits. Two digits are taken at a time, and the whole digit buffer
/// is copied and its tail cut off: a copy of a length known only at run time was a call to
/// `memcpy` for each number.
fn push_uint(out: &mut Vec<u8>, mut n: usize) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    const MAX_DIGITS: usize = usize::MAX.ilog10() as usize + 1;
    let len = n.checked_ilog10().map_or(1, |log| log as usize + 1);
    let mut digits = [0u8; MAX_DIGITS];
    let mut at = len;
    while at >= 2 {
        let pair = 2 * (n % 100);
        digits[at - 2..at].copy_from_slice(&PAIRS[pair..pair + 2]);
        n /= 100;
        at -= 2;
    }
    if at == 1 {
        digits[0] = b'0' + n as u8;
    }
    let end = out.len() + len;
    out.extend_from_slice(&digits);
    out.truncate(end);
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
        // Floats through serde_json, so that they are formatted as everywhere else.
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

/// Elements serialised as one piece of parallel work: about 50 KB of JSON, so that a piece's
/// bookkeeping is nothing and, when one core runs slow, the other takes over most of a batch.
const CHUNK: usize = 256;
/// Pieces serialised at once, while the batch before is written out, so that a report of tens
/// of megabytes never sits in memory whole (two batches of about 2 MB are held at a time).
/// Each batch waits for its slowest piece: batches of 8 spent 2 ms more of a whole-Bible
/// report so.
const BATCH: usize = 32;

/// Write the JSON array of elements `0..count`, element `i` written by `element`. Reports of
/// long articles are tens of megabytes, and on inputs long enough for `parallel` the pieces
/// are serialised on all cores.
fn write_array<E: Element>(
    out: &mut dyn Write,
    count: usize,
    parallel: bool,
    element: impl Fn(usize) -> E + Sync,
) -> io::Result<()> {
    let piece = |range: std::ops::Range<usize>| {
        let mut buf = Vec::with_capacity(64 * 1024);
        for i in range {
            if i > 0 {
                buf.push(b',');
            }
            element(i).write_json(&mut buf);
        }
        buf
    };
    let step = if parallel { BATCH * CHUNK } else { CHUNK };
    let batch = |start: usize| -> Vec<Vec<u8>> {
        let ranges = (start..(start + step).min(count))
            .step_by(CHUNK)
            .map(|from| from..(from + CHUNK).min(count));
        if parallel {
            ranges
                .collect::<Vec<_>>()
                .into_par_iter()
                .map(piece)
                .collect()
        } else {
            ranges.map(piece).collect()
        }
    };
    out.write_all(b"[")?;
    let mut ready = batch(0);
    for next in (step..count).step_by(step) {
        // The next batch is serialised while this one is written out: writing is this
        // thread's alone, and the other cores would wait for it.
        let mut formatted = Vec::new();
        if parallel {
            rayon::in_place_scope(|scope| {
                scope.spawn(|_| formatted = batch(next));
                ready.iter().try_for_each(|p| out.write_all(p))
            })?;
        } else {
            // A short report is written before a thread pool would have started.
            ready.iter().try_for_each(|p| out.write_all(p))?;
            formatted = batch(next);
        }
        ready = formatted;
    }
    for p in &ready {
        out.write_all(p)?;
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
    write_array(out, a.passages.len(), parallel, |id| {
        passage_out(c, side, id)
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
    write_array(out, c.links.len(), parallel, |i| link_out(c, &c.links[i]))?;
    out.write_all(b",\"stats\":")?;
    serde_json::to_writer(&mut *out, &stats)?;
    writeln!(out, "}}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CompareOptions, build_article, compare};

    #[test]
    fn numbers_are_written_as_rust_writes_them() {
        let edges = [0, 9, 10, 99, 100, 999, 1000, 1_234_567, usize::MAX];
        for n in edges.into_iter().chain((0..100_000).step_by(7)) {
            let mut out = b"x".to_vec();
            push_uint(&mut out, n);
            assert_eq!(out, format!("x{n}").into_bytes());
        }
    }

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

    /// The hand-written arrays say what serde would say of the same values.
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
