//! Thaw's use-cases. This crate joins the pure engine (`thaw-engine`) and the encrypted
//! store (`thaw-store`) into the actions a person takes, and owns the IPC contract the UI
//! speaks (`ipc`). It knows nothing of Tauri: the shell in `src-tauri/` only forwards.
//!
//! Every use-case that depends on the time takes `now` as an argument (the shell passes the
//! local clock), so tests can drive days and weeks.

mod blocking;
mod catalog;
mod clinical;
mod crisis_board;
mod durability;
pub mod error;
pub mod ipc;
mod journal;
mod keep_running;
pub mod limits;
mod model_state;
mod progress;
mod prompts;
mod reach;
mod said;
mod settings;
mod thaw;
mod today;
mod values;
mod written_files;

pub use clinical::questionnaire_definition;
pub use crisis_board::CrisisBoard;
pub use error::{AppError, ErrorKind, Result};
pub use journal::integration_prompts;
pub use keep_running::KeepRunning;
pub use prompts::SentPrompt;
pub use reach::{reach_uri, SmsBody};
pub use thaw::{Thaw, BACKUP_EXTENSION, ERASE_CONFIRMATION};
pub use thaw_clinical::CrisisResources;
/// Thaw's one "today" for a moment: the day turns at 04:00, so a late night belongs to the
/// evening before. Its home is the engine; screens that need only the date ask for it here.
pub use thaw_engine::day_of;
pub use thaw_prompts::{PromptResponse, PromptText};
pub use thaw_store::KdfParams;
pub use values::{library, life_areas};

/// Helpers for tests, benchmarks and test child processes (as `thaw_store::testing`): not used
/// by the app.
pub mod testing {
    use chrono::{DateTime, FixedOffset};

    use crate::ipc::{LifeArea, NewValue};
    use crate::{Result, Thaw};

    /// Adds each value in its area with its first `movements` starter-library movements, as
    /// onboarding does.
    pub async fn add_values(
        thaw: &mut Thaw,
        values: &[(LifeArea, &str)],
        movements: usize,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        for (area, words) in values {
            let library_keys = crate::library(*area)?
                .into_iter()
                .take(movements)
                .map(|t| t.key)
                .collect();
            let value = NewValue {
                area: *area,
                words: words.to_string(),
                library_keys,
            };
            thaw.add_value(&value, now).await?;
        }
        Ok(())
    }
}
