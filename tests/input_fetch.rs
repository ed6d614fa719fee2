//! Fetching pages over HTTP from a server the test starts on 127.0.0.1.

mod support;

use parallax::input::{self, InputEnv, LoadError, LoadOptions, Loaded};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use support::http_server::{Reply, Server, start_plaintext_liar};

const PAGE: &str = include_str!("fixtures/pages/tidewater-ferry.html");

fn load_at(
    url: &str,
    options: &LoadOptions,
    cache: Option<&Path>,
    now: SystemTime,
) -> Result<Loaded, LoadError> {
    let mut stdin = std::io::empty();
    let mut env = InputEnv {
        stdin: &mut stdin,
        cache_dir: cache,
        now,
    };
    input::load(url, options, &mut env)
}

fn load(url: &str, options: &LoadOptions) -> Result<Loaded, LoadError> {
    load_at(url, options, None, UNIX_EPOCH)
}

fn error(url: &str, options: &LoadOptions) -> String {
    let err = load(url, options)
        .expect_err("load should fail")
        .to_string();
    assert!(!err.contains('\n'), "one line: {err}");
    assert!(err.starts_with(url), "names the URL: {err}");
    err
}

fn site() -> Server {
    Server::start(|path| match path {
        "/a.html" => Reply::ok("text/html; charset=utf-8", PAGE),
        "/old" => Reply::redirect("/a.html"),
        "/loop" => Reply::redirect("/loop"),
        "/report.pdf" => Reply::ok("application/pdf", b"%PDF-1.7".to_vec()),
        "/notes.txt" => Reply::ok(
            "text/plain; charset=ISO-8859-1",
            b"Caf\xe9 notes\r\n\r\nThe pier reopened.".to_vec(),
        ),
        "/big" => Reply::ok("text/html", "<p>tide</p>".repeat(500)),
        "/big-unannounced" => Reply::Page {
            status: 200,
            reason: "OK",
            headers: vec![("Content-Type", "text/html".to_owned())],
            body: "<p>tide</p>".repeat(500).into_bytes(),
            length: false,
        },
        "/slow" => Reply::Stall,
        "/latin1.html" => Reply::ok(
            "text/html; charset=ISO-8859-1",
            latin1(
                &PAGE
                    .replace("<meta charset=\"utf-8\">", "")
                    .replace("regional council", "r\u{e9}gion's council"),
            ),
        ),
        "/unlabelled" => Reply::Page {
            status: 200,
            reason: "OK",
            headers: Vec::new(),
            body: PAGE.as_bytes().to_vec(),
            length: true,
        },
        _ => Reply::not_found(),
    })
}

#[test]
fn a_page_is_fetched_extracted_and_labelled() {
    let server = site();
    let got = load(&server.url("/a.html"), &LoadOptions::default()).unwrap();
    assert!(got.text.starts_with("Ferry service returns to Gullhaven\n"));
    assert_eq!(got.meta.outlet.as_deref(), Some("The Tidewater Courier"));
    assert_eq!(got.cached, None);
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let server = site();
    let got = load(&server.url("/old"), &LoadOptions::default()).unwrap();
    assert!(got.text.contains("Osprey Line"));
    let err = error(&server.url("/loop"), &LoadOptions::default());
    assert!(err.ends_with("too many redirects (limit 5)"), "{err}");
}

#[test]
fn text_responses_honour_the_header_charset() {
    let server = site();
    let got = load(&server.url("/notes.txt"), &LoadOptions::default()).unwrap();
    assert_eq!(got.text, "Caf\u{e9} notes\n\nThe pier reopened.");
    assert_eq!(got.meta.outlet.as_deref(), Some("127.0.0.1"));
}

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text"))
        .collect()
}

#[test]
fn html_responses_honour_the_header_charset() {
    let server = site();
    let got = load(&server.url("/latin1.html"), &LoadOptions::default()).unwrap();
    assert!(got.text.contains("r\u{e9}gion's council"), "{}", got.text);
    assert!(got.notices.is_empty(), "{:?}", got.notices);
}

