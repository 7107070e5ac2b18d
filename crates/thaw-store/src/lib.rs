//! Thaw's encrypted local store. Every byte at rest is encrypted with SQLCipher.
