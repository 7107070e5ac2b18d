//! The capacity model.
//!
//! P(success) = σ(capacity today − d), the Rasch / Elo form.
//!
//! Capacity today = usual (this person's usual day) + recent (the last few days) + today (what
//! today's answers said) + session (what a treatment session changed, fading over the weeks
//! after) + check-in (today's check-in against this person's usual one).
//! The difficulty d of a step = its prior (from kind and length) + a learned correction for its
//! kind of step (how hard preparing, or the first two minutes, are for this person) + a learned
//! correction for the rung itself (this movement's preparing step may be easier than others).
//!
//! Each learned part is a belief, N(mean, variance). After an outcome the error is shared out
//! by the Laplace approximation of a Bayesian logistic update (online Bayesian logistic
//! regression with a diagonal Gaussian, as in Glicko and in Chapelle & Li 2011): each part moves
//! in proportion to how unsure it still is. So the first answers move the usual day a lot and
//! later ones little; a "Smaller please" mostly lowers *today* (whose belief is reset loose
//! every morning) and only a little the usual day; a kind of step that keeps proving harder
//! than its prior becomes harder for this person (people's edges are sharper than a logistic
//! curve); and check-in words come to mean what they mean for this person. The slow parts
//! learn symmetrically, so they stay calibrated; "fast down, slow up" lives in the fast parts
//! (today, recent days): a bad surprise is felt there at once (a "Smaller please" doubly), a
//! good one only a little.
//!
//! "Not now" never reaches this module: it is not evidence.

use serde::{Deserialize, Serialize};

use crate::domain::{CheckIn, Level, RungKind};
use crate::fit::round3;
use crate::params::*;

/// The logistic function.
pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
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

/// A Gaussian belief about one part of the model.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Belief {
    pub mean: f64,
    pub var: f64,
}

impl Belief {
    const fn new(mean: f64, var: f64) -> Self {
        Belief { mean, var }
    }

    /// A rung's own correction before any evidence about it.
    pub const fn rung_prior() -> Self {
        Belief::new(0.0, RUNG_VARIANCE)
    }
}

/// A word's score: Low −1, Some 0, Good +1 (how the energy and mood words are counted).
fn score(level: Level) -> f64 {
    level_index(level) as f64 - 1.0
}

fn level_index(level: Level) -> usize {
    match level {
        Level::Low => 0,
        Level::Some => 1,
        Level::Good => 2,
    }
}

/// The given parts of a check-in as (part, level) indexes: energy 0, mood 1, room 2.
fn given_parts(c: &CheckIn) -> impl Iterator<Item = (usize, usize)> + '_ {
    [c.energy, c.mood, c.room]
        .into_iter()
        .enumerate()
        .filter_map(|(part, level)| level.map(|l| (part, level_index(l))))
}

fn default_checkin_effects() -> [[Belief; 3]; 3] {
    [ENERGY_SHIFT, MOOD_SHIFT, ROOM_SHIFT]
        .map(|table| table.map(|m| Belief::new(m, CHECKIN_VARIANCE)))
}

/// The person's capacity state (serialised inside [`crate::Model`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Capacity {
    /// Capacity on this person's usual day, in logits.
    pub usual: Belief,
    /// The last few days: fades back to nothing (half-life `RECENT_HALF_LIFE_DAYS`).
    pub recent: Belief,
    /// Today, beyond the check-in: loose every morning, so today's answers are felt at once.
    pub today: Belief,
    /// What a treatment session changed: opened up (loose) at each session, and fading back to
    /// nothing over the weeks after, so a lift that fades is not mistaken for a new usual day.
    pub session: Belief,
    /// How much harder (+) or easier (−) each kind of step is for this person than the prior.
    pub kinds: [Belief; 4],
    /// What each check-in answer means for this person (part × Low/Some/Good), in logits.
    pub checkin: [[Belief; 3]; 3],
    /// This person's usual check-in, per part, learned from the check-ins they give.
    pub usual_checkin: [f64; 3],
    /// How this person's energy and mood words have moved together, day by day: see
    /// [`Words`].
    #[serde(default)]
    pub words: Words,
    /// How sharp this person's edge is: P = σ(sharpness · (capacity − d)). For many people a
    /// step a little below their capacity nearly always goes well and one a little above nearly
    /// never does; a curve flatter than theirs keeps offering steps just above.
    pub sharpness: Belief,
    /// The share of this person's recent days with a check-in (moving `CHECKIN_DAYS_RATE`
    /// towards each day that closes), starting at all of them. A day without one reads as
    /// their usual day, erring small in proportion: see [`Capacity::checkin_shift`]. (Old
    /// snapshots take the struct's default, all days, through the container's `serde(default)`.)
    pub checkin_days: f64,
    /// Days closed so far (for the share above: a running mean over the first days, with one
    /// day with a check-in assumed before them).
    pub days_closed: u32,
    /// How much the usual day's mean has followed the words of check-ins themselves so far,
    /// as the precision (1 / logits²) of the observations it was moved by (see
    /// `Capacity::hear_usual_words`), up to `WORDS_USUAL_MAX_PRECISION`. A snapshot from
    /// before this was kept is of someone whose usual day is already being learned from their
    /// answers: their words have had their say.
    #[serde(default = "words_already_heard")]
    pub words_heard: f64,
    /// Observations so far.
    pub n: u32,
    /// Days since the last treatment session opened its part of the model (none before one).
    #[serde(default)]
    pub session_age: Option<i64>,
}

