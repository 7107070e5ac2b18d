//! Synthetic people meet the engine: `cargo run --release -p thaw-engine --example simulate [seed]`
//!
//! Seven kinds of people, 300 of each, 120 days each. Every person has a hidden true capacity
//! (logits, on the engine's difficulty scale) that moves the way their kind does, true rung
//! difficulties that differ from the engine's priors, and a success curve steeper than the
//! engine's own: P(success) = σ(s·(c − d)) with s between 1.5 and 2.5 (people are not the model).
//!
//! Five policies share everything (values, movements, rotation, budget, rest, the answers'
//! random draws) except the size of the step: the engine's choice, always the smallest rung,
//! always the act, a staircase (one rung up after Done, one down after Smaller please or
//! Started), and an oracle that knows the true capacity and offers the largest rung whose true
//! success is at least 0.85.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_engine::*;

#[path = "support/rng.rs"]
mod rng;
use rng::SplitMix64;

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

const PEOPLE: usize = 300;
const DAYS: i64 = 120;
/// A rung is within capacity (feasible) when its true success is at least this.
const FEASIBLE: f64 = 0.85;
/// An offer is well above capacity when its true success is below this.
const ABOVE: f64 = 0.5;
/// After a crash, an offer fits again when its true success is at least this.
const FITS: f64 = 0.7;
/// The breath-sized step's true difficulty sits this far below rung 0's.
const BREATH_BELOW: f64 = 1.5;
const BREATH_SECONDS: u32 = 5;
/// People's true success curves are σ(s·(c − d)) with s drawn from this range: steeper than
/// the engine's own (its prior sharpness), because people are not the model.
const SLOPE_FROM: f64 = 1.5;
const SLOPE_TO: f64 = 2.5;
/// How far a volatile person's days swing (sd of the daily deviation, logits).
const VOLATILE_SD: f64 = 0.7;
/// "A two-minute step": the first two minutes or more.
const TWO_MINUTES: u32 = 120;
/// When Thaw says rest, how often the person taps "I have a moment" anyway.
const MOMENT_RATE: f64 = 0.25;
/// How readily a person takes "A bit more?": this times their true chance of doing it.
const BIT_MORE_TAKE: f64 = 0.6;
/// In the blind variant, people take "A bit more?" this often, whatever their chance.
const BLIND_TAKE: f64 = 0.3;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    SteadyLow,
    Session,
    Volatile,
    NeverChecksIn,
    NotNowOften,
    Crash,
    NightOwl,
}

