//! The application facade: one value the shell holds, one method per use-case.
//! Vault use-cases live here; the daily loop, values, progress, journal and settings live
//! in their own modules as further `impl Thaw` blocks.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use thaw_engine::Model;
use thaw_store::{
    assess_passphrase, prepare_restore, vault_status, IdleLock, KdfParams, RestoreMode, Store,
    StoreError, UnlockBackoff, UnlockSecret, VaultStatus,
};

use crate::error::{AppError, ErrorKind, Result};
use crate::ipc::{
    AppStatus, BackupDone, ChangePassphrase, PassphraseStrength, RestoreInput, SetupDone,
    VaultState,
};

/// Where the engine's learned state is kept inside the encrypted store.
pub(crate) const MODEL_KEY: &str = "engine_model";

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
    pub(crate) open: Option<Open>,
    backoff: UnlockBackoff,
    idle: IdleLock,
    pub(crate) prompts: crate::prompts::PromptState,
    pub(crate) prompts_sent_today: usize,
    pub(crate) last_active: Option<DateTime<FixedOffset>>,
    /// The public crisis lines, kept for the lock screen once known (never personal data).
    pub(crate) public_crisis_lines: Option<thaw_clinical::CrisisResources>,
}

impl Thaw {
    /// The data and backup directories come from the platform (the shell asks Tauri).
    pub fn new(data_dir: PathBuf, backup_dir: PathBuf, kdf: KdfParams) -> Self {
        Self {
            data_dir,
            backup_dir,
            kdf,
            open: None,
            backoff: UnlockBackoff::new(),
            idle: IdleLock::new(Duration::from_secs(10 * 60), Instant::now()),
            prompts: Default::default(),
            prompts_sent_today: 0,
            last_active: None,
            public_crisis_lines: None,
        }
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

    pub fn assess_passphrase(&self, passphrase: &str) -> PassphraseStrength {
        let s = assess_passphrase(passphrase, &[]);
        PassphraseStrength {
            score: s.score,
            acceptable: s.acceptable,
            summary: s.feedback,
        }
    }

    /// First run: set up the vault. The recovery code is returned once and never stored readable.
    pub async fn create_vault(
        &mut self,
        passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<SetupDone> {
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

    pub async fn unlock(
        &mut self,
        passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<AppStatus> {
        self.unlock_with(UnlockSecret::Passphrase(passphrase), now)
            .await?;
        self.status().await
    }

    /// The forgotten-passphrase path: the recovery code opens Thaw and a new passphrase is set.
    pub async fn unlock_with_recovery(
        &mut self,
        code: &str,
        new_passphrase: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<AppStatus> {
        let strength = assess_passphrase(new_passphrase, &[]);
        if !strength.acceptable {
            return Err(StoreError::WeakPassphrase {
                feedback: strength.feedback,
            }
            .into());
        }
        self.unlock_with(UnlockSecret::RecoveryCode(code), now)
            .await?;
        self.open()?
            .store
            .change_passphrase(new_passphrase, self.kdf)
            .await?;
        self.status().await
    }

    async fn unlock_with(
        &mut self,
        secret: UnlockSecret<'_>,
        now: DateTime<FixedOffset>,
    ) -> Result<()> {
        if self.open.is_some() {
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
        let settings = self.settings().await?;
        self.set_auto_lock(settings.auto_lock_minutes);
        self.prompts.keep_running = settings.keep_running_in_background;
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

    /// True when unlocked and idle for longer than the auto-lock time.
    pub fn should_auto_lock(&self) -> bool {
        self.open.is_some() && self.idle.should_lock(Instant::now())
    }

    /// Re-wraps the data key under a new passphrase; nothing is re-encrypted.
    pub async fn change_passphrase(&mut self, input: &ChangePassphrase) -> Result<()> {
        let open = self.open()?;
        // Prove the current passphrase first: someone at an unlocked device must not be
        // able to take it over.
        match Store::unlock_with_passphrase(&self.data_dir, &input.current).await {
            Ok(check) => check.lock().await,
            Err(StoreError::WrongSecret) => {
                return Err(AppError::new(
                    ErrorKind::WrongSecret,
                    "That is not the current passphrase. Nothing was changed.",
                ))
            }
            Err(e) => return Err(e.into()),
        }
        open.store
            .change_passphrase(&input.new_passphrase, self.kdf)
            .await?;
        Ok(())
    }

    pub fn default_backup_dir(&self) -> String {
        self.backup_dir.display().to_string()
    }

    /// Writes an encrypted backup into `dir` (or the default folder) under a dated name.
    pub async fn backup(
        &self,
        dir: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<BackupDone> {
        let open = self.open()?;
        let dir = match dir.map(str::trim).filter(|d| !d.is_empty()) {
            Some(d) => PathBuf::from(d),
            None => self.backup_dir.clone(),
        };
        std::fs::create_dir_all(&dir).map_err(|_| {
            AppError::invalid("Thaw could not create that folder. Try another place.")
        })?;
        let stem = format!("thaw-backup-{}", now.format("%Y-%m-%d"));
        let mut path = dir.join(format!("{stem}.thawbackup"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{stem}-{n}.thawbackup"));
            n += 1;
        }
        open.store.backup_to(&path, now).await?;
        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        Ok(BackupDone {
            path: path.display().to_string(),
            bytes,
        })
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
        let path = PathBuf::from(input.path.trim());
        if !path.is_file() {
            return Err(AppError::invalid(
                "There is no backup file at that place. Check the path and try again.",
            ));
        }
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
        let secret = input.secret.trim();
        let prepared = match prepare_restore(
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
                .await?
            }
            other => other?,
        };
        // Verified: only now is the open store closed and replaced.
        if let Some(open) = self.open.take() {
            open.store.lock().await;
        }
        let store = prepared.put_in_place().await?;
        let model = crate::model_state::load(&store).await?;
        self.open = Some(Open { store, model });
        self.after_unlock(now).await?;
        self.status().await
    }

    /// Removes every file Thaw keeps. `confirm` must be the words "erase everything".
    pub async fn erase_everything(&mut self, confirm: &str) -> Result<AppStatus> {
        if !confirm.trim().eq_ignore_ascii_case(ERASE_CONFIRMATION) {
            return Err(AppError::invalid(
                "To erase everything, type the words \"erase everything\". Nothing was erased.",
            ));
        }
        match self.open.take() {
            Some(open) => open.store.erase_everything().await?,
            None => thaw_store::erase_everything(&self.data_dir)?,
        }
        self.status().await
    }
}

fn looks_like_recovery_code(s: &str) -> bool {
    thaw_store::RecoveryCode::parse(s).is_ok()
}
