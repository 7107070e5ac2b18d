//! Treatment and safety: sessions, PHQ-9 and GAD-7, the safety plan, crisis numbers, and
//! the visit summary with its exports. Scoring and formats live in `thaw-clinical`; this
//! module reads and writes the person's data.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use thaw_clinical::questionnaire::{Gad7Answers, Phq9Answers};
use thaw_clinical::safety::{crisis_screen, CrisisScreen};
use thaw_clinical::summary::{
    CheckInLevel, CheckInPoint, DiscussNote, NoticedNote, Period, QuestionnaireRecord,
    TreatmentSession as SummarySession, ValueMoves,
};
use thaw_clinical::{
    CrisisResources, Instrument, LockedCrisisView, PageSize, QuestionnaireAnswers,
    QuestionnaireDefinition, SafetyPlan, VisitSummary, VisitSummaryInput,
};
use thaw_engine::{Event, EventKind, TreatmentSession};
use thaw_store::{Instrument as StoredInstrument, ResponseKind, SessionInput as StoredSession};

use crate::catalog::local;
use crate::error::{AppError, ErrorKind, Result};
use crate::ipc::{
    ExportDone, ExportInput, QuestionnaireInput, QuestionnaireItemResult, QuestionnaireResult,
    SessionInput, SessionView, WrittenKind,
};
use crate::model_state::learn;
use crate::today::scale_to_level;
use crate::Thaw;

use crate::limits::{
    self, check_count, check_len, check_phone, CRISIS_DESCRIPTION, CRISIS_KEYWORD,
    CRISIS_LINES as MAX_LINES, NAME, PLAN_ENTRIES, PLAN_LINE, REGION_CODE, REGION_NAME,
    SESSION_TEXT as MAX_TEXT,
};

const SAFETY_PLAN_KEY: &str = "safety_plan";
const CRISIS_LINES_KEY: &str = "crisis_lines";

fn check_crisis_lines(lines: &CrisisResources) -> Result<CrisisResources> {
    if lines.resources.is_empty() || lines.resources.len() > MAX_LINES {
        return Err(AppError::invalid(format!(
            "Keep between 1 and {MAX_LINES} crisis lines, so help is always there and easy to find. Nothing was changed."
        )));
    }
    let mut clean = lines.clone();
    clean.region = clean.region.trim().to_string();
    clean.region_name = clean.region_name.trim().to_string();
    check_len(&clean.region, REGION_CODE, "a region's code")?;
    check_len(&clean.region_name, REGION_NAME, "a region's name")?;
    for r in &mut clean.resources {
        r.name = r.name.trim().to_string();
        r.number = r.number.trim().to_string();
        r.description = r.description.trim().to_string();
        r.text_keyword = r
            .text_keyword
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(String::from);
        if r.name.is_empty() || r.number.is_empty() {
            return Err(AppError::invalid(
                "Each crisis line needs a name and a number (digits, spaces, + - ( ) only). Nothing was changed.",
            ));
        }
        check_len(&r.name, NAME, "a crisis line's name")?;
        check_phone(&r.number, "a crisis line")?;
        check_len(
            &r.description,
            CRISIS_DESCRIPTION,
            "a crisis line's description",
        )?;
        if let Some(k) = &r.text_keyword {
            check_len(k, CRISIS_KEYWORD, "the word to text")?;
        }
        // These are public lines, shown even while Thaw is locked. The person's own people
        // belong in the safety plan, which stays locked.
        r.public = true;
    }
    Ok(clean)
}

