//! Vault and keys: create, unlock, wrong secrets, recovery, passphrase change, lock, files.

mod common;

use common::*;
use std::process::Command;
use thaw_store::{vault_status, KdfParams, NewCheckIn, Store, StoreError, VaultStatus};

#[tokio::test]
async fn create_then_unlock_with_passphrase_sees_the_data() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    assert_eq!(vault_status(&dir).unwrap(), VaultStatus::NotInitialised);
    let (store, code) = new_store(&dir).await;
    store
        .add_check_in(
            NewCheckIn {
                energy: Some(2),
                mood: Some(3),
                room: None,
            },
            t0(),
        )
        .await
        .unwrap();
    store.lock().await;
    assert_eq!(vault_status(&dir).unwrap(), VaultStatus::Locked);
    assert_eq!(code.to_string().len(), 39);

    let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    let today = store.today(t0().date_naive()).await.unwrap();
    assert_eq!(today.check_ins.len(), 1);
    assert_eq!(today.check_ins[0].energy, Some(2));
    assert_eq!(today.check_ins[0].offset_min, 60);
}

#[tokio::test]
async fn wrong_passphrase_or_code_is_a_clear_error_and_changes_nothing_on_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, code) = new_store(&dir).await;
    store.lock().await;
    let before = hash_tree(&dir);

    let e = Store::unlock_with_passphrase(&dir, "lantern orbit pickle meadoW")
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::WrongSecret), "{e:?}");
    assert_eq!(e.kind(), "wrong_secret");

    // A well-formed but different recovery code.
    let mut other = code.to_string().into_bytes();
    other[0] = if other[0] == b'A' { b'B' } else { b'A' };
    let e = Store::unlock_with_recovery_code(&dir, std::str::from_utf8(&other).unwrap())
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::WrongRecoveryCode), "{e:?}");
    let e = Store::unlock_with_recovery_code(&dir, "not-a-code")
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "malformed_recovery_code");

    assert_eq!(
        hash_tree(&dir),
        before,
        "a failed unlock changed files on disk"
    );
}

#[tokio::test]
async fn recovery_code_unlocks_and_sets_a_new_passphrase_without_reencrypting() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, code) = new_store(&dir).await;
    store
        .add_shift(None, None, "thought about the walk without dread", t0())
        .await
        .unwrap();
    store.lock().await;
    let db = dir.join("store/thaw.db");
    let db_before = std::fs::read(&db).unwrap();

    // Typed sloppily: lower case, spaces instead of dashes.
    let typed = code.to_string().to_lowercase().replace('-', " ");
    let store = Store::recover(&dir, &typed, OTHER_PASSPHRASE, kdf())
        .await
        .unwrap();
    assert_eq!(
        store
            .progress(t0().date_naive(), t0().date_naive())
            .await
            .unwrap()
            .shifts
            .len(),
        1
    );
    store.lock().await;

    // Re-wrap only: the database file is byte-for-byte what it was.
    assert_eq!(std::fs::read(&db).unwrap(), db_before);
    assert!(matches!(
        Store::unlock_with_passphrase(&dir, PASSPHRASE).await,
        Err(StoreError::WrongSecret)
    ));
    Store::unlock_with_passphrase(&dir, OTHER_PASSPHRASE)
        .await
        .unwrap()
        .lock()
        .await;
    // The recovery code keeps working after the change.
    Store::unlock_with_recovery_code(&dir, &code.to_string())
        .await
        .unwrap()
        .lock()
        .await;
}

#[tokio::test]
async fn change_passphrase_rewraps_atomically_and_regenerated_code_replaces_the_old() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, old_code) = new_store(&dir).await;
    store
        .change_passphrase(OTHER_PASSPHRASE, kdf())
        .await
        .unwrap();
    let new_code = store.regenerate_recovery_code(kdf()).await.unwrap();
    store.lock().await;
    // No temporary files left next to the vault.
    let names: Vec<String> = std::fs::read_dir(dir.join("store"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with(".tmp")), "{names:?}");
    Store::unlock_with_passphrase(&dir, OTHER_PASSPHRASE)
        .await
        .unwrap()
        .lock()
        .await;
    Store::unlock_with_recovery_code(&dir, &new_code.to_string())
        .await
        .unwrap()
        .lock()
        .await;
    assert!(matches!(
        Store::unlock_with_recovery_code(&dir, &old_code.to_string()).await,
        Err(StoreError::WrongRecoveryCode)
    ));
}

