//! From what the user typed to a pair of [`Article`]s: the input layer reads and extracts,
//! the engine cuts the text into passages.

use crate::cli::SourceArgs;
use crate::engine::{self, Article};
use crate::input::{self, InputEnv, LoadError, LoadOptions, Problem, Source};
use crate::side::Pair;
use std::path::{Path, PathBuf};

/// Load both sides. Standard input can be only one of them.
pub fn load_pair(
    names: Pair<&str>,
    args: &SourceArgs,
    env: &mut InputEnv,
) -> Result<Pair<Article>, LoadError> {
    if names.left == "-" && names.right == "-" {
        return Err(LoadError::new(
            "-",
            Problem::Unreadable("standard input can be only one of the two articles".into()),
        ));
    }
    let options = LoadOptions {
        max_file_bytes: args.max_size,
        refresh: args.refresh,
        ..LoadOptions::default()
    };
    let labels = Pair::new(args.left_label.as_deref(), args.right_label.as_deref());
    // Two long files are read on both cores at once, one per side. Anything else is read one
    // side at a time: stdin and the cache of fetched pages are shared.
    let drafts = if let Some(paths) = long_files(names) {
        let (left, right) = rayon::join(
            || file_draft(names.left, &paths.left, &options, labels.left),
            || file_draft(names.right, &paths.right, &options, labels.right),
        );
        Pair::new(left?, right?)
    } else {
        let left = draft(input::load(names.left, &options, env)?, labels.left);
        let right = draft(input::load(names.right, &options, env)?, labels.right);
        Pair::new(left, right)
    };
    Ok(build(drafts))
}

/// A side's draft, and what the reader should be told about how it was read.
type Drafted = (engine::Draft<'static>, Vec<String>);

fn draft(loaded: input::Loaded, label: Option<&str>) -> Drafted {
    let draft = engine::draft_article(&loaded.source, label, loaded.text, loaded.meta);
    (draft, loaded.notices)
}

/// Both articles, cut at once so that paragraphs they share are cut once; the notices
/// (a fallback encoding, a cached copy) travel with them.
fn build(drafted: Pair<Drafted>) -> Pair<Article> {
    let Pair { left, right } = drafted;
    let mut articles = engine::build_pair(Pair::new(left.0, right.0));
    articles.left.notices = left.1;
    articles.right.notices = right.1;
    articles
}

/// Whether two files of `bytes` together are long enough to be read on both cores.
fn long_enough(bytes: u64) -> bool {
    usize::try_from(bytes).is_ok_and(engine::parallel::worth_it)
}

/// Both paths, when both sides are regular files long enough together to be worth two
/// threads. A pipe or FIFO (`<(command)`) may never end, and the side loaded first must be
/// able to fail without waiting for it, so those load one at a time as before.
fn long_files(names: Pair<&str>) -> Option<Pair<PathBuf>> {
    let (paths, bytes) = file_pair(names)?;
    long_enough(bytes).then_some(paths)
}

/// Both paths and their sizes together, when both sides are regular files.
fn file_pair(names: Pair<&str>) -> Option<(Pair<PathBuf>, u64)> {
    let path = |name| match Source::parse(name) {
        Ok(Source::File(path)) => Some(path),
        _ => None,
    };
    let paths = Pair::new(path(names.left)?, path(names.right)?);
    let size = |path: &PathBuf| {
        let meta = std::fs::metadata(path).ok()?;
        meta.is_file().then_some(meta.len())
    };
    let bytes = size(&paths.left)?.checked_add(size(&paths.right)?)?;
    Some((paths, bytes))
}

fn file_draft(
    given: &str,
    path: &Path,
    options: &LoadOptions,
    label: Option<&str>,
) -> Result<Drafted, LoadError> {
    Ok(draft(input::load_file(given, path, options)?, label))
}

fn article(loaded: input::Loaded, label: Option<&str>) -> Article {
    let mut article = engine::build_article(&loaded.source, label, loaded.text, loaded.meta);
    article.notices = loaded.notices;
    article
}

/// Load one article; its notices (a fallback encoding, a cached copy) travel with it.
pub fn load_article(
    name: &str,
    label: Option<&str>,
    options: &LoadOptions,
    env: &mut InputEnv,
) -> Result<Article, LoadError> {
    Ok(article(input::load(name, options, env)?, label))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_file(dir: &Path, name: &str) -> String {
        let path = dir.join(name);
        let bytes = engine::parallel::MIN_PARALLEL_BYTES;
        std::fs::write(&path, "word ".repeat(bytes / 5 + 1)).unwrap();
        path.to_string_lossy().into_owned()
    }

    #[test]
    fn two_long_regular_files_load_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (
            long_file(dir.path(), "a.txt"),
            long_file(dir.path(), "b.txt"),
        );
        assert!(long_files(Pair::new(a.as_str(), b.as_str())).is_some());
        let short = dir.path().join("short.txt");
        std::fs::write(&short, "A short story.").unwrap();
        let short = short.to_string_lossy().into_owned();
        assert!(long_files(Pair::new(short.as_str(), short.as_str())).is_none());
        assert!(long_files(Pair::new(a.as_str(), "-")).is_none());
        let both = file_pair(Pair::new(a.as_str(), short.as_str())).map(|(_, bytes)| bytes);
        assert_eq!(both, Some(std::fs::metadata(&a).unwrap().len() + 14));
        assert!(file_pair(Pair::new(a.as_str(), "-")).is_none());
    }

    /// A FIFO may never be written to: a failing first side must not wait on it.
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_never_loaded_alongside() {
        let dir = tempfile::tempdir().unwrap();
        let a = long_file(dir.path(), "a.txt");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo {fifo:?}");
        let fifo = fifo.to_string_lossy().into_owned();
        assert!(long_files(Pair::new(a.as_str(), fifo.as_str())).is_none());
        assert!(long_files(Pair::new(fifo.as_str(), a.as_str())).is_none());
    }
}