fn words_already_heard() -> f64 {
    WORDS_USUAL_MAX_PRECISION
}

impl Default for Capacity {
    fn default() -> Self {
        Capacity {
            usual: Belief::new(PRIOR_MEAN, PRIOR_VARIANCE),
            recent: Belief::new(0.0, RECENT_VARIANCE),
            today: Belief::new(0.0, TODAY_VARIANCE),
            session: Belief::new(0.0, 0.0),
            kinds: [Belief::new(0.0, KIND_VARIANCE); 4],
            checkin: default_checkin_effects(),
            usual_checkin: [0.0; 3],
            words: Words::default(),
            sharpness: Belief::new(SLOPE, SHARPNESS_VARIANCE),
            checkin_days: 1.0,
            days_closed: 0,
            words_heard: 0.0,
            n: 0,
            session_age: None,
        }
    }
}

/// What one piece of evidence changed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Update {
    /// Weighted error w(r − P).
    pub error: f64,
}

impl Capacity {
    /// Let `days` pass: today's belief starts afresh (part of what it learned carried into the
    /// recent days), the recent days fade, and the rest loosens a little, because people change.
    pub fn pass_days(&mut self, days: i64) {
        if days <= 0 {
            return;
        }
        // What today's answers said carries into the next days, fading: a bad day is often
        // followed by another (an AR(1) day), and a crash shows as a run of them.
        let carried = self.recent.mean + TODAY_CARRY * self.today.mean;
        let fade = recent_fade(days);
        self.recent.mean = carried * fade;
        self.recent.var = RECENT_VARIANCE + (self.recent.var - RECENT_VARIANCE) * fade * fade;
        self.today = Belief::new(0.0, TODAY_VARIANCE);
        let session_fade = 0.5_f64.powf(days as f64 / SESSION_HALF_LIFE_DAYS);
        if let Some(age) = self.session_age.as_mut() {
            *age = age.saturating_add(days);
        }
        self.session.mean *= session_fade;
        self.session.var *= session_fade * session_fade;
        self.loosen(DAILY_VARIANCE * days as f64);
        for k in &mut self.kinds {
            k.var = (k.var + KIND_DAILY_VARIANCE * days as f64).min(KIND_VARIANCE);
        }
    }

    /// A treatment session: what it changes is not known yet, so that part opens up.
    pub fn open_session(&mut self) {
        self.session.var = (self.session.var + SESSION_VARIANCE).min(SESSION_VARIANCE);
        // Only a lift over a usual day already known is held apart from it: someone who logs
        // a session in their first days with Thaw has no usual day yet to protect, and theirs
        // is learned from what they do, lift or not.
        self.session_age = (self.usual.var <= USUAL_SETTLED_VARIANCE).then_some(0);
    }

    /// More uncertainty about the usual day (time passing), within bounds.
    pub fn loosen(&mut self, extra: f64) {
        self.usual.var = (self.usual.var + extra).clamp(MIN_VARIANCE, MAX_VARIANCE);
    }

    /// How today's check-in shifts capacity, against this person's usual check-in.
    /// No check-in is a usual day, erring a little small, as far as this person usually
    /// checks in: for someone who does, a day without one is a day the engine knows less
    /// about (and may be a day too heavy to answer); for someone who rarely does, no check-in
    /// *is* their usual day, and the answers that taught the model their usual day were given
    /// on such days. A part left out reads as usual, erring a little small.
    /// A lift above the usual check-in counts as far as this person's words have shown they
    /// follow their days ([`Words::gain`]); one below it keeps its full meaning (erring small
    /// is the safe side).
    pub fn checkin_shift(&self, checkin: Option<&CheckIn>) -> f64 {
        let said = self.checkin_said(checkin);
        if said > 0.0 {
            self.words.gain() * said
        } else {
            said
        }
    }

