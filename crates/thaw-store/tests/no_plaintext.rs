//! No plaintext at rest: rows with marker strings never appear in the database, its -wal or
//! -shm, a backup, or any other file the store leaves, while open or after closing. A control
//! on a plain SQLite file proves the scan would find them.

mod common;

use common::*;
use sqlx::{ConnectOptions, Connection};
use thaw_store::*;

const MARKERS: [&str; 4] = [
    "MARKER-journal-7f3a9c",
    "MARKER-value-b81e22",
    "MARKER-safety-c0ffee",
    "MARKER-shift-5ea5ea",
];

async fn write_markers(s: &Store) {
    for i in 0..50 {
        s.add_journal_entry(
            &JournalInput {
                session_id: None,
                prompt: None,
                body: format!("{} entry {i}", MARKERS[0]),
                to_discuss: true,
            },
            at(0, i),
        )
        .await
        .unwrap();
    }
    s.add_value(None, MARKERS[1], t0()).await.unwrap();
    // The safety plan is one JSON setting (thaw-core's `clinical.rs`).
    s.set_setting(
        "safety_plan",
        &serde_json::json!({ "reasons_for_living": [MARKERS[2]] }),
        t0(),
    )
    .await
    .unwrap();
    s.add_shift(None, None, MARKERS[3], t0()).await.unwrap();
}

fn hits(dir: &std::path::Path) -> Vec<(std::path::PathBuf, &'static str)> {
    let mut out = Vec::new();
    for f in files_under(dir) {
        for m in MARKERS {
            if file_contains(&f, m) {
                out.push((f.clone(), m));
            }
        }
    }
    out
}

#[tokio::test]
async fn markers_never_appear_in_any_file_while_open_after_lock_or_in_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (s, _) = new_store(&dir).await;
    write_markers(&s).await;

    // While open, the recent commits live in the -wal: it must be there and be clean.
    let files = files_under(&dir);
    assert!(
        files.iter().any(|f| f.ends_with("thaw.db-wal")),
        "{files:?}"
    );
    assert!(
        files.iter().any(|f| f.ends_with("thaw.db-shm")),
        "{files:?}"
    );
    assert_eq!(hits(&dir), vec![], "plaintext found while open");

    let backup = tmp.path().join("thaw-backup.thawbak");
    s.backup_to(&backup, t0()).await.unwrap();
    assert!(
        !MARKERS.iter().any(|m| file_contains(&backup, m)),
        "plaintext in the backup"
    );
    assert_eq!(
        hits(&dir),
        vec![],
        "plaintext found after backup (snapshot leftovers?)"
    );

    // Any temp file in the system temp dir created during the run must be clean too.
    assert_eq!(hits(tmp.path()), vec![]);
    s.lock().await;
    assert_eq!(hits(tmp.path()), vec![], "plaintext found after lock");

    // Restore into a fresh place: still nothing readable.
    let restored = tmp.path().join("restored");
    let r = restore_backup(
        &backup,
        &restored,
        UnlockSecret::Passphrase(PASSPHRASE),
        RestoreMode::RefuseIfDataExists,
    )
    .await
    .unwrap();
    assert_eq!(r.list_values(false).await.unwrap()[0].words, MARKERS[1]);
    assert_eq!(hits(&restored), vec![]);
    r.lock().await;
    assert_eq!(hits(&restored), vec![]);
}

/// The control: the same scan finds the markers in an unencrypted SQLite database, so the
/// test above could fail if encryption were off.
#[tokio::test]
async fn control_the_scan_finds_markers_in_a_plain_sqlite_file() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("plain.db");
    let mut conn = plaintext_options_for_comparison(&db, true)
        .connect()
        .await
        .unwrap();
    sqlx::query("CREATE TABLE t (body TEXT)")
        .execute(&mut conn)
        .await
        .unwrap();
    for m in MARKERS {
        sqlx::query("INSERT INTO t VALUES (?)")
            .bind(m)
            .execute(&mut conn)
            .await
            .unwrap();
    }
    // Found while open (in the -wal) ...
    assert!(!hits(tmp.path()).is_empty());
    // Closed and waited for: a dropped connection closes (and checkpoints) on its worker
    // thread later, and a scan racing it could see neither the -wal nor the moved pages.
    conn.close().await.unwrap();
    // ... and in the file itself.
    assert_eq!(hits(tmp.path()).len(), MARKERS.len());
}
