//! Long article pairs with a known answer, derived from a real long text.
//!
//! The source is the World English Bible (public domain), dumped by `benches/fetch-corpus.sh`
//! as one verse per record: `Book C:V: text`, poetry continuing on following lines. Verses are
//! real sentences of varied length, and the text (about 0.9M words once section headings are
//! dropped) gives the largest pair, asked for 1M words, about 0.88M words a side.
//!
//! From a seed, [`generate`] builds:
//! - LEFT: a title line, then the verses from Genesis on, grouped into paragraphs of 2 to 6
//!   verses (never across a chapter), until the requested number of words.
//! - RIGHT: the same paragraphs, edited the way outlets edit a story:
//!   - in `DELETE_P` of paragraphs one verse is deleted;
//!   - in `INSERT_P` of paragraphs one verse from beyond LEFT's end (text LEFT lacks) is inserted;
//!   - in `REWORD_P` of paragraphs one verse has 1 to 3 words replaced by other words of the text;
//!   - `MOVE_P` of paragraphs are moved, unchanged in wording or not, to another place.
//!
//! The [`Manifest`] records each LEFT verse's byte span, fate and whether its paragraph moved,
//! so that [`score`] can check what a report recovered.
//!
//! Everything is deterministic for a given source text, size and seed.

#![allow(dead_code)] // Each bench/example target uses part of this module.

use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;

pub const DELETE_P: f64 = 0.08;
pub const INSERT_P: f64 = 0.08;
pub const REWORD_P: f64 = 0.10;
pub const MOVE_P: f64 = 0.04;
/// At least 1/50 of the text (its end) is never in LEFT: the verses that RIGHT inserts.
/// It is about 18k words.
const INSERT_RESERVE_DIVISOR: usize = 50;
/// A few records of the dump are not verses but appended notes or glossaries running to
/// thousands of words; they are left out so that every unit reads as a sentence or two.
const MAX_VERSE_BYTES: usize = 1500;

/// SplitMix64, written out because the benchmark inputs must stay the same across crate
/// upgrades, and `rand`'s standard generator does not promise a stable stream.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

#[derive(Debug, Clone)]
pub struct Verse {
    /// Book and chapter, e.g. "Genesis 3": paragraphs never cross it.
    pub chapter: String,
    pub text: String,
}

