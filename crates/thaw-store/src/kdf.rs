//! Argon2id key derivation: turns a passphrase (or recovery code) into the key that
//! wraps the data key. The parameters are stored with each wrap, so they can be raised
//! later without breaking old vaults.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};
use crate::keys::KEY_LEN;

/// Salt length for Argon2id (128 bits, as RFC 9106 recommends).
pub(crate) const SALT_LEN: usize = 16;

/// Bounds on the cost parameters accepted from any file (vault.json, a backup's header).
/// Thaw writes 64 MiB, 3 passes, 1 lane ([`KdfParams::recommended`]); the bounds leave room
/// for one modest raise and nothing more, so a crafted file cannot make an unlock or a
/// restore run for minutes (a header asking for 1 GiB and 64 passes took 53 s) or
/// allocate an absurd amount. Anything outside them is a file Thaw did not make.
pub(crate) const MAX_MEMORY_KIB: u32 = 2 * 64 * 1024;
pub(crate) const MAX_ITERATIONS: u32 = 6;
pub(crate) const MAX_PARALLELISM: u32 = 4;
/// Below this, Argon2 itself refuses (8 KiB per lane); the test parameters use 256 KiB.
const MIN_MEMORY_KIB: u32 = 8;

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

    /// Whether Thaw could have written these parameters (see the bounds above).
    pub(crate) fn within_bounds(&self) -> bool {
        self.validate().is_ok()
    }

    fn validate(&self) -> Result<argon2::Params> {
        if self.memory_kib > MAX_MEMORY_KIB
            || self.memory_kib < MIN_MEMORY_KIB * self.parallelism.max(1)
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
///
/// The work runs on a thread of its own at a lower scheduling priority (Linux and Android,
/// where priority is per thread), so on a small, busy device the window's own thread still
/// gets the CPU first: the crisis numbers and the rest of the screen keep answering while a
/// key is derived. The thread scrubs the stack it used before it ends (thread stacks are kept
/// for reuse).
pub(crate) fn derive_key(
    secret: &[u8],
    salt: &[u8],
    params: &KdfParams,
) -> Result<Box<Zeroizing<[u8; KEY_LEN]>>> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("thaw-kdf".into())
            .spawn_scoped(scope, || {
                lower_this_threads_priority();
                let out = derive_key_here(secret, salt, params);
                crate::keys::scrub_stack();
                out
            })
            .map_err(StoreError::Io)?
            .join()
            .unwrap_or(Err(StoreError::VaultInvalid))
    })
}

/// Nice 10 for the calling thread only. Best effort: if it fails, the work just runs as usual.
fn lower_this_threads_priority() {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    // SAFETY: setpriority with `who = 0` changes only this thread's nice value on Linux.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

fn derive_key_here(
    secret: &[u8],
    salt: &[u8],
    params: &KdfParams,
) -> Result<Box<Zeroizing<[u8; KEY_LEN]>>> {
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        params.validate()?,
    );
    let mut out = Box::new(Zeroizing::new([0u8; KEY_LEN]));
    argon
        .hash_password_into(secret, salt, out.as_mut().as_mut())
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
        assert_eq!(**a, **b);
        assert_ne!(**a, **c);
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

    #[test]
    fn what_thaw_writes_is_within_bounds_and_the_crafted_header_is_not() {
        assert!(KdfParams::recommended().within_bounds());
        assert!(KdfParams::insecure_for_tests().within_bounds());
        let crafted = KdfParams {
            memory_kib: 1024 * 1024,
            iterations: 64,
            parallelism: 1,
        };
        assert!(!crafted.within_bounds());
        for p in [
            KdfParams {
                iterations: 7,
                ..KdfParams::recommended()
            },
            KdfParams {
                memory_kib: 129 * 1024,
                ..KdfParams::recommended()
            },
            KdfParams {
                parallelism: 5,
                ..KdfParams::recommended()
            },
            KdfParams {
                iterations: 0,
                ..KdfParams::recommended()
            },
        ] {
            assert!(!p.within_bounds(), "{p:?}");
        }
    }
}
