//! The small-permissions engine. Pure: no IO, no clock reads, no unseeded randomness.
//! Time and history come in as arguments; the same inputs always give the same offer.
//!
//! The flow, as the use-case layer drives it:
//! 1. Keep a [`Model`] (persisted as a JSON snapshot) and feed it every [`Event`] with
//!    [`Model::apply`] as it is stored (or rebuild it with [`Model::fold`]).
//! 2. Ask [`decide`] for the one step to offer now, or rest.
//! 3. Record the shown offer as [`EventKind::Offered`] and the answer as [`EventKind::Replied`].
//! 4. Show [`Model::progress`]; schedule prompts with [`Model::best_hours`].
//!
//! See the README for the model and its parameters.

pub mod budget;
pub mod capacity;
pub mod day;
pub mod domain;
pub mod events;
pub mod ladder;
pub mod library;
mod model;
pub mod params;
pub mod progress;
pub mod readiness;
mod reason;
pub mod rng;
mod select;

pub use budget::daily_budget;
pub use domain::*;
pub use events::{Event, EventKind};
pub use ladder::rungs_for_goal;
pub use library::{starter_library, LibraryError, MovementTemplate};
pub use model::{CapacityToday, Model};
pub use progress::{ProgressReport, Recovery, ValueMoves, ValueStrength, WeekMoves};
pub use readiness::HourScore;
pub use reason::size_words;
pub use select::{decide, effective_difficulties, BREATH_TEXT};
