//! Extraction against Mozilla Readability's test pages (shared corpus, `html/`): how much of
//! each expected article the extraction keeps (recall) and how much it adds (extra words /
//! extracted words), counted as multisets of lower-cased words.
//!
//! Run with `PARALLAX_CORPUS=/path/to/shared/corpus cargo test --test input_corpus -- --nocapture`.

use parallax::input::{self, InputEnv, LoadOptions};
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::UNIX_EPOCH;

/// Measured 0.998 overall (see the README); the floor leaves room for harmless drift, not
/// for losing paragraphs.
const RECALL_FLOOR: f64 = 0.97;

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
    let Some(corpus) = std::env::var_os("PARALLAX_CORPUS").map(PathBuf::from) else {
        eprintln!(
            "SKIPPED input_corpus: set PARALLAX_CORPUS to the shared corpus to run the extraction check"
        );
        println!(
            "SKIPPED input_corpus: set PARALLAX_CORPUS to the shared corpus to run the extraction check"
        );
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
        let got = match input::load(&source.to_string_lossy(), &LoadOptions::default(), &mut env) {
            Ok(loaded) => words(&loaded.text),
            Err(e) => {
                println!("{e}");
                Vec::new()
            }
        };
        let c = common(&expected, &got);
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
    assert!(
        recall >= RECALL_FLOOR,
        "overall recall {recall:.3} fell below {RECALL_FLOOR}"
    );
}
