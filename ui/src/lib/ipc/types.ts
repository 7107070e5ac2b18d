// Generated from crates/thaw-core/src/ipc.rs by `cargo test -p thaw-core` with
// UPDATE_IPC_TYPES=1. Do not edit by hand: change the Rust types instead.

export type ErrorKind = "wrong_secret" | "try_again_later" | "weak_passphrase" | "locked" | "already_set_up" | "invalid_input" | "would_replace_data" | "backup_invalid" | "vault_damaged" | "not_found" | "storage" | "storage_full" | "in_use" | "internal";

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
retry_after_seconds: number, 
/**
 * Set when Thaw opened with less than it held before: it waits for the person to choose
 * (restore a backup, or carry on with what is here) and never starts onboarding over it.
 */
shortfall: StoreShortfall | null, };

export type StoreShortfall = { 
/**
 * Each kind of thing with fewer than before, in the person's words.
 */
missing: Array<MissingThings>, 
/**
 * Later changes (to settings or the safety plan, say) may be missing too.
 */
changes_missing: boolean, };

export type MissingThings = { 
/**
 * "journal entries", "values", …
 */
what: string, 
/**
 * How many are here now.
 */
found: number, 
/**
 * How many there were.
 */
expected: number, };

export type DraftKind = "journal" | "notice" | "session" | "safety_plan";

export type DraftView = { kind: DraftKind, body: string, };

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

export type RestKind = "budget_spent" | "not_now_today" | "smallest_was_too_much" | "enough_choosing" | "each_had_a_turn" | "nothing_to_offer_yet";

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
 * The step's own words say how long it takes ("…, just for ten seconds."): its reason then
 * leaves the size out, and the card shows no separate size (one message per moment).
 */
size_in_text: boolean, 
/**
 * One plain sentence: why this one, today (shown as it is).
 */
reason: string, 
/**
 * A "bit more" the person asked for after a Done.
 */
bit_more: boolean, };

export type BitMoreView = { text: string, 
/**
 * E.g. "about 2 minutes".
 */
size_words: string, seconds: number, };

export type TodayDecision = { "decision": "offer" } & OfferView | { "decision": "between", bit_more: BitMoreView | null, } | { "decision": "rest", kind: RestKind, reason: string, };

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
days_since_session: number | null, 
/**
 * A gentle reminder that a check-in questionnaire is due (as often as the person chose).
 */
questionnaire_due: boolean, 
/**
 * The one sentence said about what the person just did, when there is one to say
 * (`said.rs`). Never the same as the step's or the rest's own sentence; shown once.
 */
said: string | null, };

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

export type EvidenceItem = { 
/**
 * When it happened, in the offset the person lived it in (the clock time shown).
 */
at: string, 
/**
 * Thaw's day it is counted in (turning at 04:00, `thaw_engine::day_of`): the date shown, so a
 * step done at 02:29 carries the same date Today showed for it, the day its week counts it
 * in.
 */
day: string, text: string, value_words: string | null, inside: boolean, };

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

export type JournalEntryView = { id: number, 
/**
 * When it was written, in the offset the person lived it in (the clock time shown).
 */
at: string, 
/**
 * Thaw's day it belongs to (turning at 04:00): the date shown beside it.
 */
day: string, text: string, prompt: string | null, session_id: number | null, to_discuss: boolean, };

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
 * Lock once Thaw has been out of sight (hidden, minimised, in the background) this many
 * seconds; 0 as soon as it leaves. Settings saved before it existed read as one minute.
 */
lock_away_seconds: number, 
/**
 * Keep prompting while the window is closed (desktop tray).
 */
keep_running_in_background: boolean, 
/**
 * Days between questionnaire reminders; 0 turns them off.
 */
questionnaire_every_days: number, };

export type BackupDone = { file: WrittenFile, bytes: number, };

export type WrittenKind = "backup" | "summary";

export type WrittenFile = { id: number, kind: WrittenKind, 
/**
 * The file's name, e.g. "thaw-backup-2026-11-29.thawbackup".
 */
name: string, 
/**
 * The folder it is in, as the platform writes it.
 */
folder: string, written_on: string, };

export type ChosenBackup = { name: string, 
/**
 * The day the backup was made (in the person's offset when it was made).
 */
made_on: string, };

export type RestoreInput = { secret: string, 
/**
 * Must be true to replace data already on this device; never silent.
 */
replace_existing: boolean, };

export type ChangePassphrase = { current: string, new_passphrase: string, };

export type Instrument = "phq9" | "gad7";

export type QuestionItem = { 
/**
 * 1-based, as printed on the form.
 */
number: number, text: string, };

export type AnswerOption = { value: number, label: string, };

