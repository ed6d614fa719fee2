//! Figures every report gives: link counts by kind and what only one side has.

use crate::engine::{Comparison, LinkKind, Role};
use crate::side::{Pair, Side};

pub struct Summary {
    pub identical: usize,
    pub reworded: usize,
    pub paraphrase: usize,
    pub moved: usize,
    /// Unlinked passages per side, boilerplate left out, title and standfirst kept.
    pub unique: Pair<Vec<usize>>,
}

impl Summary {
    pub fn of(c: &Comparison) -> Summary {
        let count = |k| c.links.iter().filter(|l| l.kind == k).count();
        Summary {
            identical: count(LinkKind::Identical),
            reworded: count(LinkKind::Reworded),
            paraphrase: count(LinkKind::Paraphrase),
            moved: c.links.iter().filter(|l| l.moved).count(),
            unique: Pair::from_fn(|side: Side| {
                let a = &c.articles[side];
                (0..a.passages.len())
                    .filter(|&i| {
                        c.link_of[side][i].is_none() && a.passages[i].role != Role::Boilerplate
                    })
                    .collect()
            }),
        }
    }

    /// One line: "7 shared passages: 1 identical, 3 reworded, 3 paraphrased; 3 moved".
    pub fn headline(&self) -> String {
        let total = self.identical + self.reworded + self.paraphrase;
        if total == 0 {
            return "No shared passages.".to_owned();
        }
        let plural = if total == 1 { "" } else { "s" };
        format!(
            "{total} shared passage{plural}: {} identical, {} reworded, {} paraphrased; {} moved",
            self.identical, self.reworded, self.paraphrase, self.moved
        )
    }
}

pub fn percent(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// "1 passage", "3 passages".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
