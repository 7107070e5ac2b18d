//! The store itself: create, unlock (passphrase or recovery code), change passphrase, lock.

use std::path::{Path, PathBuf};

use sqlx::SqlitePool;
use zeroize::Zeroizing;

use crate::connection::{open_existing, open_new};
use crate::error::{Result, StoreError};
use crate::files::{
    create_private_dir, create_private_empty_file, new_staging_dir, promote_staging,
    recover_interrupted_swap, StorePaths, DB_FILE, VAULT_FILE,
};
use crate::kdf::KdfParams;
use crate::keys::DataKey;
use crate::passphrase_strength::assess_passphrase;
use crate::recovery_code::RecoveryCode;
use crate::vault_file::VaultFile;
use crate::wrap::{WrapRole, WrappedKey};

/// Whether a data directory holds a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum VaultStatus {
    /// Nothing set up yet: show onboarding.
    NotInitialised,
    /// A store exists and needs the passphrase or recovery code.
    Locked,
}

/// Look at `data_dir` without unlocking anything.
pub fn vault_status(data_dir: &Path) -> Result<VaultStatus> {
    recover_interrupted_swap(data_dir)?;
    let paths = StorePaths::live(data_dir);
    if paths.vault().exists() || paths.db().exists() {
        Ok(VaultStatus::Locked)
    } else {
        Ok(VaultStatus::NotInitialised)
    }
}

