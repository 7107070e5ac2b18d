//! What "nothing acknowledged unless stored" costs per write: the store's write path (its own
//! `BEGIN IMMEDIATE`, the commit counter, the high-water marks read in the transaction, the
//! `COMMIT`, the sealed record written in place) against the bare autocommit `INSERT` the
//! store used before; a use-case's unit of three writes against three separate writes; the
//! checkpoint that empties the log; and an unlock's open (checks on the exclusive connection,
//! then the pool).
//!
//! `cargo run -p thaw-store --example bench_write_path [--release]`
//!
//! Figures, not assertions: there are no timed tests.

use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use thaw_store::{testing, JournalInput, KdfParams, NewCheckIn, Store};

const PASSPHRASE: &str = "lantern orbit pickle meadow";
const RUNS: usize = 201;

fn now(i: usize) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-10T09:00:00+01:00").unwrap()
        + chrono::Duration::seconds(i as i64)
}

fn median(mut v: Vec<Duration>) -> f64 {
    v.sort();
    v[v.len() / 2].as_secs_f64() * 1000.0
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, _) = Store::create(&dir, PASSPHRASE, KdfParams::insecure_for_tests())
        .await
        .unwrap();
    // Some history, so the marks and the open have something to look at.
    for i in 0..2_000 {
        store
            .add_journal_entry(
                &JournalInput {
                    session_id: None,
                    prompt: None,
                    body: format!("entry {i} {}", "words ".repeat(40)),
                    to_discuss: false,
                },
                now(i),
            )
            .await
            .unwrap();
    }

    let mut write_path = Vec::new();
    let mut bare = Vec::new();
    for i in 0..RUNS {
        let t = Instant::now();
        store
            .add_check_in(
                NewCheckIn {
                    energy: Some(2),
                    mood: None,
                    room: None,
                },
                now(i),
            )
            .await
            .unwrap();
        write_path.push(t.elapsed());
        let t = Instant::now();
        sqlx::query(
            "INSERT INTO check_ins (at, offset_min, local_date, energy) VALUES (?, 60, '2026-03-10', 2)",
        )
        .bind(format!("2026-03-10T08:{:02}:{:02}.000Z", i / 60, i % 60))
        .execute(store.pool())
        .await
        .unwrap();
        bare.push(t.elapsed());
    }

    let mut unit3 = Vec::new();
    let mut separate3 = Vec::new();
    for i in 0..RUNS / 4 {
        let t = Instant::now();
        let unit = store.begin_unit().await.unwrap();
        unit.add_check_in(NewCheckIn::default(), now(i))
            .await
            .unwrap();
        unit.add_shift(None, None, "noticed", now(i)).await.unwrap();
        unit.save_engine_snapshot("m", &serde_json::json!({ "i": i }), now(i))
            .await
            .unwrap();
        unit.commit_unit().await.unwrap();
        unit3.push(t.elapsed());
        let t = Instant::now();
        store
            .add_check_in(NewCheckIn::default(), now(i))
            .await
            .unwrap();
        store
            .add_shift(None, None, "noticed", now(i))
            .await
            .unwrap();
        store
            .save_engine_snapshot("m", &serde_json::json!({ "i": i }), now(i))
            .await
            .unwrap();
        separate3.push(t.elapsed());
    }

    let mut checkpoints = Vec::new();
    for i in 0..11 {
        for j in 0..20 {
            store
                .add_check_in(NewCheckIn::default(), now(i * 20 + j))
                .await
                .unwrap();
        }
        let t = Instant::now();
        store.checkpoint().await.unwrap();
        checkpoints.push(t.elapsed());
    }
    store.lock().await;

    let mut opens = Vec::new();
    for _ in 0..11 {
        let (s, _kdf, open) = testing::unlock_timed(&dir, PASSPHRASE).await.unwrap();
        opens.push(open);
        s.lock().await;
    }

    let profile = if cfg!(debug_assertions) {
        "debug (SQLCipher and the ciphers optimised, as in the dev profile)"
    } else {
        "release"
    };
    println!("write path, {profile}; medians");
    println!(
        "one write, store's path (BEGIN IMMEDIATE, counter, marks, COMMIT, record): {:.2} ms",
        median(write_path)
    );
    println!(
        "one write, bare autocommit INSERT (before):                        {:.2} ms",
        median(bare)
    );
    println!(
        "three writes as one unit:                                          {:.2} ms",
        median(unit3)
    );
    println!(
        "three writes, each its own commit:                                 {:.2} ms",
        median(separate3)
    );
    println!(
        "checkpoint (TRUNCATE) after 20 writes:                             {:.2} ms",
        median(checkpoints)
    );
    println!(
        "unlock open (exclusive checks + pool + migrations), 2,000 entries:  {:.2} ms",
        median(opens)
    );
}
