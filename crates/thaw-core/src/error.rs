//! Errors as the UI sees them: a stable `kind` to branch on and a kind `message` to show.
//! Messages never contain anything the person wrote.

use serde::Serialize;
use thaw_store::StoreError;
use ts_rs::TS;

/// What went wrong, as a stable identifier the UI can branch on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The passphrase or recovery code did not open the vault.
    WrongSecret,
    /// Too many tries in a row: a short pause before the next one.
    TryAgainLater,
    /// The passphrase is too easy to guess.
    WeakPassphrase,
    /// The vault must be unlocked first.
    Locked,
    /// Thaw is already set up in this folder.
    AlreadySetUp,
    /// Something the person typed cannot be used as it is.
    InvalidInput,
    /// A restore would replace what is on this device, and that was not confirmed.
    WouldReplaceData,
    /// The backup file cannot be used.
    BackupInvalid,
    /// Thaw's key file (vault.json) is damaged or not Thaw's: not about what was typed.
    VaultDamaged,
    /// The thing referred to does not exist (any more).
    NotFound,
    /// The data on disk could not be read; it was left untouched.
    Storage,
    /// The device is full: nothing was saved, and what the person typed is still on screen.
    StorageFull,
    /// Another Thaw (or another program) has this data folder open.
    InUse,
    /// Anything unexpected; the message still says what to do.
    Internal,
}

/// The single error type that crosses the IPC boundary, serialised as `{kind, message}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub kind: ErrorKind,
    pub message: String,
}

impl AppError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message)
    }

    pub fn locked() -> Self {
        Self::new(
            ErrorKind::Locked,
            "Thaw is locked. Your passphrase opens it again.",
        )
    }
}

pub type Result<T> = std::result::Result<T, AppError>;

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        use ErrorKind as K;
        match e {
            StoreError::WrongSecret => AppError::new(
                K::WrongSecret,
                "That did not open Thaw. Capitals and spaces count.",
            ),
            StoreError::WrongRecoveryCode => AppError::new(
                K::WrongSecret,
                "That recovery code did not open Thaw. Check it against the one you kept, one group of four at a time; capitals, dashes and spaces do not matter.",
            ),
            StoreError::WrapDamaged(thaw_store::WrapRole::Passphrase) => AppError::new(
                K::VaultDamaged,
                "The part of Thaw's key file that your passphrase opens looks damaged, so what you typed may well be right. Your recovery code can still open Thaw, or a backup can bring everything back. Nothing was changed.",
            ),
            StoreError::WrapDamaged(_) => AppError::new(
                K::VaultDamaged,
                "The part of Thaw's key file that your recovery code opens looks damaged, so what you typed may well be right. Your passphrase can still open Thaw, or a backup can bring everything back. Nothing was changed.",
            ),
            StoreError::VaultInvalid => AppError::new(
                K::VaultDamaged,
                "Thaw's key file looks damaged, or was not made by Thaw, so it cannot be opened as it is. It was left exactly as it was; a backup can bring everything back.",
            ),
            StoreError::MalformedRecoveryCode => AppError::new(
                K::WrongSecret,
                "That does not look like a recovery code. Yours is eight groups of four letters and numbers, with dashes between them.",
            ),
            StoreError::TryAgainLater { wait } => AppError::new(
                K::TryAgainLater,
                format!(
                    "Let's pause for {} seconds before the next try. Nothing is lost.",
                    wait.as_secs().max(1)
                ),
            ),
            StoreError::WeakPassphrase { feedback } => AppError::new(
                K::WeakPassphrase,
                format!("This one would be easy to guess. {feedback}"),
            ),
            StoreError::AlreadyInitialised => AppError::new(
                K::AlreadySetUp,
                "Thaw is already set up on this device. Your passphrase opens it.",
            ),
            StoreError::NotInitialised => AppError::new(
                K::Locked,
                "Thaw is not set up here yet.",
            ),
            StoreError::RestoreWouldOverwrite => AppError::new(
                K::WouldReplaceData,
                "There is already data on this device. Restoring would replace it, so Thaw waits for you to confirm that.",
            ),
            StoreError::BackupInvalid => AppError::new(
                K::BackupInvalid,
                "This file is not a backup Thaw made, or it is damaged, so it cannot be restored. Nothing on this device was changed.",
            ),
            StoreError::NotFound => AppError::new(K::NotFound, "That item is no longer here."),
            StoreError::NotADatabase | StoreError::Corrupt => {
                AppError::new(
                    K::Storage,
                    "Thaw could not read its data file. It was left exactly as it was; a backup can restore it.",
                )
            }
            StoreError::StorageFull => AppError::new(
                K::StorageFull,
                "This device is full. Free some space, then try again — what you wrote is still here.",
            ),
            StoreError::InUse => AppError::new(
                K::InUse,
                "Thaw is already open on this device, in another window or in the tray. Close that one first, then open Thaw again. Nothing was changed.",
            ),
            StoreError::HeldForReview => AppError::new(
                K::Storage,
                "Thaw found less than it held before, so it is keeping everything as it is until you choose what to do. Nothing was changed.",
            ),
            StoreError::SchemaTooNew => AppError::new(
                K::Storage,
                "This data was written by a newer version of Thaw. Please update Thaw to open it.",
            ),
            other => {
                // The store's messages never include personal content, but keep details out of the UI.
                eprintln!("thaw: store error of kind {}", other.kind());
                AppError::new(
                    K::Internal,
                    "Something went wrong on our side. Nothing you wrote was lost. Please try again.",
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_kind_and_message() {
        let err = AppError::new(ErrorKind::WrongSecret, "That passphrase did not open Thaw.");
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "wrong_secret", "message": "That passphrase did not open Thaw."})
        );
    }

    #[test]
    fn store_errors_become_kind_messages() {
        let e: AppError = StoreError::WrongSecret.into();
        assert_eq!(e.kind, ErrorKind::WrongSecret);
        let e: AppError = StoreError::RestoreWouldOverwrite.into();
        assert_eq!(e.kind, ErrorKind::WouldReplaceData);
        assert!(!e.message.contains('!'));
        let e: AppError = StoreError::StorageFull.into();
        assert_eq!(e.kind, ErrorKind::StorageFull);
        assert!(e.message.contains("device is full") && e.message.contains("still here"));
        let e: AppError = StoreError::InUse.into();
        assert_eq!(e.kind, ErrorKind::InUse);
    }

    /// Each message ends once: one full stop (or question mark), never "…." or "..".
    #[test]
    fn every_store_error_message_ends_with_one_stop() {
        let errors = [
            StoreError::WrongSecret,
            StoreError::WrongRecoveryCode,
            StoreError::MalformedRecoveryCode,
            StoreError::WrapDamaged(thaw_store::WrapRole::Passphrase),
            StoreError::VaultInvalid,
            StoreError::AlreadyInitialised,
            StoreError::NotInitialised,
            StoreError::RestoreWouldOverwrite,
            StoreError::StorageFull,
            StoreError::InUse,
        ];
        for error in errors {
            let message = AppError::from(error).message;
            assert!(
                !message.contains("….") && !message.contains("..") && !message.contains('…'),
                "{message}"
            );
            assert!(
                message.ends_with('.') || message.ends_with('?'),
                "{message}"
            );
        }
    }
}
