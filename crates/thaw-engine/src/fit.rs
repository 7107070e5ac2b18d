//! Each rung's own record: how much room this person has above this very step on a usual day.
//!
//! The capacity model shares every answer out among the usual day, the kind of step and the
//! rung through one flat curve, so a Done it expected at 0.98 teaches it almost nothing, and a
//! capable person's bigger steps stay "unsure" for weeks while dozens of smaller ones are done.
//! Here each (movement, rung) keeps its own belief about its margin on a usual day,
//! m = capacity on a usual day − the rung's difficulty. Its prior comes from the capacity model
//! as it stands (so untried rungs borrow what the person's other steps, of this kind and of
//! others, have shown, and follow it as it learns); what this rung's own answers said is kept
//! as a Gaussian message (precision and precision × mean, expectation propagation style), so
//! the prior can move without losing the rung's record.
//!
//! An answer is read through a sharp curve, P(done) = σ(s · (m + shift today)), people's edges
//! being sharper than the capacity model's, with the day's own uncertainty folded in; the
//! update is exact on a small grid (41 points) and kept as its mean and variance. So a Done on
//! a rung the model thought was a coin flip makes it much surer, and a "too big" rules out the
//! top of the belief.
//!
//! Sizing reads the chance that the step is above capacity today, P(m + shift + day < 0):
//! the largest rung whose chance is at most a small per-offer risk is offered.

use serde::{Deserialize, Serialize};

use crate::capacity::sigmoid;
use crate::params::*;

/// What one rung's own answers said about its margin, as a Gaussian message in natural
/// parameters (both 0: nothing yet). Rounded to three decimals: the model is written as JSON
/// on every change.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct RungFit {
    /// Precision the answers added (1 / logits²).
    #[serde(rename = "p")]
    pub precision: f64,
    /// Precision × mean the answers added.
    #[serde(rename = "e")]
    pub shifted: f64,
    /// Dones of this very step in a row, since it was last too big (see
    /// `Model::step_below_vouches`). Not faded: a run is broken only by an answer.
    #[serde(rename = "n", default, skip_serializing_if = "is_zero")]
    pub run: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// Before any answers, a kind of step sits where the capacity model says, give or take this.
pub const KIND_FIT_PRIOR: Margin = Margin {
    mean: 0.0,
    var: KIND_VARIANCE,
};

/// A Gaussian belief about a rung's margin on a usual day (mean, variance).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margin {
    pub mean: f64,
    pub var: f64,
}

/// The standard normal distribution function (the logistic approximation, within 0.01).
pub fn normal_cdf(x: f64) -> f64 {
    sigmoid(1.702 * x)
}

/// Rounded to three decimals: the model is written as JSON on every change, and three
/// decimals are far finer than anything it learns.
pub(crate) fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl RungFit {
    /// The posterior: the prior from the capacity model, with this rung's record.
    pub fn posterior(&self, prior: Margin) -> Margin {
        let prior_precision = 1.0 / prior.var.max(1e-6);
        let precision = prior_precision + self.precision;
        let shifted = prior.mean * prior_precision + self.shifted;
        Margin {
            mean: shifted / precision,
            var: 1.0 / precision,
        }
    }

    /// Old answers count for less as days pass (people change).
    pub fn fade(&mut self, days: i64) {
        let f = 0.5_f64.powf(days as f64 / FIT_HALF_LIFE_DAYS);
        self.precision = round3(self.precision * f);
        self.shifted = round3(self.shifted * f);
    }

    /// Learn from one answer to this rung: outcome `r` (Done 1, Started ½, Smaller please 0)
    /// on a day whose capacity sat `shift` from the usual day, give or take `day_var`.
    pub fn observe(&mut self, prior: Margin, r: f64, shift: f64, day_var: f64) {
        let post = self.posterior(prior);
        // The day's uncertainty flattens the curve.
        let Some((mean, var)) = after_answer(
            post.mean,
            post.var.sqrt(),
            flattened_slope(day_var),
            shift,
            r,
        ) else {
            return;
        };
        let var = var.max(1e-4);
        // The new record is the new posterior less the prior.
        let prior_precision = 1.0 / prior.var.max(1e-6);
        let precision = (1.0 / var - prior_precision).max(0.0);
        let shifted = mean * (precision + prior_precision) - prior.mean * prior_precision;
        self.precision = round3(precision.min(FIT_MAX_PRECISION));
        self.shifted = round3(if precision > FIT_MAX_PRECISION {
            shifted * FIT_MAX_PRECISION / precision
        } else {
            shifted
        });
    }
}

