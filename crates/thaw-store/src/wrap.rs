//! Wrapping the data key: XChaCha20-Poly1305 under a key derived with Argon2id.
//! XChaCha's 192-bit nonces are safe to pick at random, so every wrap gets a fresh one.
//! The associated data names the wrap's role, so a passphrase wrap cannot be passed off
//! as a recovery-code wrap (or as anything else sealed with the same key).

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};
use crate::kdf::{derive_key, KdfParams, SALT_LEN};
use crate::keys::{fill_random, DataKey, KEY_LEN};

pub(crate) const NONCE_LEN: usize = 24;

/// Which secret a wrap belongs to. Also the AEAD associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WrapRole {
    Passphrase,
    RecoveryCode,
}

impl WrapRole {
    fn aad(self) -> &'static [u8] {
        match self {
            WrapRole::Passphrase => b"thaw/vault/v1/wrap/passphrase",
            WrapRole::RecoveryCode => b"thaw/vault/v1/wrap/recovery-code",
        }
    }
}

/// The data key sealed under one secret, with everything needed to unseal it
/// except the secret itself. Stored as hex in `vault.json` and in backups.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WrappedKey {
    pub kdf: KdfParams,
    #[serde(with = "hex::serde")]
    pub salt: Vec<u8>,
    #[serde(with = "hex::serde")]
    pub nonce: Vec<u8>,
    #[serde(with = "hex::serde")]
    pub ciphertext: Vec<u8>,
}

impl WrappedKey {
    /// Seal `data_key` under a key derived from `secret`. Slow (Argon2id).
    pub(crate) fn seal(
        data_key: &DataKey,
        secret: &[u8],
        params: KdfParams,
        role: WrapRole,
    ) -> Result<Self> {
        let mut salt = vec![0u8; SALT_LEN];
        fill_random(&mut salt)?;
        let kek = derive_key(secret, &salt, &params)?;
        let (nonce, ciphertext) = seal_bytes(&kek, data_key.as_bytes(), role.aad())?;
        Ok(Self {
            kdf: params,
            salt,
            nonce,
            ciphertext,
        })
    }

    /// Unseal with `secret`. A wrong secret fails the AEAD tag check: `WrongSecret`.
    /// Slow (Argon2id).
    pub(crate) fn open(&self, secret: &[u8], role: WrapRole) -> Result<DataKey> {
        if self.salt.len() != SALT_LEN || self.nonce.len() != NONCE_LEN {
            return Err(StoreError::VaultInvalid);
        }
        let kek = derive_key(secret, &self.salt, &self.kdf)?;
        let plain = open_bytes(&kek, &self.nonce, &self.ciphertext, role.aad())
            .map_err(|_| StoreError::WrongSecret)?;
        DataKey::from_bytes(&plain).ok_or(StoreError::VaultInvalid)
    }
}

/// AEAD-encrypt `plain` under `key` with a fresh random nonce.
pub(crate) fn seal_bytes(
    key: &[u8; KEY_LEN],
    plain: &[u8],
    aad: &[u8],
) -> Result<(Vec<u8>, Vec<u8>)> {
    let cipher = XChaCha20Poly1305::new(key.into());
    let mut nonce = vec![0u8; NONCE_LEN];
    fill_random(&mut nonce)?;
    let ciphertext = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| StoreError::Io(std::io::Error::other("encryption failed")))?;
    Ok((nonce, ciphertext))
}

/// AEAD-decrypt; `Err(())` when the tag does not verify (wrong key or tampered data).
pub(crate) fn open_bytes(
    key: &[u8; KEY_LEN],
    nonce: &[u8],
    ciphertext: &[u8],
    aad: &[u8],
) -> std::result::Result<Zeroizing<Vec<u8>>, ()> {
    if nonce.len() != NONCE_LEN {
        return Err(());
    }
    let cipher = XChaCha20Poly1305::new(key.into());
    cipher
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: ciphertext,
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_opens_with_the_right_secret_and_role_only() {
        let key = DataKey::generate().unwrap();
        let p = KdfParams::insecure_for_tests();
        let w = WrappedKey::seal(&key, b"right", p, WrapRole::Passphrase).unwrap();
        let back = w.open(b"right", WrapRole::Passphrase).unwrap();
        assert_eq!(back.as_bytes(), key.as_bytes());
        assert!(matches!(
            w.open(b"wrong", WrapRole::Passphrase),
            Err(StoreError::WrongSecret)
        ));
        assert!(matches!(
            w.open(b"right", WrapRole::RecoveryCode),
            Err(StoreError::WrongSecret)
        ));
    }
}
