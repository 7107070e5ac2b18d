//! Crash safety: a child process writes in a loop and reports each committed id; it is killed
//! with SIGKILL at random moments, many times. After each kill the database opens,
//! `PRAGMA integrity_check` says ok, and every id the child reported committed is there.

#![cfg(unix)]

mod common;

use common::*;
use std::collections::BTreeSet;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use thaw_store::Store;

const KILLS: usize = 25;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_at_random_moments_never_loses_a_reported_commit() {
    let seed = std::env::var("THAW_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("crash test seed: {seed} (set THAW_CRASH_SEED to replay)");
    let mut rng = Rng(seed);

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    new_store(&dir).await.0.lock().await;
    // The folder is the child's while it runs (one process per data folder).
    thaw_store::testing::release_data_dir(&dir);

    let mut committed: BTreeSet<i64> = BTreeSet::new();
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_thaw-store-crash-writer"))
            .arg(&dir)
            .arg(PASSPHRASE)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (ready_rx, reader) = thaw_store::testing::read_reports(stdout, "committed");
        ready_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("writer did not get ready");
        let delay = Duration::from_millis(5 + rng.next() % 400);
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let ids = reader.join().unwrap();
        assert!(
            round > 0 || !ids.is_empty() || delay.as_millis() < 50,
            "writer wrote nothing"
        );
        committed.extend(ids);

        let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
            .await
            .unwrap_or_else(|e| panic!("round {round}: store did not open after SIGKILL: {e:?}"));
        let check: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(store.pool())
            .await
            .unwrap();
        assert_eq!(check, ["ok"], "round {round}");
        let present: BTreeSet<i64> = sqlx::query_scalar("SELECT id FROM journal_entries")
            .fetch_all(store.pool())
            .await
            .unwrap()
            .into_iter()
            .collect();
        let missing: Vec<_> = committed.difference(&present).collect();
        assert!(
            missing.is_empty(),
            "round {round}: reported commits lost: {missing:?}"
        );
        store.lock().await;
        thaw_store::testing::release_data_dir(&dir);
    }
    println!(
        "{} commits reported across {KILLS} kills, all present",
        committed.len()
    );
    assert!(committed.len() > KILLS, "too few writes to mean anything");
}
