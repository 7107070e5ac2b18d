//! The words of the engine: values, movements and their ladders, check-ins, responses, offers.
//!
//! Ids are plain `i64` so the store can map its rows straight onto them. Times are
//! `DateTime<FixedOffset>` because the person's local offset decides what "today" and "an hour"
//! mean; they always come in from outside, the engine never reads a clock.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::capacity::prior_difficulty;

/// The five life areas of behavioural activation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LifeArea {
    /// Relationships: family, friends, partner, community.
    Relationships,
    /// Work, study and contributing.
    WorkStudyContributing,
    /// Play, interests and creativity.
    PlayInterestsCreativity,
    /// Mind, body and spirit.
    MindBodySpirit,
    /// Daily responsibilities: home, money, care of things.
    DailyResponsibilities,
}

impl LifeArea {
    /// All five, in a stable order.
    pub const ALL: [LifeArea; 5] = [
        LifeArea::Relationships,
        LifeArea::WorkStudyContributing,
        LifeArea::PlayInterestsCreativity,
        LifeArea::MindBodySpirit,
        LifeArea::DailyResponsibilities,
    ];
}

/// Something the person cares about, in their own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Value {
    pub id: i64,
    pub area: LifeArea,
    /// The person's own words, e.g. "Being there for my sister".
    pub words: String,
}

/// What kind of step a rung is, from the inside out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RungKind {
    /// Happens inside: picture it, notice it, think of it without doing it.
    Internal,
    /// Getting something ready: shoes by the door, the number on the screen.
    Preparation,
    /// The first minute or two of the act, with permission to stop.
    FirstMinutes,
    /// The act itself.
    Act,
}

impl RungKind {
    /// Inside moves (internal shifts and internal rungs) are counted apart from outside ones.
    pub fn is_inside(self) -> bool {
        self == RungKind::Internal
    }
}

/// One step on a ladder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Rung {
    /// What to do, in second person, e.g. "Put your shoes by the door."
    pub text: String,
    pub kind: RungKind,
    /// Roughly how long it takes.
    pub seconds: u32,
    /// Prior difficulty on the logistic scale (logits); the model learns a correction per rung.
    pub difficulty: f64,
}

impl Rung {
    /// A rung whose prior difficulty follows from its kind and length (see `capacity`).
    pub fn new(text: impl Into<String>, kind: RungKind, seconds: u32) -> Self {
        Rung {
            text: text.into(),
            kind,
            seconds,
            difficulty: prior_difficulty(kind, seconds),
        }
    }
}

/// A way of moving towards a value, with its ladder of rungs, smallest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Movement {
    pub id: i64,
    pub value_id: i64,
    pub title: String,
    /// Smallest first. A movement with no rungs is never offered.
    pub rungs: Vec<Rung>,
    /// Practice and integration (journaling, talking an insight through, a mindful walk):
    /// leaned towards in the days after a treatment session.
    #[serde(default)]
    pub integration: bool,
}

/// A small three-step scale the check-in uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Some,
    Good,
}

/// Today's check-in. Every part is optional; a part left out is read as `Low`, because when we
/// do not know, we err small.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CheckIn {
    pub energy: Option<Level>,
    pub mood: Option<Level>,
    /// How much room there is today (time, obligations, people around).
    pub room: Option<Level>,
}

/// How the person answered an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Response {
    /// Did it. Full evidence of capacity.
    Done,
    /// Began it. Partial counts: half evidence.
    Started,
    /// Too big right now: strong evidence, and the next offer is strictly smaller.
    SmallerPlease,
    /// A rest, not a failure: no update at all, and fewer offers today.
    NotNow,
    /// Another value or movement, about the same size.
    SomethingElse,
}

/// A reply to the offer that was shown last, with how it felt (both optional, 0..=4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Reply {
    pub response: Response,
    /// Dread before starting, 0 (none) ..= 4 (a lot). Values above 4 are read as 4.
    pub dread_before: Option<u8>,
    /// Satisfaction afterwards, 0 (none) ..= 4 (a lot). Values above 4 are read as 4.
    pub satisfaction_after: Option<u8>,
}

impl Reply {
    /// A reply with no feelings recorded.
    pub fn plain(response: Response) -> Self {
        Reply {
            response,
            dread_before: None,
            satisfaction_after: None,
        }
    }
}

/// An internal shift the person noticed, e.g. "I thought about calling without dread".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InternalShift {
    /// The value it relates to, if the person picked one.
    pub value_id: Option<i64>,
    pub note: String,
}

/// A logged treatment session (for the engine only its time matters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TreatmentSession {
    pub at: DateTime<FixedOffset>,
}

/// How big an offer is, for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SizeEstimate {
    pub seconds: u32,
    /// E.g. "about 30 seconds", "about 2 minutes".
    pub words: String,
}

/// One small step offered now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Offer {
    pub value_id: i64,
    pub movement_id: i64,
    /// Index into the movement's rungs. `None` is the breath-sized step below the smallest rung,
    /// offered only after "Smaller please" on rung 0. Sizes order as `None < Some(0) < Some(1)…`.
    pub rung_index: Option<u32>,
    /// What to do, in second person.
    pub text: String,
    pub kind: RungKind,
    pub size: SizeEstimate,
    /// One plain sentence saying why this one, tied to today's inputs.
    pub reason: String,
    /// The model's estimate that this goes well today, 0..1.
    pub predicted_success: f64,
    /// The effective difficulty used (logits); lets "Something else" keep the same size.
    pub difficulty: f64,
}

/// Why the engine offers rest instead of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RestKind {
    /// Today's steps are taken.
    BudgetSpent,
    /// "Not now" was said enough today; that is a real answer.
    NotNowToday,
    /// Even the breath-sized step was too much today.
    SmallestWasTooMuch,
    /// Plenty of choosing for one day.
    EnoughChoosing,
    /// No values with movements yet.
    NothingToOfferYet,
}

/// What the engine proposes now: one step, or rest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    Offer(Offer),
    Rest { kind: RestKind, reason: String },
}

impl Decision {
    /// The offer, if this is one.
    pub fn offer(&self) -> Option<&Offer> {
        match self {
            Decision::Offer(o) => Some(o),
            Decision::Rest { .. } => None,
        }
    }
}
