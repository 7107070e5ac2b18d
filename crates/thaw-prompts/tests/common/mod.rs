//! What the prompt property tests share: the strategies for a moment, the settings and the log,
//! and a case holding one schedule input. Each test file adds its own readiness strategy and the
//! questions it asks of a case.
#![allow(dead_code)] // each test binary uses its own part of this

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeDelta, TimeZone};
use proptest::prelude::*;
use thaw_prompts::{
    HourWindow, PromptOutcome, PromptRecord, PromptSettings, Readiness, ScheduleInput,
};

pub fn offset() -> impl Strategy<Value = FixedOffset> {
    // Every real-world offset lies in -12:00..=+14:00, in quarter hours.
    (-48i32..=56).prop_map(|q| FixedOffset::east_opt(q * 15 * 60).unwrap())
}

pub fn instant() -> impl Strategy<Value = DateTime<FixedOffset>> {
    (offset(), 0u64..4000, 0u32..86_400).prop_map(|(off, day, secs)| {
        let date = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new(day);
        let naive = date
            .and_hms_opt(secs / 3600, (secs / 60) % 60, secs % 60)
            .unwrap();
        off.from_local_datetime(&naive).single().unwrap()
    })
}

pub fn window() -> impl Strategy<Value = HourWindow> {
    (0u8..24, 0u8..=24).prop_map(|(f, u)| HourWindow::new(f, u).unwrap())
}

pub fn settings() -> impl Strategy<Value = PromptSettings> {
    (window(), window(), 0u8..=8).prop_map(|(allowed, quiet, prompts_per_day)| PromptSettings {
        allowed,
        quiet,
        prompts_per_day,
    })
}

pub fn outcome() -> impl Strategy<Value = PromptOutcome> {
    prop_oneof![
        Just(PromptOutcome::Pending),
        Just(PromptOutcome::Opened),
        Just(PromptOutcome::Done),
        Just(PromptOutcome::NotNow),
        Just(PromptOutcome::Ignored),
    ]
}

/// Up to 12 records in the eight days before `now`, each written in some offset of its own.
pub fn log_before(now: DateTime<FixedOffset>) -> impl Strategy<Value = Vec<PromptRecord>> {
    proptest::collection::vec((0i64..8 * 1440, outcome(), offset()), 0..12).prop_map(move |items| {
        items
            .into_iter()
            .map(|(mins_ago, outcome, off)| PromptRecord {
                sent_at: (now - TimeDelta::minutes(mins_ago)).with_timezone(&off),
                outcome,
            })
            .collect()
    })
}

#[derive(Debug, Clone)]
pub struct Case {
    pub now: DateTime<FixedOffset>,
    pub settings: PromptSettings,
    pub readiness: Readiness,
    pub log: Vec<PromptRecord>,
    pub budget_spent: bool,
    pub last_active: Option<DateTime<FixedOffset>>,
}

impl Case {
    pub fn input(&self) -> ScheduleInput<'_> {
        ScheduleInput {
            settings: &self.settings,
            readiness: &self.readiness,
            log: &self.log,
            budget_spent: self.budget_spent,
            last_active: self.last_active,
        }
    }
}
