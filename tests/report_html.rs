//! `compare --format html`: the page's structure read back through an HTML parser, escaping
//! of hostile articles, notes beside their passages, and the page in a real browser.

#[path = "support/fixtures.rs"]
mod fixtures;
mod notes_support;

use dom_query::{Document, Selection};
use fixtures::fixture;
use parallax::engine::{
    Article, CompareOptions, Comparison, LinkKind, Metadata, Role, build_article, compare,
};
use parallax::notes::{NotesStore, PlacedNote, Placement};
use parallax::paths::Paths;
use parallax::side::{Pair, Side};
use std::path::{Path, PathBuf};
use std::process::Command;

fn page(c: &Comparison, notes: &Pair<Vec<PlacedNote>>) -> String {
    let mut out = Vec::new();
    parallax::report::html::write(c, notes, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// The invented pair with every kind of link, moved links, boilerplate and a split sentence.
fn gazette_coastline() -> Comparison {
    compare(
        fixture("gazette.txt"),
        fixture("coastline.txt"),
        &CompareOptions::default(),
    )
}

fn key(side: Side) -> char {
    match side {
        Side::Left => 'l',
        Side::Right => 'r',
    }
}

fn column<'a>(doc: &'a Document, side: Side) -> Selection<'a> {
    doc.select(&format!("#c{}", key(side)))
}

