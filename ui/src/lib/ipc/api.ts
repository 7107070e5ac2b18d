// The one way the UI talks to the Rust core. Types come from ./types.ts, generated from
// crates/thaw-core/src/ipc.rs; errors arrive as {kind, message}.
import { invoke } from '@tauri-apps/api/core';
import type { Command } from './commands';
import type {
  AppError,
  AppStatus,
  BackupDone,
  ChangePassphrase,
  CheckInInput,
  ChosenBackup,
  CrisisScreen,
  ExportDone,
  ExportInput,
  ErrorKind,
  FeltInput,
  Instrument,
  JournalEntryView,
  JournalInput,
  LifeArea,
  LifeAreaInfo,
  LockedCrisisView,
  MovementTemplate,
  MovementView,
  NewMovement,
  NewValue,
  PassphraseStrength,
  ProgressView,
  QuestionnaireDefinition,
  QuestionnaireInput,
  QuestionnaireItemResult,
  QuestionnaireResult,
  ReachInput,
  Reached,
  RespondInput,
  RestoreInput,
  RungView,
  SafetyPlan,
  SessionInput,
  SessionView,
  Settings,
  SetupDone,
  ShiftInput,
  TodayView,
  ValueView,
  VisitSummary,
  WrittenFile,
  CrisisResources,
  DraftKind,
  DraftView,
  DeleteSetAside,
  EraseInput,
  SetAsideView,
} from './types';

export type { AppError, ErrorKind };

/** True for the `{kind, message}` errors the core sends. */
export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).kind === 'string' &&
    typeof (value as AppError).message === 'string'
  );
}

/** Any failure as an AppError, so screens have one shape to show. */
export function toAppError(value: unknown): AppError {
  if (isAppError(value)) return value;
  return {
    kind: 'internal',
    message: 'Something went wrong on our side. Nothing you wrote was lost. Please try again.',
  };
}

type Listener = (error: AppError) => void;
const lockedListeners = new Set<Listener>();

/** Called whenever the core answers "locked" (for example after auto-lock). */
export function onLockedError(listener: Listener): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind === 'locked') for (const l of lockedListeners) l(appError);
    throw appError;
  }
}

