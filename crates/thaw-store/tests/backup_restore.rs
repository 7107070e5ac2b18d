//! Encrypted backup and restore, and erase everything.

mod common;

use common::*;
use std::path::Path;
use thaw_store::*;

async fn store_with_things(dir: &Path) -> (Store, RecoveryCode) {
    let (s, code) = new_store(dir).await;
    let v = s.add_value(None, "being outside", t0()).await.unwrap();
    s.add_shift(Some(v.id), None, "noticed the light", t0())
        .await
        .unwrap();
    s.add_journal_entry(
        &JournalInput {
            session_id: None,
            prompt: None,
            body: "first entry".into(),
            to_discuss: true,
        },
        t0(),
    )
    .await
    .unwrap();
    (s, code)
}

#[tokio::test]
async fn backup_restores_on_a_new_device_with_passphrase_or_recovery_code() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, code) = store_with_things(&tmp.path().join("old")).await;
    let backup = tmp.path().join("b.thawbak");
    s.backup_to(&backup, t0()).await.unwrap();
    // The store keeps working after a backup (the snapshot is detached and removed).
    s.add_check_in(NewCheckIn::default(), t0()).await.unwrap();
    s.lock().await;

    let info = inspect_backup(&backup).unwrap();
    assert_eq!(info.format_version, 1);
    assert_eq!(info.created_at, t0());
    assert_eq!(&std::fs::read(&backup).unwrap()[..8], b"THAWBKP\0");

    let new1 = tmp.path().join("new1");
    let r = restore_backup(
        &backup,
        &new1,
        UnlockSecret::Passphrase(PASSPHRASE),
        RestoreMode::RefuseIfDataExists,
    )
    .await
    .unwrap();
    assert_eq!(
        r.list_values(false).await.unwrap()[0].words,
        "being outside"
    );
    assert_eq!(r.list_to_discuss().await.unwrap()[0].body, "first entry");
    r.lock().await;
    // The restored store unlocks with the same passphrase afterwards.
    Store::unlock_with_passphrase(&new1, PASSPHRASE)
        .await
        .unwrap()
        .lock()
        .await;

    let new2 = tmp.path().join("new2");
    let code_typed = code.to_string().to_lowercase();
    let r = restore_backup(
        &backup,
        &new2,
        UnlockSecret::RecoveryCode(&code_typed),
        RestoreMode::RefuseIfDataExists,
    )
    .await
    .unwrap();
    assert_eq!(
        r.progress(t0().date_naive(), t0().date_naive())
            .await
            .unwrap()
            .shifts
            .len(),
        1
    );
}

#[tokio::test]
async fn a_backup_is_useless_without_the_secret_and_wrong_secret_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = store_with_things(&tmp.path().join("old")).await;
    let backup = tmp.path().join("b.thawbak");
    s.backup_to(&backup, t0()).await.unwrap();
    let target = tmp.path().join("new");
    let e = restore_backup(
        &backup,
        &target,
        UnlockSecret::Passphrase(OTHER_PASSPHRASE),
        RestoreMode::RefuseIfDataExists,
    )
    .await
    .unwrap_err();
    assert_eq!(e.kind(), "wrong_secret");
    assert!(
        files_under(&target).is_empty(),
        "a failed restore left files behind"
    );
}

#[tokio::test]
async fn tampered_truncated_or_foreign_backups_are_refused_before_anything_is_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = store_with_things(&tmp.path().join("old")).await;
    let backup = tmp.path().join("b.thawbak");
    s.backup_to(&backup, t0()).await.unwrap();
    let good = std::fs::read(&backup).unwrap();

    // An existing store that must survive every failed replace-restore below.
    let target = tmp.path().join("target");
    let (t, _) = new_store(&target).await;
    t.add_value(None, "the existing data", t0()).await.unwrap();
    t.lock().await;
    let before = hash_tree(&target);

    let mut flipped_payload = good.clone();
    let n = flipped_payload.len();
    flipped_payload[n - 100] ^= 1;
    let mut flipped_header = good.clone();
    let pos = flipped_header
        .windows(10)
        .position(|w| w == b"created_at")
        .unwrap();
    flipped_header[pos + 14] ^= 1; // a digit of the date: header is AEAD associated data
    let truncated = good[..good.len() / 2].to_vec();
    let mut wrong_magic = good.clone();
    wrong_magic[0] = b'X';
    let mut future_version = good.clone();
    future_version[8] = 9;

    for (name, bytes) in [
        ("flipped payload", flipped_payload),
        ("flipped header", flipped_header),
        ("truncated", truncated),
        ("wrong magic", wrong_magic),
        ("future version", future_version),
        ("not a backup", b"hello".to_vec()),
    ] {
        let bad = tmp.path().join("bad.thawbak");
        std::fs::write(&bad, &bytes).unwrap();
        let e = restore_backup(
            &bad,
            &target,
            UnlockSecret::Passphrase(PASSPHRASE),
            RestoreMode::ReplaceExisting,
        )
        .await
        .unwrap_err();
        assert_eq!(e.kind(), "backup_invalid", "{name}: {e:?}");
        assert_eq!(hash_tree(&target), before, "{name}: existing data changed");
    }
    let t = Store::unlock_with_passphrase(&target, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(
        t.list_values(false).await.unwrap()[0].words,
        "the existing data"
    );
}

