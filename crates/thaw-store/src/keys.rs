//! Key material. Every secret lives in a `Zeroizing` buffer so it is wiped when dropped,
//! including on lock and on error paths. Keys are boxed: a move then copies a pointer, not the
//! key, so no stray copy of the bytes is left behind in a stack frame or a finished future.

use zeroize::Zeroizing;

use crate::error::{Result, StoreError};

/// Length of the data key, the key-encryption keys and the backup key (256 bits).
pub(crate) const KEY_LEN: usize = 32;

/// The random key that SQLCipher encrypts the database with. Never written to disk
/// unwrapped; wiped from memory when dropped.
pub(crate) struct DataKey(Box<Zeroizing<[u8; KEY_LEN]>>);

impl DataKey {
    /// A fresh key from the operating system's random source.
    pub(crate) fn generate() -> Result<Self> {
        let mut key = Box::new(Zeroizing::new([0u8; KEY_LEN]));
        fill_random(key.as_mut().as_mut())?;
        Ok(Self(key))
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != KEY_LEN {
            return None;
        }
        // Straight into the box: no array on the stack on the way.
        let mut key = Box::new(Zeroizing::new([0u8; KEY_LEN]));
        key.copy_from_slice(bytes);
        Some(Self(key))
    }

    /// Constant-time comparison, for checking a secret against the open store's key.
    pub(crate) fn same_as(&self, other: &DataKey) -> bool {
        let diff = self
            .0
            .iter()
            .zip(other.0.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        std::hint::black_box(diff) == 0
    }

    /// A second copy for a blocking thread; it is wiped independently when dropped.
    pub(crate) fn duplicate(&self) -> Self {
        Self(self.0.clone())
    }

    pub(crate) fn as_bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    /// The `PRAGMA key` value for a raw key. sqlx writes the value verbatim, so the caller
    /// quotes it: `"x'…'"` makes SQLCipher use the 32 bytes directly, skipping its own
    /// per-connection PBKDF2 (our Argon2id already did the slow part once).
    pub(crate) fn sqlcipher_pragma_value(&self) -> Zeroizing<String> {
        let mut value = Zeroizing::new(String::with_capacity(KEY_LEN * 2 + 5));
        value.push_str("\"x'");
        push_hex_upper(&mut value, &self.0[..]);
        value.push_str("'\"");
        value
    }

    /// The `KEY` value for `ATTACH DATABASE … KEY ?` (the same raw key, unquoted).
    pub(crate) fn sqlcipher_attach_value(&self) -> Zeroizing<String> {
        let mut value = Zeroizing::new(String::with_capacity(KEY_LEN * 2 + 3));
        value.push_str("x'");
        push_hex_upper(&mut value, &self.0[..]);
        value.push('\'');
        value
    }

    /// A separate key for sealing backups, derived so the SQLCipher key is never used
    /// directly by a second cipher (keys are not shared across algorithms).
    pub(crate) fn backup_key(&self) -> Box<Zeroizing<[u8; KEY_LEN]>> {
        use blake2::digest::{Mac, Update};
        let mut mac =
            blake2::Blake2bMac::<blake2::digest::consts::U32>::new_from_slice(&self.0[..])
                .expect("32-byte key is valid for BLAKE2b-MAC");
        Update::update(&mut mac, b"thaw/backup-payload/v1");
        let mut out = mac.finalize().into_bytes();
        let mut key = Box::new(Zeroizing::new([0u8; KEY_LEN]));
        key.copy_from_slice(&out);
        zeroize::Zeroize::zeroize(out.as_mut_slice());
        key
    }
}

/// Hex digits appended into a buffer that was sized first, so it never reallocates and leaves
/// no partial copy behind (`hex::encode` builds its own intermediate string).
fn push_hex_upper(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
}

/// Overwrite the part of this thread's stack that deep, secret-handling calls (Argon2id,
/// the AEAD, BLAKE2b) have just used. Freed stack is not wiped by anything else, and blocking
/// threads are parked and reused with whatever their last job left there.
#[inline(never)]
pub(crate) fn scrub_stack() {
    let mut area = [0u8; 128 * 1024];
    zeroize::Zeroize::zeroize(&mut area[..]);
    std::hint::black_box(&area);
}

/// Fill `buf` from the operating system's random source.
pub(crate) fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buf).map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))
}
