//! Gentle prompts, as use-cases: when the next one is due, what it says, and what came of it.
//!
//! The decision itself is pure (`thaw-prompts`). What this module adds is the person's data:
//! their settings, the hours they tend to act (from the engine), today's energy budget, and
//! the log of prompts sent — all from the encrypted store. From them it makes the plan: every
//! prompt of the coming days, made ahead (`thaw_prompts::plan_prompts`), which the shell hands to
//! the OS on phones and walks with its loop on desktop. While Thaw is locked the store cannot be
//! read, so the plan made at the last unlock (times and generic words, nothing personal) is kept
//! in memory only, and prompts sent meanwhile are remembered in memory and written to the store at
//! the next unlock.

use chrono::{DateTime, Duration, FixedOffset};
use thaw_engine::{day_of, decide, Decision, RestKind};
use thaw_prompts::{
    next_prompt, plan_prompts, HourWindow, NextPrompt, PlannedPrompt, PromptOutcome, PromptRecord,
    PromptResponse, PromptSettings, PromptText, Readiness, ScheduleInput, PLAN_DAYS,
};
use thaw_store::PromptOutcome as StoredOutcome;

use crate::catalog::Catalog;
use crate::error::{AppError, Result};
use crate::ipc::Settings;
use crate::Thaw;

/// Prompts read back from the log: enough for the "ignored in the last days" rule.
const LOG_DAYS: i64 = 8;
/// The prompt type written to the log (its wording never is).
const PROMPT_KIND: &str = "gentle";

/// A prompt sent while the store could not be written, or not yet answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentPrompt {
    pub sent_at: DateTime<FixedOffset>,
    pub outcome: PromptOutcome,
    /// The store's row, once written.
    pub(crate) row: Option<i64>,
}

/// In-memory prompt state kept across lock and unlock.
#[derive(Debug, Default)]
pub(crate) struct PromptState {
    /// The prompts of the coming days, earliest first; the first is the next one due.
    pub plan: Vec<PlannedPrompt>,
    pub unsaved: Vec<SentPrompt>,
    /// "Keep running" as last read or saved, shared with the shell's close handler.
    pub keep_running: crate::KeepRunning,
    /// The OS holds the plan and shows each prompt at its time (phones): a planned prompt
    /// whose time has passed was shown, and is logged as sent then.
    pub held_by_os: bool,
    /// What the plan was made from; `None` until made for the store now open.
    pub planned_from: Option<PlanKey>,
    /// How many times the plan was made (for tests and the benchmark).
    pub plans_made: u64,
}

/// Everything the prompt plan depends on, cheaply: the store (settings, answers, sessions,
/// the learned model and the prompt log change only with a write), the prompts sent and not
/// yet written, the day and the offset it is read in, and the last time the person used
/// Thaw. Within one day, a plan made from the same inputs a little later is the same plan
/// (the hours only run out, and each planned time is taken when it comes, which writes), so
/// an equal key means the plan in hand still holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlanKey {
    writes: u64,
    unsaved: Vec<SentPrompt>,
    day: chrono::NaiveDate,
    offset: FixedOffset,
    last_active: Option<DateTime<FixedOffset>>,
}

pub(crate) fn prompt_settings(s: &Settings) -> Result<PromptSettings> {
    let window = |from, until| {
        HourWindow::new(from, until)
            .map_err(|_| AppError::invalid("Those hours cannot be used. Nothing was changed."))
    };
    Ok(PromptSettings {
        allowed: window(s.prompt_from_hour, s.prompt_until_hour)?,
        quiet: window(s.quiet_from_hour, s.quiet_until_hour)?,
        prompts_per_day: s.prompts_per_day,
    })
}

fn same_minute(a: DateTime<FixedOffset>, b: DateTime<FixedOffset>) -> bool {
    a.timestamp().div_euclid(60) == b.timestamp().div_euclid(60)
}

fn to_stored(o: PromptOutcome) -> Option<StoredOutcome> {
    match o {
        PromptOutcome::Pending => None,
        PromptOutcome::Opened => Some(StoredOutcome::Opened),
        PromptOutcome::Done => Some(StoredOutcome::Acted),
        // "Dismissed" in the store is an active answer: the person said Not now.
        PromptOutcome::NotNow => Some(StoredOutcome::Dismissed),
        PromptOutcome::Ignored => Some(StoredOutcome::Ignored),
    }
}

