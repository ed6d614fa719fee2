//! The article inside a web page: its text as title, standfirst and paragraphs, and its
//! metadata.
//!
//! Extraction uses `dom_smoothie`, a close port of Mozilla's Readability.js. Candidates were
//! compared on the 35 pages of Readability's own test suite (shared corpus, `html/`), by
//! words of the expected article kept (recall) and words added (extra / extracted):
//!
//! | crate                          | recall | extra |
//! |--------------------------------|--------|-------|
//! | dom_smoothie 0.19 (Readability)| 1.000  | 0.000 |
//! | dom_smoothie 0.19 (own mode)   | 0.993  | 0.014 |
//! | readability-rs 0.5             | 0.864  | 0.038 |
//! | readability 0.3                | 0.791  | 0.020 |
//!
//! The two arc90-era ports lose whole articles (breitbart, aclu, medicalnewstoday) and the
//! older one is unmaintained and pulls in reqwest by default; dom_smoothie is actively
//! released, tracks Readability.js's current heuristics, and also reads JSON-LD metadata.
//! Readability.js produced the expected outputs, so its figures carry a home advantage.

use super::error::Problem;
use super::html_text::paragraphs;
use super::nesting::{self, MAX_DEPTH};
use super::page_meta::{PageMeta, collapse_whitespace, host_name};
use crate::engine::Metadata;
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use url::Url;

/// An article pulled out of a page, laid out as parallax's text files are: the title on the
/// first line, a standfirst on the next when there is one, then paragraphs with blank lines
/// between.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub text: String,
    pub meta: Metadata,
    pub notices: Vec<String>,
}

/// `page_url` is where the page came from, if known; it resolves relative links and gives the
/// outlet's host name when the page does not name itself.
pub fn extract(html: &str, page_url: Option<&Url>) -> Result<Extracted, Problem> {
    let too_deep = Problem::TooDeep { limit: MAX_DEPTH };
    if nesting::markup_deeper_than(html, MAX_DEPTH) {
        return Err(too_deep);
    }
    let document = Document::from(html);
    if nesting::tree_deeper_than(&document, MAX_DEPTH) {
        return Err(too_deep);
    }
    let page = PageMeta::read(&document, page_url);
    let mut notices = Vec::new();
    // The address only resolves relative links; a page dom_smoothie will not take with one
    // is still worth reading without.
    let mut readability =
        Readability::new(html, page_url.map(Url::as_str), Some(Config::default()))
            .or_else(|_| Readability::new(html, None, Some(Config::default())))
            .map_err(|_| Problem::NoArticle)?;
    let (title, byline, site_name, published, body) = match readability.parse() {
        Ok(article) => {
            let content = Document::from(article.content.as_ref());
            let body = content
                .select("body")
                .nodes()
                .first()
                .map(paragraphs)
                .unwrap_or_default();
            (
                article.title,
                article.byline,
                article.site_name,
                article.published_time,
                body,
            )
        }
        Err(_) => {
            notices.push(
                "could not find the main article in the page; showing all of its text".to_owned(),
            );
            let whole = document;
            whole.select("header, footer, aside, nav").remove();
            let title = whole.select("title").text().to_string();
            let body = whole
                .select("body")
                .nodes()
                .first()
                .map(paragraphs)
                .unwrap_or_default();
            (title, None, None, None, body)
        }
    };
    let site_name = nonblank(site_name).map(|name| match Url::parse(&name) {
        // Some sites put their address in og:site_name.
        Ok(url) => host_name(&url).unwrap_or(name),
        Err(_) => name,
    });
    let byline = nonblank(byline).filter(|b| b.chars().count() <= 120);
    let title = collapse_whitespace(&title);
    let title = without_site_suffix(&title, site_name.as_deref());
    let title = without_site_suffix(&title, byline.as_deref());
    let mut body = body;
    // Readability keeps the headline inside the content on many pages.
    if body.first().is_some_and(|p| same_words(p, &title)) {
        body.remove(0);
    }
    // The byline is metadata; as a passage it would only be aligned with the other byline.
    if let Some(at) = byline.as_ref().and_then(|b| {
        body.iter().take(3).position(|p| {
            let words = words(p);
            words == self::words(b)
                || (words.first().is_some_and(|w| w == "by") && words[1..] == self::words(b))
        })
    }) {
        body.remove(at);
    }
    if body.is_empty() {
        return Err(Problem::NoArticle);
    }
    let dek = page.description.filter(|d| is_standfirst(d, &title, &body));

    let mut text = String::new();
    if !title.is_empty() {
        text.push_str(&title);
        text.push('\n');
    }
    if let Some(dek) = &dek {
        text.push_str(dek);
        text.push('\n');
    }
    if !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&body.join("\n\n"));
    text.push('\n');

    let url = page.canonical.or_else(|| page_url.cloned());
    let meta = Metadata {
        outlet: site_name.or_else(|| url.as_ref().and_then(host_name)),
        byline,
        published: nonblank(published),
        url: url.map(String::from),
    };
    Ok(Extracted {
        text,
        meta,
        notices,
    })
}

fn nonblank(s: Option<String>) -> Option<String> {
    s.map(|s| collapse_whitespace(&s)).filter(|s| !s.is_empty())
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    !b.is_empty() && words(a) == words(b)
}

