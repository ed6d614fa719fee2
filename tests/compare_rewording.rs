//! The engine on an invented story rewritten by a second outlet, where every shared passage
//! is reworded rather than copied: synonyms, reordered clauses, a split sentence, a headline
//! paraphrase, and two different statements by one speaker that must not be linked.

#[path = "support/fixtures.rs"]
mod fixtures;
use fixtures::fixture;
use parallax::engine::{Comparison, compare};

fn frost() -> Comparison {
    compare(
        fixture("orchard_herald.txt"),
        fixture("orchard_courier.txt"),
        &Default::default(),
    )
}

/// The right-hand texts linked to the left passage that contains `left`, joined.
fn partner(c: &Comparison, left: &str) -> Option<String> {
    c.links.iter().find_map(|l| {
        let has = l
            .passages
            .left
            .iter()
            .any(|&i| c.articles.left.passage_text(i).contains(left));
        has.then(|| {
            l.passages
                .right
                .iter()
                .map(|&i| c.articles.right.passage_text(i))
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

#[test]
fn the_headline_paraphrase_is_linked_to_the_other_headline() {
    let c = frost();
    let right = partner(&c, "Frost destroys half").expect("the titles are linked");
    assert!(right.starts_with("Late frost wipes out"), "{right}");
}

#[test]
fn reworded_sentences_with_reordered_clauses_are_linked() {
    let c = frost();
    for (left, right) in [
        (
            "A single night of hard frost",
            "Roughly half of the apple harvest",
        ),
        (
            "Temperatures fell to minus six",
            "Just after midnight the thermometer",
        ),
        ("estimated the damage at 4.2", "The damage was put at 4.2"),
        (
            "The regional council will meet",
            "The regional council meets",
        ),
        (
            "Insurers have sent assessors",
            "Insurers have sent assessors",
        ),
    ] {
        let got = partner(&c, left).unwrap_or_else(|| panic!("{left:?} is unlinked"));
        assert!(got.starts_with(right), "{left:?} linked to {got:?}");
    }
}

#[test]
fn a_sentence_split_in_two_is_linked_to_both_halves() {
    let c = frost();
    let got = partner(&c, "Growers lit straw fires").expect("linked");
    assert!(got.contains("Farmers burned straw"), "{got}");
    assert!(got.contains("too severe for the blossom"), "{got}");
}

#[test]
fn two_different_statements_by_one_speaker_are_not_linked() {
    let c = frost();
    // "Varga also said ... loan scheme" and "Varga said ... insured" share the speaker, the
    // attribution and the cooperative, and nothing of what was said.
    assert_eq!(partner(&c, "low-interest loan scheme"), None);
}

/// The left headline carries two numbers the right one lacks, and a left body sentence holds
/// every word of the right headline: the headlines are still linked to each other.
#[test]
fn headlines_are_linked_before_a_sentence_that_holds_the_same_names() {
    let c = compare(
        fixture("marathon_ledger.txt"),
        fixture("marathon_daily.txt"),
        &Default::default(),
    );
    let right = partner(&c, "Ilse Varga, 70, to run").expect("the titles are linked");
    assert_eq!(right, "Ilse Varga to run Dornfeld marathon");
    assert_eq!(
        partner(
            &c,
            "Ilse Varga, who will run the Dornfeld marathon on Sunday"
        ),
        None,
        "the body sentence is not linked to the headline"
    );
}

#[test]
fn headlines_naming_a_country_and_its_people_are_linked() {
    use parallax::engine::{Metadata, build_article};
    let left = build_article(
        "left.txt",
        None,
        "Valdoria Sounds the Alarm: Militants 'Trying to Regroup' There\n\n\
         The coastal town of Brenn was quiet on Monday, a week after the last patrol left.\n"
            .into(),
        Metadata::default(),
    );
    let right = build_article(
        "right.txt",
        None,
        "Rebels are regrouping after losing Tarn, warn Valdorian forces\n\n\
         Commanders asked the capital for two more helicopters and a field hospital.\n"
            .into(),
        Metadata::default(),
    );
    let c = compare(left, right, &Default::default());
    // "Valdoria" and "Valdorian", "Regroup" and "regrouping": two facts in common, and the
    // bodies share nothing, so only the headlines can be linked.
    assert_eq!(c.links.len(), 1, "{:?}", c.links);
    assert_eq!(c.links[0].passages.left.as_slice(), [0]);
    assert_eq!(c.links[0].passages.right.as_slice(), [0]);
}
