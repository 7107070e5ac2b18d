//! The application facade: one value the shell holds, one method per use-case. Each domain
//! keeps its use-cases in its own module, as a further `impl Thaw` block:
//!
//! | module | use-cases |
//! |---|---|
//! | `thaw.rs` (here) | the vault: `status`, `create_vault`, `unlock`, `unlock_with_recovery`, `lock`, `touch`, `change_passphrase`, `backup`, `restore`, `erase_everything`, `start_anew`, set-aside data |
//! | `today.rs` | the daily loop: `today`, `check_in`, `respond`, `bit_more`, `moment`, `notice`, `felt` |
//! | `values.rs` | what matters: `values`, `add_value`, `update_value`, `set_value_archived`, `movements`, `add_movement`, `update_rungs`, `set_movement_archived` |
//! | `progress.rs` | `progress` |
//! | `journal.rs` | `journal`, `add_journal` |
//! | `clinical.rs` | sessions, questionnaires, the safety plan, crisis lines and screen, the visit summary |
//! | `settings.rs` | `settings`, `save_settings` |
//! | `prompts.rs` | the prompt plan and what came of prompts |
//! | `durability.rs` | units, drafts, the shortfall view, claiming the folder |

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use thaw_engine::Model;
use thaw_store::{
    assess_passphrase, prepare_restore, vault_status, IdleLock, KdfParams, Moment, RestoreMode,
    Store, StoreError, UnlockBackoff, UnlockSecret, VaultStatus,
};

use crate::error::{AppError, ErrorKind, Result};
use crate::ipc::{
    AppStatus, BackupDone, ChangePassphrase, ChosenBackup, DeleteSetAside, EraseInput,
    PassphraseStrength, RestoreInput, SetAsideView, SetupDone, VaultState, WrittenFile,
    WrittenKind,
};
use crate::written_files;

/// Where the engine's learned state is kept inside the encrypted store.
pub(crate) const MODEL_KEY: &str = "engine_model";

/// A backup file's extension.
pub const BACKUP_EXTENSION: &str = "thawbackup";

/// What a person must type to erase everything: a calm, deliberate act.
pub const ERASE_CONFIRMATION: &str = "erase everything";

/// An unlocked vault: the store and the engine's learned state.
pub(crate) struct Open {
    pub(crate) store: Store,
    pub(crate) model: Model,
}

/// Thaw's use-cases over one data directory.
pub struct Thaw {
    data_dir: PathBuf,
    backup_dir: PathBuf,
    kdf: KdfParams,
    /// The backup file chosen in the open dialog, checked, waiting for its secret.
    chosen_backup: Option<PathBuf>,
    pub(crate) open: Option<Open>,
    backoff: UnlockBackoff,
    idle: IdleLock,
    pub(crate) prompts: crate::prompts::PromptState,
    pub(crate) last_active: Option<DateTime<FixedOffset>>,
    /// The public crisis lines for the lock screen, shared with the shell so they can be read
    /// without this facade's lock (never personal data).
    pub(crate) crisis_board: crate::CrisisBoard,
}

impl Thaw {
    /// The data and backup directories come from the platform (the shell asks Tauri).
    pub fn new(data_dir: PathBuf, backup_dir: PathBuf, kdf: KdfParams) -> Self {
        Self {
            data_dir,
            backup_dir,
            kdf,
            chosen_backup: None,
            open: None,
            backoff: UnlockBackoff::new(),
            idle: IdleLock::new(Duration::from_secs(10 * 60), Instant::now()),
            prompts: Default::default(),
            last_active: None,
            crisis_board: crate::CrisisBoard::default(),
        }
    }

