//! Recognising page boilerplate (donation pleas, comment prompts, photo credits) from rules
//! kept as data in `assets/boilerplate.toml`.

use super::article::{Metadata, Passage, Role};
use super::rule_file::{self, BlockFile, OutletFile, RuleFile, RuleSet, groups};
use regex_automata::dfa::dense::DFA;
use regex_automata::util::wire::AlignAs;

/// The rules' text; the build script turns it into `builtin_rule_file()`.
#[cfg(test)]
const BUILTIN: &str = include_str!("../../assets/boilerplate.toml");

// `BAKED`: the built-in rules' automata, compiled by the build script in the order of
// `RuleFile::sources`; `builtin_rule_file()`: the rule file they came from, as it was read.
include!(concat!(env!("OUT_DIR"), "/boilerplate_dfas.rs"));

/// Paragraphs a block rule may span before its start is taken as a false alarm.
const MAX_BLOCK_PARAGRAPHS: usize = 12;

/// A compiled rule: baked into the binary for the built-in rules, built when rules are read.
#[derive(Debug)]
enum Matcher {
    Baked(DFA<&'static [u32]>),
    Built(DFA<Vec<u32>>),
}

impl Matcher {
    fn is_match(&self, haystack: &[u8]) -> bool {
        match self {
            Matcher::Baked(dfa) => rule_file::is_match(dfa, haystack),
            Matcher::Built(dfa) => rule_file::is_match(dfa, haystack),
        }
    }
}

#[derive(Debug)]
struct Block {
    start: Matcher,
    end: Matcher,
}

#[derive(Debug)]
struct Outlet {
    name: String,
    names: Vec<String>,
    signatures: Vec<String>,
    /// A passage matching any of these is boilerplate.
    patterns: Vec<Matcher>,
    blocks: Vec<Block>,
}

fn take(matchers: &mut impl Iterator<Item = Matcher>) -> Matcher {
    matchers
        .next()
        .expect("one automaton per source of the rule file")
}

fn take_groups(matchers: &mut impl Iterator<Item = Matcher>, patterns: &[String]) -> Vec<Matcher> {
    groups(patterns).iter().map(|_| take(matchers)).collect()
}

fn take_blocks(matchers: &mut impl Iterator<Item = Matcher>, count: usize) -> Vec<Block> {
    (0..count)
        .map(|_| Block {
            start: take(matchers),
            end: take(matchers),
        })
        .collect()
}

/// Compiled boilerplate rules.
#[derive(Debug)]
pub struct Rules {
    /// Longer passages are never boilerplate by pattern (block rules still apply).
    max_words: usize,
    /// A passage matching any of these is boilerplate.
    patterns: Vec<Matcher>,
    blocks: Vec<Block>,
    outlets: Vec<Outlet>,
}

/// Lower case with punctuation as spaces, so "harbour-gazette.example" matches "harbour gazette".
fn fold_identity(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect()
}

impl Rules {
    /// Parse rules from TOML text, compiling their patterns.
    pub fn parse(toml_text: &str) -> Result<Rules, String> {
        let file = RuleFile::parse(toml_text)?;
        let matchers = file
            .sources()
            .into_iter()
            .map(|patterns| rule_file::dfa(&patterns).map(Matcher::Built))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Rules::assemble(&file, matchers))
    }

