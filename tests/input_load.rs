//! Loading files and stdin: formats, encodings, and the one-line errors.

use parallax::input::{self, Format, InputEnv, LoadError, LoadOptions, Loaded};
use std::path::Path;
use std::time::UNIX_EPOCH;

const PAGE: &str = include_str!("fixtures/pages/tidewater-ferry.html");

fn load_with(given: &str, stdin: &[u8], options: &LoadOptions) -> Result<Loaded, LoadError> {
    let mut stdin = stdin;
    let mut env = InputEnv {
        stdin: &mut stdin,
        cache_dir: None,
        now: UNIX_EPOCH,
    };
    input::load(given, options, &mut env)
}

fn load(given: &str) -> Result<Loaded, LoadError> {
    load_with(given, b"", &LoadOptions::default())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn one_line_error(given: &str, result: Result<Loaded, LoadError>) -> String {
    let msg = result.expect_err("should fail").to_string();
    assert!(!msg.contains('\n'), "{msg}");
    assert!(
        msg.starts_with(&format!("{given}: ")),
        "names the source: {msg}"
    );
    msg
}

#[test]
fn every_bad_file_gets_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.txt").to_string_lossy().into_owned();
    let folder = dir.path().to_string_lossy().into_owned();
    let binary = write(dir.path(), "photo.jpg", b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00");
    let empty = write(dir.path(), "empty.txt", b"");
    let blank = write(dir.path(), "blank.txt", b" \r\n\t\n");
    let cases = [
        (&missing, "no such file"),
        (&folder, "is a directory, not a file"),
        (
            &binary,
            "looks like a binary file (it contains NUL bytes), not an article",
        ),
        (&empty, "is empty"),
        (&blank, "contains only whitespace"),
    ];
    for (given, problem) in cases {
        let msg = one_line_error(given, load(given));
        assert!(msg.ends_with(problem), "{msg}");
    }
}

#[test]
fn the_size_limit_is_settable() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "long.txt", &b"word ".repeat(300));
    let options = LoadOptions {
        max_file_bytes: 1024,
        ..LoadOptions::default()
    };
    let msg = one_line_error(&path, load_with(&path, b"", &options));
    assert!(msg.ends_with("is larger than the 1 KiB limit"), "{msg}");
    assert!(
        load(&path).is_ok(),
        "the default 64 MiB limit lets it through"
    );
    let msg = load_with("-", &b"word ".repeat(300), &options)
        .unwrap_err()
        .to_string();
    assert_eq!(msg, "stdin: is larger than the 1 KiB limit");
}

#[test]
fn text_files_decode_and_normalise_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let crlf = write(
        dir.path(),
        "crlf.txt",
        b"\xEF\xBB\xBFHarbour opens\r\nA dek\r\rBody.\r\n",
    );
    let got = load(&crlf).unwrap();
    assert_eq!(got.text, "Harbour opens\nA dek\n\nBody.\n");
    assert_eq!(got.format, Format::Text);
    assert!(got.notices.is_empty());

    let legacy = write(dir.path(), "legacy.txt", b"\x93Caf\xe9\x94 reopens\n");
    let got = load(&legacy).unwrap();
    assert_eq!(got.text, "\u{201C}Caf\u{e9}\u{201D} reopens\n");
    assert_eq!(
        got.notice_lines().collect::<Vec<_>>(),
        [format!("{legacy}: not valid UTF-8; read as Windows-1252")]
    );

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Gullhaven\r\nPier"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let wide = write(dir.path(), "wide.txt", &utf16);
    assert_eq!(load(&wide).unwrap().text, "Gullhaven\nPier");
}

#[test]
fn stdin_is_sniffed_as_text_or_html() {
    let text = load_with("-", b"Title\n\nBody text.", &LoadOptions::default()).unwrap();
    assert_eq!(
        (text.format, text.text.as_str()),
        (Format::Text, "Title\n\nBody text.")
    );
    let page = load_with("-", PAGE.as_bytes(), &LoadOptions::default()).unwrap();
    assert_eq!(page.format, Format::Html);
    assert!(
        page.text
            .starts_with("Ferry service returns to Gullhaven\n")
    );
    let msg = load_with("-", b"", &LoadOptions::default())
        .unwrap_err()
        .to_string();
    assert_eq!(msg, "stdin: is empty");
}

#[test]
fn saved_pages_in_latin_1_decode_by_their_meta_charset() {
    let dir = tempfile::tempdir().unwrap();
    let latin1: Vec<u8> = PAGE
        .replace(
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
        )
        .replace(
            "the regional council",
            "the r\u{e9}gion's council \u{2013} na\u{ef}vely",
        )
        .chars()
        .map(|c| match c {
            '\u{2013}' => 0x96, // Windows-1252's en dash: what "ISO-8859-1" pages really contain
            c => u8::try_from(u32::from(c)).expect("Latin-1 text"),
        })
        .collect();
    let path = write(dir.path(), "saved", &latin1);
    let got = load(&path).unwrap();
    assert!(
        got.text
            .contains("the r\u{e9}gion's council \u{2013} na\u{ef}vely"),
        "{}",
        got.text
    );
    assert!(got.notices.is_empty(), "{:?}", got.notices);
}

#[test]
fn a_page_with_no_article_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "menu.html",
        b"<html><body><nav><a href=/>Home</a></nav></body></html>",
    );
    let msg = one_line_error(&path, load(&path));
    assert!(msg.ends_with("no article text found in the page"), "{msg}");
}
