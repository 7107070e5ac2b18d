//! The person's settings, kept in the encrypted store.

use chrono::{DateTime, FixedOffset};

use crate::error::{AppError, Result};
use crate::ipc::Settings;
use crate::Thaw;

pub(crate) const KEY: &str = "settings";

/// One minute out of sight: long enough to answer a message or look something up, short
/// enough that a phone left on a table is closed before someone else picks it up.
pub(crate) const DEFAULT_LOCK_AWAY_SECONDS: u16 = 60;
/// The longest grace out of sight the person can choose.
pub(crate) const MAX_LOCK_AWAY_SECONDS: u16 = 60 * 60;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            prompt_from_hour: 9,
            prompt_until_hour: 20,
            quiet_from_hour: 21,
            quiet_until_hour: 8,
            prompts_per_day: 2,
            auto_lock_minutes: 10,
            lock_away_seconds: DEFAULT_LOCK_AWAY_SECONDS,
            keep_running_in_background: false,
            questionnaire_every_days: 14,
        }
    }
}

fn validate(s: &Settings) -> Result<()> {
    let hours = [
        s.prompt_from_hour,
        s.prompt_until_hour,
        s.quiet_from_hour,
        s.quiet_until_hour,
    ];
    if hours.iter().any(|h| *h > 23) {
        return Err(AppError::invalid(
            "Hours go from 0 to 23. Nothing was changed.",
        ));
    }
    if s.prompt_from_hour >= s.prompt_until_hour {
        return Err(AppError::invalid(
            "Prompts need a window: the start hour comes before the end hour. Nothing was changed.",
        ));
    }
    if s.prompts_per_day > 6 {
        return Err(AppError::invalid(
            "Thaw keeps prompts few: at most 6 a day. Nothing was changed.",
        ));
    }
    if s.auto_lock_minutes > 24 * 60 {
        return Err(AppError::invalid(
            "Auto-lock can wait at most a day. Nothing was changed.",
        ));
    }
    if s.lock_away_seconds > MAX_LOCK_AWAY_SECONDS {
        return Err(AppError::invalid(
            "Thaw can wait at most an hour out of sight before it locks. Nothing was changed.",
        ));
    }
    if s.questionnaire_every_days > 365 {
        return Err(AppError::invalid(
            "Questionnaire reminders can be at most a year apart, or off (0). Nothing was changed.",
        ));
    }
    Ok(())
}

impl Thaw {
    pub async fn settings(&self) -> Result<Settings> {
        let store = &self.open()?.store;
        Ok(store.setting_as::<Settings>(KEY).await?.unwrap_or_default())
    }

    pub async fn save_settings(
        &mut self,
        input: &Settings,
        now: DateTime<FixedOffset>,
    ) -> Result<Settings> {
        validate(input)?;
        crate::prompts::prompt_settings(input)?;
        self.open()?.store.set_setting(KEY, input, now).await?;
        self.set_auto_lock(input.auto_lock_minutes);
        self.set_lock_away(input.lock_away_seconds);
        self.prompts
            .keep_running
            .set(input.keep_running_in_background);
        Ok(input.clone())
    }
}