    /// The rules shipped in `assets/boilerplate.toml`, with the automata the build compiled.
    #[allow(unsafe_code)]
    pub fn builtin() -> &'static Rules {
        static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
        RULES.get_or_init(|| {
            let file = builtin_rule_file();
            let matchers = BAKED
                .iter()
                .map(|baked| {
                    // SAFETY: the bytes are what the build script serialised from automata it
                    // built with this same crate version, so they are a valid DFA; the
                    // checked `from_bytes` would read all 1.4 MB of them at every start-up.
                    // The test `baked_automata_are_valid` runs the full check.
                    let (dfa, _) = unsafe { DFA::from_bytes_unchecked(&baked.bytes) }
                        .expect("the build script serialised these automata");
                    Matcher::Baked(dfa)
                })
                .collect();
            Rules::assemble(&file, matchers)
        })
    }

    /// Put the automata, in the order of [`RuleFile::sources`], back with their rules.
    fn assemble(file: &RuleFile, matchers: Vec<Matcher>) -> Rules {
        debug_assert_eq!(matchers.len(), file.sources().len());
        let mut matchers = matchers.into_iter();
        let patterns = take_groups(&mut matchers, &file.general.patterns);
        let blocks = take_blocks(&mut matchers, file.general.block.len());
        let outlets = file
            .outlet
            .iter()
            .map(|o| Outlet {
                name: o.name.clone(),
                names: o.names.iter().map(|n| fold_identity(n)).collect(),
                signatures: o.signatures.clone(),
                patterns: take_groups(&mut matchers, &o.patterns),
                blocks: take_blocks(&mut matchers, o.block.len()),
            })
            .collect();
        Rules {
            max_words: file.general.max_words,
            patterns,
            blocks,
            outlets,
        }
    }

    /// Names of the outlets whose rules apply to this article.
    pub fn outlets_for(&self, identity: &str, text: &str) -> Vec<&str> {
        self.applicable(identity, text)
            .map(|o| o.name.as_str())
            .collect()
    }

    fn applicable(&self, identity: &str, text: &str) -> impl Iterator<Item = &Outlet> {
        let identity = fold_identity(identity);
        self.outlets
            .iter()
            .filter(|o| {
                o.names.iter().any(|n| identity.contains(n.as_str()))
                    || o.signatures
                        .iter()
                        .any(|s| memchr::memmem::find(text.as_bytes(), s.as_bytes()).is_some())
            })
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// The rules that apply to one article: the general ones and those of its outlets.
    pub fn for_article(&self, text: &str, meta: &Metadata, label: &str) -> ArticleRules<'_> {
        let identity = [
            label,
            meta.outlet.as_deref().unwrap_or(""),
            meta.url.as_deref().unwrap_or(""),
        ]
        .join(" ");
        let outlets: Vec<&Outlet> = self.applicable(&identity, text).collect();
        ArticleRules {
            max_words: self.max_words,
            sets: self
                .patterns
                .iter()
                .chain(outlets.iter().flat_map(|o| o.patterns.iter()))
                .collect(),
            blocks: self
                .blocks
                .iter()
                .chain(outlets.iter().flat_map(|o| o.blocks.iter()))
                .collect(),
        }
    }
}

/// The boilerplate rules that apply to one article ([`Rules::boilerplate`]).
#[derive(Debug)]
pub struct ArticleRules<'r> {
    max_words: usize,
    /// A passage matching any of these is boilerplate.
    sets: Vec<&'r Matcher>,
    blocks: Vec<&'r Block>,
}

