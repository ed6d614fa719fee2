//! An article as parallax reads it: decoded text cut into passages.

use serde::Serialize;
use std::ops::Range;

/// What a passage is for in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Title,
    Standfirst,
    Body,
    /// Page boilerplate: donation pleas, comment prompts, photo credits. Kept, never deleted.
    Boilerplate,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Standfirst => "standfirst",
            Role::Body => "body",
            Role::Boilerplate => "boilerplate",
        }
    }
}

/// A sentence, or a quotation kept whole, located by byte span in [`Article::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    pub span: Range<usize>,
    pub role: Role,
    /// Index of the paragraph (block of text) the passage sits in.
    pub paragraph: usize,
    /// Runs of non-whitespace characters in the passage, counted by [`Passage::new`] once,
    /// because the boilerplate rules, the order of links and the shared-word figures all weigh
    /// by it. Not public, so that a passage built elsewhere cannot carry a wrong count.
    #[serde(skip)]
    pub(crate) words: usize,
}

impl Passage {
    /// How many words the passage had when it was made (see [`Passage::new`]).
    pub fn words(&self) -> usize {
        self.words
    }

    /// The passage of `text` at `span`.
    pub fn new(text: &str, span: Range<usize>, role: Role, paragraph: usize) -> Passage {
        let words = super::word_count::count_words(&text.as_bytes()[span.clone()]);
        Passage {
            span,
            role,
            paragraph,
            words,
        }
    }
}

/// What is known about where an article came from, beyond its text.
/// Every field is optional: plain-text files carry none of it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A decoded article and its passages.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// The path or URL as the user gave it (`-` for stdin).
    pub source: String,
    /// A short name for the side, e.g. the outlet or the file stem.
    pub label: String,
    /// The decoded text with line endings normalised to `\n`; spans index into it.
    pub text: String,
    pub meta: Metadata,
    pub passages: Vec<Passage>,
    /// Things the reader should know about how the text was read (e.g. a fallback encoding).
    pub notices: Vec<String>,
}

impl Article {
    pub fn passage_text(&self, id: usize) -> &str {
        &self.text[self.passages[id].span.clone()]
    }

    /// The text of the title passage, if the article has one.
    pub fn title(&self) -> Option<&str> {
        self.passages
            .iter()
            .position(|p| p.role == Role::Title)
            .map(|id| self.passage_text(id))
    }

    pub fn paragraph_count(&self) -> usize {
        self.passages.last().map_or(0, |p| p.paragraph + 1)
    }
}
