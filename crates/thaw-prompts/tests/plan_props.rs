//! Property tests of the plan made ahead (`plan_prompts`): whatever the settings, readiness,
//! log, offset and moment, every planned prompt is in an allowed hour and never a quiet one,
//! no day goes above its maximum, nothing is planned on a day after its "Not now", nothing on a
//! day whose budget is spent (and a spent budget is today's only), every text is one of the
//! fixed generic ones, prompts keep their gap, and every coming day that can have a prompt has
//! one (so the OS holds a week of them when Thaw is not opened).

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, Days, FixedOffset, NaiveDate, TimeDelta, Timelike};
use common::{instant, log_before, settings, Case};
use proptest::prelude::*;
use thaw_engine::{day_of, day_start};
use thaw_prompts::schedule::{effective_daily_max, MAX_PROMPTS_PER_DAY, MIN_GAP_MINUTES};
use thaw_prompts::{
    next_prompt, plan_prompts, PlannedPrompt, PromptOutcome, PromptRecord, PromptText, Readiness,
    PLAN_DAYS,
};

fn readiness() -> impl Strategy<Value = Readiness> {
    prop_oneof![
        1 => Just(Readiness::flat()),
        3 => proptest::collection::vec(0.0f64..10.0, 24).prop_map(|v| Readiness::from_scores(&v)),
    ]
}

impl Case {
    fn plan(&self) -> Vec<PlannedPrompt> {
        plan_prompts(self.now, &self.input(), PLAN_DAYS)
    }

    fn day(&self, t: DateTime<FixedOffset>) -> NaiveDate {
        day_of(t.with_timezone(self.now.offset()))
    }

