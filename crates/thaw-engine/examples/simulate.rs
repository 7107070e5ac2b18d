//! Synthetic people meet the engine. `cargo run --release -p thaw-engine --example simulate [seed]`
//!
//! Each person has a hidden true capacity that drifts slowly upward over the year, varies from
//! day to day (AR(1) noise), and now and then drops suddenly for a bad stretch of 4–10 days.
//! True rung difficulties differ from the engine's priors (per-rung noise), so the engine has to
//! learn. People answer by the true probability: success → Done; otherwise "Smaller please" or
//! "Started"; a few "Not now" and "Something else" come regardless of size.
//!
//! Three policies share everything (values, movements, budget, rest, rotation) except the rung:
//! the engine's choice, always the full act, always the smallest rung.
//! Two cohorts: people who check in on most days, and people who never check in.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_engine::capacity::sigmoid;
use thaw_engine::rng::SplitMix64;
use thaw_engine::*;

const PEOPLE: usize = 40;
const DAYS: i64 = 365;
/// An offer "fits" the day when its true success probability is at least this.
const FITS: f64 = 0.7;

#[derive(Clone, Copy, PartialEq)]
enum Policy {
    Engine,
    FullAct,
    Smallest,
}

struct Person {
    values: Vec<Value>,
    movements: Vec<Movement>,
    /// True difficulty correction per movement (by index in `movements`) and rung.
    true_offsets: Vec<Vec<f64>>,
    tau0: f64,
    growth_per_day: f64,
}

fn make_person(rng: &mut SplitMix64, library: &[MovementTemplate]) -> Person {
    let mut values = Vec::new();
    let mut movements = Vec::new();
    let mut true_offsets = Vec::new();
    let mut next_id = 1000;
    let areas = LifeArea::ALL;
    let first = rng.below(5) as usize;
    for k in 0..3 {
        let area = areas[(first + k * 2) % 5];
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
            movements.push(t.adopt(next_id, value_id));
            next_id += 1;
            true_offsets.push(t.rungs.iter().map(|_| 0.4 * rng.normal()).collect());
        }
    }
    Person {
        values,
        movements,
        true_offsets,
        tau0: 0.3 + 0.8 * rng.normal(),
        growth_per_day: 1.5 / 365.0,
    }
}

