//! When the next gentle prompt is due: a pure decision over values passed in.
//!
//! No IO, no clock, no randomness: `now` is an argument, and the same inputs always give the same
//! answer. "Today" is Thaw's one meaning of it, [`thaw_engine::day_of`]: the day turns at 04:00,
//! so a prompt at 01:00 belongs to the evening before. "Today" and "an hour" are local to `now`'s
//! fixed offset; times in the log are read in that same offset.
//!
//! # The rules, in the order they are checked
//!
//! 1. `prompts_per_day == 0` means prompts are off ([`NoPromptReason::Off`]).
//! 2. Only hours that are inside the allowed window and outside the quiet window can hold a prompt;
//!    when there are none at all, [`NoPromptReason::NoAllowedHours`].
//! 3. A "Not now" to any prompt today means no more prompts for the rest of the day
//!    ([`NoPromptReason::NotNowToday`]). Not now is a real answer, and it is heard at once.
//! 4. While today's energy budget is spent there are no prompts ([`NoPromptReason::BudgetSpent`]):
//!    rest counts.
//! 5. Never more than the day's maximum ([`NoPromptReason::DailyMaxReached`]). The maximum is the
//!    person's `prompts_per_day` (at most [`MAX_PROMPTS_PER_DAY`]), made smaller by ignored
//!    prompts: every [`IGNORED_PER_ONE_FEWER`] ignored prompts in the last
//!    [`IGNORED_LOOKBACK_DAYS`] days (today included) take one prompt off the day's maximum,
//!    never below one. When prompts go unanswered, Thaw asks less.
//! 6. A prompt comes at least [`MIN_GAP_MINUTES`] after the previous one (on any day), plus
//!    [`EXTRA_GAP_PER_IGNORED_TODAY_MINUTES`] for each prompt ignored today, and at least
//!    [`AFTER_ACTIVITY_MINUTES`] after the person last used the app (a prompt is for when Thaw is
//!    not already in their hands).
//! 7. Among the eligible hours still ahead today (the current hour included; the day's hours run
//!    from 04:00 to 03:59 the next morning) where a prompt can
//!    still land after the gaps above, the one with the highest readiness wins; ties go to the
//!    earliest hour. The prompt is due at the start of that hour, or at the earliest moment the
//!    gaps allow, and never before `now`. When no hour is left today,
//!    [`NoPromptReason::NoTimeLeftToday`].
//!
//! Windows are whole local hours, so a prompt never falls in a quiet hour and always falls in an
//! allowed one.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeDelta, Timelike};
use serde::{Deserialize, Serialize};
use thaw_engine::{day_of, day_start};
use ts_rs::TS;

/// The daily maximum when the person has not chosen one: small, on purpose.
pub const DEFAULT_PROMPTS_PER_DAY: u8 = 2;
/// No setting gives more prompts than this in a day.
pub const MAX_PROMPTS_PER_DAY: u8 = 6;
/// The least time between two prompts.
pub const MIN_GAP_MINUTES: i64 = 180;
/// Each prompt ignored today widens the gap to the next one by this much.
pub const EXTRA_GAP_PER_IGNORED_TODAY_MINUTES: i64 = 60;
/// No prompt within this long after the person last used the app.
pub const AFTER_ACTIVITY_MINUTES: i64 = 60;
/// How many local days (today included) of ignored prompts lower today's maximum.
pub const IGNORED_LOOKBACK_DAYS: u64 = 7;
/// This many ignored prompts in the look-back take one prompt off the day's maximum.
pub const IGNORED_PER_ONE_FEWER: usize = 2;

/// A window of whole local hours, `from` (0..=23) included, `until` (0..=24) not included.
///
/// When `from > until` the window wraps past midnight (22 until 7 is 22:00–06:59). When
/// `from == until` it is empty. 0 until 24 is the whole day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "HourWindowParts")]
pub struct HourWindow {
    from: u8,
    until: u8,
}

#[derive(Deserialize)]
struct HourWindowParts {
    from: u8,
    until: u8,
}

impl TryFrom<HourWindowParts> for HourWindow {
    type Error = SettingsError;
    fn try_from(p: HourWindowParts) -> Result<Self, Self::Error> {
        HourWindow::new(p.from, p.until)
    }
}

