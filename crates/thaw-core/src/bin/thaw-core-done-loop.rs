//! Test helper for the Done-under-SIGKILL test (not shipped in the app).
//!
//! `thaw-core-done-loop <data dir> <passphrase> <start unix ms>`: opens Thaw (setting it up
//! with two values the first time), then taps through the daily loop as fast as it can: Done
//! on every step offered, "I have a moment" when none is waiting. It prints `done <offer id>`
//! after each Done returns (committed). Simulated time runs an hour per real second from
//! `<start unix ms>`, so days, budgets and rest days come round. The test kills it with
//! SIGKILL at random moments and checks the store after each kill.

use std::io::Write;
use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Duration, FixedOffset};
use thaw_core::ipc::*;
use thaw_core::{KdfParams, Thaw};

fn now(start_ms: i64) -> DateTime<FixedOffset> {
    let real_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_millis() as i64;
    DateTime::parse_from_rfc3339("2026-03-02T08:00:00+01:00").expect("valid time")
        + Duration::milliseconds((real_ms - start_ms) * 3600)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, passphrase, start] = args.as_slice() else {
        eprintln!("usage: thaw-core-done-loop <data dir> <passphrase> <start unix ms>");
        std::process::exit(2);
    };
    let start: i64 = start.parse().expect("start in unix ms");
    let dir = std::path::Path::new(dir);
    let mut thaw = Thaw::new(
        dir.to_path_buf(),
        dir.with_extension("backups"),
        KdfParams::insecure_for_tests(),
    );
    match thaw.status().await.expect("status").vault {
        VaultState::New => {
            thaw.create_vault(passphrase, now(start))
                .await
                .expect("setup");
            let values = [
                (LifeArea::Relationships, "Being there for my sister"),
                (LifeArea::MindBodySpirit, "Feeling at home in my body"),
            ];
            thaw_core::testing::add_values(&mut thaw, &values, 2, now(start))
                .await
                .expect("values");
        }
        _ => {
            thaw.unlock(passphrase, now(start)).await.expect("unlock");
        }
    }
    println!("ready");
    let mut out = std::io::stdout().lock();
    loop {
        let view = thaw.today(now(start)).await.expect("today");
        let view = match view.decision {
            TodayDecision::Offer(_) => view,
            _ => thaw.moment(now(start)).await.expect("moment"),
        };
        if let TodayDecision::Offer(o) = view.decision {
            let input = RespondInput {
                offer_id: o.offer_id,
                response: Response::Done,
                dread_before: None,
            };
            thaw.respond(&input, now(start)).await.expect("done");
            writeln!(out, "done {}", o.offer_id).expect("stdout");
            out.flush().expect("stdout");
        }
    }
}
