//! Time of `build_article` + `compare` (load, segment, align, diff) and of the JSON report,
//! on the seed pair and on generated pairs of about 10k, 100k and 1M words a side.
//!
//! The seed pair is found through `PARALLAX_CORPUS` (default `../shared/corpus`), the long
//! text through `PARALLAX_LONG_TEXT` (default `<target>/bench-corpus/web.txt`, written by
//! `benches/fetch-corpus.sh`). Whatever is missing is reported and its cases skipped.

#[path = "support/pairgen.rs"]
mod pairgen;

use criterion::{BatchSize, Criterion, Throughput};
use parallax::engine::{self, Article, CompareOptions};
use std::path::{Path, PathBuf};
use std::time::Duration;

const SEED: u64 = 2017;
const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

struct Pair {
    name: String,
    left: PathBuf,
    right: PathBuf,
    words: u64,
}

fn load(path: &Path) -> Article {
    let text = std::fs::read_to_string(path).expect("benchmark input is readable");
    engine::build_article(&path.to_string_lossy(), None, text, Default::default())
}

fn seed_pair() -> Option<Pair> {
    let corpus = std::env::var_os("PARALLAX_CORPUS")
        .map_or_else(|| PathBuf::from("../shared/corpus"), PathBuf::from);
    let seeds = corpus.join("seeds");
    let (left, right) = (
        seeds.join("000_7e1e6eb906015e66.txt"),
        seeds.join("003_37f7f28ba670c285.txt"),
    );
    if !left.is_file() || !right.is_file() {
        eprintln!(
            "compare bench: SKIPPING the seed pair: not found under {} (set PARALLAX_CORPUS)",
            corpus.display()
        );
        return None;
    }
    let words = [&left, &right]
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap_or_default()
                .split_whitespace()
                .count()
        })
        .sum::<usize>();
    Some(Pair {
        name: "seed".into(),
        left,
        right,
        words: words as u64,
    })
}

/// Write the generated pairs under the target directory and return them.
fn generated_pairs() -> Vec<Pair> {
    let source = pairgen::long_text_path();
    let Ok(dump) = std::fs::read_to_string(&source) else {
        eprintln!(
            "compare bench: SKIPPING the generated 10k/100k/1M pairs: no long text at {} \
             (run benches/fetch-corpus.sh, or set PARALLAX_LONG_TEXT)",
            source.display()
        );
        return Vec::new();
    };
    let verses = pairgen::parse_verses(&dump);
    let dir = pairgen::target_dir()
        .join("bench-pairs")
        .join(format!("seed-{SEED}"));
    SIZES
        .iter()
        .map(|&size| {
            let g = pairgen::generate(&verses, size, SEED);
            let sub = dir.join(size.to_string());
            std::fs::create_dir_all(&sub).expect("target dir is writable");
            let (left, right) = (sub.join("left.txt"), sub.join("right.txt"));
            std::fs::write(&left, &g.left).expect("target dir is writable");
            std::fs::write(&right, &g.right).expect("target dir is writable");
            let name = match size {
                1_000_000 => "1M".to_owned(),
                n => format!("{}k", n / 1000),
            };
            Pair {
                name,
                left,
                right,
                words: (g.manifest.words[0] + g.manifest.words[1]) as u64,
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let pairs: Vec<Pair> = seed_pair().into_iter().chain(generated_pairs()).collect();
    for pair in &pairs {
        let mut group = c.benchmark_group(format!("compare/{}", pair.name));
        group.throughput(Throughput::Elements(pair.words));
        if pair.words > 1_000_000 {
            group
                .sample_size(10)
                .warm_up_time(Duration::from_secs(1))
                .measurement_time(Duration::from_secs(5));
        } else if pair.words > 100_000 {
            group
                .sample_size(10)
                .measurement_time(Duration::from_secs(5));
        }
        group.bench_function("load+align", |b| {
            b.iter(|| {
                engine::compare(
                    load(&pair.left),
                    load(&pair.right),
                    &CompareOptions::default(),
                )
            })
        });
        let comparison = engine::compare(
            load(&pair.left),
            load(&pair.right),
            &CompareOptions::default(),
        );
        group.bench_function("json", |b| {
            b.iter_batched_ref(
                Vec::new,
                |out: &mut Vec<u8>| {
                    parallax::report::json::write(&comparison, out).expect("writing to memory")
                },
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
