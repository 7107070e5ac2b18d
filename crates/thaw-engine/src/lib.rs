//! The small-permissions engine: one small step at a time, linked to a value, sized so the
//! person very probably succeeds today, and growing as they do. Pure: no IO, no clock reads, no
//! randomness; time and history come in as arguments, and the same inputs give the same answer.
//!
//! How the use-case layer drives it (one read of the [`Model`], one write per command):
//!
//! ```
//! use chrono::DateTime;
//! use thaw_engine::*;
//!
//! // The person's values and movements (here from the starter library).
//! let values = vec![Value { id: 1, area: LifeArea::MindBodySpirit, words: "Feeling at home in my body".into() }];
//! let library = starter_library().unwrap();
//! let movements: Vec<Movement> = ["short-walk", "stretch"]
//!     .iter()
//!     .enumerate()
//!     .map(|(i, key)| library.iter().find(|t| t.key == *key).unwrap().adopt(10 + i as i64, 1))
//!     .collect();
//!
//! // The learned state is a small serde value, kept as a snapshot beside the event rows.
//! let mut model = Model::default();
//! let now = DateTime::parse_from_rfc3339("2026-03-02T09:00:00+01:00").unwrap();
//! let today = day_of(now); // Thaw's one "today": the day turns at 04:00.
//!
//! // Today's screen: one step, or rest. Each offer says why, in one sentence.
//! let Decision::Offer(offer) = decide(&model, &values, &movements, now) else { unreachable!() };
//! assert_eq!(offer.rung_index, Some(0)); // the very first step is the smallest
//! model.apply(&Event { at: now, kind: EventKind::Offered(offer.clone()) });
//!
//! // The answer, then the engine's one sentence for this moment and what follows.
//! let later = now + chrono::Duration::minutes(3);
//! model.apply(&Event { at: later, kind: EventKind::Replied(Reply::plain(Response::Done)) });
//! match answer(&model, &values, &movements, later) {
//!     Answer::Moved { message, bit_more } => {
//!         assert_eq!(message, "You did it. That counts.");
//!         // "A bit more?": the next rung up of the same movement, only if the person asks.
//!         let more = bit_more.expect("a next rung that fits");
//!         assert_eq!((more.movement_id, more.rung_index), (offer.movement_id, Some(1)));
//!     }
//!     other => panic!("{other:?}"),
//! }
//!
//! // "I have a moment" always gives something that fits, on a rest day a breath-sized step.
//! model.apply(&Event { at: later, kind: EventKind::Moment });
//! assert!(moment(&model, &values, &movements, later).offer().is_some());
//! assert_eq!(day_of(later), today);
//! ```
//!
//! The model, its parameters and the simulation behind them: the crate's README and
//! BENCHMARKS.md.

mod budget;
mod capacity;
mod day;
mod domain;
mod events;
mod fit;
mod ladder;
mod library;
mod model;
mod params;
mod progress;
mod readiness;
mod reason;
mod select;

pub use budget::daily_budget;
pub use day::{day_of, day_start, week_start, DAY_STARTS_AT_HOUR};
pub use domain::{
    Answer, CheckIn, Decision, InternalShift, Level, LifeArea, Movement, Offer, Reply, Response,
    RestKind, Rung, RungKind, SizeEstimate, TreatmentSession, Value,
};
pub use events::{Event, EventKind};
pub use ladder::rungs_for_goal;
pub use library::{starter_library, LibraryError, MovementTemplate};
pub use model::{CapacityToday, Model};
pub use params::TARGET_SUCCESS;
pub use progress::{
    DayFacts, Progress, ProgressReport, Recovery, ValueMoves, ValueStrength, WeekMoves,
};
pub use readiness::HourScore;
pub use reason::{names_its_length, shown_seconds, size_words};
pub use select::{
    answer, bit_more, bottom_held, decide, effective_difficulties, held_back, moment,
    BREATH_SECONDS, BREATH_TEXT, NOTICING_TEXT,
};
#[doc(hidden)]
pub use select::{
    day_left, day_spread, margin_parts, margin_risk, margin_today, record_gain, record_risks,
    untried_reads,
};
