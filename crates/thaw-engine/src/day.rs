//! Thaw's one meaning of "today" and "this week", in the person's local time.
//!
//! The day turns at 04:00, not at midnight: a step seen at 01:30 belongs to the evening before,
//! which is how a late, sleepless night feels. Every part of Thaw that says "today" (offers,
//! the budget, check-ins, progress weeks, prompts, questionnaire cadence, store queries) uses
//! [`day_of`], so a step seen at 01:30 and answered at 09:00 is answered on the next day, and a
//! check-in at 01:30 belongs to the evening before.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Timelike};

/// The local hour at which one day turns into the next.
pub const DAY_STARTS_AT_HOUR: u32 = 4;

/// The person's day for a moment in time: the local date, except that before 04:00 it is
/// still the day before.
///
/// ```
/// use chrono::DateTime;
/// use thaw_engine::day_of;
///
/// let late = DateTime::parse_from_rfc3339("2026-03-03T01:30:00+01:00").unwrap();
/// let morning = DateTime::parse_from_rfc3339("2026-03-03T09:00:00+01:00").unwrap();
/// assert_eq!(day_of(late).to_string(), "2026-03-02");
/// assert_eq!(day_of(morning).to_string(), "2026-03-03");
/// ```
pub fn day_of(at: DateTime<FixedOffset>) -> NaiveDate {
    let local = at.naive_local();
    let date = local.date();
    if local.hour() < DAY_STARTS_AT_HOUR {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    }
}

/// The moment `day` begins (04:00 local time at `offset`); it ends where the next one begins.
/// For queries over a time range: `day_start(d, o) <= at < day_start(d + 1, o)` exactly when
/// `day_of(at) == d` (at that offset).
pub fn day_start(day: NaiveDate, offset: FixedOffset) -> DateTime<FixedOffset> {
    let local = day.and_time(NaiveTime::MIN) + Duration::hours(i64::from(DAY_STARTS_AT_HOUR));
    // A fixed offset has no gaps or folds, so the local time always maps to one instant.
    DateTime::from_naive_utc_and_offset(local - offset, offset)
}

/// The Monday of the week `day` is in (weeks run Monday to Sunday, as ISO weeks do).
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The local clock hour (0..=23), for readiness.
pub(crate) fn hour_of(at: DateTime<FixedOffset>) -> u8 {
    // hour() is always 0..=23, so the narrowing cannot lose anything.
    at.naive_local().hour() as u8
}

/// ISO week key as `year * 100 + week`, e.g. 202547: sortable and compact as a map key.
pub(crate) fn week_key(day: NaiveDate) -> i32 {
    let w = day.iso_week();
    w.year() * 100 + w.week() as i32
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub(crate) fn days_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (b - a).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("valid time")
    }

    #[test]
    fn the_day_turns_at_four() {
        let d = |s| day_of(at(s)).to_string();
        assert_eq!(d("2026-03-03T03:59:59-05:00"), "2026-03-02");
        assert_eq!(d("2026-03-03T04:00:00-05:00"), "2026-03-03");
        assert_eq!(d("2026-03-03T00:00:00+09:00"), "2026-03-02");
        // The first of a month at 01:00 belongs to the last day of the month before.
        assert_eq!(d("2026-03-01T01:00:00+00:00"), "2026-02-28");
    }

    #[test]
    fn day_start_bounds_exactly_the_moments_of_that_day() {
        let offset = FixedOffset::east_opt(-5 * 3600).expect("valid offset");
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date");
        let start = day_start(day, offset);
        assert_eq!(start, at("2026-03-02T04:00:00-05:00"));
        assert_eq!(day_of(start), day);
        assert_eq!(
            day_of(start - Duration::seconds(1)),
            day.pred_opt().unwrap()
        );
        let end = day_start(day.succ_opt().unwrap(), offset);
        assert_eq!(day_of(end - Duration::seconds(1)), day);
    }

    #[test]
    fn weeks_start_on_monday() {
        let sunday = NaiveDate::from_ymd_opt(2026, 3, 8).expect("valid date");
        assert_eq!(week_start(sunday).to_string(), "2026-03-02");
        assert_eq!(week_start(week_start(sunday)), week_start(sunday));
    }
}
