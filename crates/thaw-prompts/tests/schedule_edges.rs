//! Edge cases of the scheduling decision, one rule at a time.

use chrono::{DateTime, FixedOffset, TimeZone};
use thaw_prompts::schedule::{effective_daily_max, next_day_start};
use thaw_prompts::{
    next_prompt, HourWindow, NextPrompt, NoPromptReason, PromptOutcome, PromptRecord,
    PromptSettings, Readiness, ScheduleInput,
};

fn off(hours: i32) -> FixedOffset {
    FixedOffset::east_opt(hours * 3600).unwrap()
}

fn at(offset: FixedOffset, d: u32, h: u32, m: u32) -> DateTime<FixedOffset> {
    offset.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
}

fn settings(allowed: (u8, u8), quiet: (u8, u8), per_day: u8) -> PromptSettings {
    PromptSettings {
        allowed: HourWindow::new(allowed.0, allowed.1).unwrap(),
        quiet: HourWindow::new(quiet.0, quiet.1).unwrap(),
        prompts_per_day: per_day,
    }
}

fn decide(
    now: DateTime<FixedOffset>,
    s: &PromptSettings,
    r: &Readiness,
    log: &[PromptRecord],
) -> NextPrompt {
    next_prompt(
        now,
        &ScheduleInput {
            settings: s,
            readiness: r,
            log,
            budget_spent: false,
            last_active: None,
        },
    )
}

fn sent(t: DateTime<FixedOffset>, outcome: PromptOutcome) -> PromptRecord {
    PromptRecord {
        sent_at: t,
        outcome,
    }
}

fn peak_at(hour: u8) -> Readiness {
    Readiness::from_hour_scores([(hour, 5.0)])
}

#[test]
fn defaults_are_small_and_kind() {
    let s = PromptSettings::default();
    assert_eq!(s.prompts_per_day, 2);
    assert!(s.hour_open(9) && s.hour_open(20));
    assert!(!s.hour_open(8) && !s.hour_open(21) && !s.hour_open(23) && !s.hour_open(3));
}

#[test]
fn flat_readiness_takes_the_earliest_open_hour() {
    let z = off(0);
    let s = PromptSettings::default();
    let r = Readiness::from_scores(&[]);
    assert_eq!(r, Readiness::flat());
    assert_eq!(
        decide(at(z, 2, 6, 15), &s, &r, &[]),
        NextPrompt::At(at(z, 2, 9, 0))
    );
}

#[test]
fn prefers_the_hour_this_person_tends_to_act_at() {
    let z = off(0);
    let s = PromptSettings::default();
    assert_eq!(
        decide(at(z, 2, 6, 0), &s, &peak_at(17), &[]),
        NextPrompt::At(at(z, 2, 17, 0))
    );
    // Ties go to the earliest hour.
    let r = Readiness::from_hour_scores([(11, 2.0), (15, 2.0), (19, 1.0)]);
    assert_eq!(
        decide(at(z, 2, 6, 0), &s, &r, &[]),
        NextPrompt::At(at(z, 2, 11, 0))
    );
}

#[test]
fn a_readiness_peak_outside_allowed_hours_is_never_used() {
    let z = off(0);
    let s = PromptSettings::default();
    let r = Readiness::from_hour_scores([(3, 100.0), (12, 1.0)]);
    // From the start of the day (04:00): 3:00 is the end of the day and outside the window.
    assert_eq!(
        decide(at(z, 2, 4, 0), &s, &r, &[]),
        NextPrompt::At(at(z, 2, 12, 0))
    );
}

#[test]
fn inside_the_best_hour_the_prompt_is_due_now() {
    let z = off(0);
    let now = at(z, 2, 17, 40);
    let d = decide(now, &PromptSettings::default(), &peak_at(17), &[]);
    assert_eq!(d, NextPrompt::At(now));
    assert!(d.is_due(now));
    assert!(!d.is_due(at(z, 2, 17, 39)));
}

