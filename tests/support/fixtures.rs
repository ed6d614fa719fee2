//! The invented stories in `tests/fixtures/`, loaded as articles.

use parallax::engine::{Article, Metadata, build_article};

pub fn fixture(name: &str) -> Article {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    build_article(&path, None, text, Metadata::default())
}
