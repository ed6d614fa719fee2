//! Cutting an article's text into passages and giving each its role.

use super::article::{Article, Metadata, Passage, Role};
use super::boilerplate::{ArticleRules, Rules};
use super::{paragraphs, script, sentences};
use std::hash::BuildHasher;
use std::ops::Range;

/// A standfirst is a deck line under the title: a phrase, not a one-word tag or a byline.
const STANDFIRST_WORDS: Range<usize> = 6..70;
/// Header and footer fragments this short, with no sentence punctuation, are page boilerplate.
const FRAGMENT_WORDS: usize = 5;

/// An article's text made ready to be cut into passages: line endings normalised, the label
/// chosen, the paragraphs found and the boilerplate rules that apply to it picked.
#[derive(Debug)]
pub struct Draft<'r> {
    pub(super) source: String,
    pub(super) label: String,
    pub(super) text: String,
    pub(super) meta: Metadata,
    pub(super) paragraphs: Vec<Range<usize>>,
    /// A hash of each paragraph's bytes, by which a pair of articles finds the paragraphs
    /// both print. Taken here, where each side is read on its own core.
    pub(super) paragraph_hashes: Vec<u64>,
    pub(super) boilerplate: ArticleRules<'r>,
}

impl<'r> Draft<'r> {
    /// Decoded text made ready: the label defaults to the outlet or the file stem.
    pub fn new(
        source: &str,
        label: Option<&str>,
        text: String,
        meta: Metadata,
        rules: &'r Rules,
    ) -> Draft<'r> {
        let text = normalise_line_endings(text);
        let label = label
            .map(str::to_owned)
            .unwrap_or_else(|| default_label(source, &meta));
        let paragraphs = paragraphs::paragraphs(&text);
        let paragraph_hashes = paragraphs
            .iter()
            .map(|r| rustc_hash::FxBuildHasher.hash_one(&text.as_bytes()[r.clone()]))
            .collect();
        let boilerplate = rules.for_article(&text, &meta, &label);
        Draft {
            source: source.to_owned(),
            label,
            text,
            meta,
            paragraphs,
            paragraph_hashes,
            boilerplate,
        }
    }

    /// The role paragraph `index` takes whole, or `None` when it is cut into sentences.
    pub(super) fn whole_role(&self, index: usize) -> Option<Role> {
        let is_title = |i: usize| is_title(&self.text[self.paragraphs[i].clone()]);
        match index {
            0 if is_title(0) => Some(Role::Title),
            1 if is_title(0) && is_standfirst(&self.text[self.paragraphs[1].clone()]) => {
                Some(Role::Standfirst)
            }
            _ => None,
        }
    }

    /// The passages of paragraph `index`, which is cut into sentences, with the boilerplate
    /// among them found by pattern.
    pub(super) fn cut(&self, index: usize) -> Vec<Passage> {
        let range = self.paragraphs[index].clone();
        let mut passages: Vec<Passage> = sentences::sentences(&self.text, range)
            .into_iter()
            .map(|span| Passage::new(&self.text, span, Role::Body, index))
            .collect();
        self.boilerplate.mark_patterns(&self.text, &mut passages);
        passages
    }

    /// The article, given the passages of its paragraphs in order: boilerplate that spans
    /// passages (blocks, stray fragments at either end) is found here.
    pub(super) fn finish(self, mut passages: Vec<Passage>) -> Article {
        self.boilerplate.mark_blocks(&self.text, &mut passages);
        mark_fragments(&self.text, &mut passages);
        Article {
            source: self.source,
            label: self.label,
            text: self.text,
            meta: self.meta,
            passages,
            notices: Vec::new(),
        }
    }
}

/// A title is a short line: a first paragraph longer than this is the start of an untitled
/// text's body, to be cut into sentences and linked like the rest.
const MAX_TITLE_CHARS: usize = 300;

