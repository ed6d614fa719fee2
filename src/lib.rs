//! parallax: compare how different outlets cover the same story.
//!
//! The [`engine`] aligns two articles and knows nothing of the terminal; the reader and the
//! reports are built on its [`engine::Comparison`].

pub mod config;
pub mod engine;
pub mod paths;
pub mod side;
pub mod tui;