#[test]
fn a_response_without_content_type_is_sniffed() {
    let server = site();
    let got = load(&server.url("/unlabelled"), &LoadOptions::default()).unwrap();
    assert_eq!(got.format, parallax::input::Format::Html);
    assert!(got.text.starts_with("Ferry service returns to Gullhaven\n"));
}

#[test]
fn http_errors_give_their_status() {
    let server = site();
    let err = error(&server.url("/missing"), &LoadOptions::default());
    assert!(err.ends_with("server answered HTTP 404 Not Found"), "{err}");
}

#[test]
fn other_content_types_are_refused() {
    let server = site();
    let err = error(&server.url("/report.pdf"), &LoadOptions::default());
    assert!(
        err.contains("refused content type application/pdf"),
        "{err}"
    );
}

#[test]
fn oversize_bodies_are_refused_with_or_without_a_length() {
    let server = site();
    let mut options = LoadOptions::default();
    options.fetch.max_bytes = 1024;
    for path in ["/big", "/big-unannounced"] {
        let err = error(&server.url(path), &options);
        assert!(
            err.ends_with("response is larger than the 1 KiB limit"),
            "{err}"
        );
    }
}

#[test]
fn a_silent_server_times_out() {
    let server = site();
    let mut options = LoadOptions::default();
    options.fetch.read_timeout = Duration::from_millis(200);
    let err = error(&server.url("/slow"), &options);
    assert!(err.contains("timed out"), "{err}");
}

#[test]
fn a_closed_port_is_a_refused_connection() {
    let server = site();
    let url = server.url("/a.html");
    server.stop();
    let err = error(&url, &LoadOptions::default());
    assert!(err.ends_with("connection refused"), "{err}");
}

#[test]
fn a_server_that_does_not_speak_tls_is_a_tls_failure() {
    let addr = start_plaintext_liar();
    let err = error(&format!("https://{addr}/a.html"), &LoadOptions::default());
    assert!(err.contains("TLS failure"), "{err}");
}

#[test]
fn a_fetched_page_reopens_from_the_cache_offline() {
    let cache = tempfile::tempdir().unwrap();
    let server = site();
    let url = server.url("/a.html");
    let options = LoadOptions::default();
    let first_at = UNIX_EPOCH + Duration::from_secs(2_000_000_000);
    let first = load_at(&url, &options, Some(cache.path()), first_at).unwrap();
    assert_eq!(first.cached, None);
    assert_eq!(server.hits(), 1);
    server.stop();

    let later = first_at + Duration::from_secs(3 * 3600);
    let again = load_at(&url, &options, Some(cache.path()), later).unwrap();
    assert_eq!(again.text, first.text, "notes re-anchor on the same text");
    assert_eq!(again.meta, first.meta);
    let copy = again.cached.expect("served from the cache");
    assert_eq!(copy.fetched_at, first_at);
    assert_eq!(copy.age, Duration::from_secs(3 * 3600));
    assert!(
        again
            .notices
            .iter()
            .any(|n| n.contains("cached copy from 3 hours ago"))
    );

    // Asked to refresh while offline: the cached copy, and why it was not refreshed.
    let refresh = LoadOptions {
        refresh: true,
        ..LoadOptions::default()
    };
    let stale = load_at(&url, &refresh, Some(cache.path()), later).unwrap();
    assert_eq!(stale.text, first.text);
    assert!(
        stale
            .notices
            .iter()
            .any(|n| n.contains("could not refresh (connection refused)"))
    );
}

#[test]
fn refresh_fetches_again_when_online() {
    let cache = tempfile::tempdir().unwrap();
    let server = site();
    let url = server.url("/a.html");
    load_at(
        &url,
        &LoadOptions::default(),
        Some(cache.path()),
        UNIX_EPOCH,
    )
    .unwrap();
    let refresh = LoadOptions {
        refresh: true,
        ..LoadOptions::default()
    };
    let got = load_at(&url, &refresh, Some(cache.path()), UNIX_EPOCH).unwrap();
    assert_eq!(server.hits(), 2);
    assert_eq!(got.cached, None);
}
