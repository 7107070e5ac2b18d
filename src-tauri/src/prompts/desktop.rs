//! Desktop delivery: a real notification through the session's notification service.

use thaw_core::{PromptResponse, PromptText};

/// Blocks until the notification is answered or closed.
pub fn deliver(text: &PromptText) -> Result<PromptResponse, &'static str> {
    thaw_prompts::deliver::deliver(text).map_err(|_| "no notification service")
}