export type Difficulty = "not_difficult_at_all" | "somewhat_difficult" | "very_difficult" | "extremely_difficult";

export type DifficultyOption = { value: Difficulty, label: string, };

export type QuestionnaireDefinition = { instrument: Instrument, title: string, stem: string, items: Array<QuestionItem>, options: Array<AnswerOption>, 
/**
 * Optional; not part of the score.
 */
difficulty_question: string, difficulty_options: Array<DifficultyOption>, attribution: string, };

export type Phq9Answers = { items: [number, number, number, number, number, number, number, number, number], difficulty: Difficulty | null, };

export type Gad7Answers = { items: [number, number, number, number, number, number, number], difficulty: Difficulty | null, };

export type QuestionnaireAnswers = { "instrument": "phq9" } & Phq9Answers | { "instrument": "gad7" } & Gad7Answers;

export type QuestionnaireInput = { instrument: Instrument, answers: Array<number>, };

export type QuestionnaireResult = { id: number, instrument: Instrument, total: number, max_total: number, band_description: string, needs_crisis_support: boolean, };

export type QuestionnaireItemResult = { id: number, instrument: Instrument, at: string, 
/**
 * Thaw's day it was answered on (turning at 04:00): the date shown for it.
 */
day: string, total: number, 
/**
 * PHQ-9 item 9 (0..=3); `None` for GAD-7.
 */
item9: number | null, flagged_for_visit: boolean, };

export type ContactMethod = "call" | "text" | "call_or_text";

export type CrisisResource = { 
/**
 * Shown as the button's words, e.g. "988 Suicide & Crisis Lifeline".
 */
name: string, 
/**
 * What to dial or text, e.g. "988", "741741".
 */
number: string, method: ContactMethod, 
/**
 * For text lines: the word to send, e.g. "HOME".
 */
text_keyword: string | null, 
/**
 * One plain line beside the Call and Text buttons, saying what they do not (the buttons
 * already say the number and the word to text), e.g. "A trained counselor answers, any
 * time, free."
 */
description: string, 
/**
 * A public service number (safe to show on the lock screen). Entries a person adds, such as a
 * clinic, are not public unless they say so.
 */
public: boolean, 
/**
 * The local emergency number (911 in the US).
 */
emergency: boolean, };

export type CrisisResources = { 
/**
 * ISO 3166-1 alpha-2, e.g. "US".
 */
region: string, 
/**
 * e.g. "United States".
 */
region_name: string, resources: Array<CrisisResource>, };

export type PublicNumber = { name: string, number: string, method: ContactMethod, text_keyword: string | null, description: string, emergency: boolean, };

export type LockedCrisisView = { region: string, heading: string, nobody_watches: string, resources: Array<PublicNumber>, };

export type PlanContact = { name: string, phone: string | null, note: string | null, };

export type PlanProfessional = { name: string, phone: string | null, 
/**
 * e.g. "my therapist", "clinic, weekdays 9 to 5", "urgent care".
 */
note: string | null, };

export type SafetyPlan = { 
/**
 * 1. Warning signs: thoughts, images, moods, situations, behaviour that a crisis may be coming.
 */
warning_signs: Array<string>, 
/**
 * 2. Internal coping strategies: things I can do on my own to take my mind off things.
 */
coping_on_my_own: Array<string>, 
/**
 * 3. People and social settings that provide distraction.
 */
distraction_people_and_places: Array<PlanContact>, 
/**
 * 4. People I can ask for help.
 */
people_to_ask_for_help: Array<PlanContact>, 
/**
 * 5. Professionals or agencies to contact during a crisis, including 988.
 */
professionals_and_services: Array<PlanProfessional>, 
/**
 * 6. Making the environment safe.
 */
making_surroundings_safer: Array<string>, 
/**
 * The one thing most worth living for, and others.
 */
reasons_for_living: Array<string>, };

export type CrisisContact = { name: string, 
/**
 * As the person wrote it, shown as it is.
 */
phone: string | null, note: string | null, 
/**
 * The number as a phone dials it (`+15550100142`), when `phone` can be dialled as written;
 * `None` means Thaw shows the number but offers no Call or Text button for it.
 */
dial: string | null, };

export type CrisisScreen = { heading: string, nobody_watches: string, public_numbers: Array<PublicNumber>, 
/**
 * The person's own: people to ask for help, then professionals and services not already listed.
 */
my_contacts: Array<CrisisContact>, plan: SafetyPlan, 
/**
 * Offered so the person can bring it up at the next visit.
 */
flag_for_visit_label: string, };

export type ReachBy = "call" | "text";

