//! Forgiving progress: what was taken, inside and outside, per value, over weeks. Never a streak.
//!
//! * Moves per ISO week, split inside (internal shifts, internal rungs) and outside.
//!   "Started" counts as a move: partial counts.
//! * Per-value strength: s ← s·m + v·(1−m) once per day, m = 0.5^(1/14) (half-life 14 days),
//!   v = 1 on a day with a move for that value, else 0. How days count:
//!   - a day with any move: every known value is updated (moved ones rise, others ease down);
//!   - a *rest day* — no move, and the person said "Not now", chose rest, or checked in with little
//!     energy or room — freezes every strength: rest is not held against anyone;
//!   - any other day without a move (including days the app was not opened) eases down gently.
//! * Early markers per ISO week: median seconds from offer to start (the reply time stands for the
//!   start), mean dread before and satisfaction after; and recoveries: each time a move follows a
//!   gap of at least 3 quiet days, how many days it lasted.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::day::{days_between, week_key};
use super::params::{GAP_MIN_DAYS, START_SAMPLES_PER_WEEK, STRENGTH_HALF_LIFE_DAYS};

/// Daily EMA factor m = 0.5^(1/14).
pub fn strength_factor() -> f64 {
    0.5_f64.powf(1.0 / STRENGTH_HALF_LIFE_DAYS)
}

/// What one day amounted to, for the strength measure.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DayFacts {
    /// Values moved towards today.
    pub moved_values: BTreeSet<i64>,
    /// Any move today, with or without a value.
    pub moved: bool,
    /// Not now, chosen rest, or a low check-in.
    pub rest_signal: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct WeekStats {
    inside: u32,
    outside: u32,
    by_value: BTreeMap<i64, u32>,
    start_seconds: Vec<u32>,
    dread_sum: u32,
    dread_n: u32,
    satisfaction_sum: u32,
    satisfaction_n: u32,
}

/// The progress state (serialised inside [`super::Model`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    weeks: BTreeMap<i32, WeekStats>,
    strengths: BTreeMap<i64, f64>,
    last_move_day: Option<NaiveDate>,
    recoveries: Vec<Recovery>,
}

/// Moves in one ISO week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct WeekMoves {
    pub iso_year: i32,
    pub iso_week: u32,
    pub inside: u32,
    pub outside: u32,
    /// Moves per value this week (internal shifts without a value are not listed here).
    pub by_value: Vec<ValueMoves>,
    /// Median seconds from an offer to its start, if anything was started.
    pub median_seconds_to_start: Option<u32>,
    /// Mean dread before (0..=4), when recorded.
    pub mean_dread_before: Option<f64>,
    /// Mean satisfaction after (0..=4), when recorded.
    pub mean_satisfaction_after: Option<f64>,
}

/// Moves towards one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ValueMoves {
    pub value_id: i64,
    pub moves: u32,
}

/// A value's forgiving strength, 0..1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ValueStrength {
    pub value_id: i64,
    pub strength: f64,
}

/// Coming back after a quiet stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Recovery {
    /// The day of the first move after the gap.
    pub back_on: NaiveDate,
    /// Quiet days in between.
    pub quiet_days: u32,
}

/// Everything the progress screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgressReport {
    /// Oldest week first; only weeks with something in them.
    pub weeks: Vec<WeekMoves>,
    /// By value id.
    pub strengths: Vec<ValueStrength>,
    /// Oldest first.
    pub recoveries: Vec<Recovery>,
}

fn median(samples: &[u32]) -> Option<u32> {
    if samples.is_empty() {
        return None;
    }
    let mut s = samples.to_vec();
    s.sort_unstable();
    let mid = s.len() / 2;
    Some(if s.len() % 2 == 1 {
        s[mid]
    } else {
        // Average of the two middle samples, rounded down; u64 avoids overflow.
        ((u64::from(s[mid - 1]) + u64::from(s[mid])) / 2) as u32
    })
}

fn mean(sum: u32, n: u32) -> Option<f64> {
    (n > 0).then(|| f64::from(sum) / f64::from(n))
}

impl Progress {
    fn week(&mut self, day: NaiveDate) -> &mut WeekStats {
        self.weeks.entry(week_key(day)).or_default()
    }