    /// How today's check-in words differ from this person's usual ones, as the check-in
    /// tables read them.
    fn checkin_said(&self, checkin: Option<&CheckIn>) -> f64 {
        let Some(c) = checkin else {
            return -NO_CHECKIN_MARGIN * self.checkin_days.clamp(0.0, 1.0);
        };
        let mut shift = 0.0;
        let mut given = [false; 3];
        for (part, level) in given_parts(c) {
            given[part] = true;
            shift += self.checkin[part][level].mean - self.usual_checkin[part];
        }
        shift - MISSING_PART_MARGIN * given.iter().filter(|g| !**g).count() as f64
    }

    /// A day is over, with a check-in or without: the share of days with one follows it.
    pub fn close_day(&mut self, checked_in: bool) {
        let x = if checked_in { 1.0 } else { 0.0 };
        // A running mean over the first days (one day with a check-in assumed before them),
        // then a moving one: what this person does now, not in their first week.
        let rate = CHECKIN_DAYS_RATE.max(1.0 / (f64::from(self.days_closed) + 2.0));
        self.days_closed = self.days_closed.saturating_add(1);
        let share = self.checkin_days + rate * (x - self.checkin_days);
        // Rounded: the model is written as JSON on every change.
        self.checkin_days = round3(share);
    }

    /// A day with this (final) check-in is over: the usual check-in follows it a little.
    pub fn learn_usual(&mut self, checkin: &CheckIn) {
        self.words.observe(checkin);
        self.hear_usual_words(checkin);
        for (part, level) in given_parts(checkin) {
            let said = self.checkin[part][level].mean;
            self.usual_checkin[part] += USUAL_CHECKIN_RATE * (said - self.usual_checkin[part]);
        }
    }

    /// What a day's check-in words say of where this person's usual day starts.
    ///
    /// Everyone starts from the same usual day (`PRIOR_MEAN`), and a check-in is read against
    /// the person's own usual one; so someone who says "Low, Low" every morning and someone
    /// who says "Good, Good" were offered the same first steps until their answers came. How a
    /// person usually describes their energy and mood says something about their usual
    /// capacity too (self-reported energy is among the best single predictors of what someone
    /// can do). So each day's energy and mood move the usual day's mean as a weak Gaussian
    /// observation of it would (`WORDS_USUAL_DAY_PRECISION`, less than one answer near the
    /// edge), for the first mornings only (`WORDS_USUAL_MAX_PRECISION` in all), and leave its
    /// variance as it is: the words say where the usual day probably starts, not how sure
    /// the engine may be of it; only answers make it surer. As answers tighten the belief the
    /// words move it less, so they fade as the person's own answers arrive. Room is about the
    /// day's circumstances, not the person, and is left out; no check-in says nothing here.
    /// (Simulation, three seeds: steady low 1.6–1.8 % of offers above capacity → 1.5–1.7 %,
    /// the first two-minute step day 6 → 5, "Not now 60 %" 53–58 % of the oracle's
    /// done-minutes → 61–64 %; its cost, the sudden-crash kind 1.7–1.8 % → 1.8–1.9 % and its
    /// first fitting offer within 3 for 99 % → 97–98 % of people. Letting the words tighten
    /// the belief as well held
    /// the usual day too firmly at the session kind's first session, whose first two-minute
    /// step came a day later on one seed.)
    fn hear_usual_words(&mut self, checkin: &CheckIn) {
        let given: Vec<f64> = [checkin.energy, checkin.mood]
            .into_iter()
            .flatten()
            .map(score)
            .collect();
        if given.is_empty() {
            return;
        }
        let said = given.iter().sum::<f64>() / given.len() as f64;
        let room = (WORDS_USUAL_MAX_PRECISION - self.words_heard).max(0.0);
        let precision = (WORDS_USUAL_DAY_PRECISION * given.len() as f64 / 2.0).min(room);
        if precision <= 0.0 {
            return;
        }
        let heard = WORDS_USUAL_AT_SOME + WORDS_USUAL_PER_LEVEL * said;
        let var = self.usual.var;
        let gain = var * precision / (1.0 + var * precision);
        self.usual.mean += gain * (heard - self.usual.mean);
        self.words_heard = round3(self.words_heard + precision);
    }

    /// Capacity today (for a day in progress), given today's check-in.
    pub fn today_capacity(&self, checkin: Option<&CheckIn>) -> f64 {
        self.usual.mean
            + self.recent.mean
            + self.today.mean
            + self.session.mean
            + self.checkin_shift(checkin)
    }

    /// The learned correction for a kind of step.
    pub fn kind_offset(&self, kind: RungKind) -> f64 {
        self.kinds[kind as usize].mean
    }

    /// The predicted success of a step of difficulty `d` at capacity `capacity`.
    pub fn success(&self, capacity: f64, d: f64) -> f64 {
        sigmoid(self.sharpness.mean * (capacity - d))
    }

