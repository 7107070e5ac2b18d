//! A Done is one unit: the reply, the learned model and the next offer are stored together or
//! not at all. A child process taps Done as fast as it can through the real facade and the
//! real encrypted store and is killed with SIGKILL at random moments, many times. After each
//! kill the store opens, and it is consistent: the engine's saved model knows exactly the
//! latest offer the store holds and whether it was answered, and every Done the child reported
//! is stored as done.

#![cfg(unix)]

use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{FixedOffset, NaiveDate, TimeZone};
use thaw_store::{ResponseKind, Store};

const PASSPHRASE: &str = "lantern moss quietly river seven";
const KILLS: usize = 30;

/// A tiny xorshift so the test needs no extra crate; the seed is printed for replay.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn unix_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_inside_done_leaves_reply_model_and_next_offer_together() {
    let seed = std::env::var("THAW_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| unix_ms() as u64 | 1);
    println!("done-sigkill seed: {seed} (set THAW_CRASH_SEED to replay)");
    let mut rng = Rng(seed);
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let start = unix_ms();

    let mut reported: BTreeSet<i64> = BTreeSet::new();
    let mut kills_mid_loop = 0;
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_thaw-core-done-loop"))
            .arg(&dir)
            .arg(PASSPHRASE)
            .arg(start.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (ready_rx, reader) = thaw_store::testing::read_reports(stdout, "done");
        // Wait for the child to be in its loop (under load this can take a while), then let
        // it run for a random while: kills land anywhere inside a Done or between them.
        let ready = ready_rx.recv_timeout(Duration::from_secs(120)).is_ok();
        assert!(ready, "round {round}: the child never became ready");
        std::thread::sleep(Duration::from_millis(20 + rng.next() % 400));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let ids = reader.join().unwrap();
        if !ids.is_empty() {
            kills_mid_loop += 1;
        }
        reported.extend(ids);

        let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
            .await
            .unwrap();
        let model = store
            .engine_snapshot("engine_model")
            .await
            .unwrap()
            .expect("the model is saved from the first moment");
        let now = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2030, 1, 1, 12, 0, 0)
            .unwrap();
        let daily = store
            .daily(
                NaiveDate::from_ymd_opt(2030, 1, 1).unwrap(),
                now,
                "settings",
            )
            .await
            .unwrap();
        match (&daily.latest, model.get("last").filter(|l| !l.is_null())) {
            (None, None) => {}
            (Some(latest), Some(last)) => {
                assert_eq!(
                    last["offer"]["text"].as_str(),
                    Some(latest.offer.text.as_str()),
                    "round {round}: the model's last offer is the store's latest"
                );
                assert_eq!(
                    last["response"].is_null(),
                    latest.response.is_none(),
                    "round {round}: the model and the store agree whether it was answered"
                );
            }
            (latest, last) => panic!("round {round}: store {latest:?} but model {last:?}"),
        }
        // Every Done the child saw return is stored as done.
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let to = NaiveDate::from_ymd_opt(2031, 1, 1).unwrap();
        let done: BTreeSet<i64> = store
            .progress(from, to)
            .await
            .unwrap()
            .moves
            .iter()
            .filter(|m| m.kind == ResponseKind::Done)
            .map(|m| m.offer_id)
            .collect();
        let lost: Vec<_> = reported.difference(&done).collect();
        assert!(
            lost.is_empty(),
            "round {round}: reported but not stored: {lost:?}"
        );
        store.lock().await;
        thaw_store::testing::release_data_dir(&dir);
    }
    println!(
        "{KILLS} kills, {kills_mid_loop} after at least one Done in that run, {} Dones reported",
        reported.len()
    );
    assert!(
        kills_mid_loop >= KILLS / 3,
        "most kills should land while Dones are being tapped"
    );
}