#[tokio::test]
async fn weak_passphrase_is_refused_with_kind_feedback_and_nothing_is_created() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    match Store::create(&dir, "password1", kdf()).await {
        Err(StoreError::WeakPassphrase { feedback }) => {
            assert!(!feedback.is_empty());
            assert!(!feedback.contains("password1"));
        }
        other => panic!("expected WeakPassphrase, got {other:?}"),
    }
    assert!(files_under(&dir).is_empty());
    let (store, _) = new_store(&dir).await;
    assert!(matches!(
        store.change_passphrase("abc", kdf()).await,
        Err(StoreError::WeakPassphrase { .. })
    ));
}

#[tokio::test]
async fn create_refuses_to_overwrite_an_existing_store() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, _) = new_store(&dir).await;
    store.lock().await;
    let before = hash_tree(&dir);
    let e = Store::create(&dir, OTHER_PASSPHRASE, kdf())
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "already_initialised");
    assert_eq!(hash_tree(&dir), before);
}

#[tokio::test]
async fn unlocking_where_nothing_was_set_up_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let e = Store::unlock_with_passphrase(tmp.path(), PASSPHRASE)
        .await
        .unwrap_err();
    assert_eq!(e.kind(), "not_initialised");
}

#[cfg(unix)]
#[tokio::test]
async fn data_dir_is_owner_only_and_files_are_0600() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, _) = new_store(&dir).await;
    store
        .add_check_in(NewCheckIn::default(), t0())
        .await
        .unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("store")), 0o700);
    // While open: db, -wal and -shm all exist and are private.
    let files = files_under(&dir);
    assert!(
        files.iter().any(|f| f.ends_with("thaw.db-wal")),
        "{files:?}"
    );
    for f in &files {
        assert_eq!(mode(f), 0o600, "{f:?}");
    }
    store.lock().await;
}

#[tokio::test]
async fn the_recommended_kdf_is_what_the_issue_asks_for() {
    let p = KdfParams::recommended();
    assert_eq!(
        (p.memory_kib, p.iterations, p.parallelism),
        (64 * 1024, 3, 1)
    );
}

/// A database whose key does not match the vault (here: the vault of another store) gives a
/// clear error, SQLCipher prints nothing to stderr, and the database file is untouched.
#[tokio::test]
async fn mismatched_key_is_not_a_database_quietly_and_leaves_the_file_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a");
    let b = tmp.path().join("b");
    new_store(&a).await.0.lock().await;
    new_store(&b).await.0.lock().await;
    std::fs::copy(a.join("store/vault.json"), b.join("store/vault.json")).unwrap();
    let db = b.join("store/thaw.db");
    let before = std::fs::read(&db).unwrap();
    thaw_store::testing::release_data_dir(&a);
    thaw_store::testing::release_data_dir(&b);

    let out = Command::new(env!("CARGO_BIN_EXE_thaw-store-open-probe"))
        .arg(&b)
        .arg(PASSPHRASE)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "error not_a_database"
    );
    assert!(
        out.stderr.is_empty(),
        "stderr was not quiet: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);

    // And the right store still opens fine through the same probe.
    let out = Command::new(env!("CARGO_BIN_EXE_thaw-store-open-probe"))
        .arg(&a)
        .arg(PASSPHRASE)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
    assert!(out.stderr.is_empty());
}

#[tokio::test]
async fn repeated_wrong_attempts_pause_gently_then_the_right_one_works() {
    use std::time::{Duration, Instant};
    use thaw_store::{UnlockBackoff, UnlockSecret};
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    new_store(&dir).await.0.lock().await;
    let mut backoff = UnlockBackoff::new();
    let t = Instant::now();
    for _ in 0..4 {
        let e = Store::unlock_with_backoff(
            &dir,
            UnlockSecret::Passphrase("nope nope nope"),
            &mut backoff,
            t,
        )
        .await
        .unwrap_err();
        assert_eq!(e.kind(), "wrong_secret");
    }
    // After the fourth mistake there is a short pause, even for the right passphrase.
    match Store::unlock_with_backoff(&dir, UnlockSecret::Passphrase(PASSPHRASE), &mut backoff, t)
        .await
    {
        Err(StoreError::TryAgainLater { wait }) => assert_eq!(wait, Duration::from_secs(2)),
        other => panic!("expected a pause, got {other:?}"),
    }
    let later = t + Duration::from_secs(2);
    let s = Store::unlock_with_backoff(
        &dir,
        UnlockSecret::Passphrase(PASSPHRASE),
        &mut backoff,
        later,
    )
    .await
    .unwrap();
    assert_eq!(backoff.failures(), 0);
    s.lock().await;
}
