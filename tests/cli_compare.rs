//! `parallax compare` through the real binary: formats, stdin, and one clear line with exit
//! status 2 for every kind of bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn parallax(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_bad_input(o: &Output, names: &str, problem: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "one line expected: {err}");
    assert!(err.contains(names) && err.contains(problem), "{err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn json_follows_the_contract() {
    let o = parallax(
        &[
            "compare",
            &fixture("gazette.txt"),
            &fixture("coastline.txt"),
            "--format",
            "json",
        ],
        b"",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["left"]["source"], fixture("gazette.txt"));
    assert_eq!(v["left"]["label"], "gazette");
    assert_eq!(
        v["left"]["title"],
        "Ferry Strikes Varn Pier as Storm Closes Harbour"
    );
    let passages = v["right"]["passages"].as_array().unwrap();
    let text = std::fs::read_to_string(fixture("coastline.txt")).unwrap();
    for (i, p) in passages.iter().enumerate() {
        assert_eq!(p["id"], i);
        let span = p["span"].as_array().unwrap();
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(p["text"], &text[a..b], "span of passage {i}");
        assert!(
            ["title", "standfirst", "body", "boilerplate"].contains(&p["role"].as_str().unwrap())
        );
    }
    for link in v["links"].as_array().unwrap() {
        assert!(["identical", "reworded", "paraphrase"].contains(&link["kind"].as_str().unwrap()));
        let sim = link["similarity"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&sim));
        assert!(link["moved"].is_boolean());
        for piece in link["diff"].as_array().unwrap() {
            assert!(["equal", "delete", "insert"].contains(&piece["op"].as_str().unwrap()));
        }
        for id in link["left"].as_array().unwrap() {
            assert!(id.as_u64().unwrap() < v["left"]["passages"].as_array().unwrap().len() as u64);
        }
    }
    let shared = v["stats"]["left_shared"].as_f64().unwrap();
    assert!(shared > 0.0 && shared < 1.0);
}

#[test]
fn text_report_in_a_pipe_has_no_colour_but_keeps_markers() {
    let o = parallax(
        &[
            "compare",
            &fixture("gazette.txt"),
            &fixture("coastline.txt"),
        ],
        b"",
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(!out.contains('\x1b'));
    assert!(out.contains("{+[on the Morning Star]+}"), "{out}");
    assert!(out.contains("Only in gazette"));
}

#[test]
fn colour_always_colours_and_labels_apply() {
    let o = parallax(
        &[
            "compare",
            &fixture("gazette.txt"),
            &fixture("coastline.txt"),
            "--color",
            "always",
            "--left-label",
            "Gazette",
        ],
        b"",
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("\x1b[36;1m{+"), "{out}");
    assert!(out.contains("Only in Gazette"));
}

#[test]
fn markdown_brief() {
    let o = parallax(
        &[
            "compare",
            &fixture("gazette.txt"),
            &fixture("coastline.txt"),
            "-f",
            "markdown",
        ],
        b"",
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("# How gazette and coastline cover the story"));
    assert!(out.contains("**\\[on the Morning Star\\]**"), "{out}");
    assert!(out.contains("## Only in coastline"));
}

#[test]
fn stdin_as_one_side() {
    let text = std::fs::read(fixture("coastline.txt")).unwrap();
    let o = parallax(
        &["compare", &fixture("gazette.txt"), "-", "-f", "json"],
        &text,
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["right"]["source"], "-");
    assert_eq!(v["right"]["label"], "stdin");
    assert!(v["right"].get("outlet").is_none());
    assert!(!v["links"].as_array().unwrap().is_empty());
}

#[test]
fn crlf_bom_and_windows_1252_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("legacy.txt");
    let mut bytes =
        b"\xEF\xBB\xBFFerry title\r\n\r\nThe harbour closed\x85 The ferry \x93sank\x94.\r\n"
            .to_vec();
    bytes.drain(..3); // no BOM: invalid UTF-8 forces the Windows-1252 fallback
    std::fs::write(&path, &bytes).unwrap();
    let o = parallax(
        &[
            "compare",
            path.to_str().unwrap(),
            path.to_str().unwrap(),
            "-f",
            "json",
        ],
        b"",
    );
    assert!(o.status.success());
    assert!(stderr(&o).contains("Windows-1252"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let body = v["left"]["passages"][1]["text"].as_str().unwrap();
    assert!(body.contains('\u{2026}') && !body.contains('\r'), "{body}");
}

#[test]
fn hostile_control_characters_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(&path, "Title\x1b]0;pwned\x07\n\nThe \x1b[2Jferry sank.\n").unwrap();
    let o = parallax(
        &[
            "compare",
            path.to_str().unwrap(),
            path.to_str().unwrap(),
            "--color",
            "never",
        ],
        b"",
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    assert!(out.contains("\u{241B}[2J"));
}

#[test]
fn identical_inputs_are_all_identical() {
    let f = fixture("gazette.txt");
    let o = parallax(&["compare", &f, &f, "-f", "json"], b"");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["stats"]["left_shared"], 1.0);
    assert!(
        v["links"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["kind"] == "identical" && l["moved"] == false)
    );
}

#[test]
fn missing_file() {
    assert_bad_input(
        &parallax(
            &["compare", "/no/such/file.txt", &fixture("gazette.txt")],
            b"",
        ),
        "/no/such/file.txt",
        "no such file",
    );
}

#[test]
fn directory() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    assert_bad_input(
        &parallax(&["compare", &fixture("gazette.txt"), d], b""),
        d,
        "directory",
    );
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let p = path.to_str().unwrap();
    assert_bad_input(
        &parallax(&["compare", p, &fixture("gazette.txt")], b""),
        p,
        "binary",
    );
}