export const api = {
  status: () => call<AppStatus>('status'),
  assessPassphrase: (passphrase: string) => call<PassphraseStrength>('assess_passphrase', { passphrase }),
  createVault: (passphrase: string) => call<SetupDone>('create_vault', { passphrase }),
  unlock: (passphrase: string) => call<AppStatus>('unlock', { passphrase }),
  unlockWithRecovery: (code: string, newPassphrase: string) =>
    call<AppStatus>('unlock_with_recovery', { code, newPassphrase }),
  lock: () => call<AppStatus>('lock'),
  touch: () => call<null>('touch'),

  lifeAreas: () => call<LifeAreaInfo[]>('life_areas'),
  library: (area: LifeArea) => call<MovementTemplate[]>('library', { area }),

  values: () => call<ValueView[]>('values'),
  addValue: (input: NewValue) => call<ValueView>('add_value', { input }),
  updateValue: (id: number, words: string) => call<ValueView>('update_value', { id, words }),
  setValueArchived: (id: number, archived: boolean) => call<ValueView>('set_value_archived', { id, archived }),

  movements: () => call<MovementView[]>('movements'),
  addMovement: (input: NewMovement) => call<MovementView>('add_movement', { input }),
  updateRungs: (id: number, rungs: RungView[]) => call<MovementView>('update_rungs', { id, rungs }),
  setMovementArchived: (id: number, archived: boolean) =>
    call<MovementView>('set_movement_archived', { id, archived }),

  today: () => call<TodayView>('today'),
  checkIn: (input: CheckInInput) => call<TodayView>('check_in', { input }),
  respond: (input: RespondInput) => call<TodayView>('respond', { input }),
  felt: (input: FeltInput) => call<TodayView>('felt', { input }),
  bitMore: () => call<TodayView>('bit_more'),
  moment: () => call<TodayView>('moment'),
  notice: (input: ShiftInput) => call<TodayView>('notice', { input }),

  progress: () => call<ProgressView>('progress'),

  journal: () => call<JournalEntryView[]>('journal'),
  addJournal: (input: JournalInput) => call<JournalEntryView>('add_journal', { input }),
  updateJournal: (id: number, input: JournalInput) => call<JournalEntryView>('update_journal', { id, input }),
  deleteJournal: (id: number) => call<null>('delete_journal', { id }),
  integrationPrompts: () => call<string[]>('integration_prompts'),

  settings: () => call<Settings>('settings'),
  saveSettings: (input: Settings) => call<Settings>('save_settings', { input }),
  changePassphrase: (input: ChangePassphrase) => call<null>('change_passphrase', { input }),

  /** Opens the platform's save dialog; null when the person closed it (nothing written). */
  backup: () => call<BackupDone | null>('backup'),
  /** Opens the platform's open dialog for the backup to restore; null when closed. */
  chooseBackupFile: () => call<ChosenBackup | null>('choose_backup_file'),
  /** Restores the file chosen with chooseBackupFile. */
  restore: (input: RestoreInput) => call<AppStatus>('restore', { input }),
  /** The platform's print dialog for this page (the recovery-code screen prints only the code). */
  printPage: () => call<null>('print_page'),
  /** Backups and summaries Thaw wrote that are still where it put them, newest first. */
  writtenFiles: () => call<WrittenFile[]>('written_files'),
  /** The file manager opens the file's folder; false when nothing here could. */
  showInFolder: (id: number) => call<boolean>('show_in_folder', { id }),
  /** Needs the words and the passphrase or recovery code, open or locked. */
  eraseEverything: (input: EraseInput) => call<AppStatus>('erase_everything', { input }),
  /** From the lock screen, with neither secret: the data is set aside, never deleted. */
  startAnew: () => call<AppStatus>('start_anew'),
  setAsideData: () => call<SetAsideView[]>('set_aside_data'),
  deleteSetAside: (input: DeleteSetAside) => call<SetAsideView[]>('delete_set_aside', { input }),
  putBackSetAside: (id: string) => call<AppStatus>('put_back_set_aside', { id }),
  /** After Thaw opened with less than it held: carry on with what is here. */
  acceptStoreAsFound: () => call<AppStatus>('accept_store_as_found'),

  /** What the person is typing, kept in the encrypted store so a lock never loses it. */
  saveDraft: (kind: DraftKind, body: string) => call<null>('save_draft', { kind, body }),
  drafts: () => call<DraftView[]>('drafts'),
  discardDraft: (kind: DraftKind) => call<null>('discard_draft', { kind }),

  /** Works while locked: public crisis numbers only, nothing personal. */
  crisisLocked: () => call<LockedCrisisView>('crisis_locked'),
  /** Unlocked: public numbers, the person's own contacts and their safety plan. */
  crisisScreen: () => call<CrisisScreen>('crisis_screen'),
  /** The public crisis lines for where the person lives (US lines until changed). */
  crisisLines: () => call<CrisisResources>('crisis_lines'),
  saveCrisisLines: (input: CrisisResources) => call<CrisisResources>('save_crisis_lines', { input }),
  /** Hands a call or text to the device's phone or messages app (works locked too). Says
   * whether the device took it, so the sheet can show the number instead when it cannot. */
  reach: (input: ReachInput) => call<Reached>('reach', { input }),

  questionnaireDefinition: (instrument: Instrument) =>
    call<QuestionnaireDefinition>('questionnaire_definition', { instrument }),
  submitQuestionnaire: (input: QuestionnaireInput) => call<QuestionnaireResult>('submit_questionnaire', { input }),
  /** History, oldest first. */
  questionnaires: () => call<QuestionnaireItemResult[]>('questionnaires'),
  flagQuestionnaire: (id: number, flagged: boolean) => call<null>('flag_questionnaire', { id, flagged }),

  safetyPlan: () => call<SafetyPlan>('safety_plan'),
  saveSafetyPlan: (input: SafetyPlan) => call<SafetyPlan>('save_safety_plan', { input }),

  /** Newest first. */
  sessions: () => call<SessionView[]>('sessions'),
  addSession: (input: SessionInput) => call<SessionView>('add_session', { input }),

  /** Thaw's day now, 'YYYY-MM-DD' (it turns at 04:00, as Today's date does), read fresh. */
  thisDay: () => call<string>('this_day'),
  /** Both days included, 'YYYY-MM-DD'. */
  /** `includeNoticed`: what the person noticed, in their words, only when they choose it. */
  visitSummary: (from: string, to: string, includeNoticed: boolean) =>
    call<VisitSummary>('visit_summary', { from, to, includeNoticed }),
  /** Opens the platform's save dialog; null when the person closed it (nothing written). */
  exportSummary: (input: ExportInput) => call<ExportDone | null>('export_summary', { input }),

  /** Start-up benchmark only: the shell notes the time when THAW_READY_FILE is set. */
  uiReady: () => call<null>('ui_ready'),
};

export type Api = typeof api;
