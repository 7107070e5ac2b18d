//! The person's learned state, updated one event at a time.
//!
//! A `Model` is small and serialisable: the store keeps it as a JSON snapshot beside the event
//! rows, so an offer never needs the whole history. Folding the whole history from
//! `Model::default()` gives exactly the same state as applying the events as they came.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::capacity::{prior_difficulty, Belief, Capacity};
use crate::day::{day_of, days_between, hour_of};
use crate::domain::{CheckIn, Level, Offer, Response, RungKind};
use crate::events::{Event, EventKind};
use crate::fit::{round3, Margin, RungFit, KIND_FIT_PRIOR};
use crate::params::*;
use crate::progress::DayFacts;
use crate::readiness::{HourScore, Readiness};

/// Rung indexes at or above this are not learned (guards against nonsense input).
const MAX_LEARNED_RUNGS: usize = 64;

/// What is known about the current day.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct DayState {
    pub date: Option<NaiveDate>,
    pub checkin: Option<CheckIn>,
    /// Budget units used: Done, Started and Not now each use one.
    pub spent: u32,
    /// Offers shown today.
    pub offers: u32,
    pub not_now: u32,
    /// Movements set aside today (Not now, Something else): not offered again today.
    pub set_aside: Vec<i64>,
    /// Steps done or started today, as (movement, rung): never offered again today, and their
    /// movements only once every other movement has had its turn.
    #[serde(default)]
    pub done: Vec<(i64, Option<u32>)>,
    /// Once today has said "too big" (Smaller please, or a step only started), fresh steps for
    /// the rest of the day stay below the difficulty of the one that was too big.
    #[serde(default)]
    pub below: Option<f64>,
    /// The tiny steps below the ladders (the breath, a noticing) done today, by their text.
    #[serde(default)]
    pub tiny_done: Vec<String>,
    /// Whether a step above a ladder's smallest rung was offered today (not as "a bit more?").
    #[serde(default)]
    pub above_smallest: bool,
    /// The day's first check-in, when a later one replaced it (see `Model::usual_words`).
    #[serde(default)]
    pub first_checkin: Option<CheckIn>,
    pub facts: DayFacts,
}

/// The most recent offer and, once given, its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct LastOffer {
    pub offer: Offer,
    pub at: DateTime<FixedOffset>,
    pub day: NaiveDate,
    pub response: Option<Response>,
    /// The day of the answer: an offer seen at 01:30 may be answered at 09:00, the next day,
    /// and "Smaller please" then still means this movement, smaller.
    #[serde(default)]
    pub answered_on: Option<NaiveDate>,
}

/// When growth (a stretch, or a bit more) was too big, growth waits before reaching for that
/// kind of step again, twice as long after each further time (a week, two, four …): a person
/// at the edge of preparing is not asked to prepare every other day. A stretch that went well
/// is followed by a short wait only, and does not erase the memory of the last.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Backoff {
    pub until: Option<NaiveDate>,
    pub days: u32,
    /// Stretches of this kind that were too big, less those that went well: each one asks a
    /// little more of the next (see `STRETCH_FLOOR_STEP`).
    #[serde(default)]
    pub misses: u32,
    /// Whether a stretch of this kind was ever answered.
    #[serde(default)]
    pub tried: bool,
}

/// Growth spent from this person's risk budget (see [`Model::may_grow`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Reach {
    /// Answers about size (Done, Started, Smaller please) so far.
    #[serde(rename = "n")]
    pub answers: u32,
    /// Growth and bit-more steps that were too big (Started counts half).
    #[serde(rename = "x")]
    pub misses: f64,
}

/// How often and how recently a value or movement was offered, for fair rotation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Turns {
    pub offers: u64,
    /// Sequence number of the most recent offer (0 = never).
    pub last: u64,
}

/// The person's learned state. See the crate docs for the model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub(crate) capacity: Capacity,
    /// Learned difficulty corrections: movement id → per rung.
    pub(crate) rungs: BTreeMap<i64, Vec<Belief>>,
    pub(crate) day: DayState,
    pub(crate) last: Option<LastOffer>,
    pub(crate) value_turns: BTreeMap<i64, Turns>,
    pub(crate) movement_turns: BTreeMap<i64, Turns>,
    pub(crate) seq: u64,
    /// Growth waits per kind of step (internal, preparation, first minutes, the act).
    #[serde(default)]
    pub(crate) backoff: [Backoff; 4],
    /// How steps of each kind went lately (an average of outcomes, recent ones weighing most),
    /// once there is any.
    #[serde(default)]
    pub(crate) lately: [Option<f64>; 4],
    pub(crate) last_session: Option<DateTime<FixedOffset>>,
    pub(crate) readiness: Readiness,
    /// Each rung's own record (see [`crate::fit`]): movement id → per rung.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) fit: BTreeMap<i64, Vec<RungFit>>,
    /// Each kind of step's own record (see [`crate::fit`]): how far this person's steps of
    /// that kind, across movements, sit from what the capacity model says of them. An untried
    /// rung borrows it.
    #[serde(default)]
    pub(crate) kind_fit: [RungFit; 4],
    /// Growth spent from this person's risk budget: answers to steps of a size not yet known
    /// to fit (growth, a bit more), and how many of them were too big.
    #[serde(default)]
    pub(crate) reach: Reach,
    /// How far this person's days stray from what the check-in and the recent days say, as
    /// their answers showed it (variance, logits²; see `Model::day_var`).
    #[serde(default)]
    pub(crate) day_spread: f64,
    /// Days in a row, before today, whose offers were all on ladders' smallest rungs (days
    /// without offers leave it as it was): see `BOTTOM_DAYS`.
    #[serde(default)]
    pub(crate) bottom_days: u32,
    /// How often this person's answers to the steps offered (not to "a bit more?") are "Not
    /// now": a running share (Not now 1; Done, Started, Smaller please 0), see
    /// `NOT_NOW_SHARE_RATE`. Someone who rests often has few Dones, so few "a bit more?"
    /// asks: the room below the ceiling that the question spends for others is theirs to
    /// spend on the steps the engine sizes (`Model::rests_often`).
    #[serde(default)]
    pub(crate) not_now_share: f64,
    // Progress has one home: thaw-core builds it from the stored rows with the measure in
    // `progress.rs`. The model kept a copy of its own until issue 13; snapshots that still
    // carry it load as before (serde skips the unknown `progress` field).
}

