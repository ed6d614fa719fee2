//! The `parallax` command.
#![forbid(unsafe_code)]

use clap::Parser;
use parallax::cli::{Cli, ColorChoice, Command, CompareArgs, OpenArgs, SourceArgs};
use parallax::engine::{self, CompareOptions, Comparison};
use parallax::input::{InputEnv, LoadError};
use parallax::load::load_pair;
use parallax::paths::Paths;
use parallax::report::{self, Format, Style};
use parallax::side::Pair;
use parallax::tui::{self, App, Setup};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant, SystemTime};

/// Exit statuses: success, failure, and bad input (a missing, unreadable or unsuitable
/// article).
const SUCCESS: u8 = 0;
const FAILURE: u8 = 1;
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    ExitCode::from(match cli.command {
        Some(Command::Compare(args)) => run_compare(&args),
        Some(Command::Notes(command)) => run_notes(command),
        None => run_reader(cli.open),
    })
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

/// `parallax [LEFT RIGHT]`: the reader, on the demo story when no files are given. When
/// standard output is not a terminal there is no screen to draw on, so the text report is
/// printed instead.
fn run_reader(open: OpenArgs) -> u8 {
    let stdout = io::stdout();
    let comparison = match (&open.left, &open.right) {
        (Some(left), Some(right)) => match compare_sources(left, right, &open.sources) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("parallax: {e}");
                return BAD_INPUT;
            }
        },
        _ => tui::demo::comparison(),
    };
    if !stdout.is_terminal() {
        let style = Style::PLAIN;
        return write_report(&comparison, Format::Text, style);
    }
    let paths = Paths::from_platform();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let (mut setup, problems) =
        Setup::from_config(paths.as_ref().map(|p| p.config_dir.as_path()), no_color);
    for problem in &problems {
        eprintln!("parallax: {problem}");
    }
    let notes = tui::stored_notes::open(
        paths.as_ref(),
        comparison.articles.clone(),
        Box::new(SystemTime::now),
    );
    for notice in &notes.notices {
        eprintln!("parallax: {notice}");
    }
    // A damaged notes file or notes that will not be saved matter more than a config typo.
    if let Some(headline) = notes.headline {
        setup.message = Some(tui::Message {
            text: headline,
            is_error: true,
        });
    }
    setup.notes = notes.sink;
    let mut app = App::new(comparison, setup);
    let result = tui::run(&mut app);
    if !notes.stored {
        print_unsaved_notes(&app);
    }
    match result {
        Ok(()) => SUCCESS,
        Err(e) => {
            eprintln!("parallax: terminal error: {e}");
            FAILURE
        }
    }
}

/// Notes written while the notes file could not be opened would be lost at exit: print them,
/// so the reader can keep them.
fn print_unsaved_notes(app: &App) {
    let notes = app.notes().all();
    if notes.is_empty() {
        return;
    }
    eprintln!("parallax: these notes were not saved:");
    for note in notes {
        let article = &app.comparison().articles[note.side];
        let passage = note.passage.map_or(0, |p| p + 1);
        let clean = tui::sanitize::clean;
        eprintln!("--- {} passage {passage}", clean(&article.label));
        for line in note.text.lines() {
            eprintln!("{}", clean(line));
        }
    }
}

fn run_notes(command: parallax::notes::NotesCommand) -> u8 {
    let Some(paths) = Paths::from_platform() else {
        eprintln!("parallax: no home directory, so there is nowhere to keep notes");
        return FAILURE;
    };
    let code = parallax::notes::run(
        command,
        &paths,
        &mut io::stdout().lock(),
        &mut io::stderr().lock(),
    );
    u8::try_from(code).unwrap_or(FAILURE)
}

fn display_source(source: &str) -> &str {
    if source == "-" { "stdin" } else { source }
}

fn run_compare(args: &CompareArgs) -> u8 {
    let comparison = match compare_sources(&args.left, &args.right, &args.sources) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("parallax: {e}");
            return BAD_INPUT;
        }
    };
    let style = match args.color {
        ColorChoice::Always => Style { color: true },
        ColorChoice::Never => Style::PLAIN,
        ColorChoice::Auto => Style::detect(
            io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        ),
    };
    if args.format == Format::Html {
        let notes = if args.no_notes {
            Pair::default()
        } else {
            report_notes(Paths::from_platform().as_ref(), &comparison)
        };
        let status = finish_report(|out| report::html::write(&comparison, &notes, out));
        leave_to_exit(comparison);
        return status;
    }
    let status = write_report(&comparison, args.format, style);
    leave_to_exit(comparison);
    status
}

/// The process ends right after a report, and the system takes its memory back at once:
/// freeing a long comparison's hundred thousand allocations one by one first took 3 to 4 ms
/// of a whole-Bible pair, on one core, after the report was written.
fn leave_to_exit(comparison: Comparison) {
    std::mem::forget(comparison);
}

/// The reader's notes on the pair, for the HTML page: read only, so that a report never
/// changes the notes file. A file that cannot be read leaves the notes out, with a word why.
fn report_notes(paths: Option<&Paths>, c: &Comparison) -> Pair<Vec<parallax::notes::PlacedNote>> {
    let Some(paths) = paths else {
        return Pair::default();
    };
    match parallax::notes::NotesStore::read_only(paths) {
        Ok((store, problem)) => {
            if let Some(problem) = problem {
                eprintln!(
                    "parallax: {} is damaged ({problem}); the page shows the notes that could be read",
                    store.path().display()
                );
            }
            store.notes_for_pair(c.articles.as_ref())
        }
        Err(e) => {
            eprintln!("parallax: notes left out of the page: {e}");
            Pair::default()
        }
    }
}

fn write_report(comparison: &Comparison, format: Format, style: Style) -> u8 {
    finish_report(|out| report::write(comparison, format, style, out))
}

fn finish_report(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> u8 {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => SUCCESS,
        // A reader such as `head` closing the pipe early is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => SUCCESS,
        Err(e) => {
            eprintln!("parallax: cannot write the report: {e}");
            FAILURE
        }
    }
}
