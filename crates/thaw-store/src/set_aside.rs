//! "Start anew" for someone who has neither the passphrase nor the recovery code.
//!
//! Nothing is deleted: the whole store folder (still encrypted) is moved aside, beside the
//! data, into a clearly named folder with a short note, and a new Thaw can be set up. From
//! inside the new Thaw the person sees that set-aside data exists and can delete it; while no
//! new Thaw has been set up, it can be put back. Destroying it needs its own secret, or a
//! waiting period the caller enforces (see `thaw-core`), so a minute at someone else's lock
//! screen is never enough to destroy their data.
//!
//! ```text
//! <data dir>/set-aside-2026-11-29-093015/thaw.db        the old database, untouched
//! <data dir>/set-aside-2026-11-29-093015/vault.json     its wrapped key
//! <data dir>/set-aside-2026-11-29-093015/ABOUT THIS FOLDER.txt
//! ```

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use crate::error::{Result, StoreError};
use crate::files::{recover_interrupted_swap, sync_dir, write_atomically, STORE_DIR};
use crate::{UnlockBackoff, UnlockSecret};

const PREFIX: &str = "set-aside-";
const STAMP: &str = "%Y-%m-%d-%H%M%S";
const NOTE_FILE: &str = "ABOUT THIS FOLDER.txt";

/// Data set aside by "Start anew".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SetAside {
    /// The folder's name inside the data directory; also its id.
    pub id: String,
    /// When it was set aside, in the person's local time then.
    pub set_aside_at: NaiveDateTime,
}

/// Moves the store in `data_dir` aside (see the module docs) and returns what was set aside.
/// The caller must have locked any open store on the directory.
pub fn set_aside(data_dir: &Path, now: DateTime<FixedOffset>) -> Result<SetAside> {
    recover_interrupted_swap(data_dir)?;
    let live = data_dir.join(STORE_DIR);
    if !live.exists() {
        return Err(StoreError::NotInitialised);
    }
    let mut at = now.naive_local();
    let mut id = format!("{PREFIX}{}", at.format(STAMP));
    // Two in the same second: the next free second keeps names unique and sortable.
    while data_dir.join(&id).exists() {
        at += chrono::Duration::seconds(1);
        id = format!("{PREFIX}{}", at.format(STAMP));
    }
    let note = format!(
        "This folder holds Thaw's earlier data, set aside on {} when someone chose \"Start anew\"\n\
         without its passphrase or recovery code.\n\n\
         It is still encrypted and opens only with that earlier passphrase or recovery code.\n\
         Nothing in it was read or changed. Thaw can put it back from its first screen (while no\n\
         new Thaw is set up here), and can delete it from Settings.\n",
        at.format("%-d %B %Y at %H:%M")
    );
    write_atomically(&live.join(NOTE_FILE), note.as_bytes())?;
    std::fs::rename(&live, data_dir.join(&id))?;
    sync_dir(data_dir)?;
    Ok(SetAside {
        id,
        set_aside_at: at,
    })
}

/// Every set-aside folder in `data_dir`, oldest first.
pub fn list_set_aside(data_dir: &Path) -> Result<Vec<SetAside>> {
    if !data_dir.exists() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(data_dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(found) = parse(&name) {
            out.push(found);
        }
    }
    out.sort_by_key(|s| s.set_aside_at);
    Ok(out)
}

/// Removes one set-aside folder for good. The caller decides whether that is allowed (its own
/// secret, or the waiting period).
pub fn delete_set_aside(data_dir: &Path, id: &str) -> Result<()> {
    let dir = folder(data_dir, id)?;
    std::fs::remove_dir_all(&dir)?;
    sync_dir(data_dir)?;
    Ok(())
}

/// Puts set-aside data back as the live store. Refused while another store is set up here
/// ([`StoreError::AlreadyInitialised`]): nothing is ever replaced by it.
pub fn put_back_set_aside(data_dir: &Path, id: &str) -> Result<()> {
    recover_interrupted_swap(data_dir)?;
    let dir = folder(data_dir, id)?;
    let live = data_dir.join(STORE_DIR);
    if live.exists() {
        return Err(StoreError::AlreadyInitialised);
    }
    let _ = std::fs::remove_file(dir.join(NOTE_FILE));
    std::fs::rename(&dir, &live)?;
    sync_dir(data_dir)?;
    Ok(())
}

/// Proves the earlier passphrase or recovery code against a set-aside folder's own vault.
pub async fn check_set_aside_secret(
    data_dir: &Path,
    id: &str,
    secret: UnlockSecret<'_>,
    backoff: &mut UnlockBackoff,
    now: Instant,
) -> Result<()> {
    let dir = folder(data_dir, id)?;
    crate::secrets::check_secret_in(&dir.join(crate::files::VAULT_FILE), secret, backoff, now).await
}

fn parse(name: &str) -> Option<SetAside> {
    let stamp = name.strip_prefix(PREFIX)?;
    let set_aside_at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some(SetAside {
        id: name.to_string(),
        set_aside_at,
    })
}

/// The folder for `id`, refusing anything that is not one of ours (no paths, no other names).
fn folder(data_dir: &Path, id: &str) -> Result<PathBuf> {
    let ours = parse(id).is_some() && !id.contains(['/', '\\']);
    let dir = data_dir.join(id);
    if ours && dir.is_dir() {
        Ok(dir)
    } else {
        Err(StoreError::NotFound)
    }
}