/// Every section of the plan within its limits: entries per section, words per line, names,
/// phone numbers. Blank entries are allowed (the editor keeps a new, empty line).
fn check_safety_plan(plan: &SafetyPlan) -> Result<()> {
    let lines = [
        (&plan.warning_signs, "warning signs"),
        (&plan.coping_on_my_own, "things you can do on your own"),
        (
            &plan.making_surroundings_safer,
            "ways to make your surroundings safer",
        ),
        (&plan.reasons_for_living, "reasons for living"),
    ];
    for (section, what) in lines {
        check_count(section, PLAN_ENTRIES, what)?;
        for line in section {
            check_len(line.trim(), PLAN_LINE, "one line of the plan")?;
        }
    }
    let people = [
        (&plan.distraction_people_and_places, "people and places"),
        (&plan.people_to_ask_for_help, "people to ask for help"),
    ];
    for (section, what) in people {
        check_count(section, PLAN_ENTRIES, what)?;
        for p in section {
            check_person(&p.name, p.phone.as_deref(), p.note.as_deref())?;
        }
    }
    check_count(
        &plan.professionals_and_services,
        PLAN_ENTRIES,
        "professionals and services",
    )?;
    for p in &plan.professionals_and_services {
        check_person(&p.name, p.phone.as_deref(), p.note.as_deref())?;
    }
    Ok(())
}

fn check_person(name: &str, phone: Option<&str>, note: Option<&str>) -> Result<()> {
    check_len(name.trim(), NAME, "a name")?;
    if let Some(phone) = phone {
        check_len(phone.trim(), limits::CONTACT_PHONE, "a phone number")?;
    }
    if let Some(note) = note {
        check_len(note.trim(), PLAN_LINE, "a note")?;
    }
    Ok(())
}

pub fn questionnaire_definition(instrument: Instrument) -> QuestionnaireDefinition {
    instrument.definition()
}

fn stored_instrument(i: Instrument) -> StoredInstrument {
    match i {
        Instrument::Phq9 => StoredInstrument::Phq9,
        Instrument::Gad7 => StoredInstrument::Gad7,
    }
}

fn answers_of(instrument: Instrument, answers: &[u8]) -> Result<QuestionnaireAnswers> {
    let kind = |e: thaw_clinical::AnswerError| {
        AppError::invalid(format!(
            "{e}. Every question needs one answer; nothing was saved yet."
        ))
    };
    let slots: Vec<Option<u8>> = answers.iter().map(|a| Some(*a)).collect();
    Ok(match instrument {
        Instrument::Phq9 => {
            QuestionnaireAnswers::Phq9(Phq9Answers::from_responses(&slots, None).map_err(kind)?)
        }
        Instrument::Gad7 => {
            QuestionnaireAnswers::Gad7(Gad7Answers::from_responses(&slots, None).map_err(kind)?)
        }
    })
}

fn optional_text(s: &Option<String>, what: &str) -> Result<Option<String>> {
    match s.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) if t.chars().count() > MAX_TEXT => Err(AppError::invalid(format!(
            "The {what} is longer than Thaw keeps here ({MAX_TEXT} characters). The journal has room for more. Nothing was lost."
        ))),
        other => Ok(other.map(String::from)),
    }
}

fn level(v: Option<u8>) -> Option<CheckInLevel> {
    v.map(|x| match scale_to_level(x) {
        thaw_engine::Level::Low => CheckInLevel::Low,
        thaw_engine::Level::Some => CheckInLevel::Some,
        thaw_engine::Level::Good => CheckInLevel::Good,
    })
}

impl Thaw {
    pub async fn submit_questionnaire(
        &mut self,
        input: &QuestionnaireInput,
        now: DateTime<FixedOffset>,
    ) -> Result<QuestionnaireResult> {
        let answers = answers_of(input.instrument, &input.answers)?;
        let store = &self.open()?.store;
        let row = store
            .add_questionnaire(stored_instrument(input.instrument), &input.answers, now)
            .await?;
        Ok(QuestionnaireResult {
            id: row.id,
            instrument: input.instrument,
            total: answers.total(),
            max_total: input.instrument.max_total(),
            band_description: answers.band_description(),
            needs_crisis_support: answers.needs_crisis_support(),
        })
    }