#[derive(Default, Clone)]
struct Tally {
    offers: u64,
    attempts: u64,
    done: u64,
    above_capacity: u64,
    done_seconds: u64,
    predicted_sum: f64,
    by_kind: [u64; 4],
    drops: u64,
    readapt_offers: Vec<u32>,
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

fn tz_time(day: i64, hour: i64, minute: i64) -> DateTime<FixedOffset> {
    let tz = FixedOffset::east_opt(3600).expect("valid offset");
    let base = tz
        .with_ymd_and_hms(2026, 1, 5, 0, 0, 0)
        .single()
        .expect("valid time");
    base + Duration::days(day) + Duration::hours(hour) + Duration::minutes(minute)
}

fn simulate(policy: Policy, checks_in: bool, seed: u64, library: &[MovementTemplate]) -> Tally {
    let mut tally = Tally::default();
    for p in 0..PEOPLE {
        // The person (and their days) come from their own seed, the same for every policy.
        let mut rng = SplitMix64::new(seed ^ (p as u64).wrapping_mul(0x9E37_79B9));
        let person = make_person(&mut rng, library);
        let mut answers = SplitMix64::new(seed.wrapping_add(7919 * p as u64));
        let mut model = Model::default();
        let mut ar = 0.0;
        let mut bad_left = 0i64;
        let mut readapt: Option<u32> = None; // counting offers since a drop, until one fits
        for day in 0..DAYS {
            ar = 0.5 * ar + 0.45 * rng.normal();
            let mut dropped_today = false;
            if bad_left == 0 && rng.next_f64() < 1.0 / 30.0 {
                bad_left = 4 + rng.below(7) as i64;
                dropped_today = true;
            }
            let bad = if bad_left > 0 { -2.0 } else { 0.0 };
            bad_left = (bad_left - 1).max(0);
            let deviation = ar + bad;
            let capacity = person.tau0 + person.growth_per_day * day as f64 + deviation;
            if dropped_today {
                if let Some(n) = readapt.take() {
                    tally.readapt_offers.push(n);
                }
                tally.drops += 1;
                readapt = Some(0);
            }
            let wants_checkin = rng.next_f64() < 0.75;
            if checks_in && wants_checkin {
                let c = CheckIn {
                    energy: Some(level_of(deviation + 0.4 * rng.normal())),
                    mood: Some(level_of(deviation + 0.6 * rng.normal())),
                    room: Some(level_of(0.3 + 0.8 * rng.normal())),
                };
                model.apply(&Event {
                    at: tz_time(day, 8, 30),
                    kind: EventKind::CheckIn(c),
                });
            }
            let asks = 1 + rng.below(4) as i64;
            for ask in 0..asks {
                let mut minute = 0;
                for _ in 0..6 {
                    let at = tz_time(day, 9 + 3 * ask, minute);
                    minute += 2;
                    let Decision::Offer(mut offer) =
                        decide(&model, &person.values, &person.movements, at)
                    else {
                        break;
                    };
                    let (mi, m) = person
                        .movements
                        .iter()
                        .enumerate()
                        .find(|(_, m)| m.id == offer.movement_id)
                        .expect("offers come from the person's movements");
                    let diffs = effective_difficulties(&model, m);
                    let forced = match policy {
                        Policy::Engine => None,
                        Policy::FullAct => Some(m.rungs.len() - 1),
                        Policy::Smallest => Some(0),
                    };
                    if let Some(i) = forced {
                        offer.rung_index = Some(i as u32);
                        offer.difficulty = diffs[i];
                        offer.size.seconds = m.rungs[i].seconds;
                    }
                    let true_d = match offer.rung_index {
                        Some(i) => {
                            m.rungs[i as usize].difficulty + person.true_offsets[mi][i as usize]
                        }
                        None => m.rungs[0].difficulty + person.true_offsets[mi][0] - 1.5,
                    };
                    let p_true = sigmoid(capacity - true_d);
                    tally.offers += 1;
                    tally.predicted_sum +=
                        sigmoid(model.capacity_at(at).effective - offer.difficulty);
                    let kind = match offer.rung_index.and_then(|i| m.rungs.get(i as usize)) {
                        None => 0,
                        Some(r) => r.kind as usize,
                    };
                    tally.by_kind[kind] += 1;
                    if p_true < 0.5 {
                        tally.above_capacity += 1;
                    }
                    if let Some(n) = readapt.as_mut() {
                        if p_true >= FITS {
                            tally.readapt_offers.push(*n);
                            readapt = None;
                        } else {
                            *n += 1;
                        }
                    }
                    model.apply(&Event {
                        at,
                        kind: EventKind::Offered(offer.clone()),
                    });
                    let u = answers.next_f64();
                    let response = if u < 0.07 {
                        Response::NotNow
                    } else if u < 0.10 {
                        Response::SomethingElse
                    } else if answers.next_f64() < p_true {
                        Response::Done
                    } else if answers.next_f64() < 0.65 {
                        Response::SmallerPlease
                    } else {
                        Response::Started
                    };
                    if matches!(
                        response,
                        Response::Done | Response::Started | Response::SmallerPlease
                    ) {
                        tally.attempts += 1;
                    }
                    if response == Response::Done {
                        tally.done += 1;
                        tally.done_seconds += u64::from(offer.size.seconds);
                    }
                    model.apply(&Event {
                        at: at + Duration::minutes(1),
                        kind: EventKind::Replied(Reply::plain(response)),
                    });
                    if !matches!(response, Response::SmallerPlease | Response::SomethingElse) {
                        break;
                    }
                }
            }
        }
        if let Some(n) = readapt.take() {
            tally.readapt_offers.push(n);
        }
    }
    tally
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
    let seed = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_260_105);
    println!("Synthetic people: {PEOPLE} per cohort, {DAYS} days each, seed {seed}.");
    println!(
        "Re-adapt = offers after a sudden drop before the first that fits (true P >= {FITS}).\n"
    );
    println!("| cohort | policy | offers | realised success | re-adapt offers (mean / p90 / share <= 2) | offers above true capacity (P < 0.5) | mean size of a Done | engine's predicted P | offers internal / prep / first minutes / act |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (cohort, checks_in) in [("checks in most days", true), ("never checks in", false)] {
        for (name, policy) in [
            ("engine", Policy::Engine),
            ("always the full act", Policy::FullAct),
            ("always the smallest rung", Policy::Smallest),
        ] {
            let t = simulate(policy, checks_in, seed, &library);
            let mut r = t.readapt_offers.clone();
            r.sort_unstable();
            let mean = r.iter().map(|x| f64::from(*x)).sum::<f64>() / r.len().max(1) as f64;
            let p90 = r.get((r.len() * 9) / 10).copied().unwrap_or(0);
            let within2 = r.iter().filter(|x| **x <= 2).count() as f64 / r.len().max(1) as f64;
            println!(
                "| {cohort} | {name} | {} | {:.3} | {:.2} / {} / {:.0}% | {:.1}% | {:.0} s | {:.3} | {} |",
                t.offers,
                t.done as f64 / t.attempts.max(1) as f64,
                mean,
                p90,
                100.0 * within2,
                100.0 * t.above_capacity as f64 / t.offers.max(1) as f64,
                t.done_seconds as f64 / t.done.max(1) as f64,
                t.predicted_sum / t.offers.max(1) as f64,
                t.by_kind
                    .iter()
                    .map(|k| format!("{:.0}%", 100.0 * *k as f64 / t.offers.max(1) as f64))
                    .collect::<Vec<_>>()
                    .join(" / "),
            );
        }
    }
}
