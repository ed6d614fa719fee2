//! From what the user typed to a pair of [`Article`]s: the input layer reads and extracts,
//! the engine cuts the text into passages.

use crate::cli::SourceArgs;
use crate::engine::{self, Article};
use crate::input::{self, InputEnv, LoadError, LoadOptions, Problem};
use crate::side::Pair;

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
    let left = load_article(names.left, labels.left, &options, env)?;
    let right = load_article(names.right, labels.right, &options, env)?;
    Ok(Pair::new(left, right))
}

/// Load one article; its notices (a fallback encoding, a cached copy) travel with it.
pub fn load_article(
    name: &str,
    label: Option<&str>,
    options: &LoadOptions,
    env: &mut InputEnv,
) -> Result<Article, LoadError> {
    let loaded = input::load(name, options, env)?;
    let notices: Vec<String> = loaded.notices.clone();
    let mut article = engine::build_article(&loaded.source, label, loaded.text, loaded.meta);
    article.notices = notices;
    Ok(article)
}
