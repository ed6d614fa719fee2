//! The Markdown brief: something a journalist can paste into a document.

use super::summary::{Summary, percent};
use crate::engine::{Comparison, DiffOp, LinkKind};
use crate::side::Side;
use std::io::{self, Write};

/// Escape what Markdown would otherwise read as markup, and flatten line breaks.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn passages(c: &Comparison, side: Side, ids: &[usize]) -> String {
    escape(
        &ids.iter()
            .map(|&i| c.articles[side].passage_text(i))
            .collect::<Vec<_>>()
            .join(" "),
    )
}

pub fn write(c: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let s = Summary::of(c);
    let (l, r) = (&c.articles.left, &c.articles.right);
    let (ll, rl) = (escape(&l.label), escape(&r.label));
    writeln!(out, "# How {ll} and {rl} cover the story\n")?;
    writeln!(out, "| | {ll} | {rl} |\n|---|---|---|")?;
    let title = |a: &crate::engine::Article| escape(a.title().unwrap_or("(untitled)"));
    writeln!(out, "| Title | {} | {} |", title(l), title(r))?;
    writeln!(
        out,
        "| Source | {} | {} |",
        escape(&l.source),
        escape(&r.source)
    )?;
    writeln!(
        out,
        "| Body words shared | {} | {} |",
        percent(c.stats.shared.left),
        percent(c.stats.shared.right)
    )?;
    writeln!(
        out,
        "| Passages only here | {} | {} |\n",
        s.unique.left.len(),
        s.unique.right.len()
    )?;
    writeln!(out, "**{}.**\n", s.headline())?;

    if !c.links.is_empty() {
        writeln!(out, "## Shared passages\n")?;
    }
    for (n, link) in c.links.iter().enumerate() {
        let moved = if link.moved { ", moved" } else { "" };
        writeln!(
            out,
            "### {}. {} ({} of words in common{moved})\n",
            n + 1,
            link.kind.name(),
            percent(link.similarity)
        )?;
        writeln!(
            out,
            "> **{ll}:** {}\n>",
            passages(c, Side::Left, &link.passages.left)
        )?;
        writeln!(
            out,
            "> **{rl}:** {}\n",
            passages(c, Side::Right, &link.passages.right)
        )?;
        if link.kind != LinkKind::Identical {
            let diff: String = link
                .pieces(&c.articles)
                .iter()
                .map(|(op, text)| match op {
                    DiffOp::Equal => escape(text),
                    DiffOp::Delete => wrap(text, "~~"),
                    DiffOp::Insert => wrap(text, "**"),
                })
                .collect();
            writeln!(out, "Changes (~~only {ll}~~, **only {rl}**): {diff}\n")?;
        }
    }
    for side in Side::BOTH {
        if s.unique[side].is_empty() {
            continue;
        }
        writeln!(out, "## Only in {}\n", escape(&c.articles[side].label))?;
        for &id in &s.unique[side] {
            writeln!(out, "- {}", escape(c.articles[side].passage_text(id)))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Emphasis must hug the words: `~~ gone~~` does not render, ` ~~gone~~` does.
fn wrap(text: &str, mark: &str) -> String {
    let trimmed = text.trim_start();
    let lead = &text[..text.len() - trimmed.len()];
    format!("{lead}{mark}{}{mark}", escape(trimmed.trim_end()))
}
