//! The daily loop: check-ins, offers and responses, internal shifts, and the Today and
//! Progress queries.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use thaw_engine::RungKind;

use crate::access::the_row;
use crate::codes::rung_kind;
use crate::error::{Result, StoreError};
use crate::repo::treatment::TreatmentSession;
use crate::repo::values::{LifeArea, Movement, PersonalValue, Rung};
use crate::when::{scale, Stamp};
use crate::Store;

/// A check-in: energy, mood and room today, each optional on a 0..=4 scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct CheckIn {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub offset_min: i32,
    pub local_date: NaiveDate,
    pub energy: Option<u8>,
    pub mood: Option<u8>,
    pub room: Option<u8>,
}

/// What the person answered in a check-in (all optional, 0..=4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCheckIn {
    pub energy: Option<u8>,
    pub mood: Option<u8>,
    pub room: Option<u8>,
}

/// Where an offer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum OfferSource {
    /// The engine's one offer for now.
    Engine,
    /// The person pressed "I have a moment".
    Moment,
}

/// One small step offered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Offer {
    pub id: i64,
    pub offered_at: DateTime<Utc>,
    pub offered_offset_min: i32,
    pub local_date: NaiveDate,
    pub value_id: Option<i64>,
    pub movement_id: Option<i64>,
    pub rung_id: Option<i64>,
    pub reason: String,
    pub source: OfferSource,
    /// The step's words, kind and size in seconds as they were shown: a waiting offer is
    /// shown again from these, never rebuilt from rung rows that may have changed since.
    pub text: String,
    #[sqlx(try_from = "crate::codes::Code")]
    pub kind: RungKind,
    pub seconds: u32,
    /// A "bit more" the person asked for after a Done.
    pub bit_more: bool,
}

/// An offer to record: what was decided, as it is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewOffer {
    pub value_id: Option<i64>,
    pub movement_id: Option<i64>,
    pub rung_id: Option<i64>,
    pub reason: String,
    pub source: OfferSource,
    pub text: String,
    pub kind: RungKind,
    pub seconds: u32,
    pub bit_more: bool,
}

/// The person's answer to an offer: the engine's `Response`, defined once there (named
/// `ResponseKind` here because [`Response`] is the stored row). Stored as text by `codes.rs`.
pub use thaw_engine::Response as ResponseKind;

/// The response to one offer; updated in place as it goes (Started, later Done).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct Response {
    pub id: i64,
    pub offer_id: i64,
    #[sqlx(try_from = "crate::codes::Code")]
    pub kind: ResponseKind,
    pub responded_at: DateTime<Utc>,
    pub responded_offset_min: i32,
    pub local_date: NaiveDate,
    pub started_at: Option<DateTime<Utc>>,
    pub done_at: Option<DateTime<Utc>>,
    pub dread_before: Option<u8>,
    pub satisfaction_after: Option<u8>,
}

/// A response to record. Dread and satisfaction are optional, 0..=4; a value given earlier
/// is kept when a later update leaves it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewResponse {
    pub kind: ResponseKind,
    pub dread_before: Option<u8>,
    pub satisfaction_after: Option<u8>,
}

/// An internal shift the person noticed. It counts as progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct InternalShift {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub offset_min: i32,
    pub local_date: NaiveDate,
    pub value_id: Option<i64>,
    pub movement_id: Option<i64>,
    pub words: String,
}

/// An offer with its response, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferWithResponse {
    pub offer: Offer,
    pub response: Option<Response>,
}

/// Everything the Today screen needs for one local day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    pub date: NaiveDate,
    /// The day's check-ins, oldest first (the latest is the one that counts).
    pub check_ins: Vec<CheckIn>,
    /// The day's offers in order, each with its response.
    pub offers: Vec<OfferWithResponse>,
    /// Shifts noticed today.
    pub shifts: Vec<InternalShift>,
}

/// What the daily loop decides from, read in one transaction ([`Store::daily`]).
#[derive(Debug, Clone)]
pub struct Daily {
    pub today: Today,
    /// The latest offer of all, with its answer: a step seen late at night is still the one
    /// on screen in the morning, though its day has passed.
    pub latest: Option<OfferWithResponse>,
    pub catalog: CatalogRows,
    /// The latest treatment session up to now.
    pub last_session: Option<TreatmentSession>,
    /// When the latest questionnaire was answered.
    pub last_questionnaire: Option<DateTime<Utc>>,
    /// The stored settings value asked for, as JSON.
    pub settings: Option<serde_json::Value>,
}

