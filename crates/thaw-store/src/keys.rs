//! Key material. Every secret lives in a `Zeroizing` buffer so it is wiped when dropped,
//! including on lock and on error paths.

use zeroize::Zeroizing;

use crate::error::{Result, StoreError};

/// Length of the data key, the key-encryption keys and the backup key (256 bits).
pub(crate) const KEY_LEN: usize = 32;

/// The random key that SQLCipher encrypts the database with. Never written to disk
/// unwrapped; wiped from memory when dropped.
pub(crate) struct DataKey(Zeroizing<[u8; KEY_LEN]>);

impl DataKey {
    /// A fresh key from the operating system's random source.
    pub(crate) fn generate() -> Result<Self> {
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        fill_random(key.as_mut())?;
        Ok(Self(key))
    }

    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let arr: [u8; KEY_LEN] = bytes.try_into().ok()?;
        Some(Self(Zeroizing::new(arr)))
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
        let hex = Zeroizing::new(hex::encode_upper(self.0.as_ref()));
        Zeroizing::new(format!("\"x'{}'\"", hex.as_str()))
    }

    /// A separate key for sealing backups, derived so the SQLCipher key is never used
    /// directly by a second cipher (keys are not shared across algorithms).
    pub(crate) fn backup_key(&self) -> Zeroizing<[u8; KEY_LEN]> {
        use blake2::digest::{Mac, Update};
        let mut mac =
            blake2::Blake2bMac::<blake2::digest::consts::U32>::new_from_slice(self.0.as_ref())
                .expect("32-byte key is valid for BLAKE2b-MAC");
        Update::update(&mut mac, b"thaw/backup-payload/v1");
        let out = mac.finalize().into_bytes();
        let mut key = Zeroizing::new([0u8; KEY_LEN]);
        key.copy_from_slice(&out);
        key
    }
}

/// Fill `buf` from the operating system's random source.
pub(crate) fn fill_random(buf: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buf).map_err(|e| StoreError::Io(std::io::Error::other(e.to_string())))
}
