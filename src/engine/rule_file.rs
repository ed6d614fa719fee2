//! The shape of `assets/boilerplate.toml` and how its patterns become automata.
//!
//! Shared, through `#[path]`, by the engine and by the build script (`src/build.rs`), which
//! compiles the built-in rules into DFAs ahead of time: compiling them at start-up was half
//! the run time of comparing two short articles. Both sides compile with [`dfa`], so the
//! rules baked into the binary behave exactly as rules read at run time.

use regex_automata::dfa::dense;
use regex_automata::dfa::{Automaton, StartKind};
use regex_automata::util::syntax;
use regex_automata::{Input, nfa::thompson};
use serde::Deserialize;

#[derive(Debug, PartialEq, Deserialize)]
pub struct RuleFile {
    pub general: RuleSet,
    #[serde(default)]
    pub outlet: Vec<OutletFile>,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct RuleSet {
    #[serde(default = "default_max_words")]
    pub max_words: usize,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub block: Vec<BlockFile>,
}

fn default_max_words() -> usize {
    60
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct BlockFile {
    pub start: String,
    pub end: String,
}

#[derive(Debug, PartialEq, Deserialize)]
pub struct OutletFile {
    pub name: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub signatures: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub block: Vec<BlockFile>,
}

impl RuleFile {
    pub fn parse(toml_text: &str) -> Result<RuleFile, String> {
        toml::from_str(toml_text).map_err(|e| e.to_string())
    }

    /// Every automaton the rules need, in a fixed order: the general patterns' groups, each
    /// general block's start and end, then per outlet its patterns' groups and its blocks'
    /// starts and ends. The engine takes them back in the same order.
    pub fn sources(&self) -> Vec<Vec<&str>> {
        let mut out = groups(&self.general.patterns);
        push_blocks(&mut out, &self.general.block);
        for o in &self.outlet {
            out.extend(groups(&o.patterns));
            push_blocks(&mut out, &o.block);
        }
        out
    }
}

fn push_blocks<'a>(out: &mut Vec<Vec<&'a str>>, blocks: &'a [BlockFile]) {
    for b in blocks {
        out.push(vec![b.start.as_str()]);
        out.push(vec![b.end.as_str()]);
    }
}

/// How a set of patterns is split into automata, each matching any of its group: a pattern
/// with a counted repetition (`[^.]{0,40}`) alone, and the rest in two groups, those that
/// start with `^` and those that do not. One DFA for all would be the fastest to search, but
/// counted repetitions multiply with the other patterns' states: the general set grew from
/// 0.8 MB to 53 MB and took minutes to build. And when every pattern of a group is anchored
/// at the start, the compiler leaves out the unanchored prefix, so the search gives up a few
/// bytes into a passage that does not begin like boilerplate instead of reading all of it;
/// that was most of the time spent on boilerplate. The `^` test is on the text only: a pattern
/// it misjudges (`^a|b`) still matches as written, its group is just searched unanchored.
pub fn groups(patterns: &[String]) -> Vec<Vec<&str>> {
    let (counted, rest): (Vec<&str>, Vec<&str>) = patterns
        .iter()
        .map(String::as_str)
        .partition(|p| p.contains('{'));
    let (anchored, floating): (Vec<&str>, Vec<&str>) =
        rest.into_iter().partition(|p| p.starts_with('^'));
    [anchored, floating]
        .into_iter()
        .filter(|group| !group.is_empty())
        .chain(counted.into_iter().map(|p| vec![p]))
        .collect()
}

/// Compile to a DFA that answers "does this passage match any of `patterns`?". Patterns are
/// matched case-insensitively on bytes with ASCII classes: the cues are English words, and
/// ASCII `\b` is what lets a fully compiled DFA handle word boundaries at all.
pub fn dfa(patterns: &[&str]) -> Result<dense::DFA<Vec<u32>>, String> {
    // No pattern: an automaton that matches nothing.
    let patterns = if patterns.is_empty() {
        &["[^\\x00-\\xFF]"][..]
    } else {
        patterns
    };
    let build = |patterns: &[&str]| {
        dense::Builder::new()
            .syntax(
                syntax::Config::new()
                    .case_insensitive(true)
                    .unicode(false)
                    .utf8(false),
            )
            .thompson(thompson::Config::new().utf8(false))
            .configure(dense::DFA::config().start_kind(StartKind::Unanchored))
            .build_many(patterns)
            .map_err(|e| e.to_string())
    };
    build(patterns).map_err(|joined_error| {
        // Name the pattern at fault, not the whole set.
        patterns
            .iter()
            .find_map(|p| build(&[p]).err().map(|e| format!("bad pattern {p:?}: {e}")))
            .unwrap_or_else(|| format!("bad patterns: {joined_error}"))
    })
}

/// Whether `dfa` matches anywhere in `haystack`.
pub fn is_match<A: Automaton>(dfa: &A, haystack: &[u8]) -> bool {
    // Errors come only from quit bytes and size limits, which these automata never set.
    matches!(
        dfa.try_search_fwd(&Input::new(haystack).earliest(true)),
        Ok(Some(_))
    )
}
