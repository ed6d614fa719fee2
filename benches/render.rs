//! Frame time of the reader at about a million words a side, rendered into `TestBackend`.
//!
//! `cargo bench --bench render` prints the one-off costs (building the comparison, the first
//! frame, which wraps both articles, and a re-wrap after a resize) and lets criterion time
//! steady frames and keypress-to-frame for the common keys.

use criterion::{Criterion, criterion_group, criterion_main};
use parallax::tui::fixture::long;
use parallax::tui::{Action, App, Command, Setup};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::Instant;

/// About 46 words a paragraph: 22,000 paragraphs is about a million words a side.
const PARAGRAPHS: usize = 22_000;

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal.draw(|f| f.render_widget(app, f.area())).unwrap();
}

fn bench(c: &mut Criterion) {
    let start = Instant::now();
    let comparison = long(PARAGRAPHS);
    let words: usize = comparison.articles.left.text.split_whitespace().count();
    eprintln!(
        "built comparison: {words} words on the left in {:?}",
        start.elapsed()
    );

    let start = Instant::now();
    let mut app = App::new(comparison, Setup::default());
    app.update(Action::Resize(200, 60));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    draw(&mut terminal, &app);
    eprintln!(
        "open (state, wrap both sides, first frame): {:?}",
        start.elapsed()
    );

    let start = Instant::now();
    app.update(Action::Resize(160, 45));
    let mut small = Terminal::new(TestBackend::new(160, 45)).unwrap();
    draw(&mut small, &app);
    eprintln!("resize (re-wrap both sides, frame): {:?}", start.elapsed());
    app.update(Action::Resize(200, 60));
    draw(&mut terminal, &app);

    let mut group = c.benchmark_group("render_1M_words");
    group.sample_size(30);
    group.bench_function("frame", |b| b.iter(|| draw(&mut terminal, black_box(&app))));
    let mut key = |name: &str, actions: &[Command]| {
        let mut i = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                app.update(Action::Command(actions[i % actions.len()]));
                i += 1;
                draw(&mut terminal, &app);
            })
        });
    };
    key("key_down", &[Command::Down]);
    key(
        "key_page_down",
        &[Command::PageDown, Command::PageDown, Command::PageUp],
    );
    key("key_top_bottom", &[Command::Bottom, Command::Top]);
    key("key_next_divergence", &[Command::NextDivergence]);
    key("key_switch_pane", &[Command::SwitchPane]);
    key("key_toggle_boilerplate", &[Command::ToggleBoilerplate]);
    group.finish();

    let start = Instant::now();
    app.update(Action::Command(Command::Search));
    for c in "funding would".chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Command(Command::SearchConfirm));
    draw(&mut terminal, &app);
    let matches = app.search().map_or(0, |s| s.matches.len());
    eprintln!(
        "search both sides ({matches} matches) to frame: {:?}",
        start.elapsed()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
