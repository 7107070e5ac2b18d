//! Argon2id key derivation: turns a passphrase (or recovery code) into the key that
//! wraps the data key. The parameters are stored with each wrap, so they can be raised
//! later without breaking old vaults.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};
use crate::keys::KEY_LEN;

/// Salt length for Argon2id (128 bits, as RFC 9106 recommends).
pub(crate) const SALT_LEN: usize = 16;

/// Upper bound on the memory cost we accept from a vault or backup file, so a tampered
/// file cannot make the app try to allocate an absurd amount (1 GiB).
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_ITERATIONS: u32 = 64;
const MAX_PARALLELISM: u32 = 16;

/// Argon2id cost parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory cost in KiB.
    pub memory_kib: u32,
    /// Number of passes over the memory.
    pub iterations: u32,
    /// Degree of parallelism (lanes).
    pub parallelism: u32,
}

impl KdfParams {
    /// What the app uses: 64 MiB, 3 passes, 1 lane. On a 2020s laptop this takes roughly
    /// 0.2–0.6 s (see BENCHMARKS.md): slow enough to make guessing costly, fast enough
    /// that unlocking does not feel like waiting. One lane because phones have few big cores
    /// and the argon2 crate computes lanes sequentially anyway.
    pub const fn recommended() -> Self {
        Self {
            memory_kib: 64 * 1024,
            iterations: 3,
            parallelism: 1,
        }
    }

    /// Very cheap parameters for tests only: never use them for real data.
    pub const fn insecure_for_tests() -> Self {
        Self {
            memory_kib: 256,
            iterations: 1,
            parallelism: 1,
        }
    }

    fn validate(&self) -> Result<argon2::Params> {
        if self.memory_kib > MAX_MEMORY_KIB
            || self.iterations == 0
            || self.iterations > MAX_ITERATIONS
            || self.parallelism == 0
            || self.parallelism > MAX_PARALLELISM
        {
            return Err(StoreError::VaultInvalid);
        }
        argon2::Params::new(
            self.memory_kib,
            self.iterations,
            self.parallelism,
            Some(KEY_LEN),
        )
        .map_err(|_| StoreError::VaultInvalid)
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        Self::recommended()
    }
}

/// Derive a 32-byte key-encryption key from `secret` and `salt` with Argon2id (v1.3).
/// CPU- and memory-heavy by design: call it from a blocking thread in async code.
pub(crate) fn derive_key(
    secret: &[u8],
    salt: &[u8],
    params: &KdfParams,
) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        params.validate()?,
    );
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    argon
        .hash_password_into(secret, salt, out.as_mut())
        .map_err(|_| StoreError::VaultInvalid)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_inputs_same_key_and_salt_matters() {
        let p = KdfParams::insecure_for_tests();
        let a = derive_key(b"secret", &[1; SALT_LEN], &p).unwrap();
        let b = derive_key(b"secret", &[1; SALT_LEN], &p).unwrap();
        let c = derive_key(b"secret", &[2; SALT_LEN], &p).unwrap();
        assert_eq!(*a, *b);
        assert_ne!(*a, *c);
    }

    #[test]
    fn absurd_params_from_a_tampered_file_are_refused() {
        let p = KdfParams {
            memory_kib: u32::MAX,
            iterations: 3,
            parallelism: 1,
        };
        assert!(matches!(
            derive_key(b"x", &[0; SALT_LEN], &p),
            Err(StoreError::VaultInvalid)
        ));
    }
}
