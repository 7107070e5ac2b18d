//! Encrypted backup to a single file, restore from it, and erase everything.
//!
//! Backup file layout (all integers little-endian):
//!
//! ```text
//! 0   8 bytes   magic "THAWBKP\0"
//! 8   u16       format version (1)
//! 10  u32       header length N
//! 14  N bytes   header, JSON: the vault (data key wrapped by passphrase and by recovery
//!               code, with their Argon2id parameters), creation time, payload nonce
//! ..  rest      payload: XChaCha20-Poly1305( SQLCipher snapshot of the database ),
//!               key = BLAKE2b-MAC(data key, "thaw/backup-payload/v1"),
//!               associated data = every byte before the payload (magic, version, header)
//! ```
//!
//! The snapshot inside is itself a SQLCipher database under the data key, so the file is
//! encrypted twice and useless without the passphrase or the recovery code. The AEAD tag
//! covers the header too: a changed header or payload is caught before anything is written.

use std::path::Path;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::connection::{integrity_ok, open_existing, Opened};
use crate::error::{Result, StoreError};
use crate::files::{
    create_private_empty_file, new_staging_dir, promote_staging, random_suffix,
    recover_interrupted_swap, write_atomically, DB_FILE, PREVIOUS_STORE_DIR, SNAPSHOT_PREFIX,
    STAGING_PREFIX, STORE_DIR, VAULT_FILE,
};
use crate::keys::DataKey;
use crate::recovery_code::RecoveryCode;
use crate::store::open_wrap;
use crate::vault_file::VaultFile;
use crate::wrap::{open_bytes, WrapRole, NONCE_LEN};
use crate::Store;

const MAGIC: &[u8; 8] = b"THAWBKP\0";
const FORMAT_VERSION: u16 = 1;
const PREFIX_LEN: usize = 8 + 2 + 4;
/// A header larger than this is not ours (the real one is about 1 KiB).
const MAX_HEADER_LEN: u32 = 64 * 1024;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct BackupHeader {
    vault: VaultFile,
    created_at: DateTime<Utc>,
    #[serde(with = "hex::serde")]
    payload_nonce: Vec<u8>,
}

/// What can be learnt about a backup file without a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackupInfo {
    /// Backup format version.
    pub format_version: u16,
    /// When the backup was made.
    pub created_at: DateTime<Utc>,
}

/// The secret that opens a backup (or a store).
#[derive(Clone, Copy)]
pub enum UnlockSecret<'a> {
    /// The passphrase in force when the backup was made.
    Passphrase(&'a str),
    /// The recovery code in force when the backup was made.
    RecoveryCode(&'a str),
}

impl std::fmt::Debug for UnlockSecret<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnlockSecret::Passphrase(_) => f.write_str("Passphrase(<redacted>)"),
            UnlockSecret::RecoveryCode(_) => f.write_str("RecoveryCode(<redacted>)"),
        }
    }
}

/// What a restore may do to data already in the target directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RestoreMode {
    /// Refuse with [`StoreError::RestoreWouldOverwrite`] if a store is already there.
    RefuseIfDataExists,
    /// Replace an existing store, swapping only after the backup has been verified.
    /// The caller must have locked any open [`Store`] on that directory.
    ReplaceExisting,
}

impl Store {
    /// Write an encrypted backup of everything to `path` (replaced atomically if it exists).
    /// `now` is recorded in the header.
    pub async fn backup_to(&self, path: &Path, now: DateTime<FixedOffset>) -> Result<()> {
        let vault = self.vault()?;
        let snapshot = self
            .store_dir()
            .join(format!("{SNAPSHOT_PREFIX}{}.db", random_suffix()?));
        let result = async {
            let plain = Zeroizing::new(self.snapshot_into(&snapshot).await?);
            let key = self.key().backup_key();
            let prefix_header = |nonce: &[u8]| -> Vec<u8> {
                let header = BackupHeader {
                    vault: vault.clone(),
                    created_at: now.with_timezone(&Utc),
                    payload_nonce: nonce.to_vec(),
                };
                let json = serde_json::to_vec(&header).expect("header serialises");
                let mut out = Vec::with_capacity(PREFIX_LEN + json.len());
                out.extend_from_slice(MAGIC);
                out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
                out.extend_from_slice(&(json.len() as u32).to_le_bytes());
                out.extend_from_slice(&json);
                out
            };
            // The nonce is part of the header, which is the AEAD's associated data, so pick
            // the nonce first and seal with that exact header.
            let mut nonce = vec![0u8; NONCE_LEN];
            crate::keys::fill_random(&mut nonce)?;
            let mut file = prefix_header(&nonce);
            let ciphertext = seal_with_nonce(&key, &nonce, &plain, &file)?;
            file.extend_from_slice(&ciphertext);
            write_atomically(path, &file)
        }
        .await;
        remove_db_files(&snapshot);
        result
    }

