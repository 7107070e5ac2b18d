//! Thaw's encrypted local store. Every byte at rest is encrypted with SQLCipher.
//!
//! - [`Store::create`] sets up a store in a data directory the caller chooses and returns the
//!   [`RecoveryCode`] to show once; [`Store::unlock_with_passphrase`],
//!   [`Store::unlock_with_recovery_code`] and [`Store::recover`] open it; [`Store::lock`]
//!   closes it and wipes the key.
//! - The data key is random; it is stored only wrapped (Argon2id + XChaCha20-Poly1305) by the
//!   passphrase and by the recovery code, in `vault.json` next to the database.
//! - Typed repository methods live on [`Store`] (see [`repo`]); timestamps come in as
//!   `now: DateTime<FixedOffset>` so nothing here reads the clock.
//! - [`Store::backup_to`], [`restore_backup`] and [`erase_everything`] move or remove it all.
//! - Nothing is acknowledged before it is stored: every write is its own transaction (or part
//!   of a use-case's unit, [`Store::begin_unit`]) and returns only after `COMMIT`; a full disk
//!   is [`StoreError::StorageFull`]. One process per data folder ([`claim_data_dir`]); the
//!   write-ahead log is checkpointed into `thaw.db` when writes settle and at lock; a store
//!   that opens with less than it held is held for review ([`Store::shortfall`]).
//!
//! See `README.md` in this crate for the files on disk, the key hierarchy and the pragmas.

#![warn(missing_docs)]

mod access;
mod backup;
mod codes;
mod connection;
mod error;
mod exit_guard;
mod files;
mod folder_lock;
mod high_water;
mod idle_lock;
mod kdf;
mod keys;
mod passphrase_strength;
mod recovery_code;
#[allow(missing_docs)]
pub mod repo;
mod secrets;
mod set_aside;
mod store;
mod unlock_backoff;
mod vault_file;
mod when;
mod wrap;

pub use backup::{
    erase_everything, inspect_backup, prepare_restore, restore_backup, BackupInfo, PreparedRestore,
    RestoreMode, UnlockSecret,
};
pub use connection::plaintext_options_for_comparison;
pub use error::{Result, StoreError};
/// Owner-only folders and files outside the store (the backups and summaries a person saves).
pub use files::{create_private_dir, write_atomically as write_private_file};
pub use high_water::{MissingRows, Shortfall};
pub use idle_lock::{IdleLock, Moment, DEFAULT_AWAY_GRACE};
pub use kdf::KdfParams;
pub use passphrase_strength::{assess_passphrase, PassphraseStrength, MIN_CHARS, MIN_SCORE};
pub use recovery_code::RecoveryCode;
pub use repo::app_state::{PromptOutcome, PromptSent};
pub use repo::daily::{
    CatalogRows, CheckIn, Daily, InternalShift, NewCheckIn, NewOffer, NewResponse, Offer,
    OfferSource, OfferWithResponse, Progress, ProgressMove, Response, ResponseKind, Today,
};
pub use repo::drafts::Draft;
pub use repo::treatment::{
    Instrument, JournalEntry, JournalInput, QuestionnaireResponse, SessionInput, TreatmentSession,
};
pub use repo::values::{Archivable, LifeArea, Movement, PersonalValue, Rung, RungInput};
pub use secrets::check_secret;
pub use set_aside::{
    check_set_aside_secret, delete_set_aside, list_set_aside, put_back_set_aside, set_aside,
    SetAside,
};
pub use store::{claim_data_dir, testing, vault_status, Store, VaultStatus};
pub use unlock_backoff::UnlockBackoff;
pub use wrap::WrapRole;

/// The migrations embedded in this build, for tests that need an older schema version.
#[doc(hidden)]
pub fn migrator() -> &'static sqlx::migrate::Migrator {
    &connection::MIGRATOR
}
