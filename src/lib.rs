//! parallax: compare how different outlets cover the same story.
//!
//! The [`engine`] aligns two articles and knows nothing of the terminal; the reader and the
//! reports are built on its [`engine::Comparison`].

// The one exception, reading the automata the build baked in, allows itself where it is.
#![deny(unsafe_code)]

pub mod cli;
pub mod engine;
pub mod input;
pub mod load;
pub mod notes;
pub mod paths;
pub mod report;
pub mod sanitize;
pub mod side;

/// Inputs larger than this are refused unless `--max-size` says otherwise (64 MiB).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
pub mod tui;
