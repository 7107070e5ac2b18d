//! The engine's learned state, kept as a JSON snapshot inside the encrypted store and
//! updated after every event, so an offer never needs the whole history replayed.

use chrono::{DateTime, FixedOffset};
use thaw_engine::{Event, Model};
use thaw_store::Store;

use crate::error::Result;
use crate::thaw::{Open, MODEL_KEY};

/// The saved model, or a fresh one for a new vault (or after a format change).
pub(crate) async fn load(store: &Store) -> Result<Model> {
    Ok(store
        .engine_snapshot(MODEL_KEY)
        .await?
        .and_then(|json| serde_json::from_value(json).ok())
        .unwrap_or_default())
}

pub(crate) async fn save(open: &Open, now: DateTime<FixedOffset>) -> Result<()> {
    let json = serde_json::to_value(&open.model).map_err(|_| {
        crate::AppError::new(
            crate::ErrorKind::Internal,
            "Something went wrong on our side. Nothing you wrote was lost.",
        )
    })?;
    open.store
        .save_engine_snapshot(MODEL_KEY, &json, now)
        .await?;
    Ok(())
}

/// Learns from one event and saves the result.
pub(crate) async fn learn(open: &mut Open, event: Event) -> Result<()> {
    let now = event.at;
    open.model.apply(&event);
    save(open, now).await
}