export type ReachInput = { by: ReachBy, 
/**
 * As shown on the sheet: "988", "555-0142".
 */
number: string, 
/**
 * The words a text starts with, e.g. "HOME" for the Crisis Text Line.
 */
body: string | null, };

export type Reached = "handed_over" | "not_on_this_device";

export type SessionKind = "iv" | "im" | "intranasal" | "oral_or_lozenge" | "other";

export type SessionSetting = "clinic" | "home";

export type SessionInput = { at: string, kind: SessionKind, setting: SessionSetting, intention: string | null, notes: string | null, };

export type SessionView = { id: number, at: string, kind: SessionKind, setting: SessionSetting, intention: string | null, notes: string | null, };

export type Period = { start: string, end: string, };

export type ValueMoves = { 
/**
 * The value in the person's own words.
 */
value: string, 
/**
 * The life area it belongs to, if any ("Relationships").
 */
life_area: string | null, 
/**
 * Steps done.
 */
done: number, 
/**
 * Steps started (partial counts).
 */
started: number, 
/**
 * Inner shifts noticed ("I thought about calling without dread").
 */
noticed: number, };

export type CheckInLevel = "low" | "some" | "good";

export type CheckInPoint = { date: string, energy: CheckInLevel | null, mood: CheckInLevel | null, 
/**
 * How much room there was that day.
 */
room: CheckInLevel | null, };

export type QuestionnaireRecord = { 
/**
 * When it was answered, with the person's local offset (the true clock time, as exports give
 * it to a clinician).
 */
taken_at: string, 
/**
 * Thaw's day it was answered on (turning at 04:00): the day a period holds it by, so a PHQ-9
 * answered at 02:50 is in a summary that ends on the day Today showed then.
 */
day: string, answers: QuestionnaireAnswers, };

export type TreatmentSession = { at: string, kind: SessionKind, setting: SessionSetting, 
/**
 * The person's intention for the session, in their words.
 */
intention: string | null, };

export type DiscussNote = { date: string, text: string, };

export type NoticedNote = { date: string, text: string, 
/**
 * The value it was about, in the person's words, if any.
 */
value: string | null, };

export type VisitSummaryInput = { period: Period, 
/**
 * When the summary is made (passed in: this crate reads no clock).
 */
generated_at: string, 
/**
 * An opaque local id for the person (never a name). Used only to tie FHIR resources together.
 */
patient_id: string, moves: Array<ValueMoves>, check_ins: Array<CheckInPoint>, questionnaires: Array<QuestionnaireRecord>, sessions: Array<TreatmentSession>, 
/**
 * Notes marked "to discuss". Kept whatever their date: an older note may still be open.
 */
notes: Array<DiscussNote>, 
/**
 * What the person noticed in the period, in their words; empty unless they chose to
 * include it.
 */
noticed: Array<NoticedNote>, };

export type VisitSummary = { data: VisitSummaryInput, };

export type ExportFormat = "html" | "pdf" | "csv" | "fhir_json";

export type ExportInput = { from: string, to: string, format: ExportFormat, 
/**
 * Include what the person noticed, in their own words (their choice; off unless chosen).
 */
include_noticed: boolean, };

export type ExportDone = { file: WrittenFile, notice: string, };

export type EraseInput = { confirm: string, 
/**
 * The passphrase or the recovery code (either; one field).
 */
secret: string, 
/**
 * Files Thaw wrote (`WrittenFile::id`) to remove as well. Empty: they stay.
 */
remove_files: Array<number>, };

export type SetAsideView = { id: string, set_aside_on: string, 
/**
 * Deleting without its own secret waits a week, so nobody with a minute at the screen
 * can destroy it.
 */
can_delete_now: boolean, deletable_from: string, };

export type DeleteSetAside = { id: string, secret: string | null, };

/** Limits the core enforces on every input (crates/thaw-core/src/limits.rs). */
export const LIMITS = {
  VALUE_WORDS: 200,
  RUNGS: 12,
  LIBRARY_PICKS: 20,
  RUNG_SECONDS: 86400,
  NOTE: 500,
  JOURNAL_TEXT: 20000,
  JOURNAL_PROMPT: 300,
  SESSION_TEXT: 2000,
  PLAN_LINE: 500,
  PLAN_ENTRIES: 20,
  NAME: 120,
  PHONE: 20,
  CONTACT_PHONE: 40,
  CRISIS_DESCRIPTION: 200,
  CRISIS_KEYWORD: 20,
  CRISIS_LINES: 12,
  REGION_NAME: 80,
  REGION_CODE: 8,
  SECRET: 1000,
  PATH: 4096,
  SET_ASIDE_WAIT_DAYS: 7,
  ERASE_WORDS: 16,
} as const;
