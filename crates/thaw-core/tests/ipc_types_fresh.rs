//! Fails when `ui/src/lib/ipc/types.ts` no longer matches the Rust IPC types.
//! Run with UPDATE_IPC_TYPES=1 to rewrite it.

use std::path::PathBuf;

#[test]
fn generated_typescript_is_fresh() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/ipc/types.ts");
    let expected = thaw_core::ipc::typescript();
    if std::env::var_os("UPDATE_IPC_TYPES").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "ui/src/lib/ipc/types.ts is stale: run `UPDATE_IPC_TYPES=1 cargo test -p thaw-core --test ipc_types_fresh` and commit the result"
    );
}
