//! The prompt loop: asks the core when the next gentle prompt is due, delivers it through
//! the platform (notify-rust on desktop, the notification plugin on phones), tells the core
//! what came of it, and opens Thaw on "I have a moment" when the person taps it.

#[cfg(desktop)]
mod desktop;
#[cfg(mobile)]
mod mobile;

use std::sync::atomic::Ordering;
use std::time::Duration;

use tauri::{AppHandle, Emitter, Manager};
use thaw_core::PromptResponse;

use crate::commands::{now, AppState};

/// The event that asks the UI to show "I have a moment".
pub const MOMENT_EVENT: &str = "thaw://moment";

/// How often the plan is looked at. Prompts are hour-grained; half a minute is plenty.
const TICK: Duration = Duration::from_secs(30);

pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        loop {
            tick.tick().await;
            let state = app.state::<AppState>();
            let due = {
                let mut thaw = state.thaw.lock().await;
                let now = now();
                if let Err(e) = thaw.plan_prompt(now).await {
                    // Kinds only: never anything personal in logs.
                    eprintln!("thaw: could not plan prompts ({:?})", e.kind);
                }
                state
                    .keep_running
                    .store(thaw.keep_running_in_background(), Ordering::Relaxed);
                thaw.take_due_prompt(now)
            };
            let Some((sent, text)) = due else { continue };
            let response = deliver(&app, text).await;
            if response.activated() {
                open_on_moment(&app);
            }
            let mut thaw = state.thaw.lock().await;
            if let Err(e) = thaw.prompt_answered(sent, response, now()).await {
                eprintln!("thaw: could not log a prompt ({:?})", e.kind);
            }
        }
    });
}

/// Shows the prompt and waits (on a thread of its own) for what the person does with it.
async fn deliver(app: &AppHandle, text: thaw_core::PromptText) -> PromptResponse {
    #[cfg(desktop)]
    let _ = app;
    #[cfg(desktop)]
    let result = tauri::async_runtime::spawn_blocking(move || desktop::deliver(&text)).await;
    #[cfg(mobile)]
    let result = {
        let app = app.clone();
        tauri::async_runtime::spawn_blocking(move || mobile::deliver(&app, &text)).await
    };
    match result {
        Ok(Ok(response)) => response,
        Ok(Err(kind)) => {
            eprintln!("thaw: a prompt could not be shown ({kind})");
            PromptResponse::Unknown
        }
        Err(_) => PromptResponse::Unknown,
    }
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
