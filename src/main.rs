use clap::Parser;
use parallax::cli::{Cli, ColorChoice, Command, CompareArgs};
use parallax::engine::{self, Article, CompareOptions, Comparison};
use parallax::load::{LoadError, load};
use parallax::report::{self, Format, Style};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Exit status for bad input: a missing, unreadable or unsuitable article.
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Compare(args)) => run_compare(&args),
        None => {
            let (Some(left), Some(right)) = (cli.open.left, cli.open.right) else {
                eprintln!(
                    "parallax: the reader is not built yet; use `parallax compare LEFT RIGHT`"
                );
                return ExitCode::from(BAD_INPUT);
            };
            let args = CompareArgs {
                left,
                right,
                format: Format::Text,
                color: ColorChoice::Auto,
                sources: cli.open.sources,
            };
            run_compare(&args)
        }
    }
}

fn load_pair(
    left: &str,
    right: &str,
    sources: &parallax::cli::SourceArgs,
) -> Result<(Article, Article), LoadError> {
    if left == "-" && right == "-" {
        return Err(LoadError {
            source: "-".into(),
            problem: "standard input can be only one of the two articles".into(),
        });
    }
    let mut stdin = io::stdin().lock();
    let l = load(
        left,
        sources.left_label.as_deref(),
        sources.max_size,
        &mut stdin,
    )?;
    let r = load(
        right,
        sources.right_label.as_deref(),
        sources.max_size,
        &mut stdin,
    )?;
    for a in [&l, &r] {
        for notice in &a.notices {
            eprintln!("parallax: {}: {notice}", a.source);
        }
    }
    Ok((l, r))
}

fn compare_sources(
    left: &str,
    right: &str,
    sources: &parallax::cli::SourceArgs,
) -> Result<Comparison, LoadError> {
    let (l, r) = load_pair(left, right, sources)?;
    // Word diffs of ordinary sentences take microseconds; this only stops a pathological one.
    let options = CompareOptions {
        diff_deadline: Some(std::time::Instant::now() + std::time::Duration::from_secs(30)),
    };
    Ok(engine::compare(l, r, &options))
}

fn run_compare(args: &CompareArgs) -> ExitCode {
    let comparison = match compare_sources(&args.left, &args.right, &args.sources) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("parallax: {e}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    let stdout = io::stdout();
    let style = match args.color {
        ColorChoice::Always => Style { color: true },
        ColorChoice::Never => Style::PLAIN,
        ColorChoice::Auto => Style::detect(
            stdout.is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
    };
    let mut out = io::BufWriter::new(stdout.lock());
    match report::write(&comparison, args.format, style, &mut out).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader such as `head` closing the pipe early is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: cannot write the report: {e}");
            ExitCode::FAILURE
        }
    }
}
