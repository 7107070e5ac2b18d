//! Tauri commands: each one forwards to a use-case in `thaw-core` and returns its result.
//! Errors cross as `thaw_core::AppError`, serialised `{kind, message}`, and so do malformed
//! arguments: every argument is an [`Arg`] (see `ipc_arg.rs`). Every command counts as
//! activity for auto-lock.

use chrono::{DateTime, FixedOffset};

use tauri::{AppHandle, State};
use thaw_core::ipc::*;
use thaw_core::{AppError, CrisisBoard, KeepRunning, Thaw};
use tokio::sync::Mutex;
use zeroize::Zeroizing;

use crate::ipc_arg::Arg;

/// The facade behind an async mutex: commands run one at a time against the vault.
pub struct AppState {
    pub thaw: Mutex<Thaw>,
    /// The lock screen's public crisis numbers, beside the facade and never behind its lock:
    /// they answer at once whatever the facade is doing (an unlock, a backup, a restore).
    pub crisis: CrisisBoard,
    /// "Keep running" for the (synchronous) window-close handler; thaw-core sets it when it
    /// reads or saves the setting, the shell only reads it.
    pub keep_running: KeepRunning,
}

impl AppState {
    pub fn new(thaw: Thaw) -> Self {
        Self {
            crisis: thaw.crisis_board(),
            keep_running: thaw.keep_running(),
            thaw: Mutex::new(thaw),
        }
    }
}

/// A passphrase or recovery code argument: wiped when the command is done with it.
type Secret = Arg<Zeroizing<String>>;

type Result<T> = std::result::Result<T, AppError>;

/// The person's local time: the only clock the core sees, passed in.
pub fn now() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// Locks the facade and marks the person as present.
async fn thaw<'a>(state: &'a State<'_, AppState>) -> tokio::sync::MutexGuard<'a, Thaw> {
    let mut guard = state.thaw.lock().await;
    guard.touch(now());
    guard
}

#[tauri::command]
pub async fn status(state: State<'_, AppState>) -> Result<AppStatus> {
    thaw(&state).await.status().await
}

#[tauri::command]
pub async fn assess_passphrase(
    state: State<'_, AppState>,
    passphrase: Secret,
) -> Result<PassphraseStrength> {
    thaw(&state).await.assess_passphrase(&passphrase)
}

#[tauri::command]
pub async fn create_vault(state: State<'_, AppState>, passphrase: Secret) -> Result<SetupDone> {
    thaw(&state).await.create_vault(&passphrase, now()).await
}

#[tauri::command]
pub async fn unlock(state: State<'_, AppState>, passphrase: Secret) -> Result<AppStatus> {
    thaw(&state).await.unlock(&passphrase, now()).await
}

#[tauri::command]
pub async fn unlock_with_recovery(
    state: State<'_, AppState>,
    code: Secret,
    new_passphrase: Secret,
) -> Result<AppStatus> {
    thaw(&state)
        .await
        .unlock_with_recovery(&code, &new_passphrase, now())
        .await
}

#[tauri::command]
pub async fn lock(state: State<'_, AppState>) -> Result<AppStatus> {
    thaw(&state).await.lock().await
}

#[tauri::command]
pub async fn touch(state: State<'_, AppState>) -> Result<()> {
    let _present = thaw(&state).await;
    Ok(())
}

#[tauri::command]
pub async fn life_areas() -> Result<Vec<LifeAreaInfo>> {
    Ok(thaw_core::life_areas())
}

#[tauri::command]
pub async fn library(area: Arg<LifeArea>) -> Result<Vec<MovementTemplate>> {
    thaw_core::library(area.into_inner())
}

#[tauri::command]
pub async fn values(state: State<'_, AppState>) -> Result<Vec<ValueView>> {
    thaw(&state).await.values().await
}

#[tauri::command]
pub async fn add_value(state: State<'_, AppState>, input: Arg<NewValue>) -> Result<ValueView> {
    thaw(&state).await.add_value(&input, now()).await
}

#[tauri::command]
pub async fn update_value(
    state: State<'_, AppState>,
    id: Arg<i64>,
    words: Arg<String>,
) -> Result<ValueView> {
    thaw(&state).await.update_value(*id, &words).await
}

#[tauri::command]
pub async fn set_value_archived(
    state: State<'_, AppState>,
    id: Arg<i64>,
    archived: Arg<bool>,
) -> Result<ValueView> {
    thaw(&state).await.set_value_archived(*id, *archived).await
}

#[tauri::command]
pub async fn movements(state: State<'_, AppState>) -> Result<Vec<MovementView>> {
    thaw(&state).await.movements().await
}

