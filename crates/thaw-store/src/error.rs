//! One error type for everything the store does, shaped so a UI can map each variant
//! to a kind, plain message. Messages never carry user content: no passphrases,
//! no recovery codes, no journal text, no paths to files the person named.

use std::time::Duration;

/// Everything that can go wrong in the store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The passphrase or recovery code did not unlock the vault. Nothing on disk changed.
    #[error("that passphrase or recovery code did not unlock the store")]
    WrongSecret,

    /// The recovery code is well formed but is not the one that opens this vault (or backup).
    /// Nothing on disk changed.
    #[error("that recovery code did not unlock the store")]
    WrongRecoveryCode,

    /// One wrap in the vault (or in a backup's header) is not as Thaw wrote it: its checksum,
    /// lengths or parameters are off. The other secret may still open it.
    #[error("the part of the vault file that this secret opens is damaged")]
    WrapDamaged(crate::WrapRole),

    /// The chosen passphrase is too easy to guess; `feedback` is kind advice to show.
    #[error("the passphrase is too easy to guess")]
    WeakPassphrase {
        /// Kind, plain advice for choosing a stronger passphrase.
        feedback: String,
    },

    /// Unlock attempts are paused for a little while after several wrong tries.
    #[error("unlocking is paused for a moment")]
    TryAgainLater {
        /// How long until the next attempt is allowed.
        wait: Duration,
    },

    /// The recovery code is not in the expected shape (wrong length or letters).
    #[error("that does not look like a recovery code")]
    MalformedRecoveryCode,

    /// The database file cannot be read as a database with this key: it is damaged,
    /// truncated, or does not belong to this vault. The file was left untouched.
    #[error("the database file could not be read with this key; it was left untouched")]
    NotADatabase,

    /// The database opened but failed an integrity check, or is missing or empty while
    /// the vault says it should exist. The file was left untouched.
    #[error("the database looks damaged; it was left untouched")]
    Corrupt,

    /// The database was written by a newer version of Thaw than this one.
    #[error("the database was written by a newer version of Thaw")]
    SchemaTooNew,

    /// `create` was asked to set up a store where one already exists.
    #[error("a store already exists in this folder")]
    AlreadyInitialised,

    /// No store has been set up in this folder yet.
    #[error("no store has been set up in this folder yet")]
    NotInitialised,

    /// The vault metadata file is missing pieces or cannot be parsed.
    #[error("the vault file is damaged or from an unknown version")]
    VaultInvalid,

    /// A restore would replace existing data and the caller did not ask for that.
    #[error("restoring here would replace the data that is already there")]
    RestoreWouldOverwrite,

    /// The backup file is not a Thaw backup, is from an unknown version, or is damaged.
    #[error("the backup file is damaged or is not a Thaw backup")]
    BackupInvalid,

    /// A record the caller referred to does not exist.
    #[error("that item was not found")]
    NotFound,

    /// The caller passed a value outside what the store accepts (e.g. a mood of 9 on a 0–4 scale).
    #[error("a value was out of range: {field}")]
    InvalidInput {
        /// The name of the field (a code identifier, never user content).
        field: &'static str,
    },

    /// The device (or the folder's quota) is full: the write was refused and nothing of it
    /// was stored. What was stored before is intact.
    #[error("the device is full")]
    StorageFull,

    /// Another Thaw (or another program using this store) has this data folder open. Two
    /// writers on one folder lose each other's work, so this one refuses.
    #[error("the data folder is in use by another Thaw")]
    InUse,

    /// The store opened with less than it held before (see [`crate::Shortfall`]) and is held
    /// read-only until the person decides what to do; nothing may be written to it yet.
    #[error("the store is held read-only until its shortfall is looked at")]
    HeldForReview,

    /// A file system error (permissions, ...).
    #[error("a file could not be read or written")]
    Io(#[source] std::io::Error),

    /// Any other database error. The SQLite message never contains row content.
    #[error("the database reported an error: {0}")]
    Database(#[source] sqlx::Error),

    /// A migration failed to apply.
    #[error("the database could not be upgraded")]
    Migration(#[source] sqlx::migrate::MigrateError),
}

impl StoreError {
    /// A stable, machine-readable name for the error, for the UI to pick its message.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::WrongSecret => "wrong_secret",
            StoreError::WrongRecoveryCode => "wrong_recovery_code",
            StoreError::WrapDamaged(_) => "wrap_damaged",
            StoreError::WeakPassphrase { .. } => "weak_passphrase",
            StoreError::TryAgainLater { .. } => "try_again_later",
            StoreError::MalformedRecoveryCode => "malformed_recovery_code",
            StoreError::NotADatabase => "not_a_database",
            StoreError::Corrupt => "corrupt",
            StoreError::SchemaTooNew => "schema_too_new",
            StoreError::AlreadyInitialised => "already_initialised",
            StoreError::NotInitialised => "not_initialised",
            StoreError::VaultInvalid => "vault_invalid",
            StoreError::RestoreWouldOverwrite => "restore_would_overwrite",
            StoreError::BackupInvalid => "backup_invalid",
            StoreError::NotFound => "not_found",
            StoreError::InvalidInput { .. } => "invalid_input",
            StoreError::StorageFull => "storage_full",
            StoreError::InUse => "in_use",
            StoreError::HeldForReview => "held_for_review",
            StoreError::Io(_) => "io",
            StoreError::Database(_) => "database",
            StoreError::Migration(_) => "migration",
        }
    }
}

/// SQLite result codes we translate into kinder variants.
const SQLITE_CORRUPT: &str = "11";
const SQLITE_FULL: &str = "13";
const SQLITE_NOTADB: &str = "26";

/// ENOSPC and EDQUOT: the device, or this user's share of it, is full.
pub(crate) fn is_storage_full(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        if is_storage_full(&e) {
            StoreError::StorageFull
        } else {
            StoreError::Io(e)
        }
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        if let sqlx::Error::Database(db) = &err {
            // Extended codes (e.g. 267 = SQLITE_CORRUPT_VTAB) share the primary code's low byte.
            let primary = db
                .code()
                .and_then(|c| c.parse::<i32>().ok())
                .map(|c| (c & 0xff).to_string());
            match primary.as_deref() {
                Some(SQLITE_NOTADB) => return StoreError::NotADatabase,
                Some(SQLITE_CORRUPT) => return StoreError::Corrupt,
                // SQLite maps ENOSPC on its own writes (database, WAL) to SQLITE_FULL.
                Some(SQLITE_FULL) => return StoreError::StorageFull,
                _ => {}
            }
        }
        if matches!(err, sqlx::Error::RowNotFound) {
            return StoreError::NotFound;
        }
        if let sqlx::Error::Io(io) = &err {
            if is_storage_full(io) {
                return StoreError::StorageFull;
            }
        }
        StoreError::Database(err)
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        use sqlx::migrate::MigrateError as M;
        match err {
            M::VersionMissing(_) | M::VersionTooNew(..) => StoreError::SchemaTooNew,
            M::Execute(e) => StoreError::from(e),
            other => StoreError::Migration(other),
        }
    }
}

/// Shorthand used throughout the crate.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