    /// A consistent, encrypted copy of the database via SQLCipher's `sqlcipher_export` into
    /// an attached database keyed with the same data key. Returns its bytes.
    async fn snapshot_into(&self, snapshot: &Path) -> Result<Vec<u8>> {
        create_private_empty_file(snapshot)?;
        let mut conn = self.pool().acquire().await?;
        let raw_key = self.key().sqlcipher_attach_value();
        sqlx::query("ATTACH DATABASE ? AS snapshot KEY ?")
            .bind(snapshot.to_string_lossy().into_owned())
            .bind(raw_key.as_str())
            .execute(&mut *conn)
            .await?;
        // One read transaction: the export sees a single consistent state of `main`.
        let exported = async {
            sqlx::query("BEGIN").execute(&mut *conn).await?;
            let r = sqlx::query("SELECT sqlcipher_export('snapshot')")
                .execute(&mut *conn)
                .await;
            let end = if r.is_ok() { "COMMIT" } else { "ROLLBACK" };
            sqlx::query(end).execute(&mut *conn).await?;
            r.map(|_| ())
        }
        .await;
        let detached = sqlx::query("DETACH DATABASE snapshot")
            .execute(&mut *conn)
            .await;
        exported?;
        detached?;
        drop(conn);
        Ok(std::fs::read(snapshot)?)
    }

    /// Close the store and remove every file it has (see [`erase_everything`]).
    pub async fn erase_everything(self) -> Result<()> {
        let dir = self.data_dir().to_path_buf();
        self.lock().await;
        erase_everything(&dir)
    }
}

fn seal_with_nonce(key: &[u8; 32], nonce: &[u8], plain: &[u8], aad: &[u8]) -> Result<Vec<u8>> {
    use chacha20poly1305::aead::{Aead, KeyInit, Payload};
    use chacha20poly1305::{XChaCha20Poly1305, XNonce};
    // Unlike key wraps (`wrap::seal_bytes`, fresh nonce inside), a backup's nonce must be
    // chosen first because it is part of the header, which is the associated data.
    XChaCha20Poly1305::new(key.into())
        .encrypt(XNonce::from_slice(nonce), Payload { msg: plain, aad })
        .map_err(|_| StoreError::Io(std::io::Error::other("encryption failed")))
}

struct ParsedBackup<'a> {
    header: BackupHeader,
    aad: &'a [u8],
    ciphertext: &'a [u8],
    version: u16,
}

fn parse_backup(bytes: &[u8]) -> Result<ParsedBackup<'_>> {
    if bytes.len() < PREFIX_LEN || &bytes[..8] != MAGIC {
        return Err(StoreError::BackupInvalid);
    }
    let version = u16::from_le_bytes([bytes[8], bytes[9]]);
    if version != FORMAT_VERSION {
        return Err(StoreError::BackupInvalid);
    }
    let header_len = u32::from_le_bytes([bytes[10], bytes[11], bytes[12], bytes[13]]);
    if header_len > MAX_HEADER_LEN || bytes.len() < PREFIX_LEN + header_len as usize {
        return Err(StoreError::BackupInvalid);
    }
    let end = PREFIX_LEN + header_len as usize;
    let header: BackupHeader =
        serde_json::from_slice(&bytes[PREFIX_LEN..end]).map_err(|_| StoreError::BackupInvalid)?;
    // Re-check the embedded vault the same way a vault file is checked.
    VaultFile::from_json(&header.vault.to_json()).map_err(|_| StoreError::BackupInvalid)?;
    // Refused before any key derivation: parameters Thaw would never write, or a damaged wrap.
    header
        .vault
        .check_both_intact()
        .map_err(|_| StoreError::BackupInvalid)?;
    Ok(ParsedBackup {
        header,
        aad: &bytes[..end],
        ciphertext: &bytes[end..],
        version,
    })
}

/// Read a backup's format version and date without any secret.
pub fn inspect_backup(path: &Path) -> Result<BackupInfo> {
    let bytes = std::fs::read(path)?;
    let parsed = parse_backup(&bytes)?;
    Ok(BackupInfo {
        format_version: parsed.version,
        created_at: parsed.header.created_at,
    })
}

/// Restore the backup at `backup` into `data_dir` and return the unlocked store: the two
/// steps of [`prepare_restore`] and [`PreparedRestore::put_in_place`] in one.
pub async fn restore_backup(
    backup: &Path,
    data_dir: &Path,
    secret: UnlockSecret<'_>,
    mode: RestoreMode,
) -> Result<Store> {
    prepare_restore(backup, data_dir, secret, mode)
        .await?
        .put_in_place()
        .await
}

/// A backup opened, checked and written out in full beside the live store, ready to take
/// its place. Dropping it removes the copy.
pub struct PreparedRestore {
    data_dir: std::path::PathBuf,
    staging: Option<std::path::PathBuf>,
    key: DataKey,
    mode: RestoreMode,
}

impl std::fmt::Debug for PreparedRestore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedRestore").finish_non_exhaustive()
    }
}

