// The same thaw-core workload for both builds of the wipe-cost benchmark (included, not a
// module, so each example is one small file): a vault, then a few hundred days' worth of
// check-ins, offers, answers and journal entries, read back now and then. Prints the time.

use std::time::Instant;

use chrono::{Duration, FixedOffset, TimeZone};
use thaw_core::ipc::*;
use thaw_core::{KdfParams, Thaw};

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let label = std::env::args().nth(1).unwrap_or_default();
    let mut times = Vec::new();
    for _ in 0..5 {
        times.push(runtime.block_on(workload()));
    }
    times.sort_by(f64::total_cmp);
    println!("{label}: median {:.0} ms over {} runs (min {:.0}, max {:.0})", times[2], times.len(), times[0], times[4]);
}

async fn workload() -> f64 {
    let dir = tempfile::tempdir().expect("temp dir");
    let start = FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 1, 1, 9, 0, 0)
        .unwrap();
    let mut thaw = Thaw::new(dir.path().join("data"), dir.path().join("backups"), KdfParams::insecure_for_tests());
    let t = Instant::now();
    thaw.create_vault("lantern moss quietly river seven", start).await.unwrap();
    let keys: Vec<String> = thaw_core::library(LifeArea::Relationships)
        .unwrap()
        .into_iter()
        .take(2)
        .map(|m| m.key)
        .collect();
    thaw.add_value(&NewValue { area: LifeArea::Relationships, words: "Being there for my sister".into(), library_keys: keys }, start)
        .await
        .unwrap();
    let words = "a quiet morning, a short walk, a kind word to myself. ".repeat(20);
    for day in 0..150 {
        let now = start + Duration::days(day);
        let view = thaw
            .check_in(&CheckInInput { energy: Some(Level::Some), mood: Some(Level::Low), room: None }, now)
            .await
            .unwrap();
        if let TodayDecision::Offer(offer) = view.decision {
            let response = if day % 3 == 0 { Response::NotNow } else { Response::Done };
            thaw.respond(&RespondInput { offer_id: offer.offer_id, response, dread_before: Some(1) }, now)
                .await
                .unwrap();
        }
        thaw.add_journal(&JournalInput { text: format!("{day} {words}"), prompt: None, session_id: None, to_discuss: false }, now)
            .await
            .unwrap();
        if day % 15 == 0 {
            thaw.journal().await.unwrap();
            thaw.progress(now).await.unwrap();
        }
    }
    thaw.lock().await.unwrap();
    t.elapsed().as_secs_f64() * 1000.0
}
