//! Which article a note belongs to, recognised by its content rather than its path, so that a
//! moved file, a re-scrape with other whitespace or an edited paragraph is still the same article.
//!
//! The fingerprint is a bottom-k sketch (the k smallest hashes) of the article's word 4-shingles.
//! Two sketches estimate the Jaccard similarity of the full shingle sets: an edited paragraph in
//! a twenty-paragraph story changes about a twentieth of the shingles, while a different story
//! shares almost none. Hand-written because it is twenty lines and no maintained crate offers a
//! stable, serialisable sketch without pulling in a large dependency.

use super::text::{normalised, sequence_hash, word_hashes};
use crate::engine::{Article, Role};

/// How many hashes a fingerprint keeps. 96 gives a Jaccard estimate within about ±0.1.
pub const SKETCH_SIZE: usize = 96;
const SHINGLE_WORDS: usize = 4;

/// Below this estimated similarity two articles are different, whatever their titles.
const SAME_WITH_TITLE: f64 = 0.15;
/// At or above this, two articles are the same even under different titles.
const SAME_WITHOUT_TITLE: f64 = 0.5;

/// Sorted, de-duplicated 32-bit shingle hashes: the smallest [`SKETCH_SIZE`] of the article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fingerprint(pub Vec<u32>);

impl Fingerprint {
    /// The fingerprint of the article's words outside boilerplate, in reading order.
    pub fn of(article: &Article) -> Fingerprint {
        let hashes: Vec<Vec<u64>> = (0..article.passages.len())
            .map(|id| word_hashes(article.passage_text(id)).collect())
            .collect();
        Fingerprint::from_word_hashes(article, &hashes)
    }

    /// As [`Fingerprint::of`], from each passage's word hashes (see [`word_hashes`]) already computed.
    pub fn from_word_hashes(article: &Article, passages: &[Vec<u64>]) -> Fingerprint {
        let mut all = Vec::new();
        for (passage, hashes) in article.passages.iter().zip(passages) {
            if passage.role != Role::Boilerplate {
                all.extend_from_slice(hashes);
            }
        }
        let shingle = |w: &[u64]| (sequence_hash(w.iter().copied()) >> 32) as u32;
        let mut hashes: Vec<u32> = if all.len() < SHINGLE_WORDS {
            vec![shingle(&all)]
        } else {
            all.windows(SHINGLE_WORDS).map(shingle).collect()
        };
        hashes.sort_unstable();
        hashes.dedup();
        hashes.truncate(SKETCH_SIZE);
        Fingerprint(hashes)
    }

