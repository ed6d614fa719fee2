//! Properties of the engine over generated articles.

use parallax::engine::{Article, Comparison, LinkKind, Metadata, Role, build_article, compare};
use parallax::side::Side;
use proptest::prelude::*;

fn article(name: &str, text: String) -> Article {
    build_article(name, None, text, Metadata::default())
}

/// Messy text: words, abbreviations, quotes, brackets, glued sentences, odd line endings.
fn messy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Word".to_owned()),
        Just("word".to_owned()),
        Just(" ".to_owned()),
        Just(". ".to_owned()),
        Just(".".to_owned()),
        Just("U.S. ".to_owned()),
        Just("Mr. ".to_owned()),
        Just("\u{201C}".to_owned()),
        Just("\u{201D}".to_owned()),
        Just("\"".to_owned()),
        Just("? ".to_owned()),
        Just("\u{2026} ".to_owned()),
        Just("[x]".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\t".to_owned()),
        Just("\u{e9}t\u{e9}".to_owned()),
        Just("\u{1b}[2J".to_owned()),
        Just("42".to_owned()),
        "[a-zA-Z]{1,8}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A sentence of invented words with a serial number, so every sentence is distinct.
fn sentence(serial: usize) -> impl Strategy<Value = String> {
    prop::collection::vec("[a-z]{2,9}", 3..12).prop_map(move |words| {
        let mut s = format!("Zor{serial} {}.", words.join(" "));
        s[..1].make_ascii_uppercase();
        s
    })
}

/// A titled article of distinct sentences in paragraphs.
fn story() -> impl Strategy<Value = (String, Vec<String>)> {
    (1usize..10)
        .prop_flat_map(|n| {
            let paragraphs: Vec<_> = (0..n)
                .map(|p| {
                    (1usize..4).prop_flat_map(move |k| {
                        let sentences: Vec<_> = (0..k).map(|s| sentence(p * 10 + s)).collect();
                        sentences.prop_map(|s| s.join(" "))
                    })
                })
                .collect();
            paragraphs
        })
        .prop_map(|paragraphs| ("Tidewater story title".to_owned(), paragraphs))
}

fn render((title, paragraphs): &(String, Vec<String>)) -> String {
    format!("{title}\n\n{}\n", paragraphs.join("\n\n"))
}

fn body_ids(a: &Article) -> impl Iterator<Item = usize> + '_ {
    (0..a.passages.len()).filter(|&i| a.passages[i].role == Role::Body)
}

/// Links as comparable tuples, with the sides given in the order asked for.
fn link_set(c: &Comparison, swap: bool) -> Vec<(Vec<usize>, Vec<usize>, LinkKind, i64)> {
    let mut v: Vec<_> = c
        .links
        .iter()
        .map(|l| {
            let (a, b) = if swap {
                (l.passages.right.to_vec(), l.passages.left.to_vec())
            } else {
                (l.passages.left.to_vec(), l.passages.right.to_vec())
            };
            (a, b, l.kind, (l.similarity * 1e6).round() as i64)
        })
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn passages_cover_the_input(text in messy_text()) {
        let a = article("messy", text);
        let mut at = 0;
        for p in &a.passages {
            prop_assert!(p.span.start >= at, "overlap at {:?}", p.span);
            prop_assert!(p.span.start < p.span.end, "empty passage {:?}", p.span);
            prop_assert!(a.text[at..p.span.start].chars().all(char::is_whitespace),
                "dropped {:?}", &a.text[at..p.span.start]);
            at = p.span.end;
        }
        prop_assert!(a.text[at..].chars().all(char::is_whitespace), "dropped tail {:?}", &a.text[at..]);
    }

    #[test]
    fn comparing_a_text_with_itself_links_every_body_passage_as_identical(text in messy_text()) {
        let c = compare(article("a", text.clone()), article("b", text), &Default::default());
        for i in body_ids(&c.articles.left) {
            let link = c.link_for(Side::Left, i);
            prop_assert!(link.is_some_and(|l| l.kind == LinkKind::Identical),
                "passage {i} {:?} not identical: {:?}", c.articles.left.passage_text(i), link.map(|l| l.kind));
        }
    }

    #[test]
    fn swapping_sides_mirrors_the_links(a in messy_text(), b in messy_text(), s in story(), t in story()) {
        for (x, y) in [(a, b), (render(&s), render(&t))] {
            let forward = compare(article("x", x.clone()), article("y", y.clone()), &Default::default());
            let backward = compare(article("y", y), article("x", x), &Default::default());
            prop_assert_eq!(link_set(&forward, false), link_set(&backward, true));
            let moved = |c: &Comparison| c.links.iter().filter(|l| l.moved).count();
            prop_assert_eq!(moved(&forward), moved(&backward));
        }
    }

    #[test]
    fn shuffled_paragraphs_stay_identical_and_are_marked_moved(
        s in story(),
        order in Just(()).prop_perturb(|_, mut rng| rng.random::<u64>()),
    ) {
        let (title, paragraphs) = &s;
        let mut shuffled = paragraphs.clone();
        // A seeded Fisher-Yates shuffle of the paragraphs.
        let mut state = order | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let c = compare(article("a", render(&s)), article("b", render(&(title.clone(), shuffled.clone()))), &Default::default());
        for i in body_ids(&c.articles.left) {
            prop_assert!(c.link_for(Side::Left, i).is_some_and(|l| l.kind == LinkKind::Identical));
        }
        // The links left unmoved keep their order on both sides...
        let kept: Vec<usize> = c.links.iter().filter(|l| !l.moved).map(|l| l.passages.right[0]).collect();
        prop_assert!(kept.windows(2).all(|w| w[0] < w[1]), "{kept:?}");
        // ...and a real reordering leaves some link moved.
        let reordered = &shuffled != paragraphs;
        let any_moved = c.links.iter().any(|l| l.moved);
        prop_assert_eq!(reordered, any_moved);
    }
}
