//! Turning "now" (passed in by the caller, with the person's local offset) into the stored
//! time columns: UTC text that sorts correctly, the offset in minutes, and the local date.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};

/// The stored parts of one moment.
pub(crate) struct Stamp {
    /// RFC 3339 UTC with milliseconds and `Z`: fixed width, so text order is time order.
    pub at: String,
    /// The local offset from UTC in minutes at that moment.
    pub offset_min: i32,
    /// The person's day as they lived it: Thaw's one "today" (`thaw_engine::day_of`, turning
    /// at 04:00, so a late night belongs to the evening before).
    pub local_date: NaiveDate,
}

impl Stamp {
    pub(crate) fn of(now: &DateTime<FixedOffset>) -> Self {
        Self {
            at: utc_text(now.with_timezone(&Utc)),
            offset_min: now.offset().local_minus_utc() / 60,
            local_date: thaw_engine::day_of(*now),
        }
    }
}

/// The stored text form of a UTC instant.
pub(crate) fn utc_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Validate an optional 0..=4 tap-scale answer.
pub(crate) fn scale(value: Option<u8>, field: &'static str) -> crate::Result<Option<u8>> {
    match value {
        Some(v) if v > 4 => Err(crate::StoreError::InvalidInput { field }),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_utc_offset_and_local_date() {
        let now = DateTime::parse_from_rfc3339("2025-03-01T00:30:00+02:00").unwrap();
        let s = Stamp::of(&now);
        assert_eq!(s.at, "2025-02-28T22:30:00.000Z");
        assert_eq!(s.offset_min, 120);
        // 00:30 is still the evening before: the day turns at 04:00.
        assert_eq!(s.local_date.to_string(), "2025-02-28");
        let morning = DateTime::parse_from_rfc3339("2025-03-01T09:00:00+02:00").unwrap();
        assert_eq!(Stamp::of(&morning).local_date.to_string(), "2025-03-01");
    }
}
