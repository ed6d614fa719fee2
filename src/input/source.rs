//! What the user named: a file, a web address, or `-` for standard input.

use super::error::{LoadError, Problem};
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    Url(url::Url),
}

impl Source {
    /// Reads `-` as stdin and anything starting `http://` or `https://` as a URL;
    /// everything else is a path, so a file named like a word never needs quoting.
    pub fn parse(given: &str) -> Result<Source, LoadError> {
        if given == "-" {
            return Ok(Source::Stdin);
        }
        let lower = given.get(..8).unwrap_or(given).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return url::Url::parse(given)
                .map(Source::Url)
                .map_err(|e| LoadError::new(given, Problem::BadUrl(e.to_string())));
        }
        Ok(Source::File(PathBuf::from(given)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dash_is_stdin_urls_are_urls_and_the_rest_are_paths() {
        assert_eq!(Source::parse("-").unwrap(), Source::Stdin);
        assert!(matches!(
            Source::parse("HTTPS://example.org/a").unwrap(),
            Source::Url(u) if u.host_str() == Some("example.org")
        ));
        assert_eq!(
            Source::parse("news/http.txt").unwrap(),
            Source::File(PathBuf::from("news/http.txt"))
        );
    }

    #[test]
    fn a_malformed_url_is_named_in_the_error() {
        let err = Source::parse("http://").unwrap_err();
        assert!(
            err.to_string().starts_with("http://: is not a valid URL"),
            "{err}"
        );
    }
}
