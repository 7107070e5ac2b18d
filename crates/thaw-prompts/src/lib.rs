//! Gentle prompts for Thaw: few, well-timed, skippable and discreet.
//!
//! - [`schedule`]: when the next prompt is due. Pure: `now` and everything else are arguments.
//! - [`text`]: the words, a small rotating set that never holds anything personal.
//! - `deliver` (desktop only): one notification through notify-rust, and the person's answer.
//!
//! The crate knows nothing of Tauri. The shell (src-tauri) runs the loop: ask [`next_prompt`],
//! wait until it is due, pick the words with [`text_for`], hand them to a [`PromptSink`]
//! ([`deliver::DesktopSink`] on desktop; tauri-plugin-notification on mobile), log a
//! [`PromptRecord`] in the encrypted store, and open the app on "I have a moment" when the answer
//! is [`PromptResponse::Activated`]. See README.md.

pub mod schedule;
pub mod text;

#[cfg(not(any(target_os = "android", target_os = "ios")))]
pub mod deliver;

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

/// The seam between the schedule and a platform: something that shows one prompt and reports
/// what the person did. `deliver` may block until the person answers, so the shell calls it on a
/// thread of its own.
///
/// Desktop: [`deliver::DesktopSink`]. Mobile: the shell implements this with
/// tauri-plugin-notification behind `cfg(mobile)`, returning [`PromptResponse::Unknown`] at
/// once; the answer arrives later through the plugin's action event.
pub trait PromptSink {
    /// Why a prompt could not be shown.
    type Error;
    /// Shows `text` (title, body, the "I have a moment" and "Not now" actions) and reports the
    /// answer.
    fn deliver(&self, text: &PromptText) -> Result<PromptResponse, Self::Error>;
}
