//! The engine on real articles from `../shared/corpus` (not in the repository: someone else's
//! writing). `.ci/run` sets PARALLAX_CORPUS; without it these tests say so and check nothing.

use parallax::engine::{
    Article, Comparison, LinkKind, Metadata, Role, build_article, build_pair, compare,
    draft_article,
};
use parallax::side::{Pair, Side};
use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    match std::env::var_os("PARALLAX_CORPUS") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(
                dir.join("pairs/index.tsv").is_file(),
                "PARALLAX_CORPUS={} has no pairs/index.tsv",
                dir.display()
            );
            Some(dir)
        }
        None => {
            // Straight to stderr, which the test harness does not capture (`eprintln!` it
            // does), so that a skip is seen without --nocapture.
            use std::io::Write;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED: PARALLAX_CORPUS is not set, so the real-article checks did not run"
            );
            None
        }
    }
}

fn load(path: PathBuf) -> Article {
    let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
    build_article(&path.to_string_lossy(), None, text, Metadata::default())
}

fn passage(a: &Article, fragment: &str) -> usize {
    (0..a.passages.len())
        .find(|&i| a.passage_text(i).contains(fragment))
        .unwrap_or_else(|| panic!("no passage with {fragment:?}"))
}

fn kind_between(c: &Comparison, left: &str, right: &str) -> Option<LinkKind> {
    let (l, r) = (
        passage(&c.articles.left, left),
        passage(&c.articles.right, right),
    );
    c.link_for(Side::Left, l)
        .filter(|link| link.passages.right.contains(&r))
        .map(|link| link.kind)
}

#[test]
fn seed_pair_reads_as_a_careful_reader_would() {
    let Some(dir) = corpus() else { return };
    let seeds = dir.join("seeds");
    let c = compare(
        load(seeds.join("000_7e1e6eb906015e66.txt")),
        load(seeds.join("003_37f7f28ba670c285.txt")),
        &Default::default(),
    );
    let (l, r) = (&c.articles.left, &c.articles.right);

    assert_eq!(
        kind_between(
            &c,
            "spotted movements by Daesh [ISIS]",
            "spotted movements by Daesh in"
        ),
        Some(LinkKind::Reworded)
    );
    assert!(
        kind_between(
            &c,
            "southern Sirte countryside",
            "southern Sirte countryside"
        )
        .is_some()
    );
    assert_eq!(
        kind_between(
            &c,
            "Mr Ghasri did not give details",
            "Mr Ghasri did not give details"
        ),
        Some(LinkKind::Identical)
    );
    assert!(
        kind_between(
            &c,
            "Faced with a string of military defeats",
            "Faced with a string of military defeats"
        )
        .is_some()
    );
    assert_eq!(
        kind_between(
            &c,
            "overthrow and execution of dictator",
            "since the overthrow of Muammar Gaddafi"
        ),
        Some(LinkKind::Paraphrase)
    );
    assert_eq!(
        kind_between(
            &c,
            "reached a ceasefire agreement",
            "A ceasefire has been implemented"
        ),
        Some(LinkKind::Paraphrase)
    );
    for unique in ["told VICE News", "Thomas Waldhauser"] {
        assert_eq!(c.link_of.left[passage(l, unique)], None, "{unique}");
    }
    for plea in [
        "Your support helps us",
        "Your donation allows us",
        "Your support makes all the difference",
        "Join our commenting forum",
    ] {
        assert_eq!(
            r.passages[passage(r, plea)].role,
            Role::Boilerplate,
            "{plea}"
        );
    }
    assert_eq!(
        r.passages[passage(r, "A militia fighting on behalf")].role,
        Role::Body
    );
    assert!(
        r.passage_text(passage(r, "A militia fighting on behalf"))
            .starts_with("A militia")
    );
    assert_eq!(l.passages[passage(l, "AP Photo/")].role, Role::Boilerplate);
}

