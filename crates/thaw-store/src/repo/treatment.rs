//! Treatment sessions, the journal, and questionnaire responses (PHQ-9, GAD-7).

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use thaw_clinical::summary::{SessionKind, SessionSetting};

use crate::access::the_row;
use crate::codes::{session_kind, session_setting};
use crate::error::{Result, StoreError};
use crate::repo::values::found;
use crate::when::{utc_text, Stamp};
use crate::Store;

/// A treatment session as logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct TreatmentSession {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub offset_min: i32,
    pub local_date: NaiveDate,
    #[sqlx(try_from = "crate::codes::Code")]
    pub kind: SessionKind,
    #[sqlx(try_from = "crate::codes::Code")]
    pub setting: SessionSetting,
    pub intention: Option<String>,
    pub notes: Option<String>,
    pub archived: bool,
}

/// A session to log or to write over an existing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInput {
    /// When the session took place, with the local offset then.
    pub at: DateTime<FixedOffset>,
    pub kind: SessionKind,
    pub setting: SessionSetting,
    pub intention: Option<String>,
    pub notes: Option<String>,
}

/// A journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct JournalEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub offset_min: i32,
    pub local_date: NaiveDate,
    pub session_id: Option<i64>,
    /// The integration prompt the person answered, if any.
    pub prompt: Option<String>,
    pub body: String,
    /// Marked to bring up at the next visit.
    pub to_discuss: bool,
    pub updated_at: Option<DateTime<Utc>>,
    pub archived: bool,
}

/// A journal entry to write or to write over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalInput {
    pub session_id: Option<i64>,
    pub prompt: Option<String>,
    pub body: String,
    pub to_discuss: bool,
}

/// Which questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum Instrument {
    Phq9,
    Gad7,
}

impl Instrument {
    /// Number of items.
    pub fn items(self) -> usize {
        match self {
            Instrument::Phq9 => 9,
            Instrument::Gad7 => 7,
        }
    }
}

/// One completed questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct QuestionnaireResponse {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub offset_min: i32,
    pub local_date: NaiveDate,
    pub instrument: Instrument,
    /// Item answers in order, each 0 ("not at all") to 3 ("nearly every day").
    #[sqlx(json)]
    pub answers: Vec<u8>,
    /// The published total (sum of the items).
    pub total: i64,
    /// PHQ-9 only: item 9 answered above "not at all".
    pub item9_positive: bool,
    pub flagged_for_visit: bool,
}

