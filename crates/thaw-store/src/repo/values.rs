//! Life areas, personal values, movements and their ladders of rungs.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use thaw_engine::RungKind;

use crate::access::the_row;
use crate::codes::rung_kind;
use crate::error::{Result, StoreError};
use crate::when::Stamp;
use crate::Store;

/// A life area, in the person's own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct LifeArea {
    pub id: i64,
    pub name: String,
    pub sort_order: i64,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub created_offset_min: i32,
}

/// Something that matters to the person, in their words, within a life area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct PersonalValue {
    pub id: i64,
    pub life_area_id: Option<i64>,
    pub words: String,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub created_offset_min: i32,
}

/// Something the person would like to do more of, linked to a value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Movement {
    pub id: i64,
    pub value_id: Option<i64>,
    pub title: String,
    /// The starter-library entry it came from; `None` for the person's own.
    pub library_key: Option<String>,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub created_offset_min: i32,
}

/// One step on a movement's ladder, smallest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Rung {
    pub id: i64,
    pub movement_id: i64,
    pub position: i64,
    pub text: String,
    pub size_seconds: Option<i64>,
    /// What kind of step it is, as the ladder was written (inside, preparation, first
    /// minutes, the act).
    #[sqlx(try_from = "crate::codes::Code")]
    pub kind: RungKind,
    pub archived: bool,
}

/// A rung to add or to write over an existing one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RungInput {
    pub text: String,
    pub size_seconds: Option<i64>,
    pub kind: RungKind,
}

/// Which table an archive call is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Archivable {
    LifeArea,
    PersonalValue,
    Movement,
    Rung,
    TreatmentSession,
    JournalEntry,
}

impl Archivable {
    fn table(self) -> &'static str {
        match self {
            Archivable::LifeArea => "life_areas",
            Archivable::PersonalValue => "personal_values",
            Archivable::Movement => "movements",
            Archivable::Rung => "rungs",
            Archivable::TreatmentSession => "treatment_sessions",
            Archivable::JournalEntry => "journal_entries",
        }
    }
}