impl Kind {
    const ALL: [Kind; 7] = [
        Kind::SteadyLow,
        Kind::Session,
        Kind::Volatile,
        Kind::NeverChecksIn,
        Kind::NotNowOften,
        Kind::Crash,
        Kind::NightOwl,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::SteadyLow => "steady low",
            Kind::Session => "session + booster",
            Kind::Volatile => "volatile days",
            Kind::NeverChecksIn => "never checks in",
            Kind::NotNowOften => "Not now 60 %",
            Kind::Crash => "sudden crash",
            Kind::NightOwl => "01:30 some nights",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Policy {
    Engine,
    EngineBlind,
    Smallest,
    Act,
    Staircase,
    UsualOracle,
    Oracle,
}

impl Policy {
    const ALL: [Policy; 7] = [
        Policy::Engine,
        Policy::EngineBlind,
        Policy::Smallest,
        Policy::Act,
        Policy::Staircase,
        Policy::UsualOracle,
        Policy::Oracle,
    ];

    fn name(self) -> &'static str {
        match self {
            Policy::Engine => "engine",
            Policy::EngineBlind => "engine, \"a bit more?\" taken blindly",
            Policy::Smallest => "always smallest",
            Policy::Act => "always the act",
            Policy::Staircase => "staircase",
            Policy::UsualOracle => "oracle of the usual day",
            Policy::Oracle => "oracle",
        }
    }
}

/// One person: what they care about, how hard their rungs truly are, how their days go.
struct Person {
    kind: Kind,
    values: Vec<Value>,
    movements: Vec<Movement>,
    /// True difficulty per movement (same order as `movements`) and rung, ladder order kept.
    true_d: Vec<Vec<f64>>,
    slope: f64,
    base: f64,
    /// Slow improvement over the 120 days (logits).
    growth: f64,
    checkin_rate: f64,
    not_now_rate: f64,
    days: Vec<DayPlan>,
    sessions: Vec<i64>,
    crash: Option<i64>,
}

/// What a day holds, drawn before any policy runs so every policy meets the same days.
#[derive(Clone)]
struct DayPlan {
    /// Deviation from the person's usual level today (noise, crash), without any session lift.
    deviation: f64,
    /// The check-in's own noise draws, and whether the person checks in.
    checks_in: bool,
    energy_noise: f64,
    mood_noise: f64,
    room: f64,
    /// Hours at which the person opens Thaw (empty on a day it stays closed).
    asks: Vec<i64>,
    /// A late ask at 01:30 after this day (the night owl), answered then or at 09:00.
    late: Option<LateAsk>,
    /// "A bit more?" taken, if offered: a uniform draw.
    bit_more_draw: f64,
}

#[derive(Clone, Copy)]
struct LateAsk {
    checks_in: bool,
    answer_next_morning: bool,
}

fn level_of(x: f64) -> Level {
    if x < -0.6 {
        Level::Low
    } else if x > 0.5 {
        Level::Good
    } else {
        Level::Some
    }
}

fn room_effect(level: Level) -> f64 {
    match level {
        Level::Low => -0.3,
        Level::Some => 0.0,
        Level::Good => 0.15,
    }
}

fn make_person(kind: Kind, rng: &mut SplitMix64, library: &[MovementTemplate]) -> Person {
    let mut values = Vec::new();
    let mut movements = Vec::new();
    let mut true_d = Vec::new();
    let mut next_id = 1000;
    let first = rng.below(5) as usize;
    for k in 0..3 {
        let area = LifeArea::ALL[(first + k * 2) % 5];
        let value_id = k as i64 + 1;
        values.push(Value {
            id: value_id,
            area,
            words: format!("value {value_id}"),
        });
        let pool: Vec<&MovementTemplate> = library.iter().filter(|t| t.area == area).collect();
        let n = 2 + rng.below(2) as usize;
        let start = rng.below(pool.len() as u64) as usize;
        for i in 0..n {
            let t = pool[(start + i) % pool.len()];
            let m = t.adopt(next_id, value_id);
            next_id += 1;
            // True difficulties: the prior plus a person-and-rung error, in ladder order.
            let mut d: Vec<f64> = Vec::new();
            for r in &m.rungs {
                let x = r.difficulty + 0.35 * rng.normal();
                let x = match d.last() {
                    Some(prev) => x.max(prev + 0.3),
                    None => x,
                };
                d.push(x);
            }
            true_d.push(d);
            movements.push(m);
        }
    }
    let n = |rng: &mut SplitMix64, mean: f64, sd: f64| mean + sd * rng.normal();
    let (base, growth, checkin_rate, not_now_rate, ar_phi, ar_sd) = match kind {
        Kind::SteadyLow => (n(rng, -1.7, 0.35), 0.2, 0.7, 0.07, 0.6, 0.15),
        Kind::Session => (n(rng, -1.0, 0.3), 0.3, 0.7, 0.07, 0.6, 0.25),
        Kind::Volatile => (n(rng, 0.6, 0.5), 0.6, 0.75, 0.07, 0.2, VOLATILE_SD),
        Kind::NeverChecksIn => (n(rng, 0.8, 0.5), 0.6, 0.0, 0.07, 0.6, 0.3),
        Kind::NotNowOften => (n(rng, 0.6, 0.5), 0.6, 0.6, 0.6, 0.6, 0.3),
        Kind::Crash => (n(rng, 0.8, 0.5), 0.6, 0.75, 0.07, 0.6, 0.3),
        Kind::NightOwl => (n(rng, 0.6, 0.5), 0.6, 0.7, 0.07, 0.6, 0.3),
    };
    let slope = SLOPE_FROM + (SLOPE_TO - SLOPE_FROM) * rng.next_f64();
    let sessions = if kind == Kind::Session {
        let first = 10 + rng.below(5) as i64;
        vec![first, first + 42 + rng.below(7) as i64]
    } else {
        Vec::new()
    };
    let crash = (kind == Kind::Crash).then(|| 30 + rng.below(50) as i64);
    let mut ar = 0.0;
    let mut days = Vec::new();
    for day in 0..DAYS {
        ar = ar_phi * ar + ar_sd * rng.normal();
        let crashed = crash.is_some_and(|c| day >= c && day < c + 10);
        let deviation = ar + if crashed { -2.5 } else { 0.0 };
        let checks_in = rng.next_f64() < checkin_rate;
        let energy_noise = 0.4 * rng.normal();
        let mood_noise = 0.6 * rng.normal();
        let room = 0.2 + 0.8 * rng.normal();
        let opens = rng.next_f64() >= 0.1;
        let n_asks = 1 + rng.below(3) as usize;
        let asks = if opens {
            [9, 13, 18][..n_asks].to_vec()
        } else {
            Vec::new()
        };
        let late = (kind == Kind::NightOwl && rng.next_f64() < 0.35).then(|| LateAsk {
            checks_in: rng.next_f64() < 0.5,
            answer_next_morning: rng.next_f64() < 0.5,
        });
        days.push(DayPlan {
            deviation,
            checks_in,
            energy_noise,
            mood_noise,
            room,
            asks,
            late,
            bit_more_draw: rng.next_f64(),
        });
    }
    Person {
        kind,
        values,
        movements,
        true_d,
        slope,
        base,
        growth,
        checkin_rate,
        not_now_rate,
        days,
        sessions,
        crash,
    }
}

impl Person {
    fn usual(&self, day: i64) -> f64 {
        self.base + self.growth * day as f64 / DAYS as f64
    }

    fn true_p(&self, capacity: f64, d: f64) -> f64 {
        sigmoid(self.slope * (capacity - d))
    }

    /// True difficulty of a rung (`None`: the breath-sized step).
    fn rung_d(&self, mi: usize, rung: Option<u32>) -> f64 {
        match rung {
            Some(i) => self.true_d[mi][i as usize],
            None => self.true_d[mi][0] - BREATH_BELOW,
        }
    }

    /// The largest rung (or the breath) within capacity, and its seconds.
    fn largest_feasible(
        &self,
        mi: usize,
        capacity: f64,
        below: Option<Option<u32>>,
    ) -> Option<u32> {
        let m = &self.movements[mi];
        let allowed = |r: Option<u32>| below.is_none_or(|b| r < b);
        (0..m.rungs.len() as u32)
            .rev()
            .map(Some)
            .find(|r| allowed(*r) && self.true_p(capacity, self.rung_d(mi, *r)) >= FEASIBLE)
            .unwrap_or(None)
    }

    fn seconds(&self, mi: usize, rung: Option<u32>) -> u32 {
        rung.map_or(BREATH_SECONDS, |i| {
            self.movements[mi].rungs[i as usize].seconds
        })
    }