/// A snapshot of capacity for one day, for display and tests (logits).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CapacityToday {
    /// Capacity on this person's usual day (the belief's mean).
    pub usual: f64,
    /// How unsure the engine still is about it (the belief's standard deviation).
    pub uncertainty: f64,
    /// Usual + recent days + today's check-in + today's answers.
    pub today: f64,
}

impl Model {
    /// A model folded from a whole history, oldest first. Equal to applying each event in turn.
    pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Model {
        let mut m = Model::default();
        for e in events {
            m.apply(e);
        }
        m
    }

    /// Learn from one event. Events are expected in time order (see [`crate::events`]).
    pub fn apply(&mut self, event: &Event) {
        let day = self.enter_day(day_of(event.at));
        match &event.kind {
            EventKind::CheckIn(c) => {
                // A later check-in the same day (04:00 to 04:00) replaces the earlier one.
                if let Some(first) = self
                    .day
                    .checkin
                    .filter(|_| self.day.first_checkin.is_none())
                {
                    self.day.first_checkin = Some(first);
                }
                self.day.checkin = Some(*c);
                let low = |l: Option<Level>| l == Some(Level::Low);
                if low(c.energy) || low(c.room) {
                    self.day.facts.rest_signal = true;
                }
            }
            EventKind::Offered(offer) => self.on_offered(offer, event.at, day),
            EventKind::Replied(reply) => {
                let Some(last) = self.last.as_mut().filter(|l| l.response.is_none()) else {
                    return; // nothing open to answer
                };
                last.response = Some(reply.response);
                last.answered_on = Some(day);
                let offer = last.offer.clone();
                self.on_replied(&offer, reply.response, event.at, day);
            }
            EventKind::InternalShift(shift) => {
                // Small positive evidence, as if an internal rung went well.
                let kind = RungKind::Internal;
                let d = prior_difficulty(kind, 10) + self.capacity.kind_offset(kind);
                let checkin = self.day.checkin;
                self.capacity
                    .observe(1.0, INTERNAL_SHIFT_WEIGHT, d, kind, checkin.as_ref(), None);
                self.mark_moved(shift.value_id);
            }
            EventKind::Moment => self.readiness.observe(hour_of(event.at), 1.0),
            EventKind::Rest => self.day.facts.rest_signal = true,
            EventKind::Session(s) => {
                if self.last_session.is_none_or(|prev| s.at > prev) {
                    self.last_session = Some(s.at);
                }
                // Capacity moves most in the days after a session: what the session changed is
                // its own, loose part of the model, and growth gets a fresh start (earlier
                // "too big"s were before it).
                self.capacity.open_session();
                self.backoff = Default::default();
                self.reach.misses = 0.0;
            }
        }
    }

    fn on_offered(&mut self, offer: &Offer, at: DateTime<FixedOffset>, day: NaiveDate) {
        self.day.offers += 1;
        if !offer.bit_more && offer.rung_index.is_some_and(|i| i > 0) {
            self.day.above_smallest = true;
        }
        self.seq += 1;
        for (map, id) in [
            (&mut self.value_turns, offer.value_id),
            (&mut self.movement_turns, offer.movement_id),
        ] {
            let t = map.entry(id).or_default();
            t.offers += 1;
            t.last = self.seq;
        }
        self.last = Some(LastOffer {
            offer: offer.clone(),
            at,
            day,
            response: None,
            answered_on: None,
        });
    }

    fn on_replied(
        &mut self,
        offer: &Offer,
        response: Response,
        at: DateTime<FixedOffset>,
        day: NaiveDate,
    ) {
        let taken = matches!(response, Response::Done | Response::Started);
        if offer.bit_more && !taken {
            // "Not this time" to a bit more: pulled, never pushed, so declining changes nothing.
            return;
        }
        if !offer.bit_more && response != Response::SomethingElse {
            let x = if response == Response::NotNow {
                1.0
            } else {
                0.0
            };
            let share = self.not_now_share + NOT_NOW_SHARE_RATE * (x - self.not_now_share);
            self.not_now_share = round3(share);
        }
        let evidence = match response {
            Response::Done => Some((1.0, 1.0)),
            Response::Started => Some((STARTED_OUTCOME, STARTED_WEIGHT)),
            Response::SmallerPlease => Some((0.0, SMALLER_PLEASE_WEIGHT)),
            // Not now is a rest, not a failure; Something else says nothing about size.
            Response::NotNow | Response::SomethingElse => None,
        };
        if let Some((r, w)) = evidence {
            if r < 1.0 {
                let d = offer.difficulty;
                self.day.below = Some(self.day.below.map_or(d, |b| b.min(d)));
            }
            let checkin = self.day.checkin;
            let capacity_then = self.capacity.today_capacity(checkin.as_ref());
            if let Some(i) = offer
                .rung_index
                .map(|i| i as usize)
                .filter(|i| *i < MAX_LEARNED_RUNGS)
            {
                let prior = self.margin_prior(offer.kind, offer.difficulty);
                let shift = capacity_then - self.capacity.usual.mean;
                let day_var = self.day_var();
                // The kind's record reads the answer with the rung's own spread as noise.
                let k = offer.kind as usize;
                let base = self.capacity.usual.mean - offer.difficulty;
                let rung_var = self.capacity.usual.var + FIT_RUNG_VARIANCE;
                self.kind_fit[k].observe(KIND_FIT_PRIOR, r, base + shift, day_var + rung_var);
                let fits = self.fit.entry(offer.movement_id).or_default();
                if fits.len() <= i {
                    fits.resize(i + 1, RungFit::default());
                }
                fits[i].observe(prior, r, shift, day_var);
                fits[i].run = if r < 1.0 {
                    0
                } else {
                    fits[i].run.saturating_add(1)
                };
            }
            let kind_then = self.capacity.kind_offset(offer.kind);
            let rung_then = offer
                .rung_index
                .map_or(0.0, |i| self.rung_offset(offer.movement_id, i as usize));
            // The rung's own correction takes its share, for rungs of a ladder (not the breath).
            let rung = offer
                .rung_index
                .map(|i| i as usize)
                .filter(|i| *i < MAX_LEARNED_RUNGS)
                .map(|i| {
                    let beliefs = self.rungs.entry(offer.movement_id).or_default();
                    if beliefs.len() <= i {
                        beliefs.resize(i + 1, Belief::rung_prior());
                    }
                    &mut beliefs[i]
                });
            self.capacity
                .observe(r, w, offer.difficulty, offer.kind, checkin.as_ref(), rung);
            if r < 1.0 {
                self.too_big(offer, capacity_then, kind_then, rung_then);
            }
            self.reach.answers = self.reach.answers.saturating_add(1);
            if offer.stretch || offer.bit_more {
                self.reach.misses += 1.0 - r;
            }
            if offer.rung_index.is_some() {
                let lately = &mut self.lately[offer.kind as usize];
                *lately = Some(lately.map_or(r, |x| x + LATELY_RATE * (r - x)));
            }
            if offer.stretch {
                let b = &mut self.backoff[offer.kind as usize];
                b.tried = true;
                if r < 1.0 {
                    b.misses = b.misses.saturating_add(1);
                    b.days = (b.days * 2).clamp(BACKOFF_FIRST_DAYS, BACKOFF_MAX_DAYS);
                    b.until = day.checked_add_days(chrono::Days::new(u64::from(b.days)));
                } else {
                    // It went well. If the kind now surely fits, it is no longer a stretch; if
                    // not, this person is at its edge: try again after the same wait as after
                    // the last "too big" (a short one if there was none).
                    b.misses = b.misses.saturating_sub(1);
                    let wait = STRETCH_AGAIN_DAYS.max(b.days);
                    b.until = day.checked_add_days(chrono::Days::new(u64::from(wait)));
                }
            }
        }
        match response {
            Response::Done | Response::Started => {
                self.day.spent += 1;
                let weight = if response == Response::Done { 1.0 } else { 0.5 };
                self.readiness.observe(hour_of(at), weight);
                self.mark_moved(Some(offer.value_id));
                self.day.done.push((offer.movement_id, offer.rung_index));
                if offer.rung_index.is_none() && !self.day.tiny_done.contains(&offer.text) {
                    self.day.tiny_done.push(offer.text.clone());
                }
            }
            Response::NotNow => {
                self.day.spent += 1;
                self.day.not_now += 1;
                self.day.facts.rest_signal = true;
                self.day.set_aside.push(offer.movement_id);
            }
            Response::SomethingElse => self.day.set_aside.push(offer.movement_id),
            Response::SmallerPlease => {}
        }
    }