fn is_title(text: &str) -> bool {
    text.chars().take(MAX_TITLE_CHARS + 1).count() <= MAX_TITLE_CHARS
}

/// Build an article from decoded text: a short first line is the title, a deck line under it the
/// standfirst, the rest is cut into sentences; boilerplate rules then mark page boilerplate.
pub fn parse_article(
    source: &str,
    label: Option<&str>,
    text: String,
    meta: Metadata,
    rules: &Rules,
) -> Article {
    let draft = Draft::new(source, label, text, meta, rules);
    let mut passages = Vec::new();
    for (index, range) in draft.paragraphs.iter().enumerate() {
        match draft.whole_role(index) {
            Some(role) => passages.push(Passage::new(&draft.text, range.clone(), role, index)),
            None => passages.extend(draft.cut(index)),
        }
    }
    draft.finish(passages)
}

/// CRLF and lone CR as LF, which spans and paragraph detection count on. Text without a CR
/// comes back as it was, without a copy. The input layer calls this too.
pub fn normalise_line_endings(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

fn default_label(source: &str, meta: &Metadata) -> String {
    if let Some(outlet) = meta.outlet.as_ref().filter(|o| !o.trim().is_empty()) {
        return outlet.trim().to_owned();
    }
    std::path::Path::new(source)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "-")
        .unwrap_or_else(|| "stdin".to_owned())
}

/// Words with a letter or digit in them; in scripts without spaces, characters (see
/// `word_count`), so that a Chinese sentence is not taken for a one-word tag line.
fn word_count(s: &str) -> usize {
    if script::may_be_unspaced(s.as_bytes()) {
        return super::word_count::count_words(s.as_bytes());
    }
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(|c| {
        matches!(c, '"' | '\u{201D}' | '\u{2019}' | ')') || script::is_wide_closing(c)
    })
    .ends_with(|c| {
        matches!(c, '.' | '!' | '?' | '\u{2026}')
            || script::is_wide_terminal(c)
            || script::is_spaced_terminal(c)
    })
}

fn is_standfirst(paragraph: &str) -> bool {
    STANDFIRST_WORDS.contains(&word_count(paragraph))
        && !ends_sentence(paragraph)
        && !paragraph.contains('\n')
}

fn is_fragment(text: &str, p: &Passage) -> bool {
    let s = &text[p.span.clone()];
    p.role == Role::Body && word_count(s) <= FRAGMENT_WORDS && !ends_sentence(s)
}

/// Short unpunctuated lines before the story starts or after it ends (tag lines, bylines,
/// "Comments") are boilerplate. In the middle they may be subheadings, so they are left alone.
fn mark_fragments(text: &str, passages: &mut [Passage]) {
    let is_story = |p: &Passage| p.role == Role::Body && !is_fragment(text, p);
    let first = passages.iter().position(is_story).unwrap_or(passages.len());
    let last = passages.iter().rposition(is_story).map_or(0, |i| i + 1);
    for (i, p) in passages.iter_mut().enumerate() {
        if (i < first || i >= last) && is_fragment(text, p) {
            p.role = Role::Boilerplate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<Role> {
        parse_article(
            "t",
            None,
            text.to_owned(),
            Metadata::default(),
            Rules::builtin(),
        )
        .passages
        .iter()
        .map(|p| p.role)
        .collect()
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        let got = roles("Harbour reopens\n\nThe harbour reopened on Monday. Boats returned.");
        assert_eq!(got, [Role::Title, Role::Body, Role::Body]);
    }

    #[test]
    fn a_long_first_paragraph_is_body_not_title() {
        let sentence = "The harbour reopened on Monday after a long winter of repairs. ";
        let text = format!("{}\n\nBoats returned.", sentence.repeat(8));
        let got = roles(&text);
        assert!(got.iter().all(|&r| r == Role::Body), "{got:?}");
        assert_eq!(got.len(), 9, "the long paragraph is cut into its sentences");
    }
}
