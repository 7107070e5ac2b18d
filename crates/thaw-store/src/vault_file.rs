//! `vault.json`: the small, non-secret metadata file next to the database. It holds the data
//! key wrapped twice (passphrase, recovery code) and nothing that reveals the key or any
//! user content. It is always replaced atomically.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Result, StoreError};
use crate::files::write_atomically;
use crate::wrap::{WrapRole, WrappedKey};

pub(crate) const VAULT_FORMAT: &str = "thaw-vault";
pub(crate) const VAULT_VERSION: u32 = 1;

/// The contents of `vault.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct VaultFile {
    pub format: String,
    pub version: u32,
    /// The data key wrapped under the passphrase.
    pub passphrase: WrappedKey,
    /// The data key wrapped under the recovery code.
    pub recovery_code: WrappedKey,
}

impl VaultFile {
    pub(crate) fn new(passphrase: WrappedKey, recovery_code: WrappedKey) -> Self {
        Self {
            format: VAULT_FORMAT.into(),
            version: VAULT_VERSION,
            passphrase,
            recovery_code,
        }
    }

    pub(crate) fn from_json(bytes: &[u8]) -> Result<Self> {
        let v: Self = serde_json::from_slice(bytes).map_err(|_| StoreError::VaultInvalid)?;
        if v.format != VAULT_FORMAT || v.version != VAULT_VERSION {
            return Err(StoreError::VaultInvalid);
        }
        Ok(v)
    }

    /// Both wraps as Thaw wrote them (see [`WrappedKey::check_intact`]). A backup needs both:
    /// its header is also the payload's associated data, so any damage there fails anyway.
    pub(crate) fn check_both_intact(&self) -> Result<()> {
        self.passphrase.check_intact(WrapRole::Passphrase)?;
        self.recovery_code.check_intact(WrapRole::RecoveryCode)
    }

    /// Adds the checksum to wraps written before it existed. Returns whether anything changed.
    /// Call only after a secret has opened one wrap (so the file is known to be Thaw's).
    pub(crate) fn add_missing_checks(&mut self) -> bool {
        let mut changed = false;
        for (wrap, role) in [
            (&mut self.passphrase, WrapRole::Passphrase),
            (&mut self.recovery_code, WrapRole::RecoveryCode),
        ] {
            if wrap.check.is_none() {
                wrap.check = Some(wrap.checksum(role));
                changed = true;
            }
        }
        changed
    }

    pub(crate) fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).expect("vault serialises")
    }

    pub(crate) fn read(path: &Path) -> Result<Self> {
        match std::fs::read(path) {
            Ok(bytes) => Self::from_json(&bytes),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(StoreError::NotInitialised),
            Err(e) => Err(e.into()),
        }
    }

    pub(crate) fn write(&self, path: &Path) -> Result<()> {
        write_atomically(path, &self.to_json())
    }
}
