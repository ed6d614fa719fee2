//! Why a source could not be loaded, as one line that names the source and the problem.

use std::fmt;

/// A source that could not be loaded. Its `Display` is the whole message the CLI prints
/// before exiting with status 2: `SOURCE: problem`.
#[derive(Debug)]
pub struct LoadError {
    /// The path or URL as the user gave it (`-` reads as "stdin").
    pub source: String,
    pub problem: Problem,
}

impl LoadError {
    pub fn new(source: &str, problem: Problem) -> LoadError {
        LoadError {
            source: source.to_owned(),
            problem,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = if self.source == "-" {
            "stdin"
        } else {
            &self.source
        };
        write!(f, "{name}: {}", self.problem)
    }
}

impl std::error::Error for LoadError {}

/// What went wrong. Each message reads after "SOURCE: " and fits on one line.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("no such file")]
    NotFound,
    #[error("is a directory, not a file")]
    IsDirectory,
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("looks like a binary file (it contains NUL bytes), not an article")]
    Binary,
    #[error("is empty")]
    Empty,
    #[error("contains only whitespace")]
    WhitespaceOnly,
    #[error("is larger than the {} limit", human_bytes(*.limit))]
    TooLarge { limit: u64 },
    #[error("no article text found in the page")]
    NoArticle,
    #[error("nests its elements more than {limit} deep, which no readable page does")]
    TooDeep { limit: usize },
    #[error("is not a valid URL ({0})")]
    BadUrl(String),
    #[error("DNS lookup failed: host {0} not found")]
    Dns(String),
    #[error("connection refused")]
    Refused,
    #[error("timed out ({0})")]
    Timeout(String),
    #[error("server answered HTTP {code}{}", reason.as_deref().map(|r| format!(" {r}")).unwrap_or_default())]
    Status { code: u16, reason: Option<String> },
    #[error("response is larger than the {} limit", human_bytes(*.limit))]
    ResponseTooLarge { limit: u64 },
    #[error("refused content type {0}: only HTML and plain text can be read")]
    ContentType(String),
    #[error("too many redirects (limit {0})")]
    TooManyRedirects(u32),
    #[error("TLS failure: {0}")]
    Tls(String),
    #[error("network error: {0}")]
    Network(String),
}

/// `64 MiB`, `16 MiB`, `512 KiB`, `100 bytes`: limits as a reader would write them.
pub fn human_bytes(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    const GIB: u64 = 1024 * MIB;
    match n {
        n if n >= GIB && n % GIB == 0 => format!("{} GiB", n / GIB),
        n if n >= MIB && n % MIB == 0 => format!("{} MiB", n / MIB),
        n if n >= MIB => format!("{:.1} MiB", n as f64 / MIB as f64),
        n if n >= KIB && n % KIB == 0 => format!("{} KiB", n / KIB),
        n => format!("{n} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_source_then_the_problem_on_one_line() {
        let e = LoadError::new("story.txt", Problem::TooLarge { limit: 64 << 20 });
        assert_eq!(e.to_string(), "story.txt: is larger than the 64 MiB limit");
        let e = LoadError::new("-", Problem::Empty);
        assert_eq!(e.to_string(), "stdin: is empty");
        let e = LoadError::new(
            "http://x/a",
            Problem::Status {
                code: 404,
                reason: Some("Not Found".into()),
            },
        );
        assert_eq!(
            e.to_string(),
            "http://x/a: server answered HTTP 404 Not Found"
        );
    }

    #[test]
    fn byte_counts_read_naturally() {
        assert_eq!(human_bytes(16 << 20), "16 MiB");
        assert_eq!(human_bytes(2048), "2 KiB");
        assert_eq!(human_bytes(100), "100 bytes");
        assert_eq!(human_bytes(3 << 30), "3 GiB");
    }
}
