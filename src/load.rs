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
    // Reading shares stdin and the cache, so it goes one side at a time; cutting the texts
    // into passages is independent work, done on both cores at once.
    let left = input::load(names.left, &options, env)?;
    let right = input::load(names.right, &options, env)?;
    let parallel = engine::parallel::worth_it(left.text.len() + right.text.len());
    let (left, right) = engine::parallel::join(
        parallel,
        || article(left, labels.left),
        || article(right, labels.right),
    );
    Ok(Pair::new(left, right))
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
