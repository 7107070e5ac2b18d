//! Shared by the integration tests.

use std::path::PathBuf;

/// `<target dir>/clinical-samples`: CARGO_TARGET_DIR when set, else the workspace's `target/`.
pub fn samples_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let dir = target.join("clinical-samples");
    std::fs::create_dir_all(&dir).expect("can create the samples folder");
    dir
}