#[test]
fn quiet_hours_wrapping_midnight_hold_no_prompt() {
    let z = off(0);
    // Allowed all day, quiet 22:00 until 8:00, the person most ready at 23 and 6.
    let s = settings((0, 24), (22, 8), 3);
    let r = Readiness::from_hour_scores([(23, 9.0), (6, 9.0), (0, 9.0), (8, 1.0)]);
    // 0:30 still belongs to the 1st (the day turns at 04:00), whose last hours are quiet.
    assert_eq!(
        decide(at(z, 2, 0, 30), &s, &r, &[]),
        NextPrompt::NoPrompt(NoPromptReason::NoTimeLeftToday)
    );
    assert_eq!(
        decide(at(z, 2, 4, 30), &s, &r, &[]),
        NextPrompt::At(at(z, 2, 8, 0))
    );
    // Late in the evening the rest of the day is quiet.
    assert_eq!(
        decide(at(z, 2, 22, 5), &s, &r, &[]),
        NextPrompt::NoPrompt(NoPromptReason::NoTimeLeftToday)
    );
}

#[test]
fn allowed_hours_wrapping_midnight_work_too() {
    let z = off(0);
    // A night owl: allowed 20:00 until 2:00, no quiet hours.
    let s = settings((20, 2), (0, 0), 2);
    let r = Readiness::flat();
    assert_eq!(
        decide(at(z, 2, 0, 10), &s, &r, &[]),
        NextPrompt::At(at(z, 2, 0, 10))
    );
    // 3:00 is the end of the 1st, outside its window; from 04:00 the 2nd plans its evening.
    assert_eq!(
        decide(at(z, 2, 3, 0), &s, &r, &[]),
        NextPrompt::NoPrompt(NoPromptReason::NoTimeLeftToday)
    );
    assert_eq!(
        decide(at(z, 2, 4, 0), &s, &r, &[]),
        NextPrompt::At(at(z, 2, 20, 0))
    );
}

#[test]
fn an_empty_allowed_window_means_no_prompts() {
    let z = off(0);
    let r = Readiness::flat();
    let empty = settings((9, 9), (22, 7), 2);
    assert_eq!(
        decide(at(z, 2, 10, 0), &empty, &r, &[]),
        NextPrompt::NoPrompt(NoPromptReason::NoAllowedHours)
    );
    // Allowed hours entirely inside quiet hours: the same.
    let covered = settings((22, 23), (21, 7), 2);
    assert_eq!(
        decide(at(z, 2, 10, 0), &covered, &r, &[]),
        NextPrompt::NoPrompt(NoPromptReason::NoAllowedHours)
    );
    assert!(HourWindow::EMPTY.is_empty());
    assert!(!HourWindow::ALL_DAY.is_empty());
}

#[test]
fn zero_per_day_turns_prompts_off() {
    let z = off(0);
    let s = settings((9, 21), (22, 7), 0);
    assert_eq!(
        decide(at(z, 2, 10, 0), &s, &Readiness::flat(), &[]),
        NextPrompt::NoPrompt(NoPromptReason::Off)
    );
}

