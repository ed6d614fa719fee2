//! Fetched pages kept on disk, so a story reopens offline and notes re-anchor on the same
//! text. One body file and one small JSON record per URL, named by the URL's SHA-256.

use super::fetch::Fetched;
use super::format::Format;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A cached copy was shown instead of a fresh download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CachedCopy {
    pub fetched_at: SystemTime,
    /// How old the copy is at the `now` the caller passed in.
    pub age: Duration,
}

impl CachedCopy {
    /// "cached copy from 3 hours ago", for the reader's header and stderr.
    pub fn describe(&self) -> String {
        format!("cached copy from {}", describe_age(self.age))
    }
}

/// "just now", "5 minutes ago", "2 days ago".
pub fn describe_age(age: Duration) -> String {
    let secs = age.as_secs();
    let (n, unit) = match secs {
        0..60 => return "just now".to_owned(),
        60..3600 => (secs / 60, "minute"),
        3600..86_400 => (secs / 3600, "hour"),
        _ => (secs / 86_400, "day"),
    };
    format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" })
}

#[derive(Debug, Serialize, Deserialize)]
struct Record {
    url: String,
    final_url: String,
    html: bool,
    charset: Option<String>,
    fetched_at_unix: u64,
}

pub struct PageCache {
    dir: PathBuf,
}

impl PageCache {
    /// Pages live in `pages/` under the platform cache directory.
    pub fn new(cache_dir: &Path) -> PageCache {
        PageCache {
            dir: cache_dir.join("pages"),
        }
    }

    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let key: String = Sha256::digest(url.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        (
            self.dir.join(format!("{key}.body")),
            self.dir.join(format!("{key}.json")),
        )
    }

    /// The stored page and when it was fetched; `None` if absent or unreadable, since a
    /// broken cache entry should cost a download, not an error.
    pub fn get(&self, url: &str) -> Option<(Fetched, SystemTime)> {
        let (body_path, record_path) = self.paths(url);
        let record: Record = serde_json::from_slice(&std::fs::read(record_path).ok()?).ok()?;
        if record.url != url {
            return None;
        }
        let body = std::fs::read(body_path).ok()?;
        let fetched = Fetched {
            final_url: record.final_url,
            format: if record.html {
                Format::Html
            } else {
                Format::Text
            },
            charset: record.charset,
            body,
        };
        Some((
            fetched,
            UNIX_EPOCH + Duration::from_secs(record.fetched_at_unix),
        ))
    }

    /// Stores a page atomically: body first, then the record that makes it visible, each
    /// written to a temporary file and renamed, so a crash never leaves a torn entry.
    pub fn put(&self, url: &str, page: &Fetched, fetched_at: SystemTime) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let (body_path, record_path) = self.paths(url);
        let record = Record {
            url: url.to_owned(),
            final_url: page.final_url.clone(),
            html: page.format == Format::Html,
            charset: page.charset.clone(),
            fetched_at_unix: fetched_at
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs(),
        };
        write_atomic(&self.dir, &body_path, &page.body)?;
        write_atomic(
            &self.dir,
            &record_path,
            &serde_json::to_vec_pretty(&record)?,
        )
    }
}

fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_page_comes_back_with_its_time() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PageCache::new(dir.path());
        let page = Fetched {
            final_url: "http://h/b".into(),
            format: Format::Html,
            charset: Some("iso-8859-1".into()),
            body: b"<p>caf\xe9</p>".to_vec(),
        };
        let at = UNIX_EPOCH + Duration::from_secs(1_900_000_000);
        assert!(cache.get("http://h/a").is_none());
        cache.put("http://h/a", &page, at).unwrap();
        assert_eq!(cache.get("http://h/a"), Some((page, at)));
        assert!(cache.get("http://h/other").is_none());
    }

    #[test]
    fn ages_read_naturally() {
        assert_eq!(describe_age(Duration::from_secs(5)), "just now");
        assert_eq!(describe_age(Duration::from_secs(60)), "1 minute ago");
        assert_eq!(
            describe_age(Duration::from_secs(3 * 3600 + 5)),
            "3 hours ago"
        );
        assert_eq!(describe_age(Duration::from_secs(2 * 86_400)), "2 days ago");
    }
}
