//! The text report: titles, an overlap summary per side, each link with its inline diff, then
//! what only one side has. Readable in a pipe; coloured only when [`Style`] says so.

use super::style::Style;
use super::summary::{Summary, percent};
use crate::engine::{Comparison, DiffOp, Role};
use crate::sanitize::visible;
use crate::side::Side;
use std::io::{self, Write};

pub fn write(c: &Comparison, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let s = Summary::of(c);
    for side in Side::BOTH {
        let a = &c.articles[side];
        writeln!(
            out,
            "{} {}: {}",
            style.bold(if side == Side::Left { "LEFT " } else { "RIGHT" }),
            style.bold(&visible(&a.label)),
            visible(a.title().unwrap_or("(untitled)"))
        )?;
        writeln!(
            out,
            "      {} of body words shared, {} only here",
            percent(c.stats.shared[side]),
            super::summary::count(s.unique[side].len(), "passage")
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", s.headline())?;

    if !c.links.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", style.heading("Shared passages"))?;
    }
    for (n, link) in c.links.iter().enumerate() {
        writeln!(out)?;
        let moved = if link.moved { ", moved" } else { "" };
        writeln!(
            out,
            "{} {} {}{}  {} {}",
            style.bold(&format!("[{}]", n + 1)),
            link.kind.name(),
            percent(link.similarity),
            moved,
            ids(Side::Left, &link.passages.left),
            ids(Side::Right, &link.passages.right),
        )?;
        if link.kind == crate::engine::LinkKind::Identical {
            writeln!(
                out,
                "    {}",
                visible(&join(c, Side::Left, &link.passages.left))
            )?;
            continue;
        }
        let mut line = String::new();
        for (op, text) in link.pieces(&c.articles).iter() {
            let text = visible(text);
            line.push_str(&match op {
                DiffOp::Equal => text.into_owned(),
                DiffOp::Delete => style.deleted(&text),
                DiffOp::Insert => style.inserted(&text),
            });
        }
        writeln!(out, "    {line}")?;
    }

    for side in Side::BOTH {
        let a = &c.articles[side];
        if s.unique[side].is_empty() {
            continue;
        }
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            style.heading(&format!("Only in {}", visible(&a.label)))
        )?;
        for &id in &s.unique[side] {
            let text = visible(a.passage_text(id)).into_owned();
            let text = if a.passages[id].role == Role::Body {
                text
            } else {
                style.dim(&text)
            };
            writeln!(out, "  {} {}", tag(side, id), text)?;
        }
    }
    Ok(())
}

fn tag(side: Side, id: usize) -> String {
    format!("{}{}", if side == Side::Left { 'L' } else { 'R' }, id)
}

fn ids(side: Side, ids: &[usize]) -> String {
    ids.iter()
        .map(|&i| tag(side, i))
        .collect::<Vec<_>>()
        .join("+")
}

fn join(c: &Comparison, side: Side, ids: &[usize]) -> String {
    ids.iter()
        .map(|&i| c.articles[side].passage_text(i))
        .collect::<Vec<_>>()
        .join(" ")
}
