//! Raw bytes from a file or stdin, refusing what cannot be an article before decoding it.

use super::error::Problem;
use std::io::{self, Read};
use std::path::Path;

/// Reads a file of at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, Problem> {
    let meta = std::fs::metadata(path).map_err(io_problem)?;
    if meta.is_dir() {
        return Err(Problem::IsDirectory);
    }
    if meta.len() > limit {
        return Err(Problem::TooLarge { limit });
    }
    let file = std::fs::File::open(path).map_err(io_problem)?;
    // The size can change between the check and the read (a growing log, a FIFO), so the
    // limit is checked again; the size known now saves growing the buffer step by step. It is
    // only a hint (a sparse file can claim more than it holds), so the reservation is capped.
    const MAX_RESERVE: u64 = 64 << 20;
    let reserve = usize::try_from(meta.len().min(MAX_RESERVE)).unwrap_or(0);
    read_into(Vec::with_capacity(reserve.saturating_add(1)), file, limit)
}

/// Reads a stream to its end, or fails once it passes `limit` bytes.
pub fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, Problem> {
    read_into(Vec::new(), reader, limit)
}

fn read_into(mut bytes: Vec<u8>, reader: impl Read, limit: u64) -> Result<Vec<u8>, Problem> {
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io_problem)?;
    if bytes.len() as u64 > limit {
        return Err(Problem::TooLarge { limit });
    }
    Ok(bytes)
}

fn io_problem(e: io::Error) -> Problem {
    match e.kind() {
        io::ErrorKind::NotFound => Problem::NotFound,
        io::ErrorKind::IsADirectory => Problem::IsDirectory,
        _ => Problem::Unreadable(e.to_string()),
    }
}

/// NUL bytes never occur in text, except in UTF-16, which announces itself with a BOM.
pub fn reject_binary(bytes: &[u8]) -> Result<(), Problem> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && memchr::memchr(0, bytes).is_some() {
        return Err(Problem::Binary);
    }
    Ok(())
}

/// An article with no words is a mistake the user should hear about, not an empty report.
pub fn reject_blank(no_bytes: bool, text: &str) -> Result<(), Problem> {
    if no_bytes {
        Err(Problem::Empty)
    } else if text.trim().is_empty() {
        Err(Problem::WhitespaceOnly)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_and_directories_are_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read_file(&dir.path().join("nope.txt"), 100),
            Err(Problem::NotFound)
        ));
        assert!(matches!(
            read_file(dir.path(), 100),
            Err(Problem::IsDirectory)
        ));
    }

    #[test]
    fn files_and_streams_over_the_limit_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "x".repeat(11)).unwrap();
        assert!(matches!(
            read_file(&path, 10),
            Err(Problem::TooLarge { limit: 10 })
        ));
        assert_eq!(read_file(&path, 11).unwrap().len(), 11);
        assert!(matches!(
            read_limited(&b"12345"[..], 4),
            Err(Problem::TooLarge { limit: 4 })
        ));
    }

    #[test]
    fn nul_bytes_mean_binary_unless_utf16() {
        assert!(matches!(
            reject_binary(b"PK\x03\x04\x00\x00"),
            Err(Problem::Binary)
        ));
        assert!(reject_binary(b"\xFF\xFEa\x00").is_ok());
        assert!(reject_binary(b"plain words").is_ok());
    }

    #[test]
    fn empty_and_whitespace_only_are_told_apart() {
        assert!(matches!(reject_blank(true, ""), Err(Problem::Empty)));
        assert!(matches!(
            reject_blank(false, " \n\t"),
            Err(Problem::WhitespaceOnly)
        ));
        assert!(reject_blank(false, "a").is_ok());
    }
}
