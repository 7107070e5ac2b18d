//! The IPC contract: every type the UI sends or receives. TypeScript declarations are
//! generated from these (see `typescript()`), written to `ui/src/lib/ipc/types.ts`, and a
//! test fails when the committed file is stale.
//!
//! Commands take at most one argument object and return one of these types; the list of
//! commands lives in `src-tauri/src/commands.rs` and `ui/src/lib/ipc/api.ts`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::{Config, TS};

pub use crate::error::{AppError, ErrorKind};
pub use thaw_clinical::questionnaire::{
    AnswerOption, Difficulty, DifficultyOption, Gad7Answers, Phq9Answers, QuestionItem,
};
pub use thaw_clinical::reach::ReachBy;
pub use thaw_clinical::safety::{
    ContactMethod, CrisisContact, CrisisScreen, PlanContact, PlanProfessional, PublicNumber,
};
pub use thaw_clinical::summary::{
    CheckInLevel, CheckInPoint, DiscussNote, NoticedNote, Period, QuestionnaireRecord, SessionKind,
    SessionSetting, TreatmentSession, ValueMoves,
};
pub use thaw_clinical::{
    CrisisResource, CrisisResources, ExportFormat, Instrument, LockedCrisisView,
    QuestionnaireAnswers, QuestionnaireDefinition, SafetyPlan, VisitSummary, VisitSummaryInput,
};
pub use thaw_engine::{Level, LifeArea, Response, RestKind, RungKind};

/// Whether Thaw has been set up on this device, and whether it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VaultState {
    /// Nothing stored yet: onboarding comes next.
    New,
    /// Set up, waiting for the passphrase or recovery code.
    Locked,
    /// Open.
    Unlocked,
}

/// What the UI needs to know when it starts, and after unlock or lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppStatus {
    pub vault: VaultState,
    pub version: String,
    /// True once at least one value exists (onboarding finished).
    pub has_values: bool,
    /// Seconds to wait before the next unlock attempt (gentle back-off), 0 when none.
    pub retry_after_seconds: u32,
    /// Set when Thaw opened with less than it held before: it waits for the person to choose
    /// (restore a backup, or carry on with what is here) and never starts onboarding over it.
    pub shortfall: Option<StoreShortfall>,
}

/// What Thaw found missing when it opened (a database copied without its log, a log cut
/// short after a crash). Nothing was changed: the files are kept exactly as they were.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StoreShortfall {
    /// Each kind of thing with fewer than before, in the person's words.
    pub missing: Vec<MissingThings>,
    /// Later changes (to settings or the safety plan, say) may be missing too.
    pub changes_missing: bool,
}

/// Fewer of one kind of thing than Thaw held before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MissingThings {
    /// "journal entries", "values", …
    pub what: String,
    /// How many are here now.
    pub found: u32,
    /// How many there were.
    pub expected: u32,
}

/// A form whose unsaved text Thaw keeps when it locks, and offers back after unlocking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DraftKind {
    Journal,
    Notice,
    Session,
    SafetyPlan,
}

/// A draft kept for one form: the form's state as the UI wrote it (JSON text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DraftView {
    pub kind: DraftKind,
    pub body: String,
}

/// How strong a passphrase is, said kindly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PassphraseStrength {
    /// 0 (very guessable) ..= 4 (very hard to guess).
    pub score: u8,
    /// Whether Thaw accepts it. A weak passphrase cannot pass.
    pub acceptable: bool,
    /// A few kind words about it, e.g. "Almost there: a few more words would help."
    pub summary: String,
}

/// Given once, at setup: the recovery code to keep somewhere safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SetupDone {
    pub recovery_code: String,
    pub status: AppStatus,
}

/// One of the five life areas, with words to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LifeAreaInfo {
    pub area: LifeArea,
    pub label: String,
    /// A short example, e.g. "Family, friends, people you care about".
    pub hint: String,
}

/// Something the person cares about, in their own words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ValueView {
    pub id: i64,
    pub area: LifeArea,
    pub words: String,
    pub archived: bool,
}

/// One rung of a ladder, as shown and edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RungView {
    pub text: String,
    pub kind: RungKind,
    pub seconds: u32,
}

/// A movement towards a value with its ladder, smallest rung first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MovementView {
    pub id: i64,
    pub value_id: i64,
    pub title: String,
    pub rungs: Vec<RungView>,
    pub archived: bool,
}

/// A movement from the starter library, not yet the person's own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MovementTemplate {
    /// Stable key of the template in the library.
    pub key: String,
    pub area: LifeArea,
    pub title: String,
    pub rungs: Vec<RungView>,
}

