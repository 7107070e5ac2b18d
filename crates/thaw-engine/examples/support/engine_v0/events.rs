//! The history the engine learns from: an ordered list of timestamped events.
//!
//! The store keeps these as rows; [`super::Model`] folds them one by one. Events are expected in
//! time order. One dated before the previous event is still applied, but to the current day
//! (the engine never travels back to reopen a closed day).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::domain::{CheckIn, InternalShift, Offer, Reply, TreatmentSession};

/// Something that happened, and when (the person's local time).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Event {
    pub at: DateTime<FixedOffset>,
    pub kind: EventKind,
}

/// What happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// Today's check-in. A later check-in on the same day replaces the earlier one.
    CheckIn(CheckIn),
    /// An offer (as returned by [`super::decide`]) was shown.
    Offered(Offer),
    /// The answer to the most recent offer that has none yet. Without such an offer it is ignored.
    Replied(Reply),
    /// The person noticed an internal shift. It counts as a move, inside.
    InternalShift(InternalShift),
    /// "I have a moment": readiness appeared unprompted.
    Moment,
    /// The person chose rest for today.
    Rest,
    /// A treatment session was logged.
    Session(TreatmentSession),
}
