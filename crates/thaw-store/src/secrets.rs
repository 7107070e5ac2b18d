//! Every secret is checked every time: proving the passphrase or the recovery code against the
//! vault, whether the store is open (changing the passphrase, erasing) or not (erasing while
//! locked). A check never opens the database and changes nothing on disk.

use std::path::Path;
use std::time::Instant;

use zeroize::Zeroizing;

use crate::error::{Result, StoreError};
use crate::recovery_code::RecoveryCode;
use crate::store::{open_wrap, read_vault};
use crate::vault_file::VaultFile;
use crate::wrap::WrapRole;
use crate::{Store, UnlockBackoff, UnlockSecret};

impl Store {
    /// Proves `secret` against this open store's vault: `Ok` only when it unwraps the very key
    /// the store is open with. Honours the same gentle back-off as unlocking, so an open
    /// screen is no faster a place to guess than the lock screen.
    pub async fn verify_secret(
        &self,
        secret: UnlockSecret<'_>,
        backoff: &mut UnlockBackoff,
        now: Instant,
    ) -> Result<()> {
        let vault = self.vault()?;
        with_backoff(backoff, now, async {
            let key = open_secret(&vault, secret).await?;
            if key.same_as(self.key()) {
                Ok(())
            } else {
                // A vault that opens to another key is not this store's.
                Err(StoreError::VaultInvalid)
            }
        })
        .await
    }
}

/// Proves `secret` against the vault in `data_dir` while nothing is open (e.g. before erasing
/// from the lock screen). The unwrapped key is wiped at once.
pub async fn check_secret(
    data_dir: &Path,
    secret: UnlockSecret<'_>,
    backoff: &mut UnlockBackoff,
    now: Instant,
) -> Result<()> {
    let vault = read_vault(data_dir)?;
    check_vault(&vault, secret, backoff, now).await
}

/// The same against a vault file elsewhere (a set-aside folder's).
pub(crate) async fn check_secret_in(
    vault_path: &Path,
    secret: UnlockSecret<'_>,
    backoff: &mut UnlockBackoff,
    now: Instant,
) -> Result<()> {
    let vault = VaultFile::read(vault_path)?;
    check_vault(&vault, secret, backoff, now).await
}

async fn check_vault(
    vault: &VaultFile,
    secret: UnlockSecret<'_>,
    backoff: &mut UnlockBackoff,
    now: Instant,
) -> Result<()> {
    with_backoff(backoff, now, async {
        open_secret(vault, secret).await.map(drop)
    })
    .await
}

async fn open_secret(vault: &VaultFile, secret: UnlockSecret<'_>) -> Result<crate::keys::DataKey> {
    let (wrap, bytes, role) = match secret {
        UnlockSecret::Passphrase(p) => (
            vault.passphrase.clone(),
            Zeroizing::new(p.as_bytes().to_vec()),
            WrapRole::Passphrase,
        ),
        UnlockSecret::RecoveryCode(c) => (
            vault.recovery_code.clone(),
            Zeroizing::new(RecoveryCode::parse(c)?.secret_bytes().to_vec()),
            WrapRole::RecoveryCode,
        ),
    };
    open_wrap(wrap, bytes, role).await
}

/// Runs one attempt with a secret under the gentle back-off: refused without trying while a
/// pause runs; a wrong secret adds to the pause, a right one clears it.
pub(crate) async fn with_backoff<T>(
    backoff: &mut UnlockBackoff,
    now: Instant,
    attempt: impl std::future::Future<Output = Result<T>>,
) -> Result<T> {
    let wait = backoff.wait_remaining(now);
    if !wait.is_zero() {
        return Err(StoreError::TryAgainLater { wait });
    }
    let result = attempt.await;
    match &result {
        Ok(_) => backoff.record_success(),
        Err(
            StoreError::WrongSecret
            | StoreError::WrongRecoveryCode
            | StoreError::MalformedRecoveryCode,
        ) => backoff.record_failure(now),
        Err(_) => {}
    }
    result
}

/// Gives wraps written before checksums existed their checksum (see `wrap.rs`), atomically.
/// Called once a secret has opened the vault, so the file is known to be Thaw's.
pub(crate) fn add_missing_checks(vault_path: &Path) -> Result<()> {
    let mut vault = VaultFile::read(vault_path)?;
    if vault.add_missing_checks() {
        vault.write(vault_path)?;
    }
    Ok(())
}

/// The data key of the store in `data_dir`, as lower-case hex, unwrapped with `passphrase`.
/// Only for the memory-scan test's helper binary (`thaw-store-vault-key`): it needs the exact
/// bytes that must be gone from the app's memory after a lock.
pub(crate) async fn data_key_hex(data_dir: &Path, passphrase: &str) -> Result<Zeroizing<String>> {
    // Only the vault is read, so this does not claim the folder: it runs beside the Thaw under
    // test, which holds the folder for its whole life.
    let vault =
        crate::vault_file::VaultFile::read(&crate::files::StorePaths::live(data_dir).vault())?;
    let key = open_secret(&vault, UnlockSecret::Passphrase(passphrase)).await?;
    Ok(Zeroizing::new(hex::encode(key.as_bytes())))
}
