//! `parallax notes list|export|path`, driven through `notes::run` with captured output.

mod notes_support;

use clap::Parser;
use notes_support::*;
use parallax::notes::cli::ExportFormat;
use parallax::notes::{NotesCommand, NotesStore, run};
use parallax::paths::Paths;
use std::fs;
use std::path::{Path, PathBuf};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    notes: NotesCommand,
}

fn parse(args: &[&str]) -> NotesCommand {
    Cli::try_parse_from(std::iter::once("notes").chain(args.iter().copied()))
        .unwrap()
        .notes
}

fn exec(paths: &Paths, args: &[&str]) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(parse(args), paths, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// The two invented articles written to disk, with one note on each side.
fn setup(root: &Path) -> (Paths, PathBuf, PathBuf) {
    let paths = Paths::under(root);
    let (left, right) = (root.join("gazette.txt"), root.join("post.txt"));
    fs::write(&left, GAZETTE).unwrap();
    fs::write(&right, POST).unwrap();
    let gazette = article(&left.to_string_lossy(), GAZETTE);
    let post = article(&right.to_string_lossy(), POST);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let shared = passage_with(&gazette, "The ferry between Salt Steps");
    store
        .add(
            &gazette,
            shared,
            "Both run the ferry line word for word.",
            t(1),
        )
        .unwrap();
    let only = passage_with(&post, "Cyclists");
    store
        .add(
            &post,
            only,
            "Only the Post mentions cyclists.\nCheck with the council.",
            t(2),
        )
        .unwrap();
    (paths, left, right)
}

#[test]
fn the_subcommands_parse_as_documented() {
    assert_eq!(parse(&["path"]), NotesCommand::Path);
    assert_eq!(
        parse(&["export", "--format", "json", "a.txt", "b.txt"]),
        NotesCommand::Export {
            format: ExportFormat::Json,
            files: vec!["a.txt".into(), "b.txt".into()]
        }
    );
    assert!(Cli::try_parse_from(["notes", "export", "--format", "pdf"]).is_err());
}

#[test]
fn path_prints_the_notes_file_in_the_config_dir() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    let (code, out, _) = exec(&paths, &["path"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim_end(),
        paths.config_dir.join("notes.toml").display().to_string()
    );
}

#[test]
fn list_without_notes_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = exec(&Paths::under(dir.path()), &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("no notes yet"), "{out}");
}

#[test]
fn list_prints_article_quote_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, left, right) = setup(dir.path());
    let (code, out, err) = exec(&paths, &["list"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Marrow Bridge to close for six weeks of repairs"),
        "{out}"
    );
    assert!(
        out.contains("\u{201c}The ferry between Salt Steps"),
        "{out}"
    );
    assert!(
        out.contains("    Only the Post mentions cyclists.\n    Check with the council.\n"),
        "{out}"
    );

    // With the files, notes are placed on passages; a passage deleted since is reported orphaned.
    let edited: String = POST
        .lines()
        .filter(|l| !l.starts_with("Cyclists"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(&right, edited).unwrap();
    let (code, out, _) = exec(
        &paths,
        &["list", left.to_str().unwrap(), right.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    let gazette = article("g", GAZETTE);
    let ferry = passage_with(&gazette, "The ferry between");
    assert!(
        out.contains(&format!("passage {}/{}", ferry + 1, gazette.passages.len())),
        "{out}"
    );
    assert!(out.contains("ORPHANED"), "{out}");
    assert!(
        out.contains("\u{201c}Cyclists will be allowed"),
        "the orphan keeps its quote: {out}"
    );
}

#[test]
fn export_markdown_gives_quote_counterpart_and_note() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, left, right) = setup(dir.path());
    let (code, out, err) = exec(
        &paths,
        &[
            "export",
            "--format",
            "markdown",
            left.to_str().unwrap(),
            right.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("# Reading notes\n"), "{out}");
    assert!(
        out.contains("## gazette: Marrow Bridge to close for six weeks of repairs"),
        "{out}"
    );
    let ferry = "> The ferry between Salt Steps and the fish market will run every twenty minutes instead of hourly until the bridge reopens.";
    // The quote, then the Post's counterpart of it, then the note.
    let quote_at = out.find(ferry).expect("quote");
    let counterpart_at = out.find("post (identical):").expect("counterpart label");
    let note_at = out
        .find("Both run the ferry line word for word.")
        .expect("note");
    assert!(
        quote_at < counterpart_at && counterpart_at < note_at,
        "{out}"
    );
    assert_eq!(
        out.matches(ferry).count(),
        2,
        "quote and counterpart: {out}"
    );
    // The Post-only passage has no counterpart.
    let cyclists = &out[out.find("> Cyclists").expect("cyclists quote")..];
    assert!(
        !cyclists[..cyclists.find("Only the Post").unwrap()].contains("(identical)"),
        "{out}"
    );
}

#[test]
fn export_json_is_a_stable_shape_for_scripts() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, left, right) = setup(dir.path());
    let (code, out, _) = exec(
        &paths,
        &[
            "export",
            "--format",
            "json",
            left.to_str().unwrap(),
            right.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["schema"], 1);
    let left_note = &json["articles"][0]["notes"][0];
    assert_eq!(left_note["note"], "Both run the ferry line word for word.");
    assert_eq!(left_note["orphan"], false);
    assert_eq!(left_note["counterpart"]["kind"], "identical");
    assert_eq!(left_note["counterpart"]["label"], "post");
    assert!(
        left_note["quote"]
            .as_str()
            .unwrap()
            .starts_with("The ferry between")
    );
    assert_eq!(left_note["created"], "2025-02-19T21:21:00Z");
    let right_note = &json["articles"][1]["notes"][0];
    assert!(right_note["counterpart"].is_null());
    assert!(right_note["passage"].is_u64());

    // Without files: every stored note, quotes as noted.
    let (code, out, _) = exec(&paths, &["export", "--format", "json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["articles"].as_array().unwrap().len(), 2);
}

#[test]
fn a_missing_file_is_one_clear_line_and_status_2() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, _, _) = setup(dir.path());
    let missing = dir.path().join("nope.txt");
    let (code, out, err) = exec(&paths, &["list", missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nope.txt"), "{err}");
}

#[test]
fn a_damaged_notes_file_is_reported_on_stderr_and_listing_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (paths, _, _) = setup(dir.path());
    let file = NotesStore::file_path(&paths);
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, format!("{text}\n[[article.note]]\nid = oops\n")).unwrap();
    let (code, out, err) = exec(&paths, &["list"]);
    assert_eq!(code, 0);
    assert!(err.contains(".corrupt-"), "{err}");
    assert!(out.contains("Only the Post mentions cyclists."), "{out}");
}

#[test]
fn control_characters_in_notes_are_not_sent_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let paths = Paths::under(dir.path());
    let gazette = article("g.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    store.add(&gazette, 1, "red \u{1b}[31malert", t(1)).unwrap();
    for args in [&["list"][..], &["export", "--format", "markdown"]] {
        let (_, out, _) = exec(&paths, args);
        assert!(!out.contains('\u{1b}'), "{out}");
        assert!(out.contains("red \\u{1b}[31malert"), "{out}");
    }
}
