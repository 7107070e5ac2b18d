//! What one daily command costs, in SQL statements and time, against a store holding ten
//! years of history: opening Today (a new day, so a step is decided and recorded; and again
//! with that step waiting), a check-in, and a Done tap.
//!
//! The history is written through the same facade the app uses (a check-in and a Done every
//! day), so the same program measures the code before and after a change.
//!
//! `cargo run --release --features custom-protocol -p thaw-core --example bench_daily`
//! (`THAW_BENCH_DAYS=365` for a shorter history.)
//!
//! Statements are counted from sqlx's own query events (target `sqlx::query`), which cover
//! every statement sent, `BEGIN` and `COMMIT` included. Figures, not assertions.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, TimeZone};
use thaw_core::ipc::*;
use thaw_core::{KdfParams, Thaw};

const PASSPHRASE: &str = "lantern moss quietly river seven";

static STATEMENTS: AtomicU64 = AtomicU64::new(0);

/// A subscriber that only counts sqlx's per-statement events.
struct CountStatements;

impl tracing::Subscriber for CountStatements {
    fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
        metadata.target() == "sqlx::query"
    }
    fn new_span(&self, _: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        if event.metadata().target() == "sqlx::query" {
            STATEMENTS.fetch_add(1, Ordering::Relaxed);
        }
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

fn day(n: i64, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2016, 3, 1, hour, minute, 0)
        .unwrap()
        + chrono::Duration::days(n)
}

fn offer_id(view: &TodayView) -> Option<i64> {
    match &view.decision {
        TodayDecision::Offer(o) => Some(o.offer_id),
        _ => None,
    }
}

async fn onboarded(dir: &std::path::Path) -> Thaw {
    let mut thaw = Thaw::new(
        dir.join("data"),
        dir.join("backups"),
        KdfParams::insecure_for_tests(),
    );
    thaw.create_vault(PASSPHRASE, day(0, 8, 0)).await.unwrap();
    let values = [
        (LifeArea::Relationships, "Being there for my sister"),
        (LifeArea::MindBodySpirit, "Feeling at home in my body"),
    ];
    thaw_core::testing::add_values(&mut thaw, &values, 3, day(0, 8, 0))
        .await
        .unwrap();
    thaw
}

fn check_in() -> CheckInInput {
    CheckInInput {
        energy: Some(Level::Some),
        mood: Some(Level::Some),
        room: Some(Level::Good),
    }
}

fn done(offer_id: i64) -> RespondInput {
    RespondInput {
        offer_id,
        response: Response::Done,
        dread_before: None,
    }
}

#[derive(Default)]
struct Figures {
    times: Vec<Duration>,
    statements: Vec<u64>,
}

impl Figures {
    fn report(&mut self, what: &str) {
        self.times.sort();
        self.statements.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let n = self.times.len();
        println!(
            "{what:<34} statements median {:>3} (max {:>3})   time median {:>7.2} ms  p90 {:>7.2} ms  (n={n})",
            self.statements[n / 2],
            self.statements[n - 1],
            ms(self.times[n / 2]),
            ms(self.times[n * 9 / 10]),
        );
    }
}

async fn measure<T>(figures: &mut Figures, f: impl std::future::Future<Output = T>) -> T {
    let before = STATEMENTS.load(Ordering::Relaxed);
    let t = Instant::now();
    let out = f.await;
    figures.times.push(t.elapsed());
    figures
        .statements
        .push(STATEMENTS.load(Ordering::Relaxed) - before);
    out
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    tracing::subscriber::set_global_default(CountStatements).unwrap();
    let days: i64 = std::env::var("THAW_BENCH_DAYS")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or(3650);
    let tmp = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(tmp.path()).await;

    let t = Instant::now();
    for d in 1..=days {
        let view = thaw.check_in(&check_in(), day(d, 9, 0)).await.unwrap();
        if let Some(id) = offer_id(&view) {
            thaw.respond(&done(id), day(d, 9, 5)).await.unwrap();
        }
    }
    println!(
        "history: {days} days written through the facade in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    let mut open_new_day = Figures::default();
    let mut open_waiting = Figures::default();
    let mut check_ins = Figures::default();
    let mut dones = Figures::default();
    let mut next_steps = Figures::default();
    let mut plans_made = Figures::default();
    let mut quiet_ticks = Figures::default();
    for d in days + 1..=days + 41 {
        let view = measure(&mut open_new_day, thaw.today(day(d, 8, 0))).await;
        let view = view.unwrap();
        measure(&mut open_waiting, thaw.today(day(d, 8, 1)))
            .await
            .unwrap();
        let view = match offer_id(&view) {
            Some(_) => measure(&mut check_ins, thaw.check_in(&check_in(), day(d, 9, 0)))
                .await
                .unwrap(),
            None => view,
        };
        if let Some(id) = offer_id(&view) {
            let after = measure(&mut dones, thaw.respond(&done(id), day(d, 9, 5)))
                .await
                .unwrap();
            // Where a Done no longer brings the next step by itself, the person asks for it.
            if offer_id(&after).is_none() {
                measure(&mut next_steps, thaw.moment(day(d, 9, 10)))
                    .await
                    .unwrap();
            }
        }
        // The shell's half-minute prompt tick: after the day's writes the plan is made again;
        // the tick after, with nothing changed, keeps it (what every tick cost before).
        measure(&mut plans_made, thaw.plan_prompt(day(d, 9, 11)))
            .await
            .unwrap();
        let tick = day(d, 9, 11) + chrono::Duration::seconds(30);
        measure(&mut quiet_ticks, thaw.plan_prompt(tick))
            .await
            .unwrap();
    }
    open_new_day.report("open Today (a new day)");
    open_waiting.report("open Today (a step waiting)");
    check_ins.report("check-in");
    dones.report("Done tap");
    if !next_steps.times.is_empty() {
        next_steps.report("asking for the next step");
    }
    plans_made.report("prompt tick, plan made again");
    quiet_ticks.report("prompt tick, nothing changed");
    println!(
        "prompt plan made {} times in {} ticks",
        thaw.prompt_plans_made(),
        plans_made.times.len() + quiet_ticks.times.len()
    );
}