impl ArticleRules<'_> {
    /// Whether a passage is boilerplate by pattern in one article exactly when it is in the
    /// other: the same automata apply to both.
    pub fn same_patterns(&self, other: &ArticleRules<'_>) -> bool {
        self.max_words == other.max_words
            && self.sets.len() == other.sets.len()
            && self
                .sets
                .iter()
                .zip(&other.sets)
                .all(|(a, b)| std::ptr::eq(*a, *b))
    }

    /// Give the role `boilerplate` to the body passages that a pattern matches. Each passage is
    /// judged on its own text, so any run of passages may be given at a time.
    pub fn mark_patterns(&self, text: &str, passages: &mut [Passage]) {
        for p in passages.iter_mut() {
            if p.role == Role::Body
                && p.words <= self.max_words
                && self
                    .sets
                    .iter()
                    .any(|set| set.is_match(text[p.span.clone()].as_bytes()))
            {
                p.role = Role::Boilerplate;
            }
        }
    }

    /// Give the role `boilerplate` to every passage from a block's start to its end. Blocks
    /// span paragraphs, so this takes the whole article.
    pub fn mark_blocks(&self, text: &str, passages: &mut [Passage]) {
        let passage_text = |p: &Passage| text[p.span.clone()].as_bytes();
        for block in &self.blocks {
            let mut i = 0;
            while i < passages.len() {
                if passages[i].role != Role::Body && passages[i].role != Role::Boilerplate
                    || !block.start.is_match(passage_text(&passages[i]))
                {
                    i += 1;
                    continue;
                }
                let limit = passages[i].paragraph + MAX_BLOCK_PARAGRAPHS;
                let end = (i..passages.len())
                    .take_while(|&j| passages[j].paragraph <= limit)
                    .find(|&j| block.end.is_match(passage_text(&passages[j])));
                match end {
                    Some(end) => {
                        for p in &mut passages[i..=end] {
                            p.role = Role::Boilerplate;
                        }
                        i = end + 1;
                    }
                    None => i += 1,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str, label: &str) -> Vec<(String, Role)> {
        let mut passages: Vec<Passage> = text
            .split('\n')
            .scan(0, |offset, line| {
                let start = *offset;
                *offset += line.len() + 1;
                Some(start..start + line.len())
            })
            .enumerate()
            .map(|(paragraph, span)| Passage::new(text, span, Role::Body, paragraph))
            .collect();
        let boilerplate = Rules::builtin().for_article(text, &Metadata::default(), label);
        boilerplate.mark_patterns(text, &mut passages);
        boilerplate.mark_blocks(text, &mut passages);
        passages
            .iter()
            .map(|p| (text[p.span.clone()].to_owned(), p.role))
            .collect()
    }

    #[test]
    fn builtin_rules_parse() {
        assert!(
            Rules::builtin()
                .patterns
                .iter()
                .any(|m| m.is_match(b"Read more: the ferry strike"))
        );
        assert!(Rules::builtin().outlets.len() >= 2);
    }

    #[test]
    fn general_cues() {
        let got = roles(
            "Read more: the ferry strike\nThe ferry sank at 4am.\nPhoto: Getty Images\nSign up for our free morning newsletter",
            "x",
        );
        let boiler: Vec<bool> = got.iter().map(|(_, r)| *r == Role::Boilerplate).collect();
        assert_eq!(boiler, [true, false, true, true]);
    }

    #[test]
    fn news_about_donations_and_newsletters_is_not_boilerplate() {
        let got = roles(
            "The anchor failed to disclose $75,000 in donations to the foundation.\nShe announced the merger in a newsletter to staff on Monday.\nYour donation keeps our reporters in the field.",
            "x",
        );
        let boiler: Vec<bool> = got.iter().map(|(_, r)| *r == Role::Boilerplate).collect();
        assert_eq!(boiler, [false, false, true]);
    }

    #[test]
    fn block_rule_covers_plea_but_stops_at_its_end() {
        let got = roles(
            "Your support helps us report\nWe go where the story is.\nYour support makes all the difference.\nThe ferry sank.",
            "x",
        );
        let boiler: Vec<bool> = got.iter().map(|(_, r)| *r == Role::Boilerplate).collect();
        assert_eq!(boiler, [true, true, true, false]);
    }

    #[test]
    fn outlet_rules_only_apply_to_their_outlet() {
        let line = "Keep the Gazette free for everyone.";
        assert_eq!(roles(line, "harbour-gazette")[0].1, Role::Boilerplate);
        assert_eq!(roles(line, "other")[0].1, Role::Body);
    }

    #[test]
    fn baked_rule_file_is_the_asset() {
        assert_eq!(builtin_rule_file(), RuleFile::parse(BUILTIN).unwrap());
    }

    #[test]
    fn baked_automata_are_valid() {
        let file = RuleFile::parse(BUILTIN).unwrap();
        assert_eq!(BAKED.len(), file.sources().len());
        for baked in BAKED {
            assert!(DFA::from_bytes(&baked.bytes).is_ok());
        }
    }

    #[test]
    fn baked_rules_agree_with_rules_compiled_now() {
        let built = Rules::parse(BUILTIN).unwrap();
        let baked = Rules::builtin();
        let samples = [
            "Read more: the ferry strike",
            "Follow Jane Doe on Twitter",
            "Get our free daily newsletter",
            "Sign up to our email updates",
            "The ferry sank at 4am.",
            "Photo: Getty Images",
            "Your support makes all the difference.",
            "Keep the Gazette free for everyone.",
            "Readers who follow the council on Twitter were told first.",
        ];
        for sample in samples {
            let any = |r: &Rules| r.patterns.iter().any(|m| m.is_match(sample.as_bytes()));
            assert_eq!(any(&built), any(baked), "{sample}");
        }
        assert!(
            samples
                .iter()
                .any(|s| baked.patterns.iter().any(|m| m.is_match(s.as_bytes())))
        );
    }

    #[test]
    fn a_bad_pattern_names_itself() {
        let err = Rules::parse("[general]\npatterns = ['(']").unwrap_err();
        assert!(err.contains("\"(\""), "{err}");
    }
}