/// What the engine chooses from, as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogRows {
    /// Every life area and value, archived ones too (an old offer may name one).
    pub life_areas: Vec<LifeArea>,
    pub values: Vec<PersonalValue>,
    /// Live movements, and their live rungs ordered by movement, then smallest first.
    pub movements: Vec<Movement>,
    pub rungs: Vec<Rung>,
}

/// One answered offer, flattened for progress views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
pub struct ProgressMove {
    pub offer_id: i64,
    pub value_id: Option<i64>,
    pub movement_id: Option<i64>,
    pub rung_id: Option<i64>,
    #[sqlx(try_from = "crate::codes::Code")]
    pub kind: ResponseKind,
    /// The local day of the response.
    pub local_date: NaiveDate,
    /// The person's offset from UTC, in minutes, when they answered (to show its times as they
    /// lived them).
    pub responded_offset_min: i32,
    pub offered_at: DateTime<Utc>,
    pub started_at: Option<DateTime<Utc>>,
    pub done_at: Option<DateTime<Utc>>,
    pub dread_before: Option<u8>,
    pub satisfaction_after: Option<u8>,
    /// The step as it was shown.
    pub text: String,
    #[sqlx(try_from = "crate::codes::Code")]
    pub offer_kind: RungKind,
}

/// Responses and shifts between two local dates (inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub moves: Vec<ProgressMove>,
    pub shifts: Vec<InternalShift>,
}

impl Store {
    /// Record a check-in made at `now`.
    pub async fn add_check_in(&self, c: NewCheckIn, now: DateTime<FixedOffset>) -> Result<CheckIn> {
        let s = Stamp::of(&now);
        let mut w = self.write().await?;
        let row = the_row(
            sqlx::query_as(
                "INSERT INTO check_ins (at, offset_min, local_date, energy, mood, room)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING *",
            )
            .bind(&s.at)
            .bind(s.offset_min)
            .bind(s.local_date)
            .bind(scale(c.energy, "energy")?)
            .bind(scale(c.mood, "mood")?)
            .bind(scale(c.room, "room")?)
            .fetch_all(w.conn())
            .await?,
        )?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Check-ins between two local dates (inclusive), oldest first.
    pub async fn list_check_ins(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<CheckIn>> {
        let mut r = self.read().await?;
        Ok(sqlx::query_as(
            "SELECT * FROM check_ins WHERE local_date BETWEEN ? AND ? ORDER BY local_date, at",
        )
        .bind(from)
        .bind(to)
        .fetch_all(r.conn())
        .await?)
    }

    /// Record an offer made at `now`.
    pub async fn add_offer(&self, o: &NewOffer, now: DateTime<FixedOffset>) -> Result<Offer> {
        let s = Stamp::of(&now);
        let mut w = self.write().await?;
        let row = the_row(
            sqlx::query_as(
                "INSERT INTO offers (offered_at, offered_offset_min, local_date, value_id,
                                 movement_id, rung_id, reason, source, text, kind, seconds, bit_more)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
            )
            .bind(&s.at)
            .bind(s.offset_min)
            .bind(s.local_date)
            .bind(o.value_id)
            .bind(o.movement_id)
            .bind(o.rung_id)
            .bind(&o.reason)
            .bind(o.source)
            .bind(&o.text)
            .bind(rung_kind(o.kind))
            .bind(o.seconds)
            .bind(o.bit_more)
            .fetch_all(w.conn())
            .await?,
        )?;
        self.finish(w).await?;
        Ok(row)
    }

    /// Record or update the response to an offer, at `now`. Started sets the start time
    /// once; Done sets the done time; earlier dread/satisfaction answers are kept when the
    /// update leaves them out. One statement, so it is atomic without a transaction.
    pub async fn respond_to_offer(
        &self,
        offer_id: i64,
        r: NewResponse,
        now: DateTime<FixedOffset>,
    ) -> Result<Response> {
        let s = Stamp::of(&now);
        let started = (r.kind == ResponseKind::Started).then_some(s.at.as_str());
        let done = (r.kind == ResponseKind::Done).then_some(s.at.as_str());
        let mut w = self.write().await?;
        let result = sqlx::query_as(
            "INSERT INTO responses (offer_id, kind, responded_at, responded_offset_min, local_date,
                                    started_at, done_at, dread_before, satisfaction_after)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (offer_id) DO UPDATE SET
                 kind = excluded.kind,
                 responded_at = excluded.responded_at,
                 responded_offset_min = excluded.responded_offset_min,
                 local_date = excluded.local_date,
                 started_at = COALESCE(responses.started_at, excluded.started_at),
                 done_at = COALESCE(excluded.done_at, responses.done_at),
                 dread_before = COALESCE(excluded.dread_before, responses.dread_before),
                 satisfaction_after = COALESCE(excluded.satisfaction_after, responses.satisfaction_after)
             RETURNING *",
        )
        .bind(offer_id)
        .bind(crate::codes::response(r.kind))
        .bind(&s.at)
        .bind(s.offset_min)
        .bind(s.local_date)
        .bind(started)
        .bind(done)
        .bind(scale(r.dread_before, "dread_before")?)
        .bind(scale(r.satisfaction_after, "satisfaction_after")?)
        .fetch_all(w.conn())
        .await;
        let row = match result {
            Ok(rows) => the_row(rows)?,
            Err(sqlx::Error::Database(e)) if e.is_foreign_key_violation() => {
                return Err(StoreError::NotFound)
            }
            Err(e) => return Err(e.into()),
        };
        self.finish(w).await?;
        Ok(row)
    }

