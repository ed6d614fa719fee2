//! parallax: compare how different outlets cover the same story.
//!
//! The [`engine`] aligns two articles and knows nothing of the terminal; the reader and the
//! reports are built on its [`engine::Comparison`].

pub mod cli;
pub mod config;
pub mod engine;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub mod heap;
pub mod input;
pub mod load;
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub mod math;
pub mod notes;
pub mod paths;
pub mod report;
pub mod sanitize;
pub mod side;

/// Inputs larger than this are refused unless `--max-size` says otherwise (64 MiB).
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;
pub mod tui;
