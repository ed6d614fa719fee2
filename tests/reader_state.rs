//! The reader driven by key sequences, asserting on its state.

mod reader_support;

use parallax::engine::Comparison;
use parallax::side::Side::{Left, Right};
use parallax::tui::fixture::sample;
use parallax::tui::{Action, App, Mode, NoteKey, NoteSink, Setup, ShownNote};
use reader_support::press;

fn app() -> App {
    let mut app = App::new(sample(), Setup::default());
    app.update(Action::Resize(100, 30));
    app
}

/// Screen row of the first row of `passage` on `side`.
fn screen_row(app: &App, side: parallax::side::Side, passage: usize) -> i64 {
    app.display(side).span_of(passage).0 - app.scroll(side)
}

fn passage_containing(cmp: &Comparison, side: parallax::side::Side, text: &str) -> usize {
    let article = &cmp.articles[side];
    (0..article.passages.len())
        .find(|&p| article.passage_text(p).contains(text))
        .unwrap()
}

#[test]
fn starts_on_the_first_body_passage_with_its_counterpart() {
    let app = app();
    let cmp = app.comparison();
    assert_eq!(app.focus(), Left);
    assert_eq!(
        app.cursor(Left),
        passage_containing(cmp, Left, "Crews on the Marrow")
    );
    assert_eq!(
        app.cursor(Right),
        passage_containing(cmp, Right, "Crews on the Marrow")
    );
}

#[test]
fn moving_down_keeps_the_counterpart_level_even_when_moved_far() {
    let mut app = app();
    press(&mut app, "jjj");
    let left_quote = passage_containing(app.comparison(), Left, "ignored for years");
    let right_quote = passage_containing(app.comparison(), Right, "ignored for years");
    assert_eq!(app.cursor(Left), left_quote);
    assert_eq!(app.cursor(Right), right_quote);
    assert!(app.link(Left, left_quote).unwrap().moved);
    assert_eq!(
        screen_row(&app, Left, left_quote),
        screen_row(&app, Right, right_quote)
    );
    press(&mut app, "k<Up>");
    assert_eq!(app.cursor(Left), left_quote - 2);
}

#[test]
fn unique_passage_lines_up_with_where_it_would_sit() {
    let mut app = app();
    press(&mut app, "jjjj");
    let shops = passage_containing(app.comparison(), Left, "Local shops");
    assert_eq!(app.cursor(Left), shops);
    assert!(app.link(Left, shops).is_none());
    // It follows the identical pay-rise passage, so it would sit just after its counterpart.
    let pay_right = passage_containing(app.comparison(), Right, "6% pay rise");
    assert_eq!(app.insertion_point(), Some(pay_right + 1));
    let row = app.display(Right).row_before(pay_right + 1) - app.scroll(Right);
    assert_eq!(row, screen_row(&app, Left, shops));
}

#[test]
fn tab_switches_focus_to_the_counterpart() {
    let mut app = app();
    press(&mut app, "j<Tab>");
    assert_eq!(app.focus(), Right);
    assert_eq!(
        app.cursor(Right),
        passage_containing(app.comparison(), Right, "3,500")
    );
    press(&mut app, "j");
    assert_eq!(
        app.cursor(Right),
        passage_containing(app.comparison(), Right, "6% pay")
    );
    assert_eq!(
        app.cursor(Left),
        passage_containing(app.comparison(), Left, "6% pay")
    );
}

#[test]
fn top_bottom_and_boilerplate_toggle() {
    let mut app = app();
    press(&mut app, "G");
    let last = app.comparison().articles.left.passages.len() - 1;
    assert_eq!(app.cursor(Left), last);
    press(&mut app, "b");
    assert!(app.boilerplate_hidden());
    assert!(!app.display(Left).is_visible(last));
    assert_ne!(app.cursor(Left), last, "cursor left the hidden passage");
    press(&mut app, "g");
    assert_eq!(app.cursor(Left), 0);
    press(&mut app, "b");
    assert!(app.display(Left).is_visible(last));
}