fn from_stored(o: Option<StoredOutcome>) -> PromptOutcome {
    match o {
        None => PromptOutcome::Pending,
        Some(StoredOutcome::Opened) => PromptOutcome::Opened,
        Some(StoredOutcome::Acted) => PromptOutcome::Done,
        Some(StoredOutcome::Dismissed) => PromptOutcome::NotNow,
        Some(StoredOutcome::Ignored) => PromptOutcome::Ignored,
    }
}

impl Thaw {
    /// Re-makes the plan (when unlocked, and only when something it depends on changed: see
    /// [`PlanKey`]) and returns when the next prompt is due. While locked, the plan made at
    /// the last unlock stands; prompts of days already over leave it. Cheap when nothing
    /// changed (no read of the store), so the shell may ask often.
    pub async fn plan_prompt(
        &mut self,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<DateTime<FixedOffset>>> {
        self.note_prompts_shown_by_os(now);
        if self.is_unlocked() {
            self.save_unsaved_prompts(now).await?;
            let key = PlanKey {
                writes: self.open()?.store.writes_committed(),
                unsaved: self.prompts.unsaved.clone(),
                day: day_of(now),
                offset: *now.offset(),
                last_active: self.last_active,
            };
            if self.prompts.planned_from.as_ref() != Some(&key) {
                self.prompts.plan = self.make_prompt_plan(now).await?;
                self.prompts.plans_made += 1;
                self.prompts.planned_from = Some(key);
            }
        }
        let today = day_of(now);
        self.prompts.plan.retain(|p| day_of(p.at) >= today);
        Ok(self.prompts.plan.first().map(|p| p.at))
    }

    /// Whether the OS holds the plan and shows the prompts itself (phones), rather than the
    /// shell's loop taking each one when due (desktop).
    pub fn set_prompt_plan_held_by_os(&mut self, held: bool) {
        self.prompts.held_by_os = held;
    }

    /// With the OS holding the plan, the planned prompts whose time has come were shown then:
    /// they leave the plan and are remembered as sent at their time (for the day's maximum,
    /// the gaps and "Not now"), to be written to the store when it is open.
    fn note_prompts_shown_by_os(&mut self, now: DateTime<FixedOffset>) {
        if !self.prompts.held_by_os {
            return;
        }
        let shown = self.prompts.plan.iter().take_while(|p| p.at <= now).count();
        for p in self.prompts.plan.drain(..shown) {
            self.prompts.unsaved.push(SentPrompt {
                sent_at: p.at,
                outcome: PromptOutcome::Pending,
                row: None,
            });
        }
    }

    /// How many times [`Thaw::plan_prompt`] has made the plan in this run (it keeps the plan
    /// in hand while nothing it depends on changed): for tests and the benchmark.
    pub fn prompt_plans_made(&self) -> u64 {
        self.prompts.plans_made
    }

    /// The plan as last made (by [`Thaw::plan_prompt`]): every prompt of the coming days, for
    /// the shell to hand to the OS on phones. Times and generic words only.
    pub fn prompt_plan(&self) -> &[PlannedPrompt] {
        &self.prompts.plan
    }

    /// What the next prompt decision reads, made once for the decision and the plan.
    async fn prompt_inputs(
        &self,
        now: DateTime<FixedOffset>,
    ) -> Result<(PromptSettings, Readiness, Vec<PromptRecord>, bool)> {
        let open = self.open()?;
        let settings = self.settings().await?;
        let prompt_settings = prompt_settings(&settings)?;
        let allowed: Vec<u8> = (0..24).filter(|h| prompt_settings.hour_open(*h)).collect();
        let readiness = Readiness::from_hour_scores(
            open.model
                .readiness(&allowed)
                .into_iter()
                .map(|s| (s.hour, s.score)),
        );
        let log = self.prompt_log(now).await?;
        let catalog = Catalog::load(&open.store).await?;
        // Today's rest, whatever its reason (room used, Not now said enough, even the smallest
        // step too much, every step had its turn): no prompts for the rest of today.
        let rest_today = matches!(
            decide(&open.model, &catalog.values, &catalog.movements, now),
            Decision::Rest {
                kind: RestKind::BudgetSpent
                    | RestKind::NotNowToday
                    | RestKind::SmallestWasTooMuch
                    | RestKind::EachHadATurn,
                ..
            }
        );
        Ok((prompt_settings, readiness, log, rest_today))
    }

    /// The prompts of the next [`PLAN_DAYS`] days from the person's data.
    async fn make_prompt_plan(&self, now: DateTime<FixedOffset>) -> Result<Vec<PlannedPrompt>> {
        let (settings, readiness, log, rest_today) = self.prompt_inputs(now).await?;
        let input = ScheduleInput {
            settings: &settings,
            readiness: &readiness,
            log: &log,
            budget_spent: rest_today,
            last_active: self.last_active,
        };
        Ok(plan_prompts(now, &input, PLAN_DAYS))
    }

    /// The full decision, with its reason when there is no prompt.
    pub async fn next_prompt_decision(&self, now: DateTime<FixedOffset>) -> Result<NextPrompt> {
        let (settings, readiness, log, rest_today) = self.prompt_inputs(now).await?;
        Ok(next_prompt(
            now,
            &ScheduleInput {
                settings: &settings,
                readiness: &readiness,
                log: &log,
                budget_spent: rest_today,
                last_active: self.last_active,
            },
        ))
    }

    /// If the next planned prompt is due, takes it: returns its generic text and remembers it
    /// was sent. A prompt whose day is over (Thaw was asleep) is dropped, never sent late.
    pub fn take_due_prompt(
        &mut self,
        now: DateTime<FixedOffset>,
    ) -> Option<(SentPrompt, PromptText)> {
        let today = day_of(now);
        self.prompts.plan.retain(|p| day_of(p.at) >= today);
        let due = self.prompts.plan.first().filter(|p| p.at <= now).copied()?;
        self.prompts.plan.remove(0);
        let sent = SentPrompt {
            sent_at: now,
            outcome: PromptOutcome::Pending,
            row: None,
        };
        self.prompts.unsaved.push(sent);
        Some((sent, due.text))
    }

    /// What the person did with a prompt. Written to the store now, or at the next unlock.
    pub async fn prompt_answered(
        &mut self,
        sent: SentPrompt,
        response: PromptResponse,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.prompt_answered_at(sent.sent_at, response, now).await
    }

    /// What the person did with the prompt sent at `sent_at`, to the minute (on phones the OS
    /// reports the answer with the prompt's id, its planned time in whole minutes).
    pub async fn prompt_answered_at(
        &mut self,
        sent_at: DateTime<FixedOffset>,
        response: PromptResponse,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        self.note_prompts_shown_by_os(now);
        if let Some(p) = self
            .prompts
            .unsaved
            .iter_mut()
            .find(|p| same_minute(p.sent_at, sent_at))
        {
            p.outcome = response.outcome();
        }
        if self.is_unlocked() {
            self.save_unsaved_prompts(now).await?;
        }
        Ok(())
    }

    /// Whether closing the window keeps Thaw running for prompts, for the shell to keep
    /// beside the facade: it follows the setting as it is read at unlock or saved.
    pub fn keep_running(&self) -> crate::KeepRunning {
        self.prompts.keep_running.clone()
    }

    /// The prompts log of the last days, from the store plus what is not written yet.
    async fn prompt_log(&self, now: DateTime<FixedOffset>) -> Result<Vec<PromptRecord>> {
        let store = &self.open()?.store;
        let since = (now - Duration::days(LOG_DAYS)).to_utc();
        let mut log: Vec<PromptRecord> = store
            .list_prompts_since(since)
            .await?
            .into_iter()
            .map(|p| PromptRecord {
                sent_at: p.at.fixed_offset(),
                outcome: from_stored(p.outcome),
            })
            .collect();
        log.extend(
            self.prompts
                .unsaved
                .iter()
                .filter(|p| p.row.is_none())
                .map(|p| PromptRecord {
                    sent_at: p.sent_at,
                    outcome: p.outcome,
                }),
        );
        Ok(log)
    }

    /// Writes remembered prompts to the store; answered ones are then forgotten from memory.
    pub(crate) async fn save_unsaved_prompts(&mut self, now: DateTime<FixedOffset>) -> Result<()> {
        let Some(open) = self.open.as_ref() else {
            return Ok(());
        };
        if open.store.shortfall().is_some() {
            // Held for review: nothing is written until the person chooses; kept in memory.
            return Ok(());
        }
        for p in self.prompts.unsaved.iter_mut() {
            let row = match p.row {
                Some(row) => row,
                None => open.store.log_prompt_sent(PROMPT_KIND, p.sent_at).await?.id,
            };
            p.row = Some(row);
            if let Some(outcome) = to_stored(p.outcome) {
                open.store.set_prompt_outcome(row, outcome, now).await?;
            }
        }
        self.prompts
            .unsaved
            .retain(|p| p.outcome == PromptOutcome::Pending);
        Ok(())
    }
}
