//! The store itself: create, unlock (passphrase or recovery code), change passphrase, lock.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use sqlx::SqlitePool;
use zeroize::Zeroizing;

use crate::access::{checkpoint, read_marks, spawn_settler, UnitSlot};
use crate::connection::{open_existing, open_new, Opened};
use crate::error::{Result, StoreError};
use crate::files::{
    create_private_dir, create_private_empty_file, new_staging_dir, promote_staging,
    recover_interrupted_swap, StorePaths, DB_FILE, VAULT_FILE,
};
use crate::folder_lock::claim;
use crate::high_water::Shortfall;
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

/// Look at `data_dir` without unlocking anything. Claims the folder for this process (see
/// [`claim_data_dir`]) when it exists: [`StoreError::InUse`] if another process has it.
pub fn vault_status(data_dir: &Path) -> Result<VaultStatus> {
    if data_dir.exists() {
        claim(data_dir)?;
    }
    recover_interrupted_swap(data_dir)?;
    let paths = StorePaths::live(data_dir);
    if paths.vault().exists() || paths.db().exists() {
        Ok(VaultStatus::Locked)
    } else {
        Ok(VaultStatus::NotInitialised)
    }
}

/// Make `data_dir` (owner-only) and take it for this process for the rest of its life: one
/// Thaw per data folder. Any other process that tries to open it meanwhile gets
/// [`StoreError::InUse`]. The first claim also clears what killed operations left behind.
/// Every operation on a folder claims it too; the app calls this first, at start.
pub fn claim_data_dir(data_dir: &Path) -> Result<()> {
    create_private_dir(data_dir)?;
    claim(data_dir)
}

/// An unlocked store: the open connection pool and the data key. Dropping it (or calling
/// [`Store::lock`]) wipes the key from memory.
pub struct Store {
    pub(crate) shared: Arc<Shared>,
    /// Set on the view of the store a unit runs through (see [`Store::begin_unit`]).
    pub(crate) unit: Option<Arc<UnitSlot>>,
}

pub(crate) struct Shared {
    data_dir: PathBuf,
    paths: StorePaths,
    pub(crate) pool: SqlitePool,
    pub(crate) key: DataKey,
    /// Serialises read-modify-write of `vault.json`.
    vault_guard: tokio::sync::Mutex<()>,
    /// Where each commit's high-water marks go (`None`: the benchmark's plain database).
    pub(crate) high_water: Option<PathBuf>,
    /// Opened with less than it held before, and held read-only (see [`Store::shortfall`]).
    pub(crate) held: Option<Shortfall>,
    /// An empty log the checks of a held store had to make, taken away when it closes.
    made_log: Option<PathBuf>,
    /// Restarts the wait before the log is checkpointed (see `access.rs`).
    pub(crate) settle: Option<tokio::sync::watch::Sender<()>>,
    /// Writes acknowledged through this open store (see [`Store::writes_committed`]).
    pub(crate) writes: std::sync::atomic::AtomicU64,
    /// One connection kept open, outside the pool, for as long as the store is open. SQLite
    /// truncates the log's shared-memory index (`-shm`) whenever a connection opens with no
    /// other one open, and must then grow it again: on a full disk that fails, and every read
    /// with it. Pool connections come and go (one whose transaction did not end cleanly is
    /// closed), so this one keeps the index in place and what is stored readable.
    anchor: std::sync::Mutex<Option<sqlx::SqliteConnection>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.shared.paths.dir)
            .finish_non_exhaustive()
    }
}