/// A setting that cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// An hour window with `from` above 23 or `until` above 24.
    #[error("Hours go from 0 to 23, and until at most 24.")]
    HourOutOfRange,
}

impl HourWindow {
    /// A window from `from` (0..=23) until `until` (0..=24, not included).
    pub fn new(from: u8, until: u8) -> Result<Self, SettingsError> {
        if from > 23 || until > 24 {
            return Err(SettingsError::HourOutOfRange);
        }
        Ok(HourWindow { from, until })
    }

    /// No hours at all.
    pub const EMPTY: HourWindow = HourWindow { from: 0, until: 0 };
    /// Every hour of the day.
    pub const ALL_DAY: HourWindow = HourWindow { from: 0, until: 24 };

    /// The first hour in the window.
    pub fn from(&self) -> u8 {
        self.from
    }

    /// The hour the window ends at (not included).
    pub fn until(&self) -> u8 {
        self.until
    }

    /// Whether the local hour `hour` (0..=23) is inside.
    pub fn contains(&self, hour: u8) -> bool {
        if hour > 23 {
            return false;
        }
        match self.from.cmp(&self.until) {
            std::cmp::Ordering::Equal => false,
            std::cmp::Ordering::Less => self.from <= hour && hour < self.until,
            std::cmp::Ordering::Greater => hour >= self.from || hour < self.until,
        }
    }

    /// Whether no hour is inside.
    pub fn is_empty(&self) -> bool {
        (0..24).all(|h| !self.contains(h))
    }
}

/// What the person chose about prompts. Nothing here is personal beyond hours and a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PromptSettings {
    /// Prompts may come only in these hours.
    pub allowed: HourWindow,
    /// Never a prompt in these hours, even when they are allowed (may wrap past midnight).
    pub quiet: HourWindow,
    /// At most this many prompts a day (0 turns prompts off; above
    /// [`MAX_PROMPTS_PER_DAY`] counts as that).
    pub prompts_per_day: u8,
}

impl Default for PromptSettings {
    /// 9:00 until 21:00, quiet from 22:00 until 7:00, at most two a day.
    fn default() -> Self {
        PromptSettings {
            allowed: HourWindow { from: 9, until: 21 },
            quiet: HourWindow { from: 22, until: 7 },
            prompts_per_day: DEFAULT_PROMPTS_PER_DAY,
        }
    }
}

impl PromptSettings {
    /// Whether a prompt may land in the local hour `hour` at all.
    pub fn hour_open(&self, hour: u8) -> bool {
        self.allowed.contains(hour) && !self.quiet.contains(hour)
    }
}

/// How ready this person tends to be at each local hour (higher is better; only the order
/// matters). Another crate learns it (thaw-engine's `Model::readiness`); this one only reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    scores: [f64; 24],
}

impl Default for Readiness {
    fn default() -> Self {
        Readiness::flat()
    }
}

impl Readiness {
    /// Nothing learned yet: every hour the same, so the earliest open hour wins.
    pub fn flat() -> Self {
        Readiness { scores: [1.0; 24] }
    }

    /// Scores indexed by local hour (index 0 is 0:00–0:59). Missing hours score 0; negative or
    /// non-finite scores count as 0. Empty, or nothing above 0, gives [`Readiness::flat`].
    pub fn from_scores(scores: &[f64]) -> Self {
        Self::from_hour_scores(
            scores
                .iter()
                .take(24)
                .enumerate()
                .map(|(h, s)| (h as u8, *s)),
        )
    }

    /// Scores as (local hour, score) pairs, e.g. from thaw-engine's `HourScore`s. Hours above 23
    /// are left out; the same rules as [`Readiness::from_scores`] apply.
    pub fn from_hour_scores(pairs: impl IntoIterator<Item = (u8, f64)>) -> Self {
        let mut scores = [0.0; 24];
        for (hour, score) in pairs {
            if let Some(slot) = scores.get_mut(usize::from(hour)) {
                *slot = if score.is_finite() && score > 0.0 {
                    score
                } else {
                    0.0
                };
            }
        }
        if scores.iter().all(|s| *s <= 0.0) {
            return Readiness::flat();
        }
        Readiness { scores }
    }

