//! Whole-screen snapshots of the sample comparison, as a reviewable picture of the layout.
//! Styles are asserted in `reader_render.rs`; these pin down the text and markers.

mod reader_support;

use parallax::tui::fixture::sample;
use parallax::tui::{App, Setup};
use reader_support::{press, render, screen_text};

#[test]
fn sample_at_80_by_24_on_a_moved_link() {
    let mut app = App::new(sample(), Setup::default());
    press(&mut app, "jjj");
    insta::assert_snapshot!(screen_text(&render(&mut app, 80, 24)));
}

#[test]
fn sample_at_80_by_24_on_a_unique_passage_with_help_closed_again() {
    let mut app = App::new(sample(), Setup::default());
    press(&mut app, "jjjj??");
    insta::assert_snapshot!(screen_text(&render(&mut app, 80, 24)));
}