/// What an open compares with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Baseline {
    /// The high-water record: a store with less than it says is held for review.
    Recorded,
    /// Nothing: the store was just made, restored or accepted as found; the record starts
    /// again from what it holds.
    Fresh,
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
        let store = Self::open_fresh(data_dir, key).await?;
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
        crate::secrets::with_backoff(backoff, now, async {
            match secret {
                crate::UnlockSecret::Passphrase(p) => {
                    Self::unlock_with_passphrase(data_dir, p).await
                }
                crate::UnlockSecret::RecoveryCode(c) => {
                    Self::unlock_with_recovery_code(data_dir, c).await
                }
            }
        })
        .await
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
        let key = self.shared.key.duplicate();
        let wrap = tokio::task::spawn_blocking(move || {
            WrappedKey::seal(&key, &secret, kdf, WrapRole::Passphrase)
        })
        .await
        .map_err(join_error)??;
        let _guard = self.shared.vault_guard.lock().await;
        let mut vault = VaultFile::read(&self.shared.paths.vault())?;
        vault.passphrase = wrap;
        vault.write(&self.shared.paths.vault())
    }

    /// Replace the recovery code with a new one (e.g. the old one was lost or seen by
    /// someone). The old code stops working. Returns the new code to show once.
    pub async fn regenerate_recovery_code(&self, kdf: KdfParams) -> Result<RecoveryCode> {
        let code = RecoveryCode::generate()?;
        let secret = Zeroizing::new(code.secret_bytes().to_vec());
        let key = self.shared.key.duplicate();
        let wrap = tokio::task::spawn_blocking(move || {
            WrappedKey::seal(&key, &secret, kdf, WrapRole::RecoveryCode)
        })
        .await
        .map_err(join_error)??;
        let _guard = self.shared.vault_guard.lock().await;
        let mut vault = VaultFile::read(&self.shared.paths.vault())?;
        vault.recovery_code = wrap;
        vault.write(&self.shared.paths.vault())?;
        Ok(code)
    }

    /// Lock: checkpoint the write-ahead log into `thaw.db` (so the database file alone holds
    /// everything), close every connection (SQLCipher wipes its key copies) and wipe the data
    /// key. A store held for review is closed without writing anything.
    pub async fn lock(self) {
        let shared = &self.shared;
        if shared.held.is_none() && shared.high_water.is_some() {
            let _ = checkpoint(&shared.pool).await;
            if let Some(path) = &shared.high_water {
                if let Ok(f) = std::fs::File::open(path) {
                    let _ = f.sync_data();
                }
            }
        }
        shared.pool.close().await;
        let anchor = shared.anchor.lock().ok().and_then(|mut a| a.take());
        if let Some(anchor) = anchor {
            let _ = sqlx::Connection::close(anchor).await;
        }
        if let Some(log) = &shared.made_log {
            if std::fs::metadata(log).is_ok_and(|m| m.len() == 0) {
                let _ = std::fs::remove_file(log);
            }
        }
        // The key is zeroized as the last view of the store drops.
    }

    /// Copy the write-ahead log into `thaw.db` now. Returns whether it completed (a reader in
    /// the way, or a full disk, leaves the log as it is: the data is just as safe there).
    pub async fn checkpoint(&self) -> Result<bool> {
        if self.shared.held.is_some() {
            return Ok(false);
        }
        checkpoint(&self.shared.pool).await
    }

    /// How many writes this open store has acknowledged (every view of it counts, a unit as
    /// one). Nothing stored changes without it growing, so a reader can keep what it made
    /// from the store until it does (thaw-core's prompt plan). Starts at 0 at each open.
    pub fn writes_committed(&self) -> u64 {
        self.shared
            .writes
            .load(std::sync::atomic::Ordering::Acquire)
    }

    /// When the store opened with less than its high-water record says it held (a database
    /// copied without its log, a log cut short): what is missing. Such a store is held
    /// read-only, with its files exactly as they were, until [`Store::accept_as_found`] or a
    /// restore; writes give [`StoreError::HeldForReview`].
    pub fn shortfall(&self) -> Option<&Shortfall> {
        self.shared.held.as_ref()
    }

    /// Carry on with a store held for review as it is: it opens for writing (migrations run)
    /// and its high-water record starts again from what it holds now.
    pub async fn accept_as_found(self) -> Result<Store> {
        if self.shared.held.is_none() || self.unit.is_some() {
            return Ok(self);
        }
        let key = self.shared.key.duplicate();
        let dir = self.shared.data_dir.clone();
        self.lock().await;
        Store::open_as(&dir, key, Baseline::Fresh).await
    }

    /// The connection pool, for use-cases that need a query this crate does not offer.
    pub fn pool(&self) -> &SqlitePool {
        &self.shared.pool
    }

    /// The data directory this store lives in.
    pub fn data_dir(&self) -> &Path {
        &self.shared.data_dir
    }

    /// The directory holding the database and vault files.
    pub fn store_dir(&self) -> &Path {
        &self.shared.paths.dir
    }

    pub(crate) fn key(&self) -> &DataKey {
        &self.shared.key
    }

    pub(crate) fn vault(&self) -> Result<VaultFile> {
        VaultFile::read(&self.shared.paths.vault())
    }

    /// Open the store in `data_dir` with its data key, comparing it with its high-water record.
    pub(crate) async fn open_with_key(data_dir: &Path, key: DataKey) -> Result<Store> {
        Self::open_as(data_dir, key, Baseline::Recorded).await
    }

    /// Open a store that was just made or put in place: its record starts from what it holds.
    pub(crate) async fn open_fresh(data_dir: &Path, key: DataKey) -> Result<Store> {
        Self::open_as(data_dir, key, Baseline::Fresh).await
    }

    async fn open_as(data_dir: &Path, key: DataKey, baseline: Baseline) -> Result<Store> {
        claim(data_dir)?;
        let paths = StorePaths::live(data_dir);
        let record_path = paths.high_water();
        let recorded = match baseline {
            Baseline::Recorded => crate::high_water::read(&record_path, &key),
            Baseline::Fresh => None,
        };
        let (pool, held, made_log) =
            match open_existing(&paths.db(), &key, recorded.as_ref()).await? {
                Opened::Held(pool, shortfall, made_log) => (pool, Some(shortfall), made_log),
                Opened::Ready(pool) => (pool, None, None),
            };
        if held.is_none() && recorded.is_none() {
            // A new record: after a create, restore or acceptance, or for a store made before
            // records were kept. A full disk only postpones it (until the next open).
            let start = async {
                let marks = read_marks(&mut *pool.acquire().await?).await?;
                crate::high_water::reset(&record_path, &key, &marks)
            };
            if let Err(e) = start.await {
                eprintln!(
                    "thaw: could not start the store's high-water record ({})",
                    e.kind()
                );
            }
        }
        if held.is_none() {
            // The key opened the vault: give an older vault.json its damage checksums now.
            crate::secrets::add_missing_checks(&paths.vault())?;
        }
        let settle = held.is_none().then(|| spawn_settler(pool.clone()));
        let anchor = match held {
            Some(_) => None,
            None => Some(pool.acquire().await?.detach()),
        };
        Ok(Store {
            shared: Arc::new(Shared {
                data_dir: data_dir.to_path_buf(),
                paths,
                pool,
                key,
                vault_guard: tokio::sync::Mutex::new(()),
                high_water: Some(record_path),
                held,
                made_log,
                settle,
                writes: Default::default(),
                anchor: std::sync::Mutex::new(anchor),
            }),
            unit: None,
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
    claim(data_dir)?;
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

    /// Reads a child process's reports on a thread, as the kill tests need them: a `ready` line
    /// is signalled on the returned receiver, each `<word> <id>` line is collected, anything
    /// else panics. Only complete lines (ending in `\n`) count, so a line cut by a SIGKILL is
    /// not a report. Join the handle after the kill for every id the child said.
    pub fn read_reports(
        stdout: std::process::ChildStdout,
        word: &'static str,
    ) -> (
        std::sync::mpsc::Receiver<()>,
        std::thread::JoinHandle<Vec<i64>>,
    ) {
        use std::io::BufRead;
        let (ready_tx, ready_rx) = std::sync::mpsc::channel::<()>();
        let reader = std::thread::spawn(move || {
            let mut ids = Vec::new();
            let mut r = std::io::BufReader::new(stdout);
            let mut line = String::new();
            loop {
                line.clear();
                match r.read_line(&mut line) {
                    Ok(0) | Err(_) => break,
                    Ok(_) if !line.ends_with('\n') => break,
                    Ok(_) => {}
                }
                let l = line.trim_end();
                if l == "ready" {
                    let _ = ready_tx.send(());
                } else if let Some(id) = l.strip_prefix(word).and_then(|r| r.strip_prefix(' ')) {
                    ids.push(id.parse::<i64>().unwrap());
                } else {
                    panic!("child said {l:?}");
                }
            }
            ids
        });
        (ready_rx, reader)
    }

    /// Let go of this process's claim on `data_dir`, so a child process (a crash writer, a
    /// probe) can open it. The app never lets go: one Thaw per folder for its whole life.
    pub fn release_data_dir(data_dir: &Path) {
        crate::folder_lock::release(data_dir);
    }

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
        let settle = Some(spawn_settler(pool.clone()));
        Ok(Store {
            shared: Arc::new(Shared {
                data_dir: dir.clone(),
                paths: StorePaths { dir },
                pool,
                key: DataKey::from_bytes(&[0u8; 32]).expect("32 bytes"),
                vault_guard: tokio::sync::Mutex::new(()),
                high_water: None,
                held: None,
                made_log: None,
                settle,
                writes: Default::default(),
                anchor: std::sync::Mutex::new(None),
            }),
            unit: None,
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
    if data_dir.exists() {
        claim(data_dir)?;
    }
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