    /// A step that was too big (Smaller please, or Started and not finished) was beyond the
    /// person then: its own correction is raised until it no longer looks like a sure fit on
    /// a day like that one. Sharing the surprise out among today, the kind of step and the
    /// rung (as `observe` does) leaves that very step looking nearly as likely as before, and
    /// a person whose days hardly change would be offered it again and again; what the person
    /// said about this step wins. Dones on it (a bit more, growth) bring it back down.
    fn too_big(&mut self, offer: &Offer, capacity_then: f64, kind_then: f64, rung_then: f64) {
        let Some(i) = offer.rung_index.map(|i| i as usize) else {
            return;
        };
        if i >= MAX_LEARNED_RUNGS {
            return;
        }
        let moved = (self.capacity.kind_offset(offer.kind) - kind_then)
            + (self.rung_offset(offer.movement_id, i) - rung_then);
        let now = offer.difficulty + moved;
        let floor = capacity_then - TOO_BIG_MARGIN;
        if now < floor {
            if let Some(b) = self
                .rungs
                .get_mut(&offer.movement_id)
                .and_then(|v| v.get_mut(i))
            {
                b.mean += floor - now;
            }
        }
    }

    fn mark_moved(&mut self, value_id: Option<i64>) {
        self.day.facts.moved = true;
        if let Some(v) = value_id {
            self.day.facts.moved_values.insert(v);
        }
    }

    /// Move the model into `day`, closing the days in between. Returns the day events apply to.
    fn enter_day(&mut self, day: NaiveDate) -> NaiveDate {
        let Some(current) = self.day.date else {
            self.day.date = Some(day);
            return day;
        };
        if day <= current {
            return current;
        }
        let gap = days_between(current, day);
        if self.day.offers > 0 {
            self.bottom_days = if self.day.above_smallest {
                0
            } else {
                self.bottom_days.saturating_add(1)
            };
        }
        if let Some(c) = self.usual_words() {
            self.capacity.learn_usual(&c);
        }
        self.capacity.close_day(self.day.checkin.is_some());
        // What the day's answers said of it, beyond the check-in and the recent days: its
        // square follows how far this person's days stray (only days with answers speak, and
        // not the weeks after a session, when what surprises is the session's lift).
        let lifting = self
            .capacity
            .session_age
            .is_some_and(|age| age <= SESSION_LIFT_DAYS);
        if self.day.spent > 0 && !lifting {
            let said = self.capacity.today.mean;
            let spread = self.day_spread + DAY_SPREAD_RATE * (said * said - self.day_spread);
            self.day_spread = round3(spread);
        }
        self.capacity.pass_days(gap);
        for f in self
            .fit
            .values_mut()
            .flatten()
            .chain(self.kind_fit.iter_mut())
        {
            f.fade(gap);
        }
        // Growth's budget refills slowly: reaches that were too big weigh less as days pass.
        let refill = 0.5_f64.powf(gap as f64 / GROWTH_MISS_HALF_LIFE_DAYS);
        self.reach.misses = round3(self.reach.misses * refill);
        // What went badly fades from "lately" as days pass (it is lately, not forever).
        let forget = 1.0 - 0.5_f64.powf(gap as f64 / LATELY_HALF_LIFE_DAYS);
        for x in self.lately.iter_mut().flatten() {
            *x += (1.0 - *x) * forget;
        }
        self.day = DayState {
            date: Some(day),
            ..DayState::default()
        };
        day
    }

    /// Whether `day` is the day the model is in (its counters apply).
    pub(crate) fn is_current(&self, day: NaiveDate) -> bool {
        self.day.date == Some(day)
    }

    /// Effective capacity on `day`: usual + recent + today + check-in.
    /// A day the model has not seen yet has no check-in: a usual day, erring a little small.
    pub(crate) fn effective_on(&self, day: NaiveDate) -> f64 {
        if self.is_current(day) {
            return self.capacity.today_capacity(self.day.checkin.as_ref());
        }
        self.closed_for(day).today_capacity(None)
    }

