//! Generated long pairs for `benches/measure.sh`, from the generator in `benches/support`.
//!
//! ```text
//! bench_pairs generate OUT_DIR WORDS[,WORDS...] [SEED]
//!     writes OUT_DIR/<words>/{left.txt,right.txt,manifest.json}
//! bench_pairs score MANIFEST REPORT_JSON
//!     prints how much of the known structure the report recovered, as one JSON line
//! bench_pairs race RUNS PARALLAX LEFT RIGHT [OTHER_PARALLAX...]
//!     times `PARALLAX compare LEFT RIGHT --format json` and `git diff --no-index
//!     --word-diff=porcelain LEFT RIGHT` by turns; prints, in ms, parallax's fastest and median
//!     run, then git's, then those of each other parallax build (a baseline to compare with)
//! ```

#[path = "../benches/support/pairgen.rs"]
mod pairgen;
#[path = "../benches/support/race.rs"]
mod race;

use std::path::Path;
use std::process::ExitCode;

const DEFAULT_SEED: u64 = 2017;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", out, sizes] => generate(Path::new(out), sizes, DEFAULT_SEED),
        ["generate", out, sizes, seed] => match seed.parse() {
            Ok(seed) => generate(Path::new(out), sizes, seed),
            Err(_) => Err(format!("seed must be a number, not {seed:?}")),
        },
        ["score", manifest, report] => score(Path::new(manifest), Path::new(report)),
        ["race", runs, parallax, left, right, others @ ..] => match runs.parse() {
            Ok(runs) => race_git(runs, parallax, left, right, others),
            Err(_) => Err(format!("runs must be a number, not {runs:?}")),
        },
        _ => Err(
            "usage: bench_pairs generate OUT_DIR WORDS[,WORDS...] [SEED] | \
                  score MANIFEST REPORT | race RUNS PARALLAX LEFT RIGHT [OTHER_PARALLAX...]"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench_pairs: {e}");
            ExitCode::from(2)
        }
    }
}

fn generate(out: &Path, sizes: &str, seed: u64) -> Result<(), String> {
    let source = pairgen::long_text_path();
    let dump = std::fs::read_to_string(&source).map_err(|e| {
        format!(
            "{}: {e} (run benches/fetch-corpus.sh first)",
            source.display()
        )
    })?;
    let verses = pairgen::parse_verses(&dump);
    for size in sizes.split(',') {
        let words: usize = size
            .parse()
            .map_err(|_| format!("size must be a number of words, not {size:?}"))?;
        let pair = pairgen::generate(&verses, words, seed);
        let dir = out.join(size);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let manifest = serde_json::to_string(&pair.manifest).map_err(|e| e.to_string())?;
        for (name, text) in [
            ("left.txt", &pair.left),
            ("right.txt", &pair.right),
            ("manifest.json", &manifest),
        ] {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        let m = &pair.manifest;
        eprintln!(
            "{}: {} / {} words, {} paragraphs, {} moved, {} verses inserted",
            dir.display(),
            m.words[0],
            m.words[1],
            m.paragraphs,
            m.moved_paragraphs,
            m.inserted_verses
        );
    }
    Ok(())
}

fn score(manifest: &Path, report: &Path) -> Result<(), String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let manifest: pairgen::Manifest = serde_json::from_str(&read(manifest)?)
        .map_err(|e| format!("{}: {e}", manifest.display()))?;
    let s = pairgen::score(&manifest, &read(report)?)
        .map_err(|e| format!("{}: {e}", report.display()))?;
    println!("{}", serde_json::to_string(&s).map_err(|e| e.to_string())?);
    Ok(())
}

/// Runs before the timed ones, so that both programs and both files are in the page cache.
const WARMUP: usize = 3;

fn race_git(
    runs: usize,
    parallax: &str,
    left: &str,
    right: &str,
    others: &[&str],
) -> Result<(), String> {
    let command = |words: &[&str]| words.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let mut entrants = vec![
        race::Entrant {
            command: command(&[parallax, "compare", left, right, "--format", "json"]),
            success: &[0],
        },
        race::Entrant {
            command: command(&[
                "git",
                "diff",
                "--no-index",
                "--word-diff=porcelain",
                left,
                right,
            ]),
            // 1: the files differ.
            success: &[0, 1],
        },
    ];
    entrants.extend(others.iter().map(|other| race::Entrant {
        command: command(&[other, "compare", left, right, "--format", "json"]),
        success: &[0],
    }));
    let times = race::race(&entrants, runs, WARMUP)?;
    let ms = |d: std::time::Duration| format!("{:.2}", d.as_secs_f64() * 1e3);
    let fields: Vec<String> = times
        .iter()
        .flat_map(|t| [ms(t.min), ms(t.median)])
        .collect();
    println!("{}", fields.join(" "));
    Ok(())
}