#[tauri::command]
pub async fn add_movement(
    state: State<'_, AppState>,
    input: Arg<NewMovement>,
) -> Result<MovementView> {
    thaw(&state).await.add_movement(&input, now()).await
}

#[tauri::command]
pub async fn update_rungs(
    state: State<'_, AppState>,
    id: Arg<i64>,
    rungs: Arg<Vec<RungView>>,
) -> Result<MovementView> {
    thaw(&state).await.update_rungs(*id, &rungs).await
}

#[tauri::command]
pub async fn set_movement_archived(
    state: State<'_, AppState>,
    id: Arg<i64>,
    archived: Arg<bool>,
) -> Result<MovementView> {
    thaw(&state)
        .await
        .set_movement_archived(*id, *archived)
        .await
}

#[tauri::command]
pub async fn today(state: State<'_, AppState>) -> Result<TodayView> {
    thaw(&state).await.today(now()).await
}

#[tauri::command]
pub async fn check_in(state: State<'_, AppState>, input: Arg<CheckInInput>) -> Result<TodayView> {
    thaw(&state).await.check_in(&input, now()).await
}

#[tauri::command]
pub async fn respond(state: State<'_, AppState>, input: Arg<RespondInput>) -> Result<TodayView> {
    thaw(&state).await.respond(&input, now()).await
}

#[tauri::command]
pub async fn felt(state: State<'_, AppState>, input: Arg<FeltInput>) -> Result<TodayView> {
    thaw(&state).await.felt(&input, now()).await
}

#[tauri::command]
pub async fn bit_more(state: State<'_, AppState>) -> Result<TodayView> {
    thaw(&state).await.bit_more(now()).await
}

#[tauri::command]
pub async fn moment(state: State<'_, AppState>) -> Result<TodayView> {
    thaw(&state).await.moment(now()).await
}

#[tauri::command]
pub async fn notice(state: State<'_, AppState>, input: Arg<ShiftInput>) -> Result<TodayView> {
    thaw(&state).await.notice(&input, now()).await
}

#[tauri::command]
pub async fn progress(state: State<'_, AppState>) -> Result<ProgressView> {
    thaw(&state).await.progress(now()).await
}

#[tauri::command]
pub async fn journal(state: State<'_, AppState>) -> Result<Vec<JournalEntryView>> {
    thaw(&state).await.journal().await
}

#[tauri::command]
pub async fn add_journal(
    state: State<'_, AppState>,
    input: Arg<JournalInput>,
) -> Result<JournalEntryView> {
    thaw(&state).await.add_journal(&input, now()).await
}

#[tauri::command]
pub async fn update_journal(
    state: State<'_, AppState>,
    id: Arg<i64>,
    input: Arg<JournalInput>,
) -> Result<JournalEntryView> {
    thaw(&state).await.update_journal(*id, &input, now()).await
}

#[tauri::command]
pub async fn delete_journal(state: State<'_, AppState>, id: Arg<i64>) -> Result<()> {
    thaw(&state).await.delete_journal(*id, now()).await
}

#[tauri::command]
pub async fn integration_prompts() -> Result<Vec<String>> {
    Ok(thaw_core::integration_prompts())
}

#[tauri::command]
pub async fn settings(state: State<'_, AppState>) -> Result<Settings> {
    thaw(&state).await.settings().await
}

/// The close handler reads "keep running" at once: closing the window right after turning
/// it on keeps Thaw in the tray.
#[tauri::command]
pub async fn save_settings(state: State<'_, AppState>, input: Arg<Settings>) -> Result<Settings> {
    thaw(&state).await.save_settings(&input, now()).await
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    input: Arg<ChangePassphrase>,
) -> Result<()> {
    thaw(&state).await.change_passphrase(&input).await
}

const BACKUP_DIALOG: crate::dialogs::Purpose<'static> = crate::dialogs::Purpose {
    title: "Save a Thaw backup",
    filter_name: "Thaw backup",
    extension: thaw_core::BACKUP_EXTENSION,
};

/// Makes a backup where the person chooses in the platform's save dialog. `None`: they closed
/// the dialog, and nothing was written. The facade is not held while the dialog is open.
#[tauri::command]
pub async fn backup(app: AppHandle, state: State<'_, AppState>) -> Result<Option<BackupDone>> {
    let folder = thaw(&state).await.dialog_folder().await;
    let name = Thaw::backup_file_name(now());
    let Some(chosen) = crate::dialogs::save(&app, BACKUP_DIALOG, folder, name).await else {
        return Ok(None);
    };
    thaw(&state).await.backup_to(&chosen, now()).await.map(Some)
}

