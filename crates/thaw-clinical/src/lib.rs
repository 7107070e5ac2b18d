//! Thaw's clinical parts, kept pure and testable.
//!
//! - [`questionnaire`]: PHQ-9 and GAD-7 with their exact published items, scored as published,
//!   and [`questionnaire::needs_crisis_support`] (PHQ-9 item 9 above "Not at all").
//! - [`safety`]: the Stanley-Brown safety plan, crisis resources by region (US default), and a
//!   [`safety::CrisisResources::locked_view`] that carries public numbers only.
//! - [`reach`]: a number as the person wrote it, turned into the `tel:` or `sms:` URI a phone
//!   understands, or refused when it cannot be dialled as written.
//! - [`summary`]: the visit summary for a period, built from plain data.
//! - [`export`]: the visit summary as a readable page (HTML), a real PDF, a CSV and an HL7 FHIR R4
//!   Bundle. Every export says what it contains and that the file is not encrypted.
//!
//! No clock reads (time is passed in), no network, no file IO except writing to a `Write` the
//! caller gives.

pub mod demo;
pub mod export;
pub mod questionnaire;
pub mod reach;
pub mod safety;
pub mod summary;
mod uuid;
pub mod words;

pub use export::{ExportFormat, PageSize};
pub use questionnaire::{
    needs_crisis_support, AnswerError, Difficulty, Gad7Answers, Gad7Band, Instrument, Phq9Answers,
    Phq9Band, QuestionnaireAnswers, QuestionnaireDefinition,
};
pub use safety::{CrisisResource, CrisisResources, LockedCrisisView, SafetyPlan};
pub use summary::{VisitSummary, VisitSummaryInput};