    /// Whether a two-minute step is within this person's usual capacity on most movements.
    fn capable_at(&self, capacity: f64) -> bool {
        let fits = (0..self.movements.len())
            .filter(|mi| {
                let m = &self.movements[*mi];
                m.rungs.iter().enumerate().any(|(i, r)| {
                    r.seconds >= TWO_MINUTES
                        && self.true_p(capacity, self.true_d[*mi][i]) >= FEASIBLE
                })
            })
            .count();
        2 * fits >= self.movements.len()
    }
}

/// Per person, what happened.
#[derive(Default, Clone)]
struct Outcome {
    offers: u64,
    attempts: u64,
    done: u64,
    above: u64,
    offered_seconds: u64,
    feasible_seconds: u64,
    done_seconds: u64,
    bit_more_offered: u64,
    bit_more_above: u64,
    bit_more_taken_above: u64,
    above_by_rung: [u64; 5],
    above_by_pred: [u64; 10],
    calib: [(u64, f64); 10],
    above_in_crash: u64,
    above_bad_day: u64,
    above_stretch: u64,
    stretches: u64,
    confusion: [[u64; 5]; 5],
    above_no_checkin: u64,
    above_first_two_weeks: u64,
    bit_more_taken: u64,
    bit_more_seconds: u64,
    first_two_minutes: Option<i64>,
    longest_smallest: i64,
    crash_offers_to_fit: Option<u32>,
    session_days_to_two_minutes: Option<i64>,
    capable: bool,
    session_moving: bool,
    moments: u64,
    not_now_lowered: u64,
    smaller_not_smaller: u64,
    night_smaller_breaks: u64,
}

fn tz_time(day: i64, hour: i64, minute: i64) -> DateTime<FixedOffset> {
    let tz = FixedOffset::east_opt(3600).expect("valid offset");
    tz.with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
        .single()
        .expect("valid time")
        + Duration::days(day)
        + Duration::hours(hour)
        + Duration::minutes(minute)
}

/// The running simulation of one person under one policy.
struct Run<'a> {
    p: &'a Person,
    policy: Policy,
    model: Model,
    answers: SplitMix64,
    out: Outcome,
    staircase: u32,
    /// Session lift (logits), rising over three days after a session and fading after.
    lift: f64,
    lift_target: f64,
    moved_today: bool,
    /// Offers since the crash began, until one fits.
    crash_count: Option<u32>,
    smallest_run: i64,
    /// The previous offer today and its answer, for the Smaller please checks.
    previous: Option<(Offer, Response)>,
    pending: Option<Offer>,
    /// Today so far: every offer the smallest step; a bigger one within capacity.
    day_smallest: (bool, bool),
    now_hint: DateTime<FixedOffset>,
    trace: bool,
}

impl<'a> Run<'a> {
    fn capacity(&self, day: i64) -> f64 {
        self.p.usual(day) + self.p.days[day as usize].deviation + self.lift + self.room_true(day)
    }

    /// What the person can do on a usual day at this point (with any session lift), without
    /// the day's own ups and downs.
    fn usual_capacity(&self, day: i64) -> f64 {
        self.p.usual(day) + self.lift
    }

    fn room_true(&self, day: i64) -> f64 {
        room_effect(level_of(self.p.days[day as usize].room))
    }

    fn movement_index(&self, offer: &Offer) -> usize {
        self.p
            .movements
            .iter()
            .position(|m| m.id == offer.movement_id)
            .expect("offers come from the person's movements")
    }

    /// The policy's rung for an offer the engine made (same movement).
    fn choose(&mut self, offer: &mut Offer, day: i64) {
        let mi = self.movement_index(offer);
        let m = &self.p.movements[mi];
        let last = m.rungs.len() as u32 - 1;
        let after_smaller = self
            .previous
            .as_ref()
            .filter(|(_, r)| *r == Response::SmallerPlease)
            .map(|(o, _)| o.rung_index);
        let rung = match self.policy {
            Policy::Engine | Policy::EngineBlind => return,
            Policy::Smallest => Some(0),
            Policy::Act => Some(last),
            Policy::Staircase => Some(self.staircase.min(last)),
            Policy::UsualOracle => {
                self.p
                    .largest_feasible(mi, self.usual_capacity(day), after_smaller)
            }
            Policy::Oracle => self
                .p
                .largest_feasible(mi, self.capacity(day), after_smaller),
        };
        let diffs = effective_difficulties(&self.model, m);
        offer.rung_index = rung;
        match rung {
            Some(i) => {
                let r = &m.rungs[i as usize];
                offer.difficulty = diffs[i as usize];
                offer.text = r.text.clone();
                offer.kind = r.kind;
                offer.size.seconds = r.seconds;
            }
            None => {
                offer.difficulty = diffs[0] - 1.5;
                offer.text = BREATH_TEXT.to_string();
                offer.kind = RungKind::Internal;
                offer.size.seconds = BREATH_SECONDS;
            }
        }
    }

