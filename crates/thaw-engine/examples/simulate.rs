//! Synthetic people meet the engine: `cargo run --release -p thaw-engine --example simulate [seed]`
//!
//! Seven kinds of people, 300 of each, 120 days each. Every person has a hidden true capacity c
//! (logits, on the engine's difficulty scale), true rung difficulties that differ from the
//! engine's priors (N(0, 0.5) per rung, ladder order kept), and a success curve steeper than
//! the engine's own: P(success) = σ(s·(c − d)), s between 2 and 4 (people are not the model;
//! the population is calibrated against the audit of the old engine: `Population`).
//! Days: AR(1) ups and downs, room in the day, 10 % of days Thaw stays closed, 1–3 asks a day.
//! Answers follow the true chance: Done; else Smaller please (65 %) or Started; Not now 7 %
//! (60 % for one kind) and Something else 3 % regardless of size. When Thaw says rest, a
//! quarter of the time the person taps "I have a moment" anyway. "A bit more?" is a quiet
//! question after a Done: people take it with chance 0.6 × their true chance of doing it (the
//! "blindly" variant: 30 %, whatever their chance); once taken it is an offer like any other.
//!
//! The kinds: steady low (capacity c ≈ −1.7: internal steps, preparation at the edge); a
//! session (c ≈ −1.0) lifting capacity by 2.2 over three days and fading (half-life 5 days
//! without steps, 20 with), with a booster six weeks later; volatile days (day-to-day sd 0.7);
//! never checks in; says Not now 60 % of the time; a sudden crash (−2.2 for 10 days); uses
//! Thaw at 01:30 on 35 % of nights (checking in then on half of them, and leaving half of those
//! steps to answer at 09:00). All but the first two also grow slowly (+0.6 over 120 days).
//!
//! Policies share everything (values, movements, rotation, budget, rest, the days and the
//! answers' random draws) except the size of the step: the engine; always the smallest rung;
//! always the act; a staircase (one rung up after Done, one down after Smaller please or
//! Started); an oracle of the usual day (knows the person's usual capacity and the rungs, not
//! the day's ups and downs: what is possible without reading minds); and the oracle (knows the
//! true capacity, offers the largest rung whose true success is at least 0.85).
//!
//! `SIM_TRACE=kind,person` prints one person's days under the engine (a diagnostic); each step
//! sized to the day shows what held the next rung up back (`held_back`, and `bottom_held` for
//! the step up from the bottom) and its true chance, and each day counted in a stay on the
//! smallest rung is marked. `SIM_STAYS=1` tallies, per kind, what held the step up back on the
//! days of stays past their fourth day (`SIM_STAYS=7`: past their seventh) while more fitted
//! and the person's answers said so.
//!
//! `SIM_DRIFT=1` splits the prior error of every act without a record of its own, read at each
//! offer from its movement, into the usual day's error and the error of what was learned of
//! acts (the act's kind offset, kind record and rung offset), with the act's own fixed
//! difficulty against its prior, how far each part moves between readings, and the slope of
//! the act's truth on what was learned (1: all of it is the person; 0: all of it is noise);
//! by kind of offer for the acts offered themselves, with the share of those offered that were
//! beyond the person.
//!
//! `SIM_RECORD=1` reads the first minutes' and the act's own records (`fit.rs`) at every offer
//! from their movement: how far the margin they give sits from the truth, against the spread
//! the engine believes of it and the prior's error, by the day of the run (do records stay
//! right as they fade and relearn?) and by the record's precision (are the sure ones right?),
//! with the usual day's part of the prior's error (the rest is the kind record's and the
//! rung's own).
//!
//! `SIM_SHIFT=1` reads, at every answer that teaches a first minutes' or an act's own record,
//! how far the day the engine reads it against (today's capacity − the usual day) sits from
//! the true one: by kind of offer and answer, and with or without a check-in.
//!
//! `SIM_BIT_MORE_TELLS=1` (a diagnostic that changes the people, never a result): someone who
//! took "a bit more?" and could not do it says Started, where the frozen people back out
//! quietly (Not now, which the engine hears as "not this time") half the time.
//!
//! `SIM_PAIRED=1` says how much each answer about size teaches its rung's own record, by kind
//! of step, of offer ("a bit more?" comes right after a Done below it the same day) and of
//! answer: the precision it adds read as the engine reads it (the day as unsure as its whole
//! spread), read against what the day's earlier answers left unknown of the day (the paired
//! reading), and read on a day known exactly (the most any reading of the day could give);
//! with the record's error against the true margin before and after.
//!
//! `SIM_VS_ORACLE=1` (or a risk, e.g. `0.05`; 1 means 0.1) compares every step sized to the day
//! with the rung the oracle of the person would offer at that risk on the same movement and
//! day (`largest_safe`): where the engine's is lower, which rule held its next rung back
//! (`held_back`), the done-minutes the oracle's rung would add in expectation, and how the
//! engine read the day and that rung's margin against the truth; with each kind's done-minutes
//! per person under the engine (and how many came through "a bit more?") and both oracles.
//! Run it with `SIM_TRUE_RUNGS=1` to see what the engine's rules cost once the rungs are known.
//!
//! `SIM_CRASH_PHASES=1` prints the sudden crash kind's done-minutes and offers above capacity
//! before its crash, in its ten days, the two weeks after and later; `SIM_CRASH_PHASES=2` with
//! `SIM_WHY=1` splits every kind's offers by why they were made (sized, "a bit more?",
//! growth…) in each of those phases (0 = before, for the kinds without a crash).
//!
//! `SIM_LEARN_ORACLE=<risk>` (or seven risks, one per kind) adds a bound, not an engine: the
//! oracle of the person without the rungs, which learns each rung from its own answers by exact
//! Bayesian updating and offers the largest rung whose posterior chance of being above capacity
//! today is at most the risk (`Learner`). `SIM_LEARN_BIT_MORE=<r2>` (or seven) lets it ask "a
//! bit more?" too (`SIM_LEARN_BLIND=1`: taken 30 % of the time whatever the person's chance);
//! `SIM_LEARN_CRASH=1` tells it a sudden crash's days. `SIM_LEARN_ONLY=1` runs
//! only it and the oracle (`SIM_LEARN_KINDS=2,5`: only those kinds) and prints one line a kind.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_engine::*;

#[path = "support/rng.rs"]
mod rng;
use rng::SplitMix64;

#[path = "support/engine_v0/mod.rs"]
mod engine_v0;

/// The engine a run drives: this crate's, or the old one (before issue 14) through a small
/// compatibility layer. The two share the domain's shape (values, movements, offers, events),
/// so the layer converts through serde, and answers for the old engine the way thaw-core drove
/// it: after Smaller please or Something else the next decision is shown at once; after Done,
/// Started or Not now nothing follows (it had no "a bit more?" and no "I have a moment").
#[allow(clippy::large_enum_variant)] // two per person at most, short-lived: boxing buys nothing here
enum Engine {
    Now(Model),
    V0 {
        model: engine_v0::Model,
        values: Vec<engine_v0::Value>,
        movements: Vec<engine_v0::Movement>,
    },
}

fn convert<T: serde::Serialize, U: serde::de::DeserializeOwned>(x: &T) -> U {
    serde_json::from_value(serde_json::to_value(x).expect("serialisable"))
        .expect("the old and new domain types share their shape")
}

impl Engine {
    fn v0(p: &Person) -> Self {
        Engine::V0 {
            model: engine_v0::Model::default(),
            values: convert(&p.values),
            movements: convert(&p.movements),
        }
    }

    fn apply(&mut self, at: DateTime<FixedOffset>, kind: EventKind) {
        match self {
            Engine::Now(m) => m.apply(&Event { at, kind }),
            Engine::V0 { model, .. } => model.apply(&engine_v0::Event {
                at,
                kind: convert(&kind),
            }),
        }
    }

    fn decide(&self, p: &Person, at: DateTime<FixedOffset>) -> Decision {
        match self {
            Engine::Now(m) => decide(m, &p.values, &p.movements, at),
            Engine::V0 {
                model,
                values,
                movements,
            } => convert(&engine_v0::decide(model, values, movements, at)),
        }
    }

    fn moment(&self, p: &Person, at: DateTime<FixedOffset>) -> Decision {
        match self {
            Engine::Now(m) => moment(m, &p.values, &p.movements, at),
            Engine::V0 { .. } => self.decide(p, at),
        }
    }

    fn answer(&self, p: &Person, at: DateTime<FixedOffset>, response: Response) -> Answer {
        match self {
            Engine::Now(m) => answer(m, &p.values, &p.movements, at),
            Engine::V0 { .. } => match (self.decide(p, at), response) {
                (Decision::Rest { kind, reason }, _) => Answer::Rest { kind, reason },
                (Decision::Offer(o), Response::SmallerPlease | Response::SomethingElse) => {
                    Answer::Offer(o)
                }
                (Decision::Offer(_), Response::NotNow) => Answer::Paused {
                    message: String::new(),
                },
                (Decision::Offer(_), _) => Answer::Moved {
                    message: String::new(),
                    bit_more: None,
                },
            },
        }
    }

    fn snapshot(&self) -> serde_json::Value {
        match self {
            Engine::Now(m) => serde_json::to_value(m),
            Engine::V0 { model, .. } => serde_json::to_value(model),
        }
        .unwrap_or_default()
    }

    fn difficulties(&self, m: &Movement) -> Vec<f64> {
        match self {
            Engine::Now(model) => effective_difficulties(model, m),
            Engine::V0 {
                model, movements, ..
            } => movements
                .iter()
                .find(|x| x.id == m.id)
                .map(|old| engine_v0::effective_difficulties(model, old))
                .unwrap_or_default(),
        }
    }

    /// (usual, today) capacity as the engine sees it at `at`, for the "Not now" check.
    fn capacity(&self, at: DateTime<FixedOffset>) -> (f64, f64) {
        match self {
            Engine::Now(m) => {
                let c = m.capacity_at(at);
                (c.usual, c.today)
            }
            Engine::V0 { model, .. } => {
                let c = model.capacity_at(at);
                (c.theta, c.effective)
            }
        }
    }
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// The standard normal distribution function (Abramowitz and Stegun 7.1.26, error < 1.5e-7).
fn normal_cdf(x: f64) -> f64 {
    let z = x.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-z * z).exp();
    if x >= 0.0 {
        0.5 * (1.0 + erf)
    } else {
        0.5 * (1.0 - erf)
    }
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
/// The population's free parameters: what the audit of the old engine does not say about its
/// people, calibrated so that the old engine reproduces the audit's figures (BENCHMARKS.md,
/// "Calibration"), then frozen. `SIM_POP=name=value,…` overrides them for exploration only.
#[derive(Clone, Copy, Debug)]
struct Population {
    /// Day-to-day spread: the sd of each day's AR(1) innovation, as a multiple of each kind's.
    spread: f64,
    /// How far a volatile person's days swing (sd of the daily innovation, logits).
    volatile_sd: f64,
    /// How far a person's true rung difficulties stray from the engine's priors (sd, logits).
    rung_sd: f64,
    /// People's true success curves are σ(s·(c − d)) with s drawn from this range: steeper
    /// than the engines' own (the old one's 1, the new one's prior 1.4), because people are
    /// not the model.
    slope_from: f64,
    slope_to: f64,
    /// Added to the usual capacity of every kind that may be capable (not steady low, not the
    /// session kind): sets the share of people for whom a two-minute step fits.
    capable_shift: f64,
    /// Spread of usual capacity between people of one kind (sd, logits), as a multiple of each
    /// kind's.
    between: f64,
    /// How far capacity falls for the ten days of a sudden crash (logits).
    crash_depth: f64,
    /// How much a person's check-in words follow their usual capacity, not only the day's ups
    /// and downs: someone whose days are usually low says "low" more often (per logit of usual
    /// capacity above or below 0, the middle of the ladder).
    checkin_level: f64,
}

impl Population {
    const CALIBRATED: Population = Population {
        spread: 0.8,
        volatile_sd: 0.75,
        rung_sd: 0.5,
        slope_from: 2.0,
        slope_to: 4.0,
        capable_shift: -0.2,
        between: 1.25,
        crash_depth: 2.2,
        checkin_level: 0.7,
    };

    /// The calibrated population, with any `SIM_POP` overrides (for exploring only).
    fn from_env() -> Population {
        let mut p = Population::CALIBRATED;
        let Some(spec) = sim_env("SIM_POP") else {
            return p;
        };
        for item in spec.split(',').filter(|x| !x.is_empty()) {
            let Some((k, v)) = item.split_once('=') else {
                continue;
            };
            let Ok(v) = v.parse::<f64>() else { continue };
            match k {
                "spread" => p.spread = v,
                "volatile_sd" => p.volatile_sd = v,
                "rung_sd" => p.rung_sd = v,
                "slope_from" => p.slope_from = v,
                "slope_to" => p.slope_to = v,
                "capable_shift" => p.capable_shift = v,
                "between" => p.between = v,
                "crash_depth" => p.crash_depth = v,
                "checkin_level" => p.checkin_level = v,
                _ => eprintln!("SIM_POP: unknown parameter {k}"),
            }
        }
        p
    }
}
/// A diagnostic's or a knob's setting (`SIM_…` environment variables), read from the
/// environment once: many are asked at every offer of every run.
fn sim_env(name: &str) -> Option<&'static str> {
    // `vars_os`: another variable that is not Unicode is none of ours (`vars` would panic).
    static VARS: std::sync::LazyLock<BTreeMap<String, String>> = std::sync::LazyLock::new(|| {
        std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .filter(|(k, _)| k.starts_with("SIM_"))
            .collect()
    });
    VARS.get(name).map(String::as_str)
}

/// "A two-minute step": the first two minutes or more.
const TWO_MINUTES: u32 = 120;
/// The oracle of the person offers a rung only when its chance of being above capacity today,
/// given what they know, is at most this.
const ORACLE_RISK: f64 = 0.02;

fn oracle_risk() -> f64 {
    sim_env("SIM_ORACLE_RISK")
        .and_then(|x| x.parse().ok())
        .unwrap_or(ORACLE_RISK)
}
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
    OldEngine,
    Smallest,
    Act,
    Staircase,
    UsualOracle,
    CheckinOracle,
    /// The oracle of the person without the rungs: learns each rung from its own answers
    /// (a diagnostic bound, `SIM_LEARN_ORACLE`; see `Learner`).
    LearnOracle,
    Oracle,
}

impl Policy {
    const ALL: [Policy; 10] = [
        Policy::Engine,
        Policy::EngineBlind,
        Policy::OldEngine,
        Policy::Smallest,
        Policy::Act,
        Policy::Staircase,
        Policy::UsualOracle,
        Policy::CheckinOracle,
        Policy::LearnOracle,
        Policy::Oracle,
    ];

    fn name(self) -> &'static str {
        match self {
            Policy::Engine => "engine",
            Policy::EngineBlind => "engine, \"a bit more?\" taken blindly",
            Policy::OldEngine => "old engine (before issue 14)",
            Policy::Smallest => "always smallest",
            Policy::Act => "always the act",
            Policy::Staircase => "staircase",
            Policy::UsualOracle => "oracle of the usual day",
            Policy::CheckinOracle => "oracle of the person, reading the check-in",
            Policy::LearnOracle => "oracle of the person, learning the rungs",
            Policy::Oracle => "oracle",
        }
    }
}

