//! Shared helpers for the integration tests. Every test works on real files in a temp dir.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, FixedOffset};
use thaw_store::{KdfParams, RecoveryCode, Store};

pub const PASSPHRASE: &str = "lantern orbit pickle meadow";
pub const OTHER_PASSPHRASE: &str = "copper walrus tangerine fog";

/// Cheap KDF parameters: tests exercise the logic, the benchmark measures the real cost.
pub fn kdf() -> KdfParams {
    KdfParams::insecure_for_tests()
}

/// A fixed "now" with a non-zero local offset, so UTC/offset handling is exercised.
pub fn t0() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2025-03-10T09:15:00+01:00").unwrap()
}

pub fn at(days: i64, minutes: i64) -> DateTime<FixedOffset> {
    t0() + Duration::days(days) + Duration::minutes(minutes)
}

pub async fn new_store(dir: &Path) -> (Store, RecoveryCode) {
    Store::create(dir, PASSPHRASE, kdf())
        .await
        .expect("create store")
}

/// Every regular file under `dir` (recursively) with a hash of its bytes.
pub fn hash_tree(dir: &Path) -> BTreeMap<PathBuf, u64> {
    let mut out = BTreeMap::new();
    for path in files_under(dir) {
        let bytes = std::fs::read(&path).unwrap();
        let mut h = DefaultHasher::new();
        h.write(&bytes);
        out.insert(path, h.finish());
    }
    out
}

pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let e = e.unwrap();
            let p = e.path();
            if e.file_type().unwrap().is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Whether `needle` appears in `path`'s bytes, raw or as UTF-16 (SQLite may store either).
pub fn file_contains(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    let utf16: Vec<u8> = needle
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    contains(&bytes, needle.as_bytes()) || contains(&bytes, &utf16)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}
