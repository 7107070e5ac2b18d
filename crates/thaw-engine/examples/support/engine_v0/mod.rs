//! The engine as it was before issue 14 (thaw-engine at commit 3d18be0), kept so that the
//! simulation can drive the old engine through the same people as the new one.
//!
//! Issue 14's figures come from an independent audit of this engine. The simulation's people
//! are calibrated so that *this* engine reproduces those figures (BENCHMARKS.md, "Calibration"),
//! and only then is the new engine measured on them. The source is the old crate's, unchanged
//! except that `crate::` paths became `super::` and the unit tests were left out; it is not part
//! of the library and nothing else uses it. `simulate.rs` reaches it through a small
//! compatibility layer (`Engine::V0`) that converts the new API's values to the old ones.
#![allow(dead_code, unused_imports, clippy::all)]

mod budget;
mod capacity;
mod day;
mod domain;
mod events;
mod model;
mod params;
mod progress;
mod readiness;
mod reason;
mod select;

pub use domain::*;
pub use events::{Event, EventKind};
pub use model::{CapacityToday, Model};
pub use select::{decide, effective_difficulties};
