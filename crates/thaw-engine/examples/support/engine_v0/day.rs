//! What "today" and "this week" mean, in the person's local time.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Timelike};

/// The day turns over at 04:00 local time, not midnight: a step at 1 a.m. belongs to the evening
/// before, which is how a late, sleepless night feels.
pub const DAY_STARTS_AT_HOUR: u32 = 4;

/// The person's day for a moment in time.
pub fn day_of(at: DateTime<FixedOffset>) -> NaiveDate {
    let local = at.naive_local();
    let date = local.date();
    if local.hour() < DAY_STARTS_AT_HOUR {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    }
}

/// The local clock hour (0..=23), for readiness.
pub fn hour_of(at: DateTime<FixedOffset>) -> u8 {
    // hour() is always 0..=23, so the narrowing cannot lose anything.
    at.naive_local().hour() as u8
}

/// ISO week key as `year * 100 + week`, e.g. 202547: sortable and compact as a map key.
pub fn week_key(day: NaiveDate) -> i32 {
    let w = day.iso_week();
    w.year() * 100 + w.week() as i32
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

/// Seconds between two moments, floored at zero.
pub fn seconds_between(a: DateTime<FixedOffset>, b: DateTime<FixedOffset>) -> u32 {
    let s = (b - a).num_seconds().max(0);
    u32::try_from(s).unwrap_or(u32::MAX)
}

/// `Duration` of whole days, for window checks.
pub fn days(n: i64) -> Duration {
    Duration::days(n)
}
