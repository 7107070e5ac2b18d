//! Gentle prompts for Thaw: few, well-timed, skippable and discreet.
//!
//! - [`schedule`]: when the next prompt is due. Pure: `now` and everything else are arguments.
//! - [`plan`]: the prompts of the coming days made ahead, for the OS to hold (phones) or the
//!   shell's loop to walk (desktop). Pure too.
//! - [`text`]: the words, a small rotating set that never holds anything personal.
//! - `deliver` (desktop only): one notification through notify-rust, and the person's answer.
//!
//! The crate knows nothing of Tauri. The shell (src-tauri/src/prompts/) asks thaw-core for the
//! plan ([`plan_prompts`] over the person's data) and delivers it: on phones it hands the whole
//! plan to the OS notification service; on desktop its loop shows each prompt when due through
//! [`deliver`], logs a [`PromptRecord`] in the encrypted store, and opens the app on "I have a
//! moment" when the answer is [`PromptResponse::Activated`]. See README.md.

pub mod plan;
pub mod schedule;
pub mod text;

#[cfg(not(any(target_os = "android", target_os = "ios")))]
pub mod deliver;

pub use plan::{plan_prompts, PlannedPrompt, PLAN_DAYS};
pub use schedule::{
    next_prompt, HourWindow, NextPrompt, NoPromptReason, PromptOutcome, PromptRecord,
    PromptSettings, Readiness, ScheduleInput, SettingsError,
};
pub use text::{text_for, PromptText};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the person did with a delivered prompt, as far as the platform can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PromptResponse {
    /// "I have a moment" (or a click on the prompt itself): open Thaw on that screen.
    Activated,
    /// "Not now": a real answer; no more prompts today.
    NotNow,
    /// The person closed it without choosing.
    Dismissed,
    /// It timed out on screen.
    Expired,
    /// It was closed some other way (by Thaw, or by the system).
    Closed,
    /// The platform does not say (macOS, Windows, mobile; or the wait ended early).
    Unknown,
}

impl PromptResponse {
    /// Whether the person activated it: the shell opens Thaw on "I have a moment".
    pub fn activated(&self) -> bool {
        matches!(self, PromptResponse::Activated)
    }

    /// What to log for the schedule. `Unknown` stays [`PromptOutcome::Pending`] for the shell to
    /// settle later (e.g. as `Opened` when the app is opened from the prompt, or `Ignored` at the
    /// end of the day).
    pub fn outcome(&self) -> PromptOutcome {
        match self {
            PromptResponse::Activated => PromptOutcome::Opened,
            PromptResponse::NotNow => PromptOutcome::NotNow,
            PromptResponse::Dismissed | PromptResponse::Expired | PromptResponse::Closed => {
                PromptOutcome::Ignored
            }
            PromptResponse::Unknown => PromptOutcome::Pending,
        }
    }
}