    /// Learn from one outcome `r` (0..=1) for a step of difficulty `d` (all corrections
    /// included) and kind `kind`, on a day with `checkin`; `rung` is the rung's own correction.
    /// `down_weight` is how strongly a worse-than-expected outcome is felt today and in the
    /// recent days ("Smaller please" counts double there); a better-than-expected one moves them
    /// only a little. The usual day, the kind, the rung and the check-in words learn from each
    /// outcome once, so they stay calibrated.
    pub fn observe(
        &mut self,
        r: f64,
        down_weight: f64,
        d: f64,
        kind: RungKind,
        checkin: Option<&CheckIn>,
        rung: Option<&mut Belief>,
    ) -> Update {
        let margin = self.today_capacity(checkin) - d;
        let a = self.sharpness.mean;
        let p = sigmoid(a * margin);
        let error = r - p;
        // One surprising answer may be a lapse (a knock at the door), not the step's size: the
        // slow parts weigh it by the chance it is not (`answer_weight`), so one unlucky "too
        // big" on a step that surely fit does not move the usual day for weeks. Only a lone
        // surprise can be a lapse: once the recent days already read low, another "too big"
        // is the trend, and every part hears it in full.
        let trend = error < 0.0 && self.recent.mean + self.today.mean < -RECENT_LOW;
        let settled = if trend { 1.0 } else { answer_weight(r, p) };
        let fast = if error > 0.0 {
            FAST_PARTS_UP_SHARE
        } else {
            down_weight
        };
        // (belief, how the prediction moves with it, multiple of its variance used)
        // In the weeks after a session, doing better than expected is the session's lift, not
        // a new usual day: credited to the usual day, the lift stayed there as it faded, and
        // the steps offered grew too big for the person's real days (worst kind in the
        // simulation: 2.6 % of offers above capacity, 1.8–1.9 % with this).
        let lifted = self.session_age.is_some_and(|age| age < SESSION_LIFT_DAYS);
        // The words' meanings move the prediction through the gain when they lift the day.
        let word_slope = if self.checkin_said(checkin) > 0.0 {
            a * self.words.gain()
        } else {
            a
        };
        // The same holds for a lone "too big" in those weeks: the lift was less than believed
        // (the session's part hears it in full). Heard by the usual day, it could only lower
        // it, since the Dones that follow lift the session's part alone: one unlucky answer
        // after a session held people on the smallest step for two weeks and more. A "too
        // big" on days already reading low is the trend, and the usual day hears it.
        // (Simulation, seeds 20260105 / 7 / 99, session kind: longest stay on the smallest
        // rung while answers say more fits 10 / 13 / 15 -> 10 / 11 / 9 days, its offers above
        // capacity 1.50 / 1.52 / 1.43 -> 1.76 / 1.78 / 1.64 %; the other kinds unchanged.)
        let usual_share = if lifted && !trend { 0.0 } else { 1.0 };
        // The slow parts (all but the recent days', today's and the session's) weigh the answer
        // by the chance that it speaks of the step's size (`settled`).
        let mut parts: Vec<(&mut Belief, f64, f64)> = vec![
            (&mut self.usual, a, usual_share * settled),
            (&mut self.recent, a, fast),
            (&mut self.today, a, fast),
            (&mut self.session, a, 1.0),
            (&mut self.kinds[kind as usize], -a, settled),
            (&mut self.sharpness, margin, settled),
        ];
        if let Some(rung) = rung {
            parts.push((rung, -a, settled));
        }
        let mut levels = [None; 3];
        if let Some(c) = checkin {
            for (part, level) in given_parts(c) {
                levels[part] = Some(level);
            }
        }
        for (row, level) in self.checkin.iter_mut().zip(levels) {
            if let Some(level) = level {
                parts.push((&mut row[level], word_slope, settled));
            }
        }
        let h = (p * (1.0 - p)).max(1e-6);
        let total: f64 = parts.iter().map(|(b, x, m)| b.var * m * x * x).sum();
        let denom = 1.0 + h * total;
        for (belief, x, m) in parts {
            let var = belief.var * m;
            belief.mean += var * x * error / denom;
            belief.var = (belief.var - belief.var * var * x * x * h / denom).max(0.0);
        }
        self.sharpness.mean = self.sharpness.mean.clamp(SHARPNESS_MIN, SHARPNESS_MAX);
        // A low answer never comes to mean less than it says at first: on a day someone says
        // energy is low, erring small is the safe side, whatever milder low days came before.
        for (row, table) in self
            .checkin
            .iter_mut()
            .zip([ENERGY_SHIFT, MOOD_SHIFT, ROOM_SHIFT])
        {
            row[0].mean = row[0].mean.min(table[0]);
        }
        self.usual.var = self.usual.var.max(MIN_VARIANCE);
        self.n = self.n.saturating_add(1);
        Update { error }
    }
}