#[test]
fn divergence_and_shared_jumps_skip_the_right_passages() {
    let mut app = app();
    let cmp = app.comparison().clone();
    let start = app.cursor(Left);
    press(&mut app, "]");
    // From the reworded passage, the next divergence skips nothing: the paraphrase follows.
    assert_eq!(app.cursor(Left), passage_containing(&cmp, Left, "4,000"));
    press(&mut app, "]");
    // The identical pay-rise passage is skipped.
    assert_eq!(
        app.cursor(Left),
        passage_containing(&cmp, Left, "ignored for years")
    );
    press(&mut app, "]");
    assert_eq!(
        app.cursor(Left),
        passage_containing(&cmp, Left, "Local shops")
    );
    press(&mut app, "{");
    assert_eq!(
        app.cursor(Left),
        passage_containing(&cmp, Left, "ignored for years")
    );
    press(&mut app, "{{");
    assert_eq!(app.cursor(Left), passage_containing(&cmp, Left, "4,000"));
    press(&mut app, "[");
    assert_eq!(app.cursor(Left), start);
    press(&mut app, "[[");
    assert!(
        app.message().is_some(),
        "nothing divergent before the title is reported"
    );
}

#[test]
fn search_counts_matches_in_both_articles_and_walks_them() {
    let mut app = app();
    press(&mut app, "/FERR<Enter>");
    let expected: usize = [Left, Right]
        .iter()
        .map(|&s| {
            app.comparison().articles[s]
                .text
                .to_lowercase()
                .matches("ferr")
                .count()
        })
        .sum();
    let search = app.search().expect("search ran");
    assert_eq!(search.matches.len(), expected);
    assert!(expected >= 3);
    assert_eq!(*app.mode(), Mode::Reading);
    let mut seen = Vec::new();
    for _ in 0..expected {
        press(&mut app, "n");
        let s = app.search().unwrap();
        let m = &s.matches[s.current.unwrap()];
        assert_eq!(app.focus(), m.side);
        assert_eq!(app.cursor(m.side), m.passage);
        seen.push(s.current.unwrap());
    }
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), expected, "n visits every match once per cycle");
    press(&mut app, "N<Esc>");
    assert!(app.search().is_none());
}

#[test]
fn search_prompt_edits_and_cancels() {
    let mut app = app();
    press(&mut app, "/abx<BS>");
    assert_eq!(*app.mode(), Mode::Search("ab".to_owned()));
    press(&mut app, "<Esc>");
    assert_eq!(*app.mode(), Mode::Reading);
    press(&mut app, "/zzzz<Enter>");
    assert!(app.message().unwrap().is_error);
}

#[test]
fn note_editor_saves_multi_line_text() {
    let mut app = app();
    let passage = app.cursor(Left);
    press(&mut app, "aFirst line<Enter>second<C-s>");
    assert_eq!(*app.mode(), Mode::Reading);
    let texts = |app: &App| -> Vec<String> {
        let notes = app.notes().on_passage(Left, passage);
        notes.iter().map(|n| n.text.clone()).collect()
    };
    assert_eq!(texts(&app), vec!["First line\nsecond".to_owned()]);
    press(&mut app, "adiscard me<Esc>");
    assert_eq!(texts(&app).len(), 1);
}

struct FullDisk;
impl NoteSink for FullDisk {
    fn add(&mut self, _: parallax::side::Side, _: usize, _: &str) -> Result<NoteKey, String> {
        Err("no space left on device".to_owned())
    }
    fn edit(&mut self, _: NoteKey, _: &str) -> Result<NoteKey, String> {
        Err("no space left on device".to_owned())
    }
    fn delete(&mut self, _: NoteKey) -> Result<bool, String> {
        Err("no space left on device".to_owned())
    }
    fn all(&self) -> &[ShownNote] {
        &[]
    }
}

#[test]
fn failed_save_keeps_the_text_and_says_why() {
    let setup = Setup {
        notes: Box::new(FullDisk),
        ..Setup::default()
    };
    let mut app = App::new(sample(), setup);
    press(&mut app, "akeep this<C-s>");
    match app.mode() {
        Mode::Note(editor) => {
            assert_eq!(editor.text(), "keep this");
            assert_eq!(editor.error.as_deref(), Some("no space left on device"));
        }
        other => panic!("editor closed: {other:?}"),
    }
}