    /// Counts an offer that is about to be shown. A bit more counts for safety (above
    /// capacity) but not for sizing (offered against feasible seconds).
    fn count_offer(&mut self, offer: &Offer, day: i64) -> f64 {
        let mi = self.movement_index(offer);
        let capacity = self.capacity(day);
        let p_true = self.p.true_p(capacity, self.p.rung_d(mi, offer.rung_index));
        let seconds = self.p.seconds(mi, offer.rung_index);
        self.out.offers += 1;
        let b = ((offer.predicted_success * 10.0) as usize).min(9);
        self.out.calib[b].0 += 1;
        self.out.calib[b].1 += p_true;
        if p_true < ABOVE {
            self.out.above += 1;
            if !offer.bit_more {
                let k = offer.rung_index.map_or(0, |i| 1 + i.min(3) as usize);
                self.out.above_by_rung[k] += 1;
                if self.model.checkin_at(self.now_hint).is_none() {
                    self.out.above_no_checkin += 1;
                }
                if day < 14 {
                    self.out.above_first_two_weeks += 1;
                }
                let b = ((offer.predicted_success * 10.0) as usize).min(9);
                self.out.above_by_pred[b] += 1;
                if self.p.crash.is_some_and(|c| day >= c && day < c + 10) {
                    self.out.above_in_crash += 1;
                }
                if self.p.days[day as usize].deviation < -0.5 {
                    self.out.above_bad_day += 1;
                }
                if offer.stretch {
                    self.out.above_stretch += 1;
                }
            }
        }
        if offer.stretch && !offer.bit_more {
            self.out.stretches += 1;
        }
        if offer.bit_more {
            if p_true < ABOVE {
                self.out.bit_more_taken_above += 1;
            }
        } else {
            if offer.rung_index.is_some_and(|i| i > 0) {
                self.day_smallest.0 = false;
            }
            let feasible = self.p.largest_feasible(mi, capacity, None);
            let cell = |r: Option<u32>| r.map_or(0, |i| 1 + i.min(3) as usize);
            if day >= 30 {
                self.out.confusion[cell(offer.rung_index)][cell(feasible)] += 1;
            }
            if feasible.is_some_and(|i| i > 0) {
                self.day_smallest.1 = true;
            }
            self.out.offered_seconds += u64::from(seconds);
            self.out.feasible_seconds += u64::from(self.p.seconds(mi, feasible));
            if seconds >= TWO_MINUTES {
                if self.out.first_two_minutes.is_none() {
                    self.out.first_two_minutes = Some(day);
                }
                if let Some(s) = self.p.sessions.first() {
                    if day >= *s && self.out.session_days_to_two_minutes.is_none() {
                        self.out.session_days_to_two_minutes = Some(day - s);
                    }
                }
            }
        }
        if let Some(n) = self.crash_count.as_mut() {
            *n += 1;
            if p_true >= FITS {
                self.out.crash_offers_to_fit = Some(*n);
                self.crash_count = None;
            }
        }
        p_true
    }

    fn respond(&mut self, p_true: f64) -> Response {
        let u = self.answers.next_f64();
        if u < self.p.not_now_rate {
            Response::NotNow
        } else if u < self.p.not_now_rate + 0.03 {
            Response::SomethingElse
        } else if self.answers.next_f64() < p_true {
            Response::Done
        } else if self.answers.next_f64() < 0.65 {
            Response::SmallerPlease
        } else {
            Response::Started
        }
    }

    fn apply(&mut self, at: DateTime<FixedOffset>, kind: EventKind) {
        self.model.apply(&Event { at, kind });
    }

    /// Records the answer to the offer on screen, and what it did.
    fn reply(&mut self, offer: &Offer, response: Response, at: DateTime<FixedOffset>) {
        let before = self.model.capacity_at(at);
        self.apply(at, EventKind::Replied(Reply::plain(response)));
        if response == Response::NotNow {
            let after = self.model.capacity_at(at);
            if after.usual < before.usual || after.today < before.today {
                self.out.not_now_lowered += 1;
            }
        }
        let mi = self.movement_index(offer);
        let taken = matches!(response, Response::Done | Response::Started);
        if offer.bit_more && !taken {
            return; // not this time
        }
        self.previous = Some((offer.clone(), response));
        if taken || response == Response::SmallerPlease {
            self.out.attempts += 1;
        }
        if response == Response::Done {
            self.out.done += 1;
            let seconds = u64::from(self.p.seconds(mi, offer.rung_index));
            self.out.done_seconds += seconds;
            if offer.bit_more {
                self.out.bit_more_seconds += seconds;
            }
        }
        if taken {
            self.moved_today = true;
        }
        match response {
            Response::Done => self.staircase = (self.staircase + 1).min(3),
            Response::SmallerPlease | Response::Started => {
                self.staircase = self.staircase.saturating_sub(1)
            }
            _ => {}
        }
    }

    /// One ask: an offer, its answer, and what the engine answers back, until nothing follows.
    fn ask(&mut self, day: i64, at: DateTime<FixedOffset>) {
        let mut at = at;
        let mut next: Option<Offer> = None;
        for _ in 0..8 {
            let mut offer = match next.take() {
                Some(o) => o,
                None => match decide(&self.model, &self.p.values, &self.p.movements, at) {
                    Decision::Offer(o) => o,
                    Decision::Rest { .. } => {
                        // "I have a moment" anyway, now and then: a tiny thing, for everyone.
                        if self.answers.next_f64() >= MOMENT_RATE {
                            return;
                        }
                        self.apply(at, EventKind::Moment);
                        match moment(&self.model, &self.p.values, &self.p.movements, at) {
                            Decision::Offer(o) => {
                                self.out.moments += 1;
                                self.show_and_answer(o, day, &mut at);
                                return;
                            }
                            Decision::Rest { .. } => return,
                        }
                    }
                },
            };
            if !offer.bit_more {
                self.choose(&mut offer, day);
            }
            match self.show_and_answer(offer, day, &mut at) {
                Some(o) => next = Some(o),
                None => return,
            }
        }
    }

