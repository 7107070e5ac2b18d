//! The capacity model: P(success) = σ(θ_today − d), with Elo-like updates.
//!
//! θ_today = θ (long-term) + recent (last few days) + check-in shift + today's offset.
//! * θ learns with K(n) = α/(1+βn), floored. Its update is symmetric (see `params`), because a
//!   lopsided long-term update settles wherever its bias balances, not at the target: the
//!   simulation showed 0.95 realised success for a 0.87 target with a 2x/0.5x lopsided θ.
//! * `recent` falls quickly on negative evidence, rises slowly, and fades (half-life 3 days):
//!   it carries a bad week across days without dragging the long-term estimate.
//! * today's offset only falls, at once, on negative evidence; it resets when the day turns.
//! * "Not now" never reaches this module: it is not evidence.

use serde::{Deserialize, Serialize};

use super::domain::{CheckIn, Level, RungKind};
use super::params::*;

/// The logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The inverse of [`sigmoid`], for p in (0, 1).
pub fn logit(p: f64) -> f64 {
    (p / (1.0 - p)).ln()
}

/// Elo step size after `n` observations: α/(1+βn), never below [`K_FLOOR`].
pub fn k_factor(n: u32) -> f64 {
    (ALPHA / (1.0 + BETA * f64::from(n))).max(K_FLOOR)
}

/// Prior difficulty of a rung from its kind and length: each kind has a base, and doubling the
/// length adds about 0.3 logits. Internal 10 s ≈ −3.0, preparation 1 min ≈ −1.5,
/// first two minutes ≈ −0.3, a 15-minute act ≈ +1.2.
pub fn prior_difficulty(kind: RungKind, seconds: u32) -> f64 {
    let base = match kind {
        RungKind::Internal => -2.2,
        RungKind::Preparation => -1.5,
        RungKind::FirstMinutes => -0.6,
        RungKind::Act => 0.0,
    };
    base + 0.45 * (f64::from(seconds.max(1)) / 60.0).ln()
}

fn level_shift(level: Option<Level>, table: [f64; 3]) -> f64 {
    match level.unwrap_or(Level::Low) {
        Level::Low => table[0],
        Level::Some => table[1],
        Level::Good => table[2],
    }
}

/// How today's check-in shifts capacity. `None` (no check-in) is a low day.
pub fn checkin_shift(checkin: Option<&CheckIn>) -> f64 {
    let c = checkin.copied().unwrap_or_default();
    level_shift(c.energy, ENERGY_SHIFT)
        + level_shift(c.mood, MOOD_SHIFT)
        + level_shift(c.room, ROOM_SHIFT)
}

/// The person's capacity state (serialised inside [`super::Model`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Capacity {
    /// Long-term capacity on a middling ("some") day, in logits.
    pub theta: f64,
    /// Observations so far (drives K).
    pub n: u32,
    /// The recent-days component (logits, ≤ 0 mostly).
    pub recent: f64,
}

impl Default for Capacity {
    fn default() -> Self {
        Capacity {
            theta: 0.0,
            n: 0,
            recent: 0.0,
        }
    }
}

/// The change to apply for one piece of evidence, computed before any state is touched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Update {
    /// Weighted error w(r − P).
    pub error: f64,
    /// Long-term step actually applied to θ.
    pub theta_step: f64,
}

impl Capacity {
    /// Let `days` pass: the recent component fades towards zero.
    pub fn pass_days(&mut self, days: i64) {
        if days > 0 {
            self.recent *= recent_fade(days);
        }
    }

    /// Apply one outcome `r` (0..=1) when the model predicted `p`. `weight` scales the evidence
    /// for the fast components (recent days, today); `theta_weight` for the long-term estimate.
    /// Returns what changed so the caller can update today's offset and the rung.
    pub fn observe(&mut self, r: f64, p: f64, weight: f64, theta_weight: f64) -> Update {
        let raw = r - p;
        let error = weight * raw;
        let k = k_factor(self.n);
        let theta_step = if raw > 0.0 {
            k * THETA_UP * theta_weight * raw
        } else {
            k * theta_weight * raw
        };
        self.theta += theta_step;
        let recent_rate = if error > 0.0 { RECENT_UP } else { RECENT_DOWN };
        self.recent = (self.recent + recent_rate * error).clamp(RECENT_MIN, RECENT_MAX);
        self.n = self.n.saturating_add(1);
        Update { error, theta_step }
    }
}

/// Factor by which the recent component shrinks over `days`.
pub fn recent_fade(days: i64) -> f64 {
    0.5_f64.powf(days as f64 / RECENT_HALF_LIFE_DAYS)
}

/// A learned correction to one rung's prior difficulty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct RungStat {
    pub offset: f64,
    pub n: u32,
}

impl RungStat {
    /// The rung's side of the Elo update: it gets harder when the person did worse than
    /// predicted, easier when better. Gentler than the person's side, and bounded.
    pub fn observe(&mut self, error: f64) {
        let k = RUNG_LEARNING * k_factor(self.n);
        self.offset = (self.offset - k * error).clamp(-RUNG_OFFSET_MAX, RUNG_OFFSET_MAX);
        self.n = self.n.saturating_add(1);
    }
}