    /// The score of local hour `hour` (0 outside 0..=23).
    pub fn score(&self, hour: u8) -> f64 {
        self.scores.get(usize::from(hour)).copied().unwrap_or(0.0)
    }
}

/// What the person did with a prompt. The shell records it in the encrypted store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromptOutcome {
    /// Sent; nothing heard yet. Counts toward the day's maximum and the gap.
    Pending,
    /// The person opened Thaw from it ("I have a moment").
    Opened,
    /// The person did a step after opening it.
    Done,
    /// The person said "Not now": no more prompts today.
    NotNow,
    /// It went by without an answer (closed, dismissed or expired). Lowers the coming maximum.
    Ignored,
}

/// One prompt that was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PromptRecord {
    /// When it was sent, with the offset in force then.
    pub sent_at: DateTime<FixedOffset>,
    /// What came of it.
    pub outcome: PromptOutcome,
}

/// Everything the decision looks at besides `now`.
#[derive(Debug, Clone, Copy)]
pub struct ScheduleInput<'a> {
    /// The person's prompt settings.
    pub settings: &'a PromptSettings,
    /// The hours at which this person tends to act.
    pub readiness: &'a Readiness,
    /// Prompts sent in the last [`IGNORED_LOOKBACK_DAYS`] days at least (older ones are fine and
    /// are left out; any order).
    pub log: &'a [PromptRecord],
    /// Whether today's energy budget is spent (thaw-engine decides; the shell passes it on).
    pub budget_spent: bool,
    /// The last time the person used the app, if known.
    pub last_active: Option<DateTime<FixedOffset>>,
}

/// Why there is no prompt to schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoPromptReason {
    /// The person turned prompts off (a maximum of 0).
    Off,
    /// No hour is both allowed and outside quiet hours.
    NoAllowedHours,
    /// The person said "Not now" to a prompt today.
    NotNowToday,
    /// Today's energy budget is spent: rest counts.
    BudgetSpent,
    /// Today's prompts have all been sent.
    DailyMaxReached,
    /// No open hour is left today once the gaps are kept.
    NoTimeLeftToday,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum NextPrompt {
    /// The next prompt is due at this time (at or after `now`, in `now`'s offset; due at once
    /// when equal).
    At(DateTime<FixedOffset>),
    /// No prompt, and why.
    NoPrompt(NoPromptReason),
}

impl NextPrompt {
    /// The due time, if there is one.
    pub fn at(&self) -> Option<DateTime<FixedOffset>> {
        match self {
            NextPrompt::At(t) => Some(*t),
            NextPrompt::NoPrompt(_) => None,
        }
    }

    /// Whether a prompt should go out at `now`.
    pub fn is_due(&self, now: DateTime<FixedOffset>) -> bool {
        self.at().is_some_and(|t| t <= now)
    }

    /// The latest moment the shell needs to ask again if nothing changes before then: the due
    /// time, or the start of tomorrow (04:00). (Ask again sooner whenever settings, the log, the
    /// budget or activity change.)
    pub fn recheck_at(&self, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        match self {
            NextPrompt::At(t) => *t,
            NextPrompt::NoPrompt(_) => next_day_start(now),
        }
    }
}

/// The start of tomorrow (04:00, see [`thaw_engine::day_of`]) in `now`'s offset.
pub fn next_day_start(now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    day_of(now)
        .checked_add_days(Days::new(1))
        .map(|d| day_start(d, *now.offset()))
        .unwrap_or(now)
}

/// The day's maximum after ignored prompts lower it (see the module docs); 0 when prompts are off.
pub fn effective_daily_max(
    now: DateTime<FixedOffset>,
    settings: &PromptSettings,
    log: &[PromptRecord],
) -> u8 {
    let base = settings.prompts_per_day.min(MAX_PROMPTS_PER_DAY);
    if base == 0 {
        return 0;
    }
    let today = day_of(now);
    let first_day = today
        .checked_sub_days(Days::new(IGNORED_LOOKBACK_DAYS - 1))
        .unwrap_or(NaiveDate::MIN);
    let ignored = past(now, log)
        .filter(|r| r.outcome == PromptOutcome::Ignored)
        .filter(|r| {
            let d = local_date(now, r.sent_at);
            first_day <= d && d <= today
        })
        .count();
    let fewer = u8::try_from(ignored / IGNORED_PER_ONE_FEWER).unwrap_or(u8::MAX);
    base.saturating_sub(fewer).max(1)
}