#[test]
fn empty_and_whitespace_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in [("empty.txt", ""), ("blank.txt", " \n\t\r\n ")] {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let p = path.to_str().unwrap();
        let problem = if content.is_empty() {
            "is empty"
        } else {
            "only whitespace"
        };
        assert_bad_input(
            &parallax(&["compare", &fixture("gazette.txt"), p], b""),
            p,
            problem,
        );
    }
}

#[test]
fn over_the_size_limit() {
    let f = fixture("gazette.txt");
    assert_bad_input(
        &parallax(&["compare", &f, &f, "--max-size", "100"], b""),
        &f,
        "larger than the 100 bytes limit",
    );
}

#[test]
fn unknown_format() {
    let f = fixture("gazette.txt");
    let o = parallax(&["compare", &f, &f, "--format", "yaml"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("'yaml'"), "{}", stderr(&o));
}

#[test]
fn a_reader_closing_the_pipe_early_is_not_an_error() {
    // A report far larger than a pipe holds, so the writer is still writing when `head` goes.
    let story = std::fs::read_to_string(fixture("gazette.txt")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    std::fs::write(&long, story.repeat(300)).unwrap();
    let long = long.to_str().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["compare", long, &fixture("coastline.txt"), "-f", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    assert!(first.starts_with(b"{\"schema\""));
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    // Killed by SIGPIPE would show as no exit code at all.
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "{}", stderr(&o));
}

#[test]
fn a_page_nested_deeper_than_any_browser_nests_is_refused_in_one_line() {
    // 30,000 levels overflowed the stack of the thread reading it, and the process died
    // without a word.
    let levels = 30_000;
    let page = format!(
        "<html><head><title>Deep</title></head><body><article>{}<p>{}</p>{}</article></body></html>",
        "<div>".repeat(levels),
        "The council voted to close the harbour. ".repeat(20),
        "</div>".repeat(levels)
    );
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("deep.html");
    std::fs::write(&deep, page).unwrap();
    let deep = deep.to_str().unwrap();
    assert_bad_input(
        &parallax(&["compare", deep, &fixture("gazette.txt")], b""),
        deep,
        "more than 5000 deep",
    );
}
