//! Drafts: what the person was typing when Thaw locked, kept in the encrypted store and
//! offered back after unlocking. One per form, replaced as they type; removed when the form
//! is saved for real (in the same unit as the save) or when the person lets it go.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::when::utc_text;
use crate::Store;

/// A draft kept for one form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Draft {
    /// Which form (a code, e.g. "journal").
    pub kind: String,
    /// The form's state as the UI wrote it.
    pub body: String,
    pub updated_at: DateTime<Utc>,
}

/// The longest draft kept (the longest form, a journal entry, allows 20 000 characters).
const MAX_BODY: usize = 256 * 1024;

impl Store {
    /// Keep (or replace) the draft of form `kind`, written at `now`.
    pub async fn save_draft(
        &self,
        kind: &str,
        body: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        if body.len() > MAX_BODY {
            return Err(StoreError::InvalidInput { field: "draft" });
        }
        let mut w = self.write().await?;
        sqlx::query(
            "INSERT INTO drafts (kind, body, updated_at) VALUES (?, ?, ?)
             ON CONFLICT (kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
        )
        .bind(kind)
        .bind(body)
        .bind(utc_text(now.with_timezone(&Utc)))
        .execute(w.conn())
        .await?;
        self.finish(w).await
    }

    /// Every draft kept, oldest first.
    pub async fn drafts(&self) -> Result<Vec<Draft>> {
        let mut r = self.read().await?;
        Ok(
            sqlx::query_as("SELECT kind, body, updated_at FROM drafts ORDER BY updated_at")
                .fetch_all(r.conn())
                .await?,
        )
    }

    /// Let the draft of form `kind` go (saved for real, or not wanted). No draft is fine.
    pub async fn discard_draft(&self, kind: &str) -> Result<()> {
        let mut w = self.write().await?;
        sqlx::query("DELETE FROM drafts WHERE kind = ?")
            .bind(kind)
            .execute(w.conn())
            .await?;
        self.finish(w).await
    }
}