/// One person: what they care about, how hard their rungs truly are, how their days go.
#[derive(Clone)]
struct Person {
    values: Vec<Value>,
    movements: Vec<Movement>,
    /// True difficulty per movement (same order as `movements`) and rung, ladder order kept.
    true_d: Vec<Vec<f64>>,
    slope: f64,
    base: f64,
    /// Slow improvement over the 120 days (logits).
    growth: f64,
    not_now_rate: f64,
    /// See `Population::checkin_level`.
    checkin_level: f64,
    /// How far this person's days stray from their usual, in the long run (sd, logits).
    day_sd: f64,
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

fn make_person(
    kind: Kind,
    pop: &Population,
    rng: &mut SplitMix64,
    library: &[MovementTemplate],
) -> Person {
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
                let x = r.difficulty + pop.rung_sd * rng.normal();
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
    let n = |rng: &mut SplitMix64, mean: f64, sd: f64| mean + pop.between * sd * rng.normal();
    let up = pop.capable_shift;
    let (base, growth, checkin_rate, not_now_rate, ar_phi, ar_sd) = match kind {
        Kind::SteadyLow => (n(rng, -1.7, 0.35), 0.2, 0.7, 0.07, 0.6, 0.15 * pop.spread),
        Kind::Session => (n(rng, -1.0, 0.3), 0.3, 0.7, 0.07, 0.6, 0.25 * pop.spread),
        Kind::Volatile => (n(rng, 0.6 + up, 0.5), 0.6, 0.75, 0.07, 0.2, pop.volatile_sd),
        Kind::NeverChecksIn => (n(rng, 0.8 + up, 0.5), 0.6, 0.0, 0.07, 0.6, 0.3 * pop.spread),
        Kind::NotNowOften => (n(rng, 0.6 + up, 0.5), 0.6, 0.6, 0.6, 0.6, 0.3 * pop.spread),
        Kind::Crash => (
            n(rng, 0.8 + up, 0.5),
            0.6,
            0.75,
            0.07,
            0.6,
            0.3 * pop.spread,
        ),
        Kind::NightOwl => (n(rng, 0.6 + up, 0.5), 0.6, 0.7, 0.07, 0.6, 0.3 * pop.spread),
    };
    let slope = pop.slope_from + (pop.slope_to - pop.slope_from) * rng.next_f64();
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
        let deviation = ar + if crashed { -pop.crash_depth } else { 0.0 };
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
        });
    }
    Person {
        values,
        movements,
        true_d,
        slope,
        base,
        growth,
        not_now_rate,
        checkin_level: pop.checkin_level,
        day_sd: ar_sd / (1.0 - ar_phi * ar_phi).sqrt(),
        days,
        sessions,
        crash,
    }
}

impl Person {
    /// The phase of a sudden crash `day` is in (`SIM_CRASH_PHASES`): 0 before it (and for
    /// everyone without one), 1 its ten days, 2 the two weeks after, 3 later.
    fn crash_phase(&self, day: i64) -> usize {
        self.crash.map_or(0, |c| match day - c {
            d if d < 0 => 0,
            d if d < 10 => 1,
            d if d < 24 => 2,
            _ => 3,
        })
    }

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

/// One setting for every kind, or one per kind in `Kind::ALL` order.
fn per_kind(values: &[f64], ki: usize) -> Option<f64> {
    match values.len() {
        0 => None,
        1 => Some(values[0]),
        n => Some(values[ki.min(n - 1)]),
    }
}

/// The learning oracle's grid over a rung's difficulty: this many points, spanning this many
/// of the population's spreads either side of the engine's prior.
const LEARN_GRID: usize = 41;
const LEARN_SPAN: f64 = 4.0;
/// Day cells lighter than this share of the day are left out of an answer's likelihood (for
/// speed: together they weigh too little to move a posterior).
const LEARN_PRUNE: f64 = 1e-7;

/// The oracle of the person with one thing taken away: it does not know the rungs (a
/// diagnostic bound, not an engine: `SIM_LEARN_ORACLE=<risk>`, or seven risks, one per kind in
/// `Kind::ALL` order). It knows the usual capacity, the session lift, the person's curve and
/// how their check-in follows the day, exactly as `Run::largest_safe_at` does, and the
/// population's prior of each rung (the engine's prior difficulty, spread `rung_sd`). It learns
/// each rung's difficulty by exact Bayesian updating from that rung's own answers: a grid
/// posterior per (movement, rung); the likelihood of Done, or of Smaller please / Started, is
/// the person's true curve averaged over the day cells it reads for that day; Not now and
/// Something else say nothing (nor does a "bit more?" left untaken). It ignores that a ladder's
/// truths keep their order, that answers on one day share that day, and the breath's tie to
/// rung 0. It offers the largest rung whose posterior chance of being above capacity today (over
/// the rung's posterior and the day's cells) is at most `risk`: calibrated by construction.
/// `SIM_LEARN_BIT_MORE=<r2>`: after a Done, while the engine's day has room, it also asks
/// "a bit more?" about the next rung up of the same movement when that rung's posterior risk is
/// at most r2 (the person takes it as they take the engine's). `SIM_LEARN_CRASH=1`: it also
/// knows a sudden crash's days (`Run::day_cells`), as it knows a session's lift.
struct Learner {
    risk: f64,
    bit_more: Option<f64>,
    crash_known: bool,
    /// How far a person's rung truths stray from the engine's priors (sd, logits).
    spread: f64,
    /// Per (movement, rung): posterior weights on the grid (prior + spread·z).
    post: BTreeMap<(usize, u32), Vec<f64>>,
    /// Today's capacity as the learner reads it (computed once a day).
    today: Option<LearnDay>,
}

/// A day's capacity as the learning oracle reads it.
struct LearnDay {
    day: i64,
    /// (capacity, weight) cells sorted by capacity, the weights summing to 1.
    cells: Vec<(f64, f64)>,
    /// The weight below each cell (one more entry than cells).
    below: Vec<f64>,
    /// The cells an answer's likelihood reads (the light ones left out).
    heavy: Vec<(f64, f64)>,
}

impl Learner {
    /// The learner for kind `ki`, when `SIM_LEARN_ORACLE` is set.
    fn from_env(ki: usize) -> Option<Learner> {
        let spec = sim_env("SIM_LEARN_ORACLE")?;
        let risks: Vec<f64> = spec.split(',').filter_map(|x| x.parse().ok()).collect();
        let risk = per_kind(&risks, ki).unwrap_or(0.1);
        let bit_more: Vec<f64> = sim_env("SIM_LEARN_BIT_MORE")
            .unwrap_or("")
            .split(',')
            .filter_map(|x| x.parse().ok())
            .collect();
        Some(Learner {
            risk,
            bit_more: per_kind(&bit_more, ki),
            crash_known: sim_env("SIM_LEARN_CRASH").is_some(),
            spread: Population::from_env().rung_sd,
            post: BTreeMap::new(),
            today: None,
        })
    }

    /// Whether kind `ki` is run (`SIM_LEARN_KINDS=2,5`, with `SIM_LEARN_ONLY`: only those).
    fn runs_kind(ki: usize) -> bool {
        sim_env("SIM_LEARN_KINDS")
            .is_none_or(|v| v.split(',').any(|k| k.parse::<usize>() == Ok(ki)))
    }

    fn z(j: usize) -> f64 {
        -LEARN_SPAN + 2.0 * LEARN_SPAN * j as f64 / (LEARN_GRID - 1) as f64
    }

    fn prior() -> Vec<f64> {
        let w: Vec<f64> = (0..LEARN_GRID)
            .map(|j| (-0.5 * Learner::z(j).powi(2)).exp())
            .collect();
        let total: f64 = w.iter().sum();
        w.into_iter().map(|x| x / total).collect()
    }
}

/// A diagnostic's running sums per key: how many readings, and N figures summed over them.
#[derive(Clone, Copy)]
struct Sums<const N: usize> {
    n: u64,
    sum: [f64; N],
}

impl<const N: usize> Default for Sums<N> {
    fn default() -> Self {
        Sums {
            n: 0,
            sum: [0.0; N],
        }
    }
}

impl<const N: usize> Sums<N> {
    fn add(&mut self, figures: [f64; N]) {
        self.n += 1;
        for (s, f) in self.sum.iter_mut().zip(figures) {
            *s += f;
        }
    }

    fn merge(&mut self, other: &Self) {
        self.n += other.n;
        for (s, f) in self.sum.iter_mut().zip(other.sum) {
            *s += f;
        }
    }

    /// Each figure's mean over the readings (0 without any).
    fn means(&self) -> [f64; N] {
        let n = self.n.max(1) as f64;
        self.sum.map(|s| s / n)
    }
}

/// A diagnostic's sums per key over everyone in a row (`field`: where each person keeps them).
fn summed<const N: usize>(
    row: &Row,
    field: impl Fn(&Outcome) -> &BTreeMap<&'static str, Sums<N>>,
) -> BTreeMap<&'static str, Sums<N>> {
    let mut m: BTreeMap<&'static str, Sums<N>> = BTreeMap::new();
    for o in &row.outcomes {
        for (k, v) in field(o) {
            m.entry(k).or_default().merge(v);
        }
    }
    m
}

/// A keyed diagnostic, when `env` is set: for each kind, its name and `what`, then one `line`
/// per key of the sums everyone in its engine row kept in `field`.
fn print_keyed<const N: usize>(
    rows: &BTreeMap<(usize, usize), Row>,
    env: &str,
    field: impl Fn(&Outcome) -> &BTreeMap<&'static str, Sums<N>>,
    what: &str,
    line: impl Fn(&str, &Sums<N>) -> String,
) {
    if sim_env(env).is_none() {
        return;
    }
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        println!("{} ({what}):", kind.name());
        for (k, v) in &summed(&rows[&(ki, 0)], &field) {
            println!("{}", line(k, v));
        }
    }
}

/// A diagnostic's bands summed over everyone in a row (`field`: where each person keeps them):
/// per band, how many readings, their stated chance summed, and how many were beyond the person.
fn summed_bands<const N: usize>(
    row: &Row,
    field: impl Fn(&Outcome) -> &[(u64, f64, u64); N],
) -> [(u64, f64, u64); N] {
    let mut c = [(0u64, 0.0f64, 0u64); N];
    for o in &row.outcomes {
        for (b, x) in field(o).iter().enumerate() {
            c[b].0 += x.0;
            c[b].1 += x.1;
            c[b].2 += x.2;
        }
    }
    c
}

/// `SIM_BIAS` sums per key: the step's margin read − true, the day's shift read − true, the
/// prior alone − true, the prior's sd, the posterior's sd.
type BiasSums = Sums<5>;

/// `SIM_DRIFT` sums per key: the usual day's error, the act's offsets' error, their squared
/// moves between readings; the act's own difficulty against its prior; the square of what was
/// learned of the act, and its product with the truth it stands for; whether the step offered
/// was beyond the person (whether a smaller error makes the acts sized safer).
type DriftSums = Sums<8>;

/// `SIM_PAIRED` sums per key: the precision an answer adds to its rung's record read against
/// the whole spread of days, against what that day's earlier answers left of it, and against
/// a day known exactly; those two day variances; the record's squared error (its mean against
/// the true margin on a usual day) before the answer and after it under each of the three
/// readings; its signed error (read − true) before and after, read as the engine reads it.
type PairedSums = Sums<11>;

/// `SIM_RECORD` sums per key: the rung's margin as its record reads it − true, its square,
/// the variance the engine believes of it, the prior's error (the capacity model's and the
/// kind record's alone, − true) and its square, the record's precision, and the usual day's
/// part of the prior's error (read − true; the rest is the kind record's and the rung's own).
type RecordSums = Sums<7>;

/// `SIM_SHIFT` sums per key: at an answer that teaches a first minutes' or an act's own
/// record, the engine's reading of the day against its usual day (the shift the record reads
/// the answer against) − the true one, its square, the engine's shift, the true shift, and
/// the engine's usual day − the true usual day.
type ShiftSums = Sums<5>;

/// Per person, what happened.
#[derive(Default, Clone)]
struct Outcome {
    /// Steps shown that the person was asked to do (a bit more counts once taken).
    offers: u64,
    /// Done, Started and Smaller please: the answers that say how a step went.
    attempts: u64,
    done: u64,
    /// Offers whose true success that day was below `ABOVE`.
    above: u64,
    /// Offers whose true success that day was below `FEASIBLE` (bigger than what fits).
    above_feasible: u64,
    /// Seconds offered and the seconds of the largest feasible rung of the same movement,
    /// for steps sized for the day (not "a bit more?", not a rest day's tiny thing).
    offered_seconds: u64,
    feasible_seconds: u64,
    done_seconds: u64,
    /// Done seconds by the phase of a sudden crash (`SIM_CRASH_PHASES`): before it, its ten
    /// days, the two weeks after, later (everyone else's all in the first).
    done_by_phase: [u64; 4],
    /// Offers and offers above capacity by the same phases.
    offers_by_phase: [u64; 4],
    above_by_phase: [u64; 4],
    bit_more_shown: u64,
    bit_more_shown_above: u64,
    bit_more_taken: u64,
    bit_more_taken_above: u64,
    bit_more_seconds: u64,
    first_two_minutes: Option<i64>,
    longest_smallest: i64,
    /// The same, while the full act was within capacity (the audit's measure).
    longest_smallest_act: i64,
    /// The same, counting only days when the person's own answers also say more fits: they
    /// have done a step bigger than the smallest before (the issue's "while evidence says
    /// more fits").
    longest_smallest_evidence: i64,
    /// The same, leaving out the days the person's first check-in said their energy is low
    /// (such a day neither lengthens nor ends the stretch): on those days their own words say
    /// more does not fit today, and every step up is closed on purpose.
    longest_smallest_words: i64,
    /// Steps sized for the day (the denominator of the mean offered seconds).
    sized_offers: u64,
    /// Offered and feasible seconds in the three weeks after each session, and from day 90.
    window_offered: u64,
    window_feasible: u64,
    late_offered: u64,
    late_feasible: u64,
    /// Not now answers checked for lowering anything.
    not_now_checks: u64,
    /// Sized offers by (offered rung, largest feasible rung), 0 = the breath, 1 = rung 0, …
    /// (a diagnostic: `SIM_MATRIX=1`).
    matrix: [[u64; 6]; 6],
    /// Sized offers when the act was the largest feasible rung and was not offered, by what
    /// held the act back (a diagnostic: `SIM_ACTS=1`, see `held_back`), with those whose
    /// record risk was in each band; "offered" counts the act offered.
    acts: BTreeMap<String, u64>,
    /// Steps sized to the day against the oracle of the person's rung (a diagnostic,
    /// `SIM_VS_ORACLE`): per key, offers, the expected done-seconds the oracle's rung would add,
    /// and the sums of the engine's error in the day's shift and in the next rung's margin.
    vs_oracle: BTreeMap<String, (u64, f64, f64, f64)>,
    /// Offers and those above capacity, by what kind of offer they were (a diagnostic).
    by_why: BTreeMap<&'static str, (u64, u64)>,
    /// How far the engine's reading of each offered step sat from the truth (a diagnostic,
    /// `SIM_BIAS=1`), by kind of offer and kind of step: offers, the sum of the error in the
    /// step's margin on a usual day, and the sum of the error in the day's shift (logits;
    /// positive: read easier than it was).
    bias: BTreeMap<&'static str, BiasSums>,
    /// The prior error of an act without a record, split (a diagnostic, `SIM_DRIFT=1`): the
    /// usual day's (read − true) and the rest (the act's kind offset, its kind record and its
    /// rung offset, against the act's fixed truth), read for the act of every movement offered
    /// from and by what kind of offer the act itself was (see `DriftSums`).
    drift: BTreeMap<&'static str, DriftSums>,
    /// How right and how sure each first minutes' and act's own record is, read at every
    /// offer from its movement, by the day of the run and by its precision (a diagnostic,
    /// `SIM_RECORD=1`; see `RecordSums`).
    record: BTreeMap<&'static str, RecordSums>,
    /// How the day an answer is read against sits from the true day (a diagnostic,
    /// `SIM_SHIFT=1`; see `ShiftSums`).
    shift: BTreeMap<&'static str, ShiftSums>,
    /// The previous reading per movement (usual error, rest error), for `drift`.
    drift_prev: BTreeMap<usize, (f64, f64)>,
    /// How much each answer about size teaches its rung's own record, and how much it would
    /// under a better reading of its day (a diagnostic, `SIM_PAIRED=1`; see `PairedSums`).
    paired: BTreeMap<&'static str, PairedSums>,
    /// The engine's day and what its answers so far left unknown of it, for `paired`.
    paired_day: Option<(chrono::NaiveDate, f64)>,
    /// Calibration (a diagnostic): per tenth of predicted success, offers, the sum of their
    /// true success, and those above capacity.
    calibration: [(u64, f64, u64); 10],
    /// The records' calibration (a diagnostic, `SIM_RISK=1`): per bucket of the risk a rung's
    /// record put on the step offered (see `RISK_EDGES`), for offers the capacity model alone
    /// would not have made (predicted success below the target) and for the others: offers,
    /// the sum of their nominal risks, and those above capacity.
    risk_calib: [[(u64, f64, u64); RISK_EDGES.len() + 1]; 2],
    /// "A bit more?" on a rung without answers of its own (a diagnostic, `SIM_ANYCAL=1`): per
    /// reading (see `untried_reads`) and band of its stated risk (`ANY_EDGES`), the count, the
    /// sum of the stated risks, and those beyond the person; [0] after every Done whose next
    /// rung is untried, [1] where the engine asked.
    any_calib: [[[(u64, f64, u64); ANY_EDGES.len() + 1]; 5]; 2],
    /// How the engine reads the day (a diagnostic, `SIM_DAY=1`): per offer sized for the day,
    /// by the day's energy answer (Low, Some, Good, no check-in): offers, the sum of the true
    /// day (capacity less the usual day with any session lift), of the engine's (today's
    /// estimate less its usual day), and of the squared difference.
    day_read: [(u64, f64, f64, f64); 4],
    /// ... and of those, the ones above capacity.
    day_read_above: [u64; 4],
    /// At the end (a diagnostic): the engine's usual capacity less the person's, and its
    /// sharpness less theirs.
    final_error: (f64, f64),
    /// At the end (a diagnostic): how much of a check-in's lift the engine believes.
    final_gain: f64,
    /// The engine's learned day spread at the end (`SIM_FINAL`).
    final_spread: f64,
    crash_offers_to_fit: Option<u32>,
    session_days_to_two_minutes: Option<i64>,
    capable: bool,
    session_moving: bool,
    not_now_lowered: u64,
    smaller_not_smaller: u64,
    night_smaller_breaks: u64,
}

