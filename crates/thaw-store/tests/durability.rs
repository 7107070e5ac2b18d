//! Nothing lost: on a full disk every write is either stored or refused as `storage_full`
//! (never acknowledged and dropped); one process per data folder; the database file holds the
//! data after a lock; a store that opens with less than it held is held for review, with its
//! files untouched, and never looks like a new person; a damaged database and its log are
//! left byte for byte; killed backups and restores leave nothing behind at the next start;
//! a unit is stored whole or not at all.

#![cfg(unix)]

mod common;

use common::*;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use thaw_store::*;

fn entry(body: &str) -> JournalInput {
    JournalInput {
        session_id: None,
        prompt: None,
        body: body.into(),
        to_discuss: false,
    }
}

fn store_file(dir: &Path, name: &str) -> PathBuf {
    dir.join("store").join(name)
}

fn len_or_zero(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

async fn journal_bodies(s: &Store) -> BTreeSet<String> {
    s.list_journal(at(-400, 0).date_naive(), at(400, 0).date_naive(), true)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.body)
        .collect()
}

/// Runs a helper binary on `dir` and returns its first line of output.
fn probe(dir: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_thaw-store-open-probe"))
        .arg(dir)
        .arg(PASSPHRASE)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[tokio::test]
async fn another_process_is_refused_while_this_one_holds_the_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (s, _) = new_store(&dir).await;
    s.add_journal_entry(&entry("mine"), t0()).await.unwrap();
    assert_eq!(
        probe(&dir),
        "error in_use",
        "a second process opened the folder"
    );
    // Locking the store does not let go of the folder: the app holds it for its whole life.
    s.lock().await;
    assert_eq!(probe(&dir), "error in_use");
    assert!(matches!(vault_status(&dir), Ok(VaultStatus::Locked)));
    // Once this process lets go, the other one opens it.
    testing::release_data_dir(&dir);
    assert_eq!(probe(&dir), "ok");
    let s = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(
        journal_bodies(&s).await,
        BTreeSet::from(["mine".to_string()])
    );
    s.lock().await;
}

#[tokio::test]
async fn a_unit_is_stored_whole_or_not_at_all() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = new_store(tmp.path()).await;

    let unit = s.begin_unit().await.unwrap();
    unit.add_journal_entry(&entry("one"), t0()).await.unwrap();
    unit.add_check_in(NewCheckIn::default(), t0())
        .await
        .unwrap();
    // Inside the unit its own writes are visible.
    assert_eq!(journal_bodies(&unit).await.len(), 1);
    unit.rollback_unit().await;
    assert!(journal_bodies(&s).await.is_empty());
    assert!(s
        .list_check_ins(t0().date_naive(), t0().date_naive())
        .await
        .unwrap()
        .is_empty());

    // Dropped without a commit: nothing either.
    {
        let unit = s.begin_unit().await.unwrap();
        unit.add_journal_entry(&entry("dropped"), t0())
            .await
            .unwrap();
    }
    assert!(journal_bodies(&s).await.is_empty());

    let unit = s.begin_unit().await.unwrap();
    unit.add_journal_entry(&entry("two"), t0()).await.unwrap();
    unit.add_check_in(NewCheckIn::default(), t0())
        .await
        .unwrap();
    unit.commit_unit().await.unwrap();
    assert_eq!(
        journal_bodies(&s).await,
        BTreeSet::from(["two".to_string()])
    );
    assert_eq!(
        s.list_check_ins(t0().date_naive(), t0().date_naive())
            .await
            .unwrap()
            .len(),
        1
    );
    s.lock().await;
}

#[tokio::test]
async fn after_a_lock_the_database_file_alone_holds_everything() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (s, _) = new_store(&dir).await;
    s.add_value(None, "being outside", t0()).await.unwrap();
    for i in 0..30 {
        s.add_journal_entry(&entry(&format!("entry {i}")), at(0, i))
            .await
            .unwrap();
    }
    s.lock().await;
    assert_eq!(
        len_or_zero(&store_file(&dir, "thaw.db-wal")),
        0,
        "the log still holds data after a lock"
    );

    // The database file copied on its own (with its vault) opens with everything.
    let copy = tmp.path().join("copy");
    std::fs::create_dir_all(copy.join("store")).unwrap();
    for name in ["thaw.db", "vault.json", "high-water"] {
        std::fs::copy(store_file(&dir, name), store_file(&copy, name)).unwrap();
    }
    let c = Store::unlock_with_passphrase(&copy, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(c.shortfall(), None);
    assert_eq!(journal_bodies(&c).await.len(), 30);
    assert_eq!(c.list_values(false).await.unwrap().len(), 1);
    c.lock().await;
}

