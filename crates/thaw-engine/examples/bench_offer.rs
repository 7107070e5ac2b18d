//! Ten years of synthetic history, then timings.
//! `cargo run --release -p thaw-engine --example bench_offer`
//!
//! Builds ~3,650 check-ins and ~20,000 offers with answers (plus shifts and moments), then times:
//! an offer from the incremental model, applying one event, a JSON snapshot round trip, and
//! folding the whole history from scratch. (The example reads the clock to measure; the engine
//! never does.)

use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_engine::*;

#[path = "support/rng.rs"]
mod rng;
use rng::SplitMix64;

fn at(day: i64, minutes: i64) -> DateTime<FixedOffset> {
    let tz = FixedOffset::east_opt(-5 * 3600).expect("valid offset");
    tz.with_ymd_and_hms(2016, 1, 4, 8, 0, 0)
        .single()
        .expect("valid time")
        + Duration::days(day)
        + Duration::minutes(minutes)
}

fn percentiles(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    (p(0.5), p(0.95))
}

fn main() {
    let library = match starter_library() {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    // Five values, each with the library's movements of its area: 44 movements in all.
    let values: Vec<Value> = LifeArea::ALL
        .iter()
        .enumerate()
        .map(|(i, area)| Value {
            id: i as i64 + 1,
            area: *area,
            words: format!("value {}", i + 1),
        })
        .collect();
    let movements: Vec<Movement> = library
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let value = values.iter().find(|v| v.area == t.area).map_or(1, |v| v.id);
            t.adopt(100 + i as i64, value)
        })
        .collect();

    let mut rng = SplitMix64::new(42);
    let mut model = Model::default();
    let mut events: Vec<Event> = Vec::new();
    let mut push = |model: &mut Model, e: Event| {
        model.apply(&e);
        events.push(e);
    };
    let mut offers = 0u32;
    let levels = [Level::Low, Level::Some, Level::Good];
    for day in 0..3650 {
        push(
            &mut model,
            Event {
                at: at(day, 0),
                kind: EventKind::CheckIn(CheckIn {
                    energy: Some(levels[2 - (rng.below(5) / 4) as usize]),
                    mood: Some(levels[rng.below(3) as usize]),
                    room: Some(Level::Good),
                }),
            },
        );
        if rng.below(4) == 0 {
            push(
                &mut model,
                Event {
                    at: at(day, 30),
                    kind: EventKind::InternalShift(InternalShift {
                        value_id: Some(1 + rng.below(5) as i64),
                        note: "noticed something".into(),
                    }),
                },
            );
        }
        let mut minute = 60;
        for _ in 0..12 {
            if offers >= 20_000 * (day as u32 + 1) / 3650 {
                break;
            }
            let now = at(day, minute);
            let Decision::Offer(o) = decide(&model, &values, &movements, now) else {
                break;
            };
            push(
                &mut model,
                Event {
                    at: now,
                    kind: EventKind::Offered(o.clone()),
                },
            );
            offers += 1;
            let u = rng.next_f64();
            let response = if u < 0.03 {
                Response::NotNow
            } else if u < 0.75 {
                Response::Done
            } else if u < 0.80 {
                Response::Started
            } else if u < 0.92 {
                Response::SomethingElse
            } else {
                Response::SmallerPlease
            };
            push(
                &mut model,
                Event {
                    at: now + Duration::minutes(3),
                    kind: EventKind::Replied(Reply {
                        response,
                        dread_before: Some(rng.below(5) as u8),
                        satisfaction_after: Some(rng.below(5) as u8),
                    }),
                },
            );
            minute += 25;
        }
    }
    let checkins = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::CheckIn(_)))
        .count();
    println!(
        "History: {} events over 10 years ({checkins} check-ins, {offers} offers with answers), {} values, {} movements.",
        events.len(),
        values.len(),
        movements.len()
    );

    // An offer from the incremental model, the morning after the last day (no check-in yet),
    // and after that morning's check-in. Both must be real offers, not an early rest.
    let last_day = 3649;
    let mut morning = model.clone();
    morning.apply(&Event {
        at: at(last_day + 1, 0),
        kind: EventKind::CheckIn(CheckIn {
            energy: Some(Level::Some),
            mood: Some(Level::Some),
            room: Some(Level::Some),
        }),
    });
    let mut offer_us = Vec::new();
    let mut offer_checked_in_us = Vec::new();
    for i in 0..5000 {
        let now = at(last_day + 1, 60 + i64::from(i % 300));
        for (m, out) in [
            (&model, &mut offer_us),
            (&morning, &mut offer_checked_in_us),
        ] {
            let t = Instant::now();
            let d = decide(m, &values, &movements, now);
            out.push(t.elapsed().as_secs_f64() * 1e6);
            if d.offer().is_none() {
                eprintln!("expected an offer");
            }
            std::hint::black_box(d);
        }
    }
    // Applying one event (an answer) to the model.
    let mut apply_us = Vec::new();
    let sample = Event {
        at: at(last_day, 900),
        kind: EventKind::Moment,
    };
    for _ in 0..5000 {
        let mut m = model.clone();
        let t = Instant::now();
        m.apply(&sample);
        apply_us.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(m);
    }
    // Snapshot round trip.
    let json = serde_json::to_string(&model).unwrap_or_default();
    let mut snapshot_us = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let s = serde_json::to_string(&model).unwrap_or_default();
        let back: Result<Model, _> = serde_json::from_str(&s);
        snapshot_us.push(t.elapsed().as_secs_f64() * 1e6);
        std::hint::black_box(back.ok());
    }
    // Folding the whole history.
    let mut fold_ms = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let m = Model::fold(&events);
        fold_ms.push(t.elapsed().as_secs_f64() * 1e3);
        if m != model {
            eprintln!("fold differs from the incremental model");
        }
    }

    let (o50, o95) = percentiles(offer_us);
    let (c50, c95) = percentiles(offer_checked_in_us);
    let (a50, a95) = percentiles(apply_us);
    let (s50, s95) = percentiles(snapshot_us);
    let (f50, f95) = percentiles(fold_ms);
    println!("\n| operation | median | p95 |");
    println!("|---|---:|---:|");
    println!("| offer (`decide`) from the incremental model, new day, no check-in | {o50:.1} µs | {o95:.1} µs |");
    println!("| offer (`decide`) from the incremental model, after a check-in | {c50:.1} µs | {c95:.1} µs |");
    println!("| apply one event to the model | {a50:.2} µs | {a95:.2} µs |");
    println!(
        "| model snapshot to JSON and back ({:.0} KiB) | {:.2} ms | {:.2} ms |",
        json.len() as f64 / 1024.0,
        s50 / 1e3,
        s95 / 1e3
    );
    println!("| fold the whole history | {f50:.1} ms | {f95:.1} ms |");
}