#[tokio::test]
async fn restore_never_silently_overwrites_and_replaces_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = store_with_things(&tmp.path().join("old")).await;
    let backup = tmp.path().join("b.thawbak");
    s.backup_to(&backup, t0()).await.unwrap();

    let target = tmp.path().join("target");
    let (t, _) = new_store(&target).await;
    t.add_value(None, "the existing data", t0()).await.unwrap();
    t.lock().await;
    let before = hash_tree(&target);

    let e = restore_backup(
        &backup,
        &target,
        UnlockSecret::Passphrase(PASSPHRASE),
        RestoreMode::RefuseIfDataExists,
    )
    .await
    .unwrap_err();
    assert_eq!(e.kind(), "restore_would_overwrite");
    assert_eq!(hash_tree(&target), before);

    let r = restore_backup(
        &backup,
        &target,
        UnlockSecret::Passphrase(PASSPHRASE),
        RestoreMode::ReplaceExisting,
    )
    .await
    .unwrap();
    let words: Vec<String> = r
        .list_values(false)
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.words)
        .collect();
    assert_eq!(words, ["being outside"]);
    r.lock().await;
    // Only the store's own entries remain: no staging or previous-store leftovers.
    let mut names: Vec<String> = std::fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["store"]);
}

#[tokio::test]
async fn an_interrupted_replace_is_rolled_back_on_next_open() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (s, _) = store_with_things(&dir).await;
    s.lock().await;
    // Simulate a crash between "old store moved aside" and "new store moved in".
    std::fs::rename(dir.join("store"), dir.join(".thaw-previous-store")).unwrap();
    let abandoned = dir.join(".thaw-staging-deadbeef");
    let running = dir.join(".thaw-staging-0000feed");
    std::fs::create_dir(&abandoned).unwrap();
    std::fs::create_dir(&running).unwrap();
    // Left by a crash an hour ago, unlike one that another task is filling right now.
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(&abandoned)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    assert_eq!(vault_status(&dir).unwrap(), VaultStatus::Locked);
    let s = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    assert_eq!(
        s.list_values(false).await.unwrap()[0].words,
        "being outside"
    );
    assert!(!abandoned.exists(), "an abandoned staging dir was kept");
    assert!(running.exists(), "a staging dir in use was removed");
}

#[tokio::test]
async fn erase_everything_removes_every_file_of_the_store() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (s, _) = store_with_things(&dir).await;
    // Leftovers that erase must also take: a staging dir and a previous store.
    std::fs::create_dir(dir.join(".thaw-staging-0123")).unwrap();
    std::fs::write(dir.join(".thaw-staging-0123/thaw.db"), b"x").unwrap();
    let files = files_under(&dir);
    for expected in ["thaw.db", "thaw.db-wal", "thaw.db-shm", "vault.json"] {
        assert!(
            files.iter().any(|f| f.ends_with(expected)),
            "{expected} missing before erase"
        );
    }
    s.erase_everything().await.unwrap();
    assert!(
        files_under(&dir).is_empty(),
        "left behind: {:?}",
        files_under(&dir)
    );
    assert!(!dir.exists(), "the emptied data dir should be gone too");
    assert_eq!(vault_status(&dir).unwrap(), VaultStatus::NotInitialised);

    // A file that is not the store's is never touched.
    let dir2 = tmp.path().join("data2");
    let (s2, _) = new_store(&dir2).await;
    std::fs::write(dir2.join("webview-cache.bin"), b"not ours").unwrap();
    s2.lock().await;
    erase_everything(&dir2).unwrap();
    let left: Vec<_> = files_under(&dir2);
    assert_eq!(left, vec![dir2.join("webview-cache.bin")]);
}
