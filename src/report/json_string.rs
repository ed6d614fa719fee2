//! JSON string literals, written fast: the text of both articles goes out about twice in a
//! report, and serde_json's byte-at-a-time escaping was the largest single cost of writing one.
//! The output is byte for byte what serde_json writes (a test checks it).

/// Append `s` to `out` as a JSON string literal, quotes included.
pub fn write(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Bytes before `copied` are in `out`; escaping the byte at `j` flushes the run before it.
    let mut copied = 0;
    let mut escape_within = |out: &mut Vec<u8>, range: std::ops::Range<usize>| {
        for j in range {
            if let Some(escape) = escape(bytes[j]) {
                out.extend_from_slice(&bytes[copied..j]);
                push_escape(out, bytes[j], escape);
                copied = j + 1;
            }
        }
    };
    let mut i = 0;
    // Eight bytes at a time: most text needs no escape at all, and a word-sized test says so
    // for eight bytes at once. Only a word that holds a special byte is looked at bytewise.
    while i + 8 <= bytes.len() {
        let chunk: [u8; 8] = bytes[i..i + 8].try_into().expect("eight bytes");
        if needs_escape(u64::from_le_bytes(chunk)) {
            escape_within(out, i..i + 8);
        }
        i += 8;
    }
    // The last few bytes: the eight that end the string, some of them already checked, say
    // whether any of them needs looking at one by one.
    let tail_is_plain = bytes.len() >= 8 && {
        let last: [u8; 8] = bytes[bytes.len() - 8..].try_into().expect("eight bytes");
        !needs_escape(u64::from_le_bytes(last))
    };
    if !tail_is_plain {
        escape_within(out, i..bytes.len());
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any byte of `w` is below 0x20, a quote or a backslash. The classic bit tricks
/// ("has a zero byte", "has a byte less than n") are exact about whether such a byte exists.
fn needs_escape(w: u64) -> bool {
    let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0;
    control || has_zero(w ^ (ONES * u64::from(b'"'))) || has_zero(w ^ (ONES * u64::from(b'\\')))
}

/// How serde_json escapes byte `b`: its short form, `u` for `\u00XX`, or nothing.
fn escape(b: u8) -> Option<u8> {
    match b {
        b'"' => Some(b'"'),
        b'\\' => Some(b'\\'),
        0x08 => Some(b'b'),
        0x0C => Some(b'f'),
        b'\n' => Some(b'n'),
        b'\r' => Some(b'r'),
        b'\t' => Some(b't'),
        0x00..=0x1F => Some(b'u'),
        _ => None,
    }
}

fn push_escape(out: &mut Vec<u8>, b: u8, escape: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'\\');
    out.push(escape);
    if escape == b'u' {
        out.extend_from_slice(&[
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        super::write(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_like_serde_json() {
        for s in [
            "",
            "plain",
            "a \"quote\" and \\ back",
            "tab\there\nline\r\u{1}\u{1f}\u{7f}",
            "“curly” — é",
        ] {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json(s in "[ -~\\x00-\\x1f\\\\\"é“—]{0,40}") {
            prop_assert_eq!(ours(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