    /// Shows an offer, answers it, and returns what the engine offers next at once, if anything
    /// (a smaller one, something else, or a bit more the person takes).
    fn show_and_answer(
        &mut self,
        offer: Offer,
        day: i64,
        at: &mut DateTime<FixedOffset>,
    ) -> Option<Offer> {
        self.now_hint = *at;
        if offer.bit_more {
            // "A bit more?" is a quiet question after a Done: it becomes an offer only when the
            // person takes it, which they do when they feel able (or, in the blind variant, at
            // random, to show what happens if that feeling were no guide at all).
            let mi = self.movement_index(&offer);
            let p_true = self
                .p
                .true_p(self.capacity(day), self.p.rung_d(mi, offer.rung_index));
            self.out.bit_more_offered += 1;
            if p_true < ABOVE {
                self.out.bit_more_above += 1;
            }
            let take = match self.policy {
                Policy::EngineBlind => BLIND_TAKE,
                _ => BIT_MORE_TAKE * p_true,
            };
            if self.answers.next_f64() >= take {
                return None;
            }
            self.out.bit_more_taken += 1;
        }
        let p_true = self.count_offer(&offer, day);
        self.apply(*at, EventKind::Offered(offer.clone()));
        *at += Duration::minutes(1);
        let response = if offer.bit_more {
            // Once taken, they try.
            if self.answers.next_f64() < p_true {
                Response::Done
            } else if self.answers.next_f64() < 0.5 {
                Response::Started
            } else {
                Response::NotNow
            }
        } else {
            self.respond(p_true)
        };
        let cap = self.model.capacity_at(*at);
        self.reply(&offer, response, *at);
        if self.trace {
            eprintln!(
                "day {day:>3} {} rung {:?} {:>4}s pred {:.2} true {:.2} c {:+.2} -> {:?}{} | usual {:+.2} sd {:.2} today {:+.2} | {}",
                at.format("%H:%M"),
                offer.rung_index,
                offer.size.seconds,
                offer.predicted_success,
                p_true,
                self.capacity(day),
                response,
                if offer.bit_more { " (bit more)" } else { "" },
                cap.usual,
                cap.uncertainty,
                cap.today,
                offer.reason,
            );
        }
        *at += Duration::minutes(1);
        self.follow(&offer, response, *at)
    }

    /// The engine's answer to a reply: checks its promises, and returns the next offer shown.
    fn follow(
        &mut self,
        offer: &Offer,
        response: Response,
        at: DateTime<FixedOffset>,
    ) -> Option<Offer> {
        let a = answer(&self.model, &self.p.values, &self.p.movements, at);
        if response == Response::SmallerPlease && !offer.bit_more {
            let ok = match &a {
                Answer::Offer(next) => {
                    next.movement_id == offer.movement_id
                        && next.rung_index < offer.rung_index
                        && next.difficulty < offer.difficulty
                        && shown_seconds(next.size.seconds) < shown_seconds(offer.size.seconds)
                }
                Answer::Rest { .. } => true,
                _ => false,
            };
            if !ok && self.policy == Policy::Engine {
                self.out.smaller_not_smaller += 1;
            }
        }
        match a {
            Answer::Offer(o) => Some(o),
            Answer::Moved {
                bit_more: Some(o), ..
            } if matches!(self.policy, Policy::Engine | Policy::EngineBlind) => Some(o),
            _ => None,
        }
    }

    fn checkin(&self, day: i64, lift: f64) -> CheckIn {
        let plan = &self.p.days[day as usize];
        let felt = plan.deviation + 0.6 * lift;
        CheckIn {
            energy: Some(level_of(felt + plan.energy_noise)),
            mood: Some(level_of(felt + plan.mood_noise)),
            room: Some(level_of(plan.room)),
        }
    }

