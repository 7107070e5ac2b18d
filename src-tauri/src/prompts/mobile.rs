//! Phone delivery: the plan is handed to the OS notification service
//! (tauri-plugin-notification's schedule), which shows each prompt at its time whether Thaw
//! runs or not. A phone suspends Thaw soon after it leaves the screen, so nothing Thaw does
//! "when the prompt is due" would ever happen there.
//!
//! - Each prompt's id is its planned time in whole minutes since 1970 (fits an `i32` until the
//!   year 6053), so the answer the OS reports names the prompt it belongs to.
//! - `Schedule::At` with `allow_while_idle` (Android: the alarm may fire in Doze, as a reminder
//!   must); never repeating.
//! - A new plan cancels everything pending first: the OS never holds two plans.
//! - The words are the plan's generic texts only (nothing personal reaches a lock screen), with
//!   the two actions "I have a moment" and "Not now".
//!
//! Not compiled on these machines (no Android NDK or Xcode for the C crates): written against
//! the plugin's source, version 2.8 (see docs/mobile.md, "What was not verified here").

use chrono::{DateTime, FixedOffset, TimeZone};
use tauri::{AppHandle, Manager};
use tauri_plugin_notification::{Action, ActionType, NotificationExt, PermissionState, Schedule};
use thaw_core::PromptResponse;
use thaw_prompts::text::{ACTION_NOT_NOW, ACTION_NOT_NOW_LABEL, ACTION_OPEN, ACTION_OPEN_LABEL};
use thaw_prompts::PlannedPrompt;

use crate::commands::{now, AppState};

/// The action type every prompt carries.
const ACTION_TYPE: &str = "thaw-prompt";
/// What the plugin reports for a tap on the notification itself.
const ACTION_TAP: &str = "tap";

pub fn init(app: &AppHandle) {
    let notifications = app.notification();
    let actions = ActionType::builder(ACTION_TYPE)
        .actions(vec![
            // Opens Thaw on "I have a moment".
            Action::builder(ACTION_OPEN, ACTION_OPEN_LABEL)
                .foreground(true)
                .build(),
            // Answered from the notification, without opening Thaw.
            Action::builder(ACTION_NOT_NOW, ACTION_NOT_NOW_LABEL).build(),
        ])
        // iOS: with previews hidden, the lock screen shows only this.
        .hidden_previews_body_placeholder("Thaw")
        .build();
    if notifications.register_action_types(vec![actions]).is_err() {
        eprintln!("thaw: the notification actions could not be registered");
    }
    let handle = app.clone();
    let listening = notifications.on_action(move |performed| {
        let response = match performed.action_id() {
            ACTION_OPEN | ACTION_TAP => PromptResponse::Activated,
            ACTION_NOT_NOW => PromptResponse::NotNow,
            _ => return,
        };
        let Some(sent_at) = performed
            .notification()
            .and_then(|n| planned_time(n.id(), now()))
        else {
            return;
        };
        if response.activated() {
            super::open_on_moment(&handle);
        }
        let app = handle.clone();
        tauri::async_runtime::spawn(async move {
            let state = app.state::<AppState>();
            let mut thaw = state.thaw.lock().await;
            if let Err(e) = thaw.prompt_answered_at(sent_at, response, now()).await {
                eprintln!("thaw: could not log a prompt ({:?})", e.kind);
            }
        });
    });
    if listening.is_err() {
        eprintln!("thaw: answers to prompts cannot be heard");
    }
    // The OS shows the plan's prompts itself; the core logs them as sent at their times.
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        state.thaw.lock().await.set_prompt_plan_held_by_os(true);
    });
}

/// Cancels the plan the OS holds and gives it the new one.
pub fn hand_over(app: &AppHandle, plan: &[PlannedPrompt]) {
    let notifications = app.notification();
    if notifications.cancel_all().is_err() {
        eprintln!("thaw: the earlier prompts could not be cancelled");
    }
    if plan.is_empty() {
        return;
    }
    // Asked once, when there is first something to remind of (never at first launch).
    let allowed = match notifications.permission_state() {
        Ok(PermissionState::Granted) => true,
        Ok(PermissionState::Prompt | PermissionState::PromptWithRationale) => matches!(
            notifications.request_permission(),
            Ok(PermissionState::Granted)
        ),
        _ => false,
    };
    if !allowed {
        return;
    }
    for prompt in plan {
        let Some(date) = offset_date_time(prompt.at) else {
            continue;
        };
        let shown = notifications
            .builder()
            .id(prompt_id(prompt.at))
            .title(prompt.text.title())
            .body(prompt.text.body())
            .action_type_id(ACTION_TYPE)
            .schedule(Schedule::At {
                date,
                repeating: false,
                allow_while_idle: true,
            })
            .show();
        if shown.is_err() {
            eprintln!("thaw: a prompt could not be scheduled");
        }
    }
}

/// A prompt's id: its planned time in whole minutes since 1970.
fn prompt_id(at: DateTime<FixedOffset>) -> i32 {
    i32::try_from(at.timestamp().div_euclid(60)).unwrap_or(i32::MAX)
}

/// The planned time an id stands for, in `now`'s offset.
fn planned_time(id: i32, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    now.offset().timestamp_opt(i64::from(id) * 60, 0).single()
}

fn offset_date_time(at: DateTime<FixedOffset>) -> Option<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp(at.timestamp()).ok()
}