    /// The check-in that teaches what this person's check-ins usually say: the day's first.
    /// A later one the same day (at 01:30, say, still the evening before) says how the night
    /// is, and rightly sizes the night's steps, but is not how this person's days usually
    /// start. Heard as the day's usual words, low nights made someone's check-ins read as
    /// usually low, which closes the step up from the bottom to them (`BOTTOM_LOW_RISK`).
    /// Simulation, three seeds, the kind at 01:30 some nights: longest stay on the smallest
    /// rung 13 / 20 / 13 → 13 / 12 / 9 days, 1.19 / 1.22 / 1.34 → 1.12 / 1.19 / 1.21 % of
    /// offers above capacity, done-minutes 66 / 64 / 64 → 65 / 65 / 63 %.
    fn usual_words(&self) -> Option<CheckIn> {
        self.day.first_checkin.or(self.day.checkin)
    }

    /// The capacity model as it will be on a day it has not seen yet: closing the day in
    /// progress first folds its check-in into the usual one (and what its words say of the
    /// usual day), then the days pass.
    fn closed_for(&self, day: NaiveDate) -> Capacity {
        let gap = self.day.date.map_or(0, |d| days_between(d, day).max(0));
        let mut closed = self.capacity.clone();
        if let Some(checkin) = self.usual_words().filter(|_| gap > 0) {
            closed.learn_usual(&checkin);
        }
        if gap > 0 {
            closed.close_day(self.day.checkin.is_some());
        }
        closed.pass_days(gap);
        closed
    }

    /// Whether today's answers have already said "too big" (no growth room today, then).
    pub(crate) fn too_big_today(&self, day: NaiveDate) -> bool {
        self.is_current(day) && self.capacity.today.mean < -0.1
    }

    /// Whether `day` can carry growth (a step one rung above what surely fits): not before the
    /// person has answered anything (the very first step is the smallest), and not on a day
    /// that is below this person's usual by what they said or did.
    pub(crate) fn growth_day(&self, day: NaiveDate) -> bool {
        self.day_above(day, 0.1, 0.0)
    }