/// A passage element's own text, without its link number.
fn passage_text(span: &Selection) -> String {
    let copy = Document::from(span.html().to_string());
    copy.select("a.n").remove();
    copy.select("span.s").text().to_string()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_page_is_one_document_that_loads_nothing() {
    let c = gazette_coastline();
    let html = page(&c, &Pair::default());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.trim_end().ends_with("</html>"));
    let doc = Document::from(html.as_str());
    assert_eq!(doc.select("style").length(), 1);
    assert_eq!(doc.select("script").length(), 1);
    for attr in ["src", "srcset", "poster", "data", "action"] {
        assert_eq!(doc.select(&format!("[{attr}]")).length(), 0, "{attr}");
    }
    assert_eq!(
        doc.select("link, iframe, object, embed, img, form")
            .length(),
        0
    );
    for needle in [
        "@import",
        "url(",
        "fetch(",
        "XMLHttpRequest",
        "http://",
        "https://",
    ] {
        assert!(!html.contains(needle), "{needle}");
    }
    // The policy names the page's own script by hash: nothing else may run.
    let script = doc.select("script").text().to_string();
    use sha2::Digest;
    let hash = sha2::Sha256::digest(script.as_bytes());
    let policy = doc
        .select("meta[http-equiv=Content-Security-Policy]")
        .attr("content")
        .unwrap()
        .to_string();
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    let named = policy
        .split("'sha256-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap();
    assert_eq!(named.len(), 44, "{named}");
    assert_eq!(hash.len(), 32);
    assert!(
        html.contains(&format!("script-src 'sha256-{named}'")),
        "{policy}"
    );
    // Both titles, labels and figures in the header.
    let header = doc.select("header.top").text().to_string();
    for side in Side::BOTH {
        let a = &c.articles[side];
        assert!(header.contains(a.title().unwrap()), "{header}");
        assert!(header.contains(&a.label));
        let shared = format!("{:.0}% of body words", c.stats.shared[side] * 100.0);
        assert!(header.contains(&shared), "{shared}");
    }
    let count = |k| c.links.iter().filter(|l| l.kind == k).count();
    let counts = doc.select("p.ct").text().to_string();
    for (name, n) in [
        ("identical", count(LinkKind::Identical)),
        ("reworded", count(LinkKind::Reworded)),
        ("paraphrase", count(LinkKind::Paraphrase)),
        ("moved", c.links.iter().filter(|l| l.moved).count()),
    ] {
        assert!(counts.contains(&format!("{name} {n}")), "{counts}");
    }
    assert_eq!(doc.select(".strip").length(), 2);
}

#[test]
fn every_passage_is_in_its_column_once_in_order() {
    let c = gazette_coastline();
    let doc = Document::from(page(&c, &Pair::default()));
    for side in Side::BOTH {
        let a = &c.articles[side];
        let spans = column(&doc, side).select("span.s");
        let ids: Vec<String> = spans
            .iter()
            .map(|s| s.attr("id").unwrap().to_string())
            .collect();
        let want: Vec<String> = (1..=a.passages.len())
            .map(|n| format!("{}{n}", key(side)))
            .collect();
        assert_eq!(ids, want);
        for (id, span) in spans.iter().enumerate() {
            assert_eq!(
                collapse(&passage_text(&span)),
                collapse(a.passage_text(id)),
                "passage {id}"
            );
            assert_eq!(doc.select(&format!("#{}", ids[id])).length(), 1);
        }
    }
}

#[test]
fn each_passage_carries_its_link_number_and_counterpart() {
    let c = gazette_coastline();
    let doc = Document::from(page(&c, &Pair::default()));
    assert!(
        c.links
            .iter()
            .any(|l| l.passages.left.len() + l.passages.right.len() > 2)
    );
    for side in Side::BOTH {
        for (id, span) in column(&doc, side).select("span.s").iter().enumerate() {
            let number = span.select("a.n");
            let Some(i) = c.link_of[side][id] else {
                assert_eq!(number.length(), 0, "passage {id} has no link");
                continue;
            };
            let link = &c.links[i];
            assert_eq!(number.length(), 1);
            assert_eq!(number.text().to_string(), (i + 1).to_string());
            let other = side.other();
            let href = number.attr("href").unwrap().to_string();
            assert_eq!(
                href,
                format!("#{}{}", key(other), link.passages[other][0] + 1)
            );
            // The counterpart bears the same number.
            let target = doc.select(&href);
            assert_eq!(target.select("a.n").text().to_string(), (i + 1).to_string());
        }
    }
}

#[test]
fn classes_follow_kinds_moves_and_boilerplate() {
    let c = gazette_coastline();
    let doc = Document::from(page(&c, &Pair::default()));
    let mut folded = 0;
    for side in Side::BOTH {
        let a = &c.articles[side];
        for (id, span) in column(&doc, side).select("span.s").iter().enumerate() {
            let class = span.attr("class").unwrap().to_string();
            let classes: Vec<&str> = class.split(' ').collect();
            let link = c.link_for(side, id);
            let kind = match link.map(|l| l.kind) {
                Some(LinkKind::Identical) => "i",
                Some(LinkKind::Reworded) => "w",
                Some(LinkKind::Paraphrase) => "p",
                None if a.passages[id].role == Role::Boilerplate => "b",
                None => "u",
            };
            assert_eq!(classes[1], kind, "{class}");
            assert_eq!(
                classes.contains(&"m"),
                link.is_some_and(|l| l.moved),
                "{class}"
            );
            let in_fold = span.parent().parent().is("details.bp");
            if in_fold {
                folded += 1;
                assert_eq!(kind, "b");
            }
        }
    }
    assert!(folded > 0, "the fixtures have boilerplate paragraphs");
    assert!(c.links.iter().any(|l| l.moved));
}

#[test]
fn words_that_differ_are_struck_left_and_underlined_right() {
    let c = gazette_coastline();
    let doc = Document::from(page(&c, &Pair::default()));
    assert_eq!(column(&doc, Side::Left).select("ins").length(), 0);
    assert_eq!(column(&doc, Side::Right).select("del").length(), 0);
    let marked = |side: Side, tag: &str| -> String {
        collapse(
            &column(&doc, side)
                .select(tag)
                .iter()
                .map(|e| e.text().to_string())
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    // The words the reader marks: the links' changes, as byte ranges in each article.
    for (side, tag) in [(Side::Left, "del"), (Side::Right, "ins")] {
        let a = &c.articles[side];
        let changed: Vec<&str> = c
            .links
            .iter()
            .flat_map(|l| l.changes[side].iter().map(|r| &a.text[r.clone()]))
            .collect();
        assert!(!changed.is_empty());
        assert_eq!(marked(side, tag), collapse(&changed.join(" ")), "{tag}");
    }
}

const HOSTILE: &str = "Mayor <script>alert(1)</script> resigns\n\n\
The council met on Tuesday <img src=x onerror=alert(1)> and voted.\n\n\
Read it at javascript:alert(2) or \u{202E}txt.exe\u{202C} now \u{2066}x\u{2069} \u{061C}y \u{200F}z.\n\n\
A \"quoted\" 'word' & <b onclick=\"alert(3)\">bold</b> claim.\n";

fn hostile(url: &str) -> Article {
    let meta = Metadata {
        outlet: Some("<script>alert(4)</script>Outlet".into()),
        byline: Some("\"><img src=x onerror=alert(5)>".into()),
        published: Some("2025-01-01\u{202E}".into()),
        url: Some(url.into()),
    };
    build_article("<b>evil</b>.html", Some("L\"a<b>el"), HOSTILE.into(), meta)
}

#[test]
fn hostile_text_never_becomes_markup_or_script() {
    let plain = build_article(
        "plain.txt",
        None,
        "The council met on Tuesday and voted.\n".into(),
        Metadata::default(),
    );
    let c = compare(
        hostile("javascript:alert(6)"),
        plain,
        &CompareOptions::default(),
    );
    let html = page(&c, &Pair::default());
    let doc = Document::from(html.as_str());
    assert_eq!(
        doc.select("script").length(),
        1,
        "only the page's own script"
    );
    assert!(!doc.select("script").text().contains("alert"));
    assert_eq!(doc.select("img, b").length(), 0);
    for element in doc.select("*").iter() {
        for attr in element.attrs() {
            assert!(
                !attr.name.local.to_ascii_lowercase().starts_with("on"),
                "event handler {:?}",
                attr.name.local
            );
        }
    }
    for href in doc.select("[href]").iter() {
        let href = href.attr("href").unwrap().to_string();
        assert!(href.starts_with('#'), "{href}");
    }
    for raw in ["<script>alert", "<img", "<b>", "<b "] {
        assert!(!html.contains(raw), "{raw}");
    }
    for bidi in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
    ] {
        assert!(!html.contains(bidi), "{:?}", bidi);
    }
    // The words are all still there, as text.
    let text = column(&doc, Side::Left).text().to_string();
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
    assert!(text.contains("<img src=x onerror=alert(1)>"));
    assert!(text.contains("javascript:alert(2)"));
    let head = doc.select("header.top").text().to_string();
    assert!(head.contains("<script>alert(4)</script>Outlet"), "{head}");
    assert!(head.contains("\"><img src=x onerror=alert(5)>"));
    assert!(head.contains("javascript:alert(6)"), "shown as text");
    assert!(head.contains("L\"a<b>el"));
}

#[test]
fn only_web_addresses_become_links() {
    let plain = || build_article("b.txt", None, "Other words.\n".into(), Metadata::default());
    let c = compare(
        hostile("https://example.org/story?a=1&b=\"2\""),
        plain(),
        &CompareOptions::default(),
    );
    let doc = Document::from(page(&c, &Pair::default()));
    let links: Vec<String> = doc
        .select("header.top dd a")
        .iter()
        .map(|a| a.attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["https://example.org/story?a=1&b=\"2\""]);
    for url in [
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "  JaVaScRiPt:alert(1)",
        "//example.org/x",
    ] {
        let c = compare(hostile(url), plain(), &CompareOptions::default());
        let doc = Document::from(page(&c, &Pair::default()));
        assert_eq!(doc.select("header.top dd a").length(), 0, "{url}");
        assert!(
            doc.select("header.top").text().contains(url.trim()),
            "{url}"
        );
    }
}

#[test]
fn a_local_file_is_named_without_the_senders_folders() {
    let article = |source: &str| {
        build_article(
            source,
            None,
            "A title\n\nThe ferry sailed.\n".into(),
            Metadata::default(),
        )
    };
    let c = compare(
        article("/home/ana/private/leads/gazette.txt"),
        article("https://example.org/coastline"),
        &CompareOptions::default(),
    );
    let html = page(&c, &Pair::default());
    let doc = Document::from(html.as_str());
    let facts = collapse(&doc.select("header.top").text());
    assert!(facts.contains("gazette.txt"), "{facts}");
    assert!(
        !html.contains("/home/ana"),
        "the folders stay on the sender's disk"
    );
    assert!(facts.contains("https://example.org/coastline"), "{facts}");
}

/// Notes on the gazette fixture pair, made through the store as the reader makes them.
fn noted_pair(paths: &Paths, c: &Comparison) -> (usize, usize) {
    let mut store = NotesStore::open(paths, notes_support::t(0)).unwrap();
    let (l, r) = (&c.articles.left, &c.articles.right);
    let left = c.links[0].passages.left[0];
    let right = (0..r.passages.len())
        .find(|&i| c.link_of.right[i].is_none() && r.passages[i].role == Role::Body)
        .unwrap();
    store
        .add_beside(
            l,
            Some(r),
            left,
            "Both <em>say</em> this.",
            notes_support::t(1),
        )
        .unwrap();
    store
        .add_beside(
            r,
            Some(l),
            right,
            "Only here:\ncheck it.",
            notes_support::t(2),
        )
        .unwrap();
    (left, right)
}

#[test]
fn notes_sit_after_the_paragraph_of_their_passage() {
    let (_dir, paths) = notes_support::temp_paths();
    let c = gazette_coastline();
    let (left, right) = noted_pair(&paths, &c);
    let (store, problem) = NotesStore::read_only(&paths).unwrap();
    assert_eq!(problem, None);
    let mut notes = store.notes_for_pair(c.articles.as_ref());
    assert_eq!((notes.left.len(), notes.right.len()), (1, 1));
    // A note whose passage has gone is listed at the end of its column, with its quote.
    let mut orphan = notes.right[0].clone();
    orphan.placement = Placement::Orphan;
    orphan.note.anchor.passage = "A sentence cut since.".into();
    orphan.note.text = "Where did this go?".into();
    notes.right.push(orphan);
    let doc = Document::from(page(&c, &notes));
    for (side, id, text) in [
        (Side::Left, left, "Both <em>say</em> this."),
        (Side::Right, right, "Only here:\ncheck it."),
    ] {
        let passage = doc.select(&format!("#{}{}", key(side), id + 1));
        assert!(passage.has_class("nn"), "the passage is marked as noted");
        let mut next = passage.parent();
        while !next.next_sibling().is("aside") {
            next = next.next_sibling();
            assert!(next.exists(), "a note follows the passage's paragraph");
        }
        let aside = next.next_sibling();
        assert_eq!(aside.select("p").text().to_string(), text);
        assert_eq!(
            aside.select("a").attr("href").unwrap().to_string(),
            format!("#{}{}", key(side), id + 1)
        );
        assert!(column(&doc, side).select("aside.nt").length() >= 1);
    }
    let orphans = column(&doc, Side::Right).select(".orph aside");
    assert_eq!(orphans.length(), 1);
    assert_eq!(
        orphans.select("blockquote").text().to_string(),
        "A sentence cut since."
    );
    assert_eq!(doc.select("em").length(), 0, "note text is text");
    assert_eq!(doc.select("aside.nt").length(), 3);
}

fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn parallax(args: &[&str], home: &Path) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{err}");
    (String::from_utf8(out.stdout).unwrap(), err)
}

fn listing(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn compare_puts_stored_notes_in_the_page_unless_told_not_to() {
    let home = tempfile::tempdir().unwrap();
    let paths = Paths {
        config_dir: home.path().join("config/parallax"),
        cache_dir: home.path().join("cache/parallax"),
    };
    let (left, right) = (fixture_path("gazette.txt"), fixture_path("coastline.txt"));
    // The notes are made on the articles as the command will read them.
    let read = |p: &str| {
        let text = std::fs::read_to_string(p).unwrap();
        build_article(p, None, text, Metadata::default())
    };
    let c = compare(read(&left), read(&right), &CompareOptions::default());
    let (l, r) = noted_pair(&paths, &c);
    let before = listing(&paths.config_dir);

    let (with, err) = parallax(&["compare", &left, &right, "--format", "html"], home.path());
    assert_eq!(err, "");
    let doc = Document::from(with.as_str());
    assert_eq!(doc.select("aside.nt").length(), 2);
    assert!(doc.select(&format!("#l{}", l + 1)).has_class("nn"));
    assert!(doc.select(&format!("#r{}", r + 1)).has_class("nn"));
    assert_eq!(doc.select("em").length(), 0);
    assert!(
        doc.select("aside.nt")
            .text()
            .contains("Both <em>say</em> this.")
    );

    let (without, _) = parallax(
        &["compare", &left, &right, "--format", "html", "--no-notes"],
        home.path(),
    );
    let doc = Document::from(without.as_str());
    assert_eq!(doc.select("aside.nt, .nn").length(), 0);
    assert!(!doc.text().contains("Both <em>"));
    assert_eq!(
        listing(&paths.config_dir),
        before,
        "the notes are only read"
    );
}

#[test]
fn a_damaged_notes_file_is_read_as_far_as_it_goes_and_left_alone() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/parallax");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("notes.toml"), "schema = 1\n[[articles]\nbroken").unwrap();
    let before = listing(&config);
    let (left, right) = (fixture_path("gazette.txt"), fixture_path("coastline.txt"));
    let (html, err) = parallax(&["compare", &left, &right, "--format", "html"], home.path());
    assert!(err.contains("notes.toml"), "{err}");
    assert!(html.contains("</html>"));
    assert_eq!(listing(&config), before, "no backup, no rewrite");
}

fn corpus_seeds() -> Option<(PathBuf, PathBuf)> {
    let dir = PathBuf::from(std::env::var_os("PARALLAX_CORPUS")?).join("seeds");
    let find = |prefix: &str| {
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
            .unwrap()
    };
    Some((find("000_"), find("003_")))
}

/// The seed pair when the corpus is at hand, else the invented fixture pair.
fn screenshot_pair() -> (String, String) {
    match corpus_seeds() {
        Some((l, r)) => (
            l.to_string_lossy().into_owned(),
            r.to_string_lossy().into_owned(),
        ),
        None => {
            eprintln!("note: PARALLAX_CORPUS is not set; the browser test uses the fixture pair");
            (fixture_path("gazette.txt"), fixture_path("coastline.txt"))
        }
    }
}

#[test]
fn the_seed_report_is_small() {
    let Some((l, r)) = corpus_seeds() else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: PARALLAX_CORPUS is not set, so the seed report's size was not checked"
        );
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let (html, _) = parallax(
        &[
            "compare",
            l.to_str().unwrap(),
            r.to_str().unwrap(),
            "--format",
            "html",
        ],
        home.path(),
    );
    assert!(html.len() < 100_000, "{} bytes", html.len());
    assert!(Document::from(html.as_str()).select("span.s").length() > 20);
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|path| {
                std::env::split_paths(&path)
                    .map(|dir| dir.join(name))
                    .find(|p| p.is_file())
            })
        })
}

