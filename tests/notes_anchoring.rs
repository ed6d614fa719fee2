//! Notes find their passage again after the article changes, and become orphans (kept, with
//! their quote) only when the passage has really gone.

mod notes_support;

use notes_support::*;
use parallax::engine::Article;
use parallax::notes::text::normalised;
use parallax::notes::{NotesStore, Placement};

const FERRY: &str = "The ferry between Salt Steps";
const OFFICERS: &str = "Council officers will hold";
const SHOPKEEPERS: &str = "Shopkeepers on the east bank";

/// Notes on three passages of the Gazette, saved to a fresh store.
fn noted() -> (tempfile::TempDir, NotesStore, Vec<(u64, String)>) {
    let (dir, paths) = temp_paths();
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let original = article("/news/gazette.txt", GAZETTE);
    let mut noted = Vec::new();
    for (i, needle) in [FERRY, OFFICERS, SHOPKEEPERS].into_iter().enumerate() {
        let passage = passage_with(&original, needle);
        let id = store
            .add(
                &original,
                passage,
                &format!("note {i} on {needle}"),
                t(i as u64),
            )
            .unwrap();
        noted.push((id, original.passage_text(passage).to_owned()));
    }
    (dir, store, noted)
}

/// Each note's passage in `changed`, by note id.
fn placements(store: &NotesStore, changed: &Article) -> Vec<(u64, Placement)> {
    let mut placed: Vec<_> = store
        .notes_for(changed)
        .into_iter()
        .map(|p| (p.note.id, p.placement))
        .collect();
    placed.sort_by_key(|p| p.0);
    placed
}

fn assert_on_passage_reading(changed: &Article, placement: Placement, expected: &str) {
    let id = placement
        .passage()
        .unwrap_or_else(|| panic!("orphaned, expected on {expected:?}"));
    assert_eq!(normalised(changed.passage_text(id)), normalised(expected));
}

#[test]
fn reopening_the_same_text_places_every_note_exactly() {
    let (_dir, store, noted) = noted();
    let again = article("/news/gazette.txt", GAZETTE);
    let placed = placements(&store, &again);
    assert_eq!(placed.len(), noted.len());
    for ((id, placement), (noted_id, text)) in placed.iter().zip(&noted) {
        assert_eq!(id, noted_id);
        assert_on_passage_reading(&again, *placement, text);
        assert!(matches!(placement, Placement::Passage { confidence, .. } if *confidence == 1.0));
    }
}

#[test]
fn a_moved_rescraped_copy_with_other_whitespace_keeps_its_notes() {
    let (_dir, store, noted) = noted();
    // Blank lines between paragraphs, doubled spaces, curly apostrophes, and a new path.
    let rescraped = GAZETTE
        .replace('\n', "\n\n")
        .replace(". ", ".   ")
        .replace("council's", "council\u{2019}s");
    let moved = article("/elsewhere/renamed-copy.txt", &rescraped);
    let placed = placements(&store, &moved);
    assert_eq!(
        placed.len(),
        noted.len(),
        "the moved file is the same article"
    );
    for ((_, placement), (_, text)) in placed.iter().zip(&noted) {
        assert_on_passage_reading(&moved, *placement, text);
    }
}

#[test]
fn moved_paragraphs_are_followed() {
    let (_dir, store, noted) = noted();
    let mut lines: Vec<&str> = GAZETTE.lines().collect();
    // Ferry paragraph to just under the title, shopkeepers to the very end.
    let ferry = lines.iter().position(|l| l.starts_with(FERRY)).unwrap();
    let ferry_line = lines.remove(ferry);
    lines.insert(1, ferry_line);
    let shop = lines
        .iter()
        .position(|l| l.starts_with(SHOPKEEPERS))
        .unwrap();
    let shop_line = lines.remove(shop);
    lines.push(shop_line);
    let reordered = article("gazette.txt", &lines.join("\n"));
    let placed = placements(&store, &reordered);
    for ((_, placement), (_, text)) in placed.iter().zip(&noted) {
        assert_on_passage_reading(&reordered, *placement, text);
    }
    assert_eq!(placed[0].1.passage(), Some(passage_with(&reordered, FERRY)));
}