#[tokio::test]
async fn writes_settle_into_the_database_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (s, _) = new_store(&dir).await;
    for i in 0..20 {
        s.add_journal_entry(&entry(&format!("entry {i}")), at(0, i))
            .await
            .unwrap();
    }
    let wal = store_file(&dir, "thaw.db-wal");
    assert!(len_or_zero(&wal) > 0, "the writes went to the log first");
    // A couple of seconds after the last write the log is copied in and emptied (generous
    // bound: this is about it happening at all on a busy machine, not about its speed).
    let deadline = Instant::now() + Duration::from_secs(30);
    while len_or_zero(&wal) > 0 {
        assert!(Instant::now() < deadline, "the log never settled");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // While the store stays open, the database file alone already has everything.
    let copy = tmp.path().join("copy");
    std::fs::create_dir_all(copy.join("store")).unwrap();
    for name in ["thaw.db", "vault.json", "high-water"] {
        std::fs::copy(store_file(&dir, name), store_file(&copy, name)).unwrap();
    }
    let c = Store::unlock_with_passphrase(&copy, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(c.shortfall(), None);
    assert_eq!(journal_bodies(&c).await.len(), 20);
    c.lock().await;
    s.lock().await;
}

/// A store whose newest commits are only in its log, and a copy of its files taken then.
/// A reader pinned to an early snapshot keeps any checkpoint from copying the later commits
/// into `thaw.db`, so what the database file lacks is known exactly.
async fn store_with_commits_only_in_its_log(tmp: &Path) -> PathBuf {
    let dir = tmp.join("data");
    let (s, _) = new_store(&dir).await;
    for i in 0..10 {
        s.add_journal_entry(&entry(&format!("early {i}")), at(0, i))
            .await
            .unwrap();
    }
    assert!(s.checkpoint().await.unwrap());
    let mut pin = s.pool().begin().await.unwrap();
    let _: Vec<i64> = sqlx::query_scalar("SELECT id FROM journal_entries")
        .fetch_all(&mut *pin)
        .await
        .unwrap();
    s.add_value(None, "being there for my sister", at(0, 20))
        .await
        .unwrap();
    for i in 10..30 {
        s.add_journal_entry(&entry(&format!("later {i}")), at(0, i))
            .await
            .unwrap();
    }
    let _ = s.checkpoint().await;
    let saved = tmp.join("saved");
    std::fs::create_dir_all(saved.join("store")).unwrap();
    for name in ["thaw.db", "thaw.db-wal", "vault.json", "high-water"] {
        std::fs::copy(store_file(&dir, name), store_file(&saved, name)).unwrap();
    }
    pin.rollback().await.unwrap();
    s.lock().await;
    saved
}

/// A copy of `saved` with its log changed by `damage` (or left out with `None`).
fn copy_with_log(saved: &Path, to: &Path, damage: Option<fn(&mut Vec<u8>)>) {
    std::fs::create_dir_all(to.join("store")).unwrap();
    for name in ["thaw.db", "vault.json", "high-water"] {
        std::fs::copy(store_file(saved, name), store_file(to, name)).unwrap();
    }
    if let Some(damage) = damage {
        let mut wal = std::fs::read(store_file(saved, "thaw.db-wal")).unwrap();
        damage(&mut wal);
        std::fs::write(store_file(to, "thaw.db-wal"), wal).unwrap();
    }
}

fn bytes_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir.join("store"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn a_store_that_opens_with_less_than_it_held_is_held_for_review_not_new() {
    let tmp = tempfile::tempdir().unwrap();
    let saved = store_with_commits_only_in_its_log(tmp.path()).await;

    // The whole copy, log and all, is complete.
    let whole = tmp.path().join("whole");
    copy_with_log(&saved, &whole, Some(|_| {}));
    let s = Store::unlock_with_passphrase(&whole, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(s.shortfall(), None);
    assert_eq!(journal_bodies(&s).await.len(), 30);
    s.lock().await;

    // The database file without its log: no value, 10 of 30 entries. Said, not hidden.
    let alone = tmp.path().join("alone");
    copy_with_log(&saved, &alone, None);
    let before = bytes_of(&alone);
    let s = Store::unlock_with_passphrase(&alone, PASSPHRASE)
        .await
        .unwrap();
    let shortfall = s
        .shortfall()
        .cloned()
        .expect("the missing data went unnoticed");
    let rows = |table: &str| {
        shortfall
            .missing
            .iter()
            .find(|m| m.table == table)
            .map(|m| (m.found, m.expected))
    };
    assert_eq!(rows("journal_entries"), Some((10, 30)));
    assert_eq!(rows("personal_values"), Some((0, 1)));
    assert!(shortfall.changes_missing);
    // What is there can be read; nothing can be written while it is held.
    assert_eq!(journal_bodies(&s).await.len(), 10);
    let e = s.add_journal_entry(&entry("new"), at(1, 0)).await;
    assert_eq!(e.unwrap_err().kind(), "held_for_review");
    s.lock().await;
    assert_eq!(
        bytes_of(&alone),
        before,
        "a held store's files were changed"
    );
    // Opening again says the same.
    let s = Store::unlock_with_passphrase(&alone, PASSPHRASE)
        .await
        .unwrap();
    assert!(s.shortfall().is_some());
    // The person chooses to carry on with what is here: it opens for writing, and from now
    // on this is the baseline.
    let s = s.accept_as_found().await.unwrap();
    assert_eq!(s.shortfall(), None);
    s.add_journal_entry(&entry("new"), at(1, 0)).await.unwrap();
    s.lock().await;
    let s = Store::unlock_with_passphrase(&alone, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(s.shortfall(), None);
    assert_eq!(journal_bodies(&s).await.len(), 11);
    s.lock().await;

    // A log cut in half after a crash, and a log whose last frame was damaged.
    for (name, damage) in [
        (
            "cut",
            (|w: &mut Vec<u8>| w.truncate(w.len() / 2)) as fn(&mut Vec<u8>),
        ),
        ("flipped", |w: &mut Vec<u8>| {
            let n = w.len();
            for b in &mut w[n - 600..n - 500] {
                *b ^= 0x55;
            }
        }),
    ] {
        let d = tmp.path().join(name);
        copy_with_log(&saved, &d, Some(damage));
        let s = Store::unlock_with_passphrase(&d, PASSPHRASE).await.unwrap();
        let found = journal_bodies(&s).await.len();
        let shortfall = s.shortfall().cloned();
        s.lock().await;
        assert!(found < 30, "{name}: the damage lost nothing ({found})");
        let shortfall = shortfall.unwrap_or_else(|| panic!("{name}: {found} of 30, unnoticed"));
        assert!(
            shortfall
                .missing
                .iter()
                .any(|m| m.table == "journal_entries" && m.found as usize == found),
            "{name}: {shortfall:?}"
        );
    }
}

#[tokio::test]
async fn a_damaged_database_with_its_log_present_is_left_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    new_store(&dir).await.0.lock().await;
    testing::release_data_dir(&dir);
    // A writer killed mid-flight leaves a log (and its index) beside the database.
    let mut child = Command::new(env!("CARGO_BIN_EXE_thaw-store-crash-writer"))
        .arg(&dir)
        .arg(PASSPHRASE)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut committed = 0;
    while committed < 400 {
        let line = lines.next().unwrap().unwrap();
        if line.starts_with("committed") {
            committed += 1;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let wal = store_file(&dir, "thaw.db-wal");
    assert!(len_or_zero(&wal) > 0, "no log to protect");
    // Damage every page of the database file (pages only in the log are still fine).
    let db = store_file(&dir, "thaw.db");
    let mut bytes = std::fs::read(&db).unwrap();
    for page in bytes.chunks_mut(4096).skip(1) {
        for b in &mut page[1000..1016] {
            *b ^= 0x5a;
        }
    }
    std::fs::write(&db, &bytes).unwrap();
    let before = bytes_of(&dir);
    assert!(before.iter().any(|(n, _)| n == "thaw.db-shm"));

    for _ in 0..2 {
        let e = Store::unlock_with_passphrase(&dir, PASSPHRASE)
            .await
            .unwrap_err();
        assert!(
            ["corrupt", "not_a_database"].contains(&e.kind()),
            "unexpected {e:?}"
        );
        assert_eq!(
            bytes_of(&dir),
            before,
            "the database, its log or its index changed"
        );
    }
}

/// Runs the crash writer in `mode` until it has finished `after` operations, then kills it.
fn kill_mid(dir: &Path, mode: &str, file: &Path, after: usize, extra: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_thaw-store-crash-writer"))
        .arg(dir)
        .arg(PASSPHRASE)
        .arg(mode)
        .arg(file)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut done = 0;
    while done < after {
        let line = lines.next().unwrap().unwrap();
        assert!(!line.starts_with("error"), "{mode}: {line}");
        if line.starts_with("done") {
            done += 1;
        }
    }
    std::thread::sleep(extra);
    child.kill().unwrap();
    child.wait().unwrap();
}

fn leftovers(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for d in [dir.to_path_buf(), dir.join("store")] {
        for e in std::fs::read_dir(&d).unwrap() {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with(".backup-snapshot-")
                || name.starts_with(".thaw-staging-")
                || name.starts_with(".thaw-previous-store")
                || name.starts_with(".tmp-")
            {
                out.push(name);
            }
        }
    }
    out
}

#[tokio::test]
async fn killed_backups_and_restores_leave_nothing_after_the_next_start() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (s, _) = new_store(&dir).await;
    for i in 0..200 {
        s.add_journal_entry(
            &entry(&format!("entry {i} {}", "words ".repeat(30))),
            at(0, i),
        )
        .await
        .unwrap();
    }
    let backup = tmp.path().join("b.thawbackup");
    s.backup_to(&backup, t0()).await.unwrap();
    s.lock().await;
    testing::release_data_dir(&dir);

    for (mode, file) in [
        ("backup", tmp.path().join("again.thawbackup")),
        ("restore", backup.clone()),
    ] {
        // Kill at growing moments until one kill lands mid-operation and leaves something.
        let mut left = Vec::new();
        for attempt in 0..150u64 {
            kill_mid(
                &dir,
                mode,
                &file,
                1,
                Duration::from_millis(attempt * 3 % 100),
            );
            left = leftovers(&dir);
            if !left.is_empty() {
                break;
            }
        }
        assert!(!left.is_empty(), "{mode}: no kill left anything to clear");
        // The next start (another process claiming the folder) clears it and opens fine.
        assert_eq!(probe(&dir), "ok", "{mode}");
        assert_eq!(leftovers(&dir), Vec::<String>::new(), "{mode}");
    }
    let s = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(journal_bodies(&s).await.len(), 200);
    s.lock().await;
}

/// A small tmpfs, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } != 0 {
            return None;
        }
        std::fs::create_dir_all(at).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "running as root, yet a tmpfs could not be mounted");
        Some(SmallDisk(at.to_path_buf()))
    }

    /// Fill the disk to the last byte with a file that [`SmallDisk::free`] removes.
    fn fill(&self) {
        let mut f = std::fs::File::create(self.0.join("filler")).unwrap();
        let mut chunk = 1 << 16;
        while chunk > 0 {
            match f.write(&vec![7u8; chunk]) {
                Ok(n) if n == chunk => {}
                _ => chunk /= 2,
            }
        }
        let _ = f.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.0.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

#[tokio::test]
async fn on_a_full_disk_every_write_is_stored_or_refused_as_storage_full() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&tmp.path().join("disk"), "3m") else {
        println!("skipped: mounting a small tmpfs needs root");
        return;
    };
    let dir = disk.0.join("data");
    let (s, _) = new_store(&dir).await;
    let value = s.add_value(None, "being outside", t0()).await.unwrap();
    let offer = s
        .add_offer(
            &NewOffer {
                value_id: Some(value.id),
                movement_id: None,
                rung_id: None,
                reason: "a reason".into(),
                source: OfferSource::Engine,
                text: "Take one slow breath. That is all.".into(),
                kind: thaw_engine::RungKind::Internal,
                seconds: 5,
                bit_more: false,
            },
            t0(),
        )
        .await
        .unwrap();
    // Full at once, with recent commits still in the log, and again once the log has been
    // emptied: both ways a write needs room that is not there.
    let mut acknowledged = BTreeSet::new();
    let mut refused = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for round in 0..2 {
        disk.fill();
        if round == 1 {
            tokio::time::sleep(Duration::from_secs(4)).await;
        }
        for i in 0..40 {
            let body = format!("round {round} entry {i} {}", "words ".repeat(40));
            match s.add_journal_entry(&entry(&body), at(1, i)).await {
                Ok(e) => {
                    assert_eq!(e.body, body);
                    acknowledged.insert(body);
                }
                Err(e) => {
                    assert_eq!(e.kind(), "storage_full", "{e:?}");
                    refused.insert(body);
                }
            }
            // Every other kind of write, too: each is Ok or storage_full, nothing else.
            let results: Vec<(&str, Result<()>)> = vec![
                (
                    "check-in",
                    s.add_check_in(NewCheckIn::default(), at(1, i))
                        .await
                        .map(drop),
                ),
                (
                    "shift",
                    s.add_shift(None, None, "noticed", at(1, i)).await.map(drop),
                ),
                ("value", s.add_value(None, "v", at(1, i)).await.map(drop)),
                (
                    "movement",
                    s.add_movement(
                        Some(value.id),
                        "m",
                        None,
                        &[RungInput {
                            text: "r".into(),
                            size_seconds: Some(10),
                            kind: thaw_engine::RungKind::Internal,
                        }],
                        at(1, i),
                    )
                    .await
                    .map(drop),
                ),
                (
                    "response",
                    s.respond_to_offer(
                        offer.id,
                        NewResponse {
                            kind: ResponseKind::Done,
                            dread_before: None,
                            satisfaction_after: Some(3),
                        },
                        at(1, i),
                    )
                    .await
                    .map(drop),
                ),
                (
                    "questionnaire",
                    s.add_questionnaire(Instrument::Phq9, &[0, 1, 0, 0, 0, 0, 0, 0, 2], at(1, i))
                        .await
                        .map(drop),
                ),
                (
                    "safety plan",
                    s.set_setting(
                        "safety_plan",
                        &serde_json::json!({ "reasons_for_living": [format!("reason {i}")] }),
                        at(1, i),
                    )
                    .await,
                ),
                ("setting", s.set_setting("k", &i, at(1, i)).await),
                (
                    "draft",
                    s.save_draft("journal", &"typed ".repeat(100), at(1, i))
                        .await,
                ),
                (
                    "engine",
                    s.save_engine_snapshot("m", &serde_json::json!({ "i": i }), at(1, i))
                        .await,
                ),
            ];
            for (what, r) in results {
                if let Err(e) = r {
                    assert_eq!(e.kind(), "storage_full", "{what}: {e:?}");
                    kinds.insert(what);
                }
            }
        }
        // Still full: everything stored can be read, on fresh connections too.
        for _ in 0..6 {
            journal_bodies(&s).await;
            s.setting("safety_plan").await.unwrap();
            s.setting("k").await.unwrap();
            s.list_values(true).await.unwrap();
        }
        disk.free();
    }
    assert!(!refused.is_empty(), "the full disk refused nothing");
    assert!(kinds.len() >= 5, "only {kinds:?} were refused");
    s.lock().await;
    testing::release_data_dir(&dir);
    // Space again: everything acknowledged is there, and nothing refused is.
    let s = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    let bodies = journal_bodies(&s).await;
    let lost: Vec<_> = acknowledged.difference(&bodies).collect();
    assert!(lost.is_empty(), "acknowledged and lost: {}", lost.len());
    assert!(bodies.is_disjoint(&refused), "refused yet stored");
    s.lock().await;
    println!(
        "full disk: {} journal writes stored, {} refused as storage_full; refused kinds: {kinds:?}",
        acknowledged.len(),
        refused.len()
    );
}