/// The platform's open dialog for the backup to restore; the core checks the file and keeps
/// it for `restore`. `None`: the person closed the dialog.
#[tauri::command]
pub async fn choose_backup_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<ChosenBackup>> {
    let folder = thaw(&state).await.dialog_folder().await;
    let purpose = crate::dialogs::Purpose {
        title: "Choose your Thaw backup",
        ..BACKUP_DIALOG
    };
    let Some(chosen) = crate::dialogs::open(&app, purpose, folder).await else {
        return Ok(None);
    };
    thaw(&state).await.choose_backup(&chosen, now()).map(Some)
}

/// Print: the platform's print dialog for the page as it is (the recovery-code screen prints
/// only the code, see `@media print` in app.css). The webview's own `window.print()` does
/// nothing in WebKitGTK under Tauri, so the page asks here.
#[tauri::command]
pub fn print_page(window: tauri::WebviewWindow) -> Result<()> {
    const DID_NOT_START: &str =
        "Printing did not start on this device. Please copy the code or write it down instead.";
    #[cfg(desktop)]
    return window.print().map_err(|_| AppError::invalid(DID_NOT_START));
    #[cfg(mobile)]
    {
        let _ = window;
        Err(AppError::invalid(DID_NOT_START))
    }
}

/// The files Thaw wrote (backups, summaries) that are still where it put them.
#[tauri::command]
pub async fn written_files(state: State<'_, AppState>) -> Result<Vec<WrittenFile>> {
    thaw(&state).await.written_files().await
}

/// "Show in folder" for a file Thaw wrote, by its id: the platform's file manager opens its
/// folder with it selected. `false`: nothing on this device could show it.
#[tauri::command]
pub async fn show_in_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    id: Arg<u32>,
) -> Result<bool> {
    use tauri_plugin_opener::OpenerExt;
    let path = thaw(&state).await.written_file_path(*id).await?;
    Ok(app.opener().reveal_item_in_dir(path).is_ok())
}

#[tauri::command]
pub async fn restore(state: State<'_, AppState>, input: Arg<RestoreInput>) -> Result<AppStatus> {
    thaw(&state).await.restore(&input, now()).await
}

/// After Thaw opened with less than it held: carry on with what is here.
#[tauri::command]
pub async fn accept_store_as_found(state: State<'_, AppState>) -> Result<AppStatus> {
    thaw(&state).await.accept_store_as_found(now()).await
}

/// What the person is typing, kept so a lock never loses it.
#[tauri::command]
pub async fn save_draft(
    state: State<'_, AppState>,
    kind: Arg<DraftKind>,
    body: Arg<String>,
) -> Result<()> {
    thaw(&state).await.save_draft(*kind, &body, now()).await
}

#[tauri::command]
pub async fn drafts(state: State<'_, AppState>) -> Result<Vec<DraftView>> {
    thaw(&state).await.drafts().await
}

#[tauri::command]
pub async fn discard_draft(state: State<'_, AppState>, kind: Arg<DraftKind>) -> Result<()> {
    thaw(&state).await.discard_draft(*kind).await
}

#[tauri::command]
pub async fn erase_everything(
    state: State<'_, AppState>,
    input: Arg<EraseInput>,
) -> Result<AppStatus> {
    thaw(&state).await.erase_everything(&input).await
}

/// "Start anew" from the lock screen: the encrypted data is set aside, never deleted.
#[tauri::command]
pub async fn start_anew(state: State<'_, AppState>) -> Result<AppStatus> {
    thaw(&state).await.start_anew(now()).await
}

/// Data set aside by "Start anew" (dates only; shown before unlock too).
#[tauri::command]
pub async fn set_aside_data(state: State<'_, AppState>) -> Result<Vec<SetAsideView>> {
    thaw(&state).await.set_aside_data(now())
}

#[tauri::command]
pub async fn delete_set_aside(
    state: State<'_, AppState>,
    input: Arg<DeleteSetAside>,
) -> Result<Vec<SetAsideView>> {
    thaw(&state).await.delete_set_aside(&input, now()).await
}

#[tauri::command]
pub async fn put_back_set_aside(state: State<'_, AppState>, id: Arg<String>) -> Result<AppStatus> {
    thaw(&state).await.put_back_set_aside(&id).await
}

/// Public crisis numbers; answers while locked too, and does not count as activity.
/// Synchronous and lock-free: it reads the crisis board beside the facade, so it never waits
/// for whatever the facade or the async runtime is doing.
#[tauri::command]
pub fn crisis_locked(state: State<'_, AppState>) -> Result<LockedCrisisView> {
    Ok(state.crisis.locked_view())
}