    /// Every questionnaire taken, oldest first, for the trend chart.
    pub async fn questionnaires(&self) -> Result<Vec<QuestionnaireItemResult>> {
        let store = &self.open()?.store;
        let from = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default();
        let mut out = Vec::new();
        for instrument in [Instrument::Phq9, Instrument::Gad7] {
            for q in store
                .list_questionnaires(stored_instrument(instrument), from, to)
                .await?
            {
                out.push(QuestionnaireItemResult {
                    id: q.id,
                    instrument,
                    at: local(q.at, q.offset_min),
                    day: q.local_date,
                    total: u8::try_from(q.total).unwrap_or(u8::MAX),
                    item9: (instrument == Instrument::Phq9)
                        .then(|| q.answers.get(8).copied())
                        .flatten(),
                    flagged_for_visit: q.flagged_for_visit,
                });
            }
        }
        out.sort_by_key(|q| q.at);
        Ok(out)
    }

    pub async fn flag_questionnaire(&mut self, id: i64, flagged: bool) -> Result<()> {
        self.open()?
            .store
            .flag_questionnaire_for_visit(id, flagged)
            .await?;
        Ok(())
    }

    /// Whether a questionnaire reminder is due (every N days as set; never when off).
    pub async fn questionnaire_due(&self, now: DateTime<FixedOffset>) -> Result<bool> {
        let every = self.settings().await?.questionnaire_every_days;
        if every == 0 {
            return Ok(false);
        }
        // Counted from the last questionnaire, or from when Thaw was set up: nobody is asked
        // for a questionnaire on their first day.
        let started = self
            .open()?
            .store
            .list_values(true)
            .await?
            .iter()
            .map(|v| local(v.created_at, v.created_offset_min))
            .min();
        let last = self.questionnaires().await?.into_iter().map(|q| q.at).max();
        Ok(crate::today::questionnaire_due(every, started, last, now))
    }

    pub async fn safety_plan(&self) -> Result<SafetyPlan> {
        let store = &self.open()?.store;
        Ok(store
            .setting_as::<SafetyPlan>(SAFETY_PLAN_KEY)
            .await?
            .unwrap_or_else(|| SafetyPlan::new(&CrisisResources::us_default())))
    }

    pub async fn save_safety_plan(
        &mut self,
        plan: &SafetyPlan,
        now: DateTime<FixedOffset>,
    ) -> Result<SafetyPlan> {
        let unit = self.begin_unit().await?;
        let result = self.save_safety_plan_unit(plan, now).await;
        self.end_unit(unit, result).await
    }

    async fn save_safety_plan_unit(
        &mut self,
        plan: &SafetyPlan,
        now: DateTime<FixedOffset>,
    ) -> Result<SafetyPlan> {
        check_safety_plan(plan)?;
        self.open()?
            .store
            .set_setting(SAFETY_PLAN_KEY, plan, now)
            .await?;
        self.saved_for_real(crate::ipc::DraftKind::SafetyPlan)
            .await?;
        Ok(plan.clone())
    }

    /// The crisis screen with the person's own contacts and plan (unlocked).
    pub async fn crisis_screen(&self) -> Result<CrisisScreen> {
        let plan = self.safety_plan().await?;
        Ok(crisis_screen(&self.crisis_lines().await?, &plan))
    }

    /// The public crisis lines for where the person lives (the US ones until changed).
    pub async fn crisis_lines(&self) -> Result<CrisisResources> {
        Ok(self
            .open()?
            .store
            .setting_as::<CrisisResources>(CRISIS_LINES_KEY)
            .await?
            .unwrap_or_else(CrisisResources::us_default))
    }

    pub async fn save_crisis_lines(
        &mut self,
        lines: &CrisisResources,
        now: DateTime<FixedOffset>,
    ) -> Result<CrisisResources> {
        let clean = check_crisis_lines(lines)?;
        self.open()?
            .store
            .set_setting(CRISIS_LINES_KEY, &clean, now)
            .await?;
        self.crisis_board.set(Some(&clean));
        Ok(clean)
    }

    /// Crisis numbers for the lock screen: public lines only, nothing personal. They are the
    /// person's chosen lines once Thaw has been opened in this run (kept in memory; they are
    /// public numbers), and the US lines before that, since a locked store cannot be read.
    pub fn crisis_locked(&self) -> LockedCrisisView {
        self.crisis_board.locked_view()
    }