    /// Log an internal shift noticed at `now`.
    pub async fn add_shift(
        &self,
        value_id: Option<i64>,
        movement_id: Option<i64>,
        words: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<InternalShift> {
        let s = Stamp::of(&now);
        let mut w = self.write().await?;
        let row = the_row(sqlx::query_as(
            "INSERT INTO internal_shifts (at, offset_min, local_date, value_id, movement_id, words)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING *",
        )
        .bind(&s.at)
        .bind(s.offset_min)
        .bind(s.local_date)
        .bind(value_id)
        .bind(movement_id)
        .bind(words)
        .fetch_all(w.conn())
        .await?)?;
        self.finish(w).await?;
        Ok(row)
    }

    /// The Today query for the local day `date`: check-ins, offers with their responses,
    /// and shifts. Three indexed lookups; all read from one snapshot (one transaction).
    pub async fn today(&self, date: NaiveDate) -> Result<Today> {
        let mut tx = self.snapshot().await?;
        let today = today_in(tx.conn(), date).await?;
        self.finish(tx).await?;
        Ok(today)
    }

    /// What the engine chooses from ([`CatalogRows`]), four queries in one read transaction.
    pub async fn catalog(&self) -> Result<CatalogRows> {
        let mut tx = self.snapshot().await?;
        let catalog = catalog_in(tx.conn()).await?;
        self.finish(tx).await?;
        Ok(catalog)
    }

    /// What the daily loop decides from, in one read transaction: the day's rows (as
    /// [`Store::today`]), the catalog (as [`Store::catalog`]), the latest treatment session and questionnaire up to `now`, and the
    /// settings stored under `settings_key`. Eleven indexed queries at most (twelve with a session), whatever the history.
    pub async fn daily(
        &self,
        date: NaiveDate,
        now: DateTime<FixedOffset>,
        settings_key: &str,
    ) -> Result<Daily> {
        let now_text = crate::when::utc_text(now.with_timezone(&Utc));
        let mut tx = self.snapshot().await?;
        let today = today_in(tx.conn(), date).await?;
        let latest: Option<Offer> = sqlx::query_as("SELECT * FROM offers ORDER BY id DESC LIMIT 1")
            .fetch_optional(tx.conn())
            .await?;
        let latest = match latest {
            Some(offer) => {
                let response: Option<Response> =
                    sqlx::query_as("SELECT * FROM responses WHERE offer_id = ?")
                        .bind(offer.id)
                        .fetch_optional(tx.conn())
                        .await?;
                Some(OfferWithResponse { offer, response })
            }
            None => None,
        };
        let catalog = catalog_in(tx.conn()).await?;
        // The latest session, the latest questionnaire and the settings: one statement.
        let (session_id, last_questionnaire, settings): (
            Option<i64>,
            Option<DateTime<Utc>>,
            Option<String>,
        ) = the_row(
            sqlx::query_as(
                "SELECT (SELECT id FROM treatment_sessions WHERE archived = 0 AND at <= ?1
                         ORDER BY at DESC LIMIT 1),
                        (SELECT max(at) FROM questionnaire_responses WHERE at <= ?1),
                        (SELECT value FROM settings WHERE key = ?2)",
            )
            .bind(&now_text)
            .bind(settings_key)
            .fetch_all(tx.conn())
            .await?,
        )?;
        let last_session: Option<TreatmentSession> = match session_id {
            Some(id) => Some(the_row(
                sqlx::query_as("SELECT * FROM treatment_sessions WHERE id = ?")
                    .bind(id)
                    .fetch_all(tx.conn())
                    .await?,
            )?),
            None => None,
        };
        self.finish(tx).await?;
        Ok(Daily {
            today,
            latest,
            catalog,
            last_session,
            last_questionnaire,
            settings: settings.and_then(|s| serde_json::from_str(&s).ok()),
        })
    }

