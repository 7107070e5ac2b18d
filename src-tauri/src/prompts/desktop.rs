//! Desktop delivery: the shell's loop walks the plan and shows each prompt when it is due, as
//! a real notification through the session's notification service (notify-rust, inside
//! thaw-prompts), waiting for the answer. Prompts need Thaw running (the tray keeps it so when
//! the person chooses; Settings says so otherwise).

use std::time::Duration;

use tauri::{AppHandle, Manager};
use thaw_core::PromptResponse;
use thaw_prompts::PlannedPrompt;

use crate::commands::{now, AppState};

/// How often the plan is looked at for a prompt that is due.
const TICK: Duration = Duration::from_secs(30);

pub fn init(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        loop {
            tick.tick().await;
            let state = app.state::<AppState>();
            let due = state.thaw.lock().await.take_due_prompt(now());
            let Some((sent, text)) = due else { continue };
            // Blocks until the notification is answered or closed: a thread of its own.
            let shown =
                tauri::async_runtime::spawn_blocking(move || thaw_prompts::deliver::deliver(&text))
                    .await;
            let response = match shown {
                Ok(Ok(response)) => response,
                Ok(Err(_)) => {
                    eprintln!("thaw: a prompt could not be shown (no notification service)");
                    PromptResponse::Unknown
                }
                Err(_) => PromptResponse::Unknown,
            };
            if response.activated() {
                super::open_on_moment(&app);
            }
            let mut thaw = state.thaw.lock().await;
            if let Err(e) = thaw.prompt_answered(sent, response, now()).await {
                eprintln!("thaw: could not log a prompt ({:?})", e.kind);
            }
        }
    });
}

/// Nothing to hand over: the loop above reads the plan from the core at every tick.
pub fn hand_over(_app: &AppHandle, _plan: &[PlannedPrompt]) {}