/// Adds a value; `movements` are library keys to attach (may be empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewValue {
    pub area: LifeArea,
    pub words: String,
    pub library_keys: Vec<String>,
}

/// Adds a movement of the person's own: rungs are generated smaller-first, editable later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NewMovement {
    pub value_id: i64,
    pub title: String,
}

/// Today's check-in: every part optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckInInput {
    pub energy: Option<Level>,
    pub mood: Option<Level>,
    pub room: Option<Level>,
}

/// One small step, offered now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct OfferView {
    pub offer_id: i64,
    pub value_id: i64,
    pub value_words: String,
    pub movement_title: String,
    pub text: String,
    pub kind: RungKind,
    /// E.g. "about 30 seconds".
    pub size_words: String,
    pub seconds: u32,
    /// The step's own words say how long it takes ("…, just for ten seconds."): its reason then
    /// leaves the size out, and the card shows no separate size (one message per moment).
    pub size_in_text: bool,
    /// One plain sentence: why this one, today (shown as it is).
    pub reason: String,
    /// A "bit more" the person asked for after a Done.
    pub bit_more: bool,
}

/// "A bit more?" after a Done: the next rung up of the same movement, for a quiet button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BitMoreView {
    pub text: String,
    /// E.g. "about 2 minutes".
    pub size_words: String,
    pub seconds: u32,
}

/// What Today shows in its middle: one step, a pause in which nothing is pushed, or rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum TodayDecision {
    Offer(OfferView),
    /// After Done, Started or Not now: the next step comes when the person asks for it
    /// ("I have a moment"). After a Done, `bit_more` is the next rung up, if it fits today.
    Between {
        bit_more: Option<BitMoreView>,
    },
    Rest {
        kind: RestKind,
        reason: String,
    },
}

/// Everything the Today screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TodayView {
    pub date: NaiveDate,
    /// Today's check-in, if there was one.
    pub check_in: Option<CheckInInput>,
    pub decision: TodayDecision,
    /// Steps taken today (done or started) and things noticed today.
    pub moves_today: u32,
    pub noticed_today: u32,
    /// Days since the last logged treatment session, when there is one.
    pub days_since_session: Option<i64>,
    /// A gentle reminder that a check-in questionnaire is due (as often as the person chose).
    pub questionnaire_due: bool,
    /// The one sentence said about what the person just did, when there is one to say
    /// (`said.rs`). Never the same as the step's or the rest's own sentence; shown once.
    pub said: Option<String>,
}

/// A reply to the offer on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RespondInput {
    pub offer_id: i64,
    pub response: Response,
    /// 0 (none) ..= 4 (a lot), optional.
    pub dread_before: Option<u8>,
}

/// "How did it feel?" after Done, optional: 0 (nothing much) ..= 4 (good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FeltInput {
    pub offer_id: i64,
    pub satisfaction_after: u8,
}

/// "I noticed something": an internal shift.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ShiftInput {
    pub value_id: Option<i64>,
    pub note: String,
}

/// Moves in one week, inside (noticed, imagined) and outside (done, started).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WeekMoves {
    pub week_start: NaiveDate,
    pub inside: u32,
    pub outside: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct StrengthPoint {
    pub day: NaiveDate,
    /// 0..1, forgiving: decays slowly and rests on rest days.
    pub strength: f64,
}

/// How alive one value has been lately.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ValueStrength {
    pub value_id: i64,
    pub words: String,
    pub points: Vec<StrengthPoint>,
}

/// Average dread before and satisfaction after in one week (0..=4), when given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FeelingWeek {
    pub week_start: NaiveDate,
    pub dread_before: Option<f64>,
    pub satisfaction_after: Option<f64>,
}

/// One thing the person did or noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EvidenceItem {
    /// When it happened, in the offset the person lived it in (the clock time shown).
    pub at: DateTime<FixedOffset>,
    /// Thaw's day it is counted in (turning at 04:00, `thaw_engine::day_of`): the date shown, so a
    /// step done at 02:29 carries the same date Today showed for it, the day its week counts it
    /// in.
    pub day: NaiveDate,
    pub text: String,
    pub value_words: Option<String>,
    pub inside: bool,
}

/// Early markers, as what happened (never a grade).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Markers {
    /// Median minutes from an offer to starting it, recent weeks.
    pub minutes_to_start: Option<f64>,
    /// Median days to come back after a quiet spell.
    pub days_to_return: Option<f64>,
}