    /// The lock screen's crisis numbers, for the shell to keep beside the facade.
    pub fn crisis_board(&self) -> crate::CrisisBoard {
        self.crisis_board.clone()
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn is_unlocked(&self) -> bool {
        self.open.is_some()
    }

    pub(crate) fn open(&self) -> Result<&Open> {
        self.open.as_ref().ok_or_else(AppError::locked)
    }

    pub(crate) fn open_mut(&mut self) -> Result<&mut Open> {
        self.open.as_mut().ok_or_else(AppError::locked)
    }

    pub async fn status(&self) -> Result<AppStatus> {
        let vault = if self.open.is_some() {
            VaultState::Unlocked
        } else {
            match vault_status(&self.data_dir)? {
                VaultStatus::NotInitialised => VaultState::New,
                VaultStatus::Locked => VaultState::Locked,
            }
        };
        let has_values = match &self.open {
            Some(open) => !open.store.list_values(false).await?.is_empty(),
            None => false,
        };
        let wait = self.backoff.wait_remaining(Instant::now());
        Ok(AppStatus {
            vault,
            version: env!("CARGO_PKG_VERSION").to_string(),
            has_values,
            retry_after_seconds: u32::try_from(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
                .unwrap_or(u32::MAX),
            shortfall: self.shortfall(),
        })
    }

    pub fn assess_passphrase(&self, passphrase: &str) -> Result<PassphraseStrength> {
        crate::limits::check_secret_length(passphrase)?;
        let s = assess_passphrase(passphrase, &[]);
        Ok(PassphraseStrength {
            score: s.score,
            acceptable: s.acceptable,
            summary: s.feedback,
        })
    }

    /// First run: set up the vault. The recovery code is returned once and never stored readable.
    pub async fn create_vault(
        &mut self,
        passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<SetupDone> {
        crate::limits::check_secret_length(passphrase)?;
        let (store, code) = Store::create(&self.data_dir, passphrase, self.kdf).await?;
        let open = Open {
            store,
            model: Model::default(),
        };
        crate::model_state::save(&open, now).await?;
        self.open = Some(open);
        self.touch(now);
        Ok(SetupDone {
            recovery_code: code.to_display_string().to_string(),
            status: self.status().await?,
        })
    }

    /// Opens Thaw with the passphrase. Already open, the passphrase is still checked: a wrong
    /// one is refused the same way, whatever the state.
    pub async fn unlock(
        &mut self,
        passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<AppStatus> {
        crate::limits::check_secret_length(passphrase)?;
        self.unlock_with(UnlockSecret::Passphrase(passphrase), now)
            .await?;
        self.status().await
    }

    /// The forgotten-passphrase path: the recovery code opens Thaw and a new passphrase is set.
    /// The code is checked every time, open or not: a made-up code never sets a passphrase.
    pub async fn unlock_with_recovery(
        &mut self,
        code: &str,
        new_passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<AppStatus> {
        crate::limits::check_secret_length(code)?;
        check_new_passphrase(new_passphrase)?;
        self.unlock_with(UnlockSecret::RecoveryCode(code), now)
            .await?;
        self.open()?
            .store
            .change_passphrase(new_passphrase, self.kdf)
            .await?;
        self.status().await
    }

    /// Opens the store with `secret`, or, when it is open already, proves `secret` against it.
    async fn unlock_with(
        &mut self,
        secret: UnlockSecret<'_>,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        if let Some(open) = &self.open {
            open.store
                .verify_secret(secret, &mut self.backoff, Instant::now())
                .await?;
            self.touch(now);
            return Ok(());
        }
        let store =
            Store::unlock_with_backoff(&self.data_dir, secret, &mut self.backoff, Instant::now())
                .await?;
        let model = crate::model_state::load(&store).await?;
        self.open = Some(Open { store, model });
        self.after_unlock(now).await
    }

    /// Settings that live in memory while unlocked, and prompts sent while locked (not into
    /// a store held for review: nothing is written to it until the person chooses).
    pub(crate) async fn after_unlock(&mut self, now: DateTime<FixedOffset>) -> Result<()> {
        self.touch(now);
        // Unlocking takes a person at the screen: Thaw is not away. (Any other command may
        // come from the page's own timers while Thaw is out of sight, so only this one says
        // the person is there.)
        self.idle.present();
        let settings = self.settings().await?;
        self.set_auto_lock(settings.auto_lock_minutes);
        self.set_lock_away(settings.lock_away_seconds);
        self.prompts
            .keep_running
            .set(settings.keep_running_in_background);
        // A store opened anew: its write count starts again, so the plan is made afresh.
        self.prompts.planned_from = None;
        self.remember_crisis_lines().await?;
        if self.shortfall().is_some() {
            return Ok(());
        }
        self.save_unsaved_prompts(now).await
    }

    /// Lock: the log is checkpointed into the database file, the pool is closed and the key
    /// wiped from memory.
    pub async fn lock(&mut self) -> Result<AppStatus> {
        if let Some(open) = self.open.take() {
            open.store.lock().await;
        }
        self.status().await
    }

    /// The person is here: push auto-lock further away (and prompts: none right after use).
    pub fn touch(&mut self, now: DateTime<FixedOffset>) {
        self.idle.touch(Instant::now());
        self.last_active = Some(now);
    }

    pub fn set_auto_lock(&mut self, minutes: u16) {
        let limit = if minutes == 0 {
            Duration::MAX
        } else {
            Duration::from_secs(u64::from(minutes) * 60)
        };
        self.idle.set_idle_limit(limit);
    }

    pub fn set_lock_away(&mut self, seconds: u16) {
        self.idle
            .set_away_grace(Duration::from_secs(u64::from(seconds)));
    }

    /// True when unlocked and idle for longer than the auto-lock time, or out of sight for
    /// longer than the grace.
    pub fn should_auto_lock(&self) -> bool {
        self.open.is_some() && self.idle.should_lock(Moment::now())
    }

    /// Thaw left the screen (the shell saw its window hidden or minimised, or the phone sent
    /// it to the background).
    pub fn left_screen(&mut self) {
        self.idle.left(Moment::now());
    }

    /// Thaw is on the screen again. True when it was away longer than the grace and is open:
    /// the shell locks before the page shows anything (a phone may have slept through every
    /// check meanwhile).
    pub fn back_on_screen(&mut self) -> bool {
        self.idle.back(Moment::now()) && self.open.is_some()
    }

    /// Whether Thaw is out of sight, as last reported by the shell.
    pub fn is_away(&self) -> bool {
        self.idle.is_away()
    }

    /// Re-wraps the data key under a new passphrase; nothing is re-encrypted. Needs the
    /// current passphrase or the recovery code: someone at an open screen must not be able to
    /// take Thaw over.
    pub async fn change_passphrase(&mut self, input: &ChangePassphrase) -> Result<()> {
        self.open()?;
        crate::limits::check_secret_length(&input.current)?;
        check_new_passphrase(&input.new_passphrase)?;
        self.prove(&input.current).await.map_err(|e| match e.kind {
            ErrorKind::WrongSecret => AppError::new(
                ErrorKind::WrongSecret,
                "That is not the current passphrase or recovery code. Nothing was changed.",
            ),
            _ => e,
        })?;
        self.open()?
            .store
            .change_passphrase(&input.new_passphrase, self.kdf)
            .await?;
        Ok(())
    }

    /// Proves one typed secret, the passphrase or the recovery code (one field takes either),
    /// against the open store or, while locked, against the vault on disk. A wrong try counts
    /// once towards the gentle back-off however many ways it was read.
    async fn prove(&mut self, typed: &str) -> Result<()> {
        let now = Instant::now();
        let code = looks_like_recovery_code(typed.trim());
        let mut tries = Vec::with_capacity(2);
        if code {
            tries.push(UnlockSecret::RecoveryCode(typed.trim()));
        }
        tries.push(UnlockSecret::Passphrase(typed));
        let last = tries.len() - 1;
        for (i, secret) in tries.into_iter().enumerate() {
            // Only the last reading records a failure; earlier ones try on a copy.
            let mut scratch = self.backoff.clone();
            let backoff = if i == last {
                &mut self.backoff
            } else {
                &mut scratch
            };
            let result = match &self.open {
                Some(open) => open.store.verify_secret(secret, backoff, now).await,
                None => thaw_store::check_secret(&self.data_dir, secret, backoff, now).await,
            };
            match result {
                Ok(()) => {
                    self.backoff.record_success();
                    return Ok(());
                }
                Err(StoreError::WrongSecret | StoreError::WrongRecoveryCode) if i < last => {}
                Err(StoreError::WrongRecoveryCode) => return Err(StoreError::WrongSecret.into()),
                Err(e) => return Err(e.into()),
            }
        }
        unreachable!("the last try always returns")
    }

    /// Where a save or open dialog starts: the folder of the newest file Thaw wrote that is
    /// still there (remembered in the encrypted store, so only while open), else the
    /// platform's backups folder, or the folder it would be in.
    pub async fn dialog_folder(&self) -> Option<PathBuf> {
        let written = match &self.open {
            Some(open) => written_files::list(&open.store).await.unwrap_or_default(),
            None => Vec::new(),
        };
        written_files::start_folder(&written, &self.backup_dir)
    }

    /// The name a backup's save dialog suggests, e.g. `thaw-backup-2026-11-29.thawbackup`.
    pub fn backup_file_name(now: DateTime<FixedOffset>) -> String {
        format!("thaw-backup-{}.{BACKUP_EXTENSION}", now.format("%Y-%m-%d"))
    }

    /// Writes an encrypted backup where the person chose in the save dialog (`chosen`, checked
    /// here all the same), owner-only, and remembers it.
    pub async fn backup_to(&self, chosen: &Path, now: DateTime<FixedOffset>) -> Result<BackupDone> {
        let open = self.open()?;
        let path = written_files::check_save_target(chosen, &self.data_dir, BACKUP_EXTENSION)?;
        crate::blocking::off_the_runtime(open.store.backup_to(&path, now))
            .await
            .map_err(|e| match e {
                StoreError::Io(_) => AppError::invalid(
                    "Thaw could not write a backup in that folder (it may be read-only or full). Choose another folder; nothing was changed.",
                ),
                other => other.into(),
            })?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let file = written_files::record(&open.store, WrittenKind::Backup, &path, now).await?;
        Ok(BackupDone { file, bytes })
    }

    /// The files Thaw wrote that are still where it put them, newest first.
    pub async fn written_files(&self) -> Result<Vec<WrittenFile>> {
        let all = written_files::list(&self.open()?.store).await?;
        Ok(all
            .iter()
            .rev()
            .filter(|w| w.still_there())
            .map(written_files::Written::view)
            .collect())
    }

    /// Where a file Thaw wrote is, by its id (for "Show in folder"): only files Thaw wrote,
    /// and only while they are still there.
    pub async fn written_file_path(&self, id: u32) -> Result<PathBuf> {
        written_files::list(&self.open()?.store)
            .await?
            .into_iter()
            .find(|w| w.id == id && w.still_there())
            .map(|w| w.path)
            .ok_or_else(|| {
                AppError::new(
                    ErrorKind::NotFound,
                    "That file is no longer where Thaw saved it. It may have been moved or removed.",
                )
            })
    }

    /// The backup file the person chose in the open dialog: checked, its header read, and
    /// kept for `restore`. A file that is not a Thaw backup is refused here, before any
    /// secret is asked for.
    pub fn choose_backup(
        &mut self,
        chosen: &Path,
        now: DateTime<FixedOffset>,
    ) -> Result<ChosenBackup> {
        self.chosen_backup = None;
        let path = written_files::check_backup_to_open(chosen, &self.data_dir)?;
        let info = thaw_store::inspect_backup(&path)?;
        let made_on = info.created_at.with_timezone(now.offset()).date_naive();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.chosen_backup = Some(path);
        Ok(ChosenBackup { name, made_on })
    }

    /// Restores a backup, opened by the passphrase or recovery code it was made with.
    /// Never replaces data already here unless the person said so. Everything a restore can
    /// refuse for (a wrong secret, a damaged or truncated file) is checked before the open
    /// store is touched: a refused restore leaves Thaw as it was, still open.
    pub async fn restore(
        &mut self,
        input: &RestoreInput,
        now: DateTime<FixedOffset>,
    ) -> Result<AppStatus> {
        crate::limits::check_secret_length(&input.secret)?;
        let Some(chosen) = self.chosen_backup.clone() else {
            return Err(AppError::invalid(
                "Choose the backup file first, with \"Choose the backup file\".",
            ));
        };
        // Checked again: the file may have changed since it was chosen.
        let path = written_files::check_backup_to_open(&chosen, &self.data_dir)?;
        thaw_store::inspect_backup(&path)?;
        let exists = self.open.is_some() || vault_status(&self.data_dir)? == VaultStatus::Locked;
        if exists && !input.replace_existing {
            return Err(StoreError::RestoreWouldOverwrite.into());
        }
        let mode = if input.replace_existing {
            RestoreMode::ReplaceExisting
        } else {
            RestoreMode::RefuseIfDataExists
        };
        // Everything a restore can refuse for is checked first, with what is here still open:
        // a refused restore leaves Thaw as it was.
        let secret = input.secret.trim();
        let prepared = crate::blocking::off_the_runtime(async {
            match prepare_restore(
                &path,
                &self.data_dir,
                UnlockSecret::Passphrase(&input.secret),
                mode,
            )
            .await
            {
                Err(StoreError::WrongSecret) if looks_like_recovery_code(secret) => {
                    prepare_restore(
                        &path,
                        &self.data_dir,
                        UnlockSecret::RecoveryCode(secret),
                        mode,
                    )
                    .await
                }
                other => other,
            }
        })
        .await
        .map_err(|e| match e {
            StoreError::WrongSecret | StoreError::WrongRecoveryCode => AppError::new(
                ErrorKind::WrongSecret,
                "That did not open this backup. It opens with the passphrase or recovery code in use when it was made. Nothing on this device was changed.",
            ),
            other => other.into(),
        })?;
        // Replacing destroys what is here, and destroying needs this data's own secret. The
        // backup's secret usually is the same; when it is not, what is here is set aside
        // (moved, still encrypted, never deleted) instead of replaced, and put back if the
        // restore does not go through.
        let set_aside = if exists && !self.opens_current(&input.secret).await {
            if let Some(open) = self.open.take() {
                open.store.lock().await;
            }
            Some(thaw_store::set_aside(&self.data_dir, now)?)
        } else {
            None
        };
        // Verified: only now is the open store closed and replaced.
        if let Some(open) = self.open.take() {
            open.store.lock().await;
        }
        let store = match prepared.put_in_place().await {
            Ok(store) => store,
            Err(e) => {
                if let Some(aside) = &set_aside {
                    thaw_store::put_back_set_aside(&self.data_dir, &aside.id)?;
                }
                return Err(e.into());
            }
        };
        self.chosen_backup = None;
        let model = crate::model_state::load(&store).await?;
        self.open = Some(Open { store, model });
        self.after_unlock(now).await?;
        self.status().await
    }

    /// Whether `typed` opens the data here now (passphrase or recovery code). A quiet check:
    /// it is not an unlock attempt, so it never counts towards the back-off.
    async fn opens_current(&self, typed: &str) -> bool {
        let mut scratch = UnlockBackoff::new();
        let now = Instant::now();
        let mut tries = vec![UnlockSecret::Passphrase(typed)];
        if looks_like_recovery_code(typed.trim()) {
            tries.push(UnlockSecret::RecoveryCode(typed.trim()));
        }
        for secret in tries {
            let ok = match &self.open {
                Some(open) => open.store.verify_secret(secret, &mut scratch, now).await,
                None => thaw_store::check_secret(&self.data_dir, secret, &mut scratch, now).await,
            };
            if ok.is_ok() {
                return true;
            }
        }
        false
    }

    /// Removes every file Thaw keeps. `confirm` must be the words "erase everything", and
    /// `secret` the passphrase or the recovery code, open or locked: destroying data needs the
    /// secret. (Someone who has neither can start anew, which destroys nothing.)
    pub async fn erase_everything(&mut self, input: &EraseInput) -> Result<AppStatus> {
        if !input
            .confirm
            .trim()
            .eq_ignore_ascii_case(ERASE_CONFIRMATION)
        {
            return Err(AppError::invalid(
                "To erase everything, type the words \"erase everything\". Nothing was erased.",
            ));
        }
        if self.open.is_none() && vault_status(&self.data_dir)? == VaultStatus::NotInitialised {
            return self.status().await;
        }
        crate::limits::check_secret_length(&input.secret)?;
        if input.secret.is_empty() {
            return Err(AppError::new(
                ErrorKind::WrongSecret,
                "Erasing needs your passphrase or your recovery code. Nothing was erased.",
            ));
        }
        self.prove(&input.secret).await.map_err(|e| match e.kind {
            ErrorKind::WrongSecret => AppError::new(
                ErrorKind::WrongSecret,
                "That is not the passphrase or the recovery code, so nothing was erased.",
            ),
            _ => e,
        })?;
        // The files Thaw wrote are listed in the store, so they are removed (those the person
        // ticked) before the store goes. Files moved or copied elsewhere are not Thaw's to find.
        if !input.remove_files.is_empty() {
            if let Some(open) = &self.open {
                let written = written_files::list(&open.store).await?;
                written_files::remove(&written, &input.remove_files);
            }
        }
        self.chosen_backup = None;
        match self.open.take() {
            Some(open) => open.store.erase_everything().await?,
            None => thaw_store::erase_everything(&self.data_dir)?,
        }
        // The setting went with the store: closing the window quits again.
        self.prompts.keep_running.set(false);
        self.status().await
    }

    /// "Start anew", from the lock screen, for someone with neither the passphrase nor the
    /// recovery code: the encrypted data is set aside (moved, not deleted) and Thaw can be set
    /// up again. See [`thaw_store::set_aside`].
    pub async fn start_anew(&mut self, now: DateTime<FixedOffset>) -> Result<AppStatus> {
        if self.open.is_some() {
            return Err(AppError::invalid(
                "Thaw is open, so nothing needs setting aside. Erasing is in Settings.",
            ));
        }
        thaw_store::set_aside(&self.data_dir, now)?;
        self.backoff = UnlockBackoff::new();
        self.crisis_board.set(None);
        self.prompts.keep_running.set(false);
        self.status().await
    }

    /// Data set aside by "Start anew" on this device, oldest first. Dates only, nothing
    /// personal, so it is shown before any unlock too.
    pub fn set_aside_data(&self, now: DateTime<FixedOffset>) -> Result<Vec<SetAsideView>> {
        Ok(thaw_store::list_set_aside(&self.data_dir)?
            .into_iter()
            .map(|s| {
                let deletable_from = (s.set_aside_at + SET_ASIDE_WAIT).date();
                SetAsideView {
                    set_aside_on: s.set_aside_at.date(),
                    can_delete_now: now.naive_local() >= s.set_aside_at + SET_ASIDE_WAIT,
                    deletable_from,
                    id: s.id,
                }
            })
            .collect())
    }

    /// Deletes set-aside data, from inside Thaw. Allowed with its own earlier passphrase or
    /// recovery code, or once it has been set aside for a week without one: a minute at
    /// someone's screen (start anew, set up, delete) is never enough to destroy their data.
    pub async fn delete_set_aside(
        &mut self,
        input: &DeleteSetAside,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<SetAsideView>> {
        self.open()?;
        let found = self
            .set_aside_data(now)?
            .into_iter()
            .find(|s| s.id == input.id)
            .ok_or_else(|| {
                AppError::new(
                    ErrorKind::NotFound,
                    "That set-aside data is no longer here.",
                )
            })?;
        let secret = input.secret.as_deref().unwrap_or("");
        crate::limits::check_secret_length(secret)?;
        if !secret.is_empty() {
            let code = looks_like_recovery_code(secret.trim());
            let typed = if code {
                UnlockSecret::RecoveryCode(secret.trim())
            } else {
                UnlockSecret::Passphrase(secret)
            };
            thaw_store::check_set_aside_secret(
                &self.data_dir,
                &found.id,
                typed,
                &mut self.backoff,
                Instant::now(),
            )
            .await
            .map_err(|e| match e {
                StoreError::WrongSecret | StoreError::WrongRecoveryCode => AppError::new(
                    ErrorKind::WrongSecret,
                    "That does not open the set-aside data, so it was kept.",
                ),
                other => other.into(),
            })?;
        } else if !found.can_delete_now {
            return Err(AppError::new(
                ErrorKind::InvalidInput,
                format!(
                    "Set-aside data can be deleted from {} on, or now with its earlier passphrase or recovery code. It was kept.",
                    found.deletable_from.format("%-d %B %Y")
                ),
            ));
        }
        thaw_store::delete_set_aside(&self.data_dir, &found.id)?;
        self.set_aside_data(now)
    }

    /// Puts set-aside data back, while no new Thaw has been set up here: Thaw is then locked
    /// and opens with that data's own passphrase or recovery code.
    pub async fn put_back_set_aside(&mut self, id: &str) -> Result<AppStatus> {
        if self.open.is_some() || vault_status(&self.data_dir)? != VaultStatus::NotInitialised {
            return Err(AppError::new(
                ErrorKind::AlreadySetUp,
                "A new Thaw is set up here, so the earlier data stays set aside. Nothing was changed.",
            ));
        }
        thaw_store::put_back_set_aside(&self.data_dir, id)?;
        self.status().await
    }
}

/// How long set-aside data waits before it can be deleted without its own secret.
const SET_ASIDE_WAIT: chrono::Duration = chrono::Duration::days(7);

fn check_new_passphrase(new_passphrase: &str) -> Result<()> {
    crate::limits::check_secret_length(new_passphrase)?;
    let strength = assess_passphrase(new_passphrase, &[]);
    if strength.acceptable {
        Ok(())
    } else {
        Err(StoreError::WeakPassphrase {
            feedback: strength.feedback,
        }
        .into())
    }
}

fn looks_like_recovery_code(s: &str) -> bool {
    thaw_store::RecoveryCode::parse(s).is_ok()
}
