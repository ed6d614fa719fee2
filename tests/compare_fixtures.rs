//! The engine on a story written for these tests, where the right answer is known: two
//! invented outlets report one ferry accident, with reordering, rewording, a bracketed
//! insertion, changed attribution, numbers that disagree, a split sentence, a paraphrase,
//! boilerplate glued to the first sentence, and passages only one side has.

use parallax::engine::{
    Article, Comparison, Link, LinkKind, Metadata, Role, build_article, compare,
};
use parallax::side::Side;

#[path = "support/fixtures.rs"]
mod fixtures;
use fixtures::fixture;

fn ferry() -> Comparison {
    compare(
        fixture("gazette.txt"),
        fixture("coastline.txt"),
        &Default::default(),
    )
}

/// The link whose left side contains `left` (a fragment of text), as (kind, moved, right text).
fn link_from(c: &Comparison, left: &str) -> Option<(LinkKind, bool, String)> {
    c.links.iter().find_map(|l| {
        let text: String = l
            .passages
            .left
            .iter()
            .map(|&i| c.articles.left.passage_text(i))
            .collect();
        text.contains(left).then(|| {
            let right = l
                .passages
                .right
                .iter()
                .map(|&i| c.articles.right.passage_text(i))
                .collect::<Vec<_>>()
                .join(" ");
            (l.kind, l.moved, right)
        })
    })
}

/// The link whose first left passage contains `fragment`.
fn link_whose_left_starts<'a>(c: &'a Comparison, fragment: &str) -> &'a Link {
    c.links
        .iter()
        .find(|l| {
            c.articles
                .left
                .passage_text(l.passages.left[0])
                .contains(fragment)
        })
        .unwrap_or_else(|| panic!("no link from {fragment:?}"))
}

/// The texts of the words that differ on `side` of `link`.
fn changed<'a>(c: &'a Comparison, link: &Link, side: Side) -> Vec<&'a str> {
    link.changes[side]
        .iter()
        .map(|r| &c.articles[side].text[r.clone()])
        .collect()
}

fn role_of(a: &Article, fragment: &str) -> Role {
    let id = (0..a.passages.len())
        .find(|&i| a.passage_text(i).contains(fragment))
        .expect(fragment);
    a.passages[id].role
}

#[test]
fn glued_plea_is_boilerplate_and_the_story_sentence_is_not() {
    let c = ferry();
    let a = &c.articles.left;
    assert_eq!(role_of(a, "Keep the Gazette free"), Role::Boilerplate);
    assert_eq!(role_of(a, "The Morning Star ferry struck"), Role::Body);
    assert!(
        a.passage_text(5).starts_with("The Morning Star"),
        "{}",
        a.passage_text(5)
    );
}

#[test]
fn title_standfirst_and_boilerplate_roles() {
    let c = ferry();
    let (l, r) = (&c.articles.left, &c.articles.right);
    assert_eq!(
        l.title(),
        Some("Ferry Strikes Varn Pier as Storm Closes Harbour")
    );
    assert_eq!(role_of(l, "Fourteen hurt"), Role::Standfirst);
    assert_eq!(role_of(l, "Varn Picture Agency"), Role::Boilerplate);
    assert_eq!(role_of(l, "newsletter"), Role::Boilerplate);
    assert_eq!(role_of(r, "Get Coastline Daily"), Role::Boilerplate);
    assert_eq!(role_of(r, "Comments"), Role::Boilerplate);
}

#[test]
fn moved_quote_is_identical_and_moved() {
    let c = ferry();
    let (kind, moved, right) = link_from(&c, "should never have left port").unwrap();
    assert_eq!(kind, LinkKind::Identical);
    assert!(moved);
    assert!(right.contains("Dana Voss"));
}

#[test]
fn bracketed_insertion_and_new_attribution_are_reworded() {
    let c = ferry();
    let link = link_whose_left_starts(&c, "both engines");
    assert_eq!(link.kind, LinkKind::Reworded);
    let inserted: Vec<&str> = changed(&c, link, Side::Right);
    assert!(inserted.contains(&"[on the Morning Star]"), "{inserted:?}");
    assert!(
        inserted.iter().any(|s| s.contains("told reporters")),
        "{inserted:?}"
    );
    let deleted: Vec<&str> = changed(&c, link, Side::Left);
    assert!(
        deleted.iter().any(|s| s.contains("the ferry's master")),
        "{deleted:?}"
    );
}

#[test]
fn disagreeing_numbers_show_in_the_diff() {
    let c = ferry();
    let link = link_whose_left_starts(&c, "struck the north pier");
    assert_eq!(link.kind, LinkKind::Reworded);
    let deleted: String = changed(&c, link, Side::Left).concat();
    let inserted: String = changed(&c, link, Side::Right).concat();
    assert!(deleted.contains("14"), "{deleted}");
    assert!(inserted.contains("Sixteen"), "{inserted}");
}

#[test]
fn split_sentence_links_one_to_two() {
    let c = ferry();
    let link = link_whose_left_starts(&c, "which carried 212");
    assert_eq!(link.passages.right.len(), 2);
    assert_eq!(link.kind, LinkKind::Reworded);
}

#[test]
fn paraphrase_is_found() {
    let c = ferry();
    let (kind, _, right) = link_from(&c, "harbourmaster closed the port").unwrap();
    assert_eq!(kind, LinkKind::Paraphrase);
    assert!(right.contains("halted"));
}

#[test]
fn unique_passages_stay_unlinked() {
    let c = ferry();
    assert!(link_from(&c, "Divers from the coastguard").is_none());
    let operator = (0..c.articles.right.passages.len())
        .find(|&i| {
            c.articles
                .right
                .passage_text(i)
                .contains("Northsound Lines")
        })
        .unwrap();
    assert_eq!(c.link_of[Side::Right][operator], None);
}

#[test]
fn boilerplate_is_never_linked() {
    let c = ferry();
    for side in Side::BOTH {
        for (i, p) in c.articles[side].passages.iter().enumerate() {
            if p.role == Role::Boilerplate {
                assert_eq!(
                    c.link_of[side][i],
                    None,
                    "{}",
                    c.articles[side].passage_text(i)
                );
            }
        }
    }
}

#[test]
fn shared_fractions_are_of_body_words() {
    let c = ferry();
    for side in Side::BOTH {
        let s = c.stats.shared[side];
        assert!(s > 0.5 && s < 1.0, "{side:?} {s}");
    }
}

#[test]
fn nothing_in_common_gives_no_links() {
    let a = build_article(
        "a",
        None,
        "Tides\n\nThe tide rose fast over the mudflats.".into(),
        Metadata::default(),
    );
    let b = build_article(
        "b",
        None,
        "Budget\n\nParliament passed the budget after midnight.".into(),
        Metadata::default(),
    );
    let c = compare(a, b, &Default::default());
    assert!(c.links.is_empty());
    assert_eq!(c.stats.shared.left, 0.0);
}