    fn day(&mut self, day: i64) {
        // The session lift: up over three days after a session, then fading, more slowly on
        // days with steps taken.
        if self.p.sessions.contains(&day) {
            self.lift_target = if day == self.p.sessions[0] { 2.2 } else { 1.8 };
            self.apply(
                tz_time(day, 11, 0),
                EventKind::Session(TreatmentSession {
                    at: tz_time(day, 11, 0),
                }),
            );
        }
        if self.lift_target > 0.0 {
            self.lift = (self.lift + self.lift_target / 3.0).min(self.lift_target);
            if self.lift >= self.lift_target - 1e-9 {
                self.lift_target = 0.0;
            }
        }
        if self.p.crash == Some(day) {
            self.crash_count = Some(0);
        }
        self.moved_today = false;
        self.previous = None;
        self.day_smallest = (true, false);
        let plan = self.p.days[day as usize].clone();
        let offers_before = self.out.offers;

        for (k, hour) in plan.asks.iter().enumerate() {
            let at = tz_time(day, *hour, 7 * k as i64);
            if k == 0 {
                if plan.checks_in {
                    let c = self.checkin(day, self.lift);
                    self.apply(at - Duration::minutes(5), EventKind::CheckIn(c));
                }
                // A step left on screen at 01:30 is answered in the morning.
                if let Some(offer) = self.pending.take() {
                    let mi = self.movement_index(&offer);
                    let p_true = self
                        .p
                        .true_p(self.capacity(day), self.p.rung_d(mi, offer.rung_index));
                    let response = self.respond(p_true);
                    let answered_at = at - Duration::minutes(2);
                    self.reply(&offer, response, answered_at);
                    let before = self.out.smaller_not_smaller;
                    let next = self.follow(&offer, response, answered_at);
                    if self.out.smaller_not_smaller > before {
                        self.out.night_smaller_breaks += 1;
                    }
                    if let Some(o) = next {
                        let mut t = at;
                        let mut o = o;
                        if !o.bit_more {
                            self.choose(&mut o, day);
                        }
                        self.show_and_answer(o, day, &mut t);
                    }
                }
            }
            self.ask(day, at);
        }
        // Late at night: 01:30 the next calendar day, still this day for the engine.
        if let Some(late) = plan.late {
            let at = tz_time(day + 1, 1, 30);
            if late.checks_in {
                let c = CheckIn {
                    energy: Some(Level::Low),
                    ..self.checkin(day, self.lift)
                };
                self.apply(at - Duration::minutes(1), EventKind::CheckIn(c));
            }
            if late.answer_next_morning {
                if let Decision::Offer(mut offer) =
                    decide(&self.model, &self.p.values, &self.p.movements, at)
                {
                    self.choose(&mut offer, day);
                    self.count_offer(&offer, day);
                    self.apply(at, EventKind::Offered(offer.clone()));
                    self.pending = Some(offer);
                }
            } else {
                self.ask(day, at);
            }
        }

        // The smallest-rung stretch: days with offers, all of them the smallest step, while a
        // bigger one was within capacity.
        if self.out.offers > offers_before {
            let (small, more_fits) = self.day_smallest;
            if small && more_fits {
                self.smallest_run += 1;
                self.out.longest_smallest = self.out.longest_smallest.max(self.smallest_run);
            } else {
                self.smallest_run = 0;
            }
        }

        // The lift fades: half-life 5 days without steps, 20 days on a day with a step.
        if self.lift_target == 0.0 {
            let half_life = if self.moved_today { 20.0 } else { 5.0 };
            self.lift *= 0.5_f64.powf(1.0 / half_life);
        }
        if let Some(s) = self.p.sessions.first() {
            if (*s..=*s + 3).contains(&day) && self.moved_today {
                self.out.session_moving = true;
            }
        }
    }
}

fn run(person: &Person, policy: Policy, seed: u64) -> Outcome {
    run_traced(person, policy, seed, false)
}

fn run_traced(person: &Person, policy: Policy, seed: u64, trace: bool) -> Outcome {
    let mut r = Run {
        p: person,
        policy,
        model: Model::default(),
        answers: SplitMix64::new(seed),
        out: Outcome::default(),
        staircase: 0,
        lift: 0.0,
        lift_target: 0.0,
        moved_today: false,
        crash_count: None,
        smallest_run: 0,
        previous: None,
        pending: None,
        day_smallest: (true, false),
        now_hint: tz_time(0, 9, 0),
        trace,
    };
    r.out.capable = person.capable_at(person.usual(0));
    for day in 0..DAYS {
        r.day(day);
        if r.trace && day % 10 == 9 {
            let v = serde_json::to_value(&r.model).unwrap_or_default();
            eprintln!("  capacity {} kinds {}", v["capacity"], v["kinds"]);
        }
    }
    r.out
}

/// Figures for one kind of person under one policy.
struct Row {
    outcomes: Vec<Outcome>,
}

fn ratio(a: u64, b: u64) -> f64 {
    a as f64 / b.max(1) as f64
}

fn quantile(v: &mut [i64], q: f64) -> i64 {
    if v.is_empty() {
        return 0;
    }
    v.sort_unstable();
    v[((v.len() - 1) as f64 * q).round() as usize]
}

impl Row {
    fn sum(&self, f: impl Fn(&Outcome) -> u64, capable_only: bool) -> u64 {
        self.outcomes
            .iter()
            .filter(|o| !capable_only || o.capable)
            .map(f)
            .sum()
    }

    fn success(&self) -> f64 {
        ratio(self.sum(|o| o.done, false), self.sum(|o| o.attempts, false))
    }

    fn above(&self) -> f64 {
        100.0 * ratio(self.sum(|o| o.above, false), self.sum(|o| o.offers, false))
    }

    fn offered_vs_feasible(&self, capable_only: bool) -> f64 {
        100.0
            * ratio(
                self.sum(|o| o.offered_seconds, capable_only),
                self.sum(|o| o.feasible_seconds, capable_only),
            )
    }

    fn done_vs(&self, oracle: &Row, capable_only: bool) -> f64 {
        100.0
            * ratio(
                self.sum(|o| o.done_seconds, capable_only),
                oracle.sum(|o| o.done_seconds, capable_only),
            )
    }

    /// Median and 90th percentile of the (1-based) day of the first two-minute step, for
    /// capable people; "never" counts as day 121.
    fn first_two_minutes(&self) -> Option<(i64, i64)> {
        let mut v: Vec<i64> = self
            .outcomes
            .iter()
            .filter(|o| o.capable)
            .map(|o| o.first_two_minutes.map_or(DAYS + 1, |d| d + 1))
            .collect();
        (!v.is_empty()).then(|| (quantile(&mut v, 0.5), quantile(&mut v, 0.9)))
    }

    fn longest_smallest(&self) -> (i64, f64) {
        let max = self
            .outcomes
            .iter()
            .map(|o| o.longest_smallest)
            .max()
            .unwrap_or(0);
        let over = self
            .outcomes
            .iter()
            .filter(|o| o.longest_smallest > 7)
            .count();
        (max, 100.0 * over as f64 / self.outcomes.len().max(1) as f64)
    }

    fn crash_within_three(&self) -> Option<f64> {
        let crashed: Vec<&Outcome> = self.outcomes.iter().collect();
        let n = crashed.len();
        let ok = crashed
            .iter()
            .filter(|o| o.crash_offers_to_fit.is_some_and(|k| k <= 3))
            .count();
        (n > 0).then(|| 100.0 * ok as f64 / n as f64)
    }

