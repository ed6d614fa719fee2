//! The engine on articles in scripts other than the Latin one. Each pair is one invented story
//! (a ferry stopped by a storm) as two outlets print it, in Chinese, Japanese, Arabic and
//! Russian: one sentence copied, one reworded, and some that only one outlet has.

#[path = "support/fixtures.rs"]
mod fixtures;
use fixtures::fixture;
use parallax::engine::{Comparison, LinkKind, Role, compare};
use parallax::side::Side;

fn pair(left: &str, right: &str) -> Comparison {
    compare(
        fixture(&format!("scripts/{left}.txt")),
        fixture(&format!("scripts/{right}.txt")),
        &Default::default(),
    )
}

/// The passage of `side` that starts with `start`.
fn passage(c: &Comparison, side: Side, start: &str) -> usize {
    let article = &c.articles[side];
    (0..article.passages.len())
        .find(|&i| article.passage_text(i).starts_with(start))
        .unwrap_or_else(|| {
            let all: Vec<&str> = (0..article.passages.len())
                .map(|i| article.passage_text(i))
                .collect();
            panic!("no passage starts with {start:?}; passages: {all:#?}")
        })
}

/// The kind of the link between the two passages, if they are linked to each other.
fn link_between(c: &Comparison, left: &str, right: &str) -> Option<LinkKind> {
    let (l, r) = (passage(c, Side::Left, left), passage(c, Side::Right, right));
    let link = &c.links[c.link_of.left[l]?];
    link.passages.right.contains(&r).then_some(link.kind)
}

fn unlinked(c: &Comparison, side: Side, start: &str) -> bool {
    c.link_of[side][passage(c, side, start)].is_none()
}

struct Expected {
    files: (&'static str, &'static str),
    copied: (&'static str, &'static str),
    reworded: (&'static str, &'static str),
    only_left: &'static str,
    only_right: &'static str,
}

const STORIES: [Expected; 4] = [
    Expected {
        files: ("zh_harbour_daily", "zh_east_evening"),
        copied: ("受暴风影响", "受暴风影响"),
        reworded: ("港务局发言人表示", "港务局发言人说"),
        only_left: "当地一家面包店",
        only_right: "气象部门预计",
    },
    Expected {
        files: ("ja_harbour_news", "ja_east_coast_times"),
        copied: ("嵐の影響で", "嵐の影響で"),
        reworded: ("港湾局の広報担当者は", "港湾局の広報担当者によると"),
        only_left: "地元のパン屋",
        only_right: "気象台は",
    },
    Expected {
        files: ("ar_harbour_paper", "ar_east_shore"),
        copied: ("أوقفت العاصفة", "أوقفت العاصفة"),
        reworded: ("وقال متحدث", "وأفاد متحدث"),
        only_left: "وقدم مخبز",
        only_right: "وتتوقع الأرصاد",
    },
    Expected {
        files: ("ru_port_herald", "ru_east_shore"),
        copied: ("В среду шторм", "В среду шторм"),
        reworded: ("Представитель портового", "По словам представителя"),
        only_left: "Местная пекарня",
        only_right: "Синоптики ожидают",
    },
];

#[test]
fn copied_sentences_are_identical_links_in_every_script() {
    for story in &STORIES {
        let c = pair(story.files.0, story.files.1);
        let (l, r) = story.copied;
        assert_eq!(
            link_between(&c, l, r),
            Some(LinkKind::Identical),
            "{:?}",
            story.files
        );
    }
}

#[test]
fn reworded_sentences_are_linked_in_every_script() {
    for story in &STORIES {
        let c = pair(story.files.0, story.files.1);
        let (l, r) = story.reworded;
        let kind = link_between(&c, l, r);
        assert!(
            matches!(kind, Some(LinkKind::Reworded | LinkKind::Paraphrase)),
            "{:?}: {kind:?}",
            story.files
        );
    }
}