/// The day (turning at 04:00) that `t` belongs to, read in `now`'s offset.
fn local_date(now: DateTime<FixedOffset>, t: DateTime<FixedOffset>) -> NaiveDate {
    day_of(t.with_timezone(now.offset()))
}

/// Records at or before `now` (a record from the future, after a clock change, is left out).
fn past(
    now: DateTime<FixedOffset>,
    log: &[PromptRecord],
) -> impl Iterator<Item = &PromptRecord> + '_ {
    log.iter().filter(move |r| r.sent_at <= now)
}

/// When the next prompt is due, or why there is none. See the module docs for the rules.
pub fn next_prompt(now: DateTime<FixedOffset>, input: &ScheduleInput<'_>) -> NextPrompt {
    let settings = input.settings;
    if settings.prompts_per_day == 0 {
        return NextPrompt::NoPrompt(NoPromptReason::Off);
    }
    if !(0..24).any(|h| settings.hour_open(h)) {
        return NextPrompt::NoPrompt(NoPromptReason::NoAllowedHours);
    }
    let today = day_of(now);
    let todays: Vec<&PromptRecord> = past(now, input.log)
        .filter(|r| local_date(now, r.sent_at) == today)
        .collect();
    if todays.iter().any(|r| r.outcome == PromptOutcome::NotNow) {
        return NextPrompt::NoPrompt(NoPromptReason::NotNowToday);
    }
    if input.budget_spent {
        return NextPrompt::NoPrompt(NoPromptReason::BudgetSpent);
    }
    let max = effective_daily_max(now, settings, input.log);
    if todays.len() >= usize::from(max) {
        return NextPrompt::NoPrompt(NoPromptReason::DailyMaxReached);
    }

    // The earliest moment the gaps allow.
    let ignored_today = todays
        .iter()
        .filter(|r| r.outcome == PromptOutcome::Ignored)
        .count();
    let gap = TimeDelta::minutes(
        MIN_GAP_MINUTES
            + EXTRA_GAP_PER_IGNORED_TODAY_MINUTES * i64::try_from(ignored_today).unwrap_or(0),
    );
    // Everything is read in `now`'s offset, so the answer carries that offset too.
    let mut earliest = now;
    if let Some(last) = past(now, input.log).map(|r| r.sent_at).max() {
        earliest = earliest.max((last + gap).with_timezone(now.offset()));
    }
    if let Some(active) = input.last_active.filter(|a| *a <= now) {
        let after = active + TimeDelta::minutes(AFTER_ACTIVITY_MINUTES);
        earliest = earliest.max(after.with_timezone(now.offset()));
    }

    // The open hour still ahead today with the highest readiness (ties: the earliest). The
    // day's hours run from its start (04:00) for 24 hours; with a fixed offset each is exact.
    let first_hour = day_start(today, *now.offset());
    let mut best: Option<(f64, DateTime<FixedOffset>)> = None;
    for slot in 0..24 {
        let start = first_hour + TimeDelta::hours(slot);
        let end = start + TimeDelta::hours(1);
        let hour = start.hour() as u8;
        if end <= now || !settings.hour_open(hour) {
            continue;
        }
        let candidate = start.max(earliest);
        if candidate >= end {
            continue;
        }
        let score = input.readiness.score(hour);
        // Strictly greater: an equal score later in the day never replaces an earlier hour.
        if best.is_none_or(|(s, _)| score.total_cmp(&s).is_gt()) {
            best = Some((score, candidate));
        }
    }
    match best {
        Some((_, at)) => NextPrompt::At(at),
        None => NextPrompt::NoPrompt(NoPromptReason::NoTimeLeftToday),
    }
}
