//! A damaged notes file is never overwritten: it is backed up, the reader is told where, and
//! every note that can still be read carries on.

mod notes_support;

use notes_support::*;
use parallax::notes::{NotesFile, NotesStore, Timestamp};
use parallax::paths::Paths;
use std::fs;
use std::path::Path;

fn three_notes(paths: &Paths) -> Vec<u64> {
    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(paths, t(0)).unwrap();
    ["alpha note", "bravo note", "charlie note"]
        .iter()
        .enumerate()
        .map(|(i, text)| store.add(&gazette, i + 1, text, t(i as u64)).unwrap())
        .collect()
}

fn backups(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .contains(".corrupt-")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_damaged_note_costs_only_itself_and_the_original_is_backed_up() {
    let (_dir, paths) = temp_paths();
    three_notes(&paths);
    let file = NotesStore::file_path(&paths);
    let original = fs::read_to_string(&file).unwrap();
    // A hand edit gone wrong: an unterminated string in the second note.
    let damaged = original.replace("text = \"bravo note\"", "text = \"bravo note");
    assert_ne!(damaged, original);
    fs::write(&file, &damaged).unwrap();

    let when = t(60);
    let mut store = NotesStore::open(&paths, when).unwrap();
    let recoveries = store.take_recoveries();
    assert_eq!(recoveries.len(), 1);
    let recovery = &recoveries[0];
    assert_eq!(
        fs::read_to_string(&recovery.backup).unwrap(),
        damaged,
        "backup is the file as found"
    );
    assert!(
        recovery
            .backup
            .to_string_lossy()
            .contains(&Timestamp::from(when).compact())
    );
    assert_eq!((recovery.recovered, recovery.lost), (2, 1));
    let message = recovery.to_string();
    assert!(
        message.contains(&recovery.backup.display().to_string()),
        "{message}"
    );
    assert!(message.contains("line "), "names the line: {message}");

    let texts: Vec<&str> = store.file().notes().map(|(_, n)| n.text.as_str()).collect();
    assert_eq!(texts, ["alpha note", "charlie note"]);
    // The main file now holds what was salvaged, cleanly, and reopening finds nothing wrong.
    let now_on_disk: NotesFile = toml::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(now_on_disk.notes().count(), 2);
    let mut again = NotesStore::open(&paths, t(61)).unwrap();
    assert!(again.take_recoveries().is_empty());
    assert_eq!(backups(&paths.config_dir).len(), 1);
}

#[test]
fn an_unreadable_file_is_kept_aside_and_new_notes_still_save() {
    let (_dir, paths) = temp_paths();
    fs::create_dir_all(&paths.config_dir).unwrap();
    let file = NotesStore::file_path(&paths);
    let garbage: Vec<u8> = (0u8..=255).cycle().take(3000).collect();
    fs::write(&file, &garbage).unwrap();

    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(0)).unwrap();
    let recovery = store.take_recoveries().pop().expect("reported");
    assert_eq!(fs::read(&recovery.backup).unwrap(), garbage);
    assert_eq!(recovery.recovered, 0);
    store.add(&gazette, 1, "fresh start", t(1)).unwrap();
    assert_eq!(
        fs::read(&recovery.backup).unwrap(),
        garbage,
        "the backup is never touched again"
    );
    let reopened = NotesStore::open(&paths, t(2)).unwrap();
    assert_eq!(reopened.notes_for(&gazette)[0].note.text, "fresh start");
}

#[test]
fn notes_whose_article_block_is_damaged_are_still_recovered() {
    let (_dir, paths) = temp_paths();
    three_notes(&paths);
    let file = NotesStore::file_path(&paths);
    let original = fs::read_to_string(&file).unwrap();
    let damaged = original.replacen("title = \"", "title = ", 1);
    fs::write(&file, &damaged).unwrap();
    let mut store = NotesStore::open(&paths, t(5)).unwrap();
    assert_eq!(store.take_recoveries().len(), 1);
    assert_eq!(store.file().notes().count(), 3);
}

#[test]
fn a_second_damage_in_the_same_second_gets_its_own_backup() {
    let (_dir, paths) = temp_paths();
    three_notes(&paths);
    let file = NotesStore::file_path(&paths);
    fs::write(&file, "first damage = = =").unwrap();
    NotesStore::open(&paths, t(9)).unwrap();
    fs::write(&file, "second damage [[[").unwrap();
    NotesStore::open(&paths, t(9)).unwrap();
    let found = backups(&paths.config_dir);
    assert_eq!(found.len(), 2, "{found:?}");
    let contents: Vec<String> = found
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert!(contents.contains(&"first damage = = =".to_owned()));
    assert!(contents.contains(&"second damage [[[".to_owned()));
}

#[cfg(unix)]
#[test]
fn the_backup_is_as_private_as_the_notes_file() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, paths) = temp_paths();
    three_notes(&paths);
    let file = NotesStore::file_path(&paths);
    fs::write(&file, "damage [[[").unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o600)).unwrap();
    NotesStore::open(&paths, t(9)).unwrap();
    let found = backups(&paths.config_dir);
    assert_eq!(found.len(), 1, "{found:?}");
    let mode = fs::metadata(&found[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "backup mode {mode:o}");
}

#[test]
fn a_note_lost_to_damage_keeps_its_id_from_being_given_again() {
    let (_dir, paths) = temp_paths();
    let ids = three_notes(&paths);
    let file = NotesStore::file_path(&paths);
    let original = fs::read_to_string(&file).unwrap();
    // The last note's text is cut off and the counter of ids is gone.
    let damaged: String = original
        .lines()
        .filter(|line| !line.starts_with("next_id"))
        .map(|line| line.replace("text = \"charlie note\"", "text = \"charlie"))
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(damaged, original);
    fs::write(&file, &damaged).unwrap();
    let gazette = article("gazette.txt", GAZETTE);
    let mut store = NotesStore::open(&paths, t(9)).unwrap();
    assert_eq!(store.take_recoveries()[0].lost, 1);
    let fresh = store.add(&gazette, 1, "after the damage", t(10)).unwrap();
    assert!(
        ids.iter().all(|&id| fresh > id),
        "new id {fresh} after {ids:?}"
    );
}
