//! Gentle prompts: the core makes the plan (every prompt of the coming days, made ahead), and
//! the platform delivers it. One name per platform, chosen once below, as Tauri's own plugins
//! do (`desktop.rs` / `mobile.rs`, the same functions in each):
//!
//! - `init(app)`: start delivering. Desktop walks the plan with a loop of its own, showing each
//!   prompt through notify-rust when it is due and waiting for the answer; phones register the
//!   notification actions and listen for the answers the OS reports.
//! - `hand_over(app, plan)`: a new plan replaces the old one. Phones cancel what the OS holds
//!   and schedule the new plan with it (a phone suspends Thaw soon after it leaves the screen,
//!   so only the OS can deliver a prompt then); desktop's loop reads the plan from the core.
//!
//! The plan is asked for every half minute while Thaw runs and whenever Thaw leaves the
//! screen; thaw-core makes it again only when something it depends on changed (a write to the
//! store, a prompt sent, the day turning, the person using Thaw, an unlock: its `PlanKey`), so
//! a quiet tick reads nothing. The OS gets the plan only when it changed.

#[cfg(desktop)]
mod desktop;
#[cfg(mobile)]
mod mobile;

#[cfg(desktop)]
use desktop as platform;
#[cfg(mobile)]
use mobile as platform;

use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};
use thaw_prompts::PlannedPrompt;

use crate::commands::{now, AppState};

/// The event that asks the UI to show "I have a moment".
pub const MOMENT_EVENT: &str = "thaw://moment";

/// How often the plan is asked for (made again only if an input changed). Prompts are
/// hour-grained; half a minute is plenty.
const TICK: Duration = Duration::from_secs(30);

pub fn spawn(app: AppHandle) {
    platform::init(&app);
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        let mut handed_over: Option<Vec<PlannedPrompt>> = None;
        loop {
            tick.tick().await;
            replan(&app, &mut handed_over).await;
        }
    });
}

/// Makes the plan again now (e.g. as Thaw leaves the screen, before a phone suspends it).
pub async fn replan_now(app: &AppHandle) {
    let plan = plan(app).await;
    platform::hand_over(app, &plan);
}

async fn replan(app: &AppHandle, handed_over: &mut Option<Vec<PlannedPrompt>>) {
    let plan = plan(app).await;
    if handed_over.as_ref() != Some(&plan) {
        platform::hand_over(app, &plan);
        *handed_over = Some(plan);
    }
}

async fn plan(app: &AppHandle) -> Vec<PlannedPrompt> {
    let state = app.state::<AppState>();
    let mut thaw = state.thaw.lock().await;
    if let Err(e) = thaw.plan_prompt(now()).await {
        // Kinds only: never anything personal in logs.
        eprintln!("thaw: could not plan prompts ({:?})", e.kind);
    }
    thaw.prompt_plan().to_vec()
}

/// Brings the window back and asks the UI for "I have a moment".
pub fn open_on_moment(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
    let _ = app.emit(MOMENT_EVENT, ());
}
