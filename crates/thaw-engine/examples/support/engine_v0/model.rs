//! The person's learned state, updated one event at a time.
//!
//! A `Model` is small and serialisable: the store keeps it as a JSON snapshot beside the event
//! rows, so an offer never needs the whole history. Folding the whole history from
//! `Model::default()` gives exactly the same state as applying the events as they came.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::capacity::{checkin_shift, prior_difficulty, recent_fade, sigmoid, Capacity, RungStat};
use super::day::{day_of, days_between, hour_of, seconds_between};
use super::domain::{CheckIn, Level, Offer, Response, RungKind};
use super::events::{Event, EventKind};
use super::params::*;
use super::progress::{DayFacts, Progress, ProgressReport};
use super::readiness::{HourScore, Readiness};

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
    /// Today's offset to capacity (≤ 0): negative evidence is felt at once.
    pub today_offset: f64,
    /// Movements answered with "Not now" or "Something else" today: not offered again today.
    pub set_aside: Vec<i64>,
    pub facts: DayFacts,
}

/// The most recent offer and, once given, its answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct LastOffer {
    pub offer: Offer,
    pub at: DateTime<FixedOffset>,
    pub day: NaiveDate,
    pub response: Option<Response>,
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
    pub(crate) rungs: BTreeMap<i64, Vec<RungStat>>,
    pub(crate) day: DayState,
    pub(crate) last: Option<LastOffer>,
    pub(crate) value_turns: BTreeMap<i64, Turns>,
    pub(crate) movement_turns: BTreeMap<i64, Turns>,
    pub(crate) seq: u64,
    pub(crate) last_session: Option<DateTime<FixedOffset>>,
    pub(crate) readiness: Readiness,
    pub(crate) progress: Progress,
}

/// A snapshot of capacity for one day, for display and tests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CapacityToday {
    /// Long-term capacity.
    pub theta: f64,
    /// Long-term + recent + check-in + today's offset.
    pub effective: f64,
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

    /// Learn from one event. Events are expected in time order (see [`super::events`]).
    pub fn apply(&mut self, event: &Event) {
        let day = self.enter_day(day_of(event.at));
        match &event.kind {
            EventKind::CheckIn(c) => {
                self.day.checkin = Some(*c);
                let lowish = |l: Option<Level>| l.unwrap_or(Level::Low) == Level::Low;
                if lowish(c.energy) || lowish(c.room) {
                    self.day.facts.rest_signal = true;
                }
            }
            EventKind::Offered(offer) => self.on_offered(offer, event.at, day),
            EventKind::Replied(reply) => {
                let Some(last) = self.last.as_mut().filter(|l| l.response.is_none()) else {
                    return; // nothing open to answer
                };
                last.response = Some(reply.response);
                let (offer, offered_at) = (last.offer.clone(), last.at);
                self.on_replied(&offer, offered_at, reply.response, event.at, day);
                self.progress
                    .record_feelings(day, reply.dread_before, reply.satisfaction_after);
            }
            EventKind::InternalShift(shift) => {
                // Small positive evidence, as if an internal rung went well.
                let d = prior_difficulty(RungKind::Internal, 10);
                let p = sigmoid(self.effective_on(day) - d);
                self.capacity
                    .observe(1.0, p, INTERNAL_SHIFT_WEIGHT, INTERNAL_SHIFT_WEIGHT);
                self.progress.record_move(day, shift.value_id, true);
                self.mark_moved(shift.value_id);
            }
            EventKind::Moment => self.readiness.observe(hour_of(event.at), 1.0),
            EventKind::Rest => self.day.facts.rest_signal = true,
            EventKind::Session(s) => {
                if self.last_session.is_none_or(|prev| s.at > prev) {
                    self.last_session = Some(s.at);
                }
            }
        }
    }

    fn on_offered(&mut self, offer: &Offer, at: DateTime<FixedOffset>, day: NaiveDate) {
        self.day.offers += 1;
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
        });
    }

    fn on_replied(
        &mut self,
        offer: &Offer,
        offered_at: DateTime<FixedOffset>,
        response: Response,
        at: DateTime<FixedOffset>,
        day: NaiveDate,
    ) {
        let evidence = match response {
            Response::Done => Some((1.0, 1.0, 1.0)),
            Response::Started => Some((STARTED_OUTCOME, 1.0, 1.0)),
            Response::SmallerPlease => {
                Some((0.0, SMALLER_PLEASE_WEIGHT, SMALLER_PLEASE_THETA_WEIGHT))
            }
            // Not now is a rest, not a failure; Something else says nothing about size.
            Response::NotNow | Response::SomethingElse => None,
        };
        if let Some((r, w, theta_w)) = evidence {
            let p = sigmoid(self.effective_on(day) - offer.difficulty);
            let update = self.capacity.observe(r, p, w, theta_w);
            if update.error < 0.0 {
                self.day.today_offset += TODAY_DOWN * update.error;
            }
            if let Some(i) = offer.rung_index.map(|i| i as usize) {
                if i < MAX_LEARNED_RUNGS {
                    let stats = self.rungs.entry(offer.movement_id).or_default();
                    if stats.len() <= i {
                        stats.resize(i + 1, RungStat::default());
                    }
                    stats[i].observe(update.error);
                }
            }
        }
        match response {
            Response::Done | Response::Started => {
                self.day.spent += 1;
                let weight = if response == Response::Done { 1.0 } else { 0.5 };
                self.readiness.observe(hour_of(at), weight);
                self.progress
                    .record_move(day, Some(offer.value_id), offer.kind.is_inside());
                self.progress
                    .record_start(day, seconds_between(offered_at, at));
                self.mark_moved(Some(offer.value_id));
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
        self.progress.close_day(&self.day.facts);
        self.progress.pass_quiet_days(gap - 1);
        self.capacity.pass_days(gap);
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

    /// Effective capacity on `day`: long-term + recent (faded) + check-in + today's offset.
    /// A day the model has not seen yet has no check-in, so it reads as a low day.
    pub(crate) fn effective_on(&self, day: NaiveDate) -> f64 {
        if self.is_current(day) {
            self.capacity.theta
                + self.capacity.recent
                + checkin_shift(self.day.checkin.as_ref())
                + self.day.today_offset
        } else {
            let gap = self.day.date.map_or(0, |d| days_between(d, day).max(0));
            self.capacity.theta + self.capacity.recent * recent_fade(gap) + checkin_shift(None)
        }
    }

    /// The learned correction for one rung.
    pub(crate) fn rung_offset(&self, movement_id: i64, index: usize) -> f64 {
        self.rungs
            .get(&movement_id)
            .and_then(|v| v.get(index))
            .map_or(0.0, |s| s.offset)
    }

    /// Capacity as seen at `now`.
    pub fn capacity_at(&self, now: DateTime<FixedOffset>) -> CapacityToday {
        CapacityToday {
            theta: self.capacity.theta,
            effective: self.effective_on(day_of(now)),
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

    /// Forgiving progress as of `now`.
    pub fn progress(&self, now: DateTime<FixedOffset>) -> ProgressReport {
        let today = day_of(now);
        match self.day.date {
            Some(d) if d == today => self.progress.report(Some(&self.day.facts), 0),
            Some(d) if d < today => {
                // The model's current day is over: close it on a copy of the strengths only.
                let mut p = self.progress.clone();
                p.close_day(&self.day.facts);
                p.report(None, days_between(d, today) - 1)
            }
            _ => self.progress.report(None, 0),
        }
    }
}