#[test]
fn edited_neighbours_and_a_lightly_edited_passage_keep_their_notes() {
    let (_dir, store, noted) = noted();
    let edited = GAZETTE
        // The neighbours of the ferry paragraph are rewritten...
        .replace(
            "Shopkeepers on the east bank fear a repeat of 2019, when a three-week closure cut their takings by a third.",
            "Traders on the east bank remember 2019, when a shorter closure cost them dearly.",
        )
        // ...and the shopkeepers' own neighbour before it too; the officers' passage gains words.
        .replace("adding about fifteen minutes", "adding roughly a quarter of an hour")
        .replace("on Thursday evening", "on Thursday evening from six o'clock");
    let changed = article("gazette.txt", &edited);
    let placed = placements(&store, &changed);
    assert_on_passage_reading(&changed, placed[0].1, noted[0].1.as_str());
    let officers = passage_with(&changed, OFFICERS);
    assert_eq!(placed[1].1.passage(), Some(officers));
    assert!(matches!(placed[1].1, Placement::Passage { confidence, .. } if confidence < 1.0));
    // The rewritten shopkeepers' passage sits between the same neighbours, so it keeps its note.
    assert_eq!(
        placed[2].1.passage(),
        Some(passage_with(&changed, "Traders on the east bank"))
    );
}

#[test]
fn a_deleted_passage_orphans_its_note_which_is_kept_with_its_quote() {
    let (dir, mut store, noted) = noted();
    let without: String = GAZETTE
        .lines()
        .filter(|l| !l.starts_with(FERRY))
        .map(|l| format!("{l}\n"))
        .collect();
    let changed = article("gazette.txt", &without);
    let placed = store.notes_for(&changed);
    let ferry_note = placed
        .iter()
        .find(|p| p.note.id == noted[0].0)
        .expect("kept");
    assert_eq!(ferry_note.placement, Placement::Orphan);
    assert!(ferry_note.note.anchor.quote().starts_with(FERRY));
    assert!(
        placed
            .iter()
            .filter(|p| p.note.id != noted[0].0)
            .all(|p| p.placement != Placement::Orphan)
    );

    // Saving another note on the changed article does not drop the orphan.
    let officers = passage_with(&changed, OFFICERS);
    store
        .add(&changed, officers, "second thought", t(9))
        .unwrap();
    let reopened = NotesStore::open(&parallax::paths::Paths::under(dir.path()), t(10)).unwrap();
    let ids: Vec<u64> = reopened
        .notes_for(&changed)
        .iter()
        .map(|p| p.note.id)
        .collect();
    assert!(ids.contains(&noted[0].0), "orphan survives: {ids:?}");
    assert_eq!(ids.len(), noted.len() + 1);
}

#[test]
fn a_repeated_passage_is_told_apart_by_its_neighbours() {
    let (_dir, paths) = temp_paths();
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let original = article("gazette.txt", GAZETTE);
    let repeats: Vec<usize> = (0..original.passages.len())
        .filter(|&i| original.passage_text(i) == "Read more")
        .collect();
    assert_eq!(repeats.len(), 2);
    store
        .add(&original, repeats[0], "the first one", t(1))
        .unwrap();

    // Paragraphs added at the end shift the relative positions so that the second repeat now
    // sits nearer where the first one was: only the neighbours can tell them apart.
    let extra: String = (1..=8)
        .map(|i| format!("Added paragraph number {i} about something else entirely.\n"))
        .collect();
    let changed = article("gazette.txt", &format!("{GAZETTE}{extra}"));
    let placed = store.notes_for(&changed);
    let id = placed[0].placement.passage().expect("placed");
    assert_eq!(changed.passage_text(id), "Read more");
    assert_eq!(id, passage_with(&changed, FERRY) + 1);
}

#[test]
fn another_story_gets_none_of_the_notes() {
    let (_dir, store, _) = noted();
    assert!(
        store
            .notes_for(&article("gazette.txt", OTHER_STORY))
            .is_empty()
    );
}