    /// The Progress query: every response and shift between two local dates (inclusive),
    /// oldest first, from one snapshot.
    pub async fn progress(&self, from: NaiveDate, to: NaiveDate) -> Result<Progress> {
        let mut tx = self.snapshot().await?;
        let moves: Vec<ProgressMove> = sqlx::query_as(
            "SELECT r.offer_id, o.value_id, o.movement_id, o.rung_id, r.kind, r.local_date,
                    r.responded_offset_min, o.offered_at, r.started_at, r.done_at, r.dread_before, r.satisfaction_after,
                    o.text, o.kind AS offer_kind
             FROM responses r JOIN offers o ON o.id = r.offer_id
             WHERE r.local_date BETWEEN ? AND ?
             ORDER BY r.local_date, r.responded_at",
        )
        .bind(from)
        .bind(to)
        .fetch_all(tx.conn())
        .await?;
        let shifts: Vec<InternalShift> = sqlx::query_as(
            "SELECT * FROM internal_shifts WHERE local_date BETWEEN ? AND ? ORDER BY local_date, at",
        )
        .bind(from)
        .bind(to)
        .fetch_all(tx.conn())
        .await?;
        self.finish(tx).await?;
        Ok(Progress {
            from,
            to,
            moves,
            shifts,
        })
    }
}

/// The Today query's four statements on one connection (inside the caller's transaction).
async fn today_in(conn: &mut sqlx::SqliteConnection, date: NaiveDate) -> Result<Today> {
    let check_ins: Vec<CheckIn> =
        sqlx::query_as("SELECT * FROM check_ins WHERE local_date = ? ORDER BY at")
            .bind(date)
            .fetch_all(&mut *conn)
            .await?;
    let offers: Vec<Offer> =
        sqlx::query_as("SELECT * FROM offers WHERE local_date = ? ORDER BY offered_at, id")
            .bind(date)
            .fetch_all(&mut *conn)
            .await?;
    let mut responses: Vec<Response> = sqlx::query_as(
        "SELECT r.* FROM responses r JOIN offers o ON o.id = r.offer_id WHERE o.local_date = ?",
    )
    .bind(date)
    .fetch_all(&mut *conn)
    .await?;
    let shifts: Vec<InternalShift> =
        sqlx::query_as("SELECT * FROM internal_shifts WHERE local_date = ? ORDER BY at")
            .bind(date)
            .fetch_all(&mut *conn)
            .await?;
    let offers = offers
        .into_iter()
        .map(|offer| {
            let response = responses
                .iter()
                .position(|r| r.offer_id == offer.id)
                .map(|i| responses.swap_remove(i));
            OfferWithResponse { offer, response }
        })
        .collect();
    Ok(Today {
        date,
        check_ins,
        offers,
        shifts,
    })
}

async fn catalog_in(conn: &mut sqlx::SqliteConnection) -> Result<CatalogRows> {
    let life_areas: Vec<LifeArea> =
        sqlx::query_as("SELECT * FROM life_areas ORDER BY sort_order, id")
            .fetch_all(&mut *conn)
            .await?;
    let values: Vec<PersonalValue> = sqlx::query_as("SELECT * FROM personal_values ORDER BY id")
        .fetch_all(&mut *conn)
        .await?;
    let movements: Vec<Movement> =
        sqlx::query_as("SELECT * FROM movements WHERE archived = 0 ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    let rungs: Vec<Rung> = sqlx::query_as(
        "SELECT r.* FROM rungs r JOIN movements m ON m.id = r.movement_id
         WHERE r.archived = 0 AND m.archived = 0 ORDER BY r.movement_id, r.position, r.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(CatalogRows {
        life_areas,
        values,
        movements,
        rungs,
    })
}
