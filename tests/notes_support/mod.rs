//! Invented articles and helpers shared by the notes tests. The outlets, people and events
//! are made up for these tests.
#![allow(dead_code)]

use parallax::engine::{Article, Metadata, build_article};
use parallax::paths::Paths;
use std::time::{Duration, SystemTime};

/// One paragraph per line.
pub const GAZETTE: &str = "\
Marrow Bridge to close for six weeks of repairs
The Marrow Bridge will close to all traffic from 3 March while engineers replace its corroded deck plates, the county council said on Tuesday.
Inspectors found rust through two of the eleven plates during a routine survey in January, according to a report seen by the Tidewater Gazette.
\"We cannot in good conscience keep it open,\" said Hana Oduya, the council's head of highways. \"The plates were laid in 1961 and they have done their work.\"
Buses on the number 12 route will divert over the Quay Street crossing, adding about fifteen minutes to each journey.
Shopkeepers on the east bank fear a repeat of 2019, when a three-week closure cut their takings by a third.
The ferry between Salt Steps and the fish market will run every twenty minutes instead of hourly until the bridge reopens.
Read more
Council officers will hold a drop-in session at the library on Thursday evening.
Read more
";

/// The same event as another outlet tells it: some lines identical, some reworded, some its own.
pub const POST: &str = "\
Bridge shut as rust found in deck
The Marrow Bridge will close to all traffic from 3 March while engineers replace its corroded deck plates, the county council said on Tuesday.
The ferry between Salt Steps and the fish market will run every twenty minutes instead of hourly until the bridge reopens.
Engineers say the steel plates, laid in 1961, have corroded faster than expected because of salt spray.
Cyclists will be allowed to walk their bikes across a temporary footway on the north side.
";

/// A different story altogether, that must never pick up the bridge notes.
pub const OTHER_STORY: &str = "\
Lantern festival moves to the harbour wall
The Kettleby lantern festival will be held on the harbour wall this year, organisers said on Monday.
Last year's event drew nine thousand visitors to the market square and blocked the tram line for a night.
Councillor Ida Brenn said the harbour gave room for the floating lanterns that children make at school.
";

pub fn article(source: &str, text: &str) -> Article {
    build_article(source, None, text.to_owned(), Metadata::default())
}

/// The id of the only passage containing `needle`. Tests find passages by their words, so
/// they hold whatever the segmentation makes of the lines.
pub fn passage_with(article: &Article, needle: &str) -> usize {
    let found: Vec<usize> = (0..article.passages.len())
        .filter(|&i| article.passage_text(i).contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "passages containing {needle:?}: {found:?}");
    found[0]
}

/// A fixed clock: `t(0)` is a Tuesday in 2025, `t(n)` is `n` minutes later.
pub fn t(minutes: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_740_000_000 + minutes * 60)
}

pub fn temp_paths() -> (tempfile::TempDir, Paths) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = Paths::under(dir.path());
    (dir, paths)
}
