//! Settings, the log of prompts sent, and the engine's saved state.

use chrono::{DateTime, FixedOffset, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::access::the_row;
use crate::error::{Result, StoreError};
use crate::repo::values::found;
use crate::when::{utc_text, Stamp};
use crate::Store;

/// What came of a prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum PromptOutcome {
    Opened,
    Acted,
    Dismissed,
    Ignored,
}

/// A prompt (notification) that was sent. Its text is never stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct PromptSent {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub offset_min: i32,
    /// A code for the prompt type (e.g. "gentle_nudge"), not its wording.
    pub kind: String,
    pub outcome: Option<PromptOutcome>,
    pub outcome_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Read a setting as JSON.
    pub async fn setting(&self, key: &str) -> Result<Option<serde_json::Value>> {
        let mut r = self.read().await?;
        let raw: Option<String> = sqlx::query_scalar("SELECT value FROM settings WHERE key = ?")
            .bind(key)
            .fetch_optional(r.conn())
            .await?;
        raw.map(|r| serde_json::from_str(&r).map_err(|_| StoreError::Corrupt))
            .transpose()
    }

    /// Read a setting into a type; `None` when unset.
    pub async fn setting_as<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        match self.setting(key).await? {
            None => Ok(None),
            Some(v) => serde_json::from_value(v)
                .map(Some)
                .map_err(|_| StoreError::InvalidInput { field: "setting" }),
        }
    }

    /// Write a setting at `now`.
    pub async fn set_setting<T: Serialize>(
        &self,
        key: &str,
        value: &T,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        let json = serde_json::to_string(value)
            .map_err(|_| StoreError::InvalidInput { field: "setting" })?;
        let mut w = self.write().await?;
        sqlx::query(
            "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(key)
        .bind(json)
        .bind(utc_text(now.with_timezone(&Utc)))
        .execute(w.conn())
        .await?;
        self.finish(w).await
    }

    /// Log a prompt sent at `now`.
    pub async fn log_prompt_sent(
        &self,
        kind: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<PromptSent> {
        let s = Stamp::of(&now);
        let mut w = self.write().await?;
        let row = the_row(
            sqlx::query_as(
                "INSERT INTO prompts_sent (at, offset_min, kind) VALUES (?, ?, ?) RETURNING *",
            )
            .bind(&s.at)
            .bind(s.offset_min)
            .bind(kind)
            .fetch_all(w.conn())
            .await?,
        )?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Record what came of a prompt, at `now`.
    pub async fn set_prompt_outcome(
        &self,
        id: i64,
        outcome: PromptOutcome,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query("UPDATE prompts_sent SET outcome = ?, outcome_at = ? WHERE id = ?")
            .bind(outcome)
            .bind(utc_text(now.with_timezone(&Utc)))
            .bind(id)
            .execute(w.conn())
            .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Prompts sent since `since`, oldest first (for "not too often" rules).
    pub async fn list_prompts_since(&self, since: DateTime<Utc>) -> Result<Vec<PromptSent>> {
        let mut r = self.read().await?;
        Ok(
            sqlx::query_as("SELECT * FROM prompts_sent WHERE at >= ? ORDER BY at")
                .bind(utc_text(since))
                .fetch_all(r.conn())
                .await?,
        )
    }

    /// Save the engine's state under `key` (replacing the previous snapshot), at `now`.
    pub async fn save_engine_snapshot(
        &self,
        key: &str,
        snapshot: &serde_json::Value,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        let mut w = self.write().await?;
        sqlx::query(
            "INSERT INTO engine_snapshots (key, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(key)
        .bind(snapshot.to_string())
        .bind(utc_text(now.with_timezone(&Utc)))
        .execute(w.conn())
        .await?;
        self.finish(w).await
    }

    /// Load the engine's state saved under `key`.
    pub async fn engine_snapshot(&self, key: &str) -> Result<Option<serde_json::Value>> {
        let mut r = self.read().await?;
        let raw: Option<String> =
            sqlx::query_scalar("SELECT value FROM engine_snapshots WHERE key = ?")
                .bind(key)
                .fetch_optional(r.conn())
                .await?;
        raw.map(|r| serde_json::from_str(&r).map_err(|_| StoreError::Corrupt))
            .transpose()
    }
}