    /// A move happened on `day`.
    pub fn record_move(&mut self, day: NaiveDate, value_id: Option<i64>, inside: bool) {
        let w = self.week(day);
        if inside {
            w.inside += 1;
        } else {
            w.outside += 1;
        }
        if let Some(v) = value_id {
            *w.by_value.entry(v).or_insert(0) += 1;
            self.strengths.entry(v).or_insert(0.0);
        }
        if let Some(last) = self.last_move_day {
            let quiet = days_between(last, day) - 1;
            if quiet >= GAP_MIN_DAYS {
                self.recoveries.push(Recovery {
                    back_on: day,
                    quiet_days: u32::try_from(quiet).unwrap_or(u32::MAX),
                });
            }
        }
        if self.last_move_day.is_none_or(|last| day > last) {
            self.last_move_day = Some(day);
        }
    }

    /// Seconds from an offer to its start.
    pub fn record_start(&mut self, day: NaiveDate, seconds: u32) {
        let w = self.week(day);
        if w.start_seconds.len() < START_SAMPLES_PER_WEEK {
            w.start_seconds.push(seconds);
        }
    }

    /// Dread before and satisfaction after, each 0..=4 (higher values are read as 4).
    pub fn record_feelings(&mut self, day: NaiveDate, dread: Option<u8>, satisfaction: Option<u8>) {
        let w = self.week(day);
        if let Some(d) = dread {
            w.dread_sum += u32::from(d.min(4));
            w.dread_n += 1;
        }
        if let Some(s) = satisfaction {
            w.satisfaction_sum += u32::from(s.min(4));
            w.satisfaction_n += 1;
        }
    }

    /// Close one day into the strengths (see the module docs for how days count).
    pub fn close_day(&mut self, facts: &DayFacts) {
        apply_day(&mut self.strengths, facts);
    }

    /// Days with no events at all: strengths ease down gently.
    pub fn pass_quiet_days(&mut self, days: i64) {
        if days > 0 {
            let f = strength_factor().powf(days as f64);
            for s in self.strengths.values_mut() {
                *s *= f;
            }
        }
    }

    /// The report, with today's facts so far counted in (today is not closed yet: a day without
    /// moves so far does not ease anything down until it is over).
    pub fn report(&self, today: Option<&DayFacts>, quiet_days_before_today: i64) -> ProgressReport {
        let mut strengths = self.strengths.clone();
        let f = strength_factor().powf(quiet_days_before_today.max(0) as f64);
        for s in strengths.values_mut() {
            *s *= f;
        }
        if let Some(facts) = today.filter(|f| f.moved) {
            for v in &facts.moved_values {
                strengths.entry(*v).or_insert(0.0);
            }
            apply_day(&mut strengths, facts);
        }
        ProgressReport {
            weeks: self
                .weeks
                .iter()
                .map(|(key, w)| WeekMoves {
                    iso_year: key / 100,
                    iso_week: (key % 100).unsigned_abs(),
                    inside: w.inside,
                    outside: w.outside,
                    by_value: w
                        .by_value
                        .iter()
                        .map(|(v, n)| ValueMoves {
                            value_id: *v,
                            moves: *n,
                        })
                        .collect(),
                    median_seconds_to_start: median(&w.start_seconds),
                    mean_dread_before: mean(w.dread_sum, w.dread_n),
                    mean_satisfaction_after: mean(w.satisfaction_sum, w.satisfaction_n),
                })
                .collect(),
            strengths: strengths
                .into_iter()
                .map(|(value_id, strength)| ValueStrength { value_id, strength })
                .collect(),
            recoveries: self.recoveries.clone(),
        }
    }
}

fn apply_day(strengths: &mut BTreeMap<i64, f64>, facts: &DayFacts) {
    if !facts.moved && facts.rest_signal {
        return; // a rest day: frozen, not lowered
    }
    let m = strength_factor();
    for (value, s) in strengths.iter_mut() {
        let v = if facts.moved_values.contains(value) {
            1.0
        } else {
            0.0
        };
        *s = *s * m + v * (1.0 - m);
    }
}
