//! `parallax [LEFT RIGHT]`: open the reader on two articles, or on the built-in demo.

use clap::Parser;
use parallax::engine::{self, CompareOptions, Comparison, Metadata};
use parallax::paths::Paths;
use parallax::tui::{self, App, Setup};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(version, about = "Compare how two outlets cover the same story")]
struct Cli {
    /// The two articles to compare (plain text). With none, a built-in demo story opens.
    #[arg(num_args = 0..=2, value_name = "LEFT RIGHT")]
    files: Vec<PathBuf>,
    /// Name shown for the left article (default: its file name).
    #[arg(long)]
    left_label: Option<String>,
    /// Name shown for the right article.
    #[arg(long)]
    right_label: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let comparison = match load(&cli) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("parallax: {message}");
            return ExitCode::from(2);
        }
    };
    if !std::io::stdout().is_terminal() {
        print!("{}", tui::summary::plain(&comparison));
        return ExitCode::SUCCESS;
    }
    let setup = setup(Paths::from_platform());
    let mut app = App::new(comparison, setup);
    match tui::run(&mut app) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: terminal error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn load(cli: &Cli) -> Result<Comparison, String> {
    match cli.files.as_slice() {
        [] => Ok(tui::demo::comparison()),
        [left, right] => {
            let read = |path: &PathBuf, label: &Option<String>| -> Result<_, String> {
                let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
                let text = String::from_utf8(bytes)
                    .map_err(|_| format!("{}: not UTF-8 text", path.display()))?
                    .replace("\r\n", "\n");
                Ok(engine::build_article(
                    &path.to_string_lossy(),
                    label.as_deref(),
                    text,
                    Metadata::default(),
                ))
            };
            let left = read(left, &cli.left_label)?;
            let right = read(right, &cli.right_label)?;
            Ok(engine::compare(left, right, &CompareOptions::default()))
        }
        _ => Err("give two articles to compare, or none for the demo".to_owned()),
    }
}

/// Config, theme and notes for the reader. Environment and paths are read here, once.
fn setup(paths: Option<Paths>) -> Setup {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config_dir = paths.as_ref().map(|p| p.config_dir.as_path());
    let (setup, problems) = Setup::from_config(config_dir, no_color);
    for problem in &problems {
        eprintln!("parallax: {problem}");
    }
    setup
}