#[tauri::command]
pub async fn crisis_lines(state: State<'_, AppState>) -> Result<CrisisResources> {
    thaw(&state).await.crisis_lines().await
}

#[tauri::command]
pub async fn save_crisis_lines(
    state: State<'_, AppState>,
    input: Arg<CrisisResources>,
) -> Result<CrisisResources> {
    thaw(&state).await.save_crisis_lines(&input, now()).await
}

#[tauri::command]
pub async fn crisis_screen(state: State<'_, AppState>) -> Result<CrisisScreen> {
    thaw(&state).await.crisis_screen().await
}

#[tauri::command]
pub async fn questionnaire_definition(
    instrument: Arg<Instrument>,
) -> Result<QuestionnaireDefinition> {
    Ok(thaw_core::questionnaire_definition(instrument.into_inner()))
}

#[tauri::command]
pub async fn submit_questionnaire(
    state: State<'_, AppState>,
    input: Arg<QuestionnaireInput>,
) -> Result<QuestionnaireResult> {
    thaw(&state).await.submit_questionnaire(&input, now()).await
}

#[tauri::command]
pub async fn questionnaires(state: State<'_, AppState>) -> Result<Vec<QuestionnaireItemResult>> {
    thaw(&state).await.questionnaires().await
}

#[tauri::command]
pub async fn flag_questionnaire(
    state: State<'_, AppState>,
    id: Arg<i64>,
    flagged: Arg<bool>,
) -> Result<()> {
    thaw(&state).await.flag_questionnaire(*id, *flagged).await
}

#[tauri::command]
pub async fn safety_plan(state: State<'_, AppState>) -> Result<SafetyPlan> {
    thaw(&state).await.safety_plan().await
}

#[tauri::command]
pub async fn save_safety_plan(
    state: State<'_, AppState>,
    input: Arg<SafetyPlan>,
) -> Result<SafetyPlan> {
    thaw(&state).await.save_safety_plan(&input, now()).await
}

#[tauri::command]
pub async fn sessions(state: State<'_, AppState>) -> Result<Vec<SessionView>> {
    thaw(&state).await.sessions().await
}

#[tauri::command]
pub async fn add_session(
    state: State<'_, AppState>,
    input: Arg<SessionInput>,
) -> Result<SessionView> {
    thaw(&state).await.add_session(&input, now()).await
}

/// Thaw's day now (it turns at 04:00), read fresh from the clock: a screen left open across
/// 04:00, or used at 02:00, still dates things as Today does.
#[tauri::command]
pub async fn this_day() -> Result<chrono::NaiveDate> {
    Ok(thaw_core::day_of(now()))
}

#[tauri::command]
pub async fn visit_summary(
    state: State<'_, AppState>,
    from: Arg<chrono::NaiveDate>,
    to: Arg<chrono::NaiveDate>,
    include_noticed: Arg<bool>,
) -> Result<VisitSummary> {
    thaw(&state)
        .await
        .visit_summary(*from, *to, *include_noticed, now())
        .await
}

/// Saves the visit summary where the person chooses in the platform's save dialog. `None`:
/// they closed the dialog, and nothing was written.
#[tauri::command]
pub async fn export_summary(
    app: AppHandle,
    state: State<'_, AppState>,
    input: Arg<ExportInput>,
) -> Result<Option<ExportDone>> {
    let (folder, name) = {
        let thaw = thaw(&state).await;
        (thaw.dialog_folder().await, thaw.export_file_name(&input)?)
    };
    let purpose = crate::dialogs::Purpose {
        title: "Save your visit summary",
        filter_name: input.format.file_kind(),
        extension: input.format.extension(),
    };
    let Some(chosen) = crate::dialogs::save(&app, purpose, folder, name).await else {
        return Ok(None);
    };
    thaw(&state)
        .await
        .export_summary(&input, &chosen, now())
        .await
        .map(Some)
}

/// The UI calls this once, when its first screen is up. The desktop tray is created then, so it
/// never competes with the first screen. For the start-up benchmark (`scripts/bench.sh`), with
/// `THAW_READY_FILE` set, appends `{"ready_unix_ms": …}` to that file. Nothing personal.
#[tauri::command]
pub fn ui_ready(app: tauri::AppHandle) {
    use std::io::Write;
    // The tray waits for the first screen: start-up is about the person's screen first.
    #[cfg(desktop)]
    crate::tray::create_once(&app);
    #[cfg(mobile)]
    let _ = app;
    let Some(path) = std::env::var_os("THAW_READY_FILE") else {
        return;
    };
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis());
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path);
    if let Ok(mut file) = file {
        let _ = writeln!(file, "{{\"ready_unix_ms\": {ms}}}");
    }
}
