//! A gentle pause after repeated wrong unlock attempts. Argon2id already makes each guess
//! cost time; this only stops a script from hammering the unlock screen, and is forgiving
//! to a person who mistypes: the first three tries never wait.
//!
//! Pure and in memory: the caller passes the current instant, nothing is stored on disk
//! (a wrong attempt must not change anything on disk).

use std::time::{Duration, Instant};

/// Waits after the n-th consecutive failure (index n-1); the last value repeats.
const SCHEDULE_SECS: [u64; 7] = [0, 0, 0, 2, 5, 15, 30];

/// Tracks consecutive failed unlock attempts.
#[derive(Debug, Clone, Default)]
pub struct UnlockBackoff {
    failures: u32,
    last_failure: Option<Instant>,
}

impl UnlockBackoff {
    /// No failures yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many wrong attempts in a row so far.
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// The pause that follows `failures` consecutive failures.
    pub fn delay_after(failures: u32) -> Duration {
        if failures == 0 {
            return Duration::ZERO;
        }
        let i = (failures as usize - 1).min(SCHEDULE_SECS.len() - 1);
        Duration::from_secs(SCHEDULE_SECS[i])
    }

    /// How long until another attempt is allowed, as of `now` (zero: try now).
    pub fn wait_remaining(&self, now: Instant) -> Duration {
        match self.last_failure {
            None => Duration::ZERO,
            Some(at) => {
                let until = at + Self::delay_after(self.failures);
                until.saturating_duration_since(now)
            }
        }
    }

    /// Record a wrong attempt made at `now`.
    pub fn record_failure(&mut self, now: Instant) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure = Some(now);
    }

    /// A successful unlock clears the count.
    pub fn record_success(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_three_mistakes_are_free_then_it_grows_gently_to_a_cap() {
        let waits: Vec<u64> = (1..=10)
            .map(|n| UnlockBackoff::delay_after(n).as_secs())
            .collect();
        assert_eq!(waits, [0, 0, 0, 2, 5, 15, 30, 30, 30, 30]);
    }

    #[test]
    fn wait_counts_down_with_the_time_passed_in_and_success_resets() {
        let t0 = Instant::now();
        let mut b = UnlockBackoff::new();
        for _ in 0..4 {
            b.record_failure(t0);
        }
        assert_eq!(b.wait_remaining(t0), Duration::from_secs(2));
        assert_eq!(
            b.wait_remaining(t0 + Duration::from_secs(1)),
            Duration::from_secs(1)
        );
        assert_eq!(
            b.wait_remaining(t0 + Duration::from_secs(3)),
            Duration::ZERO
        );
        b.record_success();
        assert_eq!(b.failures(), 0);
        assert_eq!(b.wait_remaining(t0), Duration::ZERO);
    }
}
