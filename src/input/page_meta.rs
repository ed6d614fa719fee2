//! What a page says about itself in its `<head>` that readability crates do not return:
//! the canonical address and the description used as a standfirst.

use dom_query::Document;
use url::Url;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// `<link rel=canonical>`, else `og:url`, made absolute against the page's own address.
    pub canonical: Option<Url>,
    /// `og:description`, `description` or `twitter:description`.
    pub description: Option<String>,
}

impl PageMeta {
    pub fn read(doc: &Document, page_url: Option<&Url>) -> PageMeta {
        let canonical = first_attr(doc, "link[rel~=canonical]", "href")
            .or_else(|| meta_content(doc, &["og:url"]))
            .and_then(|href| absolute(&href, page_url));
        let description = meta_content(
            doc,
            &["og:description", "description", "twitter:description"],
        )
        .map(|d| collapse_whitespace(&decode_entities(&d)))
        .filter(|d| !d.is_empty());
        PageMeta {
            canonical,
            description,
        }
    }
}

fn first_attr(doc: &Document, selector: &str, attr: &str) -> Option<String> {
    doc.select(selector)
        .nodes()
        .iter()
        .find_map(|n| n.attr(attr))
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The first of `keys` found as a `<meta property=…>` or `<meta name=…>`, in key order.
fn meta_content(doc: &Document, keys: &[&str]) -> Option<String> {
    let metas = doc.select("meta[content]");
    keys.iter().find_map(|key| {
        metas.nodes().iter().find_map(|m| {
            let named = ["property", "name"].iter().any(|a| {
                m.attr(a)
                    .is_some_and(|v| v.trim().eq_ignore_ascii_case(key))
            });
            named
                .then(|| m.attr("content"))
                .flatten()
                .map(|c| c.to_string())
        })
    })
}

fn absolute(href: &str, base: Option<&Url>) -> Option<Url> {
    match base {
        Some(base) => base.join(href).ok(),
        None => Url::parse(href).ok(),
    }
    .filter(|u| matches!(u.scheme(), "http" | "https"))
}

/// Many pages escape their descriptions twice (`&amp;quot;`); the parser undoes one level.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    Document::from(format!("<p>{}</p>", s.replace('<', "&lt;")).as_str())
        .select("p")
        .text()
        .to_string()
}

pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The host a reader would call the site by: `www.example.org` is "example.org".
pub fn host_name(url: &Url) -> Option<String> {
    let host = url.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_and_description_are_found_and_made_absolute() {
        let doc = Document::from(
            "<html><head><link rel=\"canonical\" href=\"/news/harbour\">\
             <meta name=\"description\" content=\"  Plain summary \">\
             <meta property=\"og:description\" content=\"The ferry is back.\"></head></html>",
        );
        let base = Url::parse("https://www.tidewater.example/x?y").unwrap();
        let meta = PageMeta::read(&doc, Some(&base));
        assert_eq!(
            meta.canonical.unwrap().as_str(),
            "https://www.tidewater.example/news/harbour"
        );
        assert_eq!(meta.description.as_deref(), Some("The ferry is back."));
    }

    #[test]
    fn a_relative_canonical_without_a_base_is_unknown() {
        let doc =
            Document::from("<link rel=canonical href=\"/a\"><meta property=og:url content=\"/b\">");
        assert_eq!(PageMeta::read(&doc, None).canonical, None);
    }

    #[test]
    fn doubly_escaped_descriptions_are_unescaped() {
        let doc = Document::from(
            "<meta name=description content=\"The &amp;quot;Blue House&amp;quot;&amp;nbsp;compound\">",
        );
        assert_eq!(
            PageMeta::read(&doc, None).description.as_deref(),
            Some("The \"Blue House\" compound")
        );
    }

    #[test]
    fn host_drops_www() {
        let url = Url::parse("https://www.tidewater.example/a").unwrap();
        assert_eq!(host_name(&url).as_deref(), Some("tidewater.example"));
    }
}