/// An unlocked store: the open connection pool and the data key. Dropping it (or calling
/// [`Store::lock`]) wipes the key from memory.
pub struct Store {
    data_dir: PathBuf,
    paths: StorePaths,
    pool: SqlitePool,
    key: DataKey,
    /// Serialises read-modify-write of `vault.json`.
    vault_guard: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.paths.dir)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Set up a new store in `data_dir` protected by `passphrase`.
    ///
    /// Returns the unlocked store and the recovery code, which must be shown to the person
    /// once: it is never stored anywhere in readable form. Refuses a weak passphrase
    /// ([`StoreError::WeakPassphrase`]) and an existing store ([`StoreError::AlreadyInitialised`]).
    /// The store is built in a staging directory and renamed into place only when complete.
    pub async fn create(
        data_dir: &Path,
        passphrase: &str,
        kdf: KdfParams,
    ) -> Result<(Store, RecoveryCode)> {
        let strength = assess_passphrase(passphrase, &[]);
        if !strength.acceptable {
            return Err(StoreError::WeakPassphrase {
                feedback: strength.feedback,
            });
        }
        let (key, code) = build_new_store(data_dir, passphrase, kdf, None).await?;
        let store = Self::open_with_key(data_dir, key).await?;
        Ok((store, code))
    }

    /// Unlock with the passphrase. A wrong one gives [`StoreError::WrongSecret`] and changes
    /// nothing on disk (only `vault.json` is read before the key is proven).
    pub async fn unlock_with_passphrase(data_dir: &Path, passphrase: &str) -> Result<Store> {
        let vault = read_vault(data_dir)?;
        let secret = Zeroizing::new(passphrase.as_bytes().to_vec());
        let key = open_wrap(vault.passphrase, secret, WrapRole::Passphrase).await?;
        Self::open_with_key(data_dir, key).await
    }

    /// Unlock with the recovery code (any case, dashes or spaces). Follow with
    /// [`Store::change_passphrase`] to set a new passphrase, or use [`Store::recover`].
    pub async fn unlock_with_recovery_code(data_dir: &Path, recovery_code: &str) -> Result<Store> {
        let code = RecoveryCode::parse(recovery_code)?;
        let vault = read_vault(data_dir)?;
        let secret = Zeroizing::new(code.secret_bytes().to_vec());
        let key = open_wrap(vault.recovery_code, secret, WrapRole::RecoveryCode).await?;
        Self::open_with_key(data_dir, key).await
    }

    /// Unlock with either secret, honouring a gentle back-off after wrong attempts: returns
    /// [`StoreError::TryAgainLater`] without touching anything while a pause is running,
    /// and records the outcome in `backoff`. `now` is the caller's clock reading.
    pub async fn unlock_with_backoff(
        data_dir: &Path,
        secret: crate::UnlockSecret<'_>,
        backoff: &mut crate::UnlockBackoff,
        now: std::time::Instant,
    ) -> Result<Store> {
        let wait = backoff.wait_remaining(now);
        if !wait.is_zero() {
            return Err(StoreError::TryAgainLater { wait });
        }
        let result = match secret {
            crate::UnlockSecret::Passphrase(p) => Self::unlock_with_passphrase(data_dir, p).await,
            crate::UnlockSecret::RecoveryCode(c) => {
                Self::unlock_with_recovery_code(data_dir, c).await
            }
        };
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

    /// The forgotten-passphrase path: unlock with the recovery code and set `new_passphrase`
    /// in one step. The new passphrase is checked first, so a weak one costs no unlock.
    pub async fn recover(
        data_dir: &Path,
        recovery_code: &str,
        new_passphrase: &str,
        kdf: KdfParams,
    ) -> Result<Store> {
        check_strength(new_passphrase)?;
        let store = Self::unlock_with_recovery_code(data_dir, recovery_code).await?;
        store.change_passphrase(new_passphrase, kdf).await?;
        Ok(store)
    }

    /// Set a new passphrase. Only the passphrase wrap in `vault.json` changes (atomically);
    /// the database is not re-encrypted and the recovery code keeps working.
    pub async fn change_passphrase(&self, new_passphrase: &str, kdf: KdfParams) -> Result<()> {
        check_strength(new_passphrase)?;
        let secret = Zeroizing::new(new_passphrase.as_bytes().to_vec());
        let key = self.key.duplicate();
        let wrap = tokio::task::spawn_blocking(move || {
            WrappedKey::seal(&key, &secret, kdf, WrapRole::Passphrase)
        })
        .await
        .map_err(join_error)??;
        let _guard = self.vault_guard.lock().await;
        let mut vault = VaultFile::read(&self.paths.vault())?;
        vault.passphrase = wrap;
        vault.write(&self.paths.vault())
    }

    /// Replace the recovery code with a new one (e.g. the old one was lost or seen by
    /// someone). The old code stops working. Returns the new code to show once.
    pub async fn regenerate_recovery_code(&self, kdf: KdfParams) -> Result<RecoveryCode> {
        let code = RecoveryCode::generate()?;
        let secret = Zeroizing::new(code.secret_bytes().to_vec());
        let key = self.key.duplicate();
        let wrap = tokio::task::spawn_blocking(move || {
            WrappedKey::seal(&key, &secret, kdf, WrapRole::RecoveryCode)
        })
        .await
        .map_err(join_error)??;
        let _guard = self.vault_guard.lock().await;
        let mut vault = VaultFile::read(&self.paths.vault())?;
        vault.recovery_code = wrap;
        vault.write(&self.paths.vault())?;
        Ok(code)
    }

    /// Lock: close every connection (SQLCipher wipes its key copies) and wipe the data key.
    pub async fn lock(self) {
        self.pool.close().await;
        // `self.key` is zeroized as it drops here.
    }

    /// The connection pool, for use-cases that need a query this crate does not offer.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The data directory this store lives in.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The directory holding the database and vault files.
    pub fn store_dir(&self) -> &Path {
        &self.paths.dir
    }

    pub(crate) fn key(&self) -> &DataKey {
        &self.key
    }

    pub(crate) fn vault(&self) -> Result<VaultFile> {
        VaultFile::read(&self.paths.vault())
    }

    pub(crate) async fn open_with_key(data_dir: &Path, key: DataKey) -> Result<Store> {
        let paths = StorePaths::live(data_dir);
        let pool = open_existing(&paths.db(), &key).await?;
        // The key opened the vault: give an older vault.json its damage checksums now.
        crate::secrets::add_missing_checks(&paths.vault())?;
        Ok(Store {
            data_dir: data_dir.to_path_buf(),
            paths,
            pool,
            key,
            vault_guard: tokio::sync::Mutex::new(()),
        })
    }
}