/// How a person's energy and mood words have moved together from day to day (decayed sums of
/// their scores, Low −1, Some 0, Good +1, on days both were given).
///
/// Words that move together follow something real: the day. Words that move apart, or hardly
/// at all, are mostly how a morning felt. So the agreement between the two sets how much a
/// check-in's lift is believed: for someone whose days swing, a "Good, Good" morning is a good
/// day and bigger steps fit it; for someone whose days hardly change, it is mostly the
/// morning, and the steps stay their usual size. (Simulation: "Good, Good" means a day 0.8
/// logits above usual for someone whose days swing, 0.3 for steadier days, 0.1 for steady low.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Words {
    /// Weight of the days counted (decayed).
    pub n: f64,
    /// Sums of energy, mood, their squares and their product.
    pub e: f64,
    pub m: f64,
    pub ee: f64,
    pub mm: f64,
    pub em: f64,
}

impl Words {
    /// Count one day's check-in (only when it says both energy and mood).
    pub fn observe(&mut self, c: &CheckIn) {
        let (Some(e), Some(m)) = (c.energy, c.mood) else {
            return;
        };
        let (e, m) = (score(e), score(m));
        let keep = WORDS_KEEP;
        self.n = round3(self.n * keep + 1.0);
        self.e = round3(self.e * keep + e);
        self.m = round3(self.m * keep + m);
        self.ee = round3(self.ee * keep + e * e);
        self.mm = round3(self.mm * keep + m * m);
        self.em = round3(self.em * keep + e * m);
    }

    /// How closely the words have moved together (their correlation, 0 when either hardly
    /// moved), drawn towards `WORDS_PRIOR_AGREEMENT` while there are few days.
    pub fn agreement(&self) -> f64 {
        let corr = if self.n > 1.0 {
            let (me, mm) = (self.e / self.n, self.m / self.n);
            let ve = self.ee / self.n - me * me;
            let vm = self.mm / self.n - mm * mm;
            let c = self.em / self.n - me * mm;
            if ve > WORDS_MIN_VARIANCE && vm > WORDS_MIN_VARIANCE {
                (c / (ve * vm).sqrt()).max(0.0)
            } else {
                0.0
            }
        } else {
            0.0
        };
        (self.n * corr + WORDS_PRIOR_DAYS * WORDS_PRIOR_AGREEMENT) / (self.n + WORDS_PRIOR_DAYS)
    }

    /// How much of a check-in's lift the day is believed to show: 1 at the usual agreement
    /// (the tables as they are), less for words that move apart, more (up to a bound) for
    /// words that move together.
    pub fn gain(&self) -> f64 {
        (self.agreement() / WORDS_PRIOR_AGREEMENT).clamp(0.0, CHECKIN_GAIN_MAX)
    }
}

/// How much an answer `r` to a step predicted to fit with chance `p` says about the step's
/// size, rather than about a knock at the door: the chance it was no lapse, when a lapse
/// (`CAPACITY_LAPSE`) gives either answer whatever the size. A "Smaller please" on a step that
/// surely fit is most likely a lapse; the same answer at even odds is almost surely the size.
pub fn answer_weight(r: f64, p: f64) -> f64 {
    let lapse = CAPACITY_LAPSE;
    let q = lapse + (1.0 - 2.0 * lapse) * p;
    // Likelihood of the answer under the size alone, and with lapses.
    let sized = r * p + (1.0 - r) * (1.0 - p);
    let with_lapse = r * q + (1.0 - r) * (1.0 - q);
    if with_lapse <= 0.0 {
        return 1.0;
    }
    ((1.0 - 2.0 * lapse) * sized / with_lapse).clamp(0.0, 1.0)
}