/// Everything a restore can refuse for, done without touching the live store, so a refused
/// restore leaves the person exactly where they were (an open store stays open):
/// 1. with [`RestoreMode::RefuseIfDataExists`], refuse at once if a store is there;
/// 2. unwrap the data key with `secret` ([`StoreError::WrongSecret`] if it does not fit);
/// 3. check the AEAD tag over header and payload ([`StoreError::BackupInvalid`] if not);
/// 4. write the copy into a private staging directory, open it there, run
///    `PRAGMA integrity_check` and bring its schema up to date.
///
/// Then [`PreparedRestore::put_in_place`] (after locking any open store on `data_dir`).
pub async fn prepare_restore(
    backup: &Path,
    data_dir: &Path,
    secret: UnlockSecret<'_>,
    mode: RestoreMode,
) -> Result<PreparedRestore> {
    crate::files::create_private_dir(data_dir)?;
    crate::folder_lock::claim(data_dir)?;
    recover_interrupted_swap(data_dir)?;
    if mode == RestoreMode::RefuseIfDataExists && data_dir.join(STORE_DIR).exists() {
        return Err(StoreError::RestoreWouldOverwrite);
    }

    let bytes = std::fs::read(backup)?;
    let parsed = parse_backup(&bytes)?;
    let (wrap, secret_bytes, role) = match secret {
        UnlockSecret::Passphrase(p) => (
            parsed.header.vault.passphrase.clone(),
            Zeroizing::new(p.as_bytes().to_vec()),
            WrapRole::Passphrase,
        ),
        UnlockSecret::RecoveryCode(c) => (
            parsed.header.vault.recovery_code.clone(),
            Zeroizing::new(RecoveryCode::parse(c)?.secret_bytes().to_vec()),
            WrapRole::RecoveryCode,
        ),
    };
    let key = open_wrap(wrap, secret_bytes, role).await?;
    let plain = open_bytes(
        &key.backup_key(),
        &parsed.header.payload_nonce,
        parsed.ciphertext,
        parsed.aad,
    )
    .map_err(|_| StoreError::BackupInvalid)?;

    let staging = new_staging_dir(data_dir)?;
    let verified = async {
        let db = staging.join(DB_FILE);
        write_atomically(&db, &plain)?;
        parsed.header.vault.write(&staging.join(VAULT_FILE))?;
        let pool = match open_existing(&db, &key, None).await {
            Ok(Opened::Ready(p)) => p,
            Ok(Opened::Held(p, _, _)) => {
                p.close().await;
                return Err(StoreError::BackupInvalid);
            }
            Err(StoreError::Corrupt | StoreError::NotADatabase) => {
                return Err(StoreError::BackupInvalid)
            }
            Err(e) => return Err(e),
        };
        let ok = integrity_ok(&pool).await;
        // Closing checkpoints the migrated copy into its database file: the staging
        // directory then holds one self-contained file.
        pool.close().await;
        if !ok? {
            return Err(StoreError::BackupInvalid);
        }
        Ok(())
    }
    .await;
    if let Err(e) = verified {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    Ok(PreparedRestore {
        data_dir: data_dir.to_path_buf(),
        staging: Some(staging),
        key,
        mode,
    })
}

impl PreparedRestore {
    /// Move the verified copy into place (for a replace: old store aside, new one in, old
    /// removed; an interruption is finished or undone at the next start) and open it. Any
    /// open [`Store`] on the folder must have been locked first.
    pub async fn put_in_place(mut self) -> Result<Store> {
        let staging = self.staging.take().expect("prepared once");
        let mode = self.mode;
        let data_dir = self.data_dir.clone();
        let promoted = (|| {
            if mode == RestoreMode::RefuseIfDataExists && data_dir.join(STORE_DIR).exists() {
                return Err(StoreError::RestoreWouldOverwrite);
            }
            promote_staging(&data_dir, &staging, mode == RestoreMode::ReplaceExisting)
        })();
        if let Err(e) = promoted {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(match e {
                StoreError::AlreadyInitialised => StoreError::RestoreWouldOverwrite,
                other => other,
            });
        }
        Store::open_fresh(&data_dir, self.key.duplicate()).await
    }
}

impl Drop for PreparedRestore {
    fn drop(&mut self) {
        if let Some(staging) = self.staging.take() {
            let _ = std::fs::remove_dir_all(staging);
        }
    }
}

/// Remove every file of the store in `data_dir`: the database and its `-wal`/`-shm`, the
/// vault, and any staging or previous-store leftovers. Files the store does not own are
/// left alone; the data directory itself is removed if that leaves it empty.
/// Lock any open [`Store`] on the directory first (or use [`Store::erase_everything`]).
pub fn erase_everything(data_dir: &Path) -> Result<()> {
    if !data_dir.exists() {
        return Ok(());
    }
    crate::folder_lock::claim(data_dir)?;
    for entry in std::fs::read_dir(data_dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == STORE_DIR || name == PREVIOUS_STORE_DIR || name.starts_with(STAGING_PREFIX) {
            std::fs::remove_dir_all(entry.path())?;
        }
    }
    crate::files::sync_dir(data_dir)?;
    // Only succeeds when empty: never removes anything that is not ours. A folder made
    // again at the same path is a new folder, claimed anew.
    if std::fs::remove_dir(data_dir).is_ok() {
        crate::folder_lock::release(data_dir);
    }
    Ok(())
}

fn remove_db_files(db: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(Path::new(&p));
    }
}
