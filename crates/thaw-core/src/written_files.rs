//! Files Thaw writes outside its store (backups and visit summaries), the paths it is handed
//! for them, and the list it keeps of them.
//!
//! Nobody types a path in Thaw: the shell asks the platform's file dialog and hands the core
//! what the person chose. The core checks every path all the same (a path is input like any
//! other): where a file is written, it is an absolute path in an existing folder outside Thaw's
//! own data folder, never a folder, a symlink or a device, and it ends in the format's
//! extension; where a backup is read, it is a regular file of a bounded size outside the data
//! folder.
//!
//! Every file written is owner-only (0600 on Unix), written atomically
//! (`thaw_store::write_private_file`), and recorded in the encrypted store's settings
//! (`files_written`), so "Show in folder" and "Erase everything" can find it again by id; the
//! page never hands a path back. The last folder used is the folder of the newest of them.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use thaw_store::Store;

use crate::error::{AppError, Result};
use crate::ipc::{WrittenFile, WrittenKind};

/// The setting that lists the files Thaw wrote.
const SETTING: &str = "files_written";
/// The newest this many are remembered (a person makes a backup or a summary now and then).
const KEEP: usize = 200;
/// A backup bigger than this is not one Thaw made (years of daily use are a few MiB).
pub(crate) const MAX_BACKUP_BYTES: u64 = 1 << 30;

/// One file Thaw wrote, as kept in the encrypted store.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Written {
    pub id: u32,
    pub kind: WrittenKind,
    pub path: PathBuf,
    pub at: DateTime<FixedOffset>,
}

impl Written {
    pub(crate) fn view(&self) -> WrittenFile {
        WrittenFile {
            id: self.id,
            kind: self.kind,
            name: self
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            folder: self
                .path
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            written_on: self.at.date_naive(),
        }
    }

    /// Still there as a regular file (not moved, not replaced by a folder or a link).
    pub(crate) fn still_there(&self) -> bool {
        std::fs::symlink_metadata(&self.path).is_ok_and(|m| m.file_type().is_file())
    }
}

/// Every file Thaw remembers writing, oldest first.
pub(crate) async fn list(store: &Store) -> Result<Vec<Written>> {
    Ok(store
        .setting_as::<Vec<Written>>(SETTING)
        .await?
        .unwrap_or_default())
}

/// Remember a file just written; returns how it is shown.
pub(crate) async fn record(
    store: &Store,
    kind: WrittenKind,
    path: &Path,
    now: DateTime<FixedOffset>,
) -> Result<WrittenFile> {
    let mut all = list(store).await?;
    // The same path written again (a summary saved over itself) is one file.
    all.retain(|w| w.path != path);
    let id = all.iter().map(|w| w.id).max().unwrap_or(0) + 1;
    let written = Written {
        id,
        kind,
        path: path.to_path_buf(),
        at: now,
    };
    let view = written.view();
    all.push(written);
    if all.len() > KEEP {
        let extra = all.len() - KEEP;
        all.drain(..extra);
    }
    store.set_setting(SETTING, &all, now).await?;
    Ok(view)
}

/// The folder a save or open dialog starts in: the folder of the newest file Thaw wrote that
/// is still there, else `fallback` (the platform's backups folder) or its parent.
pub(crate) fn start_folder(written: &[Written], fallback: &Path) -> Option<PathBuf> {
    written
        .iter()
        .rev()
        .filter_map(|w| w.path.parent())
        .find(|p| p.is_dir())
        .map(Path::to_path_buf)
        .or_else(|| {
            [Some(fallback), fallback.parent()]
                .into_iter()
                .flatten()
                .find(|p| p.is_dir())
                .map(Path::to_path_buf)
        })
}

fn refused(message: &str) -> AppError {
    AppError::invalid(message)
}

/// Checks a place the person chose to save a file, and returns the exact path to write:
/// the chosen folder (resolved), the chosen name, with `extension` added when it is missing.
pub(crate) fn check_save_target(
    chosen: &Path,
    data_dir: &Path,
    extension: &str,
) -> Result<PathBuf> {
    let too_long = chosen.as_os_str().len() > crate::limits::PATH;
    if too_long || !chosen.is_absolute() {
        return Err(refused(
            "Thaw cannot save there. Choose a folder and a name in the dialog.",
        ));
    }
    let (Some(folder), Some(name)) = (chosen.parent(), chosen.file_name()) else {
        return Err(refused(
            "Thaw cannot save there. Choose a folder and a name in the dialog.",
        ));
    };
    let folder = std::fs::canonicalize(folder)
        .ok()
        .filter(|f| f.is_dir())
        .ok_or_else(|| refused("That folder is not there any more. Choose another place."))?;
    if inside(&folder, data_dir) {
        return Err(refused(
            "That is Thaw's own private folder. Choose another place, such as Documents.",
        ));
    }
    let mut name = name.to_os_string();
    let has_extension = Path::new(&name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension));
    if !has_extension {
        name.push(".");
        name.push(extension);
    }
    let target = folder.join(name);
    match std::fs::symlink_metadata(&target) {
        // Replacing a file of that name: the dialog asked the person first.
        Ok(m) if m.file_type().is_file() => Ok(target),
        Ok(_) => Err(refused(
            "Something that is not a file already has that name there. Choose another name.",
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(target),
        Err(_) => Err(refused("Thaw cannot save there. Choose another place.")),
    }
}

/// Checks a backup file the person chose to open, and returns its resolved path.
pub(crate) fn check_backup_to_open(chosen: &Path, data_dir: &Path) -> Result<PathBuf> {
    let too_long = chosen.as_os_str().len() > crate::limits::PATH;
    if too_long || !chosen.is_absolute() {
        return Err(refused("Choose the backup file in the dialog."));
    }
    let path = std::fs::canonicalize(chosen)
        .map_err(|_| refused("That file is not there any more. Choose the backup file again."))?;
    let meta = std::fs::metadata(&path)
        .map_err(|_| refused("That file is not there any more. Choose the backup file again."))?;
    if !meta.is_file() {
        return Err(refused(
            "That is not a backup file. Choose the file that ends in .thawbackup.",
        ));
    }
    if inside(&path, data_dir) {
        return Err(refused(
            "That file is part of Thaw's own private folder, not a backup. Choose the backup file you saved.",
        ));
    }
    if meta.len() > MAX_BACKUP_BYTES {
        return Err(thaw_store::StoreError::BackupInvalid.into());
    }
    Ok(path)
}

/// Whether `path` is `dir` or inside it (both resolved, so links cannot hide it).
fn inside(path: &Path, dir: &Path) -> bool {
    match std::fs::canonicalize(dir) {
        Ok(dir) => path.starts_with(dir),
        Err(_) => path.starts_with(dir),
    }
}

/// Removes the listed files that are still there as regular files. Returns how many went.
pub(crate) fn remove(written: &[Written], ids: &[u32]) -> usize {
    written
        .iter()
        .filter(|w| ids.contains(&w.id) && w.still_there())
        .filter(|w| std::fs::remove_file(&w.path).is_ok())
        .count()
}