#[tokio::test]
async fn on_a_full_disk_what_is_stored_stays_readable_after_refusals_and_a_quiet_while() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&tmp.path().join("disk"), "3m") else {
        println!("skipped: mounting a small tmpfs needs root");
        return;
    };
    let dir = disk.0.join("data");
    let (s, _) = new_store(&dir).await;
    for i in 0..5 {
        s.add_journal_entry(&entry(&format!("kept {i}")), at(0, i))
            .await
            .unwrap();
    }
    // Full right after a write: refusals close the connections they used, and once writes
    // have settled the checkpoint opens another. SQLite resets the log's shared-memory index
    // when a connection opens alone, and cannot grow it back on a full disk: reads then failed
    // or, worse, showed an older state without the last acknowledged writes (seen before the
    // store kept one connection open for its whole life).
    disk.fill();
    let (mut stored, mut refused) = (0, 0);
    for i in 0..20 {
        match s
            .add_journal_entry(&entry(&"x".repeat(3000)), at(1, i))
            .await
        {
            Ok(_) => stored += 1,
            Err(e) => {
                assert_eq!(e.kind(), "storage_full");
                refused += 1;
            }
        }
    }
    assert!(refused > 0, "the full disk refused nothing");
    tokio::time::sleep(access_settle() + Duration::from_secs(2)).await;
    for _ in 0..5 {
        assert_eq!(journal_bodies(&s).await.len(), 5 + stored);
        s.list_values(true).await.unwrap();
        s.setting("anything").await.unwrap();
    }
    disk.free();
    s.add_journal_entry(&entry("room again"), at(2, 0))
        .await
        .unwrap();
    assert_eq!(journal_bodies(&s).await.len(), 6 + stored);
    s.lock().await;
}

/// How long the store waits for writes to settle before checkpointing (see access.rs).
fn access_settle() -> Duration {
    Duration::from_secs(2)
}
