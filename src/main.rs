use clap::Parser;
use parallax::cli::{Cli, ColorChoice, Command, CompareArgs, SourceArgs};
use parallax::engine::{self, CompareOptions, Comparison};
use parallax::input::{InputEnv, LoadError};
use parallax::load::load_pair;
use parallax::paths::Paths;
use parallax::report::{self, Format, Style};
use parallax::side::Pair;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime};

/// Exit status for bad input: a missing, unreadable or unsuitable article.
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Compare(args)) => run_compare(&args),
        Some(Command::Notes(command)) => run_notes(command),
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

fn compare_sources(left: &str, right: &str, sources: &SourceArgs) -> Result<Comparison, LoadError> {
    let paths = Paths::from_platform();
    let mut stdin = io::stdin().lock();
    let mut env = InputEnv {
        stdin: &mut stdin,
        cache_dir: paths.as_ref().map(|p| p.cache_dir.as_path()),
        now: SystemTime::now(),
    };
    let articles = load_pair(Pair::new(left, right), sources, &mut env)?;
    for a in [&articles.left, &articles.right] {
        for notice in &a.notices {
            eprintln!("parallax: {}: {notice}", display_source(&a.source));
        }
    }
    // Word diffs of ordinary sentences take microseconds; this only stops a pathological one.
    let options = CompareOptions {
        diff_deadline: Some(Instant::now() + Duration::from_secs(30)),
    };
    let [l, r] = [articles.left, articles.right];
    Ok(engine::compare(l, r, &options))
}

fn run_notes(command: parallax::notes::NotesCommand) -> ExitCode {
    let Some(paths) = Paths::from_platform() else {
        eprintln!("parallax: no home directory, so there is nowhere to keep notes");
        return ExitCode::FAILURE;
    };
    let code = parallax::notes::run(
        command,
        &paths,
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    );
    ExitCode::from(u8::try_from(code).unwrap_or(1))
}

fn display_source(source: &str) -> &str {
    if source == "-" { "stdin" } else { source }
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