#[test]
fn help_swallows_movement_and_closes() {
    let mut app = app();
    let before = app.cursor(Left);
    press(&mut app, "?");
    assert_eq!(*app.mode(), Mode::Help);
    press(&mut app, "jj]G");
    assert_eq!(app.cursor(Left), before);
    press(&mut app, "?");
    assert_eq!(*app.mode(), Mode::Reading);
    press(&mut app, "?<Esc>");
    assert_eq!(*app.mode(), Mode::Reading);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = app();
    press(&mut app, "q");
    assert!(app.should_quit());
    let mut app = self::app();
    press(&mut app, "<C-c>");
    assert!(app.should_quit());
    // In the note editor, q is text.
    let mut app = self::app();
    press(&mut app, "aq");
    assert!(!app.should_quit());
}

#[test]
fn click_focuses_the_passage_under_the_pointer() {
    let mut app = app();
    let geometry = app.geometry().unwrap();
    let target = passage_containing(app.comparison(), Right, "minister");
    let row = app.display(Right).span_of(target).0 - app.scroll(Right);
    assert!(
        row >= 0 && row < i64::from(geometry.texts.right.height),
        "target on screen"
    );
    app.update(Action::Click {
        column: geometry.texts.right.x + 2,
        row: geometry.texts.right.y + row as u16,
    });
    assert_eq!(app.focus(), Right);
    assert_eq!(app.cursor(Right), target);
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    let geometry = app.geometry().unwrap();
    let before = app.scroll(Right);
    app.update(Action::Wheel {
        column: geometry.texts.right.x,
        row: geometry.texts.right.y,
        lines: 3,
    });
    assert_eq!(app.scroll(Right), before + 3);
    assert_eq!(app.focus(), Left);
}

#[test]
fn paging_moves_the_cursor_into_view_on_a_long_article() {
    let mut app = App::new(parallax::tui::fixture::long(2_000), Setup::default());
    app.update(Action::Resize(80, 24));
    let page = app.geometry().unwrap().page() as i64;
    press(&mut app, "<Space>");
    let (top, _) = app.display(Left).span_of(app.cursor(Left));
    let scroll = app.scroll(Left);
    assert!(scroll > 0);
    assert!(
        top >= scroll && top < scroll + page,
        "cursor passage on screen after paging"
    );
    press(&mut app, "<C-d><C-d><PgUp><C-u>");
    let (top, _) = app.display(Left).span_of(app.cursor(Left));
    assert!(top >= app.scroll(Left) && top < app.scroll(Left) + page);
    press(&mut app, "G");
    let total = app.display(Left).total_rows() as i64;
    assert!(app.scroll(Left) + page >= total, "bottom in view");
}

#[test]
fn resizing_to_tiny_and_back_keeps_state() {
    let mut app = app();
    press(&mut app, "jj");
    let cursor = app.cursor(Left);
    app.update(Action::Resize(20, 6));
    press(&mut app, "j");
    app.update(Action::Resize(0, 0));
    app.update(Action::Resize(200, 60));
    assert_eq!(app.cursor(Left), cursor + 1);
}

#[test]
fn an_article_with_no_passages_is_still_readable() {
    let mut b = parallax::tui::fixture::Builder::new("Full", "Empty");
    b.body(Left, "Only the left side has text.");
    let mut app = App::new(b.build(), Setup::default());
    press(&mut app, "j<Tab>kG]}/text<Enter>nab<C-s>");
    let buf = reader_support::render(&mut app, 80, 24);
    assert!(reader_support::screen_text(&buf).contains("Only the left side"));
    assert_eq!(app.focus(), Left);
}

#[test]
fn clicking_the_overview_strip_jumps_there() {
    let mut app = App::new(parallax::tui::fixture::long(500), Setup::default());
    app.update(Action::Resize(100, 30));
    let strip = app.geometry().unwrap().overviews.right;
    app.update(Action::Click {
        column: strip.x + 1,
        row: strip.bottom() - 1,
    });
    assert_eq!(app.focus(), Right);
    let passages = app.comparison().articles.right.passages.len();
    let cursor = app.cursor(Right);
    assert!(
        cursor * 10 > passages * 9,
        "{cursor} of {passages} is in the last tenth"
    );
    let scroll = app.scroll(Right);
    let (top, _) = app.display(Right).span_of(cursor);
    assert!(top >= scroll && top < scroll + app.geometry().unwrap().page() as i64);
}
