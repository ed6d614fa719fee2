//! Reading an article from wherever the user points: a text file, a saved web page, a URL,
//! or `-` for stdin. Everything comes out as decoded text with `\n` line endings, laid out
//! as the engine expects (title, optional standfirst, paragraphs), plus what is known about
//! where it came from.
//!
//! ```no_run
//! use parallax::input::{self, InputEnv, LoadOptions};
//! let mut stdin = std::io::stdin();
//! let mut env = InputEnv { stdin: &mut stdin, cache_dir: None, now: std::time::SystemTime::now() };
//! let loaded = input::load("story.html", &LoadOptions::default(), &mut env)?;
//! for notice in &loaded.notices { eprintln!("parallax: {notice}"); }
//! # Ok::<(), input::LoadError>(())
//! ```

mod cache;
mod decode;
mod error;
mod extract;
mod fetch;
mod format;
mod html_text;
mod nesting;
mod newlines;
mod page_meta;
mod read;
mod source;

pub use cache::{CachedCopy, describe_age};
pub use decode::{Decoded, decode_html, decode_text};
pub use error::{LoadError, Problem};
pub use extract::{Extracted, extract};
pub use fetch::FetchOptions;
pub use format::Format;
pub use newlines::normalize_line_endings;
pub use source::Source;

use crate::engine::Metadata;
use cache::PageCache;
use fetch::Fetched;
use std::io::Read;
use std::path::Path;
use std::time::SystemTime;

/// Limits and switches for [`load`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files and stdin larger than this are refused (default 64 MiB).
    pub max_file_bytes: u64,
    pub fetch: FetchOptions,
    /// Download URLs again even when a cached copy exists.
    pub refresh: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: 64 << 20,
            fetch: FetchOptions::default(),
            refresh: false,
        }
    }
}

/// What loading reaches outside itself for, passed in so tests control all of it.
pub struct InputEnv<'a> {
    pub stdin: &'a mut dyn Read,
    /// Where fetched pages are cached (`Paths::cache_dir`); `None` turns the cache off.
    pub cache_dir: Option<&'a Path>,
    /// The time now, for stamping fetched pages and telling the age of cached ones.
    pub now: SystemTime,
}

/// An article's text, ready for `engine::build_article`.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The path or URL as the user gave it.
    pub source: String,
    pub format: Format,
    /// Decoded, `\n` line endings: the title on the first line, a standfirst on the next
    /// when an HTML page has one, then paragraphs separated by blank lines.
    pub text: String,
    pub meta: Metadata,
    /// Things the user should be told on stderr or in the reader, e.g. an encoding guess.
    pub notices: Vec<String>,
    /// Set when a URL was answered from the cache rather than the network.
    pub cached: Option<CachedCopy>,
}

impl Loaded {
    /// The notices as lines for stderr, each naming the source: `story.txt: not valid UTF-8; …`.
    pub fn notice_lines(&self) -> impl Iterator<Item = String> + '_ {
        let name = if self.source == "-" {
            "stdin"
        } else {
            &self.source
        };
        self.notices.iter().map(move |n| format!("{name}: {n}"))
    }
}

/// Loads one article. Every failure is a [`LoadError`] whose `Display` is the one line to
/// print before exiting with status 2.
pub fn load(given: &str, options: &LoadOptions, env: &mut InputEnv) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError::new(given, problem);
    match Source::parse(given)? {
        Source::Stdin => {
            let bytes =
                read::read_limited(&mut *env.stdin, options.max_file_bytes).map_err(fail)?;
            let format = Format::sniff(&bytes);
            from_bytes(given, bytes, format, None, None).map_err(fail)
        }
        Source::File(path) => load_file(given, &path, options),
        Source::Url(url) => load_url(given, &url, options, env),
    }
}

/// Loads an article from a file, which needs nothing from [`InputEnv`], so that two files
/// can be read at once.
pub fn load_file(given: &str, path: &Path, options: &LoadOptions) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError::new(given, problem);
    let bytes = read::read_file(path, options.max_file_bytes).map_err(fail)?;
    let format = Format::from_extension(path).unwrap_or_else(|| Format::sniff(&bytes));
    from_bytes(given, bytes, format, None, None).map_err(fail)
}

fn load_url(
    given: &str,
    url: &url::Url,
    options: &LoadOptions,
    env: &mut InputEnv,
) -> Result<Loaded, LoadError> {
    let fail = |problem| LoadError::new(given, problem);
    let cache = env.cache_dir.map(PageCache::new);
    let cached = cache.as_ref().and_then(|c| c.get(url.as_str()));
    let mut notices = Vec::new();
    let (page, cached_copy) = match cached {
        Some((page, fetched_at)) if !options.refresh => (page, Some(copy(fetched_at, env.now))),
        cached => match fetch::fetch(url, &options.fetch) {
            Ok(page) => {
                let stored = cache.as_ref().map(|c| c.put(url.as_str(), &page, env.now));
                if let Some(Err(e)) = stored {
                    notices.push(format!(
                        "could not cache the page ({e}); it will not open offline"
                    ));
                }
                (page, None)
            }
            // Asked to refresh but offline: the old copy beats no story at all.
            Err(problem) => match cached {
                Some((page, fetched_at)) => {
                    notices.push(format!("could not refresh ({problem})"));
                    (page, Some(copy(fetched_at, env.now)))
                }
                None => return Err(fail(problem)),
            },
        },
    };
    let page_url = url::Url::parse(&page.final_url).unwrap_or_else(|_| url.clone());
    let Fetched {
        format,
        charset,
        body,
        ..
    } = page;
    let mut loaded =
        from_bytes(given, body, format, charset.as_deref(), Some(&page_url)).map_err(fail)?;
    if loaded.meta.url.is_none() {
        loaded.meta.url = Some(page_url.to_string());
    }
    if loaded.meta.outlet.is_none() {
        loaded.meta.outlet = page_meta::host_name(&page_url);
    }
    if let Some(copy) = &cached_copy {
        notices.push(format!("showing the {}", copy.describe()));
    }
    notices.append(&mut loaded.notices);
    loaded.notices = notices;
    loaded.cached = cached_copy;
    Ok(loaded)
}

fn copy(fetched_at: SystemTime, now: SystemTime) -> CachedCopy {
    CachedCopy {
        fetched_at,
        age: now.duration_since(fetched_at).unwrap_or_default(),
    }
}

fn from_bytes(
    given: &str,
    bytes: Vec<u8>,
    format: Format,
    http_charset: Option<&str>,
    page_url: Option<&url::Url>,
) -> Result<Loaded, Problem> {
    read::reject_binary(&bytes)?;
    let no_bytes = bytes.is_empty();
    let decoded = match format {
        Format::Text => decode_text(bytes),
        Format::Html => decode_html(&bytes, http_charset),
    };
    let text = normalize_line_endings(decoded.text);
    read::reject_blank(no_bytes, &text)?;
    let mut notices: Vec<String> = decoded.notice.into_iter().collect();
    let (text, meta) = match format {
        Format::Text => (text, Metadata::default()),
        Format::Html => {
            let mut extracted = extract(&text, page_url)?;
            notices.append(&mut extracted.notices);
            (extracted.text, extracted.meta)
        }
    };
    Ok(Loaded {
        source: given.to_owned(),
        format,
        text,
        meta,
        notices,
        cached: None,
    })
}