impl Store {
    /// Log a treatment session.
    pub async fn add_session(&self, s: &SessionInput) -> Result<TreatmentSession> {
        let st = Stamp::of(&s.at);
        let mut w = self.write().await?;
        let row = the_row(sqlx::query_as(
            "INSERT INTO treatment_sessions (at, offset_min, local_date, kind, setting, intention, notes)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
        )
        .bind(&st.at)
        .bind(st.offset_min)
        .bind(st.local_date)
        .bind(session_kind(s.kind))
        .bind(session_setting(s.setting))
        .bind(&s.intention)
        .bind(&s.notes)
        .fetch_all(w.conn())
        .await?)?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Correct a logged session.
    pub async fn update_session(&self, id: i64, s: &SessionInput) -> Result<()> {
        let st = Stamp::of(&s.at);
        let mut w = self.write().await?;
        let r = sqlx::query(
            "UPDATE treatment_sessions SET at = ?, offset_min = ?, local_date = ?, kind = ?,
                    setting = ?, intention = ?, notes = ? WHERE id = ?",
        )
        .bind(&st.at)
        .bind(st.offset_min)
        .bind(st.local_date)
        .bind(session_kind(s.kind))
        .bind(session_setting(s.setting))
        .bind(&s.intention)
        .bind(&s.notes)
        .bind(id)
        .execute(w.conn())
        .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Sessions, newest first; archived ones only when asked.
    pub async fn list_sessions(&self, include_archived: bool) -> Result<Vec<TreatmentSession>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM treatment_sessions WHERE archived = 0 OR ? ORDER BY at DESC",
        )
        .bind(include_archived)
        .fetch_all(r.conn())
        .await?)
    }

    /// The most recent session at or before `now`, for "days since the last session".
    pub async fn last_session(
        &self,
        now: DateTime<FixedOffset>,
    ) -> Result<Option<TreatmentSession>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM treatment_sessions WHERE archived = 0 AND at <= ? ORDER BY at DESC LIMIT 1",
        )
        .bind(utc_text(now.with_timezone(&Utc)))
        .fetch_optional(r.conn())
        .await?)
    }

    /// Write a journal entry at `now`.
    pub async fn add_journal_entry(
        &self,
        j: &JournalInput,
        now: DateTime<FixedOffset>,
    ) -> Result<JournalEntry> {
        let s = Stamp::of(&now);
        let mut w = self.write().await?;
        let row = the_row(sqlx::query_as(
            "INSERT INTO journal_entries (at, offset_min, local_date, session_id, prompt, body, to_discuss)
             VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
        )
        .bind(&s.at)
        .bind(s.offset_min)
        .bind(s.local_date)
        .bind(j.session_id)
        .bind(&j.prompt)
        .bind(&j.body)
        .bind(j.to_discuss)
        .fetch_all(w.conn())
        .await?)?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Edit a journal entry at `now` (its original time stays).
    pub async fn update_journal_entry(
        &self,
        id: i64,
        j: &JournalInput,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query(
            "UPDATE journal_entries SET session_id = ?, prompt = ?, body = ?, to_discuss = ?,
                    updated_at = ? WHERE id = ? AND archived = 0",
        )
        .bind(j.session_id)
        .bind(&j.prompt)
        .bind(&j.body)
        .bind(j.to_discuss)
        .bind(utc_text(now.with_timezone(&Utc)))
        .bind(id)
        .execute(w.conn())
        .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Delete a journal entry's words at `now`: its text, question, session link and "to
    /// discuss" mark are cleared and it is archived, in one write. The empty row stays, because
    /// row ids are the store's high-water record (`high_water.rs`: rows are never removed), so
    /// a deletion is never mistaken for lost data.
    pub async fn delete_journal_entry(&self, id: i64, now: DateTime<FixedOffset>) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query(
            "UPDATE journal_entries SET body = '', prompt = NULL, session_id = NULL, to_discuss = 0,
                    archived = 1, updated_at = ? WHERE id = ? AND archived = 0",
        )
        .bind(utc_text(now.with_timezone(&Utc)))
        .bind(id)
        .execute(w.conn())
        .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Journal entries between two local dates (inclusive), newest first.
    pub async fn list_journal(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        include_archived: bool,
    ) -> Result<Vec<JournalEntry>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM journal_entries WHERE local_date BETWEEN ? AND ? AND (archived = 0 OR ?)
             ORDER BY at DESC",
        )
        .bind(from)
        .bind(to)
        .bind(include_archived)
        .fetch_all(r.conn())
        .await?)
    }

    /// Entries marked "to discuss", oldest first, for the visit summary.
    pub async fn list_to_discuss(&self) -> Result<Vec<JournalEntry>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM journal_entries WHERE to_discuss = 1 AND archived = 0 ORDER BY at",
        )
        .fetch_all(r.conn())
        .await?)
    }

    /// Store a completed questionnaire. The total and the item-9 flag are computed here
    /// from the answers exactly as published (sum of items; PHQ-9 item 9 above 0), so they
    /// can never disagree with the answers.
    pub async fn add_questionnaire(
        &self,
        instrument: Instrument,
        answers: &[u8],
        now: DateTime<FixedOffset>,
    ) -> Result<QuestionnaireResponse> {
        if answers.len() != instrument.items() || answers.iter().any(|&a| a > 3) {
            return Err(StoreError::InvalidInput { field: "answers" });
        }
        let total: i64 = answers.iter().map(|&a| i64::from(a)).sum();
        let item9 = instrument == Instrument::Phq9 && answers[8] > 0;
        let s = Stamp::of(&now);
        let json = serde_json::to_string(answers).expect("answers serialise");
        let mut w = self.write().await?;
        let row = the_row(sqlx::query_as(
            "INSERT INTO questionnaire_responses (at, offset_min, local_date, instrument, answers,
                                                  total, item9_positive, flagged_for_visit)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
        )
        .bind(&s.at)
        .bind(s.offset_min)
        .bind(s.local_date)
        .bind(instrument)
        .bind(json)
        .bind(total)
        .bind(item9)
        // A positive item 9 is always flagged for the next visit; the person can unflag it.
        .bind(item9)
        .fetch_all(w.conn())
        .await?)?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Mark or unmark a questionnaire for the next visit.
    pub async fn flag_questionnaire_for_visit(&self, id: i64, flagged: bool) -> Result<()> {
        let mut w = self.write().await?;
        let r =
            sqlx::query("UPDATE questionnaire_responses SET flagged_for_visit = ? WHERE id = ?")
                .bind(flagged)
                .bind(id)
                .execute(w.conn())
                .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Questionnaires of one kind between two local dates (inclusive), oldest first.
    pub async fn list_questionnaires(
        &self,
        instrument: Instrument,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<QuestionnaireResponse>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM questionnaire_responses
             WHERE instrument = ? AND local_date BETWEEN ? AND ? ORDER BY at",
        )
        .bind(instrument)
        .bind(from)
        .bind(to)
        .fetch_all(r.conn())
        .await?)
    }
}
