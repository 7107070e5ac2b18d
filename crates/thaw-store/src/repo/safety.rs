//! The personal safety plan (Stanley-Brown) and crisis contacts.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use crate::access::the_row;
use crate::error::Result;
use crate::repo::values::found;
use crate::when::Stamp;
use crate::Store;

/// The Stanley-Brown safety plan sections plus reasons for living, each a list of lines in
/// the person's words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct SafetyPlan {
    #[sqlx(json)]
    pub warning_signs: Vec<String>,
    #[sqlx(json)]
    pub coping_on_my_own: Vec<String>,
    #[sqlx(json)]
    pub people_and_places_for_distraction: Vec<String>,
    #[sqlx(json)]
    pub people_to_ask_for_help: Vec<String>,
    #[sqlx(json)]
    pub professionals_and_services: Vec<String>,
    #[sqlx(json)]
    pub making_surroundings_safer: Vec<String>,
    #[sqlx(json)]
    pub reasons_for_living: Vec<String>,
}

/// Kinds of crisis contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ContactKind {
    Personal,
    Clinic,
    CrisisLine,
    Emergency,
}

/// A crisis contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct CrisisContact {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub kind: ContactKind,
    pub region: Option<String>,
    pub sort_order: i64,
    pub archived: bool,
}

/// A crisis contact to add or write over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactInput {
    pub name: String,
    pub phone: String,
    pub kind: ContactKind,
    pub region: Option<String>,
    pub sort_order: i64,
}

impl Store {
    /// The safety plan; empty sections when none was written yet.
    pub async fn safety_plan(&self) -> Result<SafetyPlan> {
        let mut r = self.read().await?;
        let plan: Option<SafetyPlan> = sqlx::query_as("SELECT * FROM safety_plan WHERE id = 1")
            .fetch_optional(r.conn())
            .await?;
        Ok(plan.unwrap_or_default())
    }

    /// When the safety plan was last saved.
    pub async fn safety_plan_updated_at(&self) -> Result<Option<DateTime<Utc>>> {
        let mut r = self.read().await?;
        Ok(
            sqlx::query_scalar("SELECT updated_at FROM safety_plan WHERE id = 1")
                .fetch_optional(r.conn())
                .await?,
        )
    }

    /// Save the whole safety plan at `now`.
    pub async fn save_safety_plan(&self, p: &SafetyPlan, now: DateTime<FixedOffset>) -> Result<()> {
        let s = Stamp::of(&now);
        let j = |v: &Vec<String>| serde_json::to_string(v).expect("strings serialise");
        let mut w = self.write().await?;
        sqlx::query(
            "INSERT INTO safety_plan (id, warning_signs, coping_on_my_own,
                 people_and_places_for_distraction, people_to_ask_for_help,
                 professionals_and_services, making_surroundings_safer, reasons_for_living,
                 updated_at, updated_offset_min)
             VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET
                 warning_signs = excluded.warning_signs,
                 coping_on_my_own = excluded.coping_on_my_own,
                 people_and_places_for_distraction = excluded.people_and_places_for_distraction,
                 people_to_ask_for_help = excluded.people_to_ask_for_help,
                 professionals_and_services = excluded.professionals_and_services,
                 making_surroundings_safer = excluded.making_surroundings_safer,
                 reasons_for_living = excluded.reasons_for_living,
                 updated_at = excluded.updated_at,
                 updated_offset_min = excluded.updated_offset_min",
        )
        .bind(j(&p.warning_signs))
        .bind(j(&p.coping_on_my_own))
        .bind(j(&p.people_and_places_for_distraction))
        .bind(j(&p.people_to_ask_for_help))
        .bind(j(&p.professionals_and_services))
        .bind(j(&p.making_surroundings_safer))
        .bind(j(&p.reasons_for_living))
        .bind(&s.at)
        .bind(s.offset_min)
        .execute(w.conn())
        .await?;
        self.finish(w).await
    }

    /// Add a crisis contact.
    pub async fn add_crisis_contact(&self, c: &ContactInput) -> Result<CrisisContact> {
        let mut w = self.write().await?;
        let row = the_row(
            sqlx::query_as(
                "INSERT INTO crisis_contacts (name, phone, kind, region, sort_order)
             VALUES (?, ?, ?, ?, ?) RETURNING *",
            )
            .bind(&c.name)
            .bind(&c.phone)
            .bind(c.kind)
            .bind(&c.region)
            .bind(c.sort_order)
            .fetch_all(w.conn())
            .await?,
        )?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Edit a crisis contact.
    pub async fn update_crisis_contact(&self, id: i64, c: &ContactInput) -> Result<()> {
        let mut w = self.write().await?;
        let r = sqlx::query(
            "UPDATE crisis_contacts SET name = ?, phone = ?, kind = ?, region = ?, sort_order = ?
             WHERE id = ?",
        )
        .bind(&c.name)
        .bind(&c.phone)
        .bind(c.kind)
        .bind(&c.region)
        .bind(c.sort_order)
        .bind(id)
        .execute(w.conn())
        .await?;
        found(r.rows_affected())?;
        self.finish(w).await
    }

    /// Crisis contacts in order; archived ones only when asked.
    pub async fn list_crisis_contacts(&self, include_archived: bool) -> Result<Vec<CrisisContact>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM crisis_contacts WHERE archived = 0 OR ? ORDER BY sort_order, id",
        )
        .bind(include_archived)
        .fetch_all(r.conn())
        .await?)
    }
}
