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
    // Sixteen bytes at a time: most text needs no escape at all, and the test below compiles
    // to a few vector instructions (SSE2 on x86-64) that say so for sixteen bytes at once.
    // Only a block that holds a special byte is looked at bytewise.
    while i + BLOCK <= bytes.len() {
        let block: &[u8; BLOCK] = bytes[i..i + BLOCK].try_into().expect("a block");
        if needs_escape(block) {
            escape_within(out, i..i + BLOCK);
        }
        i += BLOCK;
    }
    // The last few bytes: the block that ends the string, some of it already checked, says
    // whether any of them needs looking at one by one.
    let tail_is_plain = bytes.len() >= BLOCK && {
        let last: &[u8; BLOCK] = bytes[bytes.len() - BLOCK..].try_into().expect("a block");
        !needs_escape(last)
    };
    if !tail_is_plain {
        escape_within(out, i..bytes.len());
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

const BLOCK: usize = 16;

/// Whether any byte of `block` is below 0x20, a quote or a backslash. Written as a fold over a
/// fixed-size array, with `|` rather than `||`, so that it has no branches and vectorises.
fn needs_escape(block: &[u8; BLOCK]) -> bool {
    block.iter().fold(false, |any, &b| {
        any | (b < 0x20) | (b == b'"') | (b == b'\\')
    })
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