/// What one answer tells of the day: the day's unknown part (beyond what the check-in, the
/// recent days and the capacity model's reading of today say), N(0, `day_var`), after an
/// answer `r` on a rung whose margin on a usual day is believed to be `margin`, `shift` from
/// the usual day; its mean and variance. A Done near a step's edge says the day is not low; a
/// "too big" on a step that usually fits says it is not high; an answer far from any edge says
/// almost nothing. Every later answer the same day shares this unknown part, so what is left of
/// it is what a later answer (an act tried right after its first minutes were done) could be
/// read against. Used by the simulation's `SIM_PAIRED` diagnostic only: read that way, the
/// records learned about 3 % more per act tried, and sizing moved nowhere (issue 14, round
/// nine).
pub fn day_read(margin: Margin, r: f64, shift: f64, day_var: f64) -> (f64, f64) {
    // The rung's own uncertainty flattens the curve.
    let sd = day_var.max(1e-6).sqrt();
    match after_answer(0.0, sd, flattened_slope(margin.var), margin.mean + shift, r) {
        Some((mean, var)) => (mean, var.clamp(0.0, day_var)),
        None => (0.0, day_var),
    }
}

/// The answer curve's slope when a spread `var` the answer cannot see lies under it (the
/// probit approximation).
fn flattened_slope(var: f64) -> f64 {
    FIT_SLOPE / (1.0 + std::f64::consts::PI * FIT_SLOPE * FIT_SLOPE * var / 8.0).sqrt()
}

/// A quantity believed N(`mean`, `sd`²), after an answer `r` (Done 1, Started ½, Smaller
/// please 0) whose chance of success is the curve of slope `s` at the quantity plus
/// `offset`: its mean and variance, on a grid (`None`: the grid found the answer impossible).
fn after_answer(mean: f64, sd: f64, s: f64, offset: f64, r: f64) -> Option<(f64, f64)> {
    let (mut w0, mut w1, mut w2) = (0.0, 0.0, 0.0);
    for k in 0..FIT_GRID {
        let z = -4.0 + 8.0 * k as f64 / (FIT_GRID - 1) as f64;
        let x = mean + sd * z;
        // A lapse now and then (a knock at the door) is not the step's size.
        let p = FIT_LAPSE + (1.0 - 2.0 * FIT_LAPSE) * sigmoid(s * (x + offset));
        let like = p.powf(r) * (1.0 - p).powf(1.0 - r);
        let w = (-0.5 * z * z).exp() * like;
        w0 += w;
        w1 += w * x;
        w2 += w * x * x;
    }
    if w0 <= 0.0 {
        return None;
    }
    let m = w1 / w0;
    Some((m, w2 / w0 - m * m))
}

/// The chance that a rung with this margin belief is above capacity today.
pub fn risk(margin: Margin, shift: f64, day_var: f64) -> f64 {
    normal_cdf(-(margin.mean + shift) / (margin.var + day_var).sqrt())
}

