//! Secrets checked against the vault without opening anything, damage told apart from a wrong
//! secret, KDF parameters from files bounded, and "start anew" setting data aside. Real files.

mod common;

use common::*;
use std::time::{Duration, Instant};
use thaw_store::{
    check_secret, list_set_aside, put_back_set_aside, restore_backup, set_aside, RestoreMode,
    Store, StoreError, UnlockBackoff, UnlockSecret, VaultStatus, WrapRole,
};

fn vault_json(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("store/vault.json")).unwrap()).unwrap()
}

fn write_vault(dir: &std::path::Path, v: &serde_json::Value) {
    std::fs::write(
        dir.join("store/vault.json"),
        serde_json::to_vec_pretty(v).unwrap(),
    )
    .unwrap();
}

#[tokio::test]
async fn an_open_store_proves_a_secret_without_opening_another_pool() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, code) = new_store(&dir).await;
    let mut backoff = UnlockBackoff::new();
    let now = Instant::now();
    store
        .verify_secret(UnlockSecret::Passphrase(PASSPHRASE), &mut backoff, now)
        .await
        .unwrap();
    store
        .verify_secret(
            UnlockSecret::RecoveryCode(&code.to_string()),
            &mut backoff,
            now,
        )
        .await
        .unwrap();
    let e = store
        .verify_secret(UnlockSecret::Passphrase("a guess"), &mut backoff, now)
        .await
        .unwrap_err();
    assert!(matches!(e, StoreError::WrongSecret), "{e:?}");
    assert_eq!(
        backoff.failures(),
        1,
        "a check counts towards the back-off like an unlock"
    );
    store.lock().await;

    let before = hash_tree(&dir);
    check_secret(
        &dir,
        UnlockSecret::Passphrase(PASSPHRASE),
        &mut backoff,
        now,
    )
    .await
    .unwrap();
    assert_eq!(backoff.failures(), 0);
    assert_eq!(hash_tree(&dir), before, "a check changes nothing on disk");
}

#[tokio::test]
async fn a_flipped_salt_or_sealed_key_is_damage_and_the_other_secret_still_opens() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, code) = new_store(&dir).await;
    store.lock().await;
    let good = vault_json(&dir);

    let mut v = good.clone();
    let ct = v["passphrase"]["ciphertext"].as_str().unwrap().to_string();
    let flipped = format!("{}{}", if &ct[..1] == "f" { "e" } else { "f" }, &ct[1..]);
    v["passphrase"]["ciphertext"] = flipped.into();
    write_vault(&dir, &v);
    let t = Instant::now();
    let e = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap_err();
    assert!(
        matches!(e, StoreError::WrapDamaged(WrapRole::Passphrase)),
        "{e:?}"
    );
    assert!(
        t.elapsed() < Duration::from_secs(2),
        "found before any key derivation"
    );
    Store::unlock_with_recovery_code(&dir, &code.to_string())
        .await
        .unwrap()
        .lock()
        .await;

    let mut v = good.clone();
    v["recovery_code"]["salt"] = "00".repeat(16).into();
    write_vault(&dir, &v);
    let e = Store::unlock_with_recovery_code(&dir, &code.to_string())
        .await
        .unwrap_err();
    assert!(
        matches!(e, StoreError::WrapDamaged(WrapRole::RecoveryCode)),
        "{e:?}"
    );
}

#[tokio::test]
async fn an_older_vault_without_checksums_gets_them_at_its_next_unlock() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, _) = new_store(&dir).await;
    store.lock().await;
    let mut v = vault_json(&dir);
    let sums = (
        v["passphrase"]["check"].clone(),
        v["recovery_code"]["check"].clone(),
    );
    assert!(
        sums.0.is_string() && sums.1.is_string(),
        "written with checksums"
    );
    v["passphrase"].as_object_mut().unwrap().remove("check");
    v["recovery_code"].as_object_mut().unwrap().remove("check");
    write_vault(&dir, &v);

    Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap()
        .lock()
        .await;
    let after = vault_json(&dir);
    assert_eq!(
        (
            after["passphrase"]["check"].clone(),
            after["recovery_code"]["check"].clone()
        ),
        sums
    );
}

