//! `parallax notes …`: list, export and locate notes without opening the reader.

use super::export::{BRIEF_SCHEMA, Brief, article_brief, stored_brief, to_json, to_markdown};
use super::locate::Placement;
use super::store::{NotesStore, PlacedNote};
use super::text::printable;
use crate::engine::{self, Article, CompareOptions};
use crate::paths::Paths;
use crate::side::{Pair, Side};
use std::io::Write;
use std::time::SystemTime;

#[derive(Debug, Clone, PartialEq, Eq, clap::Subcommand)]
pub enum NotesCommand {
    /// Print notes with their article, quote and text. With FILEs, only those articles' notes,
    /// placed on their passages as the files read now.
    List { files: Vec<String> },
    /// Print a brief to paste into a document: quote, counterpart passage (given two FILEs), note.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        files: Vec<String>,
    },
    /// Print where notes are kept.
    Path,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

/// Exit status for a bad FILE argument.
const BAD_INPUT: i32 = 2;
/// Exit status when the notes file cannot be read.
const STORE_FAILED: i32 = 1;

/// Run a notes command, reading the clock once here at the edge.
pub fn run(cmd: NotesCommand, paths: &Paths, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    run_at(cmd, paths, SystemTime::now(), out, err)
}

/// [`run`] at a given time (used to name the backup of a damaged notes file).
pub fn run_at(
    cmd: NotesCommand,
    paths: &Paths,
    now: SystemTime,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match execute(cmd, paths, now, out, err) {
        Ok(()) => 0,
        Err((code, message)) => {
            let _ = writeln!(err, "parallax: {message}");
            code
        }
    }
}

type Failure = (i32, String);

fn execute(
    cmd: NotesCommand,
    paths: &Paths,
    now: SystemTime,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<(), Failure> {
    let files = match &cmd {
        NotesCommand::Path => {
            let path = NotesStore::file_path(paths);
            return emit(
                out,
                &format!("{}\n", printable(&path.display().to_string())),
            );
        }
        NotesCommand::List { files } | NotesCommand::Export { files, .. } => files,
    };
    let articles = files
        .iter()
        .map(|f| load(f, paths, now))
        .collect::<Result<Vec<_>, _>>()?;
    let mut store = NotesStore::open(paths, now).map_err(|e| (STORE_FAILED, e.to_string()))?;
    for recovery in store.take_recoveries() {
        let _ = writeln!(err, "parallax: {recovery}");
    }
    match cmd {
        NotesCommand::List { .. } if articles.is_empty() => emit(out, &list_stored(&store)),
        NotesCommand::List { .. } => {
            let placed = place(&store, &articles);
            let text: String = articles
                .iter()
                .zip(&placed)
                .map(|(a, n)| list_article(a, n))
                .collect();
            emit(out, &text)
        }
        NotesCommand::Export { format, .. } => {
            let brief = brief(&store, articles);
            emit(
                out,
                &match format {
                    ExportFormat::Markdown => to_markdown(&brief),
                    ExportFormat::Json => to_json(&brief) + "\n",
                },
            )
        }
        NotesCommand::Path => unreachable!("handled above"),
    }
}

fn emit(out: &mut dyn Write, text: &str) -> Result<(), Failure> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err((STORE_FAILED, format!("cannot write output: {e}"))),
    }
}

/// Read an article as the reader and `compare` do: text files, saved pages and URLs
/// (from the cache when fetched before), so that notes find the same passages.
fn load(name: &str, paths: &Paths, now: SystemTime) -> Result<Article, Failure> {
    let mut stdin = std::io::stdin().lock();
    let mut env = crate::input::InputEnv {
        stdin: &mut stdin,
        cache_dir: Some(&paths.cache_dir),
        now,
    };
    crate::load::load_article(name, None, &crate::input::LoadOptions::default(), &mut env)
        .map_err(|e| (BAD_INPUT, printable(&e.to_string())))
}

/// Two files are a pair, compared side by side; any other number are separate articles.
fn place(store: &NotesStore, articles: &[Article]) -> Vec<Vec<PlacedNote>> {
    match articles {
        [left, right] => {
            let pair = store.notes_for_pair(Pair::new(left, right));
            vec![pair.left, pair.right]
        }
        _ => articles.iter().map(|a| store.notes_for(a)).collect(),
    }
}

fn brief(store: &NotesStore, articles: Vec<Article>) -> Brief {
    let articles = match articles.len() {
        0 => store.file().articles.iter().map(stored_brief).collect(),
        2 => {
            let placed = place(store, &articles);
            let mut it = articles.into_iter();
            let (left, right) = (it.next().expect("two"), it.next().expect("two"));
            let cmp = engine::compare(left, right, &CompareOptions::default());
            Side::BOTH
                .iter()
                .zip(&placed)
                .map(|(&side, notes)| article_brief(&cmp.articles[side], notes, Some((&cmp, side))))
                .collect()
        }
        _ => {
            let placed = place(store, &articles);
            articles
                .iter()
                .zip(&placed)
                .map(|(a, n)| article_brief(a, n, None))
                .collect()
        }
    };
    Brief {
        schema: BRIEF_SCHEMA,
        articles,
    }
}

fn list_stored(store: &NotesStore) -> String {
    let mut out = String::new();
    for record in &store.file().articles {
        out += &format!(
            "{}: {}\n  last read from {}\n",
            printable(&record.label),
            printable(&record.title),
            printable(&record.source)
        );
        for note in &record.notes {
            out += &format!(
                "  #{} on \u{201c}{}\u{201d}\n",
                note.id,
                printable(&note.anchor.quote())
            );
            out += &note_body(&note.text, note.edited.to_string());
        }
    }
    if out.is_empty() {
        out = format!(
            "no notes yet in {}\n",
            printable(&store.path().display().to_string())
        );
    }
    out
}

fn list_article(article: &Article, notes: &[PlacedNote]) -> String {
    let count = article.passages.len();
    let mut out = format!(
        "{}: {} ({})\n",
        printable(&article.label),
        printable(article.title().unwrap_or("")),
        printable(&article.source)
    );
    if notes.is_empty() {
        out += "  no notes\n";
    }
    for placed in notes {
        let note = &placed.note;
        let place = match placed.placement {
            Placement::Passage { id, .. } => format!("passage {}/{count}", id + 1),
            Placement::Orphan => "ORPHANED, passage no longer found".to_owned(),
        };
        out += &format!(
            "  #{} {place}: \u{201c}{}\u{201d}\n",
            note.id,
            printable(&note.anchor.quote())
        );
        out += &note_body(&note.text, note.edited.to_string());
    }
    out
}

fn note_body(text: &str, edited: String) -> String {
    let mut out: String = printable(text)
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect();
    out += &format!("    ({edited})\n");
    out
}
