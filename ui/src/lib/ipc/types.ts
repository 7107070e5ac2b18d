// Generated from crates/thaw-core/src/ipc.rs by `cargo test -p thaw-core` with
// UPDATE_IPC_TYPES=1. Do not edit by hand: change the Rust types instead.

export type ErrorKind = "wrong_secret" | "try_again_later" | "weak_passphrase" | "locked" | "already_set_up" | "invalid_input" | "would_replace_data" | "backup_invalid" | "not_found" | "storage" | "internal";

export type AppError = { kind: ErrorKind, message: string, };

export type VaultState = "new" | "locked" | "unlocked";

export type AppStatus = { vault: VaultState, version: string, 
/**
 * True once at least one value exists (onboarding finished).
 */
has_values: boolean, 
/**
 * Seconds to wait before the next unlock attempt (gentle back-off), 0 when none.
 */
retry_after_seconds: number, };

export type PassphraseStrength = { 
/**
 * 0 (very guessable) ..= 4 (very hard to guess).
 */
score: number, 
/**
 * Whether Thaw accepts it. A weak passphrase cannot pass.
 */
acceptable: boolean, 
/**
 * A few kind words about it, e.g. "Almost there: a few more words would help."
 */
summary: string, };

export type SetupDone = { recovery_code: string, status: AppStatus, };

export type LifeArea = "relationships" | "work_study_contributing" | "play_interests_creativity" | "mind_body_spirit" | "daily_responsibilities";

export type Level = "low" | "some" | "good";

export type Response = "done" | "started" | "smaller_please" | "not_now" | "something_else";

export type RestKind = "budget_spent" | "not_now_today" | "smallest_was_too_much" | "enough_choosing" | "nothing_to_offer_yet";

export type RungKind = "internal" | "preparation" | "first_minutes" | "act";

export type LifeAreaInfo = { area: LifeArea, label: string, 
/**
 * A short example, e.g. "Family, friends, people you care about".
 */
hint: string, };

export type ValueView = { id: number, area: LifeArea, words: string, archived: boolean, };

export type RungView = { text: string, kind: RungKind, seconds: number, };

export type MovementView = { id: number, value_id: number, title: string, rungs: Array<RungView>, archived: boolean, };

export type MovementTemplate = { 
/**
 * Stable key of the template in the library.
 */
key: string, area: LifeArea, title: string, rungs: Array<RungView>, };

export type NewValue = { area: LifeArea, words: string, library_keys: Array<string>, };

export type NewMovement = { value_id: number, title: string, };

export type CheckInInput = { energy: Level | null, mood: Level | null, room: Level | null, };

export type OfferView = { offer_id: number, value_id: number, value_words: string, movement_title: string, text: string, kind: RungKind, 
/**
 * E.g. "about 30 seconds".
 */
size_words: string, seconds: number, 
/**
 * One plain sentence: why this one, today.
 */
reason: string, };

export type TodayDecision = { "decision": "offer" } & OfferView | { "decision": "rest", kind: RestKind, reason: string, };

export type TodayView = { date: string, 
/**
 * Today's check-in, if there was one.
 */
check_in: CheckInInput | null, decision: TodayDecision, 
/**
 * Steps taken today (done or started) and things noticed today.
 */
moves_today: number, noticed_today: number, 
/**
 * Days since the last logged treatment session, when there is one.
 */
days_since_session: number | null, };

export type RespondInput = { offer_id: number, response: Response, 
/**
 * 0 (none) ..= 4 (a lot), optional.
 */
dread_before: number | null, };

export type FeltInput = { offer_id: number, satisfaction_after: number, };

export type ShiftInput = { value_id: number | null, note: string, };

export type WeekMoves = { week_start: string, inside: number, outside: number, };

export type StrengthPoint = { day: string, 
/**
 * 0..1, forgiving: decays slowly and rests on rest days.
 */
strength: number, };

export type ValueStrength = { value_id: number, words: string, points: Array<StrengthPoint>, };

export type FeelingWeek = { week_start: string, dread_before: number | null, satisfaction_after: number | null, };

export type EvidenceItem = { at: string, text: string, value_words: string | null, inside: boolean, };

export type Markers = { 
/**
 * Median minutes from an offer to starting it, recent weeks.
 */
minutes_to_start: number | null, 
/**
 * Median days to come back after a quiet spell.
 */
days_to_return: number | null, };

export type ProgressView = { weeks: Array<WeekMoves>, values: Array<ValueStrength>, feelings: Array<FeelingWeek>, evidence: Array<EvidenceItem>, markers: Markers, };

export type JournalEntryView = { id: number, at: string, text: string, prompt: string | null, session_id: number | null, to_discuss: boolean, };

export type JournalInput = { text: string, prompt: string | null, session_id: number | null, to_discuss: boolean, };

export type Settings = { 
/**
 * Prompts may come from this hour…
 */
prompt_from_hour: number, 
/**
 * …until this hour (exclusive).
 */
prompt_until_hour: number, 
/**
 * No prompts from this hour…
 */
quiet_from_hour: number, 
/**
 * …until this hour (exclusive); may wrap past midnight.
 */
quiet_until_hour: number, 
/**
 * 0 turns prompts off.
 */
prompts_per_day: number, 
/**
 * Lock after this many idle minutes; 0 never.
 */
auto_lock_minutes: number, 
/**
 * Keep prompting while the window is closed (desktop tray).
 */
keep_running_in_background: boolean, 
/**
 * Days between questionnaire reminders; 0 turns them off.
 */
questionnaire_every_days: number, };

export type BackupDone = { path: string, bytes: number, };

export type RestoreInput = { path: string, secret: string, 
/**
 * Must be true to replace data already on this device; never silent.
 */
replace_existing: boolean, };

export type ChangePassphrase = { current: string, new_passphrase: string, };