    pub(crate) async fn remember_crisis_lines(&mut self) -> Result<()> {
        let lines = self.crisis_lines().await?;
        self.crisis_board.set(Some(&lines));
        Ok(())
    }

    pub async fn sessions(&self) -> Result<Vec<SessionView>> {
        let store = &self.open()?.store;
        let mut out: Vec<SessionView> = store
            .list_sessions(false)
            .await?
            .into_iter()
            .map(|s| SessionView {
                id: s.id,
                at: local(s.at, s.offset_min),
                kind: s.kind,
                setting: s.setting,
                intention: s.intention,
                notes: s.notes,
            })
            .collect();
        out.sort_by_key(|s| std::cmp::Reverse(s.at));
        Ok(out)
    }

    /// Logs a treatment session; the days after it lean towards practice and integration.
    pub async fn add_session(
        &mut self,
        input: &SessionInput,
        now: DateTime<FixedOffset>,
    ) -> Result<SessionView> {
        let unit = self.begin_unit().await?;
        let result = self.add_session_unit(input, now).await;
        self.end_unit(unit, result).await
    }

    async fn add_session_unit(
        &mut self,
        input: &SessionInput,
        now: DateTime<FixedOffset>,
    ) -> Result<SessionView> {
        if input.at.year() < 1970 {
            return Err(AppError::invalid(
                "That date is long ago. Check the year and try again; nothing was lost.",
            ));
        }
        if input.at > now + chrono::Duration::days(366) {
            return Err(AppError::invalid(
                "That date is far in the future. Check the date and try again; nothing was lost.",
            ));
        }
        let intention = optional_text(&input.intention, "intention")?;
        let notes = optional_text(&input.notes, "note")?;
        let open = self.open_mut()?;
        let row = open
            .store
            .add_session(&StoredSession {
                at: input.at,
                kind: input.kind,
                setting: input.setting,
                intention: intention.clone(),
                notes: notes.clone(),
            })
            .await?;
        open.store
            .discard_draft(crate::ipc::DraftKind::Session.code())
            .await?;
        if input.at <= now {
            learn(
                open,
                Event {
                    at: now,
                    kind: EventKind::Session(TreatmentSession { at: input.at }),
                },
            )
            .await?;
        }
        Ok(SessionView {
            id: row.id,
            at: input.at,
            kind: input.kind,
            setting: input.setting,
            intention,
            notes,
        })
    }