fn run_chromium(browser: &Path, profile: &Path, extra: &[&str], url: &str) -> std::process::Output {
    Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .output()
        .unwrap()
}

/// The page as a browser renders it: the script runs, the text is there, and the screenshot
/// is a picture with something in it.
#[test]
fn the_page_renders_in_a_headless_browser() {
    let Some(browser) = chromium() else {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: no chromium on PATH (.ci/run installs it), so the page was not rendered"
        );
        return;
    };
    let (left, right) = screenshot_pair();
    let home = tempfile::tempdir().unwrap();
    let (html, _) = parallax(&["compare", &left, &right, "--format", "html"], home.path());
    let file = home.path().join("report.html");
    std::fs::write(&file, &html).unwrap();
    let url = format!("file://{}", file.display());
    let read = |p: &str| {
        let text = std::fs::read_to_string(p).unwrap();
        build_article(p, None, text, Metadata::default())
    };
    let c = compare(read(&left), read(&right), &CompareOptions::default());

    let dom = run_chromium(
        &browser,
        &home.path().join("profile-dom"),
        &["--dump-dom"],
        &url,
    );
    let dumped = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let rendered = Document::from(dumped.as_ref());
    assert_eq!(
        rendered.select("html").attr("data-js").as_deref(),
        Some("on"),
        "the page's script ran under its own policy"
    );
    for side in Side::BOTH {
        let a = &c.articles[side];
        let title = collapse(a.title().unwrap());
        assert!(
            collapse(&rendered.select("header.top h2").text()).contains(&title),
            "{title}"
        );
        let spans = column(&rendered, side).select("span.s");
        assert_eq!(spans.length(), a.passages.len());
        let last = a.passages.len() - 1;
        assert_eq!(
            collapse(&passage_text(&spans.iter().last().unwrap())),
            collapse(a.passage_text(last))
        );
    }

    // Opened at a shared passage's number, the page lights that passage and its counterpart.
    let link = c.links.iter().position(|l| l.moved).unwrap_or(0);
    let (l, r) = (
        c.links[link].passages.left[0] + 1,
        c.links[link].passages.right[0] + 1,
    );
    let at = run_chromium(
        &browser,
        &home.path().join("profile-hash"),
        &["--dump-dom"],
        &format!("{url}#r{r}"),
    );
    let arrived = Document::from(String::from_utf8_lossy(&at.stdout).as_ref());
    let lit: Vec<String> = arrived
        .select("span.s.hi")
        .iter()
        .map(|s| s.attr("id").unwrap().to_string())
        .collect();
    assert!(lit.contains(&format!("r{r}")), "{lit:?}");
    assert!(
        lit.contains(&format!("l{l}")),
        "the counterpart lights too: {lit:?}"
    );
    assert!(
        rendered.select("span.s.hi").length() == 0,
        "nothing lit before"
    );

    let shot = home.path().join("report.png");
    let out = run_chromium(
        &browser,
        &home.path().join("profile-shot"),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1400,1000",
        ],
        &url,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h) = (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    );
    assert_eq!((w, h), (1400, 1000));
    // A blank page compresses to a few kilobytes; two columns of text do not.
    assert!(png.len() > 50_000, "{} bytes: a blank page?", png.len());
    if let Some(dir) = std::env::var_os("PARALLAX_SCREENSHOT_DIR") {
        std::fs::copy(&shot, PathBuf::from(dir).join("report-seed.png")).unwrap();
    }
}

#[test]
fn right_to_left_paragraphs_run_from_the_right() {
    let c = compare(
        fixture("scripts/ar_harbour_paper.txt"),
        fixture("scripts/ar_east_shore.txt"),
        &CompareOptions::default(),
    );
    let doc = Document::from(page(&c, &Pair::default()));
    let paragraphs = doc.select("article.col p");
    assert!(paragraphs.length() >= 8);
    // The browser picks each paragraph's direction from its first strong letter, so an
    // Arabic one is laid out right to left while the page's own words stay left to right.
    for p in paragraphs.iter() {
        assert_eq!(p.attr("dir").as_deref(), Some("auto"), "{}", p.html());
    }
    let titles = doc.select("header.top h2 span[dir=auto]");
    assert_eq!(titles.length(), 2);
    assert!(titles.text().contains("العاصفة توقف العبارة"));
}
