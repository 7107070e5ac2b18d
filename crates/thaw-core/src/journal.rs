//! The journal: free entries and integration prompts, optionally linked to a session and
//! marked to bring up at the next visit.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::catalog::local;
use crate::error::{AppError, Result};
use crate::ipc::{JournalEntryView, JournalInput};
use crate::Thaw;

use crate::limits::{self, JOURNAL_PROMPT, JOURNAL_TEXT as MAX_ENTRY};

/// Prompts for the days after a session, and for any day.
pub fn integration_prompts() -> Vec<String> {
    [
        "What did you notice?",
        "Was there an image of yourself that felt like yours?",
        "What felt a little lighter, even for a moment?",
        "Is there something small you would like to carry into this week?",
        "What would you like to tell your therapist about?",
        "What did your body feel like, during or after?",
    ]
    .into_iter()
    .map(String::from)
    .collect()
}

impl Thaw {
    /// All entries, newest first.
    pub async fn journal(&self) -> Result<Vec<JournalEntryView>> {
        let store = &self.open()?.store;
        let from = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
        let mut entries: Vec<_> = store
            .list_journal(from, to, false)
            .await?
            .into_iter()
            .map(|e| JournalEntryView {
                id: e.id,
                at: local(e.at, e.offset_min),
                day: e.local_date,
                text: e.body,
                prompt: e.prompt,
                session_id: e.session_id,
                to_discuss: e.to_discuss,
            })
            .collect();
        entries.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        Ok(entries)
    }

    pub async fn add_journal(
        &mut self,
        input: &JournalInput,
        now: DateTime<FixedOffset>,
    ) -> Result<JournalEntryView> {
        let unit = self.begin_unit().await?;
        let result = self.add_journal_unit(input, now).await;
        self.end_unit(unit, result).await
    }

    async fn add_journal_unit(
        &mut self,
        input: &JournalInput,
        now: DateTime<FixedOffset>,
    ) -> Result<JournalEntryView> {
        let row = self.checked(input).await?;
        let store = &self.open()?.store;
        let entry = store.add_journal_entry(&row, now).await?;
        self.saved_for_real(crate::ipc::DraftKind::Journal).await?;
        Ok(JournalEntryView {
            id: entry.id,
            at: now,
            day: entry.local_date,
            text: entry.body,
            prompt: entry.prompt,
            session_id: entry.session_id,
            to_discuss: entry.to_discuss,
        })
    }

    /// Rewrite an entry: its words, question, session and "to discuss" mark change, its time
    /// stays (it is still the entry written then). Checked as a new entry is.
    pub async fn update_journal(
        &mut self,
        id: i64,
        input: &JournalInput,
        now: DateTime<FixedOffset>,
    ) -> Result<JournalEntryView> {
        let unit = self.begin_unit().await?;
        let result = self.update_journal_unit(id, input, now).await;
        self.end_unit(unit, result).await
    }

    async fn update_journal_unit(
        &mut self,
        id: i64,
        input: &JournalInput,
        now: DateTime<FixedOffset>,
    ) -> Result<JournalEntryView> {
        let row = self.checked(input).await?;
        let store = &self.open()?.store;
        store
            .update_journal_entry(id, &row, now)
            .await
            .map_err(|e| not_here(e.into()))?;
        self.saved_for_real(crate::ipc::DraftKind::Journal).await?;
        self.journal()
            .await?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or_else(gone)
    }

    /// Delete an entry's words for good (see `Store::delete_journal_entry`).
    pub async fn delete_journal(&mut self, id: i64, now: DateTime<FixedOffset>) -> Result<()> {
        let unit = self.begin_unit().await?;
        let result = async {
            let store = &self.open()?.store;
            store
                .delete_journal_entry(id, now)
                .await
                .map_err(|e| not_here(e.into()))
        }
        .await;
        self.end_unit(unit, result).await
    }

    /// An entry's input, checked and trimmed as the store keeps it.
    async fn checked(&self, input: &JournalInput) -> Result<thaw_store::JournalInput> {
        let text = input.text.trim();
        if text.is_empty() {
            return Err(AppError::invalid(
                "There is nothing to keep yet. A single word is enough.",
            ));
        }
        if text.chars().count() > MAX_ENTRY {
            return Err(AppError::invalid(format!(
                "This entry is longer than Thaw keeps in one piece: up to {MAX_ENTRY} characters. Could you split it in two? Nothing was lost."
            )));
        }
        if let Some(prompt) = &input.prompt {
            limits::check_len(
                prompt.trim(),
                JOURNAL_PROMPT,
                "the question an entry answers",
            )?;
        }
        let store = &self.open()?.store;
        if let Some(session) = input.session_id {
            if !store
                .list_sessions(true)
                .await?
                .iter()
                .any(|s| s.id == session)
            {
                return Err(AppError::new(
                    crate::ErrorKind::NotFound,
                    "That session is no longer here, so the entry was not linked to it. Nothing was lost; try again without it.",
                ));
            }
        }
        Ok(thaw_store::JournalInput {
            session_id: input.session_id,
            prompt: input
                .prompt
                .as_deref()
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(String::from),
            body: text.to_string(),
            to_discuss: input.to_discuss,
        })
    }
}

fn gone() -> AppError {
    AppError::new(
        crate::ErrorKind::NotFound,
        "That entry is no longer in your journal. Nothing else changed.",
    )
}

/// The store's "no such row" as the journal's own words; anything else as it is.
fn not_here(e: AppError) -> AppError {
    if e.kind == crate::ErrorKind::NotFound {
        gone()
    } else {
        e
    }
}