/// Everything the Progress screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ProgressView {
    pub weeks: Vec<WeekMoves>,
    pub values: Vec<ValueStrength>,
    pub feelings: Vec<FeelingWeek>,
    pub evidence: Vec<EvidenceItem>,
    pub markers: Markers,
}

/// A journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JournalEntryView {
    pub id: i64,
    /// When it was written, in the offset the person lived it in (the clock time shown).
    pub at: DateTime<FixedOffset>,
    /// Thaw's day it belongs to (turning at 04:00): the date shown beside it.
    pub day: NaiveDate,
    pub text: String,
    pub prompt: Option<String>,
    pub session_id: Option<i64>,
    pub to_discuss: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct JournalInput {
    pub text: String,
    pub prompt: Option<String>,
    pub session_id: Option<i64>,
    pub to_discuss: bool,
}

/// The person's settings. Hours are local, 0..=23.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Settings {
    /// Prompts may come from this hour…
    pub prompt_from_hour: u8,
    /// …until this hour (exclusive).
    pub prompt_until_hour: u8,
    /// No prompts from this hour…
    pub quiet_from_hour: u8,
    /// …until this hour (exclusive); may wrap past midnight.
    pub quiet_until_hour: u8,
    /// 0 turns prompts off.
    pub prompts_per_day: u8,
    /// Lock after this many idle minutes; 0 never.
    pub auto_lock_minutes: u16,
    /// Lock once Thaw has been out of sight (hidden, minimised, in the background) this many
    /// seconds; 0 as soon as it leaves. Settings saved before it existed read as one minute.
    #[serde(default = "default_lock_away_seconds")]
    pub lock_away_seconds: u16,
    /// Keep prompting while the window is closed (desktop tray).
    pub keep_running_in_background: bool,
    /// Days between questionnaire reminders; 0 turns them off.
    pub questionnaire_every_days: u16,
}

fn default_lock_away_seconds() -> u16 {
    crate::settings::DEFAULT_LOCK_AWAY_SECONDS
}

/// A backup was written where the person chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BackupDone {
    pub file: WrittenFile,
    pub bytes: u64,
}

/// What Thaw wrote outside its store: a backup or a visit summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum WrittenKind {
    Backup,
    Summary,
}

/// A file Thaw wrote where the person chose (the platform's save dialog). The page sees its
/// name and folder to show them; it never hands a path back: "Show in folder" and removing
/// go by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct WrittenFile {
    pub id: u32,
    pub kind: WrittenKind,
    /// The file's name, e.g. "thaw-backup-2026-11-29.thawbackup".
    pub name: String,
    /// The folder it is in, as the platform writes it.
    pub folder: String,
    pub written_on: NaiveDate,
}

/// The backup file the person chose in the platform's open dialog, before restoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChosenBackup {
    pub name: String,
    /// The day the backup was made (in the person's offset when it was made).
    pub made_on: NaiveDate,
}

/// Restore the backup file chosen in the open dialog (`choose_backup_file`), unlocking it
/// with the passphrase or recovery code it was made with. There is no path here: the page
/// cannot name a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RestoreInput {
    pub secret: String,
    /// Must be true to replace data already on this device; never silent.
    pub replace_existing: bool,
}

/// Erasing everything: the words "erase everything" and the passphrase or recovery code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EraseInput {
    pub confirm: String,
    /// The passphrase or the recovery code (either; one field).
    pub secret: String,
    /// Files Thaw wrote (`WrittenFile::id`) to remove as well. Empty: they stay.
    #[serde(default)]
    pub remove_files: Vec<u32>,
}

/// Data set aside by "Start anew": encrypted, untouched, and openable only with its own
/// earlier passphrase or recovery code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SetAsideView {
    pub id: String,
    pub set_aside_on: NaiveDate,
    /// Deleting without its own secret waits a week, so nobody with a minute at the screen
    /// can destroy it.
    pub can_delete_now: bool,
    pub deletable_from: NaiveDate,
}

/// Deleting set-aside data: with its earlier passphrase or recovery code, or without one once
/// the week has passed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DeleteSetAside {
    pub id: String,
    pub secret: Option<String>,
}

/// Changing the passphrase: the current one (or the recovery code) and the new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ChangePassphrase {
    pub current: String,
    pub new_passphrase: String,
}

/// A completed questionnaire: one answer (0..=3) per item, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionnaireInput {
    pub instrument: Instrument,
    pub answers: Vec<u8>,
}

