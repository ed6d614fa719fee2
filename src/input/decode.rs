//! Bytes to text: which character encoding, and a notice when parallax had to guess.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Decoded text, with a sentence for the user when the encoding was a guess or the bytes
/// were damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub notice: Option<String>,
}

/// Plain text: a BOM wins; otherwise UTF-8 if the bytes are valid UTF-8, else Windows-1252,
/// which maps every byte and is what unlabelled non-UTF-8 text from the web almost always is.
/// Valid UTF-8 becomes the text without a copy.
pub fn decode_text(bytes: Vec<u8>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(&bytes) {
        return decode_declared(&bytes[bom_len..], encoding, "its byte-order mark");
    }
    decode_utf8_or_fallback(bytes)
}

/// An HTML page, in the order browsers use: BOM, then the HTTP `charset`, then
/// `<meta charset>` or `<meta http-equiv="Content-Type">`, then UTF-8 if valid, else
/// Windows-1252. (`ISO-8859-1` labels map to Windows-1252, as they do in every browser.)
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_declared(&bytes[bom_len..], encoding, "its byte-order mark");
    }
    if let Some(encoding) = http_charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
        return decode_declared(bytes, ascii_compatible(encoding), "the HTTP header");
    }
    if let Some(encoding) = meta_charset(bytes) {
        return decode_declared(
            bytes,
            ascii_compatible(encoding),
            "the page's <meta> charset",
        );
    }
    decode_utf8_or_fallback(bytes.to_vec())
}

/// A page cannot declare UTF-16 in its own ASCII markup and mean it; browsers read such
/// a declaration as UTF-8 (HTML standard, "prescan a byte stream").
fn ascii_compatible(encoding: &'static Encoding) -> &'static Encoding {
    if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    }
}

fn decode_declared(bytes: &[u8], encoding: &'static Encoding, by: &str) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        notice: had_errors.then(|| {
            format!(
                "some bytes are not valid {} (declared by {by}) and were replaced with \u{FFFD}",
                encoding.name()
            )
        }),
    }
}

fn decode_utf8_or_fallback(bytes: Vec<u8>) -> Decoded {
    // `String::from_utf8` keeps the bytes it was given, so valid text is never copied.
    match String::from_utf8(bytes) {
        Ok(text) => Decoded {
            text,
            encoding: UTF_8.name(),
            notice: None,
        },
        Err(e) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
            Decoded {
                text: text.into_owned(),
                encoding: WINDOWS_1252.name(),
                notice: Some("not valid UTF-8; read as Windows-1252".to_owned()),
            }
        }
    }
}

/// The encoding a page declares in `<meta>` within its first few kilobytes.
///
/// The prefix is read as Windows-1252 (which maps every byte and agrees with ASCII, the
/// only bytes markup uses) and handed to a real HTML parser, rather than hand-scanning tags.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    // Browsers look in the first 1024 bytes; saved pages often put long comments and
    // scripts first, so look a little further.
    const PRESCAN: usize = 8 * 1024;
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let (head, _) = WINDOWS_1252.decode_without_bom_handling(head);
    let doc = dom_query::Document::from(head.as_ref());
    for meta in doc.select("meta").nodes() {
        let declared = meta.attr("charset").map(|c| c.to_string()).or_else(|| {
            let equiv = meta.attr("http-equiv")?;
            equiv
                .trim()
                .eq_ignore_ascii_case("content-type")
                .then(|| meta.attr("content").and_then(|c| charset_param(&c)))
                .flatten()
        });
        if let Some(e) = declared.and_then(|c| Encoding::for_label(c.trim().as_bytes())) {
            return Some(e);
        }
    }
    None
}