    fn session_days(&self) -> Option<(i64, i64, usize)> {
        let mut v: Vec<i64> = self
            .outcomes
            .iter()
            .filter(|o| o.session_moving)
            .map(|o| o.session_days_to_two_minutes.unwrap_or(DAYS))
            .collect();
        let n = v.len();
        (n > 0).then(|| (quantile(&mut v, 0.5), quantile(&mut v, 0.9), n))
    }
}

fn main() {
    let library = match starter_library() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    // A seed may be given as the first argument, to check the figures are not one lucky draw.
    let seed: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_260_105);
    println!(
        "Synthetic people: {PEOPLE} of each kind, {DAYS} days each, seed {seed}. True success \
         sigma(s(c - d)), s in 1.5..2.5."
    );
    println!(
        "Feasible: true success >= {FEASIBLE}; above capacity: true success < {ABOVE}; \
         capable: a two-minute step is feasible on a usual day at the start.\n"
    );
    let mut rows: BTreeMap<(usize, usize), Row> = BTreeMap::new();
    let mut capable_counts = Vec::new();
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        let people: Vec<Person> = (0..PEOPLE)
            .map(|i| {
                let mut rng = SplitMix64::new(
                    seed ^ ((ki as u64) << 40) ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                );
                make_person(*kind, &mut rng, &library)
            })
            .collect();
        capable_counts.push(people.iter().filter(|p| p.capable_at(p.usual(0))).count());
        if let Ok(t) = std::env::var("SIM_TRACE") {
            let mut it = t.split(',');
            let (k, i, days): (usize, usize, i64) = (
                it.next().and_then(|x| x.parse().ok()).unwrap_or(0),
                it.next().and_then(|x| x.parse().ok()).unwrap_or(0),
                it.next().and_then(|x| x.parse().ok()).unwrap_or(DAYS),
            );
            if k == ki {
                let p = &people[i];
                eprintln!(
                    "base {:+.2} slope {:.2} capable {}",
                    p.base,
                    p.slope,
                    p.capable_at(p.usual(0))
                );
                for (mi, m) in p.movements.iter().enumerate() {
                    eprintln!(
                        "  {} prior {:?} true {:?}",
                        m.title,
                        m.rungs
                            .iter()
                            .map(|r| (r.seconds, (r.difficulty * 100.0).round() / 100.0))
                            .collect::<Vec<_>>(),
                        p.true_d[mi]
                            .iter()
                            .map(|d| (d * 100.0).round() / 100.0)
                            .collect::<Vec<_>>()
                    );
                }
                let _ = days;
                run_traced(
                    p,
                    Policy::Engine,
                    seed.wrapping_add(7919 * i as u64 + ki as u64),
                    true,
                );
            }
        }
        for (pi, policy) in Policy::ALL.iter().enumerate() {
            let outcomes = people
                .iter()
                .enumerate()
                .map(|(i, p)| run(p, *policy, seed.wrapping_add(7919 * i as u64 + ki as u64)))
                .collect();
            rows.insert((ki, pi), Row { outcomes });
        }
    }

    println!("| person ({PEOPLE} each) | policy | offers | realised success | offers above capacity | offered / feasible seconds (capable) | done-minutes vs oracle (all / capable) | first two-minute step, capable (median / p90 day) | longest stretch on the smallest rung while more fits (max days / people > 7 d) |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        let oracle = &rows[&(ki, 6)];
        for (pi, policy) in Policy::ALL.iter().enumerate() {
            let row = &rows[&(ki, pi)];
            let first = row.first_two_minutes().map_or("—".to_string(), |(m, p)| {
                let d = |x: i64| {
                    if x > DAYS {
                        "never".to_string()
                    } else {
                        x.to_string()
                    }
                };
                format!("{} / {}", d(m), d(p))
            });
            let (longest, over) = row.longest_smallest();
            let capable_part = if capable_counts[ki] > 0 {
                format!("{:.0} %", row.offered_vs_feasible(true))
            } else {
                "—".to_string()
            };
            let done_capable = if capable_counts[ki] > 0 {
                format!("{:.0} %", row.done_vs(oracle, true))
            } else {
                "—".to_string()
            };
            println!(
                "| {} ({} capable) | {} | {} | {:.3} | {:.1} % | {} | {:.0} % / {} | {} | {} / {:.0} % |",
                kind.name(),
                capable_counts[ki],
                policy.name(),
                row.sum(|o| o.offers, false),
                row.success(),
                row.above(),
                capable_part,
                row.done_vs(oracle, false),
                done_capable,
                first,
                longest,
                over,
            );
        }
    }

    if std::env::var("SIM_SHORT").is_ok() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            for pi in [0, 1, 5] {
                let row = &rows[&(ki, pi)];
                let oracle = &rows[&(ki, 6)];
                let (l, over) = row.longest_smallest();
                eprintln!(
                    "{:>18}{}: above {:.1}% bm shown {} (above {:.0}%) taken {} (above {:.0}%) succ {:.3} done {:.0}% offered {:.0}% 2min {:?} small {} {:.0}% crash {:?} session {:?}",
                    kind.name(),
                    [" ", " blind", "", "", "", " usual-oracle", ""][pi],
                    row.above(),
                    row.sum(|o| o.bit_more_offered, false),
                    100.0 * ratio(row.sum(|o| o.bit_more_above, false), row.sum(|o| o.bit_more_offered, false)),
                    row.sum(|o| o.bit_more_taken, false),
                    100.0 * ratio(row.sum(|o| o.bit_more_taken_above, false), row.sum(|o| o.bit_more_taken, false)),
                    row.success(),
                    row.done_vs(oracle, true),
                    row.offered_vs_feasible(true),
                    row.first_two_minutes(),
                    l,
                    over,
                    if *kind == Kind::Crash { row.crash_within_three() } else { None },
                    if *kind == Kind::Session { row.session_days() } else { None },
                );
            }
        }
    }
    if std::env::var("SIM_CRASH").is_ok() {
        let row = &rows[&(5, 0)];
        let mut hist = BTreeMap::new();
        for (i, o) in row.outcomes.iter().enumerate() {
            *hist.entry(o.crash_offers_to_fit).or_insert(0) += 1;
            if o.crash_offers_to_fit.is_none_or(|k| k > 3) && i < 60 {
                eprintln!("crash person {i}: {:?}", o.crash_offers_to_fit);
            }
        }
        eprintln!("crash offers to first fit: {hist:?}");
    }
    if let Ok(k) = std::env::var("SIM_WORST") {
        let ki: usize = k.parse().unwrap_or(0);
        let row = &rows[&(ki, 0)];
        let mut v: Vec<(u64, usize)> = row
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| (o.above - o.bit_more_above, i))
            .collect();
        v.sort();
        v.reverse();
        eprintln!("worst main-above people of kind {ki}: {:?}", &v[..10]);
        let total: u64 = v.iter().map(|x| x.0).sum();
        let top: u64 = v[..30].iter().map(|x| x.0).sum();
        eprintln!("total {total}, top 30 people {top}");
    }
    if std::env::var("SIM_DEBUG").is_ok() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let main_offers = row.sum(|o| o.offers - o.bit_more_offered, false);
            let main_above = row.sum(|o| o.above - o.bit_more_above, false);
            let by: Vec<u64> = (0..5)
                .map(|k| row.sum(|o| o.above_by_rung[k], false))
                .collect();
            let bp: Vec<u64> = (0..10)
                .map(|k| row.sum(|o| o.above_by_pred[k], false))
                .collect();
            let cal: Vec<String> = (0..10)
                .map(|k| {
                    let n: u64 = row.outcomes.iter().map(|o| o.calib[k].0).sum();
                    let t: f64 = row.outcomes.iter().map(|o| o.calib[k].1).sum();
                    format!("{}:{:.2}({})", k, t / n.max(1) as f64, n)
                })
                .collect();
            eprintln!(
                "{:>20}: calibration (predicted decile: mean true P (n)) {}",
                kind.name(),
                cal.join(" ")
            );
            eprintln!(
                "{:>20}: above by predicted success decile {:?}",
                kind.name(),
                bp
            );
            eprintln!("{:>20}: above in crash {}, on a bad day (deviation < -0.5) {}, stretch {} of {} stretches, total main {}", kind.name(), row.sum(|o| o.above_in_crash, false), row.sum(|o| o.above_bad_day, false), row.sum(|o| o.above_stretch, false), row.sum(|o| o.stretches, false), row.sum(|o| o.above - o.bit_more_above, false));
            eprintln!(
                "{:>20}: offered (rows: breath, 0..3) x feasible (cols)",
                kind.name()
            );
            for r in 0..5 {
                let cells: Vec<String> = (0..5)
                    .map(|c| format!("{:>6}", row.sum(|o| o.confusion[r][c], false)))
                    .collect();
                eprintln!("{:>24}{}", "", cells.join(""));
            }
            eprintln!(
                "{:>20}: above by rung (breath,0,1,2,3) {:?}, without check-in {}, first 2 weeks {}",
                kind.name(),
                by,
                row.sum(|o| o.above_no_checkin, false),
                row.sum(|o| o.above_first_two_weeks, false)
            );
            eprintln!(
                "{:>20}: main above {:.1} % of {}, bit-more above {:.1} % of {}, moments {}",
                kind.name(),
                100.0 * ratio(main_above, main_offers),
                main_offers,
                100.0
                    * ratio(
                        row.sum(|o| o.bit_more_above, false),
                        row.sum(|o| o.bit_more_offered, false)
                    ),
                row.sum(|o| o.bit_more_offered, false),
                row.sum(|o| o.moments, false),
            );
        }
    }
    println!("\nThe engine, rule by rule:\n");
    println!("| person | first fitting offer within 3 after the crash | session → first two-minute step when moving (median / p90 days, people) | Not now lowered anything | Smaller please not strictly smaller | Smaller please at 09:00 after a 01:30 step, not the same movement smaller | \"a bit more?\" offered / taken / minutes done |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        let row = &rows[&(ki, 0)];
        let crash = if *kind == Kind::Crash {
            row.crash_within_three()
                .map_or("—".into(), |x| format!("{x:.0} %"))
        } else {
            "—".into()
        };
        let session = if *kind == Kind::Session {
            row.session_days()
                .map_or("—".into(), |(m, p, n)| format!("{m} / {p} ({n})"))
        } else {
            "—".into()
        };
        println!(
            "| {} | {} | {} | {} | {} | {} | {} / {} / {:.0} |",
            kind.name(),
            crash,
            session,
            row.sum(|o| o.not_now_lowered, false),
            row.sum(|o| o.smaller_not_smaller, false),
            row.sum(|o| o.night_smaller_breaks, false),
            row.sum(|o| o.bit_more_offered, false),
            row.sum(|o| o.bit_more_taken, false),
            row.sum(|o| o.bit_more_seconds, false) as f64 / 60.0,
        );
    }
}
