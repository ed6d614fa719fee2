//! Headless reports of a comparison: text for reading in a pipe, JSON for scripts,
//! Markdown for pasting into a document. Each writes to any `io::Write`.

pub mod json;
