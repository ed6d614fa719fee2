//! Recognising page furniture (donation pleas, comment prompts, photo credits) from rules
//! kept as data in `assets/boilerplate.toml`.

use super::article::{Metadata, Passage, Role};
use regex::bytes::{Regex, RegexBuilder};
use serde::Deserialize;

const BUILTIN: &str = include_str!("../../assets/boilerplate.toml");

/// Paragraphs a block rule may span before its start is taken as a false alarm.
const MAX_BLOCK_PARAGRAPHS: usize = 12;

#[derive(Debug, Deserialize)]
struct RuleFile {
    general: RuleSet,
    #[serde(default)]
    outlet: Vec<OutletFile>,
}

#[derive(Debug, Deserialize)]
struct RuleSet {
    #[serde(default = "default_max_words")]
    max_words: usize,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    block: Vec<BlockFile>,
}

fn default_max_words() -> usize {
    60
}

#[derive(Debug, Deserialize)]
struct BlockFile {
    start: String,
    end: String,
}

#[derive(Debug, Deserialize)]
struct OutletFile {
    name: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    signatures: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    block: Vec<BlockFile>,
}

#[derive(Debug)]
struct Block {
    start: Regex,
    end: Regex,
}

#[derive(Debug)]
struct Outlet {
    name: String,
    names: Vec<String>,
    signatures: Vec<String>,
    patterns: Regex,
    blocks: Vec<Block>,
}

/// Compiled boilerplate rules.
#[derive(Debug)]
pub struct Rules {
    /// Longer passages are never furniture by pattern (block rules still apply).
    max_words: usize,
    patterns: Regex,
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

// Rules are matched on bytes with ASCII classes: Unicode-aware `\b` and `\w` made compiling
// the rules half of the run time on a short article, and the cues are English words.
fn compile(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .unicode(false)
        .build()
        .map_err(|e| format!("bad pattern {pattern:?}: {e}"))
}

/// Many patterns as one alternation: a passage is tested against all of them in one pass,
/// and a single regex searches faster than a `RegexSet`, which tracks every pattern.
fn compile_all(patterns: &[String]) -> Result<Regex, String> {
    if patterns.is_empty() {
        return compile("[^\\x00-\\xFF]");
    }
    let joined: Vec<String> = patterns.iter().map(|p| format!("(?:{p})")).collect();
    compile(&joined.join("|")).map_err(|joined_error| {
        // Name the pattern at fault, not the whole alternation.
        patterns
            .iter()
            .find_map(|p| compile(p).err())
            .unwrap_or(joined_error)
    })
}

fn compile_blocks(blocks: &[BlockFile]) -> Result<Vec<Block>, String> {
    blocks
        .iter()
        .map(|b| {
            Ok(Block {
                start: compile(&b.start)?,
                end: compile(&b.end)?,
            })
        })
        .collect()
}

impl Rules {
    /// Parse rules from TOML text.
    pub fn parse(toml_text: &str) -> Result<Rules, String> {
        let file: RuleFile = toml::from_str(toml_text).map_err(|e| e.to_string())?;
        let outlets = file
            .outlet
            .iter()
            .map(|o| {
                Ok(Outlet {
                    name: o.name.clone(),
                    names: o.names.iter().map(|n| fold_identity(n)).collect(),
                    signatures: o.signatures.clone(),
                    patterns: compile_all(&o.patterns)?,
                    blocks: compile_blocks(&o.block)?,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Rules {
            max_words: file.general.max_words,
            patterns: compile_all(&file.general.patterns)?,
            blocks: compile_blocks(&file.general.block)?,
            outlets,
        })
    }

    /// The rules shipped in `assets/boilerplate.toml`.
    pub fn builtin() -> &'static Rules {
        static RULES: std::sync::OnceLock<Rules> = std::sync::OnceLock::new();
        RULES.get_or_init(|| Rules::parse(BUILTIN).expect("assets/boilerplate.toml is valid"))
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
                    || o.signatures.iter().any(|s| text.contains(s.as_str()))
            })
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Give the role `boilerplate` to body passages that the rules recognise.
    pub fn mark(&self, text: &str, meta: &Metadata, label: &str, passages: &mut [Passage]) {
        let identity = [
            label,
            meta.outlet.as_deref().unwrap_or(""),
            meta.url.as_deref().unwrap_or(""),
        ]
        .join(" ");
        let outlets: Vec<&Outlet> = self.applicable(&identity, text).collect();
        let sets: Vec<&Regex> = std::iter::once(&self.patterns)
            .chain(outlets.iter().map(|o| &o.patterns))
            .collect();
        let blocks: Vec<&Block> = self
            .blocks
            .iter()
            .chain(outlets.iter().flat_map(|o| o.blocks.iter()))
            .collect();
        let passage_text = |p: &Passage| text[p.span.clone()].as_bytes();

        for p in passages.iter_mut().filter(|p| p.role == Role::Body) {
            let bytes = passage_text(p);
            let short = bytes
                .split(u8::is_ascii_whitespace)
                .filter(|w| !w.is_empty())
                .nth(self.max_words)
                .is_none();
            if short && sets.iter().any(|set| set.is_match(bytes)) {
                p.role = Role::Boilerplate;
            }
        }
        for block in blocks {
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
            .map(|(paragraph, span)| Passage {
                span,
                role: Role::Body,
                paragraph,
            })
            .collect();
        Rules::builtin().mark(text, &Metadata::default(), label, &mut passages);
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
                .is_match(b"Read more: the ferry strike")
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
    fn news_about_donations_and_newsletters_is_not_furniture() {
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
    fn a_bad_pattern_names_itself() {
        let err = Rules::parse("[general]\npatterns = ['(']").unwrap_err();
        assert!(err.contains("\"(\""), "{err}");
    }
}