    /// Estimated Jaccard similarity of the two articles' shingle sets, from 0.0 to 1.0.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        let (a, b) = (&self.0, &other.0);
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        // The smallest k of the union, and how many of them both sketches hold.
        let (mut i, mut j, mut seen, mut both) = (0, 0, 0, 0);
        while seen < SKETCH_SIZE && (i < a.len() || j < b.len()) {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x == y => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
                (Some(x), Some(y)) if x < y => i += 1,
                (Some(_), None) => i += 1,
                _ => j += 1,
            }
            seen += 1;
        }
        both as f64 / seen as f64
    }

    /// Hex words separated by spaces: opaque, but one line and safe to leave alone when hand-editing.
    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .map(|h| format!("{h:08x}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn from_text(text: &str) -> Result<Fingerprint, String> {
        let mut hashes = text
            .split_whitespace()
            .map(|w| {
                u32::from_str_radix(w, 16)
                    .map_err(|_| format!("`{w}` is not a hex fingerprint word"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        hashes.sort_unstable();
        hashes.dedup();
        Ok(Fingerprint(hashes))
    }
}

/// What a notes file remembers about an article, to recognise it when it is opened again.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleIdentity {
    /// The title as shown, for people reading the notes file or a listing.
    pub title: String,
    /// The side label last used for it (e.g. the outlet).
    pub label: String,
    /// Where it was last read from. Shown to people; never used to recognise the article.
    pub source: String,
    pub fingerprint: Fingerprint,
}

impl ArticleIdentity {
    pub fn of(article: &Article) -> ArticleIdentity {
        ArticleIdentity::with_fingerprint(article, Fingerprint::of(article))
    }

    pub fn with_fingerprint(article: &Article, fingerprint: Fingerprint) -> ArticleIdentity {
        let title = article
            .title()
            .or_else(|| (!article.passages.is_empty()).then(|| article.passage_text(0)))
            .unwrap_or("");
        ArticleIdentity {
            title: super::text::collapse_whitespace(title),
            label: article.label.clone(),
            source: article.source.clone(),
            fingerprint,
        }
    }

    /// How well `self` (a stored identity) matches `other`: `None` when they are different
    /// articles, otherwise a score where higher is a better match.
    pub fn match_score(&self, other: &ArticleIdentity) -> Option<f64> {
        let similarity = self.fingerprint.similarity(&other.fingerprint);
        let same_title =
            !self.title.is_empty() && normalised(&self.title) == normalised(&other.title);
        let same =
            similarity >= SAME_WITHOUT_TITLE || (same_title && similarity >= SAME_WITH_TITLE);
        same.then_some(similarity + if same_title { 0.25 } else { 0.0 })
    }
}

/// The index of the stored identity that best matches `wanted`, if any does.
///
/// `rival` is the article open beside it: when both would take the same stored identity (two
/// near-identical wire copies), the one that matches it better keeps it and the other looks further.
pub fn best_match<'a>(
    stored: impl Iterator<Item = &'a ArticleIdentity> + Clone,
    wanted: &ArticleIdentity,
    rival: Option<&ArticleIdentity>,
) -> Option<usize> {
    let ranked = |who: &ArticleIdentity| {
        let mut scores: Vec<(usize, f64)> = stored
            .clone()
            .enumerate()
            .filter_map(|(i, s)| s.match_score(who).map(|score| (i, score)))
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1));
        scores
    };
    let mine = ranked(wanted);
    let Some(rival) = rival else {
        return mine.first().map(|m| m.0);
    };
    let theirs = ranked(rival);
    let taken = theirs.first().copied();
    mine.into_iter()
        .find(|&(i, score)| match taken {
            Some((t, their_score)) if t == i => score >= their_score,
            _ => true,
        })
        .map(|m| m.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Metadata, build_article};

    fn article(text: &str) -> Article {
        build_article("x.txt", None, text.to_owned(), Metadata::default())
    }

    const STORY: &str = "Lantern festival moves to the harbour\n\
        The Kettleby lantern festival will be held on the harbour wall this year, organisers said on Monday.\n\
        Last year's event drew nine thousand visitors to the market square and blocked the tram line for a night.\n\
        Councillor Ida Brenn said the harbour gave room for the floating lanterns the children make at school.\n\
        Fishermen asked that the slipway stay open until the evening tide, and the organisers agreed.\n\
        Tickets remain free, though the trust asks visitors to bring a lantern of their own if they can.";

    #[test]
    fn same_text_with_other_whitespace_is_the_same_article() {
        let a = ArticleIdentity::of(&article(STORY));
        let b = ArticleIdentity::of(&article(&STORY.replace(' ', "  ").replace('\n', "\n\n")));
        assert_eq!(a.fingerprint, b.fingerprint);
        assert!(a.match_score(&b).is_some());
    }

    #[test]
    fn an_edited_paragraph_keeps_the_identity_but_another_story_does_not() {
        let a = ArticleIdentity::of(&article(STORY));
        let edited = STORY.replace(
            "Fishermen asked that the slipway stay open until the evening tide, and the organisers agreed.",
            "Fishermen wanted the slipway kept clear; organisers promised marshals there all evening.",
        );
        let b = ArticleIdentity::of(&article(&edited));
        let sim = a.fingerprint.similarity(&b.fingerprint);
        assert!(sim > 0.5 && sim < 1.0, "{sim}");
        assert!(a.match_score(&b).is_some());

        let other = ArticleIdentity::of(&article(
            "Tram line closes for repairs\nThe number four tram will not run between the depot and the \
             university for three weeks while rails are replaced, the operator said.",
        ));
        assert!(a.match_score(&other).is_none());
    }

    #[test]
    fn a_rival_with_a_better_claim_keeps_the_stored_identity() {
        let stored = [ArticleIdentity::of(&article(STORY))];
        let copy = ArticleIdentity::of(&article(&STORY.replace("on Monday", "on Tuesday")));
        let exact = ArticleIdentity::of(&article(STORY));
        assert_eq!(best_match(stored.iter(), &copy, None), Some(0));
        assert_eq!(best_match(stored.iter(), &copy, Some(&exact)), None);
        assert_eq!(best_match(stored.iter(), &exact, Some(&copy)), Some(0));
    }

    #[test]
    fn fingerprint_text_round_trips() {
        let f = Fingerprint::of(&article(STORY));
        assert!(!f.0.is_empty());
        assert_eq!(Fingerprint::from_text(&f.to_text()).unwrap(), f);
        assert!(Fingerprint::from_text("zz").is_err());
    }
}