    /// Prompts already sent (at or before now) on `day`.
    fn sent_on(&self, day: NaiveDate) -> Vec<&PromptRecord> {
        self.log
            .iter()
            .filter(|r| r.sent_at <= self.now && self.day(r.sent_at) == day)
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

fn per_day(c: &Case, plan: &[PlannedPrompt]) -> BTreeMap<NaiveDate, usize> {
    let mut days = BTreeMap::new();
    for p in plan {
        *days.entry(c.day(p.at)).or_insert(0) += 1;
    }
    days
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn never_in_quiet_hours_and_only_in_allowed_ones(c in case()) {
        for p in c.plan() {
            let hour = p.at.with_timezone(c.now.offset()).hour() as u8;
            prop_assert!(!c.settings.quiet.contains(hour), "in quiet hours: {}", p.at);
            prop_assert!(c.settings.allowed.contains(hour), "outside allowed hours: {}", p.at);
        }
    }

    #[test]
    fn in_order_from_now_within_the_plan_days_with_the_gap_kept(c in case()) {
        let plan = c.plan();
        let today = day_of(c.now);
        let last_day = today + Days::new(u64::from(PLAN_DAYS) - 1);
        for p in &plan {
            prop_assert!(p.at >= c.now, "in the past: {}", p.at);
            prop_assert_eq!(p.at.offset(), c.now.offset());
            prop_assert!(c.day(p.at) <= last_day, "beyond the plan: {}", p.at);
        }
        for pair in plan.windows(2) {
            prop_assert!(pair[1].at - pair[0].at >= TimeDelta::minutes(MIN_GAP_MINUTES), "{} then {}", pair[0].at, pair[1].at);
        }
        for r in c.log.iter().filter(|r| r.sent_at <= c.now) {
            if let Some(first) = plan.first() {
                prop_assert!(first.at - r.sent_at >= TimeDelta::minutes(MIN_GAP_MINUTES));
            }
        }
    }

    #[test]
    fn never_over_the_daily_maximum(c in case()) {
        let plan = c.plan();
        let today = day_of(c.now);
        let cap = usize::from(c.settings.prompts_per_day.min(MAX_PROMPTS_PER_DAY));
        for (day, planned) in per_day(&c, &plan) {
            let sent = c.sent_on(day).len();
            prop_assert!(sent + planned <= cap, "{} sent and {} planned on {} (at most {})", sent, planned, day, cap);
            if day == today {
                let max = usize::from(effective_daily_max(c.now, &c.settings, &c.log));
                prop_assert!(sent + planned <= max, "today above its lowered maximum {}", max);
            }
        }
    }

    #[test]
    fn nothing_on_a_day_after_not_now(c in case(), second in prop::bool::ANY) {
        // Not now said to a prompt earlier today (once or twice): nothing more today.
        let mut c = c;
        let earlier = (c.now - TimeDelta::minutes(1)).max(thaw_engine::day_start(day_of(c.now), *c.now.offset()));
        c.log.push(PromptRecord { sent_at: earlier, outcome: PromptOutcome::NotNow });
        if second {
            c.log.push(PromptRecord { sent_at: earlier, outcome: PromptOutcome::NotNow });
        }
        let today = day_of(c.now);
        prop_assert!(c.plan().iter().all(|p| c.day(p.at) != today), "a prompt today after Not now");
    }

    #[test]
    fn nothing_today_once_the_budget_is_spent_and_tomorrow_is_new(c in case()) {
        let mut spent = c.clone();
        spent.budget_spent = true;
        let mut fresh = c.clone();
        fresh.budget_spent = false;
        let today = day_of(c.now);
        let spent_plan = spent.plan();
        prop_assert!(spent_plan.iter().all(|p| spent.day(p.at) != today), "a prompt while the budget is spent");
        // From tomorrow, the spent budget weighs nothing: a later start can only leave room.
        let later = |plan: &[PlannedPrompt]| plan.iter().filter(|p| c.day(p.at) > today).count();
        prop_assert!(later(&spent_plan) >= later(&fresh.plan()));
    }

    #[test]
    fn generic_words_only(c in case()) {
        let all: Vec<PromptText> = PromptText::all().collect();
        for p in c.plan() {
            prop_assert!(all.contains(&p.text));
            prop_assert_eq!(p.text.title(), "Thaw");
        }
    }

    #[test]
    fn every_coming_day_that_can_have_a_prompt_has_one(c in case()) {
        let plan = c.plan();
        let can = c.settings.prompts_per_day > 0 && (0..24).any(|h| c.settings.hour_open(h));
        let days = per_day(&c, &plan);
        let today = day_of(c.now);
        for d in 1..u64::from(PLAN_DAYS) {
            let day = today + Days::new(d);
            // A prompt keeps its gap from the one before on any day, so a day whose open hours
            // all end within that gap of the last prompt before it (sent, or planned the day
            // before) rightly has none: e.g. a prompt at 03:33 and only 04:00–05:00 open.
            let start = day_start(day, *c.now.offset());
            let last_before = c
                .log
                .iter()
                .map(|r| r.sent_at)
                .filter(|t| *t <= c.now)
                .chain(plan.iter().map(|p| p.at))
                .filter(|t| *t < start)
                .max();
            let gap_leaves_an_hour = (0..24).any(|slot| {
                let open = start + TimeDelta::hours(slot);
                c.settings.hour_open(open.hour() as u8)
                    && last_before.is_none_or(|l| open + TimeDelta::hours(1) > l + TimeDelta::minutes(MIN_GAP_MINUTES))
            });
            prop_assert_eq!(days.contains_key(&day), can && gap_leaves_an_hour, "day {} of the plan", d);
        }
    }

    #[test]
    fn the_first_planned_prompt_today_is_the_next_prompt(c in case()) {
        let today = day_of(c.now);
        let first_today = c.plan().iter().find(|p| c.day(p.at) == today).map(|p| p.at);
        let next = next_prompt(c.now, &c.input()).at();
        prop_assert_eq!(first_today, next);
        prop_assert_eq!(c.plan(), c.plan(), "same inputs, same plan");
    }
}
