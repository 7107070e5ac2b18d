//! Every tunable number of the engine in one place, with why it has its value.
//! The simulation (`examples/simulate.rs`) is how these were checked.

/// Target probability of success for an offer: the largest rung at or above it is chosen.
/// Wilson et al.'s 85% rule, erring to the easy side for people rebuilding motivation.
pub const TARGET_SUCCESS: f64 = 0.85;

/// Elo step size K(n) = ALPHA / (1 + BETA n): large early, smaller with evidence.
pub const ALPHA: f64 = 0.8;
/// See [`ALPHA`].
pub const BETA: f64 = 0.05;
/// K never falls below this, so years of history do not freeze the slow, real improvement.
pub const K_FLOOR: f64 = 0.15;
/// Upward evidence moves long-term capacity at this fraction of K. Kept at 1: the long-term
/// estimate must stay calibrated (see `capacity`); "fast down, slow up" lives in the recent and
/// today components instead.
pub const THETA_UP: f64 = 1.0;

/// "Smaller please" is strong evidence: for the fast components (recent days, today) it counts
/// this many times over.
pub const SMALLER_PLEASE_WEIGHT: f64 = 2.0;
/// ... and this many times over for the long-term estimate (1: calibration, as for THETA_UP).
pub const SMALLER_PLEASE_THETA_WEIGHT: f64 = 1.0;
/// "Started" is partial: outcome r = 0.5.
pub const STARTED_OUTCOME: f64 = 0.5;
/// An internal shift is small positive evidence, this fraction of a Done on an internal rung.
pub const INTERNAL_SHIFT_WEIGHT: f64 = 0.25;

/// The recent-days component: quick to fall, slow to rise, fading back to zero.
pub const RECENT_DOWN: f64 = 0.3;
/// See [`RECENT_DOWN`].
pub const RECENT_UP: f64 = 0.1;
/// Half-life (days) of the recent component.
pub const RECENT_HALF_LIFE_DAYS: f64 = 3.0;
/// Bounds of the recent component (logits).
pub const RECENT_MIN: f64 = -3.0;
/// See [`RECENT_MIN`].
pub const RECENT_MAX: f64 = 0.5;

/// Within one day, negative evidence lowers today's capacity by this much per unit of error,
/// so a "Smaller please" is felt at once. It resets when the day turns.
pub const TODAY_DOWN: f64 = 0.7;

/// Rung difficulty corrections learn at this fraction of K(n) (per-rung n), and stay within
/// +/- RUNG_OFFSET_MAX: the person's capacity takes most of the blame and credit.
pub const RUNG_LEARNING: f64 = 0.2;
/// See [`RUNG_LEARNING`].
pub const RUNG_OFFSET_MAX: f64 = 1.5;
/// Neighbouring rungs stay at least this far apart (logits) after learning, so the ladder's
/// order (smallest first) is never scrambled by noise.
pub const RUNG_MIN_GAP: f64 = 0.25;
/// The breath-sized step sits this far below rung 0.
pub const BREATH_BELOW_RUNG0: f64 = 1.5;

/// Check-in shifts for the day (logits), for Low / Some / Good. A missing part counts as Low.
pub const ENERGY_SHIFT: [f64; 3] = [-0.9, 0.0, 0.5];
/// See [`ENERGY_SHIFT`].
pub const MOOD_SHIFT: [f64; 3] = [-0.3, 0.0, 0.2];
/// See [`ENERGY_SHIFT`].
pub const ROOM_SHIFT: [f64; 3] = [-0.4, 0.0, 0.2];

/// Days after a treatment session during which practice and integration are leaned towards.
pub const SESSION_WINDOW_DAYS: i64 = 14;

/// After this many "Not now" in one day, the day's offer is rest.
pub const NOT_NOW_REST_AFTER: u32 = 2;
/// At most this many offers per unit of budget in one day (bounds "Something else" loops).
pub const OFFERS_PER_BUDGET_UNIT: u32 = 3;

/// Value strength: EMA per day with half-life 14 days.
pub const STRENGTH_HALF_LIFE_DAYS: f64 = 14.0;
/// A run of at least this many days without a move is a gap (for the recovery marker).
pub const GAP_MIN_DAYS: i64 = 3;
/// Time-to-start samples kept per ISO week (far above what a day's budget allows).
pub const START_SAMPLES_PER_WEEK: usize = 64;

/// Readiness: weight of the flat prior over allowed hours, in "events".
pub const READINESS_PRIOR_WEIGHT: f64 = 3.0;
/// Readiness: each new event multiplies the older counts by this, so habits can change.
pub const READINESS_DECAY: f64 = 0.99;
