//! The built-in demo story: two invented outlets report one invented landslide. The texts are
//! embedded so `parallax` with no arguments always has something to show.

use crate::engine::{self, CompareOptions, Comparison, Metadata};

pub const LEFT: &str = include_str!("../../assets/demo/left.txt");
pub const RIGHT: &str = include_str!("../../assets/demo/right.txt");

/// The demo articles compared by the engine.
pub fn comparison() -> Comparison {
    let left = engine::build_article(
        "demo/left.txt",
        Some("Norreth Herald"),
        LEFT.to_owned(),
        Metadata::default(),
    );
    let right = engine::build_article(
        "demo/right.txt",
        Some("Alpine Dispatch"),
        RIGHT.to_owned(),
        Metadata::default(),
    );
    engine::compare(left, right, &CompareOptions::default())
}
