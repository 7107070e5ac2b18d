//! Desktop delivery through notify-rust (D-Bus on Linux and the BSDs; the system centre on macOS
//! and Windows). Not built for Android or iOS: there the shell delivers through
//! tauri-plugin-notification (see the crate README).
//!
//! Every notification is the same shape: app name "Thaw", summary "Thaw", one generic body from
//! [`crate::text`], low urgency, and two actions, "I have a moment" (key `open`) and "Not now"
//! (key `not-now`). Nothing else goes in: no icon path, no image, no personal text.

use notify_rust::Notification;

use crate::text::{
    PromptText, ACTION_NOT_NOW, ACTION_NOT_NOW_LABEL, ACTION_OPEN, ACTION_OPEN_LABEL,
};
use crate::PromptResponse;

/// The app name every prompt carries (notify-rust would otherwise use the executable's name).
pub const APP_NAME: &str = "Thaw";

/// A prompt could not be shown (no notification service, for one).
#[derive(Debug, thiserror::Error)]
#[error("The prompt could not be shown.")]
pub struct DeliverError(#[source] notify_rust::error::Error);

/// The notification for `text`, not yet shown.
pub fn notification(text: &PromptText) -> Notification {
    let mut n = Notification::new();
    n.appname(APP_NAME)
        .summary(text.title())
        .body(text.body())
        .action(ACTION_OPEN, ACTION_OPEN_LABEL)
        .action(ACTION_NOT_NOW, ACTION_NOT_NOW_LABEL);
    #[cfg(any(all(unix, not(target_os = "macos")), target_os = "windows"))]
    n.urgency(notify_rust::Urgency::Low);
    n
}

/// A prompt on screen. Drop it to stop caring about the answer, or [`ShownPrompt::wait`] for it.
pub struct ShownPrompt {
    #[cfg_attr(not(all(unix, not(target_os = "macos"))), allow(dead_code))]
    handle: notify_rust::NotificationHandle,
}

impl std::fmt::Debug for ShownPrompt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ShownPrompt").finish_non_exhaustive()
    }
}

/// Shows one prompt with `text`. Blocks only for the D-Bus round trip.
pub fn show(text: &PromptText) -> Result<ShownPrompt, DeliverError> {
    let handle = notification(text).show().map_err(DeliverError)?;
    Ok(ShownPrompt { handle })
}

impl ShownPrompt {
    /// The notification server's id for it (Linux and the BSDs).
    #[cfg(all(unix, not(target_os = "macos")))]
    pub fn id(&self) -> u32 {
        self.handle.id()
    }

    /// Blocks until the person acts on the prompt or it is closed, and says what happened.
    /// Run it on a thread of its own (`std::thread::spawn` or `tokio::task::spawn_blocking`): it
    /// can wait for hours. On macOS and Windows the answer is not reported:
    /// [`PromptResponse::Unknown`] at once.
    pub fn wait(self) -> PromptResponse {
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            let mut answer = PromptResponse::Unknown;
            let waited = self
                .handle
                .wait_for_response(|r: &notify_rust::NotificationResponse| {
                    answer = response_of(r);
                });
            if waited.is_err() {
                return PromptResponse::Unknown;
            }
            answer
        }
        #[cfg(not(all(unix, not(target_os = "macos"))))]
        {
            PromptResponse::Unknown
        }
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn response_of(r: &notify_rust::NotificationResponse) -> PromptResponse {
    use notify_rust::{CloseReason, NotificationResponse as R};
    match r {
        R::Default => PromptResponse::Activated,
        R::Action(key) if key == ACTION_OPEN => PromptResponse::Activated,
        R::Action(key) if key == ACTION_NOT_NOW => PromptResponse::NotNow,
        R::Action(_) => PromptResponse::Unknown,
        R::Closed(CloseReason::Dismissed) => PromptResponse::Dismissed,
        R::Closed(CloseReason::Expired) => PromptResponse::Expired,
        R::Closed(_) => PromptResponse::Closed,
        #[allow(unreachable_patterns)]
        _ => PromptResponse::Unknown,
    }
}

/// Shows one prompt and waits for the answer (see [`ShownPrompt::wait`]: call it on a thread of
/// its own).
pub fn deliver(text: &PromptText) -> Result<PromptResponse, DeliverError> {
    Ok(show(text)?.wait())
}