#[test]
fn every_real_pair_compares_and_wire_copies_come_out_identical() {
    let Some(dir) = corpus() else { return };
    let index = std::fs::read_to_string(dir.join("pairs/index.tsv")).unwrap();
    let mut compared = 0;
    for row in index.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (pair, a, b) = (cols[0], cols[2], cols[4]);
        let c = compare(
            load(dir.join("pairs").join(a)),
            load(dir.join("pairs").join(b)),
            &Default::default(),
        );
        let mut json = Vec::new();
        parallax::report::json::write(&c, &mut json).unwrap();
        for link in &c.links {
            for side in Side::BOTH {
                for &p in &link.passages[side] {
                    assert_ne!(
                        c.articles[side].passages[p].role,
                        Role::Boilerplate,
                        "pair {pair}: boilerplate linked"
                    );
                }
            }
        }
        if pair.starts_with("wire") {
            let identical = c
                .links
                .iter()
                .filter(|l| l.kind == LinkKind::Identical)
                .count();
            assert!(
                identical * 10 >= c.links.len() * 8,
                "pair {pair}: {identical} of {} identical",
                c.links.len()
            );
            assert!(
                c.stats.shared.left > 0.9 && c.stats.shared.right > 0.9,
                "pair {pair}: {:?}",
                c.stats
            );
        }
        compared += 1;
    }
    assert!(compared >= 29, "only {compared} pairs listed");
}

/// Cutting two articles at once shares the paragraphs they both print; the articles must come
/// out exactly as cut one by one. Real pairs share few paragraphs to the byte (wire copies
/// some), so each article is also paired with an edited copy of itself: paragraphs moved,
/// dropped and reworded, which share most of them.
#[test]
fn articles_cut_as_a_pair_are_cut_as_each_alone() {
    let Some(dir) = corpus() else { return };
    let read = |name: &str| {
        let path = dir.join("pairs").join(name);
        String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned()
    };
    let index = std::fs::read_to_string(dir.join("pairs/index.tsv")).unwrap();
    let (mut pairs, mut shared, mut paragraphs) = (0, 0, 0);
    for row in index.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (a, b) = (read(cols[2]), read(cols[4]));
        let copy = edited(&a);
        let own: std::collections::HashSet<&str> = a.split("\n\n").collect();
        shared += copy.split("\n\n").filter(|p| own.contains(p)).count();
        paragraphs += copy.split("\n\n").count();
        for (left, right) in [(a.clone(), b), (a.clone(), copy.clone())] {
            let alone = Pair::new(
                build_article("l.txt", None, left.clone(), Metadata::default()),
                build_article("r.txt", None, right.clone(), Metadata::default()),
            );
            let drafts = Pair::new(
                draft_article("l.txt", None, left, Metadata::default()),
                draft_article("r.txt", None, right, Metadata::default()),
            );
            let at_once = build_pair(drafts);
            assert_eq!(at_once.left, alone.left, "{row}");
            assert_eq!(at_once.right, alone.right, "{row}");
        }
        pairs += 1;
    }
    assert!(pairs >= 29, "only {pairs} pairs listed");
    // The edited copies share most paragraphs with their originals, as intended.
    assert!(shared * 2 > paragraphs, "{shared} of {paragraphs} shared");
}

/// `text` with its body paragraphs moved round by five places, every third dropped and every
/// fourth with a word changed.
fn edited(text: &str) -> String {
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let (head, body) = paragraphs.split_at(paragraphs.len().min(2));
    let mut out: Vec<String> = head.iter().map(|p| p.to_string()).collect();
    for i in 0..body.len() {
        let p = body[(i + 5) % body.len()];
        if i % 3 == 0 {
            continue;
        }
        out.push(if i % 4 == 0 {
            p.replacen(" the ", " a ", 1)
        } else {
            p.to_owned()
        });
    }
    out.join("\n\n")
}