    /// Whether `day` can carry a step up from the bottom of the ladder (see `BOTTOM_DAYS`):
    /// as [`Model::growth_day`], with two allowances. The recent days may be below the usual
    /// day by up to `BOTTOM_DAY_MARGIN` (growth's 0.1 at least), less the nearer this person's
    /// usual check-in is to `BOTTOM_USUAL_CHECKIN`; after a long stay at the bottom (`long`),
    /// by up to `BOTTOM_LONG_RECENT_MARGIN` whoever they are. A check-in may be below their
    /// usual one by as much as their usual one is above an ordinary day's, up to
    /// `BOTTOM_DAY_MARGIN`: for someone whose check-ins are usually good, an ordinary "some" is
    /// an ordinary day; after a long stay, by up to `BOTTOM_LONG_CHECKIN_MARGIN` whoever they
    /// are. A word of low energy holds it back always.
    pub(crate) fn bottom_day(&self, day: NaiveDate, long: bool) -> Option<&'static str> {
        let level = self.usual_checkin_level();
        let recent = (level - BOTTOM_USUAL_CHECKIN)
            .clamp(0.0, BOTTOM_DAY_MARGIN)
            .max(0.1);
        let recent = if long {
            recent.max(BOTTOM_LONG_RECENT_MARGIN)
        } else {
            recent
        };
        let checkin = level.clamp(0.0, BOTTOM_DAY_MARGIN);
        let checkin = if long {
            checkin.max(BOTTOM_LONG_CHECKIN_MARGIN)
        } else {
            checkin
        };
        self.day_below(day, recent, checkin)
    }

    /// Whether `day` is not below this person's usual: the recent days not more than
    /// `recent_margin` below it, today's answers not more than 0.1, the check-in not more than
    /// `checkin_margin`, and nobody said their energy is low.
    fn day_above(&self, day: NaiveDate, recent_margin: f64, checkin_margin: f64) -> bool {
        self.day_below(day, recent_margin, checkin_margin).is_none()
    }

    /// Why `day` is below this person's usual by [`Model::day_above`]'s test, if it is: the
    /// first part that says so.
    fn day_below(
        &self,
        day: NaiveDate,
        recent_margin: f64,
        checkin_margin: f64,
    ) -> Option<&'static str> {
        if self.capacity.n == 0 {
            return Some("no answers yet");
        }
        let current = self.is_current(day);
        let mut c = self.capacity.clone();
        if let Some(d) = self.day.date.filter(|d| *d < day) {
            c.pass_days(days_between(d, day));
        }
        let checkin = self.day.checkin.as_ref().filter(|_| current);
        if c.recent.mean < -recent_margin {
            Some("the recent days read low")
        } else if current && c.today.mean < -0.1 {
            Some("today's answers read low")
        } else if checkin.is_some_and(|ci| ci.energy == Some(Level::Low)) {
            // Nor on a day someone says their energy is low, even when low is their usual: a
            // step up is for a day that can carry it, and they have just said this one may not.
            Some("energy said low")
        } else if checkin.is_some_and(|ci| c.checkin_shift(Some(ci)) < -checkin_margin) {
            Some("check-in below usual")
        } else {
            None
        }
    }

    /// Whether steps of this kind have lately gone well enough to be offered as a sure fit:
    /// the model may say a kind fits while, for this person, it lately has not. What happened
    /// wins.
    pub(crate) fn kind_goes_well(&self, kind: RungKind, day: NaiveDate) -> bool {
        let gap = match self.day.date {
            Some(d) if d < day => days_between(d, day),
            _ => 0,
        };
        let forget = 1.0 - 0.5_f64.powf(gap as f64 / LATELY_HALF_LIFE_DAYS);
        self.lately[kind as usize].is_none_or(|x| x + (1.0 - x) * forget >= LATELY_FLOOR)
    }

    /// Whether each rung's record may size steps on `day`: not once today's answers or the
    /// last few days have said "too big" (a crash, a hard stretch). A record built on usual
    /// days is sure of itself, and would keep offering its steps into a crash; then only the
    /// capacity model, which feels today's answers at once, sizes steps.
    pub(crate) fn records_hold(&self, day: NaiveDate) -> bool {
        let mut c = self.capacity.clone();
        if let Some(d) = self.day.date.filter(|d| *d < day) {
            c.pass_days(days_between(d, day));
        }
        let today_low = self.is_current(day) && c.today.mean < -RECORD_HOLD_MARGIN;
        !today_low && c.recent.mean > -RECORD_HOLD_MARGIN
    }

    /// Whether this person's risk budget still allows growth: a step beyond what is known to
    /// fit is a chance of being too big, and the too-big ones are counted against a small
    /// share of all answers. Someone at the edge of every step is not asked to reach again and
    /// again; someone whose reaches go well keeps reaching.
    pub(crate) fn may_grow(&self) -> bool {
        self.reach.misses < GROWTH_FREE_MISSES + GROWTH_MISS_SHARE * f64::from(self.reach.answers)
    }

    /// Days in a row with offers, up to and including `day`, whose offers were all on
    /// ladders' smallest rungs (today counts once it has an offer on the smallest rung only).
    pub(crate) fn bottom_days(&self, day: NaiveDate) -> u32 {
        if !self.is_current(day) {
            // `day` is later: the current day closes first.
            return if self.day.offers > 0 && self.day.above_smallest {
                0
            } else {
                self.bottom_days + u32::from(self.day.offers > 0)
            };
        }
        if self.day.above_smallest {
            0
        } else {
            self.bottom_days
        }
    }

    /// Whether growth may reach for a step of this kind on `day` (see [`Backoff`]).
    pub(crate) fn may_reach_for(&self, kind: RungKind, day: NaiveDate) -> bool {
        self.backoff[kind as usize]
            .until
            .is_none_or(|until| day >= until)
    }

    /// How likely a stretch of this kind must be (by the estimate) to be offered: the floor,
    /// raised a little for each stretch of this kind that was too big.
    /// The very first stretch of each kind needs less: nothing is known about that kind for
    /// this person yet, and one early try is how a capable person gets there in days, not
    /// weeks (and costs someone it does not fit one "too big", then a long wait).
    pub(crate) fn stretch_floor(&self, kind: RungKind, floor: f64) -> f64 {
        let b = &self.backoff[kind as usize];
        if !b.tried {
            return FIRST_STRETCH_FLOOR.min(floor);
        }
        (floor + STRETCH_FLOOR_STEP * f64::from(b.misses)).min(TARGET_SUCCESS)
    }

    /// What the capacity model says about the margin of a step of this kind and difficulty on
    /// a usual day, before the rung's own answers.
    pub(crate) fn margin_prior(&self, kind: RungKind, d: f64) -> Margin {
        let c = &self.capacity;
        let k = self.kind_fit[kind as usize].posterior(KIND_FIT_PRIOR);
        Margin {
            mean: c.usual.mean - d + k.mean,
            var: c.usual.var + k.var + FIT_RUNG_VARIANCE,
        }
    }

    /// How unsure a day's capacity is around its estimate: what a recent session may have
    /// changed, and how far this person's days have been seen to stray (never less than
    /// `FIT_DAY_VARIANCE`): the more a person's days swing, the surer a record must be.
    pub(crate) fn day_var(&self) -> f64 {
        self.capacity.session.var + FIT_DAY_VARIANCE.max(DAY_SPREAD_SCALE * self.day_spread)
    }

    /// A rung's margin on a usual day: the capacity model's prior with the rung's own record.
    pub(crate) fn rung_margin(
        &self,
        movement_id: i64,
        index: usize,
        kind: RungKind,
        d: f64,
    ) -> Margin {
        let prior = self.margin_prior(kind, d);
        self.rung_fit(movement_id, index)
            .map_or(prior, |f| f.posterior(prior))
    }

    /// This rung's own record, once it has one.
    fn rung_fit(&self, movement_id: i64, index: usize) -> Option<&RungFit> {
        self.fit.get(&movement_id).and_then(|v| v.get(index))
    }

    /// Whether this very rung has answers of its own (not only its kind's, from other
    /// movements).
    pub(crate) fn rung_answered(&self, movement_id: i64, index: usize) -> bool {
        self.rung_fit(movement_id, index)
            .is_some_and(|f| f.precision >= FIT_KNOWN_PRECISION)
    }

    /// Whether the step below rung `index` of this movement has been done `VOUCH_RUN` times
    /// in a row, none too big since, so that it vouches for asking about rung `index` ("a bit
    /// more?", which the person pulls): the person is not at the edge of the step below, so
    /// the step above is the one to learn. Dones far from the edge add almost no precision to
    /// a record, so a step that keeps going well never makes the one above it known by
    /// precision; the run says what precision cannot.
    pub(crate) fn step_below_vouches(&self, movement_id: i64, index: usize) -> bool {
        index > 0
            && self
                .rung_fit(movement_id, index - 1)
                .is_some_and(|f| f.run >= VOUCH_RUN)
    }

    /// The risk by its prior at which an act never answered is asked about ("a bit more?"),
    /// on a day without a check-in, once the first minutes below it have vouched for it (see
    /// `select::bit_more`): `BIT_MORE_VOUCHED_RISK` for someone whose days are mostly without
    /// a check-in (`VOUCH_CHECKIN_SHARE`), whose good days no check-in ever shows, so only
    /// their own "yes" to the question can; `BIT_MORE_FIRST_RISK`, as for any act, for
    /// someone who usually checks in, whose good days their check-ins already open.
    pub(crate) fn vouched_risk(&self) -> f64 {
        if self.capacity.checkin_days <= VOUCH_CHECKIN_SHARE {
            BIT_MORE_VOUCHED_RISK
        } else {
            BIT_MORE_FIRST_RISK
        }
    }

    /// The precision this rung's own answers hold in its record (0 without any).
    pub(crate) fn rung_precision(&self, movement_id: i64, index: usize) -> f64 {
        self.rung_fit(movement_id, index)
            .map_or(0.0, |f| f.precision)
    }

    /// Whether this very rung has any answers of its own still in its record.
    pub(crate) fn rung_tried(&self, movement_id: i64, index: usize) -> bool {
        self.rung_fit(movement_id, index)
            .is_some_and(|f| f.precision > 0.0)
    }

    /// What this person's check-ins usually say, all parts together (logits; 0 without any).
    /// How far this person rests often, from 0 (their share of "Not now" at most
    /// `SPARE_NOT_NOW_FROM`) to 1 (at least `SPARE_NOT_NOW_FULL`): see `Model::not_now_share`.
    pub(crate) fn rests_often(&self) -> f64 {
        let span = SPARE_NOT_NOW_FULL - SPARE_NOT_NOW_FROM;
        ((self.not_now_share - SPARE_NOT_NOW_FROM) / span).clamp(0.0, 1.0)
    }

    /// The predicted success a step of the first minutes or the act needs to be sized by the
    /// capacity model alone: `SIZED_BIG_AIM`, or down towards `SPARE_AIM` for someone who
    /// rests often (few Dones, so few "a bit more?" asks to spend the room on). Never below
    /// `TARGET_SUCCESS`.
    pub(crate) fn sized_big_aim(&self) -> f64 {
        SIZED_BIG_AIM - self.rests_often() * (SIZED_BIG_AIM - SPARE_AIM)
    }

    /// The chance of being above capacity today at which a rung's record sizes it:
    /// `SIZE_RISK` (`RARE_CHECKIN_SIZE_RISK` for someone who rarely checks in,
    /// `SPARE_CHECKIN_SHARE`), up towards `SPARE_SIZE_RISK` for someone who rests often.
    pub(crate) fn size_risk(&self) -> f64 {
        let base = if self.capacity.checkin_days <= SPARE_CHECKIN_SHARE {
            RARE_CHECKIN_SIZE_RISK
        } else {
            SIZE_RISK
        };
        base + self.rests_often() * (SPARE_SIZE_RISK - base)
    }

    /// The chance of being above capacity today at which rung `index` of a movement is sized
    /// by its record: `Model::size_risk`, or at least `FIRM_SIZE_RISK` once the rung's own
    /// answers hold `FIRM_RECORD_PRECISION` (a firm record of the very step).
    pub(crate) fn record_size_risk(&self, movement_id: i64, index: usize) -> f64 {
        let risk = self.size_risk();
        if self.rung_precision(movement_id, index) >= FIRM_RECORD_PRECISION {
            risk.max(FIRM_SIZE_RISK)
        } else {
            risk
        }
    }

    /// The risk at which "a bit more?" after any Done asks about a rung without answers of its
    /// own: `BIT_MORE_ANY_FIRST_RISK`, or up towards `SPARE_BIT_MORE_FIRST_RISK` for someone
    /// who rests often (their few Dones are their few chances to be asked).
    pub(crate) fn bit_more_first_risk(&self) -> f64 {
        let span = SPARE_BIT_MORE_FIRST_RISK - BIT_MORE_ANY_FIRST_RISK;
        BIT_MORE_ANY_FIRST_RISK + self.rests_often() * span
    }

    pub(crate) fn usual_checkin_level(&self) -> f64 {
        self.capacity.usual_checkin.iter().sum()
    }

    /// Whether this rung's own answers, or its kind's, say enough to size it by (see
    /// [`crate::fit`]).
    pub(crate) fn rung_known(&self, movement_id: i64, index: usize, kind: RungKind) -> bool {
        self.kind_fit[kind as usize].precision >= KIND_KNOWN_PRECISION
            || self.rung_answered(movement_id, index)
    }

    /// Predicted success of a step of difficulty `d` at `capacity`.
    pub(crate) fn success(&self, capacity: f64, d: f64) -> f64 {
        self.capacity.success(capacity, d)
    }

    /// The learned correction for one kind of step.
    pub(crate) fn kind_offset(&self, kind: RungKind) -> f64 {
        self.capacity.kind_offset(kind)
    }

    /// The learned correction for one rung.
    pub(crate) fn rung_offset(&self, movement_id: i64, index: usize) -> f64 {
        self.rungs
            .get(&movement_id)
            .and_then(|v| v.get(index))
            .map_or(0.0, |b| b.mean)
    }

    /// Capacity as seen at `now`.
    pub fn capacity_at(&self, now: DateTime<FixedOffset>) -> CapacityToday {
        let day = day_of(now);
        if self.is_current(day) {
            return CapacityToday {
                usual: self.capacity.usual.mean,
                uncertainty: self.capacity.usual.var.sqrt(),
                today: self.effective_on(day),
            };
        }
        // A day not begun yet sees the model as it will be then (the day before closed).
        let closed = self.closed_for(day);
        CapacityToday {
            usual: closed.usual.mean,
            uncertainty: closed.usual.var.sqrt(),
            today: closed.today_capacity(None),
        }
    }

    /// Today's check-in, if the person checked in today (as of `now`).
    pub fn checkin_at(&self, now: DateTime<FixedOffset>) -> Option<CheckIn> {
        if self.is_current(day_of(now)) {
            self.day.checkin
        } else {
            None
        }
    }

    /// How much of a check-in's lift above the usual one this person's days are believed to
    /// show (see `capacity::Words`). A read-out for the simulation's diagnostics; not part of
    /// the API.
    #[doc(hidden)]
    pub fn checkin_gain(&self) -> f64 {
        self.capacity.words.gain()
    }

    /// A diagnostic for the simulation (`SIM_TRUE_USUAL`): enter the day of `now` and set the
    /// usual day (with the recent days and a session's lift) to `capacity`, as sure as `var`.
    /// Never used by the product; not part of the API.
    #[doc(hidden)]
    pub fn sim_set_usual(&mut self, now: DateTime<FixedOffset>, capacity: f64, var: f64) {
        self.enter_day(day_of(now));
        let c = &mut self.capacity;
        c.usual.mean = capacity - c.recent.mean - c.session.mean;
        c.usual.var = var;
    }

    /// A diagnostic for the simulation (`SIM_TRUE_DAY`): enter the day of `now` and set today's
    /// reading against the usual day (with recent days and session lift) to `shift`, and its
    /// spread (`day_var`) to `var` where the floor `FIT_DAY_VARIANCE` allows. Never used by the
    /// product; not part of the API.
    #[doc(hidden)]
    pub fn sim_set_day(&mut self, now: DateTime<FixedOffset>, shift: f64, var: f64) {
        self.enter_day(day_of(now));
        let checkin = self.day.checkin;
        let c = &mut self.capacity;
        c.today.mean = shift - c.checkin_shift(checkin.as_ref());
        self.day_spread = (var - self.capacity.session.var).max(0.0) / DAY_SPREAD_SCALE;
    }

    /// When the last treatment session was, if any.
    pub fn last_session(&self) -> Option<DateTime<FixedOffset>> {
        self.last_session
    }

    /// A score per local hour (0..=23) for prompts, within the allowed hours.
    pub fn readiness(&self, allowed_hours: &[u8]) -> Vec<HourScore> {
        self.readiness.scores(allowed_hours)
    }

    /// Up to `n` allowed hours at which this person tends to act, best first.
    pub fn best_hours(&self, allowed_hours: &[u8], n: usize) -> Vec<u8> {
        self.readiness.best_hours(allowed_hours, n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Reply, SizeEstimate};
    use chrono::TimeZone;

    fn at(day: i64, hour: u32) -> DateTime<FixedOffset> {
        let tz = FixedOffset::east_opt(0).expect("UTC");
        tz.with_ymd_and_hms(2026, 1, 5, hour, 0, 0).unwrap() + chrono::Duration::days(day)
    }

    #[test]
    fn after_a_long_stay_a_check_in_a_little_below_usual_carries_the_step_up_but_low_energy_never()
    {
        let day_with = |energy: Level| {
            let mut model = Model::default();
            model.capacity.n = 10;
            model.apply(&Event {
                at: at(0, 9),
                kind: EventKind::CheckIn(CheckIn {
                    energy: Some(energy),
                    mood: Some(Level::Low),
                    room: Some(Level::Some),
                }),
            });
            model
        };
        let day = day_of(at(0, 10));
        // A "some" with a low mood, for someone whose check-ins usually say an ordinary day.
        let below = day_with(Level::Some);
        assert!(below.capacity.checkin_shift(below.day.checkin.as_ref()) < 0.0);
        assert!(
            below.capacity.checkin_shift(below.day.checkin.as_ref()) > -BOTTOM_LONG_CHECKIN_MARGIN
        );
        assert_eq!(below.bottom_day(day, false), Some("check-in below usual"));
        assert_eq!(below.bottom_day(day, true), None);
        // A word of low energy closes it, however long the stay.
        let low = day_with(Level::Low);
        assert_eq!(low.bottom_day(day, true), Some("energy said low"));
    }

    /// Every reply to a step, for property tests that draw one by index.
    const EVERY_RESPONSE: [Response; 5] = [
        Response::Done,
        Response::Started,
        Response::SmallerPlease,
        Response::NotNow,
        Response::SomethingElse,
    ];

    fn step(movement_id: i64, rung: u32, kind: RungKind, difficulty: f64, stretch: bool) -> Offer {
        Offer {
            value_id: 1,
            movement_id,
            rung_index: Some(rung),
            text: "a step".into(),
            kind,
            size: SizeEstimate {
                seconds: 120,
                words: "about 2 minutes".into(),
            },
            reason: "A step.".into(),
            predicted_success: 0.8,
            difficulty,
            stretch,
            bit_more: false,
        }
    }

    #[test]
    fn a_late_check_in_sizes_the_night_but_the_first_one_teaches_the_usual_words() {
        let check = |e: Level| CheckIn {
            energy: Some(e),
            mood: Some(Level::Some),
            room: Some(Level::Some),
        };
        let morning = at(0, 9);
        let night = at(1, 1) + chrono::Duration::minutes(30); // 01:30: still day 0
        let next_day = at(1, 9);
        let mut only_morning = Model::default();
        only_morning.apply(&Event {
            at: morning,
            kind: EventKind::CheckIn(check(Level::Good)),
        });
        let mut with_night = only_morning.clone();
        with_night.apply(&Event {
            at: night,
            kind: EventKind::CheckIn(check(Level::Low)),
        });
        // The night's words size the night's steps ...
        assert_eq!(
            with_night.checkin_at(night).and_then(|c| c.energy),
            Some(Level::Low)
        );
        // ... but what this person's check-ins usually say is learned from the day's first.
        for m in [&mut only_morning, &mut with_night] {
            m.apply(&Event {
                at: next_day,
                kind: EventKind::CheckIn(check(Level::Some)),
            });
        }
        assert_eq!(
            only_morning.capacity.usual_checkin,
            with_night.capacity.usual_checkin
        );
        assert!(with_night.usual_checkin_level() > 0.0);
    }

    fn answer(m: &mut Model, o: &Offer, t: DateTime<FixedOffset>, r: Response) {
        m.apply(&Event {
            at: t,
            kind: EventKind::Offered(o.clone()),
        });
        m.apply(&Event {
            at: t,
            kind: EventKind::Replied(Reply::plain(r)),
        });
    }

    fn record(m: &Model, movement_id: i64, rung: usize) -> Margin {
        m.rung_margin(movement_id, rung, RungKind::FirstMinutes, 0.0)
    }

    #[test]
    fn dones_build_a_rung_record_and_not_now_leaves_it_as_it_was() {
        let mut m = Model::default();
        let o = step(7, 2, RungKind::FirstMinutes, 0.0, false);
        let before = record(&m, 7, 2);
        for day in 0..4 {
            answer(&mut m, &o, at(day, 9), Response::Done);
        }
        let after = record(&m, 7, 2);
        assert!(after.mean > before.mean && after.var < before.var);
        assert!(m.rung_known(7, 2, RungKind::FirstMinutes));
        // Not now is a rest, not evidence: no record moves.
        let (fit, kinds) = (m.fit.clone(), m.kind_fit);
        answer(&mut m, &o, at(3, 13), Response::NotNow);
        assert_eq!((m.fit.clone(), m.kind_fit), (fit, kinds));
    }

    #[test]
    fn records_do_not_size_a_day_that_said_too_big() {
        let mut m = Model::default();
        let o = step(7, 2, RungKind::FirstMinutes, -1.0, false);
        answer(&mut m, &o, at(0, 9), Response::Done);
        assert!(m.records_hold(day_of(at(0, 10))));
        // A step the model thought easy turns out too big.
        let big = step(8, 1, RungKind::Preparation, -2.0, false);
        answer(&mut m, &big, at(0, 11), Response::SmallerPlease);
        assert!(!m.records_hold(day_of(at(0, 12))));
    }

    proptest::proptest! {
        /// A run of Dones on a step (what vouches for asking about the step above) is broken
        /// by every "too big" (Smaller please, or Started), grows only with a Done, and is left
        /// as it was by Not now, Something else and a bit more declined: it never vouches for
        /// a step above one that was too big since.
        #[test]
        fn a_run_vouches_only_for_dones_in_a_row(
            answers in proptest::collection::vec((0u8..5, proptest::bool::ANY), 1..30),
        ) {
            let mut m = Model::default();
            let mut dones_in_a_row = 0u32;
            for (day, (a, bit_more)) in answers.into_iter().enumerate() {
                let r = EVERY_RESPONSE[a as usize];
                let mut o = step(7, 2, RungKind::FirstMinutes, -0.5, false);
                o.bit_more = bit_more;
                answer(&mut m, &o, at(day as i64, 9), r);
                let declined = bit_more && !matches!(r, Response::Done | Response::Started);
                match r {
                    _ if declined => {}
                    Response::Done => dones_in_a_row += 1,
                    Response::Started | Response::SmallerPlease => dones_in_a_row = 0,
                    Response::NotNow | Response::SomethingElse => {}
                }
                proptest::prop_assert_eq!(
                    m.step_below_vouches(7, 3),
                    dones_in_a_row >= VOUCH_RUN
                );
            }
        }
    }

    proptest::proptest! {
        /// Whoever says "Not now" often gets back only what the others' "a bit more?" spends:
        /// whatever the answers, the first minutes and the act are never sized below
        /// `TARGET_SUCCESS`, a record never at more than `SPARE_SIZE_RISK`, an untried rung's
        /// "a bit more?" never at more than `SPARE_BIT_MORE_FIRST_RISK`. A Not now never
        /// lowers the share of Not now, a Done, Started or Smaller please never raises it, and
        /// Something else and answers to "a bit more?" leave it as it was.
        #[test]
        fn resting_often_loosens_sizing_only_within_its_bounds(
            answers in proptest::collection::vec((0u8..5, proptest::bool::ANY), 1..60),
        ) {
            let mut m = Model::default();
            for (day, (a, bit_more)) in answers.into_iter().enumerate() {
                let r = EVERY_RESPONSE[a as usize];
                let mut o = step(7, 2, RungKind::FirstMinutes, -0.5, false);
                o.bit_more = bit_more;
                let before = m.not_now_share;
                answer(&mut m, &o, at(day as i64 / 3, 9 + day as u32 % 3), r);
                let after = m.not_now_share;
                match r {
                    _ if bit_more || r == Response::SomethingElse => {
                        proptest::prop_assert_eq!(after, before)
                    }
                    Response::NotNow => proptest::prop_assert!(after >= before),
                    _ => proptest::prop_assert!(after <= before),
                }
                proptest::prop_assert!((0.0..=1.0).contains(&m.rests_often()));
                let aim = m.sized_big_aim();
                proptest::prop_assert!((TARGET_SUCCESS..=SIZED_BIG_AIM).contains(&aim));
                proptest::prop_assert!((SIZE_RISK..=SPARE_SIZE_RISK).contains(&m.size_risk()));
                let first = m.bit_more_first_risk();
                proptest::prop_assert!(
                    (BIT_MORE_ANY_FIRST_RISK..=SPARE_BIT_MORE_FIRST_RISK).contains(&first)
                );
            }
        }
    }

    #[test]
    fn someone_who_rests_often_gets_the_sized_steps_room_back() {
        let mut m = Model::default();
        m.capacity.checkin_days = 0.9;
        assert_eq!(m.sized_big_aim(), SIZED_BIG_AIM);
        assert_eq!(m.size_risk(), SIZE_RISK);
        let o = step(7, 2, RungKind::FirstMinutes, -0.5, false);
        for i in 0..20 {
            answer(&mut m, &o, at(i, 9), Response::NotNow);
        }
        assert_eq!(m.rests_often(), 1.0);
        assert_eq!(m.sized_big_aim(), SPARE_AIM);
        assert_eq!(m.size_risk(), SPARE_SIZE_RISK);
        assert_eq!(m.bit_more_first_risk(), SPARE_BIT_MORE_FIRST_RISK);
        // Dones bring it back as they come.
        for i in 20..60 {
            answer(&mut m, &o, at(i, 9), Response::Done);
        }
        assert_eq!(m.rests_often(), 0.0);
        assert_eq!(m.sized_big_aim(), SIZED_BIG_AIM);
        // Someone who rarely checks in has their records read at their own looser risk.
        m.capacity.checkin_days = 0.1;
        assert_eq!(m.size_risk(), RARE_CHECKIN_SIZE_RISK);
        assert_eq!(m.sized_big_aim(), SIZED_BIG_AIM);
        // ... and resting often gives them the same room back as anyone.
        for i in 60..80 {
            answer(&mut m, &o, at(i, 9), Response::NotNow);
        }
        m.capacity.checkin_days = 0.1;
        assert_eq!(m.rests_often(), 1.0);
        assert_eq!(m.size_risk(), SPARE_SIZE_RISK);
        assert_eq!(m.sized_big_aim(), SPARE_AIM);
    }

    #[test]
    fn a_firm_record_of_the_very_step_sizes_it_at_its_own_risk() {
        let mut m = Model::default();
        m.capacity.checkin_days = 0.9;
        let o = step(7, 2, RungKind::FirstMinutes, -0.5, false);
        answer(&mut m, &o, at(0, 9), Response::Done);
        assert!(m.rung_precision(7, 2) < FIRM_RECORD_PRECISION);
        assert_eq!(m.record_size_risk(7, 2), SIZE_RISK);
        // Its own answers, near its edge, make the record firm; other rungs keep the usual risk.
        let edge = step(7, 2, RungKind::FirstMinutes, 0.8, false);
        let mut day = 1;
        while m.rung_precision(7, 2) < FIRM_RECORD_PRECISION {
            let r = if day % 3 == 0 {
                Response::SmallerPlease
            } else {
                Response::Done
            };
            answer(&mut m, &edge, at(day, 9), r);
            day += 1;
            assert!(day < 60, "a record near its edge grows firm");
        }
        assert_eq!(m.record_size_risk(7, 2), FIRM_SIZE_RISK);
        assert_eq!(m.record_size_risk(7, 1), SIZE_RISK);
        assert_eq!(m.record_size_risk(8, 2), SIZE_RISK);
        // It fades back to the usual risk without new answers.
        m.apply(&Event {
            at: at(day + 400, 9),
            kind: EventKind::Moment,
        });
        assert_eq!(m.record_size_risk(7, 2), SIZE_RISK);
    }

    #[test]
    fn a_reach_too_big_spends_the_growth_budget_until_it_refills_or_a_session() {
        let mut m = Model::default();
        assert!(m.may_grow());
        let reach = step(7, 3, RungKind::Act, 0.5, true);
        answer(&mut m, &reach, at(0, 9), Response::SmallerPlease);
        assert!(!m.may_grow());
        // It refills as days pass...
        m.apply(&Event {
            at: at(60, 9),
            kind: EventKind::Moment,
        });
        assert!(m.may_grow());
        answer(&mut m, &reach, at(61, 9), Response::SmallerPlease);
        assert!(!m.may_grow());
        // ... and a session is a fresh start.
        m.apply(&Event {
            at: at(61, 10),
            kind: EventKind::Session(crate::domain::TreatmentSession { at: at(61, 10) }),
        });
        assert!(m.may_grow());
    }
}
