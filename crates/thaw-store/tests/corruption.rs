//! A truncated or corrupted database gives a clear error and the original file is left
//! byte-for-byte untouched: never replaced by a fresh empty database.

mod common;

use common::*;
use std::path::Path;
use thaw_store::*;

async fn store_with_data(dir: &Path) {
    let (s, _) = new_store(dir).await;
    for i in 0..300 {
        s.add_journal_entry(
            &JournalInput {
                session_id: None,
                prompt: None,
                body: format!("entry {i} {}", "x".repeat(200)),
                to_discuss: false,
            },
            at(0, i),
        )
        .await
        .unwrap();
    }
    s.lock().await;
}

fn db(dir: &Path) -> std::path::PathBuf {
    dir.join("store/thaw.db")
}

async fn assert_refused_and_untouched(dir: &Path, expect: &[&str]) {
    let before = std::fs::read(db(dir)).unwrap();
    let e = Store::unlock_with_passphrase(dir, PASSPHRASE)
        .await
        .unwrap_err();
    assert!(expect.contains(&e.kind()), "unexpected error {e:?}");
    assert_eq!(
        std::fs::read(db(dir)).unwrap(),
        before,
        "the damaged file was modified"
    );
    // Trying again gives the same answer: nothing was "repaired" into an empty database.
    let e2 = Store::unlock_with_passphrase(dir, PASSPHRASE)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), e2.kind());
    assert_eq!(std::fs::read(db(dir)).unwrap(), before);
}

#[tokio::test]
async fn truncated_to_half() {
    let tmp = tempfile::tempdir().unwrap();
    store_with_data(tmp.path()).await;
    let len = std::fs::metadata(db(tmp.path())).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(db(tmp.path()))
        .unwrap()
        .set_len(len / 2 + 100)
        .unwrap();
    assert_refused_and_untouched(tmp.path(), &["corrupt", "not_a_database"]).await;
}

#[tokio::test]
async fn truncated_to_nothing_is_not_silently_a_new_empty_database() {
    let tmp = tempfile::tempdir().unwrap();
    store_with_data(tmp.path()).await;
    std::fs::OpenOptions::new()
        .write(true)
        .open(db(tmp.path()))
        .unwrap()
        .set_len(0)
        .unwrap();
    assert_refused_and_untouched(tmp.path(), &["corrupt"]).await;
    assert_eq!(std::fs::metadata(db(tmp.path())).unwrap().len(), 0);
}

#[tokio::test]
async fn database_file_missing_is_corrupt_not_a_fresh_start() {
    let tmp = tempfile::tempdir().unwrap();
    store_with_data(tmp.path()).await;
    std::fs::remove_file(db(tmp.path())).unwrap();
    let e = Store::unlock_with_passphrase(tmp.path(), PASSPHRASE)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "corrupt");
    assert!(!db(tmp.path()).exists(), "a fresh database was created");
}

#[tokio::test]
async fn flipped_bytes_in_a_middle_page() {
    let tmp = tempfile::tempdir().unwrap();
    store_with_data(tmp.path()).await;
    let mut bytes = std::fs::read(db(tmp.path())).unwrap();
    let mid = bytes.len() / 2;
    for b in &mut bytes[mid..mid + 64] {
        *b ^= 0x5a;
    }
    std::fs::write(db(tmp.path()), &bytes).unwrap();
    assert_refused_and_untouched(tmp.path(), &["corrupt", "not_a_database"]).await;
}

#[tokio::test]
async fn flipped_bytes_in_the_first_page() {
    let tmp = tempfile::tempdir().unwrap();
    store_with_data(tmp.path()).await;
    let mut bytes = std::fs::read(db(tmp.path())).unwrap();
    for b in &mut bytes[100..164] {
        *b ^= 0xff;
    }
    std::fs::write(db(tmp.path()), &bytes).unwrap();
    assert_refused_and_untouched(tmp.path(), &["not_a_database", "corrupt"]).await;
}

#[tokio::test]
async fn damaged_vault_file_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    store_with_data(tmp.path()).await;
    std::fs::write(tmp.path().join("store/vault.json"), b"{ not json").unwrap();
    assert_refused_and_untouched(tmp.path(), &["vault_invalid"]).await;
}