/// Factor by which the recent component shrinks over `days`.
pub fn recent_fade(days: i64) -> f64 {
    0.5_f64.powf(days as f64 / RECENT_HALF_LIFE_DAYS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn logit(p: f64) -> f64 {
        (p / (1.0 - p)).ln()
    }

    #[test]
    fn logistic_basics() {
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-12);
        assert!((logit(0.85) - 1.7346).abs() < 1e-3);
        assert!((sigmoid(logit(0.3)) - 0.3).abs() < 1e-12);
    }

    #[test]
    fn priors_are_ordered_along_a_typical_ladder() {
        let internal = prior_difficulty(RungKind::Internal, 10);
        let prep = prior_difficulty(RungKind::Preparation, 60);
        let first = prior_difficulty(RungKind::FirstMinutes, 120);
        let act = prior_difficulty(RungKind::Act, 900);
        assert!(internal < prep && prep < first && first < act);
        assert!((internal + 3.0).abs() < 0.1);
    }

    #[test]
    fn no_checkin_is_a_usual_day_erring_a_little_small() {
        let mut c = Capacity::default();
        let low = CheckIn {
            energy: Some(Level::Low),
            mood: Some(Level::Low),
            room: Some(Level::Low),
        };
        let none = c.checkin_shift(None);
        assert!(none < 0.0 && none > -0.5);
        assert!(c.checkin_shift(Some(&low)) < none);
        // Someone whose days are usually low: "Low" becomes their usual day.
        for _ in 0..60 {
            c.learn_usual(&low);
        }
        assert!(c.checkin_shift(Some(&low)).abs() < 0.01);
        assert!(c.checkin_shift(None) < c.checkin_shift(Some(&low)));
    }

    #[test]
    fn no_checkin_is_the_usual_day_of_someone_who_rarely_checks_in() {
        // Someone who checks in every day: a day without one errs the full margin small.
        let mut always = Capacity::default();
        for _ in 0..30 {
            always.close_day(true);
        }
        assert_eq!(always.checkin_shift(None), -NO_CHECKIN_MARGIN);
        // Someone who never does: within days, no check-in is simply their usual day.
        let mut never = Capacity::default();
        let mut shifts = Vec::new();
        for _ in 0..10 {
            never.close_day(false);
            shifts.push(never.checkin_shift(None));
        }
        assert!(shifts.windows(2).all(|w| w[1] >= w[0]), "{shifts:?}");
        assert!(
            shifts[0] > -NO_CHECKIN_MARGIN && shifts[9] > -0.03,
            "{shifts:?}"
        );
        // If they start checking in, a day without one errs small again.
        for _ in 0..10 {
            never.close_day(true);
        }
        assert!(never.checkin_shift(None) < -0.6 * NO_CHECKIN_MARGIN);
    }

    #[test]
    fn first_mornings_words_move_where_the_usual_day_starts_and_fade() {
        let words = |l| CheckIn {
            energy: Some(l),
            mood: Some(l),
            room: None,
        };
        let mornings = |l, n| {
            let mut c = Capacity::default();
            for _ in 0..n {
                c.learn_usual(&words(l));
            }
            c
        };
        let (low, good) = (mornings(Level::Low, 10), mornings(Level::Good, 10));
        assert!(low.usual.mean < PRIOR_MEAN - 0.3 && good.usual.mean > PRIOR_MEAN + 0.3);
        // Two mornings' worth at most: more mornings move it no further...
        assert_eq!(mornings(Level::Low, 2).usual.mean, low.usual.mean);
        assert!(mornings(Level::Low, 1).usual.mean > low.usual.mean);
        // ... and never make the engine surer of it: only answers do.
        assert_eq!(low.usual.var, PRIOR_VARIANCE);
        // Room is about the day, not the person; a usual "Some" is close to the prior.
        let room = CheckIn {
            energy: None,
            mood: None,
            room: Some(Level::Good),
        };
        let mut c = Capacity::default();
        c.learn_usual(&room);
        assert_eq!(c.usual.mean, PRIOR_MEAN);
        assert!((mornings(Level::Some, 5).usual.mean - PRIOR_MEAN).abs() < 0.2);
        // Once answers have made the usual day surer, the words move it less.
        let mut known = Capacity::default();
        known.usual.var = MIN_VARIANCE;
        known.learn_usual(&words(Level::Good));
        let fresh = mornings(Level::Good, 1);
        assert!(known.usual.mean - PRIOR_MEAN < (fresh.usual.mean - PRIOR_MEAN) / 3.0);
    }

    #[test]
    fn a_lone_surprise_moves_the_usual_day_less_than_today() {
        // A settled model: many answers on a step well within capacity.
        let mut c = Capacity::default();
        let d = c.usual.mean - 2.5;
        for _ in 0..40 {
            c.observe(1.0, 1.0, d, RungKind::FirstMinutes, None, None);
            c.today = Belief::new(0.0, TODAY_VARIANCE);
        }
        c.recent = Belief::new(0.0, c.recent.var);
        let before = c.clone();
        // Without the lapse reading, as far as the same part would have moved in full.
        let p = sigmoid(c.sharpness.mean * (c.today_capacity(None) - d));
        assert!(p > 0.97, "{p}");
        assert!(answer_weight(0.0, p) < 0.8);
        assert!((answer_weight(0.0, 0.5) - 0.98).abs() < 1e-9);
        assert!(answer_weight(1.0, p) > 0.98);
        let mut once = before.clone();
        once.observe(
            0.0,
            SMALLER_PLEASE_WEIGHT,
            d,
            RungKind::FirstMinutes,
            None,
            None,
        );
        let usual_drop = before.usual.mean - once.usual.mean;
        let today_drop = before.today.mean - once.today.mean;
        assert!(
            usual_drop > 0.0 && today_drop > usual_drop,
            "{usual_drop} {today_drop}"
        );
        // A second "too big" while the recent days read low is the trend: heard in full.
        assert!(once.recent.mean + once.today.mean < -RECENT_LOW);
        let p2 = sigmoid(once.sharpness.mean * (once.today_capacity(None) - d));
        let mut twice = once.clone();
        twice.observe(
            0.0,
            SMALLER_PLEASE_WEIGHT,
            d,
            RungKind::FirstMinutes,
            None,
            None,
        );
        let second = once.usual.mean - twice.usual.mean;
        assert!(answer_weight(0.0, p2) < 1.0 && second > 0.0);
        // And today's capacity is below the step's size less the crash margin soon after.
        assert!(twice.today_capacity(None) < once.today_capacity(None));
    }

    #[test]
    fn early_evidence_moves_more_than_late() {
        let mut early = Capacity::default();
        let d = early.today_capacity(None);
        early.observe(1.0, 1.0, d, RungKind::Preparation, None, None);
        let mut late = Capacity::default();
        late.usual.var = MIN_VARIANCE;
        late.observe(1.0, 1.0, d, RungKind::Preparation, None, None);
        assert!(early.usual.mean > late.usual.mean && late.usual.mean > PRIOR_MEAN);
    }

    #[test]
    fn too_big_is_felt_mostly_today_and_symmetric_in_the_usual_day() {
        let mut up = Capacity::default();
        let mut down = Capacity::default();
        let d = up.today_capacity(None);
        up.observe(1.0, 1.0, d, RungKind::FirstMinutes, None, None);
        down.observe(0.0, 1.0, d, RungKind::FirstMinutes, None, None);
        // The usual day learns both ways alike (to within the share the fast parts take)...
        let (rise, fall) = (up.usual.mean - PRIOR_MEAN, PRIOR_MEAN - down.usual.mean);
        assert!(rise > 0.0 && fall > 0.0 && rise / fall > 0.5 && rise / fall < 2.0);
        // ... while today takes a bad surprise at once, and a good one only a little.
        assert!(down.today.mean < 0.0 && up.today.mean > 0.0);
        assert!(-down.today.mean > 2.0 * up.today.mean);
        // The kind of step takes its share: first minutes are now a little harder.
        assert!(down.kind_offset(RungKind::FirstMinutes) > 0.0);
        // And the next morning, today's belief is loose again.
        down.pass_days(1);
        assert_eq!(down.today, Belief::new(0.0, TODAY_VARIANCE));
    }

    #[test]
    fn check_in_words_come_to_mean_what_they_mean_for_this_person() {
        let mut c = Capacity::default();
        let good = CheckIn {
            energy: Some(Level::Good),
            mood: None,
            room: None,
        };
        let before = c.checkin[0][2].mean;
        // On "Good" days this person does much better than the model expects.
        for _ in 0..20 {
            let d = c.today_capacity(Some(&good)) + 1.0;
            c.observe(1.0, 1.0, d, RungKind::Act, Some(&good), None);
            c.pass_days(1);
        }
        assert!(c.checkin[0][2].mean > before);
    }

    fn words(energy: Level, mood: Level) -> CheckIn {
        CheckIn {
            energy: Some(energy),
            mood: Some(mood),
            room: Some(Level::Some),
        }
    }

    #[test]
    fn a_good_morning_lifts_the_day_as_far_as_the_words_follow_the_days() {
        use Level::{Good, Low, Some as Mid};
        // One person's energy and mood rise and fall together; another's move apart.
        let (mut together, mut apart) = (Capacity::default(), Capacity::default());
        for day in 0..40 {
            let (e, m, e2, m2) = match day % 4 {
                0 => (Low, Low, Low, Good),
                1 => (Good, Good, Good, Low),
                2 => (Mid, Mid, Mid, Good),
                _ => (Good, Mid, Good, Mid),
            };
            together.learn_usual(&words(e, m));
            apart.learn_usual(&words(e2, m2));
        }
        assert!(together.words.gain() > 1.0, "{:?}", together.words);
        assert!(apart.words.gain() < 0.5, "{:?}", apart.words);
        // The same "Good, Good" morning, read against each one's usual words: the one whose
        // words follow their days is believed further.
        let good = words(Good, Good);
        let said = |c: &Capacity| c.checkin_said(Some(&good));
        assert!(said(&together) > 0.0 && said(&apart) > 0.0);
        assert!(together.checkin_shift(Some(&good)) > said(&together));
        assert!(apart.checkin_shift(Some(&good)) < said(&apart));
        // A low morning keeps its full meaning for both.
        let low = words(Low, Low);
        for c in [&together, &apart] {
            assert!(c.checkin_said(Some(&low)) < 0.0);
            assert_eq!(c.checkin_shift(Some(&low)), c.checkin_said(Some(&low)));
        }
        // Before any words, the tables read as they are.
        let fresh = Capacity::default();
        assert_eq!(fresh.words.gain(), 1.0);
    }

    proptest::proptest! {
        /// Whatever days came, with or without check-ins, a day without one never reads above
        /// this person's usual day, nor further below it than `NO_CHECKIN_MARGIN`.
        #[test]
        fn no_checkin_is_never_above_the_usual_day_nor_far_below_it(
            days in proptest::collection::vec(proptest::bool::ANY, 0..200),
        ) {
            let mut c = Capacity::default();
            for checked_in in days {
                c.close_day(checked_in);
                let shift = c.checkin_shift(None);
                proptest::prop_assert!((-NO_CHECKIN_MARGIN..=0.0).contains(&shift), "{shift}");
            }
        }

        /// Whatever this person's words have been, a check-in below their usual one keeps its
        /// full meaning (erring small is the safe side), and one above it counts at most
        /// `CHECKIN_GAIN_MAX` times what the tables say, never less than nothing.
        #[test]
        fn a_check_in_lift_is_bounded_and_a_low_one_keeps_its_meaning(
            history in proptest::collection::vec((0usize..3, 0usize..3), 0..80),
            today in (0usize..3, 0usize..3, 0usize..3),
        ) {
            let level = |i: usize| [Level::Low, Level::Some, Level::Good][i];
            let mut c = Capacity::default();
            for (e, m) in history {
                c.learn_usual(&words(level(e), level(m)));
            }
            let checkin = CheckIn {
                energy: Some(level(today.0)),
                mood: Some(level(today.1)),
                room: Some(level(today.2)),
            };
            let said = c.checkin_said(Some(&checkin));
            let shift = c.checkin_shift(Some(&checkin));
            let gain = c.words.gain();
            proptest::prop_assert!((0.0..=CHECKIN_GAIN_MAX).contains(&gain));
            if said <= 0.0 {
                proptest::prop_assert_eq!(shift, said);
            } else {
                proptest::prop_assert!(shift >= 0.0 && shift <= CHECKIN_GAIN_MAX * said + 1e-12);
            }
        }
    }

    #[test]
    fn a_lift_after_a_session_is_not_taken_for_a_new_usual_day() {
        let mut c = Capacity::default();
        c.usual.var = USUAL_SETTLED_VARIANCE; // a usual day already known
        c.open_session();
        let d = c.today_capacity(None) + 1.0;
        c.observe(1.0, 1.0, d, RungKind::FirstMinutes, None, None);
        // The better-than-expected Done lifted the session's part, and the usual day not at all.
        assert_eq!(c.usual.mean, PRIOR_MEAN);
        assert!(c.session.mean > 0.0);
        // A lone step that was too big says the lift was less than believed: the session's
        // part hears it, and the usual day, which the Dones after it could not lift again in
        // these weeks, does not...
        let mut down = c.clone();
        let session_then = down.session.mean;
        down.observe(0.0, 1.0, d, RungKind::FirstMinutes, None, None);
        assert_eq!(down.usual.mean, PRIOR_MEAN);
        assert!(down.session.mean < session_then);
        // ... but one on days already reading low is the trend, and teaches the usual day.
        down.recent.mean = -2.0 * RECENT_LOW;
        down.observe(0.0, 1.0, d, RungKind::FirstMinutes, None, None);
        assert!(down.usual.mean < PRIOR_MEAN);
        // ... and once the weeks of the lift are over, doing better moves it again.
        c.pass_days(SESSION_LIFT_DAYS);
        let d = c.today_capacity(None) + 1.0;
        c.observe(1.0, 1.0, d, RungKind::FirstMinutes, None, None);
        assert!(c.usual.mean > PRIOR_MEAN);
    }

    #[test]
    fn a_session_in_the_first_days_leaves_the_usual_day_to_be_learned() {
        // Someone who logs a session before Thaw knows their usual day: there is nothing to
        // hold apart yet, and what they do teaches the usual day as it would without one.
        let mut c = Capacity::default();
        assert!(c.usual.var > USUAL_SETTLED_VARIANCE);
        c.open_session();
        let d = c.today_capacity(None) + 1.0;
        c.observe(1.0, 1.0, d, RungKind::FirstMinutes, None, None);
        assert!(c.usual.mean > PRIOR_MEAN);
    }

    #[test]
    fn time_and_sessions_loosen_the_belief_within_bounds() {
        let mut c = Capacity::default();
        c.usual.var = MIN_VARIANCE;
        c.pass_days(3);
        assert!(c.usual.var > MIN_VARIANCE);
        c.loosen(100.0);
        assert_eq!(c.usual.var, MAX_VARIANCE);
    }
}
