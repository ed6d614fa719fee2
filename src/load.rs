//! Reading an article source into an [`Article`]: a file or `-` for stdin.

use crate::engine::{self, Article, Metadata};
use std::fmt;
use std::io::Read;

/// Why a source could not be read. Displayed as one line naming the source.
#[derive(Debug)]
pub struct LoadError {
    pub source: String,
    pub problem: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.problem)
    }
}

impl std::error::Error for LoadError {}

fn fail(source: &str, problem: impl Into<String>) -> LoadError {
    LoadError {
        source: source.to_owned(),
        problem: problem.into(),
    }
}

/// Read `source` (a path, or `-` for `stdin`) of at most `max_bytes`, decode it and build the article.
pub fn load(
    source: &str,
    label: Option<&str>,
    max_bytes: u64,
    stdin: &mut dyn Read,
) -> Result<Article, LoadError> {
    let bytes = read(source, max_bytes, stdin)?;
    let (text, notice) = decode(&bytes);
    if bytes.contains(&0) {
        return Err(fail(
            source,
            "looks like a binary file (it contains NUL bytes), not an article",
        ));
    }
    if text.trim().is_empty() {
        return Err(fail(source, "is empty: there is no article text in it"));
    }
    let mut article = engine::build_article(source, label, text, Metadata::default());
    article.notices.extend(notice);
    Ok(article)
}

fn read(source: &str, max_bytes: u64, stdin: &mut dyn Read) -> Result<Vec<u8>, LoadError> {
    let too_big = || {
        fail(
            source,
            format!("is larger than the limit of {max_bytes} bytes (see --max-size)"),
        )
    };
    let mut bytes = Vec::new();
    if source == "-" {
        stdin
            .take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(source, format!("cannot read standard input: {e}")))?;
    } else {
        let meta = std::fs::metadata(source).map_err(|e| fail(source, describe(&e)))?;
        if meta.is_dir() {
            return Err(fail(source, "is a directory, not an article file"));
        }
        if meta.len() > max_bytes {
            return Err(too_big());
        }
        let file = std::fs::File::open(source).map_err(|e| fail(source, describe(&e)))?;
        file.take(max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| fail(source, describe(&e)))?;
    }
    if bytes.len() as u64 > max_bytes {
        return Err(too_big());
    }
    Ok(bytes)
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// UTF-8 (with or without a byte-order mark), else Windows-1252, which decodes any byte and
/// is what older Western pages use; the second value says so when that fallback was taken.
fn decode(bytes: &[u8]) -> (String, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), None),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            (
                text.into_owned(),
                Some("not valid UTF-8; decoded as Windows-1252".to_owned()),
            )
        }
    }
}
