//! A moment in UTC, written in notes files as RFC 3339 (`2025-03-14T09:26:53Z`) so people can read it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::time::SystemTime;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Seconds are enough for notes, and whole seconds keep the file tidy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(OffsetDateTime);

impl Timestamp {
    pub fn from_unix(seconds: i64) -> Timestamp {
        Timestamp(
            OffsetDateTime::from_unix_timestamp(seconds).unwrap_or(OffsetDateTime::UNIX_EPOCH),
        )
    }

    pub fn unix(self) -> i64 {
        self.0.unix_timestamp()
    }

    /// A compact form for file names: `20250314T092653Z`.
    pub fn compact(self) -> String {
        let t = self.0;
        format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute(),
            t.second()
        )
    }
}

impl From<SystemTime> for Timestamp {
    fn from(now: SystemTime) -> Timestamp {
        let t = OffsetDateTime::from(now);
        Timestamp(t.replace_nanosecond(0).unwrap_or(t))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.format(&Rfc3339) {
            Ok(s) => f.write_str(&s),
            Err(_) => write!(f, "@{}", self.unix()),
        }
    }
}

impl std::str::FromStr for Timestamp {
    type Err = String;
    fn from_str(s: &str) -> Result<Timestamp, String> {
        OffsetDateTime::parse(s.trim(), &Rfc3339)
            .map(|t| Timestamp(t.to_offset(time::UtcOffset::UTC)))
            .map_err(|e| format!("`{s}` is not an RFC 3339 time ({e})"))
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn round_trips_through_rfc3339() {
        let t = Timestamp::from(SystemTime::UNIX_EPOCH + Duration::from_secs(1_741_944_413));
        let text = t.to_string();
        assert_eq!(text, "2025-03-14T09:26:53Z");
        assert_eq!(text.parse::<Timestamp>().unwrap(), t);
        assert_eq!(t.compact(), "20250314T092653Z");
    }

    #[test]
    fn offsets_are_read_as_the_same_instant() {
        let a: Timestamp = "2025-03-14T10:26:53+01:00".parse().unwrap();
        assert_eq!(a.unix(), 1_741_944_413);
        assert!("yesterday".parse::<Timestamp>().is_err());
    }
}