#[tokio::test]
async fn kdf_parameters_thaw_would_never_write_are_refused_in_a_vault_and_a_backup() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, _) = new_store(&dir).await;
    let backup = tmp.path().join("b.thawbackup");
    store.backup_to(&backup, t0()).await.unwrap();
    store.lock().await;

    // A vault asking for 1 GiB and 64 passes (the checksum recomputed by the attacker is
    // beside the point: the parameters alone are refused, at once).
    let mut v = vault_json(&dir);
    v["passphrase"]["kdf"] =
        serde_json::json!({"memory_kib": 1048576, "iterations": 64, "parallelism": 1});
    v["passphrase"].as_object_mut().unwrap().remove("check");
    write_vault(&dir, &v);
    let t = Instant::now();
    let e = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap_err();
    assert!(
        matches!(e, StoreError::WrapDamaged(WrapRole::Passphrase)),
        "{e:?}"
    );
    assert!(t.elapsed() < Duration::from_secs(2));

    // The same in a backup's header: refused before any key derivation.
    let bytes = std::fs::read(&backup).unwrap();
    let header_len = u32::from_le_bytes(bytes[10..14].try_into().unwrap()) as usize;
    let mut header: serde_json::Value =
        serde_json::from_slice(&bytes[14..14 + header_len]).unwrap();
    header["vault"]["passphrase"]["kdf"]["memory_kib"] = 1048576.into();
    header["vault"]["passphrase"]["kdf"]["iterations"] = 64.into();
    let header = serde_json::to_vec(&header).unwrap();
    let mut crafted = bytes[..10].to_vec();
    crafted.extend_from_slice(&(header.len() as u32).to_le_bytes());
    crafted.extend_from_slice(&header);
    crafted.extend_from_slice(&bytes[14 + header_len..]);
    let crafted_path = tmp.path().join("crafted.thawbackup");
    std::fs::write(&crafted_path, crafted).unwrap();
    let t = Instant::now();
    let e = restore_backup(
        &crafted_path,
        &tmp.path().join("elsewhere"),
        UnlockSecret::Passphrase(PASSPHRASE),
        RestoreMode::RefuseIfDataExists,
    )
    .await
    .unwrap_err();
    assert!(matches!(e, StoreError::BackupInvalid), "{e:?}");
    assert!(t.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn set_aside_moves_the_store_with_a_note_and_puts_it_back_only_into_an_empty_place() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (store, _) = new_store(&dir).await;
    store.lock().await;
    let db_before = std::fs::read(dir.join("store/thaw.db")).unwrap();

    let aside = set_aside(&dir, t0()).unwrap();
    assert_eq!(aside.id, "set-aside-2025-03-10-091500");
    assert_eq!(
        thaw_store::vault_status(&dir).unwrap(),
        VaultStatus::NotInitialised
    );
    assert_eq!(
        std::fs::read(dir.join(&aside.id).join("thaw.db")).unwrap(),
        db_before
    );
    assert_eq!(list_set_aside(&dir).unwrap(), vec![aside.clone()]);
    // Twice in the same second still gets its own folder.
    let (again, _) = new_store(&dir).await;
    again.lock().await;
    let second = set_aside(&dir, t0()).unwrap();
    assert_ne!(second.id, aside.id);

    let (third, _) = new_store(&dir).await;
    third.lock().await;
    assert!(matches!(
        put_back_set_aside(&dir, &aside.id),
        Err(StoreError::AlreadyInitialised)
    ));
    assert!(matches!(
        put_back_set_aside(&dir, "../data"),
        Err(StoreError::NotFound)
    ));
}
