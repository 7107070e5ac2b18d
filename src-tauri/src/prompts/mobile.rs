//! Phone delivery through the OS notification service (tauri-plugin-notification).
//! The OS does not report taps back to this loop; opening Thaw from the notification
//! starts it, and the UI offers "I have a moment" from there.

use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;
use thaw_core::{PromptResponse, PromptText};

pub fn deliver(app: &AppHandle, text: &PromptText) -> Result<PromptResponse, &'static str> {
    app.notification()
        .builder()
        .title(text.title())
        .body(text.body())
        .show()
        .map_err(|_| "the notification service refused")?;
    Ok(PromptResponse::Unknown)
}
