//! Property tests of the scheduling decision: whatever the settings, readiness, log and offset,
//! a prompt is never in quiet hours, only in allowed hours, never in the past, never above the
//! daily maximum, never after "Not now" the same day, never while the budget is spent, and the
//! same inputs always give the same answer.

mod common;

use chrono::{TimeDelta, Timelike};
use common::{instant, log_before, outcome, settings, Case};
use proptest::prelude::*;
use thaw_engine::day_of;
use thaw_prompts::schedule::{effective_daily_max, MIN_GAP_MINUTES};
use thaw_prompts::{
    next_prompt, NextPrompt, NoPromptReason, PromptOutcome, PromptRecord, Readiness,
};

fn readiness() -> impl Strategy<Value = Readiness> {
    prop_oneof![
        1 => Just(Readiness::from_scores(&[])),
        3 => proptest::collection::vec(0.0f64..10.0, 24).prop_map(|v| Readiness::from_scores(&v)),
        // Few distinct values, so ties are common.
        2 => proptest::collection::vec(0u8..3, 24)
            .prop_map(|v| Readiness::from_scores(&v.iter().map(|x| f64::from(*x)).collect::<Vec<_>>())),
    ]
}

impl Case {
    fn todays(&self) -> Vec<&PromptRecord> {
        self.log
            .iter()
            .filter(|r| r.sent_at <= self.now)
            .filter(|r| day_of(r.sent_at.with_timezone(self.now.offset())) == day_of(self.now))
            .collect()
    }
}

fn case() -> impl Strategy<Value = Case> {
    instant().prop_flat_map(|now| {
        (
            settings(),
            readiness(),
            log_before(now),
            prop::bool::weighted(0.2),
            proptest::option::of(0i64..600),
        )
            .prop_map(
                move |(settings, readiness, log, budget_spent, active_ago)| Case {
                    now,
                    settings,
                    readiness,
                    log,
                    budget_spent,
                    last_active: active_ago.map(|m| now - TimeDelta::minutes(m)),
                },
            )
    })
}

/// Runs the rest of the day (to 04:00) from `now`, sending each prompt when it is due and answering
/// it with the next of `answers`. Returns what was sent today.
fn simulate_day(mut case: Case, answers: &[PromptOutcome]) -> Vec<PromptRecord> {
    let day = day_of(case.now);
    let mut sent = Vec::new();
    for i in 0..50 {
        let d = next_prompt(case.now, &case.input());
        let NextPrompt::At(t) = d else { break };
        assert_eq!(day_of(t), day);
        let record = PromptRecord {
            sent_at: t,
            outcome: answers[i % answers.len()],
        };
        case.now = t;
        case.log.push(record);
        sent.push(record);
    }
    sent
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn a_prompt_keeps_every_rule(c in case()) {
        let d = next_prompt(c.now, &c.input());
        if let NextPrompt::At(t) = d {
            let local = t.with_timezone(c.now.offset());
            let hour = local.hour() as u8;
            prop_assert_eq!(t.offset(), c.now.offset(), "not in now's offset");
            prop_assert!(t >= c.now, "in the past: {t} < {}", c.now);
            prop_assert_eq!(day_of(local), day_of(c.now), "not today (the day turns at 04:00)");
            prop_assert!(!c.settings.quiet.contains(hour), "in quiet hours: {}", t);
            prop_assert!(c.settings.allowed.contains(hour), "outside allowed hours: {}", t);
            prop_assert!(!c.budget_spent, "while the budget is spent");
            let todays = c.todays();
            prop_assert!(
                todays.iter().all(|r| r.outcome != PromptOutcome::NotNow),
                "after a Not now today"
            );
            let max = effective_daily_max(c.now, &c.settings, &c.log);
            prop_assert!(max <= c.settings.prompts_per_day);
            prop_assert!(todays.len() < usize::from(max), "above the daily max {}", max);
            for r in c.log.iter().filter(|r| r.sent_at <= c.now) {
                prop_assert!(t - r.sent_at >= TimeDelta::minutes(MIN_GAP_MINUTES), "too soon after {}", r.sent_at);
            }
        }
        if c.settings.prompts_per_day == 0 {
            prop_assert_eq!(d, NextPrompt::NoPrompt(NoPromptReason::Off));
        }
    }

    #[test]
    fn same_inputs_same_answer_whatever_the_log_order(c in case(), rot in 0usize..12) {
        let first = next_prompt(c.now, &c.input());
        prop_assert_eq!(first, next_prompt(c.now, &c.input()));
        let mut shuffled = c.clone();
        shuffled.log.reverse();
        let n = shuffled.log.len().max(1);
        shuffled.log.rotate_left(rot % n);
        prop_assert_eq!(first, next_prompt(c.now, &shuffled.input()));
    }

    #[test]
    fn a_whole_day_never_goes_above_the_maximum_or_past_not_now(
        c in case(),
        answers in proptest::collection::vec(outcome(), 1..6),
    ) {
        let before_today = c.todays().len();
        let max = effective_daily_max(c.now, &c.settings, &c.log);
        let sent = simulate_day(c.clone(), &answers);
        prop_assert!(before_today + sent.len() <= usize::from(max).max(before_today));
        prop_assert!(usize::from(c.settings.prompts_per_day.min(6)) >= sent.len());
        if let Some(i) = sent.iter().position(|r| r.outcome == PromptOutcome::NotNow) {
            prop_assert_eq!(i, sent.len() - 1, "a prompt came after Not now");
        }
        for pair in sent.windows(2) {
            prop_assert!(pair[1].sent_at - pair[0].sent_at >= TimeDelta::minutes(MIN_GAP_MINUTES));
        }
        for r in &sent {
            let h = r.sent_at.with_timezone(c.now.offset()).hour() as u8;
            prop_assert!(c.settings.hour_open(h));
        }
    }

    #[test]
    fn more_ignored_prompts_never_mean_more_prompts(
        c in case(),
        extra in 1usize..6,
        answers in proptest::collection::vec(outcome(), 1..6),
    ) {
        let base = simulate_day(c.clone(), &answers);
        let mut more = c.clone();
        for k in 0..extra {
            more.log.push(PromptRecord {
                sent_at: c.now - TimeDelta::days(1 + (k % 5) as i64) - TimeDelta::hours(1),
                outcome: PromptOutcome::Ignored,
            });
        }
        let fewer = simulate_day(more, &answers);
        prop_assert!(fewer.len() <= base.len(), "{} > {}", fewer.len(), base.len());
    }
}