/// Risks along a ladder, made consistent with its order: a step is at most as risky as any
/// bigger one (if the third rung fits, the second does) and at least as risky as any smaller
/// one.
pub fn ladder_risks(mut risks: Vec<f64>) -> Vec<f64> {
    for i in (0..risks.len().saturating_sub(1)).rev() {
        risks[i] = risks[i].min(risks[i + 1]);
    }
    for i in 1..risks.len() {
        risks[i] = risks[i].max(risks[i - 1]);
    }
    risks
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIOR: Margin = Margin {
        mean: 0.5,
        var: 0.5,
    };

    #[test]
    fn a_done_on_an_unsure_rung_makes_it_much_surer() {
        let mut f = RungFit::default();
        let before = risk(f.posterior(PRIOR), 0.0, 0.2);
        f.observe(PRIOR, 1.0, 0.0, 0.2);
        let after = risk(f.posterior(PRIOR), 0.0, 0.2);
        assert!(after < before * 0.8, "{before} → {after}");
        let mut g = RungFit::default();
        g.observe(PRIOR, 0.0, 0.0, 0.2);
        assert!(risk(g.posterior(PRIOR), 0.0, 0.2) > before);
    }

    #[test]
    fn the_record_follows_a_moving_prior_and_fades() {
        let mut f = RungFit::default();
        for _ in 0..5 {
            f.observe(PRIOR, 1.0, 0.0, 0.2);
        }
        let higher = Margin { mean: 1.0, ..PRIOR };
        assert!(f.posterior(higher).mean > f.posterior(PRIOR).mean);
        let p = f.precision;
        f.fade(FIT_HALF_LIFE_DAYS as i64);
        assert!((f.precision - p / 2.0).abs() < 0.01);
    }

    proptest::proptest! {
        /// Evidence moves a rung's belief only the way it points: a Done never lowers it, a
        /// "too big" never raises it, whatever came before.
        #[test]
        fn answers_move_the_record_only_the_way_they_point(
            mean in -3.0f64..3.0,
            var in 0.05f64..2.0,
            shift in -2.0f64..2.0,
            day_var in 0.0f64..1.0,
            past in proptest::collection::vec(0u8..3, 0..6),
            r in 0u8..3,
        ) {
            let prior = Margin { mean, var };
            let mut f = RungFit::default();
            for p in past {
                f.observe(prior, f64::from(p) / 2.0, shift, day_var);
            }
            let before = f.posterior(prior).mean;
            let mut g = f;
            let r = f64::from(r) / 2.0;
            g.observe(prior, r, shift, day_var);
            let after = g.posterior(prior).mean;
            // (Rounding to three decimals, and the capped precision, allow a hair.)
            if r == 1.0 {
                proptest::prop_assert!(after >= before - 0.01, "{before} → {after}");
            }
            if r == 0.0 {
                proptest::prop_assert!(after <= before + 0.01, "{before} → {after}");
            }
        }

        /// A day read as less sure never makes a step look safer: a person whose days swing
        /// more (see `Model::day_var`) is offered by a record no step a steadier one would not
        /// be, whenever the step could fit at all (risk at most even).
        #[test]
        fn a_less_sure_day_never_makes_a_step_look_safer(
            mean in -3.0f64..3.0,
            var in 0.01f64..2.0,
            shift in -2.0f64..2.0,
            day_var in 0.0f64..1.0,
            more in 0.0f64..2.0,
        ) {
            let m = Margin { mean, var };
            let (a, b) = (risk(m, shift, day_var), risk(m, shift, day_var + more));
            if a <= 0.5 {
                proptest::prop_assert!(b >= a - 1e-12, "{a} → {b}");
            }
        }

        /// Ladder risks never put a bigger step below a smaller one, and stay within the risks given.
        #[test]
        fn ladder_risks_are_ordered(risks in proptest::collection::vec(0.0f64..1.0, 0..8)) {
            let out = ladder_risks(risks.clone());
            proptest::prop_assert_eq!(out.len(), risks.len());
            for w in out.windows(2) {
                proptest::prop_assert!(w[0] <= w[1]);
            }
            let lo = risks.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = risks.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            for x in &out {
                proptest::prop_assert!(*x >= lo && *x <= hi);
            }
        }
    }

    #[test]
    fn ladder_risks_keep_the_ladder_order() {
        let r = ladder_risks(vec![0.3, 0.05, 0.4, 0.2]);
        assert_eq!(r, vec![0.05, 0.05, 0.2, 0.2]);
    }
}
