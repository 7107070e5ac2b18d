//! Readiness: the local hours at which this person tends to act, for a prompt scheduler.
//!
//! Every "Done" (weight 1), "Started" (weight 0.5) and "I have a moment" (weight 1) adds to its
//! hour; older counts fade by 1% per new event so habits can change. At query time a flat prior
//! over the person's allowed hours is mixed in (worth 3 events), hours outside are 0, and each
//! hour borrows a little from its neighbours (an act at 9 says something about 8 and 10).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::params::{READINESS_DECAY, READINESS_PRIOR_WEIGHT};

/// Learned hour counts (serialised inside [`super::Model`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readiness {
    counts: Vec<f64>,
}

impl Default for Readiness {
    fn default() -> Self {
        Readiness {
            counts: vec![0.0; 24],
        }
    }
}

/// A score for one local hour.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct HourScore {
    /// 0..=23, local time.
    pub hour: u8,
    /// 0..1; the scores of all hours add up to 1 (or are all 0 when no hour is allowed).
    pub score: f64,
}

impl Readiness {
    /// The person acted (or had a moment) at `hour`, with this weight.
    pub fn observe(&mut self, hour: u8, weight: f64) {
        if self.counts.len() != 24 {
            self.counts = vec![0.0; 24];
        }
        for c in self.counts.iter_mut() {
            *c *= READINESS_DECAY;
        }
        if let Some(c) = self.counts.get_mut(usize::from(hour)) {
            *c += weight;
        }
    }

    /// A score for each of the 24 hours, given the hours the person allows prompts in.
    pub fn scores(&self, allowed_hours: &[u8]) -> Vec<HourScore> {
        let allowed: Vec<bool> = (0..24u8).map(|h| allowed_hours.contains(&h)).collect();
        let n_allowed = allowed.iter().filter(|a| **a).count();
        let count = |h: usize| self.counts.get(h).copied().unwrap_or(0.0);
        let raw: Vec<f64> = (0..24usize)
            .map(|h| {
                if !allowed[h] {
                    return 0.0;
                }
                let smoothed =
                    0.25 * count((h + 23) % 24) + 0.5 * count(h) + 0.25 * count((h + 1) % 24);
                READINESS_PRIOR_WEIGHT / n_allowed as f64 + smoothed
            })
            .collect();
        let total: f64 = raw.iter().sum();
        (0..24u8)
            .map(|h| HourScore {
                hour: h,
                score: if total > 0.0 {
                    raw[usize::from(h)] / total
                } else {
                    0.0
                },
            })
            .collect()
    }

    /// Up to `n` allowed hours, best first (ties: the earlier hour).
    pub fn best_hours(&self, allowed_hours: &[u8], n: usize) -> Vec<u8> {
        let mut s: Vec<HourScore> = self
            .scores(allowed_hours)
            .into_iter()
            .filter(|h| allowed_hours.contains(&h.hour))
            .collect();
        s.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.hour.cmp(&b.hour)));
        s.into_iter().take(n).map(|h| h.hour).collect()
    }
}