/// Upper edges of the buckets of nominal risk in the records' calibration table.
const RISK_EDGES: [f64; 7] = [0.005, 0.01, 0.02, 0.03, 0.05, 0.1, 0.2];
const ANY_EDGES: [f64; 7] = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];

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
    /// The last answer to each step (movement, rung), for a diagnostic (`SIM_WHY`).
    history: BTreeMap<(usize, Option<u32>), Response>,
    policy: Policy,
    model: Engine,
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
    smallest_act_run: i64,
    smallest_evidence_run: i64,
    smallest_words_run: i64,
    /// Today's first check-in said energy is low.
    said_low_today: bool,
    /// The last day the person did a step bigger than the smallest (any movement).
    last_bigger_done: Option<i64>,
    /// The previous offer today and its answer, for the Smaller please checks.
    previous: Option<(Offer, Response)>,
    pending: Option<Offer>,
    /// Today so far: every offer the smallest step; a bigger one within capacity; the act
    /// within capacity.
    day_smallest: (bool, bool, bool),
    /// Today's reasons the next rung up was held back on the smallest steps (`SIM_STAYS`).
    stay_reasons: Vec<&'static str>,
    trace: bool,
    /// When the offer being counted is shown (for `SIM_ACTS`).
    now: DateTime<FixedOffset>,
    /// The learning oracle's beliefs (`Policy::LearnOracle` only).
    learner: Option<Learner>,
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
            Policy::Engine | Policy::EngineBlind | Policy::OldEngine => return,
            Policy::Smallest => Some(0),
            Policy::Act => Some(last),
            Policy::Staircase => Some(self.staircase.min(last)),
            Policy::UsualOracle => {
                self.p
                    .largest_feasible(mi, self.usual_capacity(day), after_smaller)
            }
            Policy::CheckinOracle => self.largest_safe(mi, day, after_smaller),
            Policy::LearnOracle => self.learn_choose(mi, day, after_smaller),
            Policy::Oracle => self
                .p
                .largest_feasible(mi, self.capacity(day), after_smaller),
        };
        let diffs = self.model.difficulties(m);
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

    /// The oracle of the person: knows their usual capacity, session lift, rungs and curve,
    /// and reads the day only through the check-in (knowing exactly how this person's words
    /// follow the day). The largest rung whose chance of being above capacity today is at most
    /// `ORACLE_RISK`, among those within capacity on the day the check-in points to.
    fn largest_safe(&self, mi: usize, day: i64, below: Option<Option<u32>>) -> Option<u32> {
        self.largest_safe_at(mi, day, below, oracle_risk())
    }

    /// [`Run::largest_safe`] at a given risk.
    fn largest_safe_at(
        &self,
        mi: usize,
        day: i64,
        below: Option<Option<u32>>,
        risk_at: f64,
    ) -> Option<u32> {
        let cells = self.day_cells(day, false);
        let total: f64 = cells.iter().map(|c| c.1).sum();
        let m = &self.p.movements[mi];
        let allowed = |r: Option<u32>| below.is_none_or(|b| r < b);
        (0..m.rungs.len() as u32)
            .rev()
            .map(Some)
            .find(|r| {
                let d = self.p.rung_d(mi, *r);
                let risk: f64 = cells
                    .iter()
                    .filter(|(c, _)| self.p.true_p(*c, d) < ABOVE)
                    .map(|c| c.1)
                    .sum::<f64>()
                    / total;
                allowed(*r) && risk <= risk_at
            })
            .unwrap_or(None)
    }

    /// Today's capacity as the oracle of the person reads it: (capacity, weight) cells over
    /// the day's deviation and room, weighted by what the check-in says (knowing exactly how
    /// this person's words follow the day). With `crash_known`, a sudden crash's days are part
    /// of the usual day the oracle knows (its depth shifts both capacity and the words).
    fn day_cells(&self, day: i64, crash_known: bool) -> Vec<(f64, f64)> {
        let plan = &self.p.days[day as usize];
        let sd = self.p.day_sd;
        let crashed = crash_known && self.p.crash.is_some_and(|c| day >= c && day < c + 10);
        let crash = if crashed {
            -Population::from_env().crash_depth
        } else {
            0.0
        };
        let usual = self.p.usual(day) + self.lift + crash;
        // The day's deviation and room, on a grid, weighted by what the check-in says.
        let mut cells: Vec<(f64, f64)> = Vec::new();
        let rooms: Vec<(f64, f64)> = if plan.checks_in {
            vec![(room_effect(level_of(plan.room)), 1.0)]
        } else {
            // room = 0.2 + 0.8 z: low below −0.6, good above 0.5.
            let low = normal_cdf((-0.6 - 0.2) / 0.8);
            let good = 1.0 - normal_cdf((0.5 - 0.2) / 0.8);
            vec![(-0.3, low), (0.0, 1.0 - low - good), (0.15, good)]
        };
        let felt_shift = 0.6 * self.lift + self.p.checkin_level * self.p.usual(day) + crash;
        let level_p = |level: Level, m: f64, noise: f64| {
            let low = normal_cdf((-0.6 - m) / noise);
            let some = normal_cdf((0.5 - m) / noise);
            match level {
                Level::Low => low,
                Level::Some => some - low,
                Level::Good => 1.0 - some,
            }
        };
        let said = plan.checks_in.then(|| self.checkin(day, self.lift));
        for k in 0..81 {
            let dev = sd * (-4.0 + 8.0 * k as f64 / 80.0);
            let mut w = (-0.5 * (dev / sd).powi(2)).exp();
            if let Some(c) = said {
                let m = dev + felt_shift;
                w *= level_p(c.energy.unwrap_or(Level::Some), m, 0.4);
                w *= level_p(c.mood.unwrap_or(Level::Some), m, 0.6);
            }
            for (room, wr) in &rooms {
                cells.push((usual + dev + room, w * wr));
            }
        }
        cells
    }

    /// The learning oracle's day cells for `day` (computed once a day).
    fn learn_cells(&mut self, day: i64) {
        let Some(crash_known) = self.learner.as_ref().map(|l| l.crash_known) else {
            return;
        };
        if self
            .learner
            .as_ref()
            .and_then(|l| l.today.as_ref())
            .is_some_and(|t| t.day == day)
        {
            return;
        }
        let mut cells = self.day_cells(day, crash_known);
        let total: f64 = cells.iter().map(|c| c.1).sum();
        for c in &mut cells {
            c.1 /= total;
        }
        cells.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut below = Vec::with_capacity(cells.len() + 1);
        let mut acc = 0.0;
        below.push(0.0);
        for c in &cells {
            acc += c.1;
            below.push(acc);
        }
        let heavy = cells
            .iter()
            .copied()
            .filter(|c| c.1 >= LEARN_PRUNE)
            .collect();
        if let Some(l) = self.learner.as_mut() {
            l.today = Some(LearnDay {
                day,
                cells,
                below,
                heavy,
            });
        }
    }

    /// The learning oracle's chance that rung `i` of movement `mi` is above capacity today:
    /// over the rung's posterior and the day's cells.
    fn learn_risk(&mut self, mi: usize, i: u32, day: i64) -> f64 {
        self.learn_cells(day);
        let prior_d = self.p.movements[mi].rungs[i as usize].difficulty;
        let Some(l) = self.learner.as_ref() else {
            return 1.0;
        };
        let Some(LearnDay { cells, below, .. }) = l.today.as_ref() else {
            return 1.0;
        };
        let fresh;
        let post = match l.post.get(&(mi, i)) {
            Some(p) => p,
            None => {
                fresh = Learner::prior();
                &fresh
            }
        };
        post.iter()
            .enumerate()
            .map(|(j, w)| {
                let d = prior_d + l.spread * Learner::z(j);
                w * below[cells.partition_point(|c| c.0 < d)]
            })
            .sum()
    }

    /// The learning oracle's rung: the largest whose risk today is at most its risk (below the
    /// step just called too big, if any), or the breath.
    fn learn_choose(&mut self, mi: usize, day: i64, below: Option<Option<u32>>) -> Option<u32> {
        let risk_at = self.learner.as_ref().map_or(0.0, |l| l.risk);
        let allowed = |r: Option<u32>| below.is_none_or(|b| r < b);
        let n = self.p.movements[mi].rungs.len() as u32;
        (0..n)
            .rev()
            .find(|r| allowed(Some(*r)) && self.learn_risk(mi, *r, day) <= risk_at)
    }

    /// The learning oracle hears an answer about rung `i` of movement `mi` on `day`.
    fn learn_update(&mut self, mi: usize, i: u32, day: i64, done: bool) {
        self.learn_cells(day);
        let prior_d = self.p.movements[mi].rungs[i as usize].difficulty;
        let slope = self.p.slope;
        let Some(l) = self.learner.as_mut() else {
            return;
        };
        let Some(LearnDay { heavy, .. }) = l.today.as_ref() else {
            return;
        };
        let spread = l.spread;
        let post = l.post.entry((mi, i)).or_insert_with(Learner::prior);
        for (j, w) in post.iter_mut().enumerate() {
            let d = prior_d + spread * Learner::z(j);
            let p: f64 = heavy
                .iter()
                .map(|(c, wc)| wc * sigmoid(slope * (c - d)))
                .sum();
            *w *= if done { p } else { 1.0 - p };
        }
        let total: f64 = post.iter().sum();
        if total > 0.0 {
            for w in post.iter_mut() {
                *w /= total;
            }
        }
    }

    /// The learning oracle's "a bit more?" after a Done (`SIM_LEARN_BIT_MORE`): the next rung
    /// up of the same movement when its risk today is at most r2.
    fn learn_bit_more(&mut self, offer: &Offer, at: DateTime<FixedOffset>) -> Option<Offer> {
        let r2 = self.learner.as_ref()?.bit_more?;
        let mi = self.movement_index(offer);
        let next = offer.rung_index.map_or(0, |i| i + 1);
        let m = &self.p.movements[mi];
        let rung = m.rungs.get(next as usize)?;
        let day = (at - tz_time(0, 4, 0)).num_days();
        if self.learn_risk(mi, next, day) > r2 {
            return None;
        }
        let mut more = offer.clone();
        more.rung_index = Some(next);
        more.difficulty = self.model.difficulties(m)[next as usize];
        more.text = rung.text.clone();
        more.kind = rung.kind;
        more.size.seconds = rung.seconds;
        more.stretch = false;
        more.bit_more = true;
        Some(more)
    }

    /// The act was the largest feasible rung of a sized offer: what the engine offered, and if
    /// not the act, what held it back (`SIM_ACTS=1`).
    fn count_act(&mut self, offer: &Offer, mi: usize, act: u32) {
        let Engine::Now(model) = &self.model else {
            return;
        };
        if offer.rung_index == Some(act) {
            *self.out.acts.entry("offered the act".into()).or_default() += 1;
            return;
        }
        let (why, risk, predicted) =
            held_back(model, &self.p.movements[mi], self.now, act as usize);
        let why = why.unwrap_or("would fit (not a fresh pick)");
        // (The risk read for a rung with no record to speak of is 0.15 exactly.)
        let band = match risk {
            r if (r - 0.15).abs() < 1e-12 => "none",
            r if r <= 0.05 => "at most 5 %",
            r if r <= 0.10 => "5–10 %",
            r if r <= 0.20 => "10–20 %",
            _ => "over 20 %",
        };
        let predicted = (predicted * 10.0).floor() / 10.0;
        for key in [
            why.to_string(),
            format!("  {why}: record risk {band}"),
            format!("  {why}: predicted {predicted:.1}"),
        ] {
            *self.out.acts.entry(key).or_default() += 1;
        }
    }

    /// `SIM_ANYCAL`: after a Done on `offer`, how each reading of the next rung up (when it has
    /// no answers of its own) stated its risk, against whether it was beyond the person.
    fn tally_untried(&mut self, offer: &Offer, day: i64, at: DateTime<FixedOffset>, set: usize) {
        let Engine::Now(model) = &self.model else {
            return;
        };
        let mi = self.movement_index(offer);
        let next = offer.rung_index.map_or(0, |i| i as usize + 1);
        let Some(reads) = untried_reads(model, &self.p.movements[mi], at, next) else {
            return;
        };
        let p_true = self
            .p
            .true_p(self.capacity(day), self.p.rung_d(mi, Some(next as u32)));
        for (k, r) in reads.iter().enumerate() {
            let b = ANY_EDGES.iter().take_while(|e| *r > **e).count();
            let c = &mut self.out.any_calib[set][k][b];
            c.0 += 1;
            c.1 += r;
            c.2 += u64::from(p_true < ABOVE);
        }
    }

    /// Counts an offer that is about to be shown. A bit more and a rest day's tiny thing count
    /// for safety (above capacity) but not for sizing (offered against feasible seconds).
    fn count_offer(
        &mut self,
        offer: &Offer,
        day: i64,
        sized: bool,
        at: DateTime<FixedOffset>,
    ) -> f64 {
        let mi = self.movement_index(offer);
        let capacity = self.capacity(day);
        let p_true = self.p.true_p(capacity, self.p.rung_d(mi, offer.rung_index));
        if let Engine::Now(model) = &self.model {
            // SIM_DAY=from,to: only those days (how fast the check-in's meaning is learned).
            let in_days = sim_env("SIM_DAY").is_some_and(|v| {
                let mut it = v.split(',').filter_map(|x| x.parse::<i64>().ok());
                match (it.next(), it.next()) {
                    (Some(from), Some(to)) => (from..to).contains(&day),
                    _ => true,
                }
            });
            if sized && !offer.bit_more && in_days {
                let c = model.capacity_at(at);
                let engine_day = c.today - c.usual;
                let true_day = capacity - self.usual_capacity(day);
                let b = match model.checkin_at(at).and_then(|c| c.energy) {
                    Some(Level::Low) => 0,
                    Some(Level::Some) => 1,
                    Some(Level::Good) => 2,
                    None => 3,
                };
                let x = &mut self.out.day_read[b];
                x.0 += 1;
                x.1 += true_day;
                x.2 += engine_day;
                x.3 += (true_day - engine_day).powi(2);
                self.out.day_read_above[b] += u64::from(p_true < ABOVE);
            }
        }
        if let (Engine::Now(model), Some(i)) = (&self.model, offer.rung_index) {
            if sized && !offer.bit_more && sim_env("SIM_RISK").is_some() {
                let risks = record_risks(model, &self.p.movements[mi], at);
                if let Some(r) = risks.get(i as usize).copied().flatten() {
                    let b = RISK_EDGES.iter().take_while(|e| r > **e).count();
                    let by_record = usize::from(offer.predicted_success < TARGET_SUCCESS);
                    let c = &mut self.out.risk_calib[by_record][b];
                    c.0 += 1;
                    c.1 += r;
                    c.2 += u64::from(p_true < ABOVE);
                }
            }
        }
        let seconds = self.p.seconds(mi, offer.rung_index);
        self.out.offers += 1;
        let phase = self.p.crash_phase((at - tz_time(0, 4, 0)).num_days());
        self.out.offers_by_phase[phase] += 1;
        if p_true < ABOVE {
            self.out.above_by_phase[phase] += 1;
        }
        let after_smaller = self
            .previous
            .as_ref()
            .is_some_and(|(_, r)| *r == Response::SmallerPlease);
        let why = if offer.bit_more {
            "bit more"
        } else if !sized {
            "tiny (rest day)"
        } else if offer.stretch {
            "growth"
        } else if after_smaller {
            "after smaller"
        } else if offer.rung_index.is_none() {
            "breath"
        } else {
            "sized"
        };
        let why = if day < 7 && sim_env("SIM_WHY_WEEK").is_some() {
            match why {
                "sized" => "sized, first week",
                "growth" => "growth, first week",
                other => other,
            }
        } else {
            why
        };
        // SIM_WHY_LEVEL=1: the same counts, by the day's energy answer too.
        let why: &'static str = match (&self.model, sim_env("SIM_WHY_LEVEL").is_some()) {
            (Engine::Now(model), true) => {
                let level = match model.checkin_at(at).and_then(|c| c.energy) {
                    Some(Level::Low) => "Low",
                    Some(Level::Some) => "Some",
                    Some(Level::Good) => "Good",
                    None => "none",
                };
                Box::leak(format!("{why} ({level})").into_boxed_str())
            }
            _ => why,
        };
        // SIM_CRASH_PHASES=2: the same counts by the sudden crash's phase (where its offers
        // above capacity come from in its ten days and after).
        let why: &'static str = if sim_env("SIM_CRASH_PHASES") == Some("2") {
            const PHASES: [&str; 4] = ["before", "ten days", "two weeks after", "later"];
            Box::leak(format!("{why} [{}]", PHASES[phase]).into_boxed_str())
        } else {
            why
        };
        let b = ((offer.predicted_success * 10.0) as usize).min(9);
        self.out.calibration[b].0 += 1;
        self.out.calibration[b].1 += p_true;
        if p_true < ABOVE {
            self.out.calibration[b].2 += 1;
        }
        if why == "sized" && sim_env("SIM_WHY_WEEK").is_some() {
            let seen = match self.history.get(&(mi, offer.rung_index)) {
                None => "sized: a step never answered",
                Some(Response::Done) => "sized: last time done",
                Some(Response::SmallerPlease | Response::Started) => "sized: last time too big",
                Some(_) => "sized: last time not now or something else",
            };
            let e = self.out.by_why.entry(seen).or_default();
            e.0 += 1;
            if p_true < ABOVE {
                e.1 += 1;
            }
        }
        // SIM_WHY_RUNG=1: the same counts split by the rung offered (a diagnostic).
        if sim_env("SIM_WHY_RUNG").is_some() {
            let rung = offer.rung_index.map_or(9, |i| i.min(3));
            let key = match (why, rung) {
                ("growth", 0) => "growth, rung 0",
                ("growth", 1) => "growth, rung 1",
                ("growth", 2) => "growth, rung 2",
                ("growth", 3) => "growth, rung 3",
                ("bit more", 1) => "bit more, rung 1",
                ("bit more", 2) => "bit more, rung 2",
                ("bit more", 3) => "bit more, rung 3",
                ("sized", 0) => "sized, rung 0",
                ("sized", 1) => "sized, rung 1",
                ("sized", 2) => "sized, rung 2",
                ("sized", 3) => "sized, rung 3",
                _ => "other",
            };
            let e = self.out.by_why.entry(key).or_default();
            e.0 += 1;
            if p_true < ABOVE {
                e.1 += 1;
            }
        }
        let e = self.out.by_why.entry(why).or_default();
        e.0 += 1;
        if p_true < ABOVE {
            e.1 += 1;
        }
        if sim_env("SIM_WHY_RUNG").is_some() {
            // (By rung: which steps the offers above capacity were.)
            const RUNGS: [&str; 5] = ["the breath", "rung 0", "rung 1", "rung 2", "rung 3"];
            let r = offer.rung_index.map_or(0, |i| (i as usize + 1).min(4));
            let key: &'static str = match (why, r) {
                ("sized", r) => [
                    "sized: the breath",
                    "sized: rung 0",
                    "sized: rung 1",
                    "sized: rung 2",
                    "sized: rung 3",
                ][r],
                ("bit more", r) => [
                    "bit more: the breath",
                    "bit more: rung 0",
                    "bit more: rung 1",
                    "bit more: rung 2",
                    "bit more: rung 3",
                ][r],
                ("growth", r) => [
                    "growth: the breath",
                    "growth: rung 0",
                    "growth: rung 1",
                    "growth: rung 2",
                    "growth: rung 3",
                ][r],
                _ => RUNGS[r],
            };
            if key.contains(':') {
                let e = self.out.by_why.entry(key).or_default();
                e.0 += 1;
                if p_true < ABOVE {
                    e.1 += 1;
                }
            }
        }
        if p_true < FEASIBLE {
            self.out.above_feasible += 1;
        }
        if p_true < ABOVE {
            self.out.above += 1;
            if offer.bit_more {
                self.out.bit_more_taken_above += 1;
            }
        }
        let last = self.p.movements[mi].rungs.len() as u32 - 1;
        // SIM_BIAS=1: every step offered, the engine's reading of it against the truth, split
        // into the step's margin on a usual day and the day's shift from the usual day.
        if let (Engine::Now(model), Some(i), true) =
            (&self.model, offer.rung_index, sim_env("SIM_BIAS").is_some())
        {
            let c = model.capacity_at(at);
            let read_shift = c.today - c.usual;
            let (today_mean, _) = margin_today(model, &self.p.movements[mi], at, i as usize);
            let read_margin = today_mean - read_shift;
            let true_margin = self.usual_capacity(day) - self.p.rung_d(mi, Some(i));
            let true_shift = capacity - self.usual_capacity(day);
            let kinds = ["internal", "preparation", "first minutes", "the act"];
            let kind = kinds[self.p.movements[mi].rungs[i as usize].kind as usize];
            let parts = margin_parts(model, &self.p.movements[mi], i as usize);
            let record = match parts[4] {
                p if p < 0.5 => "no record",
                p if p < 2.0 => "record < 2",
                _ => "record ≥ 2",
            };
            let prior_err = parts[0] - true_margin;
            for key in [
                format!("{why} / {kind}"),
                format!("{why} / {kind} / {record}"),
            ] {
                let key: &'static str = Box::leak(key.into_boxed_str());
                self.out.bias.entry(key).or_default().add([
                    read_margin - true_margin,
                    read_shift - true_shift,
                    prior_err,
                    parts[1].sqrt(),
                    parts[3].sqrt(),
                ]);
            }
        }
        // SIM_RECORD=1: the first minutes' and the act's own records, read at every offer from
        // their movement: how far the margin they give sits from the truth as the days pass and
        // as they grow surer, against the variance the engine believes of them.
        if let (Engine::Now(model), true) = (&self.model, sim_env("SIM_RECORD").is_some()) {
            let mv = &self.p.movements[mi];
            for (ri, rung) in mv.rungs.iter().enumerate() {
                let kind = match rung.kind {
                    RungKind::FirstMinutes => "first minutes",
                    RungKind::Act => "the act",
                    _ => continue,
                };
                let parts = margin_parts(model, mv, ri);
                if parts[4] < 0.1 {
                    continue;
                }
                let true_margin = self.usual_capacity(day) - self.p.rung_d(mi, Some(ri as u32));
                let err = parts[2] - true_margin;
                let prior_err = parts[0] - true_margin;
                let usual_err = model.capacity_at(at).usual - self.usual_capacity(day);
                let days = ["days 0–29", "days 30–59", "days 60–89", "days 90–119"]
                    [(day / 30).clamp(0, 3) as usize];
                let sure = match parts[4] {
                    p if p < 0.5 => "precision < 0.5",
                    p if p < 2.0 => "precision 0.5–2",
                    p if p < 6.0 => "precision 2–6",
                    _ => "precision ≥ 6",
                };
                for key in [format!("{kind} / {days}"), format!("{kind} / {sure}")] {
                    let key: &'static str = Box::leak(key.into_boxed_str());
                    self.out.record.entry(key).or_default().add([
                        err,
                        err * err,
                        parts[3],
                        prior_err,
                        prior_err * prior_err,
                        parts[4],
                        usual_err,
                    ]);
                }
            }
        }
        // SIM_DRIFT=1: the act's prior error in parts, read at every offer from its movement:
        // which part moves more than the truth (fixed per person and rung), and which part's
        // error is larger on the acts the engine sizes than on all acts.
        if let (Engine::Now(model), true) = (&self.model, sim_env("SIM_DRIFT").is_some()) {
            let mv = &self.p.movements[mi];
            let li = mv.rungs.len() - 1;
            let c = model.capacity_at(at);
            let usual_err = c.usual - self.usual_capacity(day);
            let parts = margin_parts(model, mv, li);
            if parts[4] < 0.5 {
                let true_margin = self.usual_capacity(day) - self.p.rung_d(mi, Some(li as u32));
                let rest_err = parts[0] - true_margin - usual_err;
                // The part of it that is the person's own act, fixed, which no offset learned
                // from other steps can know: how far its true difficulty sits from the prior.
                let own = self.p.rung_d(mi, Some(li as u32)) - mv.rungs[li].difficulty;
                let (du, dr) = match self.out.drift_prev.insert(mi, (usual_err, rest_err)) {
                    Some((u, r)) => ((usual_err - u).powi(2), (rest_err - r).powi(2)),
                    None => (0.0, 0.0),
                };
                let mut keys = vec!["every act offered from"];
                if offer.rung_index == Some(li as u32) {
                    let key: &'static str = Box::leak(format!("{why} / the act").into_boxed_str());
                    keys.push(key);
                }
                let learned = rest_err - own;
                for key in keys {
                    self.out.drift.entry(key).or_default().add([
                        usual_err,
                        rest_err,
                        du,
                        dr,
                        own,
                        learned * learned,
                        -own * learned,
                        f64::from(u8::from(p_true < ABOVE)),
                    ]);
                }
            }
        }
        // SIM_ACT_DAY=1: every act offered (sized, growth or "a bit more?"), by how the engine
        // read the day (its estimate above or below the usual day, logits) and by the day's
        // energy answer, with how often it was beyond the person: which acts spend the room.
        if let (Engine::Now(model), true) = (
            &self.model,
            offer.rung_index == Some(last) && sim_env("SIM_ACT_DAY").is_some(),
        ) {
            let c = model.capacity_at(at);
            let read = c.today - c.usual;
            let true_day = capacity - self.usual_capacity(day);
            let bucket = |x: f64| match x {
                x if x < -0.25 => "below",
                x if x < 0.25 => "usual",
                x if x < 0.75 => "+0.25..0.75",
                _ => "above +0.75",
            };
            let level = match model.checkin_at(at).and_then(|c| c.energy) {
                Some(Level::Low) => "Low",
                Some(Level::Some) => "Some",
                Some(Level::Good) => "Good",
                None => "none",
            };
            let risk_band = |r: f64| match r {
                r if r <= 0.05 => "≤5%",
                r if r <= 0.10 => "5–10%",
                r if r <= 0.15 => "10–15%",
                r if r <= 0.20 => "15–20%",
                r if r <= 0.30 => "20–30%",
                _ => ">30%",
            };
            for key in [
                format!("act {why}: read {}", bucket(read)),
                format!("act {why}: energy {level}"),
                format!(
                    "act {why}: read {} / true {}",
                    bucket(read),
                    bucket(true_day)
                ),
                format!(
                    "act {why}: margin risk {}",
                    risk_band(margin_risk(model, &self.p.movements[mi], at, last as usize))
                ),
                format!(
                    "act {why}: read {}, margin risk {}",
                    bucket(read),
                    risk_band(margin_risk(model, &self.p.movements[mi], at, last as usize))
                ),
            ] {
                let key: &'static str = Box::leak(key.into_boxed_str());
                let e = self.out.by_why.entry(key).or_default();
                e.0 += 1;
                e.1 += u64::from(p_true < ABOVE);
            }
        }
        if why == "sized" && sim_env("SIM_ACTS").is_some() {
            // Every step sized to the day: which part of the engine sized it, and how often it
            // was above capacity.
            if let (Engine::Now(model), Some(i)) = (&self.model, offer.rung_index) {
                let (_, _, predicted) =
                    held_back(model, &self.p.movements[mi], self.now, i as usize);
                let step = if i == last {
                    "an act".to_string()
                } else {
                    format!("rung {i}")
                };
                let by = if predicted >= TARGET_SUCCESS {
                    "the capacity model"
                } else {
                    "its record"
                };
                let above = if p_true < ABOVE {
                    ", above capacity"
                } else {
                    ""
                };
                *self
                    .out
                    .acts
                    .entry(format!("~ {step} sized by {by}{above}"))
                    .or_default() += 1;
            }
        }
        if sized && !offer.bit_more {
            if offer.rung_index.is_some_and(|i| i > 0) {
                self.day_smallest.0 = false;
            }
            let feasible = self.p.largest_feasible(mi, capacity, None);
            if feasible.is_some_and(|i| i > 0) {
                self.day_smallest.1 = true;
                // SIM_STAYS=1: on the smallest step while a bigger one fits, what held the step
                // up back (the rung's own rules, and the step up from the bottom).
                if let (Engine::Now(model), Some(0)) = (&self.model, offer.rung_index) {
                    if sim_env("SIM_STAYS").is_some() {
                        let m = &self.p.movements[mi];
                        let (held, _, _) = held_back(model, m, at, 1);
                        let bottom = bottom_held(model, m, at).unwrap_or("would fire");
                        let key =
                            format!("stay: held {} | bottom {bottom}", held.unwrap_or("fits"));
                        self.stay_reasons.push(Box::leak(key.into_boxed_str()));
                    }
                }
            }
            let act = self.p.movements[mi].rungs.len() as u32 - 1;
            if feasible == Some(act) && act > 0 {
                self.day_smallest.2 = true;
                if why == "sized" && sim_env("SIM_ACTS").is_some() {
                    self.count_act(offer, mi, act);
                }
            }
            self.out.sized_offers += 1;
            let cell = |r: Option<u32>| r.map_or(0, |i| (i as usize + 1).min(5));
            self.out.matrix[cell(offer.rung_index)][cell(feasible)] += 1;
            // SIM_HELD=1: on a fresh pick below the largest feasible rung, which of the
            // engine's rules held the next rung up back.
            if let (Engine::Now(model), true) = (&self.model, why == "sized") {
                if sim_env("SIM_HELD").is_some() {
                    let next = offer.rung_index.map_or(0, |i| i as usize + 1);
                    if feasible.is_some_and(|f| f as usize >= next) {
                        let kinds = ["internal", "preparation", "first minutes", "the act"];
                        let kind = self.p.movements[mi].rungs[next].kind as usize;
                        let (reason, risk, _) = held_back(model, &self.p.movements[mi], at, next);
                        let reason = reason.unwrap_or("fits (chosen elsewhere?)");
                        // SIM_HELD=3: how far the engine's reading of its margin today sits
                        // from the true one (logits), in buckets.
                        let bucket = if sim_env("SIM_HELD") == Some("3") {
                            let (mean, _) = margin_today(model, &self.p.movements[mi], at, next);
                            let truth = self.capacity(day) - self.p.rung_d(mi, Some(next as u32));
                            let b = [-1.0, -0.5, 0.0, 0.5, f64::INFINITY]
                                .iter()
                                .position(|b| mean - truth < *b)
                                .unwrap_or(4);
                            [
                                "read < -1",
                                "read -1..-0.5",
                                "read -0.5..0",
                                "read 0..0.5",
                                "read > 0.5",
                            ][b]
                        } else if sim_env("SIM_HELD") == Some("2") {
                            let b = [0.02, 0.05, 0.1, 0.2, 0.4, 1.01]
                                .iter()
                                .position(|b| risk < *b)
                                .unwrap_or(5);
                            ["<2%", "2-5%", "5-10%", "10-20%", "20-40%", ">40%"][b]
                        } else {
                            ""
                        };
                        let key: &'static str = Box::leak(
                            format!("held {}: {reason} {bucket}", kinds[kind]).into_boxed_str(),
                        );
                        let e = self.out.by_why.entry(key).or_default();
                        e.0 += 1;
                    }
                }
            }
            // SIM_VS_ORACLE=<risk> (1: 0.1): at every step sized to the day, the rung the oracle
            // of the person would offer at that risk (`largest_safe`, same movement, same day)
            // against the engine's, and where the engine is lower, which rule held its next rung
            // back (`held_back`), the expected done-seconds the difference costs (the oracle's
            // rung's seconds times its true chance, less the engine's), and how the engine read
            // the day and the next rung's margin against the truth (best with `SIM_TRUE_RUNGS=1`).
            if let (Engine::Now(model), Some(v)) = (&self.model, sim_env("SIM_VS_ORACLE")) {
                let risk = match v.parse::<f64>() {
                    Ok(r) if r < 1.0 => r,
                    _ => 0.1,
                };
                let below = self
                    .previous
                    .as_ref()
                    .filter(|(_, r)| *r == Response::SmallerPlease)
                    .map(|(o, _)| o.rung_index);
                let oracle = self.largest_safe_at(mi, day, below, risk);
                let expected = |r: Option<u32>| {
                    f64::from(self.p.seconds(mi, r)) * self.p.true_p(capacity, self.p.rung_d(mi, r))
                };
                let gain = expected(oracle) - expected(offer.rung_index);
                let rank = |r: Option<u32>| r.map_or(0, |i| i + 1);
                let c = model.capacity_at(at);
                let day_err = (c.today - c.usual) - (capacity - self.usual_capacity(day));
                let m = &self.p.movements[mi];
                let (cmp, detail, margin_err) = match rank(offer.rung_index).cmp(&rank(oracle)) {
                    std::cmp::Ordering::Equal => ("same".to_string(), None, 0.0),
                    std::cmp::Ordering::Greater => ("engine higher".to_string(), None, 0.0),
                    std::cmp::Ordering::Less => {
                        let next = offer.rung_index.map_or(0, |i| i as usize + 1);
                        let (reason, _, _) = held_back(model, m, at, next);
                        let (mean, _) = margin_today(model, m, at, next);
                        let truth = capacity - self.p.rung_d(mi, Some(next as u32));
                        let kinds = ["internal", "preparation", "first minutes", "the act"];
                        let to = if oracle.is_some_and(|o| o as usize == m.rungs.len() - 1) {
                            "act"
                        } else {
                            "below act"
                        };
                        (
                            format!("engine lower ({why})"),
                            Some(format!(
                                "  {why}, next {} (oracle: {to}): {}",
                                kinds[m.rungs[next].kind as usize],
                                reason.unwrap_or("fits by its rules")
                            )),
                            mean - truth,
                        )
                    }
                };
                for key in std::iter::once(cmp).chain(detail) {
                    let e = self.out.vs_oracle.entry(key).or_default();
                    e.0 += 1;
                    e.1 += gain;
                    e.2 += day_err;
                    e.3 += margin_err;
                }
            }
            let fs = u64::from(self.p.seconds(mi, feasible));
            if self.p.sessions.iter().any(|s| (*s..*s + 21).contains(&day)) {
                self.out.window_offered += u64::from(seconds);
                self.out.window_feasible += fs;
            }
            if day >= 90 {
                self.out.late_offered += u64::from(seconds);
                self.out.late_feasible += fs;
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
        self.model.apply(at, kind);
    }

    /// Records the answer to the offer on screen, and what it did.
    fn reply(&mut self, offer: &Offer, response: Response, at: DateTime<FixedOffset>) {
        if sim_env("SIM_PAIRED").is_some() {
            self.paired(offer, response, at);
        }
        if sim_env("SIM_SHIFT").is_some() {
            self.shift(offer, response, at);
        }
        let before = self.model.capacity(at);
        self.apply(at, EventKind::Replied(Reply::plain(response)));
        if response == Response::NotNow {
            self.out.not_now_checks += 1;
            let after = self.model.capacity(at);
            if after.0 < before.0 || after.1 < before.1 {
                self.out.not_now_lowered += 1;
            }
        }
        let mi = self.movement_index(offer);
        if let (true, Some(i)) = (self.learner.is_some(), offer.rung_index) {
            let done = match response {
                Response::Done => Some(true),
                Response::SmallerPlease | Response::Started => Some(false),
                Response::NotNow | Response::SomethingElse => None,
            };
            if let Some(done) = done {
                self.learn_update(mi, i, (at - tz_time(0, 4, 0)).num_days(), done);
            }
        }
        let taken = matches!(response, Response::Done | Response::Started);
        if offer.bit_more && !taken {
            return; // not this time
        }
        self.previous = Some((offer.clone(), response));
        self.history.insert((mi, offer.rung_index), response);
        if taken || response == Response::SmallerPlease {
            self.out.attempts += 1;
        }
        if response == Response::Done {
            if offer.rung_index.is_some_and(|i| i > 0) {
                self.last_bigger_done = Some((at - tz_time(0, 4, 0)).num_days());
            }
            self.out.done += 1;
            let seconds = u64::from(self.p.seconds(mi, offer.rung_index));
            self.out.done_seconds += seconds;
            let phase = self.p.crash_phase((at - tz_time(0, 4, 0)).num_days());
            self.out.done_by_phase[phase] += seconds;
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

    /// SIM_SHIFT=1: before an answer that teaches a first minutes' or an act's own record is
    /// applied, how far the day the engine reads it against (today's capacity − the usual
    /// day: the record's `shift`) sits from the true one. A day read lower than it is credits
    /// a Done to the rung (the record reads the step easier than it is), one read higher
    /// blames a "too big" on it.
    fn shift(&mut self, offer: &Offer, response: Response, at: DateTime<FixedOffset>) {
        let Engine::Now(model) = &self.model else {
            return;
        };
        let kind = match offer.kind {
            RungKind::FirstMinutes => "first minutes",
            RungKind::Act => "the act",
            _ => return,
        };
        let answer = match response {
            Response::Done => "Done",
            Response::Started => "Started",
            Response::SmallerPlease if !offer.bit_more => "Smaller please",
            _ => return,
        };
        if offer.rung_index.is_none() {
            return;
        }
        let day = (at - tz_time(0, 4, 0)).num_days();
        let c = model.capacity_at(at);
        let engine = c.today - c.usual;
        let truth = self.capacity(day) - self.usual_capacity(day);
        let usual_err = c.usual - self.usual_capacity(day);
        let how = if offer.bit_more {
            "a bit more"
        } else {
            "offered"
        };
        let seen = if model.checkin_at(at).is_some() {
            "checked in"
        } else {
            "no check-in"
        };
        for key in [
            format!("{kind} / all"),
            format!("{kind} / {how} / {answer}"),
            format!("{kind} / {seen}"),
        ] {
            let key: &'static str = Box::leak(key.into_boxed_str());
            self.out.shift.entry(key).or_default().add([
                engine - truth,
                (engine - truth).powi(2),
                engine,
                truth,
                usual_err,
            ]);
        }
    }

    /// SIM_PAIRED=1: before an answer about size is applied, how much it teaches its rung's
    /// own record read as the engine reads it (the day as unsure as its whole spread), read
    /// against what the same day's earlier answers left unknown of the day (an act tried
    /// through "a bit more?" right after its first minutes were done shares its day with that
    /// Done: the paired reading), and read on a day known exactly (the most any reading of the
    /// day could give); with the record's error against the true margin after each.
    fn paired(&mut self, offer: &Offer, response: Response, at: DateTime<FixedOffset>) {
        let (Engine::Now(model), Some(i)) = (&self.model, offer.rung_index) else {
            return;
        };
        let r = match response {
            Response::Done => 1.0,
            Response::Started => 0.5,
            Response::SmallerPlease => 0.0,
            Response::NotNow | Response::SomethingElse => return,
        };
        let mi = self.movement_index(offer);
        let m = &self.p.movements[mi];
        let i = i as usize;
        let day = (at - tz_time(0, 4, 0)).num_days();
        let truth = self.usual_capacity(day) - self.p.rung_d(mi, Some(i as u32));
        let whole = day_spread(model);
        let today = day_of(at);
        let left = match self.out.paired_day {
            Some((d, v)) if d == today => v,
            _ => whole,
        };
        let before = margin_parts(model, m, i)[2];
        let (g_whole, m_whole) = record_gain(model, m, i, r, whole);
        let (g_read, m_read) = record_gain(model, m, i, r, left);
        let (g_known, m_known) = record_gain(model, m, i, r, 0.0);
        self.out.paired_day = Some((today, day_left(model, m, i, r, left)));
        let kinds = ["internal", "preparation", "first minutes", "the act"];
        let kind = kinds[m.rungs[i].kind as usize];
        let how = if offer.bit_more {
            "a bit more (after a Done below, same day)"
        } else {
            "sized"
        };
        let swing = if whole > 0.5 {
            "days swing"
        } else {
            "steadier days"
        };
        let answer = match response {
            Response::Done => "Done",
            _ => "too big",
        };
        let e2 = |x: f64| (x - truth).powi(2);
        for key in [
            format!("{kind} / {how} / {swing}"),
            format!("{kind} / {how} / {swing} / {answer}"),
        ] {
            let key: &'static str = Box::leak(key.into_boxed_str());
            self.out.paired.entry(key).or_default().add([
                g_whole,
                g_read,
                g_known,
                whole,
                left,
                e2(before),
                e2(m_whole),
                e2(m_read),
                e2(m_known),
                before - truth,
                m_whole - truth,
            ]);
        }
    }

    /// One ask: an offer, its answer, and what the engine answers back, until nothing follows.
    fn ask(&mut self, day: i64, at: DateTime<FixedOffset>) {
        let mut at = at;
        let mut next: Option<Offer> = None;
        for _ in 0..8 {
            let mut offer = match next.take() {
                Some(o) => o,
                None => match self.model.decide(self.p, at) {
                    Decision::Offer(o) => o,
                    Decision::Rest { .. } => {
                        // "I have a moment" anyway, now and then: a tiny thing, for everyone.
                        if self.answers.next_f64() >= MOMENT_RATE {
                            return;
                        }
                        self.apply(at, EventKind::Moment);
                        match self.model.moment(self.p, at) {
                            Decision::Offer(o) => {
                                self.show_and_answer(o, day, &mut at, false);
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
            match self.show_and_answer(offer, day, &mut at, true) {
                Some(o) => next = Some(o),
                None => return,
            }
        }
    }

    /// Shows an offer, answers it, and returns what the engine offers next at once, if anything
    /// (a smaller one, something else, or a bit more the person takes).
    /// (`sized`: false for a rest day's tiny thing, which is not sized to the day.)
    fn show_and_answer(
        &mut self,
        offer: Offer,
        day: i64,
        at: &mut DateTime<FixedOffset>,
        sized: bool,
    ) -> Option<Offer> {
        if offer.bit_more {
            // "A bit more?" is a quiet question after a Done: it becomes an offer only when the
            // person takes it, which they do when they feel able (or, in the blind variant, at
            // random, to show what happens if that feeling were no guide at all).
            let mi = self.movement_index(&offer);
            let p_true = self
                .p
                .true_p(self.capacity(day), self.p.rung_d(mi, offer.rung_index));
            if sim_env("SIM_ANYCAL").is_some() {
                if let Some(i) = offer.rung_index.and_then(|i| (i as usize).checked_sub(1)) {
                    let mut below = offer.clone();
                    below.rung_index = Some(i as u32);
                    self.tally_untried(&below, day, *at, 1);
                }
            }
            self.out.bit_more_shown += 1;
            if p_true < ABOVE {
                self.out.bit_more_shown_above += 1;
            }
            let take = match self.policy {
                Policy::EngineBlind => BLIND_TAKE,
                Policy::LearnOracle if sim_env("SIM_LEARN_BLIND").is_some() => BLIND_TAKE,
                _ => BIT_MORE_TAKE * p_true,
            };
            if self.answers.next_f64() >= take {
                return None;
            }
            self.out.bit_more_taken += 1;
        }
        self.now = *at;
        // In a trace, on a sized step below the top: what held the next rung up back, and its
        // true chance (before the offer changes the model).
        let held_next = match (&self.model, self.trace && sized && !offer.bit_more) {
            (Engine::Now(model), true) => {
                let mi = self.movement_index(&offer);
                let next = offer.rung_index.map_or(0, |i| i as usize + 1);
                (next < self.p.movements[mi].rungs.len()).then(|| {
                    let (why, risk, pred) = held_back(model, &self.p.movements[mi], *at, next);
                    let truth = self
                        .p
                        .true_p(self.capacity(day), self.p.rung_d(mi, Some(next as u32)));
                    let bottom = if next == 1 {
                        bottom_held(model, &self.p.movements[mi], *at).unwrap_or("would fire")
                    } else {
                        "-"
                    };
                    format!(
                        " [next {next}: {} risk {risk:.2} pred {pred:.2} true {truth:.2}; bottom: {bottom}]",
                        why.unwrap_or("fits")
                    )
                })
            }
            _ => None,
        };
        let p_true = self.count_offer(&offer, day, sized, *at);
        // A new step on screen replaces any left there from the night before.
        self.pending = None;
        self.apply(*at, EventKind::Offered(offer.clone()));
        *at += Duration::minutes(1);
        let response = if offer.bit_more {
            // Once taken, they try.
            if self.answers.next_f64() < p_true {
                Response::Done
            } else if self.answers.next_f64() < 0.5 {
                Response::Started
            } else if sim_env("SIM_BIT_MORE_TELLS").is_some() {
                // A diagnostic, not the people: one who took "a bit more?" and could not do
                // it says so (as far as the engine hears: Started), instead of backing out
                // quietly.
                Response::Started
            } else {
                Response::NotNow
            }
        } else {
            self.respond(p_true)
        };
        let cap = self.model.capacity(*at);
        self.reply(&offer, response, *at);
        if response == Response::Done && sim_env("SIM_ANYCAL").is_some() {
            self.tally_untried(&offer, day, *at, 0);
        }
        if self.trace {
            eprintln!(
                "day {day:>3} {} rung {:?} {:>4}s pred {:.2} true {:.2} c {:+.2} -> {:?}{} | usual {:+.2} today {:+.2} | {}{}",
                at.format("%H:%M"),
                offer.rung_index,
                offer.size.seconds,
                offer.predicted_success,
                p_true,
                self.capacity(day),
                response,
                if offer.bit_more { " (bit more)" } else { "" },
                cap.0,
                cap.1,
                offer.reason,
                held_next.unwrap_or_default(),
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
        let a = self.model.answer(self.p, at, response);
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
            if !ok && matches!(self.policy, Policy::Engine | Policy::OldEngine) {
                self.out.smaller_not_smaller += 1;
            }
        }
        match a {
            Answer::Offer(o) => Some(o),
            Answer::Moved {
                bit_more: Some(o), ..
            } if matches!(self.policy, Policy::Engine | Policy::EngineBlind) => Some(o),
            // The learning oracle asks its own "a bit more?" wherever the engine's day has
            // room after a Done (the engine answers Moved, not Rest).
            Answer::Moved { .. }
                if self.policy == Policy::LearnOracle && response == Response::Done =>
            {
                self.learn_bit_more(offer, at)
            }
            _ => None,
        }
    }

    /// Diagnostics: each morning, after the check-in, give the engine one piece of what the
    /// learning oracle knows. `SIM_TRUE_USUAL=<var>` (1 means 0.02): the usual day (with the
    /// session lift and slow growth) set to the person's, as sure as var. `SIM_TRUE_DAY=1`:
    /// today's reading against the usual day set to what the oracle's day cells say given the
    /// check-in (a sudden crash's days known), with their spread (the day's spread must come
    /// too: the engine learns its spread from how far its readings of days strayed, so the
    /// oracle's mean alone, read with a spread learned from it, is not the engine's spread).
    /// Combine with `SIM_TRUE_RUNGS`.
    fn tell_truth(&mut self, day: i64, at: DateTime<FixedOffset>) {
        if self.policy != Policy::Engine {
            return;
        }
        let usual_var = sim_env("SIM_TRUE_USUAL").map(|v| {
            let v: f64 = v.parse().unwrap_or(1.0);
            if v >= 1.0 {
                0.02
            } else {
                v
            }
        });
        let true_day = sim_env("SIM_TRUE_DAY").is_some();
        if usual_var.is_none() && !true_day {
            return;
        }
        let usual = self.usual_capacity(day);
        let cells = true_day.then(|| self.day_cells(day, true));
        let Engine::Now(m) = &mut self.model else {
            return;
        };
        if let Some(var) = usual_var {
            m.sim_set_usual(at, usual, var);
        }
        if let Some(cells) = cells {
            let total: f64 = cells.iter().map(|c| c.1).sum();
            let mean = cells.iter().map(|(x, w)| x * w).sum::<f64>() / total;
            let var = cells
                .iter()
                .map(|(x, w)| (x - mean).powi(2) * w)
                .sum::<f64>()
                / total;
            m.sim_set_day(at, mean - usual, var);
        }
    }

    fn checkin(&self, day: i64, lift: f64) -> CheckIn {
        let plan = &self.p.days[day as usize];
        let felt = plan.deviation + 0.6 * lift + self.p.checkin_level * self.p.usual(day);
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
        self.day_smallest = (true, false, false);
        self.said_low_today = false;
        self.stay_reasons.clear();
        let plan = self.p.days[day as usize].clone();
        let offers_before = self.out.offers;

        for (k, hour) in plan.asks.iter().enumerate() {
            let at = tz_time(day, *hour, 7 * k as i64);
            if k == 0 {
                if plan.checks_in {
                    let c = self.checkin(day, self.lift);
                    self.said_low_today = c.energy == Some(Level::Low);
                    self.apply(at - Duration::minutes(5), EventKind::CheckIn(c));
                }
                self.tell_truth(day, at - Duration::minutes(4));
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
                        self.show_and_answer(o, day, &mut t, true);
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
                if let Decision::Offer(mut offer) = self.model.decide(self.p, at) {
                    self.choose(&mut offer, day);
                    self.now = at;
                    self.count_offer(&offer, day, true, at);
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
            let (small, more_fits, act_fits) = self.day_smallest;
            if small && more_fits {
                self.smallest_run += 1;
                self.out.longest_smallest = self.out.longest_smallest.max(self.smallest_run);
            } else {
                self.smallest_run = 0;
            }
            let evidence = self.last_bigger_done.is_some_and(|d| d < day);
            if self.trace && small && more_fits && evidence {
                eprintln!(
                    "  (day {day} on the smallest rung while more fits: run {}, leaving out days said low {})",
                    self.smallest_evidence_run + 1,
                    self.smallest_words_run + i64::from(!self.said_low_today)
                );
            }
            if small && more_fits && evidence {
                self.smallest_evidence_run += 1;
                // Days past the fourth of a stay (where the step up from the bottom could come;
                // `SIM_STAYS=<n>`: past the n-th).
                let past = sim_env("SIM_STAYS")
                    .and_then(|v| v.parse::<i64>().ok())
                    .filter(|n| *n > 1)
                    .unwrap_or(4);
                if self.smallest_evidence_run > past {
                    for k in std::mem::take(&mut self.stay_reasons) {
                        self.out.by_why.entry(k).or_default().0 += 1;
                    }
                }
                self.out.longest_smallest_evidence = self
                    .out
                    .longest_smallest_evidence
                    .max(self.smallest_evidence_run);
            } else {
                self.smallest_evidence_run = 0;
            }
            if small && more_fits && evidence {
                if !self.said_low_today {
                    self.smallest_words_run += 1;
                    self.out.longest_smallest_words =
                        self.out.longest_smallest_words.max(self.smallest_words_run);
                }
            } else {
                self.smallest_words_run = 0;
            }
            if small && act_fits {
                self.smallest_act_run += 1;
                self.out.longest_smallest_act =
                    self.out.longest_smallest_act.max(self.smallest_act_run);
            } else {
                self.smallest_act_run = 0;
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

fn run(person: &Person, policy: Policy, seed: u64, ki: usize) -> Outcome {
    // A diagnostic: the engine told each rung's true difficulty (`SIM_TRUE_RUNGS=1`), or only
    // those at some places on the ladder (`SIM_TRUE_RUNGS_AT=2,3`: the first minutes and the act).
    if policy == Policy::Engine && sim_env("SIM_TRUE_RUNGS").is_some() {
        let only: Option<Vec<usize>> = sim_env("SIM_TRUE_RUNGS_AT")
            .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect());
        let mut p = person.clone();
        for (m, d) in p.movements.iter_mut().zip(&p.true_d) {
            for (i, (r, x)) in m.rungs.iter_mut().zip(d).enumerate() {
                if only.as_ref().is_none_or(|o| o.contains(&i)) {
                    r.difficulty = *x;
                }
            }
        }
        return run_traced(&p, policy, seed, false, None);
    }
    let learner = (policy == Policy::LearnOracle)
        .then(|| Learner::from_env(ki))
        .flatten();
    run_traced(person, policy, seed, false, learner)
}

fn run_traced(
    person: &Person,
    policy: Policy,
    seed: u64,
    trace: bool,
    learner: Option<Learner>,
) -> Outcome {
    let mut r = Run {
        p: person,
        history: BTreeMap::new(),
        policy,
        model: if policy == Policy::OldEngine {
            Engine::v0(person)
        } else {
            Engine::Now(Model::default())
        },
        answers: SplitMix64::new(seed),
        out: Outcome::default(),
        staircase: 0,
        lift: 0.0,
        lift_target: 0.0,
        moved_today: false,
        crash_count: None,
        smallest_run: 0,
        smallest_act_run: 0,
        smallest_evidence_run: 0,
        smallest_words_run: 0,
        said_low_today: false,
        last_bigger_done: None,
        previous: None,
        pending: None,
        day_smallest: (true, false, false),
        stay_reasons: Vec::new(),
        trace,
        now: tz_time(0, 4, 0),
        learner,
    };
    r.out.capable = person.capable_at(person.usual(0));
    for day in 0..DAYS {
        r.day(day);
        if r.trace && day % 10 == 9 {
            let v = r.model.snapshot();
            eprintln!("  capacity {} kinds {}", v["capacity"], v["kind_fit"]);
        }
    }
    let v = r.model.snapshot();
    // A diagnostic: the size of the stored model after the run (`SIM_SNAPSHOT=1`).
    if sim_env("SIM_SNAPSHOT").is_some() && policy == Policy::Engine {
        let all = v.to_string().len();
        let records = v.get("fit").map_or(0, |f| f.to_string().len())
            + v.get("kind_fit").map_or(0, |f| f.to_string().len());
        eprintln!("snapshot {all} bytes, of which rung and kind records {records}");
    }
    if let Some(a) = v["capacity"]["sharpness"]["mean"].as_f64() {
        // The usual day as the engine would read it a month on, with no check-in (the recent
        // days faded), less the margin it keeps for a day without one (0.25).
        let usual = r.model.capacity(tz_time(DAYS + 30, 12, 0)).1 + 0.25;
        r.out.final_error = (usual - person.usual(DAYS - 1), a - person.slope);
    }
    if let Engine::Now(m) = &r.model {
        r.out.final_gain = m.checkin_gain();
        r.out.final_spread = v["day_spread"].as_f64().unwrap_or(0.0);
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

    /// Share of offers above capacity, in percent.
    fn above(&self) -> f64 {
        100.0 * ratio(self.sum(|o| o.above, false), self.sum(|o| o.offers, false))
    }

    /// Share of offers bigger than what fits (true success below `FEASIBLE`), in percent.
    fn above_feasible(&self) -> f64 {
        100.0
            * ratio(
                self.sum(|o| o.above_feasible, false),
                self.sum(|o| o.offers, false),
            )
    }

    fn offered_vs_feasible(&self) -> f64 {
        100.0
            * ratio(
                self.sum(|o| o.offered_seconds, true),
                self.sum(|o| o.feasible_seconds, true),
            )
    }

    fn done_vs(&self, oracle: &Row) -> f64 {
        100.0
            * ratio(
                self.sum(|o| o.done_seconds, true),
                oracle.sum(|o| o.done_seconds, true),
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

    /// The longest stretch while the person's own answers also said more fits, and the share
    /// of people with one of more than 7 days.
    fn longest_smallest_evidence(&self) -> (i64, f64) {
        let max = self
            .outcomes
            .iter()
            .map(|o| o.longest_smallest_evidence)
            .max();
        let over = self
            .outcomes
            .iter()
            .filter(|o| o.longest_smallest_evidence > 7)
            .count();
        (
            max.unwrap_or(0),
            100.0 * over as f64 / self.outcomes.len().max(1) as f64,
        )
    }

    /// The same, leaving out the days they said their energy is low.
    fn longest_smallest_words(&self) -> (i64, f64) {
        let max = self.outcomes.iter().map(|o| o.longest_smallest_words).max();
        let over = self
            .outcomes
            .iter()
            .filter(|o| o.longest_smallest_words > 7)
            .count();
        (
            max.unwrap_or(0),
            100.0 * over as f64 / self.outcomes.len().max(1) as f64,
        )
    }

    /// The longest stretch, and the share of people with one of more than 7 days.
    fn longest_smallest(&self) -> (i64, f64) {
        let max = self.outcomes.iter().map(|o| o.longest_smallest).max();
        let over = self
            .outcomes
            .iter()
            .filter(|o| o.longest_smallest > 7)
            .count();
        (
            max.unwrap_or(0),
            100.0 * over as f64 / self.outcomes.len().max(1) as f64,
        )
    }

    fn crash_within_three(&self) -> f64 {
        let ok = self
            .outcomes
            .iter()
            .filter(|o| o.crash_offers_to_fit.is_some_and(|k| k <= 3))
            .count();
        100.0 * ok as f64 / self.outcomes.len().max(1) as f64
    }

    /// Days from the first session to the first two-minute step, for people who moved in the
    /// three days after it: median, 90th percentile, how many.
    fn session_days(&self) -> (i64, i64, usize) {
        let mut v: Vec<i64> = self
            .outcomes
            .iter()
            .filter(|o| o.session_moving)
            .map(|o| o.session_days_to_two_minutes.unwrap_or(DAYS))
            .collect();
        let n = v.len();
        (quantile(&mut v, 0.5), quantile(&mut v, 0.9), n)
    }
}

fn day_words(x: i64) -> String {
    if x > DAYS {
        "never".to_string()
    } else {
        x.to_string()
    }
}

/// The policies the audit of the old engine compared.
const AUDIT_POLICIES: [Policy; 5] = [
    Policy::OldEngine,
    Policy::Act,
    Policy::Staircase,
    Policy::UsualOracle,
    Policy::Oracle,
];

fn policy_index(policy: Policy) -> usize {
    Policy::ALL
        .iter()
        .position(|p| *p == policy)
        .expect("every policy is listed")
}

fn kind_index(kind: Kind) -> usize {
    Kind::ALL
        .iter()
        .position(|k| *k == kind)
        .expect("every kind is listed")
}

fn range(values: impl IntoIterator<Item = f64>, digits: usize) -> String {
    let v: Vec<f64> = values.into_iter().collect();
    let lo = v.iter().copied().fold(f64::MAX, f64::min);
    let hi = v.iter().copied().fold(f64::MIN, f64::max);
    if v.is_empty() {
        "—".into()
    } else if (hi - lo).abs() < 0.5 * 10f64.powi(-(digits as i32)) {
        format!("{lo:.digits$}")
    } else if sim_env("SIM_DETAIL").is_some() {
        let each: Vec<String> = v.iter().map(|x| format!("{x:.digits$}")).collect();
        format!("{lo:.digits$}–{hi:.digits$} [{}]", each.join(" "))
    } else {
        format!("{lo:.digits$}–{hi:.digits$}")
    }
}

/// The audit's figures for the old engine (issue 14) beside the old engine's here.
fn print_audit(rows: &BTreeMap<(usize, usize), Row>, capable: &[usize]) {
    let row = |kind: Kind, policy: Policy| &rows[&(kind_index(kind), policy_index(policy))];
    let old = |kind: Kind| row(kind, Policy::OldEngine);
    let oracle = |kind: Kind| row(kind, Policy::Oracle);
    // Capable people who check in (never-checks-in has figures of its own).
    let checkers: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|k| *k != Kind::NeverChecksIn && capable[kind_index(*k)] > 0)
        .collect();
    let firsts = |policy: Policy| -> Vec<(i64, i64)> {
        checkers
            .iter()
            .filter_map(|k| row(*k, policy).first_two_minutes())
            .collect()
    };
    let old_first = firsts(Policy::OldEngine);
    // All capable people who check in, pooled: the audit speaks of "a capable person".
    let pooled = |policy: Policy| {
        let mut v: Vec<i64> = checkers
            .iter()
            .flat_map(|k| row(*k, policy).outcomes.iter())
            .filter(|o| o.capable)
            .map(|o| o.first_two_minutes.map_or(DAYS + 1, |d| d + 1))
            .collect();
        (quantile(&mut v, 0.5), quantile(&mut v, 0.9))
    };
    let never = old(Kind::NeverChecksIn);
    let mean_seconds =
        |r: &Row, f: fn(&Outcome) -> u64| ratio(r.sum(f, false), r.sum(|o| o.sized_offers, false));
    let session = old(Kind::Session);
    let over14 = never
        .outcomes
        .iter()
        .filter(|o| o.longest_smallest_act > 14)
        .count();
    let longest_act = never
        .outcomes
        .iter()
        .map(|o| o.longest_smallest_act)
        .max()
        .unwrap_or(0);
    let all_kinds = |policy: Policy| Kind::ALL.iter().map(move |k| row(*k, policy).above());
    let all_kinds_f = |policy: Policy| {
        Kind::ALL
            .iter()
            .map(move |k| row(*k, policy).above_feasible())
    };
    let lines: Vec<(&str, &str, String)> =
        vec![
        (
            "capable people: offered / largest feasible seconds",
            "40–60 %",
            range(checkers.iter().map(|k| old(*k).offered_vs_feasible()), 0) + " %",
        ),
        (
            "capable people: done-minutes vs the oracle's",
            "39–57 %",
            range(checkers.iter().map(|k| old(*k).done_vs(oracle(*k))), 0) + " %",
        ),
        (
            "capable people: first two-minute step, median day (p90)",
            "10–12 (20–22)",
            format!(
                "{} ({})",
                range(old_first.iter().map(|x| x.0 as f64), 0),
                range(old_first.iter().map(|x| x.1 as f64), 0)
            ),
        ),
        (
            "capable people, pooled: first two-minute step, median day (p90)",
            "10–12 (20–22)",
            format!(
                "{} ({})",
                pooled(Policy::OldEngine).0,
                pooled(Policy::OldEngine).1
            ),
        ),
        (
            "staircase: first two-minute step, median day",
            "2",
            range(firsts(Policy::Staircase).iter().map(|x| x.0 as f64), 0),
        ),
        (
            "session: offered / feasible seconds, three weeks after each session (from day 90)",
            "about 60 % (catches up after day 90)",
            format!(
                "{:.0} % ({:.0} %)",
                100.0
                    * ratio(
                        session.sum(|o| o.window_offered, false),
                        session.sum(|o| o.window_feasible, false)
                    ),
                100.0
                    * ratio(
                        session.sum(|o| o.late_offered, false),
                        session.sum(|o| o.late_feasible, false)
                    ),
            ),
        ),
        (
            "never checks in: mean seconds offered vs largest feasible",
            "31 s vs 237 s",
            format!(
                "{:.0} s vs {:.0} s",
                mean_seconds(never, |o| o.offered_seconds),
                mean_seconds(never, |o| o.feasible_seconds)
            ),
        ),
        (
            "never checks in: done-minutes vs the oracle's (capable)",
            "13 %",
            format!("{:.0} %", never.done_vs(oracle(Kind::NeverChecksIn))),
        ),
        (
            "never checks in: people > 14 days on the smallest rung while the act fits (longest)",
            "18 % (37 days)",
            format!(
                "{:.0} % ({longest_act} days)",
                100.0 * over14 as f64 / never.outcomes.len().max(1) as f64
            ),
        ),
        (
            "sudden crash: first fitting offer within 3 offers",
            "97 %",
            format!("{:.0} %", old(Kind::Crash).crash_within_three()),
        ),
        (
            "offers above capacity, by kind: old engine",
            "3–12 %",
            range(all_kinds(Policy::OldEngine), 1) + " %",
        ),
        (
            "offers above capacity, by kind: staircase",
            "29–51 %",
            range(all_kinds(Policy::Staircase), 0) + " %",
        ),
        (
            "offers above capacity, by kind: always the act",
            "77–100 %",
            range(all_kinds(Policy::Act), 0) + " %",
        ),
        (
            "offers bigger than what fits (true success < 0.85), by kind: old engine",
            "—",
            range(all_kinds_f(Policy::OldEngine), 1) + " %",
        ),
        (
            "offers bigger than what fits, by kind: staircase",
            "—",
            range(all_kinds_f(Policy::Staircase), 0) + " %",
        ),
        (
            "offers bigger than what fits, by kind: always the act",
            "—",
            range(all_kinds_f(Policy::Act), 0) + " %",
        ),
        (
            "Not now lowered anything (checks)",
            "0 (86 531)",
            format!(
                "{} ({})",
                Kind::ALL
                    .iter()
                    .map(|k| old(*k).sum(|o| o.not_now_lowered, false))
                    .sum::<u64>(),
                Kind::ALL
                    .iter()
                    .map(|k| old(*k).sum(|o| o.not_now_checks, false))
                    .sum::<u64>()
            ),
        ),
        (
            "01:30 nights: Smaller please at 09:00 not this movement smaller",
            "167",
            format!("{}", old(Kind::NightOwl).sum(|o| o.night_smaller_breaks, false)),
        ),
        (
            "(not in the audit) oracle of the usual day: done-minutes vs the oracle's",
            "—",
            range(
                checkers
                    .iter()
                    .chain([Kind::NeverChecksIn].iter())
                    .map(|k| row(*k, Policy::UsualOracle).done_vs(oracle(*k))),
                0,
            ) + " %",
        ),
        (
            "(not in the audit) capable people per kind",
            "—",
            capable
                .iter()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    println!("| figure (old engine unless named) | audit | here |");
    println!("|---|---:|---:|");
    for (what, audit, here) in lines {
        println!("| {what} | {audit} | {here} |");
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
    // A seed may be given as an argument, to check the figures are not one lucky draw;
    // `--audit` runs only the old engine and the baselines, and compares them with the audit.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seed: u64 = args
        .iter()
        .find_map(|a| a.parse().ok())
        .unwrap_or(20_260_105);
    let audit_only = args.iter().any(|a| a == "--audit");
    // `--quick`: only the engine and the two oracles (for tuning; the targets table only).
    let quick = args.iter().any(|a| a == "--quick");
    // `SIM_LEARN_ORACLE`: the learning oracle too (a bound, see `Learner`); with
    // `SIM_LEARN_ONLY=1`, only it and the oracle (for sweeping its risk; one line per kind).
    let learning = sim_env("SIM_LEARN_ORACLE").is_some();
    let learn_only = learning && sim_env("SIM_LEARN_ONLY").is_some();
    let wanted = |policy: Policy| {
        if policy == Policy::LearnOracle {
            learning && !audit_only
        } else if learn_only {
            policy == Policy::Oracle
        } else if audit_only {
            AUDIT_POLICIES.contains(&policy)
        } else if quick {
            matches!(
                policy,
                Policy::Engine | Policy::UsualOracle | Policy::CheckinOracle | Policy::Oracle
            )
        } else {
            true
        }
    };
    let trace = sim_env("SIM_TRACE");
    let pop = Population::from_env();
    let mut rows: BTreeMap<(usize, usize), Row> = BTreeMap::new();
    let mut capable = Vec::new();
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        let people: Vec<Person> = (0..PEOPLE)
            .map(|i| {
                let mut rng = SplitMix64::new(
                    seed ^ ((ki as u64) << 40) ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15),
                );
                make_person(*kind, &pop, &mut rng, &library)
            })
            .collect();
        capable.push(people.iter().filter(|p| p.capable_at(p.usual(0))).count());
        let answers_seed = |i: usize| seed.wrapping_add(7919 * i as u64 + ki as u64);
        // SIM_TRACE=kind,person prints one person's days under the engine (a diagnostic).
        // SIM_TRACE=kind,* traces every person of that kind, each headed by its number.
        if let Some((k, "*")) = trace.and_then(|t| t.split_once(',')) {
            if k.parse::<usize>() == Ok(ki) {
                for (i, p) in people.iter().enumerate() {
                    eprintln!("person {i} base {:+.2} slope {:.2}", p.base, p.slope);
                    run_traced(p, Policy::Engine, answers_seed(i), true, None);
                }
            }
        }
        if let Some((k, i)) = trace.and_then(|t| t.split_once(',')) {
            if let (Ok(k), Ok(i)) = (k.parse::<usize>(), i.parse::<usize>()) {
                if k == ki && i < people.len() {
                    let p = &people[i];
                    eprintln!(
                        "base {:+.2} slope {:.2} capable {}",
                        p.base,
                        p.slope,
                        p.capable_at(p.usual(0))
                    );
                    let policy = if sim_env("SIM_TRACE_OLD").is_some() {
                        Policy::OldEngine
                    } else {
                        Policy::Engine
                    };
                    run_traced(p, policy, answers_seed(i), true, None);
                }
            }
        }
        for (pi, policy) in Policy::ALL.iter().enumerate() {
            if !wanted(*policy) || learn_only && !Learner::runs_kind(ki) {
                continue;
            }
            let outcomes = people
                .iter()
                .enumerate()
                .map(|(i, p)| run(p, *policy, answers_seed(i), ki))
                .collect();
            rows.insert((ki, pi), Row { outcomes });
        }
    }
    let oracle_at = Policy::ALL.len() - 1;
    if audit_only {
        println!("seed {seed}, population {pop:?}\n");
        print_audit(&rows, &capable);
        return;
    }

    if learning {
        print_learner(&rows, oracle_at);
        if learn_only {
            return;
        }
    }
    if quick {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let first = row.first_two_minutes().map_or("—".to_string(), |(m, p)| {
                format!("{} / {}", day_words(m), day_words(p))
            });
            let ci = &rows[&(ki, policy_index(Policy::CheckinOracle))];
            // SIM_PRECISE=1: above capacity to two decimals, offered and done to one (to tell
            // apart changes that the rounded figures hide; the targets table is unchanged).
            if sim_env("SIM_PRECISE").is_some() {
                println!(
                    "{:<18} success {:.3} above {:.2} % offered {:.1} % done {:.1} %",
                    kind.name(),
                    row.success(),
                    row.above(),
                    row.offered_vs_feasible(),
                    row.done_vs(&rows[&(ki, oracle_at)]),
                );
            }
            println!(
                "{:<18} success {:.3} above {:.2} % offered {:.0} % done {:.0} % (usual oracle {:.0} %, person oracle {:.0} % at {:.1} % above) first {} longest {:?} evidence {:?} without low days {:?}",
                kind.name(),
                row.success(),
                row.above(),
                row.offered_vs_feasible(),
                row.done_vs(&rows[&(ki, oracle_at)]),
                rows[&(ki, policy_index(Policy::UsualOracle))].done_vs(&rows[&(ki, oracle_at)]),
                ci.done_vs(&rows[&(ki, oracle_at)]),
                ci.above(),
                first,
                row.longest_smallest(),
                row.longest_smallest_evidence(),
                row.longest_smallest_words(),
            );
        }
        print_diagnostics(&rows);
        print_targets(&rows, &capable, oracle_at);
        return;
    }
    println!(
        "{PEOPLE} people of each kind, {DAYS} days each, seed {seed}. True success σ(s·(c − d)), \
         s between {} and {}, steeper than the engine's own. Population: {pop:?}",
        pop.slope_from, pop.slope_to,
    );
    println!(
        "Above capacity: true success < {ABOVE}. Feasible: true success ≥ {FEASIBLE}. Capable: a \
         two-minute step feasible on a usual day at the start. Seconds and minutes: capable people.\n"
    );
    println!("| person | policy | offers | realised success | offers above capacity | offered / feasible seconds | done-minutes vs oracle | first two-minute step (median / p90 day) | longest stretch on the smallest rung while more fits (max / people > 7 days) |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        let oracle = &rows[&(ki, oracle_at)];
        for (pi, policy) in Policy::ALL.iter().enumerate() {
            let Some(row) = rows.get(&(ki, pi)) else {
                continue;
            };
            let has_capable = capable[ki] > 0;
            let pct = |x: f64| {
                if has_capable {
                    format!("{x:.0} %")
                } else {
                    "—".to_string()
                }
            };
            let first = row.first_two_minutes().map_or("—".to_string(), |(m, p)| {
                format!("{} / {}", day_words(m), day_words(p))
            });
            let (longest, over) = row.longest_smallest();
            println!(
                "| {} ({} capable) | {} | {} | {:.3} | {:.1} % | {} | {} | {} | {} / {:.0} % |",
                kind.name(),
                capable[ki],
                policy.name(),
                row.sum(|o| o.offers, false),
                row.success(),
                row.above(),
                pct(row.offered_vs_feasible()),
                pct(row.done_vs(oracle)),
                first,
                longest,
                over,
            );
        }
    }

    print_diagnostics(&rows);
    println!("\nThe engine, rule by rule (people take \"a bit more?\" when they feel able):\n");
    println!("| person | first fitting offer within 3 after the crash | session → first two-minute step, moving people (median / p90 days, n) | Not now lowered anything | Smaller please not strictly smaller | Smaller please at 09:00 on a 01:30 step, not this movement smaller | \"a bit more?\" shown (above capacity) | taken (above capacity) | minutes done in a bit more |");
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        let row = &rows[&(ki, 0)];
        let crash = if *kind == Kind::Crash {
            format!("{:.0} %", row.crash_within_three())
        } else {
            "—".into()
        };
        let session = if *kind == Kind::Session {
            let (m, p, n) = row.session_days();
            format!("{m} / {p} ({n})")
        } else {
            "—".into()
        };
        let shown = row.sum(|o| o.bit_more_shown, false);
        let taken = row.sum(|o| o.bit_more_taken, false);
        println!(
            "| {} | {} | {} | {} | {} | {} | {} ({:.0} %) | {} ({:.0} %) | {:.0} |",
            kind.name(),
            crash,
            session,
            row.sum(|o| o.not_now_lowered, false),
            row.sum(|o| o.smaller_not_smaller, false),
            row.sum(|o| o.night_smaller_breaks, false),
            shown,
            100.0 * ratio(row.sum(|o| o.bit_more_shown_above, false), shown),
            taken,
            100.0 * ratio(row.sum(|o| o.bit_more_taken_above, false), taken),
            row.sum(|o| o.bit_more_seconds, false) as f64 / 60.0,
        );
    }

    print_targets(&rows, &capable, oracle_at);
}

/// The learning oracle's figures per kind (`SIM_LEARN_ORACLE`): its risk, the share of its
/// offers above capacity, offered against feasible seconds and done-minutes against the
/// oracle's (capable people), realised success, and how many of its done-minutes came through
/// its "a bit more?".
fn print_learner(rows: &BTreeMap<(usize, usize), Row>, oracle_at: usize) {
    let li = policy_index(Policy::LearnOracle);
    println!(
        "learning oracle (SIM_LEARN_ORACLE={}, SIM_LEARN_BIT_MORE={}, SIM_LEARN_CRASH={}, SIM_LEARN_BLIND={}):",
        sim_env("SIM_LEARN_ORACLE").unwrap_or(""),
        sim_env("SIM_LEARN_BIT_MORE").unwrap_or("-"),
        sim_env("SIM_LEARN_CRASH").unwrap_or("-"),
        sim_env("SIM_LEARN_BLIND").unwrap_or("-"),
    );
    for (ki, kind) in Kind::ALL.iter().enumerate() {
        let (Some(row), Some(oracle)) = (rows.get(&(ki, li)), rows.get(&(ki, oracle_at))) else {
            continue;
        };
        let (risk, r2) = Learner::from_env(ki).map_or((0.0, None), |l| (l.risk, l.bit_more));
        let r2 = r2.map_or("-".to_string(), |r| format!("{r:.2}"));
        let done = row.sum(|o| o.done_seconds, true);
        let bit_more = row.sum(|o| o.bit_more_seconds, true);
        println!(
            "  {:<18} risk {risk:.3} r2 {r2} above {:.2} % offered {:.1} % done {:.1} % success {:.3} offers {} bit-more {:.0} % of done",
            kind.name(),
            row.above(),
            row.offered_vs_feasible(),
            row.done_vs(oracle),
            row.success(),
            row.sum(|o| o.offers, false),
            100.0 * ratio(bit_more, done),
        );
    }
}

/// Diagnostics for tuning (not in BENCHMARKS.md): `SIM_WHY=1` counts offers and those above
/// capacity by what kind of offer they were; `SIM_MATRIX=1` tabulates the rung offered against
/// the largest that fitted.
fn print_diagnostics(rows: &BTreeMap<(usize, usize), Row>) {
    if sim_env("SIM_LONGEST").is_some() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            if let Some((i, o)) = row
                .outcomes
                .iter()
                .enumerate()
                .max_by_key(|(_, o)| o.longest_smallest_evidence)
            {
                println!(
                    "{}: person {i} longest on the smallest rung {} days",
                    kind.name(),
                    o.longest_smallest_evidence
                );
                // And the longest leaving out days said low, for tracing what the rule leaves.
                if let Some((j, w)) = row
                    .outcomes
                    .iter()
                    .enumerate()
                    .max_by_key(|(_, o)| o.longest_smallest_words)
                {
                    println!(
                        "{}: person {j} longest without low days {} days",
                        kind.name(),
                        w.longest_smallest_words
                    );
                }
                // SIM_LONGEST=2: every person above seven days, for tracing.
                if sim_env("SIM_LONGEST") == Some("2") {
                    let over: Vec<String> = row
                        .outcomes
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| o.longest_smallest_evidence > 7)
                        .map(|(i, o)| format!("{i}:{}", o.longest_smallest_evidence))
                        .collect();
                    println!("  over seven days: {}", over.join(" "));
                }
            }
        }
    }
    if sim_env("SIM_STAYS").is_some() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let mut m: BTreeMap<&str, u64> = BTreeMap::new();
            for o in &row.outcomes {
                for (k, v) in o.by_why.iter().filter(|(k, _)| k.starts_with("stay")) {
                    *m.entry(k).or_default() += v.0;
                }
            }
            let mut v: Vec<_> = m.into_iter().collect();
            v.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            println!(
                "{}: days of stays past their fourth (SIM_STAYS=<n>: n-th), by what held the step up",
                kind.name()
            );
            for (k, n) in v.iter().take(8) {
                println!("  {n:>5} {k}");
            }
        }
    }
    if sim_env("SIM_WHY").is_some() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let mut m: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
            for o in &row.outcomes {
                for (k, v) in &o.by_why {
                    let e = m.entry(k).or_default();
                    e.0 += v.0;
                    e.1 += v.1;
                }
            }
            let parts: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{k}: {} ({} above)", v.0, v.1))
                .collect();
            println!("{}: {}", kind.name(), parts.join(", "));
        }
    }
    print_keyed(
        rows,
        "SIM_BIAS",
        |o| &o.bias,
        "offers; step read − true; day read − true; prior alone − true; prior sd; posterior sd",
        |k, v| {
            let [step, day, prior, prior_sd, post_sd] = v.means();
            format!(
                "  {k:<46} {:>6} {step:+.2} {day:+.2} {prior:+.2} {prior_sd:.2} {post_sd:.2}",
                v.n
            )
        },
    );
    print_keyed(
        rows,
        "SIM_PAIRED",
        |o| &o.paired,
        "answers about size: count; precision added to the rung's record read against the whole spread of days / what the day's earlier answers left of it / a day known exactly; those day variances; the record's rms error against the truth before, and after under each reading; its mean error (read − true) before and after, as the engine reads it",
        |k, v| {
            let [g_whole, g_read, g_known, whole, left, e0, e_whole, e_read, e_known, b0, b1] =
                v.means();
            format!(
                "  {k:<62} {:>7} +{g_whole:.3} +{g_read:.3} +{g_known:.3}  day {whole:.2} {left:.2}  rms {:.3} → {:.3} {:.3} {:.3}  read − true {b0:+.2} → {b1:+.2}",
                v.n,
                e0.sqrt(),
                e_whole.sqrt(),
                e_read.sqrt(),
                e_known.sqrt(),
            )
        },
    );
    print_keyed(
        rows,
        "SIM_DRIFT",
        |o| &o.drift,
        "acts without a record: readings; usual day read − true; the act's offsets read − true, of it the act's own fixed difficulty against its prior (true − prior) and what was learned; rms move of usual and offsets between readings; how much of what was learned is the act's truth, the slope of (prior − true) on it; the share of the steps offered that were beyond the person",
        |k, v| {
            let [usual, rest, move_usual, move_rest, own, learned_sq, learned_truth, beyond] =
                v.means();
            let learned = rest - own;
            let slope =
                (learned_truth - learned * -own) / (learned_sq - learned * learned).max(1e-9);
            format!(
                "  {k:<30} {:>7} {usual:+.2} {rest:+.2} = {own:+.2} {learned:+.2} {:.3} {:.3} slope {slope:.2} beyond {:.1} %",
                v.n,
                move_usual.sqrt(),
                move_rest.sqrt(),
                100.0 * beyond,
            )
        },
    );
    print_keyed(
        rows,
        "SIM_RECORD",
        |o| &o.record,
        "first minutes' and acts' own records, read at every offer from their movement: readings; margin read − true; rms error; rms error believed; the prior's alone, read − true and rms; the record's precision; the usual day's part of the prior's error",
        |k, v| {
            let [err, sq, var, prior_err, prior_sq, precision, usual] = v.means();
            format!(
                "  {k:<34} {:>8} {err:+.2} rms {:.3} believed {:.3} prior {prior_err:+.2} rms {:.3} precision {precision:.2} usual {usual:+.2}",
                v.n,
                sq.sqrt(),
                var.sqrt(),
                prior_sq.sqrt(),
            )
        },
    );
    print_keyed(
        rows,
        "SIM_SHIFT",
        |o| &o.shift,
        "answers teaching first minutes' and acts' records: answers; the day read against the usual day − true, rms; engine's shift; true shift; usual day read − true",
        |k, v| {
            let [err, sq, engine, truth, usual] = v.means();
            format!(
                "  {k:<40} {:>8} {err:+.2} rms {:.3} engine {engine:+.2} true {truth:+.2} usual {usual:+.2}",
                v.n,
                sq.sqrt(),
            )
        },
    );
    if sim_env("SIM_FINAL").is_some() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let n = row.outcomes.len() as f64;
            let mean = |f: &dyn Fn(&Outcome) -> f64| row.outcomes.iter().map(f).sum::<f64>() / n;
            let mu = mean(&|o| o.final_error.0);
            let sd = (mean(&|o| (o.final_error.0 - mu).powi(2))).sqrt();
            println!(
                "{}: usual − true {:+.2} (sd {:.2}), sharpness − true {:+.2}, check-in gain {:.2} (sd {:.2}), day spread {:.4}",
                kind.name(),
                mu,
                sd,
                mean(&|o| o.final_error.1),
                mean(&|o| o.final_gain),
                mean(&|o| (o.final_gain - mean(&|o| o.final_gain)).powi(2)).sqrt(),
                mean(&|o| o.final_spread),
            );
        }
    }
    if sim_env("SIM_CALIB").is_some() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let c = summed_bands(row, |o| &o.calibration);
            let parts: Vec<String> = c
                .iter()
                .enumerate()
                .filter(|(_, x)| x.0 > 0)
                .map(|(b, x)| {
                    format!(
                        "{:.1}: {} true {:.2} above {:.1}%",
                        b as f64 / 10.0,
                        x.0,
                        x.1 / x.0 as f64,
                        100.0 * x.2 as f64 / x.0 as f64
                    )
                })
                .collect();
            println!("{}: {}", kind.name(), parts.join(" | "));
        }
    }
    if sim_env("SIM_ACTS").is_some() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let mut m: BTreeMap<&str, u64> = BTreeMap::new();
            for o in &row.outcomes {
                for (k, v) in &o.acts {
                    *m.entry(k).or_default() += v;
                }
            }
            println!(
                "\n{}: sized offers when the act was the largest feasible rung",
                kind.name()
            );
            for (k, v) in &m {
                println!("  {v:>7}  {k}");
            }
        }
    }
    if sim_env("SIM_VS_ORACLE").is_some() {
        println!("\nSized steps against the oracle of the person (offers, expected done-minutes the oracle's rung adds per person, engine's day error, next rung's margin error):");
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let mut m: BTreeMap<&str, (u64, f64, f64, f64)> = BTreeMap::new();
            for o in &row.outcomes {
                for (k, v) in &o.vs_oracle {
                    let e = m.entry(k).or_default();
                    e.0 += v.0;
                    e.1 += v.1;
                    e.2 += v.2;
                    e.3 += v.3;
                }
            }
            let people = row.outcomes.len().max(1) as f64;
            let per_person = |pi: usize, f: &dyn Fn(&Outcome) -> u64| {
                rows.get(&(ki, pi)).map_or(0.0, |r| {
                    r.outcomes.iter().map(f).sum::<u64>() as f64 / 60.0 / people
                })
            };
            println!(
                "\n{}: done-minutes per person: engine {:.0} (of which \"a bit more?\" {:.0}), the oracle of the person {:.0}, the oracle {:.0}",
                kind.name(),
                per_person(0, &|o| o.done_seconds),
                per_person(0, &|o| o.bit_more_seconds),
                per_person(policy_index(Policy::CheckinOracle), &|o| o.done_seconds),
                per_person(policy_index(Policy::Oracle), &|o| o.done_seconds),
            );
            for (k, (n, gain, day, margin)) in &m {
                let n1 = (*n).max(1) as f64;
                println!(
                    "  {n:>7} {:>7.1} min {:>+6.2} {:>+6.2}  {k}",
                    gain / 60.0 / people,
                    day / n1,
                    margin / n1
                );
            }
        }
    }
    if sim_env("SIM_CRASH_PHASES").is_some() {
        // Where the sudden crash kind's done-minutes go, against the oracle's: before the
        // crash, its ten days, the two weeks after, and later (minutes per person).
        let ki = Kind::ALL
            .iter()
            .position(|k| *k == Kind::Crash)
            .unwrap_or(0);
        let phases = |pi: usize| {
            let mut v = [0.0f64; 4];
            if let Some(r) = rows.get(&(ki, pi)) {
                let people = r.outcomes.len().max(1) as f64;
                for o in &r.outcomes {
                    for (x, s) in v.iter_mut().zip(o.done_by_phase) {
                        *x += s as f64 / 60.0 / people;
                    }
                }
            }
            v
        };
        let (e, o) = (phases(0), phases(policy_index(Policy::Oracle)));
        println!("\nSudden crash, done-minutes per person (engine / oracle, %): before {:.0} / {:.0} ({:.0} %), the ten days {:.0} / {:.0} ({:.0} %), two weeks after {:.0} / {:.0} ({:.0} %), later {:.0} / {:.0} ({:.0} %)",
            e[0], o[0], 100.0 * e[0] / o[0].max(1e-9),
            e[1], o[1], 100.0 * e[1] / o[1].max(1e-9),
            e[2], o[2], 100.0 * e[2] / o[2].max(1e-9),
            e[3], o[3], 100.0 * e[3] / o[3].max(1e-9));
        if let Some(r) = rows.get(&(ki, 0)) {
            let mut n = [0u64; 4];
            let mut a = [0u64; 4];
            for o in &r.outcomes {
                for p in 0..4 {
                    n[p] += o.offers_by_phase[p];
                    a[p] += o.above_by_phase[p];
                }
            }
            let pct = |p: usize| 100.0 * a[p] as f64 / n[p].max(1) as f64;
            println!("  offers above capacity (engine): before {} of {} ({:.2} %), the ten days {} of {} ({:.2} %), two weeks after {} of {} ({:.2} %), later {} of {} ({:.2} %)",
                a[0], n[0], pct(0), a[1], n[1], pct(1), a[2], n[2], pct(2), a[3], n[3], pct(3));
        }
    }
    if sim_env("SIM_DAY").is_some() {
        println!("\nThe day as it was and as the engine read it (by the energy answer; true / engine, rms of the difference):");
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            let mut c = [(0u64, 0.0f64, 0.0f64, 0.0f64); 4];
            let mut above = [0u64; 4];
            for o in &row.outcomes {
                for (a, x) in above.iter_mut().zip(o.day_read_above) {
                    *a += x;
                }
                for (b, x) in o.day_read.iter().enumerate() {
                    c[b].0 += x.0;
                    c[b].1 += x.1;
                    c[b].2 += x.2;
                    c[b].3 += x.3;
                }
            }
            let parts: Vec<String> = ["Low", "Some", "Good", "none"]
                .iter()
                .zip(c.iter().zip(above))
                .filter(|(_, (x, _))| x.0 > 0)
                .map(|(l, (x, a))| {
                    let n = x.0 as f64;
                    format!(
                        "{l} {:+.2} / {:+.2}, {:.2} ({}, {:.1} % above)",
                        x.1 / n,
                        x.2 / n,
                        (x.3 / n).sqrt(),
                        x.0,
                        100.0 * a as f64 / n
                    )
                })
                .collect();
            println!("{:<18} {}", kind.name(), parts.join("   "));
        }
    }
    if sim_env("SIM_RISK").is_some() {
        println!("\nThe records' risk against what happened (offers sized for the day that a record reads):");
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            let row = &rows[&(ki, 0)];
            for (by_record, label) in [(1, "record alone"), (0, "capacity model too")] {
                let c = summed_bands(row, |o| &o.risk_calib[by_record]);
                let parts: Vec<String> = c
                    .iter()
                    .filter(|x| x.0 > 0)
                    .map(|x| {
                        format!(
                            "{:.1}%→{:.1}% ({})",
                            100.0 * x.1 / x.0 as f64,
                            100.0 * x.2 as f64 / x.0 as f64,
                            x.0
                        )
                    })
                    .collect();
                println!("{:<18} {:<18} {}", kind.name(), label, parts.join("  "));
            }
        }
    }
    if sim_env("SIM_ANYCAL").is_some() {
        println!("\n\"A bit more?\" on rungs without answers of their own: stated risk → share beyond the person (n), by reading");
        let names = [
            "engine",
            "no kind, day est",
            "kind 1/2, day est",
            "no kind, Done read",
            "kind 1/2, Done read",
        ];
        for (set, label) in [(0, "after any Done"), (1, "asked")] {
            for (ki, kind) in Kind::ALL.iter().enumerate() {
                let row = &rows[&(ki, 0)];
                for (k, name) in names.iter().enumerate() {
                    let c = summed_bands(row, |o| &o.any_calib[set][k]);
                    let n: u64 = c.iter().map(|x| x.0).sum();
                    let stated: f64 = c.iter().map(|x| x.1).sum();
                    let beyond: u64 = c.iter().map(|x| x.2).sum();
                    let parts: Vec<String> = c
                        .iter()
                        .filter(|x| x.0 > 0)
                        .map(|x| {
                            format!(
                                "{:.0}→{:.0} ({})",
                                100.0 * x.1 / x.0 as f64,
                                100.0 * x.2 as f64 / x.0 as f64,
                                x.0
                            )
                        })
                        .collect();
                    println!(
                        "{:<15} {:<18} {:<20} all {:.1}→{:.1}% ({n})  {}",
                        label,
                        kind.name(),
                        name,
                        100.0 * stated / n.max(1) as f64,
                        100.0 * beyond as f64 / n.max(1) as f64,
                        parts.join("  ")
                    );
                    // Resolution, whatever the labels: asked at each band's upper edge or below,
                    // how many, and the share of those beyond the person. Two readings that
                    // rank alike give the same share at the same count.
                    let mut cum = (0u64, 0u64);
                    let below: Vec<String> = c
                        .iter()
                        .zip(ANY_EDGES.iter())
                        .map(|(x, e)| {
                            cum.0 += x.0;
                            cum.1 += x.2;
                            format!(
                                "≤{:.0}: {} {:.1}%",
                                100.0 * e,
                                cum.0,
                                100.0 * cum.1 as f64 / cum.0.max(1) as f64
                            )
                        })
                        .collect();
                    println!("{:<56} {}", "", below.join("  "));
                }
            }
        }
    }
    if sim_env("SIM_MATRIX").is_some() {
        for (ki, kind) in Kind::ALL.iter().enumerate() {
            for policy in [Policy::Engine, Policy::OldEngine] {
                let Some(row) = rows.get(&(ki, policy_index(policy))) else {
                    continue;
                };
                let mut m = [[0u64; 6]; 6];
                for o in &row.outcomes {
                    for (a, line) in o.matrix.iter().enumerate() {
                        for (b, x) in line.iter().enumerate() {
                            m[a][b] += x;
                        }
                    }
                }
                println!(
                    "\n{} / {}: offered (rows: breath, rung 0..3) by largest feasible (columns)",
                    kind.name(),
                    policy.name()
                );
                for line in m.iter().take(5) {
                    println!(
                        "{}",
                        line.iter()
                            .take(5)
                            .map(|x| format!("{x:>7}"))
                            .collect::<String>()
                    );
                }
            }
        }
    }
}

