//! Store benchmark: 10 years of synthetic daily use, encrypted (SQLCipher) and plain SQLite.
//!
//! `cargo run --release -p thaw-store --example bench_store`
//!
//! Prints unlock time with the recommended Argon2id parameters (key derivation measured apart
//! from opening the pool), the Today and Progress queries, a single write, a backup and a
//! restore, for an encrypted store and for the same workload on an unencrypted database,
//! with the encrypted/plain ratio. Figures, not assertions: there are no timed tests.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Days, FixedOffset};
use sqlx::SqlitePool;
use thaw_store::{
    restore_backup, testing, KdfParams, NewCheckIn, RestoreMode, Store, UnlockSecret,
};

const PASSPHRASE: &str = "lantern orbit pickle meadow";
const DAYS: i64 = 3650;
const OFFERS: i64 = 20_000;
const JOURNAL: i64 = 1_000;
const SHIFTS: i64 = 1_500;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn start() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2016-01-01T08:00:00+01:00").unwrap()
}

fn ts(t: DateTime<FixedOffset>) -> String {
    t.with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Ten years of use written straight through the pool in batches (the repository methods
/// commit one row at a time with a full fsync each, which would only measure the disk).
async fn generate(pool: &SqlitePool) {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut tx = pool.begin().await.unwrap();
    for a in 0..5 {
        sqlx::query("INSERT INTO life_areas (name, sort_order, created_at, created_offset_min) VALUES (?, ?, ?, 60)")
            .bind(format!("area {a}")).bind(a).bind(ts(start())).execute(&mut *tx).await.unwrap();
        sqlx::query("INSERT INTO personal_values (life_area_id, words, created_at, created_offset_min) VALUES (?, ?, ?, 60)")
            .bind(a + 1).bind(format!("what matters in area {a}")).bind(ts(start())).execute(&mut *tx).await.unwrap();
    }
    for m in 0..40i64 {
        sqlx::query("INSERT INTO movements (value_id, title, created_at, created_offset_min) VALUES (?, ?, ?, 60)")
            .bind(m % 5 + 1).bind(format!("movement {m}")).bind(ts(start())).execute(&mut *tx).await.unwrap();
        for r in 0..5i64 {
            sqlx::query("INSERT INTO rungs (movement_id, position, text, size_seconds, internal) VALUES (?, ?, ?, ?, ?)")
                .bind(m + 1).bind(r).bind(format!("rung {r} of movement {m}")).bind(10 * (r + 1) * (r + 1)).bind(r < 2)
                .execute(&mut *tx).await.unwrap();
        }
    }
    tx.commit().await.unwrap();

    let offers_per_day = OFFERS as f64 / DAYS as f64;
    let mut offers_written = 0i64;
    let kinds = [
        "done",
        "started",
        "not_now",
        "smaller_please",
        "something_else",
        "done",
        "done",
    ];
    // One transaction per year of data.
    for year_start in (0..DAYS).step_by(365) {
        let mut tx = pool.begin().await.unwrap();
        for day in year_start..(year_start + 365).min(DAYS) {
            let morning = start() + Days::days(day);
            let date = morning.date_naive();
            sqlx::query("INSERT INTO check_ins (at, offset_min, local_date, energy, mood, room) VALUES (?, 60, ?, ?, ?, ?)")
            .bind(ts(morning)).bind(date).bind(rng.below(5) as i64).bind(rng.below(5) as i64).bind(rng.below(5) as i64)
            .execute(&mut *tx).await.unwrap();
            let target = ((day + 1) as f64 * offers_per_day) as i64;
            while offers_written < target {
                let t = morning + Days::minutes(30 + 40 * (offers_written % 8));
                let m = rng.below(40) as i64;
                let id: i64 = sqlx::query_scalar(
                "INSERT INTO offers (offered_at, offered_offset_min, local_date, value_id, movement_id, rung_id, reason)
                 VALUES (?, 60, ?, ?, ?, ?, 'Energy is low today, so this one takes about 30 seconds') RETURNING id")
                .bind(ts(t)).bind(date).bind(m % 5 + 1).bind(m + 1).bind(m * 5 + 1 + rng.below(5) as i64)
                .fetch_one(&mut *tx).await.unwrap();
                let kind = kinds[rng.below(kinds.len() as u64) as usize];
                let done = (kind == "done").then(|| ts(t + Days::minutes(3)));
                sqlx::query("INSERT INTO responses (offer_id, kind, responded_at, responded_offset_min, local_date, started_at, done_at, dread_before, satisfaction_after)
                         VALUES (?, ?, ?, 60, ?, ?, ?, ?, ?)")
                .bind(id).bind(kind).bind(ts(t + Days::minutes(1))).bind(date)
                .bind((kind != "not_now").then(|| ts(t + Days::minutes(1)))).bind(done)
                .bind(rng.below(5) as i64).bind(rng.below(5) as i64)
                .execute(&mut *tx).await.unwrap();
                offers_written += 1;
            }
            if day % (DAYS / SHIFTS).max(1) == 0
                || rng.below(1000) < ((SHIFTS * 1000 / DAYS) % 1000) as u64 / 3
            {
                sqlx::query("INSERT INTO internal_shifts (at, offset_min, local_date, value_id, words) VALUES (?, 60, ?, ?, ?)")
                .bind(ts(morning + Days::hours(5))).bind(date).bind(rng.below(5) as i64 + 1)
                .bind("thought about it without dread").execute(&mut *tx).await.unwrap();
            }
            if day * JOURNAL / DAYS != (day + 1) * JOURNAL / DAYS {
                let body = "Today I noticed something small and kept it. "
                    .repeat(6 + rng.below(20) as usize);
                sqlx::query("INSERT INTO journal_entries (at, offset_min, local_date, body, to_discuss) VALUES (?, 60, ?, ?, ?)")
                .bind(ts(morning + Days::hours(12))).bind(date).bind(body).bind(rng.below(10) == 0)
                .execute(&mut *tx).await.unwrap();
            }
        }
        tx.commit().await.unwrap();
    }
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await
        .unwrap();
}

async fn counts(pool: &SqlitePool) -> String {
    let mut out = Vec::new();
    for t in [
        "check_ins",
        "offers",
        "responses",
        "internal_shifts",
        "journal_entries",
    ] {
        let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT count(*) FROM {t}")))
            .fetch_one(pool)
            .await
            .unwrap();
        out.push(format!("{t}={n}"));
    }
    out.join(", ")
}

/// Median of `n` runs of `f`.
async fn median<F, Fut>(n: usize, mut f: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        f().await;
        v.push(t.elapsed());
    }
    v.sort();
    v[n / 2]
}

struct Figures {
    today: Duration,
    progress_12w: Duration,
    progress_all: Duration,
    write: Duration,
}

async fn query_figures(s: &Store) -> Figures {
    let last = start().date_naive() + Days::days(DAYS - 1);
    let first = start().date_naive();
    let twelve_weeks = last - Days::weeks(12);
    // Warm the cache once, as the app would have.
    let p = s.progress(first, last).await.unwrap();
    assert!(p.moves.len() as i64 >= OFFERS - 10);
    let today = median(201, || async { s.today(last).await.map(drop).unwrap() }).await;
    let progress_12w = median(101, || async {
        s.progress(twelve_weeks, last).await.map(drop).unwrap()
    })
    .await;
    let progress_all = median(21, || async {
        s.progress(first, last).await.map(drop).unwrap()
    })
    .await;
    let mut i = 0;
    let write = median(51, || {
        i += 1;
        let now = start() + Days::days(DAYS) + Days::minutes(i);
        async move {
            s.add_check_in(
                NewCheckIn {
                    energy: Some(2),
                    mood: None,
                    room: None,
                },
                now,
            )
            .await
            .map(drop)
            .unwrap()
        }
    })
    .await;
    Figures {
        today,
        progress_12w,
        progress_all,
        write,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn ratio(a: Duration, b: Duration) -> String {
    format!("{:.2}x", a.as_secs_f64() / b.as_secs_f64().max(1e-9))
}

fn size_of(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Everything measured on the unencrypted database.
struct PlainRun {
    open: Duration,
    q: Figures,
    backup: Duration,
    restore: Duration,
    generate: Duration,
    size: u64,
}

/// The same workload on an unencrypted database (same schema, pragmas and `Store` methods).
async fn plain_run(root: &Path) -> PlainRun {
    let plain_dir = root.join("plain");
    std::fs::create_dir_all(&plain_dir).unwrap();
    let plain_db = plain_dir.join("thaw.db");
    let p = testing::open_unencrypted_for_benchmark(&plain_db)
        .await
        .unwrap();
    let t = Instant::now();
    generate(p.pool()).await;
    let generate_t = t.elapsed();
    p.lock().await;
    let open = median(5, || async {
        testing::open_unencrypted_for_benchmark(&plain_db)
            .await
            .unwrap()
            .lock()
            .await
    })
    .await;
    let p = testing::open_unencrypted_for_benchmark(&plain_db)
        .await
        .unwrap();
    let q = query_figures(&p).await;
    // The plain-SQLite equivalent of a backup: a consistent copy with VACUUM INTO.
    let plain_copy = root.join("plain-copy.db");
    let backup = median(5, || async {
        let _ = std::fs::remove_file(&plain_copy);
        sqlx::query("VACUUM INTO ?")
            .bind(plain_copy.to_string_lossy().into_owned())
            .execute(p.pool())
            .await
            .unwrap();
    })
    .await;
    let size = size_of(&plain_db);
    p.lock().await;
    let mut n = 0;
    // ... and of a restore: copy the file into place, open it, integrity_check.
    let restore = median(3, || {
        n += 1;
        let target = root.join(format!("plain-restored-{n}"));
        let plain_copy = plain_copy.clone();
        async move {
            std::fs::create_dir_all(&target).unwrap();
            std::fs::copy(&plain_copy, target.join("thaw.db")).unwrap();
            let s = testing::open_unencrypted_for_benchmark(&target.join("thaw.db"))
                .await
                .unwrap();
            let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(s.pool())
                .await
                .unwrap();
            assert_eq!(ok, "ok");
            s.lock().await;
        }
    })
    .await;
    std::fs::remove_dir_all(&plain_dir).unwrap();
    PlainRun {
        open,
        q,
        backup,
        restore,
        generate: generate_t,
        size,
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let kdf = KdfParams::recommended();
    println!(
        "Thaw store benchmark: {DAYS} days, ~{OFFERS} offers+responses, {JOURNAL} journal entries"
    );
    println!(
        "KDF: Argon2id m={} MiB, t={}, p={}",
        kdf.memory_kib / 1024,
        kdf.iterations,
        kdf.parallelism
    );

    // 1. Plain SQLite before any SQLCipher connection exists: `cipher_memory_security` is
    //    process-wide and can only be switched on, so this is the pure-SQLite baseline.
    let base = plain_run(tmp.path()).await;

    // 2. Encrypted (this switches cipher_memory_security on for the process).
    let enc_dir = tmp.path().join("enc");
    let t = Instant::now();
    let (s, code) = Store::create(&enc_dir, PASSPHRASE, kdf).await.unwrap();
    let create = t.elapsed();
    drop(code);
    let t = Instant::now();
    generate(s.pool()).await;
    let gen_enc = t.elapsed();
    println!("rows: {}", counts(s.pool()).await);
    s.lock().await;

    let mut kdf_times = Vec::new();
    let mut open_times = Vec::new();
    for _ in 0..5 {
        let (s, kdf_t, open_t) = testing::unlock_timed(&enc_dir, PASSPHRASE).await.unwrap();
        kdf_times.push(kdf_t);
        open_times.push(open_t);
        s.lock().await;
    }
    kdf_times.sort();
    open_times.sort();
    let (kdf_t, open_enc) = (kdf_times[2], open_times[2]);
    let s = Store::unlock_with_passphrase(&enc_dir, PASSPHRASE)
        .await
        .unwrap();
    let enc = query_figures(&s).await;
    let backup = tmp.path().join("b.thawbak");
    let backup_enc = median(5, || async { s.backup_to(&backup, start()).await.unwrap() }).await;
    let db_size_enc = size_of(&enc_dir.join("store/thaw.db"));
    s.lock().await;
    let mut n = 0;
    let restore_enc = median(3, || {
        n += 1;
        let target = tmp.path().join(format!("restored-{n}"));
        let backup = backup.clone();
        async move {
            restore_backup(
                &backup,
                &target,
                UnlockSecret::Passphrase(PASSPHRASE),
                RestoreMode::RefuseIfDataExists,
            )
            .await
            .unwrap()
            .lock()
            .await
        }
    })
    .await;

    // 3. Plain again, now with the same memory-security allocator as the encrypted run:
    //    the difference to (2) is the encryption alone.
    let same = plain_run(tmp.path()).await;

    println!();
    println!(
        "Columns: E = encrypted store (cipher_memory_security ON); P1 = plain SQLite, same process"
    );
    println!("settings as E (memory security ON, so E/P1 is the cost of encryption alone); P0 = plain SQLite");
    println!("before any SQLCipher connection (memory security off: the pure-SQLite baseline).");
    println!();
    println!("| measure (median, ms) | E | P1 | P0 | E/P1 | E/P0 |");
    println!("|---|---:|---:|---:|---:|---:|");
    let row = |name: &str, e: Duration, p1: Duration, p0: Duration| {
        println!(
            "| {name} | {} | {} | {} | {} | {} |",
            ms(e),
            ms(p1),
            ms(p0),
            ratio(e, p1),
            ratio(e, p0)
        );
    };
    println!(
        "| create store (2 x Argon2id in parallel + schema) | {} | - | - | - | - |",
        ms(create)
    );
    println!(
        "| unlock: key derivation (Argon2id) | {} | - | - | - | - |",
        ms(kdf_t)
    );
    row(
        "unlock: open pool + quick_check + migrations",
        open_enc,
        same.open,
        base.open,
    );
    row(
        "unlock total (key derivation + open)",
        kdf_t + open_enc,
        same.open,
        base.open,
    );
    row(
        "Today query (last day)",
        enc.today,
        same.q.today,
        base.q.today,
    );
    row(
        "Progress query, last 12 weeks",
        enc.progress_12w,
        same.q.progress_12w,
        base.q.progress_12w,
    );
    row(
        "Progress query, all 10 years (~22,000 rows)",
        enc.progress_all,
        same.q.progress_all,
        base.q.progress_all,
    );
    row(
        "one check-in write (commit, synchronous=FULL)",
        enc.write,
        same.q.write,
        base.q.write,
    );
    row(
        "backup (E: export + AEAD + atomic write; P: VACUUM INTO)",
        backup_enc,
        same.backup,
        base.backup,
    );
    row(
        "restore (E: Argon2id + AEAD + integrity_check + swap; P: copy + integrity_check)",
        restore_enc,
        same.restore,
        base.restore,
    );
    row(
        "generate 10 years (batched inserts)",
        gen_enc,
        same.generate,
        base.generate,
    );
    println!();
    println!(
        "database size: encrypted {} KiB, plain {} KiB; backup file {} KiB",
        db_size_enc / 1024,
        base.size / 1024,
        size_of(&backup) / 1024
    );
}