    /// Everything the visit summary shows, for a chosen period. What the person noticed ("I
    /// noticed something", their own words) is in it only when they chose to include it
    /// (`include_noticed`): those notes were written for themselves, not for a clinician.
    pub async fn visit_summary(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        include_noticed: bool,
        now: DateTime<FixedOffset>,
    ) -> Result<VisitSummary> {
        let period = Period::new(from, to).map_err(|_| {
            AppError::invalid("The period starts after it ends. Try swapping the dates.")
        })?;
        let store = &self.open()?.store;
        let values = self.values().await?;
        let areas: BTreeMap<_, _> = crate::life_areas()
            .into_iter()
            .map(|a| (a.area, a.label))
            .collect();
        let mut moves: BTreeMap<i64, ValueMoves> = values
            .iter()
            .map(|v| {
                (
                    v.id,
                    ValueMoves {
                        value: v.words.clone(),
                        life_area: areas.get(&v.area).cloned(),
                        done: 0,
                        started: 0,
                        noticed: 0,
                    },
                )
            })
            .collect();
        let progress = store.progress(from, to).await?;
        for m in &progress.moves {
            if let Some(v) = m.value_id.and_then(|id| moves.get_mut(&id)) {
                match m.kind {
                    ResponseKind::Done => v.done += 1,
                    ResponseKind::Started => v.started += 1,
                    _ => {}
                }
            }
        }
        for s in &progress.shifts {
            if let Some(v) = s.value_id.and_then(|id| moves.get_mut(&id)) {
                v.noticed += 1;
            }
        }
        let value_words: BTreeMap<i64, String> =
            values.iter().map(|v| (v.id, v.words.clone())).collect();
        let noticed = if include_noticed {
            progress
                .shifts
                .iter()
                .filter(|s| !s.words.trim().is_empty())
                .map(|s| NoticedNote {
                    date: s.local_date,
                    text: s.words.trim().to_string(),
                    value: s.value_id.and_then(|id| value_words.get(&id).cloned()),
                })
                .collect()
        } else {
            Vec::new()
        };
        let mut check_ins: BTreeMap<NaiveDate, CheckInPoint> = BTreeMap::new();
        for c in store.list_check_ins(from, to).await? {
            check_ins.insert(
                c.local_date,
                CheckInPoint {
                    date: c.local_date,
                    energy: level(c.energy),
                    mood: level(c.mood),
                    room: level(c.room),
                },
            );
        }
        let mut questionnaires = Vec::new();
        for instrument in [Instrument::Phq9, Instrument::Gad7] {
            for q in store
                .list_questionnaires(stored_instrument(instrument), from, to)
                .await?
            {
                questionnaires.push(QuestionnaireRecord {
                    taken_at: local(q.at, q.offset_min),
                    day: q.local_date,
                    answers: answers_of(instrument, &q.answers)?,
                });
            }
        }
        let sessions = store
            .list_sessions(false)
            .await?
            .into_iter()
            .map(|s| SummarySession {
                at: local(s.at, s.offset_min),
                kind: s.kind,
                setting: s.setting,
                intention: s.intention,
            })
            .collect();
        let notes = store
            .list_to_discuss()
            .await?
            .into_iter()
            .map(|e| DiscussNote {
                date: e.local_date,
                text: e.body,
            })
            .collect();
        VisitSummary::new(VisitSummaryInput {
            period,
            generated_at: now,
            patient_id: "thaw-person".into(),
            moves: moves.into_values().filter(|m| m.total() > 0).collect(),
            check_ins: check_ins.into_values().collect(),
            questionnaires,
            sessions,
            notes,
            noticed,
        })
        .map_err(|_| AppError::invalid("That period cannot be used. Try other dates."))
    }

    /// The name the save dialog suggests for a summary, e.g.
    /// `thaw-visit-summary-2026-03-01-to-2026-03-31.pdf`.
    pub fn export_file_name(&self, input: &ExportInput) -> Result<String> {
        let period = Period::new(input.from, input.to).map_err(|_| {
            AppError::invalid("The period starts after it ends. Try swapping the dates.")
        })?;
        Ok(input.format.file_name_for(&period))
    }

    /// Writes the summary where the person chose in the save dialog (`chosen`, checked here
    /// all the same): owner-only, atomically, and remembered so Erase can offer to remove it.
    /// Exports are not encrypted, and the result says so.
    pub async fn export_summary(
        &self,
        input: &ExportInput,
        chosen: &Path,
        now: DateTime<FixedOffset>,
    ) -> Result<ExportDone> {
        let summary = self
            .visit_summary(input.from, input.to, input.include_noticed, now)
            .await?;
        let path = crate::written_files::check_save_target(
            chosen,
            self.data_dir(),
            input.format.extension(),
        )?;
        let mut bytes = Vec::new();
        thaw_clinical::export::export_to_writer(&summary, input.format, PageSize::A4, &mut bytes)
            .and_then(|()| {
                thaw_store::write_private_file(&path, &bytes).map_err(std::io::Error::other)
            })
            .map_err(|_| {
                AppError::new(
                    ErrorKind::InvalidInput,
                    "Thaw could not write the file in that folder (it may be read-only or full). Nothing else changed; try another folder.",
                )
            })?;
        let file =
            crate::written_files::record(&self.open()?.store, WrittenKind::Summary, &path, now)
                .await?;
        Ok(ExportDone {
            file,
            notice: input.format.before_saving_notice(),
        })
    }
}
