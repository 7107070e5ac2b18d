//! The visit summary: what the person brings to their next visit, for a chosen period, built from
//! plain data the caller gathers (nothing here reads a store or a clock).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::questionnaire::QuestionnaireAnswers;

/// A period of days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Period {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Period {
    /// A period; an error when `start` is after `end`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, SummaryError> {
        if start > end {
            return Err(SummaryError::PeriodBackwards { start, end });
        }
        Ok(Period { start, end })
    }

    /// True when `date` is in the period (both ends included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// Why a summary cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SummaryError {
    #[error("the period starts on {start} but ends on {end}, which is earlier")]
    PeriodBackwards { start: NaiveDate, end: NaiveDate },
}

/// Moves taken for one of the person's values, over the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ValueMoves {
    /// The value in the person's own words.
    pub value: String,
    /// The life area it belongs to, if any ("Relationships").
    pub life_area: Option<String>,
    /// Steps done.
    pub done: u32,
    /// Steps started (partial counts).
    pub started: u32,
    /// Inner shifts noticed ("I thought about calling without dread").
    pub noticed: u32,
}

impl ValueMoves {
    /// Everything that counts as a move.
    pub fn total(&self) -> u32 {
        self.done + self.started + self.noticed
    }
}

/// The check-in's three-step scale (the same words as the engine's `Level`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CheckInLevel {
    Low,
    Some,
    Good,
}

impl CheckInLevel {
    /// "low", "some", "good".
    pub fn word(self) -> &'static str {
        match self {
            CheckInLevel::Low => "low",
            CheckInLevel::Some => "some",
            CheckInLevel::Good => "good",
        }
    }
}

/// One day's check-in. Every part is optional.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckInPoint {
    pub date: NaiveDate,
    pub energy: Option<CheckInLevel>,
    pub mood: Option<CheckInLevel>,
    /// How much room there was that day.
    pub room: Option<CheckInLevel>,
}

/// A completed questionnaire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionnaireRecord {
    /// When it was answered, with the person's local offset (the true clock time, as exports give
    /// it to a clinician).
    pub taken_at: DateTime<FixedOffset>,
    /// Thaw's day it was answered on (turning at 04:00): the day a period holds it by, so a PHQ-9
    /// answered at 02:50 is in a summary that ends on the day Today showed then.
    pub day: NaiveDate,
    pub answers: QuestionnaireAnswers,
}

/// How a treatment session was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Iv,
    Im,
    Intranasal,
    OralOrLozenge,
    Other,
}

impl SessionKind {
    pub fn label(self) -> &'static str {
        match self {
            SessionKind::Iv => "IV",
            SessionKind::Im => "IM",
            SessionKind::Intranasal => "Intranasal",
            SessionKind::OralOrLozenge => "Oral or lozenge",
            SessionKind::Other => "Other",
        }
    }
}

/// Where a treatment session took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SessionSetting {
    Clinic,
    Home,
}

impl SessionSetting {
    pub fn label(self) -> &'static str {
        match self {
            SessionSetting::Clinic => "Clinic",
            SessionSetting::Home => "At home",
        }
    }
}

/// A treatment session. (No dose: the app gives no dosing or medication advice and keeps none.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TreatmentSession {
    pub at: DateTime<FixedOffset>,
    pub kind: SessionKind,
    pub setting: SessionSetting,
    /// The person's intention for the session, in their words.
    pub intention: Option<String>,
}

/// A note the person marked "to discuss".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DiscussNote {
    pub date: NaiveDate,
    pub text: String,
}

/// Something the person noticed ("I noticed something"), in their own words. In a summary only
/// when the person chose to include what they noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct NoticedNote {
    pub date: NaiveDate,
    pub text: String,
    /// The value it was about, in the person's words, if any.
    pub value: Option<String>,
}

/// Everything a visit summary is made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitSummaryInput {
    pub period: Period,
    /// When the summary is made (passed in: this crate reads no clock).
    pub generated_at: DateTime<FixedOffset>,
    /// An opaque local id for the person (never a name). Used only to tie FHIR resources together.
    pub patient_id: String,
    pub moves: Vec<ValueMoves>,
    pub check_ins: Vec<CheckInPoint>,
    pub questionnaires: Vec<QuestionnaireRecord>,
    pub sessions: Vec<TreatmentSession>,
    /// Notes marked "to discuss". Kept whatever their date: an older note may still be open.
    pub notes: Vec<DiscussNote>,
    /// What the person noticed in the period, in their words; empty unless they chose to
    /// include it.
    #[serde(default)]
    pub noticed: Vec<NoticedNote>,
}

/// A visit summary, ready to export. Check-ins, questionnaires and sessions outside the period are
/// left out; everything is in date order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VisitSummary {
    data: VisitSummaryInput,
}

impl VisitSummary {
    /// Filters to the period and sorts by date.
    pub fn new(input: VisitSummaryInput) -> Result<Self, SummaryError> {
        let mut data = input;
        let period = Period::new(data.period.start, data.period.end)?;
        data.check_ins.retain(|c| period.contains(c.date));
        data.check_ins.sort_by_key(|c| c.date);
        data.questionnaires.retain(|q| period.contains(q.day));
        data.questionnaires.sort_by_key(|q| q.taken_at);
        data.sessions.retain(|s| period.contains(s.at.date_naive()));
        data.sessions.sort_by_key(|s| s.at);
        data.notes.sort_by_key(|n| n.date);
        data.noticed.retain(|n| period.contains(n.date));
        data.noticed.sort_by_key(|n| n.date);
        Ok(VisitSummary { data })
    }

    /// The summary's data (already filtered and sorted).
    pub fn data(&self) -> &VisitSummaryInput {
        &self.data
    }

    pub fn period(&self) -> Period {
        self.data.period
    }

    /// Questionnaires in the period whose PHQ-9 item 9 is above "Not at all".
    pub fn item9_above_zero(&self) -> impl Iterator<Item = &QuestionnaireRecord> {
        self.data
            .questionnaires
            .iter()
            .filter(|q| q.answers.needs_crisis_support())
    }
}