/// Build a new store in a staging directory and move it into place. `schema_version`
/// limits the migrations applied (only for upgrade tests); `None` applies them all.
async fn build_new_store(
    data_dir: &Path,
    passphrase: &str,
    kdf: KdfParams,
    schema_version: Option<i64>,
) -> Result<(DataKey, RecoveryCode)> {
    create_private_dir(data_dir)?;
    recover_interrupted_swap(data_dir)?;
    if vault_status(data_dir)? != VaultStatus::NotInitialised {
        return Err(StoreError::AlreadyInitialised);
    }

    let key = DataKey::generate()?;
    let code = RecoveryCode::generate()?;
    let vault = seal_both(&key, passphrase, &code, kdf).await?;

    let staging = new_staging_dir(data_dir)?;
    let built = async {
        create_private_empty_file(&staging.join(DB_FILE))?;
        let pool = open_new(&staging.join(DB_FILE), &key, schema_version).await?;
        pool.close().await;
        vault.write(&staging.join(VAULT_FILE))?;
        promote_staging(data_dir, &staging, false)
    }
    .await;
    if let Err(e) = built {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    Ok((key, code))
}

/// Helpers for this crate's own integration tests. Not part of the supported API.
#[doc(hidden)]
pub mod testing {
    use super::*;

    /// Create a store whose schema stops at `version`, and return a pool on it that has not
    /// been migrated further, so a test can write rows the way that version would.
    pub async fn create_at_schema_version(
        data_dir: &Path,
        passphrase: &str,
        kdf: KdfParams,
        version: i64,
    ) -> Result<(SqlitePool, RecoveryCode)> {
        let (key, code) = build_new_store(data_dir, passphrase, kdf, Some(version)).await?;
        let db = StorePaths::live(data_dir).db();
        let pool =
            crate::connection::connect(crate::connection::encrypted_options(&db, &key, false))
                .await?;
        Ok((pool, code))
    }

    /// The data key as hex, unwrapped from `vault.json` with the passphrase (memory-scan test).
    pub async fn data_key_hex(data_dir: &Path, passphrase: &str) -> Result<Zeroizing<String>> {
        crate::secrets::data_key_hex(data_dir, passphrase).await
    }

    /// Unlock like [`Store::unlock_with_passphrase`] and report how long the key derivation
    /// (Argon2id) and the rest (open pool, health check, migrations) took, for the benchmark.
    pub async fn unlock_timed(
        data_dir: &Path,
        passphrase: &str,
    ) -> Result<(Store, std::time::Duration, std::time::Duration)> {
        let vault = read_vault(data_dir)?;
        let secret = Zeroizing::new(passphrase.as_bytes().to_vec());
        let t = std::time::Instant::now();
        let key = open_wrap(vault.passphrase, secret, WrapRole::Passphrase).await?;
        let kdf = t.elapsed();
        let t = std::time::Instant::now();
        let store = Store::open_with_key(data_dir, key).await?;
        Ok((store, kdf, t.elapsed()))
    }

    /// An UNENCRYPTED database at `db` behind the same `Store` API, with the same pragmas
    /// and schema, so the benchmark can compare like with like. Never for real data:
    /// `backup_to` and passphrase functions are meaningless on it.
    pub async fn open_unencrypted_for_benchmark(db: &Path) -> Result<Store> {
        let dir = db.parent().unwrap_or(Path::new(".")).to_path_buf();
        let pool = crate::connection::connect(crate::connection::plaintext_options_for_comparison(
            db, true,
        ))
        .await?;
        crate::connection::MIGRATOR.run(&pool).await?;
        Ok(Store {
            data_dir: dir.clone(),
            paths: StorePaths { dir },
            pool,
            key: DataKey::from_bytes(&[0u8; 32]).expect("32 bytes"),
            vault_guard: tokio::sync::Mutex::new(()),
        })
    }
}

fn check_strength(passphrase: &str) -> Result<()> {
    let strength = assess_passphrase(passphrase, &[]);
    if strength.acceptable {
        Ok(())
    } else {
        Err(StoreError::WeakPassphrase {
            feedback: strength.feedback,
        })
    }
}

pub(crate) fn read_vault(data_dir: &Path) -> Result<VaultFile> {
    recover_interrupted_swap(data_dir)?;
    VaultFile::read(&StorePaths::live(data_dir).vault())
}

/// Seal the data key under both secrets; the two Argon2id runs go in parallel.
async fn seal_both(
    key: &DataKey,
    passphrase: &str,
    code: &RecoveryCode,
    kdf: KdfParams,
) -> Result<VaultFile> {
    let (k1, k2) = (key.duplicate(), key.duplicate());
    let p = Zeroizing::new(passphrase.as_bytes().to_vec());
    let c = Zeroizing::new(code.secret_bytes().to_vec());
    let a =
        tokio::task::spawn_blocking(move || WrappedKey::seal(&k1, &p, kdf, WrapRole::Passphrase));
    let b =
        tokio::task::spawn_blocking(move || WrappedKey::seal(&k2, &c, kdf, WrapRole::RecoveryCode));
    let (a, b) = tokio::join!(a, b);
    Ok(VaultFile::new(
        a.map_err(join_error)??,
        b.map_err(join_error)??,
    ))
}

/// Open a wrap on a blocking thread (Argon2id takes a good fraction of a second).
pub(crate) async fn open_wrap(
    wrap: WrappedKey,
    secret: Zeroizing<Vec<u8>>,
    role: WrapRole,
) -> Result<DataKey> {
    tokio::task::spawn_blocking(move || wrap.open(&secret, role))
        .await
        .map_err(join_error)?
}

pub(crate) fn join_error(e: tokio::task::JoinError) -> StoreError {
    StoreError::Io(std::io::Error::other(e))
}