/// The `charset` parameter of a media type such as `text/html; charset="ISO-8859-1"`.
pub fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode_text("Caf\u{e9} r\u{e9}sum\u{e9}".as_bytes().to_vec());
        assert_eq!(plain.text, "Caf\u{e9} r\u{e9}sum\u{e9}");
        assert_eq!(plain.notice, None);
        let bom = decode_text(b"\xEF\xBB\xBFCaf\xC3\xA9".to_vec());
        assert_eq!(bom.text, "Caf\u{e9}");
        assert_eq!(bom.notice, None);
    }

    #[test]
    fn utf16_boms_both_ways() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Qu\u{e9}bec".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Qu\u{e9}bec".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(le.clone()).text, "Qu\u{e9}bec");
        assert_eq!(decode_text(be.clone()).text, "Qu\u{e9}bec");
        assert_eq!(decode_text(be.clone()).encoding, "UTF-16BE");
    }

    #[test]
    fn invalid_utf8_falls_back_to_windows_1252_with_a_notice() {
        let d = decode_text(b"\x93Quoted\x94 \x96 caf\xe9".to_vec());
        assert_eq!(d.text, "\u{201c}Quoted\u{201d} \u{2013} caf\u{e9}");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notice.unwrap().contains("Windows-1252"));
    }

    proptest::proptest! {
        /// Long runs of text with now and then a stray byte: valid UTF-8 is taken as it is,
        /// anything else falls back, as the standard library's check would decide.
        #[test]
        fn utf8_is_recognised_as_the_standard_library_recognises_it(
            pieces in proptest::collection::vec(
                (
                    "[a-z \u{e9}\u{201c}\u{201d}\u{2014}]{0,90}",
                    proptest::option::weighted(0.05, proptest::num::u8::ANY),
                ),
                0..12,
            ),
        ) {
            let mut bytes = Vec::new();
            for (text, stray) in &pieces {
                bytes.extend_from_slice(text.as_bytes());
                bytes.extend(stray);
            }
            // A byte-order mark decides the encoding before any check (tested above).
            proptest::prop_assume!(Encoding::for_bom(&bytes).is_none());
            let decoded = decode_text(bytes.clone());
            match std::str::from_utf8(&bytes) {
                Ok(text) => {
                    proptest::prop_assert_eq!(decoded.text.as_str(), text);
                    proptest::prop_assert_eq!(decoded.encoding, "UTF-8");
                    proptest::prop_assert_eq!(decoded.notice, None);
                }
                Err(_) => {
                    proptest::prop_assert_eq!(decoded.encoding, "windows-1252");
                    proptest::prop_assert!(decoded.notice.is_some());
                }
            }
        }
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>na\xefve</body></html>";
        let d = decode_html(page, None);
        assert!(d.text.contains("na\u{ef}ve"));
        assert_eq!(d.notice, None, "a declared encoding is not a guess");
    }

    #[test]
    fn html_http_equiv_is_honoured() {
        let page = b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1252\">\
                     </head><body>\x93Hi\x94</body></html>";
        assert!(decode_html(page, None).text.contains("\u{201c}Hi\u{201d}"));
    }

    #[test]
    fn http_header_beats_meta_and_bom_beats_both() {
        let page = b"<meta charset=\"utf-8\"><p>\xe9t\xe9</p>";
        assert!(
            decode_html(page, Some("ISO-8859-1"))
                .text
                .contains("\u{e9}t\u{e9}")
        );
        let bom = b"\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>\xC3\xA9</p>";
        assert!(
            decode_html(bom, Some("iso-8859-1"))
                .text
                .contains("<p>\u{e9}</p>")
        );
    }

    #[test]
    fn a_meta_claiming_utf16_is_read_as_utf8() {
        let page = "<meta charset=\"utf-16\"><p>\u{e9}</p>".as_bytes();
        assert!(decode_html(page, None).text.contains("<p>\u{e9}</p>"));
    }

    #[test]
    fn damaged_bytes_under_a_declared_encoding_are_reported() {
        let d = decode_html(b"<meta charset=utf-8><p>\xff</p>", None);
        assert!(d.text.contains('\u{FFFD}'));
        assert!(d.notice.unwrap().contains("UTF-8"));
    }

    #[test]
    fn charset_parameter_is_found_in_quotes_and_any_case() {
        assert_eq!(
            charset_param("text/html; CharSet=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(charset_param("text/html"), None);
    }
}
