//! The prompt plan made ahead: every prompt time for the coming days, with its words.
//!
//! A phone suspends Thaw soon after it leaves the screen, so a prompt the app means to send
//! "when it is due" never goes out. Phones deliver reminders only when they were handed to the
//! OS ahead of time. So the shell asks for the plan — the next [`PLAN_DAYS`] days of prompt
//! times — and hands all of it to the OS (phones) or walks it with its loop (desktop). It asks
//! again at every open, every answer and every settings change, and the new plan replaces the
//! old one whole.
//!
//! Pure, like [`crate::schedule`]: the plan is [`next_prompt`] asked again and again, each
//! planned prompt counted as sent (so the gaps and the daily maximum hold across the plan), each
//! day from its start at 04:00 ([`thaw_engine::day_of`]). Today's rest (budget spent, or "Not
//! now" said enough) and the last use of the app bear on today only: tomorrow's budget is new.

use chrono::{DateTime, Days, FixedOffset};
use thaw_engine::{day_of, day_start};

use crate::schedule::{next_prompt, NextPrompt, PromptOutcome, PromptRecord, ScheduleInput};
use crate::text::{text_for, PromptText};

/// How many days ahead a plan reaches (today included). At the maximum of six a day that is
/// 42 prompts, inside what every OS holds (iOS keeps at most 64 pending notifications); and a
/// week means prompts keep coming even when Thaw is not opened for days.
pub const PLAN_DAYS: u32 = 7;

/// One prompt in the plan: when, and its generic words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedPrompt {
    /// When it is due, in `now`'s offset.
    pub at: DateTime<FixedOffset>,
    /// What it says: one of the fixed generic texts, never anything personal.
    pub text: PromptText,
}

/// The prompts of the next `days` days (today included, from `now`), earliest first.
/// `input` is what [`next_prompt`] reads; its `budget_spent` and `last_active` are today's.
pub fn plan_prompts(
    now: DateTime<FixedOffset>,
    input: &ScheduleInput<'_>,
    days: u32,
) -> Vec<PlannedPrompt> {
    let mut log: Vec<PromptRecord> = input.log.to_vec();
    let mut plan = Vec::new();
    let today = day_of(now);
    for d in 0..days {
        let Some(day) = today.checked_add_days(Days::new(u64::from(d))) else {
            break;
        };
        let (mut at, today_input) = if d == 0 {
            (now, *input)
        } else {
            let fresh = ScheduleInput {
                budget_spent: false,
                ..*input
            };
            (day_start(day, *now.offset()), fresh)
        };
        // Prompts already sent that day (from the log) number the day's texts first.
        let mut sent_that_day = log
            .iter()
            .filter(|r| r.sent_at <= now && day_of(r.sent_at.with_timezone(now.offset())) == day)
            .count();
        loop {
            let next = next_prompt(
                at,
                &ScheduleInput {
                    log: &log,
                    ..today_input
                },
            );
            let NextPrompt::At(t) = next else { break };
            // `next_prompt` answers within `at`'s day; a plan never repeats a time.
            debug_assert_eq!(day_of(t), day);
            plan.push(PlannedPrompt {
                at: t,
                text: text_for(day, sent_that_day),
            });
            sent_that_day += 1;
            log.push(PromptRecord {
                sent_at: t,
                outcome: PromptOutcome::Pending,
            });
            at = t;
        }
    }
    plan
}