#[test]
fn out_of_range_hours_are_refused_also_when_read_back() {
    assert!(HourWindow::new(24, 3).is_err());
    assert!(HourWindow::new(3, 25).is_err());
    assert!(HourWindow::new(23, 24).is_ok());
    let bad: Result<HourWindow, _> = serde_json_like(r#"{"from":30,"until":2}"#);
    assert!(bad.is_err());
    let good: HourWindow = serde_json_like(r#"{"from":22,"until":7}"#).unwrap();
    assert!(good.contains(23) && good.contains(0) && good.contains(6) && !good.contains(7));
}

// Reads `{"from":F,"until":U}` through serde's own map deserializer, as a store or IPC reader
// would (serde_json is not a dependency of this crate).
fn serde_json_like(s: &str) -> Result<HourWindow, String> {
    use serde::de::value::{Error, MapDeserializer};
    use serde::Deserialize;
    let nums: Vec<u8> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .map(|p| p.parse().unwrap())
        .collect();
    let map = vec![("from", nums[0]), ("until", nums[1])];
    HourWindow::deserialize(MapDeserializer::<_, Error>::new(map.into_iter()))
        .map_err(|e| e.to_string())
}

#[test]
fn not_now_ends_prompts_for_the_day_only() {
    let z = off(0);
    let s = settings((9, 21), (22, 7), 4);
    let log = [sent(at(z, 2, 9, 0), PromptOutcome::NotNow)];
    assert_eq!(
        decide(at(z, 2, 9, 1), &s, &Readiness::flat(), &log),
        NextPrompt::NoPrompt(NoPromptReason::NotNowToday)
    );
    assert_eq!(
        decide(at(z, 2, 20, 59), &s, &Readiness::flat(), &log),
        NextPrompt::NoPrompt(NoPromptReason::NotNowToday)
    );
    // Tomorrow is a new day.
    assert_eq!(
        decide(at(z, 3, 7, 0), &s, &Readiness::flat(), &log),
        NextPrompt::At(at(z, 3, 9, 0))
    );
}

#[test]
fn a_spent_budget_means_rest() {
    let z = off(0);
    let s = PromptSettings::default();
    let r = Readiness::flat();
    let d = next_prompt(
        at(z, 2, 10, 0),
        &ScheduleInput {
            settings: &s,
            readiness: &r,
            log: &[],
            budget_spent: true,
            last_active: None,
        },
    );
    assert_eq!(d, NextPrompt::NoPrompt(NoPromptReason::BudgetSpent));
    // Ask again when tomorrow starts, at 04:00.
    assert_eq!(d.recheck_at(at(z, 2, 10, 0)), at(z, 3, 4, 0));
}

#[test]
fn the_daily_maximum_and_the_gap_are_kept() {
    let z = off(0);
    let s = settings((8, 22), (22, 7), 2);
    let r = peak_at(10);
    let first = [sent(at(z, 2, 10, 0), PromptOutcome::Opened)];
    // Three hours after the first, in the earliest hour with room (all equal after the peak).
    assert_eq!(
        decide(at(z, 2, 10, 5), &s, &r, &first),
        NextPrompt::At(at(z, 2, 13, 0))
    );
    let both = [first[0], sent(at(z, 2, 13, 0), PromptOutcome::Done)];
    assert_eq!(
        decide(at(z, 2, 13, 1), &s, &r, &both),
        NextPrompt::NoPrompt(NoPromptReason::DailyMaxReached)
    );
    // The gap reaches across midnight as well.
    let late = settings((0, 24), (0, 0), 2);
    let log = [sent(at(z, 2, 23, 30), PromptOutcome::Opened)];
    assert_eq!(
        decide(at(z, 3, 0, 0), &late, &Readiness::flat(), &log),
        NextPrompt::At(at(z, 3, 2, 30))
    );
}

#[test]
fn ignored_prompts_mean_fewer_and_wider_spaced_prompts() {
    let z = off(0);
    let s = settings((8, 22), (22, 7), 3);
    let now = at(z, 9, 7, 0);
    // Four ignored in the last week: two fewer, so one a day.
    let week: Vec<PromptRecord> = (5..=8)
        .map(|d| sent(at(z, d, 12, 0), PromptOutcome::Ignored))
        .collect();
    assert_eq!(effective_daily_max(now, &s, &week), 1);
    // Never below one.
    let many: Vec<PromptRecord> = (3..=8)
        .flat_map(|d| {
            [
                sent(at(z, d, 9, 0), PromptOutcome::Ignored),
                sent(at(z, d, 15, 0), PromptOutcome::Ignored),
            ]
        })
        .collect();
    assert_eq!(effective_daily_max(now, &s, &many), 1);
    // Older than the look-back: forgotten.
    let old: Vec<PromptRecord> = (1..=2)
        .flat_map(|d| {
            [
                sent(at(z, d, 9, 0), PromptOutcome::Ignored),
                sent(at(z, d, 15, 0), PromptOutcome::Ignored),
            ]
        })
        .collect();
    assert_eq!(effective_daily_max(now, &s, &old), 3);

    // One ignored today: the gap is four hours instead of three.
    let today = [sent(at(z, 9, 8, 0), PromptOutcome::Ignored)];
    assert_eq!(
        decide(at(z, 9, 8, 30), &s, &Readiness::flat(), &today),
        NextPrompt::At(at(z, 9, 12, 0))
    );
}

#[test]
fn no_prompt_soon_after_the_person_used_the_app() {
    let z = off(0);
    let s = PromptSettings::default();
    let r = Readiness::flat();
    let d = next_prompt(
        at(z, 2, 9, 10),
        &ScheduleInput {
            settings: &s,
            readiness: &r,
            log: &[],
            budget_spent: false,
            last_active: Some(at(z, 2, 9, 5)),
        },
    );
    assert_eq!(d, NextPrompt::At(at(z, 2, 10, 5)));
}

#[test]
fn fixed_offsets_decide_the_local_day_and_hour() {
    // The same instant: 23:30 in UTC is 9:30 the next day at +10.
    let utc = off(0);
    let plus10 = off(10);
    let instant = at(utc, 2, 23, 30);
    let local = instant.with_timezone(&plus10);
    let s = PromptSettings::default();
    let r = Readiness::flat();
    assert_eq!(decide(local, &s, &r, &[]), NextPrompt::At(local));
    assert_eq!(
        decide(instant, &s, &r, &[]),
        NextPrompt::NoPrompt(NoPromptReason::NoTimeLeftToday)
    );
    // A Not now logged in UTC on "the 2nd" counts for the local 3rd at +10.
    let log = [sent(at(utc, 2, 22, 0), PromptOutcome::NotNow)];
    assert_eq!(
        decide(local, &s, &r, &log),
        NextPrompt::NoPrompt(NoPromptReason::NotNowToday)
    );
    // Far offsets work as well.
    let minus12 = off(-12);
    assert_eq!(
        decide(at(minus12, 2, 5, 0), &s, &r, &[]),
        NextPrompt::At(at(minus12, 2, 9, 0))
    );
    assert_eq!(
        next_day_start(at(minus12, 31, 5, 0)).to_rfc3339(),
        "2026-04-01T04:00:00-12:00"
    );
}

#[test]
fn the_answer_is_in_nows_offset_whatever_the_log_was_written_in() {
    let plus2 = off(2);
    let now = at(plus2, 2, 12, 0);
    // Sent at 9:30 UTC, which is 11:30 at +2: the next may come at 14:30 at +2.
    let log = [sent(at(off(0), 2, 9, 30), PromptOutcome::Opened)];
    let d = decide(now, &PromptSettings::default(), &Readiness::flat(), &log);
    assert_eq!(d, NextPrompt::At(at(plus2, 2, 14, 30)));
    assert_eq!(d.at().unwrap().offset(), &plus2);
}

#[test]
fn a_record_from_the_future_is_left_out() {
    let z = off(0);
    let s = PromptSettings::default();
    let log = [sent(at(z, 2, 15, 0), PromptOutcome::NotNow)];
    assert_eq!(
        decide(at(z, 2, 10, 0), &s, &Readiness::flat(), &log),
        NextPrompt::At(at(z, 2, 10, 0))
    );
}

#[test]
fn odd_readiness_input_is_read_safely() {
    let r = Readiness::from_scores(&[f64::NAN, -1.0, f64::INFINITY, 0.0]);
    assert_eq!(r, Readiness::flat());
    let r = Readiness::from_hour_scores([(30, 5.0), (7, 0.5)]);
    assert_eq!(r.score(7), 0.5);
    assert_eq!(r.score(30), 0.0);
    assert_eq!(r.score(8), 0.0);
}