impl Store {
    /// Add a life area.
    pub async fn add_life_area(
        &self,
        name: &str,
        sort_order: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<LifeArea> {
        let s = Stamp::of(&now);
        let mut w = self.write().await?;
        let row = the_row(
            sqlx::query_as(
                "INSERT INTO life_areas (name, sort_order, created_at, created_offset_min)
             VALUES (?, ?, ?, ?) RETURNING *",
            )
            .bind(name)
            .bind(sort_order)
            .bind(&s.at)
            .bind(s.offset_min)
            .fetch_all(w.conn())
            .await?,
        )?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Life areas in order; archived ones only when asked.
    pub async fn list_life_areas(&self, include_archived: bool) -> Result<Vec<LifeArea>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM life_areas WHERE archived = 0 OR ? ORDER BY sort_order, id",
        )
        .bind(include_archived)
        .fetch_all(r.conn())
        .await?)
    }

    /// Rename a life area.
    pub async fn rename_life_area(&self, id: i64, name: &str) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query("UPDATE life_areas SET name = ? WHERE id = ?")
            .bind(name)
            .bind(id)
            .execute(w.conn())
            .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Add a value in the person's words.
    pub async fn add_value(
        &self,
        life_area_id: Option<i64>,
        words: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<PersonalValue> {
        let s = Stamp::of(&now);
        let mut w = self.write().await?;
        let row = the_row(
            sqlx::query_as(
                "INSERT INTO personal_values (life_area_id, words, created_at, created_offset_min)
             VALUES (?, ?, ?, ?) RETURNING *",
            )
            .bind(life_area_id)
            .bind(words)
            .bind(&s.at)
            .bind(s.offset_min)
            .fetch_all(w.conn())
            .await?,
        )?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Values; archived ones only when asked.
    pub async fn list_values(&self, include_archived: bool) -> Result<Vec<PersonalValue>> {
        let mut r = self.read().await?;
        Ok(
            sqlx::query_as("SELECT * FROM personal_values WHERE archived = 0 OR ? ORDER BY id")
                .bind(include_archived)
                .fetch_all(r.conn())
                .await?,
        )
    }

    /// Change a value's words.
    pub async fn update_value_words(&self, id: i64, words: &str) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query("UPDATE personal_values SET words = ? WHERE id = ?")
            .bind(words)
            .bind(id)
            .execute(w.conn())
            .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Add a movement with its ladder in one transaction (smallest rung first).
    pub async fn add_movement(
        &self,
        value_id: Option<i64>,
        title: &str,
        library_key: Option<&str>,
        rungs: &[RungInput],
        now: DateTime<FixedOffset>,
    ) -> Result<(Movement, Vec<Rung>)> {
        let s = Stamp::of(&now);
        let mut tx = self.write().await?;
        let movement: Movement = the_row(sqlx::query_as(
            "INSERT INTO movements (value_id, title, library_key, created_at, created_offset_min)
             VALUES (?, ?, ?, ?, ?) RETURNING *",
        )
        .bind(value_id)
        .bind(title)
        .bind(library_key)
        .bind(&s.at)
        .bind(s.offset_min)
        .fetch_all(tx.conn())
        .await?)?;
        let mut out = Vec::with_capacity(rungs.len());
        for (i, r) in rungs.iter().enumerate() {
            out.push(insert_rung(tx.conn(), movement.id, i as i64, r).await?);
        }
        self.finish(tx).await?;
        Ok((movement, out))
    }

    /// Movements; archived ones only when asked.
    pub async fn list_movements(&self, include_archived: bool) -> Result<Vec<Movement>> {
        let mut r = self.read().await?;
        Ok(
            sqlx::query_as("SELECT * FROM movements WHERE archived = 0 OR ? ORDER BY id")
                .bind(include_archived)
                .fetch_all(r.conn())
                .await?,
        )
    }

    /// Change a movement's title or value.
    pub async fn update_movement(&self, id: i64, value_id: Option<i64>, title: &str) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query("UPDATE movements SET value_id = ?, title = ? WHERE id = ?")
            .bind(value_id)
            .bind(title)
            .bind(id)
            .execute(w.conn())
            .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// The ladder of a movement, smallest first; archived rungs only when asked.
    pub async fn list_rungs(&self, movement_id: i64, include_archived: bool) -> Result<Vec<Rung>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM rungs WHERE movement_id = ? AND (archived = 0 OR ?)
             ORDER BY position, id",
        )
        .bind(movement_id)
        .bind(include_archived)
        .fetch_all(r.conn())
        .await?)
    }

    /// Add a rung at the end of a ladder.
    pub async fn add_rung(&self, movement_id: i64, rung: &RungInput) -> Result<Rung> {
        let mut tx = self.write().await?;
        let next: i64 = the_row(
            sqlx::query_scalar(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM rungs WHERE movement_id = ?",
            )
            .bind(movement_id)
            .fetch_all(tx.conn())
            .await?,
        )?;
        let r = insert_rung(tx.conn(), movement_id, next, rung).await?;
        self.finish(tx).await?;
        Ok(r)
    }

    /// Edit a rung's words or size (the person may reword a generated step).
    pub async fn update_rung(&self, id: i64, rung: &RungInput) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query(
            "UPDATE rungs SET text = ?, size_seconds = ?, kind = ?, internal = ? WHERE id = ?",
        )
        .bind(&rung.text)
        .bind(rung.size_seconds)
        .bind(rung_kind(rung.kind))
        .bind(rung.kind.is_inside())
        .bind(id)
        .execute(w.conn())
        .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Archive (hide, never delete) or bring back an item.
    pub async fn set_archived(&self, what: Archivable, id: i64, archived: bool) -> Result<()> {
        // The table name comes from a closed enum, never from input.
        let sql = format!("UPDATE {} SET archived = ? WHERE id = ?", what.table());
        let mut w = self.write().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(archived)
            .bind(id)
            .execute(w.conn())
            .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }
}

async fn insert_rung(
    tx: &mut sqlx::SqliteConnection,
    movement_id: i64,
    position: i64,
    r: &RungInput,
) -> Result<Rung> {
    the_row(
        sqlx::query_as(
            "INSERT INTO rungs (movement_id, position, text, size_seconds, kind, internal)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING *",
        )
        .bind(movement_id)
        .bind(position)
        .bind(&r.text)
        .bind(r.size_seconds)
        .bind(rung_kind(r.kind))
        .bind(r.kind.is_inside())
        .fetch_all(tx)
        .await?,
    )
}

pub(crate) fn found(rows: u64) -> Result<()> {
    if rows == 0 {
        Err(StoreError::NotFound)
    } else {
        Ok(())
    }
}
