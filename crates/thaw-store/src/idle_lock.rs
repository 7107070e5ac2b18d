//! Auto-lock after a configurable idle time. Pure: the shell reports activity and asks
//! "should I lock now?" with the current instant; it then calls `Store::lock`.

use std::time::{Duration, Instant};

/// Tracks the last activity against an idle limit.
#[derive(Debug, Clone)]
pub struct IdleLock {
    idle_limit: Duration,
    last_activity: Instant,
}

impl IdleLock {
    /// Start counting from `now`; `idle_limit` of zero disables auto-lock.
    pub fn new(idle_limit: Duration, now: Instant) -> Self {
        Self {
            idle_limit,
            last_activity: now,
        }
    }

    /// The person did something at `now`.
    pub fn touch(&mut self, now: Instant) {
        self.last_activity = self.last_activity.max(now);
    }

    /// Change the limit (from settings).
    pub fn set_idle_limit(&mut self, idle_limit: Duration) {
        self.idle_limit = idle_limit;
    }

    /// Whether the store should lock as of `now`.
    pub fn should_lock(&self, now: Instant) -> bool {
        !self.idle_limit.is_zero()
            && now.saturating_duration_since(self.last_activity) >= self.idle_limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_only_after_the_idle_limit_and_activity_resets() {
        let t0 = Instant::now();
        let mut idle = IdleLock::new(Duration::from_secs(300), t0);
        assert!(!idle.should_lock(t0 + Duration::from_secs(299)));
        idle.touch(t0 + Duration::from_secs(200));
        assert!(!idle.should_lock(t0 + Duration::from_secs(400)));
        assert!(idle.should_lock(t0 + Duration::from_secs(500)));
        idle.set_idle_limit(Duration::ZERO);
        assert!(!idle.should_lock(t0 + Duration::from_secs(10_000)));
    }
}