#[test]
fn what_one_outlet_alone_reports_stays_unlinked() {
    for story in &STORIES {
        let c = pair(story.files.0, story.files.1);
        assert!(
            unlinked(&c, Side::Left, story.only_left),
            "{:?}",
            story.files
        );
        assert!(
            unlinked(&c, Side::Right, story.only_right),
            "{:?}",
            story.files
        );
    }
}

#[test]
fn sentences_without_spaces_are_body_not_tag_lines() {
    for story in &STORIES[..2] {
        let c = pair(story.files.0, story.files.1);
        for side in Side::BOTH {
            let article = &c.articles[side];
            let body = article
                .passages
                .iter()
                .filter(|p| p.role == Role::Body)
                .count();
            assert!(
                body >= 3,
                "{:?} {side:?}: {:?}",
                story.files,
                article.passages
            );
            assert!(
                article.passages.iter().all(|p| p.role != Role::Boilerplate),
                "{:?} {side:?}",
                story.files
            );
            assert_eq!(article.passages[0].role, Role::Title);
        }
    }
}

#[test]
fn a_chinese_word_diff_marks_the_changed_characters_only() {
    let c = pair("zh_harbour_daily", "zh_east_evening");
    let l = passage(&c, Side::Left, "港务局发言人表示");
    let link = &c.links[c.link_of.left[l].expect("linked")];
    let text = &c.articles.left.text;
    let changed: String = link.changes.left.iter().map(|r| &text[r.clone()]).collect();
    // "表示" became "说" and "将于" became "预计"; the rest of the sentence is the same.
    assert_eq!(changed, "表示将于");
    let r = link.passages.right[0];
    let right = &c.articles.right;
    let added: String = link
        .changes
        .right
        .iter()
        .map(|x| &right.text[x.clone()])
        .collect();
    assert_eq!(added, "说预计");
    assert!(right.passage_text(r).contains("恢复运营"));
}

/// Characters of `text` that carry its content: letters and digits.
fn content_chars(text: &str) -> Vec<char> {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

#[test]
fn a_saved_chinese_page_keeps_its_article_as_body() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/pages");
    let page = format!("{dir}/dongan-ferry-zh.html");
    let mut stdin = std::io::empty();
    let mut env = parallax::input::InputEnv {
        stdin: &mut stdin,
        cache_dir: None,
        now: std::time::UNIX_EPOCH,
    };
    let loaded = parallax::input::load(&page, &Default::default(), &mut env).unwrap();
    let article = parallax::engine::build_article(&page, None, loaded.text, loaded.meta);
    let expected = std::fs::read_to_string(format!("{dir}/dongan-ferry-zh.expected.txt")).unwrap();

    // How many of the article's characters are read as its title, standfirst or body, each
    // expected character matched once.
    let mut kept: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
    for (id, p) in article.passages.iter().enumerate() {
        if p.role != Role::Boilerplate {
            for c in content_chars(article.passage_text(id)) {
                *kept.entry(c).or_default() += 1;
            }
        }
    }
    let wanted = content_chars(&expected);
    let found = wanted
        .iter()
        .filter(|c| {
            kept.get_mut(c)
                .filter(|n| **n > 0)
                .map(|n| *n -= 1)
                .is_some()
        })
        .count();
    let share = found as f64 / wanted.len() as f64;
    println!(
        "{found} of {} article characters kept as title, standfirst or body: {share:.3}",
        wanted.len()
    );
    assert!(
        share >= 0.9,
        "only {share:.3} of the article is read as article"
    );

    // Every sentence of the story is its own passage, and the editor's line is page furniture.
    let body = article
        .passages
        .iter()
        .filter(|p| p.role == Role::Body)
        .count();
    assert!(body >= 10, "{:#?}", article.passages);
    let editor = (0..article.passages.len())
        .find(|&i| article.passage_text(i).starts_with("责任编辑"))
        .expect("the editor's line is kept");
    assert_eq!(article.passages[editor].role, Role::Boilerplate);
    assert_eq!(
        article.title(),
        Some("暴风致海湾渡轮全天停航 三百名乘客滞留码头")
    );
}
