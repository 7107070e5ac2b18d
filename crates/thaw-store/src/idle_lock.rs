//! Auto-lock after a configurable idle time, and when Thaw has been out of sight for longer
//! than a short grace. Pure: the shell reports activity, leaving and coming back, and asks
//! "should I lock now?" with the current instant; it then calls `Store::lock`.
//!
//! Time away is measured on two clocks, and the longer wins: the monotonic clock (immune to
//! the person changing the date) and the wall clock (which keeps counting while a phone is
//! asleep, when the monotonic clock of Linux and Android stands still). A wall clock set
//! backwards can only make the time away look shorter than the monotonic one, never longer.

use std::time::{Duration, Instant, SystemTime};

/// A moment on both clocks, taken together by the shell.
#[derive(Debug, Clone, Copy)]
pub struct Moment {
    /// The monotonic clock: never jumps, but stands still while a phone sleeps.
    pub mono: Instant,
    /// The wall clock: keeps counting through sleep, but the person can set it.
    pub wall: SystemTime,
}

impl Moment {
    /// Now, on both clocks.
    pub fn now() -> Self {
        Self {
            mono: Instant::now(),
            wall: SystemTime::now(),
        }
    }

    /// How long after `earlier` this is: the longer of the two clocks' answers.
    pub fn since(&self, earlier: &Moment) -> Duration {
        let mono = self.mono.saturating_duration_since(earlier.mono);
        let wall = self.wall.duration_since(earlier.wall).unwrap_or_default();
        mono.max(wall)
    }
}

/// The grace Thaw allows out of sight before it locks, unless the person chose another.
pub const DEFAULT_AWAY_GRACE: Duration = Duration::from_secs(60);

/// Tracks the last activity against an idle limit, and time out of sight against a grace.
#[derive(Debug, Clone)]
pub struct IdleLock {
    idle_limit: Duration,
    last_activity: Instant,
    away_grace: Duration,
    away_since: Option<Moment>,
}

impl IdleLock {
    /// Start counting from `now`; `idle_limit` of zero disables the idle lock (never the lock
    /// when out of sight, whose grace is `DEFAULT_AWAY_GRACE` until set).
    pub fn new(idle_limit: Duration, now: Instant) -> Self {
        Self {
            idle_limit,
            last_activity: now,
            away_grace: DEFAULT_AWAY_GRACE,
            away_since: None,
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

    /// Change the grace out of sight (from settings); zero locks as soon as Thaw leaves.
    pub fn set_away_grace(&mut self, grace: Duration) {
        self.away_grace = grace;
    }

    /// Thaw left the screen at `at` (hidden, minimised, sent to the background). Leaving
    /// again before coming back keeps the first time.
    pub fn left(&mut self, at: Moment) {
        self.away_since.get_or_insert(at);
    }

    /// Thaw is back on the screen at `at`. True when it was away longer than the grace: the
    /// caller locks before anything is shown (a phone may have slept through every tick).
    pub fn back(&mut self, at: Moment) -> bool {
        self.away_since
            .take()
            .is_some_and(|since| at.since(&since) >= self.away_grace)
    }

    /// The person is certainly at the screen (they just unlocked Thaw), whatever the window
    /// last reported: Thaw is not away. (A window noticed back a moment after the person
    /// unlocked must not lock them out again; if it really is still out of sight, the shell
    /// reports it again.)
    pub fn present(&mut self) {
        self.away_since = None;
    }

    /// Whether Thaw is out of sight now.
    pub fn is_away(&self) -> bool {
        self.away_since.is_some()
    }

    /// Whether the store should lock as of `now`: idle too long, or away too long.
    pub fn should_lock(&self, now: Moment) -> bool {
        let idle = !self.idle_limit.is_zero()
            && now.mono.saturating_duration_since(self.last_activity) >= self.idle_limit;
        let away = self
            .away_since
            .is_some_and(|since| now.since(&since) >= self.away_grace);
        idle || away
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(base: Moment, mono_s: u64, wall_s: u64) -> Moment {
        Moment {
            mono: base.mono + Duration::from_secs(mono_s),
            wall: base.wall + Duration::from_secs(wall_s),
        }
    }

    #[test]
    fn locks_only_after_the_idle_limit_and_activity_resets() {
        let t = Moment::now();
        let mut idle = IdleLock::new(Duration::from_secs(300), t.mono);
        assert!(!idle.should_lock(at(t, 299, 299)));
        idle.touch(t.mono + Duration::from_secs(200));
        assert!(!idle.should_lock(at(t, 400, 400)));
        assert!(idle.should_lock(at(t, 500, 500)));
        idle.set_idle_limit(Duration::ZERO);
        assert!(!idle.should_lock(at(t, 10_000, 10_000)));
    }

    #[test]
    fn away_longer_than_the_grace_locks_and_a_short_glance_away_does_not() {
        let t = Moment::now();
        let mut lock = IdleLock::new(Duration::ZERO, t.mono);
        lock.left(at(t, 10, 10));
        assert!(lock.is_away());
        assert!(!lock.should_lock(at(t, 69, 69)));
        // Back after 50 seconds: no lock, and the away time is forgotten.
        assert!(!lock.back(at(t, 60, 60)));
        assert!(!lock.is_away());
        assert!(!lock.should_lock(at(t, 1_000, 1_000)));
        // Away again: the grace runs from the new leaving, not the first.
        lock.left(at(t, 1_000, 1_000));
        lock.left(at(t, 1_030, 1_030));
        assert!(lock.should_lock(at(t, 1_060, 1_060)));
        assert!(lock.back(at(t, 1_060, 1_060)));
    }

    #[test]
    fn unlocking_says_the_person_is_there() {
        let t = Moment::now();
        let mut lock = IdleLock::new(Duration::ZERO, t.mono);
        lock.left(t);
        // Unlocked again at 100 s, before the window was noticed back at 101 s.
        lock.present();
        assert!(!lock.should_lock(at(t, 101, 101)));
        assert!(!lock.back(at(t, 101, 101)));
        assert!(!lock.is_away());
    }

    #[test]
    fn a_sleeping_phone_counts_on_the_wall_clock() {
        // The monotonic clock stood still for an hour of deep sleep; the wall clock did not.
        let t = Moment::now();
        let mut lock = IdleLock::new(Duration::ZERO, t.mono);
        lock.left(t);
        assert!(lock.back(at(t, 3, 3_600)));
    }

    #[test]
    fn a_wall_clock_set_backwards_cannot_shorten_the_away_time() {
        let t = Moment::now();
        let mut lock = IdleLock::new(Duration::ZERO, t.mono);
        lock.left(at(t, 0, 7_200));
        assert!(lock.should_lock(at(t, 61, 0)));
    }

    #[test]
    fn a_zero_grace_locks_as_soon_as_thaw_leaves() {
        let t = Moment::now();
        let mut lock = IdleLock::new(Duration::from_secs(600), t.mono);
        lock.set_away_grace(Duration::ZERO);
        assert!(!lock.should_lock(t));
        lock.left(t);
        assert!(lock.should_lock(t));
    }
}