/// The score, as information. `needs_crisis_support` is true when PHQ-9 item 9 is above
/// "Not at all": the UI then shows the crisis screen at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionnaireResult {
    pub id: i64,
    pub instrument: Instrument,
    pub total: u8,
    pub max_total: u8,
    pub band_description: String,
    pub needs_crisis_support: bool,
}

/// One questionnaire in the history (the trend chart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionnaireItemResult {
    pub id: i64,
    pub instrument: Instrument,
    pub at: DateTime<FixedOffset>,
    /// Thaw's day it was answered on (turning at 04:00): the date shown for it.
    pub day: NaiveDate,
    pub total: u8,
    /// PHQ-9 item 9 (0..=3); `None` for GAD-7.
    pub item9: Option<u8>,
    pub flagged_for_visit: bool,
}

/// A treatment session to log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionInput {
    pub at: DateTime<FixedOffset>,
    pub kind: SessionKind,
    pub setting: SessionSetting,
    pub intention: Option<String>,
    pub notes: Option<String>,
}

/// A logged treatment session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SessionView {
    pub id: i64,
    pub at: DateTime<FixedOffset>,
    pub kind: SessionKind,
    pub setting: SessionSetting,
    pub intention: Option<String>,
    pub notes: Option<String>,
}

/// Export the visit summary for a period (both days included) in one format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportInput {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub format: ExportFormat,
    /// Include what the person noticed, in their own words (their choice; off unless chosen).
    #[serde(default)]
    pub include_noticed: bool,
}

/// An export was written. `notice` says what it contains and that it is not encrypted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExportDone {
    pub file: WrittenFile,
    pub notice: String,
}

/// A call or text from the crisis sheet, for the device's phone or messages app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReachInput {
    pub by: ReachBy,
    /// As shown on the sheet: "988", "555-0142".
    pub number: String,
    /// The words a text starts with, e.g. "HOME" for the Crisis Text Line.
    pub body: Option<String>,
}

/// What became of a call or text Thaw handed to the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reached {
    /// The device's calling or messages app has it.
    HandedOver,
    /// Nothing on this device places calls or sends texts (or it did not take this one): the
    /// sheet shows the number, to use from any phone.
    NotOnThisDevice,
}

macro_rules! declarations {
    ($cfg:expr; $($ty:ty),* $(,)?) => {
        [$(<$ty as TS>::decl($cfg)),*]
    };
}

/// The whole generated TypeScript module, in a stable order.
pub fn typescript() -> String {
    let cfg = &Config::new().with_large_int("number");
    let decls = declarations![cfg;
        ErrorKind, AppError, VaultState, AppStatus, StoreShortfall, MissingThings, DraftKind,
        DraftView, PassphraseStrength, SetupDone,
        LifeArea, Level, Response, RestKind, RungKind,
        LifeAreaInfo, ValueView, RungView, MovementView, MovementTemplate, NewValue, NewMovement,
        CheckInInput, OfferView, BitMoreView, TodayDecision, TodayView, RespondInput, FeltInput, ShiftInput,
        WeekMoves, StrengthPoint, ValueStrength, FeelingWeek, EvidenceItem, Markers, ProgressView,
        JournalEntryView, JournalInput, Settings, BackupDone, WrittenKind, WrittenFile, ChosenBackup,
        RestoreInput, ChangePassphrase,
        Instrument, QuestionItem, AnswerOption, Difficulty, DifficultyOption, QuestionnaireDefinition,
        Phq9Answers, Gad7Answers, QuestionnaireAnswers, QuestionnaireInput, QuestionnaireResult,
        QuestionnaireItemResult, ContactMethod, CrisisResource, CrisisResources, PublicNumber, LockedCrisisView, PlanContact,
        PlanProfessional, SafetyPlan, CrisisContact, CrisisScreen, ReachBy, ReachInput, Reached, SessionKind, SessionSetting, SessionInput,
        SessionView, Period, ValueMoves, CheckInLevel, CheckInPoint, QuestionnaireRecord,
        TreatmentSession, DiscussNote, NoticedNote, VisitSummaryInput, VisitSummary, ExportFormat, ExportInput,
        ExportDone, EraseInput, SetAsideView, DeleteSetAside,
    ];
    let mut out = String::from(
        "// Generated from crates/thaw-core/src/ipc.rs by `cargo test -p thaw-core` with\n\
         // UPDATE_IPC_TYPES=1. Do not edit by hand: change the Rust types instead.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.push_str(&crate::limits::typescript());
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
