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
use crate::keys::{fill_random, scrub_stack, DataKey, KEY_LEN};

pub(crate) const NONCE_LEN: usize = 24;

/// Which secret a wrap belongs to. Also the AEAD associated data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrapRole {
    /// The wrap the passphrase opens.
    Passphrase,
    /// The wrap the recovery code opens.
    RecoveryCode,
}

impl WrapRole {
    /// The error for a secret that does not open this wrap: each secret has its own words.
    fn wrong_secret(self) -> StoreError {
        match self {
            WrapRole::Passphrase => StoreError::WrongSecret,
            WrapRole::RecoveryCode => StoreError::WrongRecoveryCode,
        }
    }

    fn aad(self) -> &'static [u8] {
        match self {
            WrapRole::Passphrase => b"thaw/vault/v1/wrap/passphrase",
            WrapRole::RecoveryCode => b"thaw/vault/v1/wrap/recovery-code",
        }
    }
}

/// The data key sealed under one secret, with everything needed to unseal it
/// except the secret itself. Stored as hex in `vault.json` and in backups.
///
/// `check` is a checksum over the other fields. It is not a secret and proves nothing to an
/// attacker (who can recompute it); it tells accidental damage (a flipped byte in the salt or
/// the sealed key) from a wrong passphrase, which the AEAD alone cannot: both fail its tag.
/// Files written before it existed have none; it is added at their next unlock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WrappedKey {
    pub kdf: KdfParams,
    #[serde(with = "hex::serde")]
    pub salt: Vec<u8>,
    #[serde(with = "hex::serde")]
    pub nonce: Vec<u8>,
    #[serde(with = "hex::serde")]
    pub ciphertext: Vec<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<String>,
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
        let sealed = derive_key(secret, &salt, &params)
            .and_then(|kek| seal_bytes(&kek, data_key.as_bytes(), role.aad()));
        scrub_stack();
        let (nonce, ciphertext) = sealed?;
        let mut wrap = Self {
            kdf: params,
            salt,
            nonce,
            ciphertext,
            check: None,
        };
        wrap.check = Some(wrap.checksum(role));
        Ok(wrap)
    }

    /// Unseal with `secret`. A damaged wrap is [`StoreError::WrapDamaged`] (found before any
    /// slow work); a secret that does not fit fails the AEAD tag check:
    /// [`StoreError::WrongSecret`] for the passphrase, [`StoreError::WrongRecoveryCode`] for
    /// the recovery code. Slow (Argon2id).
    pub(crate) fn open(&self, secret: &[u8], role: WrapRole) -> Result<DataKey> {
        self.check_intact(role)?;
        let opened = derive_key(secret, &self.salt, &self.kdf).and_then(|kek| {
            open_bytes(&kek, &self.nonce, &self.ciphertext, role.aad())
                .map_err(|_| role.wrong_secret())
        });
        scrub_stack();
        DataKey::from_bytes(&opened?).ok_or(StoreError::WrapDamaged(role))
    }

    /// Whether the wrap is as Thaw wrote it: the right lengths, parameters Thaw would write,
    /// and (when present) a checksum that matches.
    pub(crate) fn check_intact(&self, role: WrapRole) -> Result<()> {
        let shaped = self.salt.len() == SALT_LEN
            && self.nonce.len() == NONCE_LEN
            && self.ciphertext.len() == KEY_LEN + TAG_LEN
            && self.kdf.within_bounds();
        let sum_ok = self
            .check
            .as_deref()
            .is_none_or(|c| c.eq_ignore_ascii_case(&self.checksum(role)));
        if shaped && sum_ok {
            Ok(())
        } else {
            Err(StoreError::WrapDamaged(role))
        }
    }

    /// BLAKE2b over every field, in a fixed byte layout (not the JSON, whose spacing may vary).
    pub(crate) fn checksum(&self, role: WrapRole) -> String {
        use blake2::digest::{Update, VariableOutput};
        let mut h = blake2::Blake2bVar::new(16).expect("16 is a valid BLAKE2b length");
        h.update(b"thaw/vault/v1/check\0");
        h.update(role.aad());
        for n in [
            self.kdf.memory_kib,
            self.kdf.iterations,
            self.kdf.parallelism,
        ] {
            h.update(&n.to_le_bytes());
        }
        for field in [&self.salt, &self.nonce, &self.ciphertext] {
            h.update(&(field.len() as u64).to_le_bytes());
            h.update(field);
        }
        let mut out = [0u8; 16];
        h.finalize_variable(&mut out)
            .expect("output length matches");
        hex::encode(out)
    }
}

/// Poly1305 tag length.
const TAG_LEN: usize = 16;

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
        // The role is bound twice (checksum and AEAD): either way it does not open.
        assert!(w.open(b"right", WrapRole::RecoveryCode).is_err());
    }

    #[test]
    fn a_flipped_salt_or_sealed_key_is_damage_not_a_wrong_secret() {
        let key = DataKey::generate().unwrap();
        let p = KdfParams::insecure_for_tests();
        let w = WrappedKey::seal(&key, b"right", p, WrapRole::Passphrase).unwrap();
        let mut salt = w.clone();
        salt.salt[3] ^= 0x01;
        assert!(matches!(
            salt.open(b"right", WrapRole::Passphrase),
            Err(StoreError::WrapDamaged(WrapRole::Passphrase))
        ));
        let mut sealed = w.clone();
        sealed.ciphertext[0] ^= 0x80;
        assert!(matches!(
            sealed.open(b"right", WrapRole::Passphrase),
            Err(StoreError::WrapDamaged(WrapRole::Passphrase))
        ));
        // An older file without a checksum cannot tell: it stays a wrong secret.
        let mut old = sealed.clone();
        old.check = None;
        assert!(matches!(
            old.open(b"right", WrapRole::Passphrase),
            Err(StoreError::WrongSecret)
        ));
        let code = WrappedKey::seal(&key, b"code", p, WrapRole::RecoveryCode).unwrap();
        assert!(matches!(
            code.open(b"not the code", WrapRole::RecoveryCode),
            Err(StoreError::WrongRecoveryCode)
        ));
    }
}
