//! One Thaw per data folder.
//!
//! Two processes writing one store lose each other's work: one restores a backup or erases
//! everything while the other keeps acknowledging writes into files that are about to go,
//! and their engine snapshots and settings overwrite each other. So the first process to use
//! a data folder takes an exclusive OS lock on it (`flock` on the directory itself, so no
//! extra file is left behind) and keeps it for the rest of its life; any other process that
//! tries to open the folder meanwhile gets [`StoreError::InUse`]. The OS drops the lock when
//! the process ends, however it ends, so a crash never leaves the folder stuck.
//!
//! Inside one process the claim is remembered (an `flock` on a second descriptor of the same
//! directory would conflict with our own), so creating, locking and unlocking again reuse it.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Result, StoreError};

/// The folders this process holds, with the open descriptor that carries each lock.
static HELD: Mutex<Vec<(PathBuf, File)>> = Mutex::new(Vec::new());

/// Take the data folder `dir` (which must exist) for this process, or refuse with
/// [`StoreError::InUse`] when another process has it. The first claim also clears leftovers
/// of killed operations, which is only safe once nobody else can be using the folder.
pub(crate) fn claim(dir: &Path) -> Result<()> {
    let canonical = dir.canonicalize()?;
    let mut held = HELD.lock().unwrap_or_else(|p| p.into_inner());
    if held.iter().any(|(p, _)| *p == canonical) {
        return Ok(());
    }
    let file = lock_target(&canonical)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => return Err(StoreError::InUse),
        // A file system without locks (some network or FUSE mounts): carry on unguarded
        // rather than lock the person out of their own data.
        Err(std::fs::TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
            eprintln!("thaw: this file system cannot lock the data folder");
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
    }
    crate::files::clear_leftovers(&canonical)?;
    held.push((canonical, file));
    Ok(())
}

/// Let go of `dir` (after it was erased: a new folder made at the same path is a new claim;
/// and for tests that hand a folder to a child process).
pub(crate) fn release(dir: &Path) {
    let mut held = HELD.lock().unwrap_or_else(|p| p.into_inner());
    let canonical = dir.canonicalize().ok();
    held.retain(|(p, _)| Some(p) != canonical.as_ref() && p != dir && p.exists());
}

/// What carries the lock: the directory itself where the OS can lock a directory, else a
/// small empty file in it.
#[cfg(unix)]
fn lock_target(dir: &Path) -> Result<File> {
    Ok(File::open(dir)?)
}

#[cfg(not(unix))]
fn lock_target(dir: &Path) -> Result<File> {
    Ok(std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(".thaw-lock"))?)
}