/// Parse a dump from `diatheke -f plain`: records start with `Book C:V: `, poetry lines
/// continue a record, blank lines separate records.
pub fn parse_verses(dump: &str) -> Vec<Verse> {
    let head = Regex::new(r"^\s*(\S.*?) (\d+):(\d+): ?(.*)$").expect("valid regex");
    let mut verses: Vec<Verse> = Vec::new();
    // Poetry continues a verse on the next lines. A section heading comes right before a verse
    // whose reference is indented (and diatheke repeats some headings before every later verse
    // of a book), so such a line is dropped.
    let lines: Vec<&str> = dump.lines().map(str::trim_end).collect();
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("(engWEB") {
            break;
        }
        if let Some(c) = head.captures(line) {
            verses.push(Verse {
                chapter: format!("{} {}", &c[1], &c[2]),
                text: c[4].trim().to_owned(),
            });
            continue;
        }
        let heading = lines
            .get(i + 1)
            .is_some_and(|next| next.starts_with(' ') && head.is_match(next));
        if let Some(v) = verses
            .last_mut()
            .filter(|_| !heading && !line.trim().is_empty())
        {
            if !v.text.is_empty() {
                v.text.push(' ');
            }
            v.text.push_str(line.trim());
        }
    }
    verses.retain(|v| !v.text.is_empty() && v.text.len() <= MAX_VERSE_BYTES);
    verses
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fate {
    Kept,
    Deleted,
    Reworded,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VerseFate {
    /// Byte span of the verse in LEFT.
    pub span: [usize; 2],
    pub paragraph: usize,
    pub fate: Fate,
    /// Its paragraph sits elsewhere in RIGHT.
    pub moved: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub seed: u64,
    pub words: [usize; 2],
    pub paragraphs: usize,
    pub moved_paragraphs: usize,
    pub inserted_verses: usize,
    pub verses: Vec<VerseFate>,
}

pub struct Generated {
    pub left: String,
    pub right: String,
    pub manifest: Manifest,
}

/// Build a pair of about `target_words` words a side from `verses` (see the module docs).
pub fn generate(verses: &[Verse], target_words: usize, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    // Keep the last verses for insertion, so that the largest pair still gets new text.
    let available: usize = verses.iter().map(|v| words(&v.text)).sum();
    let target_words = target_words.min(available - available / INSERT_RESERVE_DIVISOR);
    // Paragraphs of LEFT as ranges of verse indices.
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let (mut i, mut total) = (0, 0);
    while i < verses.len() && total < target_words {
        let want = 2 + rng.below(5);
        let start = i;
        while i < verses.len() && i - start < want && verses[i].chapter == verses[start].chapter {
            total += words(&verses[i].text);
            i += 1;
        }
        paragraphs.push(start..i);
    }
    let mut pool = i..verses.len();
    let last = &verses[i.saturating_sub(1)].chapter;
    let title = format!("The World English Bible, Genesis 1 to {last}");

    // LEFT, remembering each verse's span.
    let mut left = format!("{title}\n\n");
    let mut fates: Vec<VerseFate> = Vec::new();
    for (p, range) in paragraphs.iter().enumerate() {
        if p > 0 {
            left.push_str("\n\n");
        }
        for (k, v) in range.clone().enumerate() {
            if k > 0 {
                left.push(' ');
            }
            let start = left.len();
            left.push_str(&verses[v].text);
            fates.push(VerseFate {
                span: [start, left.len()],
                paragraph: p,
                fate: Fate::Kept,
                moved: false,
            });
        }
    }
    left.push('\n');

    // RIGHT's paragraphs: verse texts after edits.
    let mut inserted = 0;
    let mut edited: Vec<Vec<String>> = Vec::with_capacity(paragraphs.len());
    for range in &paragraphs {
        let mut texts: Vec<Option<String>> = range
            .clone()
            .map(|v| Some(verses[v].text.clone()))
            .collect();
        if texts.len() >= 2 && rng.chance(DELETE_P) {
            let k = rng.below(texts.len());
            texts[k] = None;
            fates[range.start + k].fate = Fate::Deleted;
        }
        if rng.chance(REWORD_P) {
            let k = rng.below(texts.len());
            if let Some(t) = &texts[k] {
                texts[k] = Some(reword(t, verses, &mut rng));
                fates[range.start + k].fate = Fate::Reworded;
            }
        }
        let mut texts: Vec<String> = texts.into_iter().flatten().collect();
        if rng.chance(INSERT_P)
            && let Some(v) = pool.next()
        {
            let at = rng.below(texts.len() + 1);
            texts.insert(at, verses[v].text.clone());
            inserted += 1;
        }
        edited.push(texts);
    }

    // Move some paragraphs elsewhere.
    let mut order: Vec<usize> = (0..paragraphs.len()).collect();
    let movers: Vec<usize> = (1..paragraphs.len())
        .filter(|_| rng.chance(MOVE_P))
        .collect();
    order.retain(|p| !movers.contains(p));
    for &p in &movers {
        let at = rng.below(order.len() + 1);
        order.insert(at, p);
    }
    for f in &mut fates {
        f.moved = movers.binary_search(&f.paragraph).is_ok();
    }
    let mut right = format!("{title}\n\n");
    let body: Vec<String> = order
        .iter()
        .map(|&p| edited[p].join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    right.push_str(&body.join("\n\n"));
    right.push('\n');

    let manifest = Manifest {
        seed,
        words: [words(&left), words(&right)],
        paragraphs: paragraphs.len(),
        moved_paragraphs: movers.len(),
        inserted_verses: inserted,
        verses: fates,
    };
    Generated {
        left,
        right,
        manifest,
    }
}

/// Replace 1 to 3 words of `text` by words from other verses, keeping the punctuation around them.
fn reword(text: &str, verses: &[Verse], rng: &mut Rng) -> String {
    let mut tokens: Vec<String> = text.split(' ').map(str::to_owned).collect();
    let n = 1 + rng.below(3);
    for _ in 0..n {
        let k = rng.below(tokens.len());
        let donor = &verses[rng.below(verses.len())].text;
        let donor_words: Vec<&str> = donor
            .split(' ')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect();
        if donor_words.is_empty() {
            continue;
        }
        let new = donor_words[rng.below(donor_words.len())];
        let old = &tokens[k];
        let (Some(a), Some(b)) = (
            old.find(char::is_alphanumeric),
            old.rfind(char::is_alphanumeric),
        ) else {
            continue;
        };
        let end = b + old[b..].chars().next().map_or(1, char::len_utf8);
        tokens[k] = format!("{}{}{}", &old[..a], new, &old[end..]);
    }
    tokens.join(" ")
}

/// How much of the generator's known structure a JSON report recovered.
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Score {
    /// LEFT body passages lying wholly in unchanged verses of paragraphs that moved...
    pub moved_unchanged: usize,
    /// ...and of those, how many are linked as identical and marked moved.
    pub moved_recovered: usize,
    /// The same for paragraphs that stayed in place: identical and not moved.
    pub kept_unchanged: usize,
    pub kept_recovered: usize,
    /// Passages wholly in deleted verses, and how many of them are (rightly) left unlinked.
    pub deleted: usize,
    pub deleted_unlinked: usize,
    /// Links marked moved, and how many of them start in a paragraph that really moved.
    pub moved_links: usize,
    pub moved_links_right: usize,
}

#[derive(Deserialize)]
struct Report {
    left: ReportSide,
    links: Vec<ReportLink>,
}

#[derive(Deserialize)]
struct ReportSide {
    passages: Vec<ReportPassage>,
}

#[derive(Deserialize)]
struct ReportPassage {
    role: String,
    span: [usize; 2],
}

#[derive(Deserialize)]
struct ReportLink {
    left: Vec<usize>,
    kind: String,
    moved: bool,
}

/// Score a `compare --format json` report of a generated pair against its manifest.
pub fn score(manifest: &Manifest, report_json: &str) -> Result<Score, serde_json::Error> {
    let report: Report = serde_json::from_str(report_json)?;
    let mut link_of: Vec<Option<usize>> = vec![None; report.left.passages.len()];
    for (i, l) in report.links.iter().enumerate() {
        for &p in &l.left {
            if let Some(slot) = link_of.get_mut(p) {
                *slot = Some(i);
            }
        }
    }
    let verses = &manifest.verses;
    let mut s = Score::default();
    for (id, p) in report.left.passages.iter().enumerate() {
        if p.role != "body" {
            continue;
        }
        // The verses the passage overlaps (verses are sorted by span).
        let first = verses.partition_point(|v| v.span[1] <= p.span[0]);
        let last = verses.partition_point(|v| v.span[0] < p.span[1]);
        let covered = &verses[first..last.max(first)];
        let Some(head) = covered.first() else {
            continue;
        };
        let same_paragraph = covered.iter().all(|v| v.paragraph == head.paragraph);
        let link = link_of[id].map(|i| &report.links[i]);
        if same_paragraph && covered.iter().all(|v| v.fate == Fate::Kept) {
            let identical = link.is_some_and(|l| l.kind == "identical");
            let moved = link.is_some_and(|l| l.moved);
            if head.moved {
                s.moved_unchanged += 1;
                s.moved_recovered += usize::from(identical && moved);
            } else {
                s.kept_unchanged += 1;
                s.kept_recovered += usize::from(identical && !moved);
            }
        }
        if covered.iter().all(|v| v.fate == Fate::Deleted) {
            s.deleted += 1;
            s.deleted_unlinked += usize::from(link.is_none());
        }
    }
    for l in report.links.iter().filter(|l| l.moved) {
        s.moved_links += 1;
        let Some(p) = l.left.first().and_then(|&p| report.left.passages.get(p)) else {
            continue;
        };
        let at = verses.partition_point(|v| v.span[1] <= p.span[0]);
        s.moved_links_right += usize::from(verses.get(at).is_some_and(|v| v.moved));
    }
    Ok(s)
}

/// Where a bench or example binary finds the dumped long text: `PARALLAX_LONG_TEXT`, else
/// `<target dir>/bench-corpus/web.txt` as written by `benches/fetch-corpus.sh`.
pub fn long_text_path() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("PARALLAX_LONG_TEXT") {
        return p.into();
    }
    target_dir().join("bench-corpus").join("web.txt")
}

/// The cargo target directory, from the running binary's place in it
/// (`<target>/release/deps/compare-*` or `<target>/release/examples/*`).
pub fn target_dir() -> std::path::PathBuf {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(std::path::Path::to_path_buf))
        .unwrap_or_else(|| "target".into())
}