/// The targets of issue 14, checked on the engine's own rows.
fn print_targets(rows: &BTreeMap<(usize, usize), Row>, capable: &[usize], oracle_at: usize) {
    let engine = |ki: usize| &rows[&(ki, 0)];
    let kinds = 0..Kind::ALL.len();
    let capable_kinds: Vec<usize> = kinds.clone().filter(|ki| capable[*ki] > 0).collect();
    let max_above = kinds
        .clone()
        .map(|ki| engine(ki).above())
        .fold(0.0, f64::max);
    let min_success = kinds
        .clone()
        .map(|ki| engine(ki).success())
        .fold(1.0, f64::min);
    let crash_ki = Kind::ALL
        .iter()
        .position(|k| *k == Kind::Crash)
        .unwrap_or(0);
    let never_ki = Kind::ALL
        .iter()
        .position(|k| *k == Kind::NeverChecksIn)
        .unwrap_or(0);
    let session_ki = Kind::ALL
        .iter()
        .position(|k| *k == Kind::Session)
        .unwrap_or(0);
    let done = |ki: usize| engine(ki).done_vs(&rows[&(ki, oracle_at)]);
    let min_done_checkers = capable_kinds
        .iter()
        .filter(|ki| **ki != never_ki)
        .map(|ki| done(*ki))
        .fold(f64::MAX, f64::min);
    let min_offered = capable_kinds
        .iter()
        .map(|ki| engine(*ki).offered_vs_feasible())
        .fold(f64::MAX, f64::min);
    let max_first = capable_kinds
        .iter()
        .filter_map(|ki| engine(*ki).first_two_minutes())
        .map(|(m, _)| m)
        .max()
        .unwrap_or(0);
    let rules: u64 = kinds
        .clone()
        .map(|ki| {
            let r = engine(ki);
            r.sum(
                |o| o.not_now_lowered + o.smaller_not_smaller + o.night_smaller_breaks,
                false,
            )
        })
        .sum();
    let longest = kinds
        .clone()
        .map(|ki| engine(ki).longest_smallest().0)
        .max()
        .unwrap_or(0);
    let longest_evidence = kinds
        .clone()
        .map(|ki| engine(ki).longest_smallest_evidence().0)
        .max()
        .unwrap_or(0);
    let longest_words = kinds
        .clone()
        .map(|ki| engine(ki).longest_smallest_words().0)
        .max()
        .unwrap_or(0);
    let targets = [
        (
            "at most 2 % of offers above capacity, every kind",
            format!("{max_above:.1} %"),
            max_above <= 2.0,
        ),
        (
            "first fitting offer within 3 after the crash, ≥ 95 %",
            format!("{:.0} %", engine(crash_ki).crash_within_three()),
            engine(crash_ki).crash_within_three() >= 95.0,
        ),
        (
            "Not now never lowers; Smaller please strictly smaller (also across 04:00)",
            format!("{rules} breaks"),
            rules == 0,
        ),
        (
            "realised success ≥ 0.85, every kind",
            format!("{min_success:.3}"),
            min_success >= 0.85,
        ),
        (
            "capable people: done-minutes ≥ 70 % of the oracle's",
            format!("{min_done_checkers:.0} %"),
            min_done_checkers >= 70.0,
        ),
        (
            "capable people: offered ≥ 70 % of the largest feasible",
            format!("{min_offered:.0} %"),
            min_offered >= 70.0,
        ),
        (
            "never checks in: done-minutes ≥ 60 % of the oracle's",
            format!("{:.0} %", done(never_ki)),
            done(never_ki) >= 60.0,
        ),
        (
            "first two-minute step within 5 days (median, capable)",
            format!("day {max_first}"),
            max_first <= 5,
        ),
        (
            "within 3 days of a session when moving (median)",
            format!("{} days", engine(session_ki).session_days().0),
            engine(session_ki).session_days().0 <= 3,
        ),
        (
            "nobody on the smallest rung > 7 days while more fits and their answers say so",
            format!("{longest_evidence} days"),
            longest_evidence <= 7,
        ),
        (
            "(the same, leaving out days they said their energy is low)",
            format!("{longest_words} days"),
            longest_words <= 7,
        ),
        (
            "(stricter) nobody on the smallest rung > 7 days while more fits",
            format!("{longest} days"),
            longest <= 7,
        ),
    ];
    println!("\nTargets (issue 14), worst kind shown:\n");
    println!("| target | engine | met |");
    println!("|---|---:|---|");
    for (what, value, met) in targets {
        println!("| {what} | {value} | {} |", if met { "yes" } else { "no" });
    }
}