/// A page description is a standfirst when it says something the body does not open with:
/// many sites fill it with the first paragraph, whole or cut short with an ellipsis.
fn is_standfirst(description: &str, title: &str, body: &[String]) -> bool {
    let mut dek = words(description);
    let trimmed = description.trim_end();
    if trimmed.ends_with("...") || trimmed.ends_with('\u{2026}') {
        dek.pop(); // the cut-off last word
    }
    if dek.len() < 4 || dek.len() > 80 || same_words(description, title) {
        return false;
    }
    let body = words(&body.join(" "));
    !body.windows(dek.len()).any(|w| w == dek.as_slice())
}

/// "Pier reopens - The Tidewater Courier" is titled "Pier reopens": the outlet (or the
/// author, as some sites append) is metadata.
fn without_site_suffix(title: &str, site_name: Option<&str>) -> String {
    let Some(site) = site_name.filter(|s| !s.is_empty()) else {
        return title.to_owned();
    };
    for sep in [" - ", " | ", " \u{2013} ", " \u{2014} ", " :: "] {
        let head = title.strip_suffix(site).and_then(|t| t.strip_suffix(sep));
        if let Some(head) = head.map(str::trim).filter(|h| !h.is_empty()) {
            return head.to_owned();
        }
    }
    title.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = include_str!("../../tests/fixtures/pages/tidewater-ferry.html");

    #[test]
    fn a_saved_page_becomes_title_standfirst_and_paragraphs() {
        let got = extract(PAGE, None).unwrap();
        let lines: Vec<&str> = got.text.split('\n').collect();
        assert_eq!(lines[0], "Ferry service returns to Gullhaven");
        assert_eq!(
            lines[1],
            "Islanders cheer as the first boat in six weeks docks after storm repairs"
        );
        assert_eq!(lines[2], "");
        assert!(
            lines[3].starts_with("The first ferry in six weeks"),
            "{}",
            got.text
        );
        assert!(got.text.contains(
            "\n\n\u{201C}We ran out of fresh milk in the second week and out of patience in the third. \
             Today feels like the island has its lungs back.\u{201D}\n\n"
        ));
        assert!(got.text.contains("\n\nSupplies and schedules\n\n"));
        assert!(
            !got.text.contains("By Maren Holt"),
            "the byline is metadata"
        );
        assert!(
            got.text
                .contains("\n\nIndependent island journalism needs your support."),
            "donation pleas inside the article stay for the engine to mark as boilerplate"
        );
        for boilerplate in [
            "Home",
            "Share on Facebook",
            "Related stories",
            "Storm damage",
            "rights reserved",
            "window.ads",
        ] {
            assert!(
                !got.text.contains(boilerplate),
                "kept {boilerplate:?}:\n{}",
                got.text
            );
        }
    }

    #[test]
    fn metadata_comes_from_the_page() {
        let got = extract(PAGE, None).unwrap();
        assert_eq!(got.meta.outlet.as_deref(), Some("The Tidewater Courier"));
        assert_eq!(got.meta.byline.as_deref(), Some("Maren Holt"));
        assert_eq!(got.meta.published.as_deref(), Some("2031-04-02T08:15:00Z"));
        assert_eq!(
            got.meta.url.as_deref(),
            Some("https://www.tidewater.example/news/ferry-returns")
        );
    }

    #[test]
    fn without_a_site_name_the_outlet_is_the_host() {
        let page = PAGE.replace("og:site_name", "og:nothing");
        let got = extract(&page, None).unwrap();
        assert_eq!(got.meta.outlet.as_deref(), Some("tidewater.example"));
    }

    #[test]
    fn a_description_repeating_the_first_paragraph_is_not_a_standfirst() {
        let page = PAGE.replace(
            "Islanders cheer as the first boat in six weeks docks after storm repairs",
            "The first ferry in six weeks docked at Gullhaven on Tuesday morning, ending an isol...",
        );
        let got = extract(&page, None).unwrap();
        assert_eq!(got.text.split('\n').nth(1), Some(""), "{}", got.text);
    }

    #[test]
    fn the_outlet_suffix_leaves_the_title() {
        // Without og:title the headline comes from <title>, which carries the outlet.
        let page = PAGE.replace("og:title", "og:nothing");
        let got = extract(&page, None).unwrap();
        assert!(
            got.text.starts_with("Ferry service returns to Gullhaven\n"),
            "{}",
            got.text
        );
        assert_eq!(
            without_site_suffix("Pier reopens - Courier", Some("Courier")),
            "Pier reopens"
        );
        assert_eq!(without_site_suffix("Courier", Some("Courier")), "Courier");
    }

    #[test]
    fn a_site_name_that_is_an_address_becomes_its_host() {
        let page = PAGE.replace(
            "content=\"The Tidewater Courier\"",
            "content=\"http://www.tidewater.example\"",
        );
        let got = extract(&page, None).unwrap();
        assert_eq!(got.meta.outlet.as_deref(), Some("tidewater.example"));
    }

    #[test]
    fn a_page_without_text_is_an_error() {
        assert!(matches!(
            extract("<html><body><nav>Home</nav></body></html>", None),
            Err(Problem::NoArticle)
        ));
    }
}
