//! Extraction against Mozilla Readability's test pages (shared corpus, `html/`): how much of
//! each expected article the extraction keeps (recall) and how much it adds (extra words /
//! extracted words), counted as multisets of lower-cased words.
//!
//! Run with `PARALLAX_CORPUS=/path/to/shared/corpus cargo test --test input_corpus -- --nocapture`.

use parallax::input::{self, InputEnv, LoadOptions};
use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::UNIX_EPOCH;

/// Measured 0.998 overall (see the README); the floor leaves room for harmless drift, not
/// for losing paragraphs.
const RECALL_FLOOR: f64 = 0.97;

fn corpus() -> Option<PathBuf> {
    let corpus = std::env::var_os("PARALLAX_CORPUS").map(PathBuf::from);
    if corpus.is_none() {
        // Written straight to stderr, which the test harness does not capture, so that a
        // skip is seen even without --nocapture.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: set PARALLAX_CORPUS to the shared corpus to run the extraction checks"
        );
    }
    corpus
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words of `got` that match a word of `expected`, each expected word used once.
fn common(expected: &[String], got: &[String]) -> usize {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for w in expected {
        *left.entry(w).or_default() += 1;
    }
    got.iter()
        .filter(|w| match left.get_mut(w.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
        .count()
}

#[test]
fn readability_test_pages_extract_with_high_recall() {
    let Some(corpus) = corpus() else {
        return;
    };
    let root = corpus.join("html");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    assert!(
        pages.len() >= 35,
        "expected 35 pages under {}",
        root.display()
    );

    let (mut kept, mut expected_total, mut extracted_total) = (0, 0, 0);
    let (mut body_kept, mut body_total) = (0, 0);
    println!(
        "{:<28} {:>7} {:>7} {:>7}",
        "page", "words", "recall", "extra"
    );
    for page in &pages {
        let expected_html = std::fs::read_to_string(page.join("expected.html")).unwrap();
        let expected = words(
            &dom_query::Document::from(expected_html.as_str())
                .select("body")
                .text(),
        );
        let source = page.join("source.html");
        let mut stdin = std::io::empty();
        let mut env = InputEnv {
            stdin: &mut stdin,
            cache_dir: None,
            now: UNIX_EPOCH,
        };
        let text = match input::load(&source.to_string_lossy(), &LoadOptions::default(), &mut env) {
            Ok(loaded) => loaded.text,
            Err(e) => {
                println!("{e}");
                String::new()
            }
        };
        let got = words(&text);
        let c = common(&expected, &got);
        // The body alone, without the title and standfirst lines parallax puts on top.
        let body = words(text.split_once("\n\n").map_or("", |(_, body)| body));
        body_kept += common(&expected, &body);
        body_total += body.len();
        println!(
            "{:<28} {:>7} {:>7.3} {:>7.3}",
            page.file_name().unwrap().to_string_lossy(),
            expected.len(),
            c as f64 / expected.len().max(1) as f64,
            (got.len() - c) as f64 / got.len().max(1) as f64,
        );
        kept += c;
        expected_total += expected.len();
        extracted_total += got.len();
    }
    let recall = kept as f64 / expected_total as f64;
    let extra = (extracted_total - kept) as f64 / extracted_total as f64;
    println!(
        "overall over {} pages: recall {recall:.3}, extra {extra:.3} ({kept} of {expected_total} expected words kept, {} of {extracted_total} extracted words added)",
        pages.len(),
        extracted_total - kept
    );
    println!(
        "body only (without the title and standfirst lines): extra {:.3} ({} of {body_total} words added)",
        (body_total - body_kept) as f64 / body_total.max(1) as f64,
        body_total - body_kept
    );
    assert!(
        recall >= RECALL_FLOOR,
        "overall recall {recall:.3} fell below {RECALL_FLOOR}"
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A seed article dressed, at test time, as a saved news page with page boilerplate around it.
/// The seed text is read from the corpus and never stored in the repository.
fn as_saved_page(article: &str) -> String {
    let mut lines = article.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = escape(lines.next().unwrap_or_default());
    let paragraphs: String = lines.map(|l| format!("<p>{}</p>\n", escape(l))).collect();
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Example Outlet</title>
<meta property="og:site_name" content="Example Outlet"></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="social-share"><a href="/s/fb">Share on Facebook</a> <a href="/s/tw">Share on Twitter</a></div>
<article><h1>{title}</h1>
{paragraphs}</article>
<aside class="related-links"><h3>More from Example Outlet</h3><ul><li><a href="/1">Markets rally on rate hopes</a></li><li><a href="/2">Ten recipes for autumn</a></li></ul></aside>
<div class="newsletter-signup"><form><input type="email"><button>Sign up</button></form></div>
<footer><p>Copyright Example Outlet</p></footer></body></html>"#
    )
}

#[test]
fn seed_articles_wrapped_in_saved_pages_extract_to_the_same_words() {
    let Some(corpus) = corpus() else { return };
    let seeds = corpus.join("seeds");
    let mut checked = 0;
    for entry in std::fs::read_dir(&seeds).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let article = std::fs::read_to_string(&path).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("page.html");
        std::fs::write(&page, as_saved_page(&article)).unwrap();
        let mut stdin = std::io::empty();
        let mut env = InputEnv {
            stdin: &mut stdin,
            cache_dir: None,
            now: UNIX_EPOCH,
        };
        let loaded = input::load(&page.to_string_lossy(), &LoadOptions::default(), &mut env)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            words(&loaded.text),
            words(&article),
            "{}: extracted words differ from the text file",
            path.display()
        );
        assert_eq!(
            loaded.text.lines().next().map(str::trim),
            article.lines().next().map(str::trim),
            "title on the first line"
        );
        assert_eq!(loaded.meta.outlet.as_deref(), Some("Example Outlet"));
        checked += 1;
    }
    assert!(
        checked >= 2,
        "expected the two seed articles in {}",
        seeds.display()
    );
}
