//! Gentle prompts, as use-cases: when the next one is due, what it says, and what came of it.
//!
//! The decision itself is pure (`thaw-prompts`). What this module adds is the person's data:
//! their settings, the hours they tend to act (from the engine), today's energy budget, and
//! the log of prompts sent — all from the encrypted store. While Thaw is locked the store
//! cannot be read, so the plan made at the last unlock is kept in memory only, and prompts
//! sent meanwhile are remembered in memory and written to the store at the next unlock.

use chrono::{DateTime, Duration, FixedOffset};
use thaw_engine::{day_of, decide, Decision, RestKind};
use thaw_prompts::{
    next_prompt, text_for, HourWindow, NextPrompt, PromptOutcome, PromptRecord, PromptResponse,
    PromptSettings, PromptText, Readiness, ScheduleInput,
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
    pub plan: Option<DateTime<FixedOffset>>,
    pub unsaved: Vec<SentPrompt>,
    pub keep_running: bool,
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
    /// Recomputes when the next prompt is due (when unlocked), and returns the plan.
    /// While locked, the plan made at the last unlock stands.
    pub async fn plan_prompt(
        &mut self,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<DateTime<FixedOffset>>> {
        if self.is_unlocked() {
            self.save_unsaved_prompts(now).await?;
            let decision = self.next_prompt_decision(now).await?;
            self.prompts.plan = decision.at();
        }
        if self.prompts.plan.is_some_and(|t| day_of(t) != day_of(now)) {
            self.prompts.plan = None;
        }
        Ok(self.prompts.plan)
    }

    /// The full decision, with its reason when there is no prompt.
    pub async fn next_prompt_decision(&self, now: DateTime<FixedOffset>) -> Result<NextPrompt> {
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
        let budget_spent = matches!(
            decide(&open.model, &catalog.values, &catalog.movements, now),
            Decision::Rest {
                kind: RestKind::BudgetSpent
                    | RestKind::NotNowToday
                    | RestKind::SmallestWasTooMuch
                    | RestKind::EachHadATurn,
                ..
            }
        );
        Ok(next_prompt(
            now,
            &ScheduleInput {
                settings: &prompt_settings,
                readiness: &readiness,
                log: &log,
                budget_spent,
                last_active: self.last_active,
            },
        ))
    }

    /// If the planned prompt is due, takes it: returns its generic text and remembers it was sent.
    pub fn take_due_prompt(
        &mut self,
        now: DateTime<FixedOffset>,
    ) -> Option<(SentPrompt, PromptText)> {
        let due = self.prompts.plan.filter(|t| *t <= now)?;
        self.prompts.plan = None;
        if day_of(due) != day_of(now) {
            return None;
        }
        let sent_today = self
            .prompts
            .unsaved
            .iter()
            .filter(|p| p.row.is_none() && day_of(p.sent_at) == day_of(now))
            .count()
            + self.prompts_sent_today;
        let sent = SentPrompt {
            sent_at: now,
            outcome: PromptOutcome::Pending,
            row: None,
        };
        self.prompts.unsaved.push(sent);
        Some((sent, text_for(day_of(now), sent_today)))
    }

    /// What the person did with a prompt. Written to the store now, or at the next unlock.
    pub async fn prompt_answered(
        &mut self,
        sent: SentPrompt,
        response: PromptResponse,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        if let Some(p) = self
            .prompts
            .unsaved
            .iter_mut()
            .find(|p| p.sent_at == sent.sent_at)
        {
            p.outcome = response.outcome();
        }
        if self.is_unlocked() {
            self.save_unsaved_prompts(now).await?;
        }
        Ok(())
    }

    /// Whether closing the window keeps Thaw running for prompts (the last known setting).
    pub fn keep_running_in_background(&self) -> bool {
        self.prompts.keep_running
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
        // Thaw's one day (turning at 04:00), in the person's offset.
        let today = day_of(now);
        self.prompts_sent_today = open
            .store
            .list_prompts_since((now - Duration::days(1)).to_utc())
            .await?
            .iter()
            .filter(|p| day_of(p.at.with_timezone(now.offset())) == today)
            .count();
        Ok(())
    }
}
