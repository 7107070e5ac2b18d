//! Where the store's files live and how they are written.
//!
//! The caller names a data directory (the platform's app-data folder); inside it the store
//! owns exactly these entries:
//!
//! ```text
//! <data dir>/store/thaw.db          SQLCipher database
//! <data dir>/store/thaw.db-wal      write-ahead log (while open)
//! <data dir>/store/thaw.db-shm      WAL index (while open)
//! <data dir>/store/vault.json       the wrapped data key (never the key itself)
//! <data dir>/store/high-water       how much the store held at its latest commit (sealed)
//! <data dir>/.thaw-staging-*/       a store being created or restored (transient)
//! <data dir>/.thaw-previous-store/  the old store during a replace-restore (transient)
//! ```
//!
//! A whole store directory is built and verified in a staging directory and then renamed
//! into place, so a crash never leaves a half-made store where the real one should be.
//!
//! The data directory is claimed by one process at a time (see `folder_lock.rs`); the first
//! claim in a process clears what killed operations left behind (`clear_leftovers`).

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Result;
use crate::keys::fill_random;

pub(crate) const STORE_DIR: &str = "store";
pub(crate) const DB_FILE: &str = "thaw.db";
pub(crate) const VAULT_FILE: &str = "vault.json";
pub(crate) const HIGH_WATER_FILE: &str = "high-water";
pub(crate) const STAGING_PREFIX: &str = ".thaw-staging-";
pub(crate) const PREVIOUS_STORE_DIR: &str = ".thaw-previous-store";
/// A backup's working copy of the database, inside the store directory while it is made.
pub(crate) const SNAPSHOT_PREFIX: &str = ".backup-snapshot-";
/// `write_atomically`'s temporary files.
const TMP_PREFIX: &str = ".tmp-";

/// Paths of one store directory.
#[derive(Debug, Clone)]
pub(crate) struct StorePaths {
    pub dir: PathBuf,
}

impl StorePaths {
    pub(crate) fn live(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join(STORE_DIR),
        }
    }
    pub(crate) fn db(&self) -> PathBuf {
        self.dir.join(DB_FILE)
    }
    pub(crate) fn vault(&self) -> PathBuf {
        self.dir.join(VAULT_FILE)
    }
    pub(crate) fn high_water(&self) -> PathBuf {
        self.dir.join(HIGH_WATER_FILE)
    }
}

/// Create `dir` (and parents) readable by the owner only.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        // `mode` only applies to directories it creates; tighten an existing one too.
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    fs::create_dir_all(dir)?;
    Ok(())
}

/// Open options for a new file readable by the owner only.
fn private_file_options() -> OpenOptions {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts
}

/// Create an empty owner-only file. SQLite treats an empty file as a new database and
/// its `-wal`/`-shm` files inherit the database file's permissions, so creating the
/// database this way keeps all three private.
pub(crate) fn create_private_empty_file(path: &Path) -> Result<()> {
    let f = private_file_options().open(path)?;
    f.sync_all()?;
    Ok(())
}

/// Write `bytes` to `path` atomically: a temporary file in the same directory, fsync,
/// rename over the target, then fsync the directory so the rename itself is durable.
/// A crash at any point leaves either the old file or the new one, never a mix. The new file
/// is owner-only (0600 on Unix) whatever the umask, and replaces a symlink at `path` rather
/// than writing through it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let tmp = dir.join(format!("{TMP_PREFIX}{}", random_suffix()?));
    let result = (|| -> Result<()> {
        let mut f = private_file_options().open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        sync_dir(dir)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// fsync a directory so renames and new entries in it survive power loss.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// 16 random hex characters for temporary names.
pub(crate) fn random_suffix() -> Result<String> {
    let mut b = [0u8; 8];
    fill_random(&mut b)?;
    Ok(hex::encode(b))
}

/// A fresh private staging directory inside `data_dir`.
pub(crate) fn new_staging_dir(data_dir: &Path) -> Result<PathBuf> {
    let dir = data_dir.join(format!("{STAGING_PREFIX}{}", random_suffix()?));
    create_private_dir(&dir)?;
    Ok(dir)
}

/// Finish or undo a replace-restore that was interrupted (crash, power loss), and clear
/// leftover staging directories. Called before any operation that looks at the store.
///
/// - live store missing, previous store present: the swap stopped half-way before the new
///   store was in place, so put the previous one back (no data lost);
/// - both present: the swap completed; the previous store is what the person asked to
///   replace, so remove it;
/// - staging directories abandoned by a crash hold unfinished, unverified copies: remove them.
pub(crate) fn recover_interrupted_swap(data_dir: &Path) -> Result<()> {
    if !data_dir.exists() {
        return Ok(());
    }
    let live = data_dir.join(STORE_DIR);
    let previous = data_dir.join(PREVIOUS_STORE_DIR);
    if previous.exists() {
        if live.exists() {
            fs::remove_dir_all(&previous)?;
        } else {
            fs::rename(&previous, &live)?;
        }
        sync_dir(data_dir)?;
    }
    for entry in fs::read_dir(data_dir)? {
        let entry = entry?;
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(STAGING_PREFIX)
            && is_abandoned(&entry.metadata()?)
        {
            fs::remove_dir_all(entry.path())?;
        }
    }
    Ok(())
}

/// A staging directory untouched for this long is a leftover from a crash, not a create or
/// restore still running in another task (those finish in seconds and clean up after
/// themselves on failure).
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(15 * 60);

fn is_abandoned(meta: &fs::Metadata) -> bool {
    meta.modified()
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age >= ABANDONED_AFTER)
}

/// Move a verified staging directory into place as the live store.
/// With `replace`, an existing live store is moved aside first and removed after.
pub(crate) fn promote_staging(data_dir: &Path, staging: &Path, replace: bool) -> Result<()> {
    let live = data_dir.join(STORE_DIR);
    let previous = data_dir.join(PREVIOUS_STORE_DIR);
    if replace && live.exists() {
        fs::rename(&live, &previous)?;
        sync_dir(data_dir)?;
    }
    // Renaming a directory onto an existing non-empty directory fails, so even a store
    // created concurrently since our check is never overwritten here.
    if live.exists() {
        return Err(crate::StoreError::AlreadyInitialised);
    }
    fs::rename(staging, &live)?;
    sync_dir(data_dir)?;
    if previous.exists() {
        fs::remove_dir_all(&previous)?;
        sync_dir(data_dir)?;
    }
    Ok(())
}

/// Remove what killed operations left behind: staging directories of a create or restore,
/// a backup's working copy of the database, temporary files of an atomic write; and finish
/// or undo an interrupted replace. Only safe while this process holds the folder (nothing
/// else can be building a store here), so it runs at the first claim of a process.
pub(crate) fn clear_leftovers(data_dir: &Path) -> Result<()> {
    recover_interrupted_swap(data_dir)?;
    for entry in fs::read_dir(data_dir)? {
        let entry = entry?;
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(STAGING_PREFIX)
        {
            fs::remove_dir_all(entry.path())?;
        }
    }
    let store = data_dir.join(STORE_DIR);
    if let Ok(entries) = fs::read_dir(&store) {
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(SNAPSHOT_PREFIX) || name.starts_with(TMP_PREFIX) {
                fs::remove_file(entry.path())?;
            }
        }
    }
    sync_dir(data_dir)
}
