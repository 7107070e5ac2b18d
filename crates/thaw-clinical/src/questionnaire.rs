//! PHQ-9 and GAD-7: the exact published items, answer options and attribution, scored exactly as
//! published.
//!
//! Scores are information, never a grade: the words for people ([`Phq9Band::describe`],
//! [`Gad7Band::describe`]) say "the range often called mild", not "you are mild".
//!
//! Sources: the English PHQ-9 and GAD-7 forms of the PHQ Screeners (Spitzer, Williams, Kroenke
//! and colleagues, with an educational grant from Pfizer Inc.), each followed exactly as one
//! form: its own stem, items and closing difficulty sentence; Kroenke, Spitzer & Williams 2001
//! (PHQ-9 bands 5, 10, 15, 20); Spitzer et al. 2006 (GAD-7 cut-points 5, 10, 15). LOINC names
//! and answer codes as LOINC publishes them and US Core's screening-assessment examples use them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The attribution printed with both questionnaires, as the publishers ask.
pub const ATTRIBUTION: &str = "Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.";

/// The PHQ-9 stem, as published.
pub const PHQ9_STEM: &str =
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?";

/// The GAD-7 stem, as the PHQ Screeners GAD-7 form prints it ("two weeks" in words, and "the
/// following problems", without the PHQ-9's "any of").
pub const GAD7_STEM: &str =
    "Over the last two weeks, how often have you been bothered by the following problems?";

/// The PHQ-9 items, in order, as published.
pub const PHQ9_ITEMS: [&str; 9] = [
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself \u{2014} or that you are a failure or have let yourself or your family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite \u{2014} being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
];

/// The GAD-7 items, in order, as the same PHQ Screeners GAD-7 form prints them.
pub const GAD7_ITEMS: [&str; 7] = [
    "Feeling nervous, anxious, or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid, as if something awful might happen",
];

/// LOINC codes of the PHQ-9 items, in order (item 9 is 44260-8).
pub const PHQ9_ITEM_LOINC: [&str; 9] = [
    "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3",
    "44260-8",
];

/// LOINC codes of the GAD-7 items, in order.
pub const GAD7_ITEM_LOINC: [&str; 7] = [
    "69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7",
];

/// The four answer options shared by both questionnaires: (value, label, LOINC answer code).
pub const ANSWER_OPTIONS: [(u8, &str, &str); 4] = [
    (0, "Not at all", "LA6568-5"),
    (1, "Several days", "LA6569-3"),
    (2, "More than half the days", "LA6570-1"),
    (3, "Nearly every day", "LA6571-9"),
];

/// The PHQ-9's optional closing question, as the PHQ-9 form prints it.
pub const PHQ9_DIFFICULTY_QUESTION: &str = "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?";

/// The GAD-7's own optional closing question, as the GAD-7 form prints it.
pub const GAD7_DIFFICULTY_QUESTION: &str = "If you checked any problems, how difficult have they made it for you to do your work, take care of things at home, or get along with other people?";

/// LOINC's names (long common names) for the PHQ-9 items, in order.
pub const PHQ9_ITEM_LOINC_NAMES: [&str; 9] = [
    "Little interest or pleasure in doing things in last 2 weeks [Reported.PHQ]",
    "Feeling down, depressed, or hopeless in last 2 weeks [Reported.PHQ]",
    "Trouble falling or staying asleep, or sleeping too much in last 2 weeks [Reported.PHQ]",
    "Feeling tired or having little energy in last 2 weeks [Reported.PHQ]",
    "Poor appetite or overeating in last 2 weeks [Reported.PHQ]",
    "Feeling bad about yourself - or that you are a failure or have let yourself or your family down in last 2 weeks [Reported.PHQ]",
    "Trouble concentrating on things, such as reading the newspaper or watching television in last 2 weeks [Reported.PHQ]",
    "Moving or speaking so slowly that other people could have noticed. Or the opposite - being so fidgety or restless that you have been moving around a lot more than usual in last 2 weeks [Reported.PHQ]",
    "Thoughts that you would be better off dead, or of hurting yourself in some way in last 2 weeks [Reported.PHQ]",
];

/// LOINC's names for the GAD-7 items, in order (69689-8 is LOINC's older term, named for 4
/// weeks, which the GAD-7 panel reuses).
pub const GAD7_ITEM_LOINC_NAMES: [&str; 7] = [
    "Feeling nervous, anxious or on edge in last 2 weeks [Reported.PHQ]",
    "Over the past 2 weeks have you not been able to stop or control worrying",
    "Worrying too much about different things in last 2 weeks [Reported.PHQ]",
    "Trouble relaxing in last 2 weeks [Reported.PHQ]",
    "Being so restless that it is hard to sit still in last 2 weeks [Reported.PHQ]",
    "Becoming easily annoyed or irritable in last 4 weeks [Reported.PHQ]",
    "Feeling afraid as if something awful might happen in last 2 weeks [Reported.PHQ]",
];

/// LOINC codes used in exports.
pub mod loinc {
    /// LOINC's code system URI.
    pub const SYSTEM: &str = "http://loinc.org";
    /// PHQ-9 quick depression assessment panel.
    pub const PHQ9_PANEL: &str = "44249-1";
    /// PHQ-9 total score.
    pub const PHQ9_TOTAL: &str = "44261-6";
    /// PHQ-9 item 9 (thoughts that you would be better off dead...).
    pub const PHQ9_ITEM9: &str = "44260-8";
    /// GAD-7 panel.
    pub const GAD7_PANEL: &str = "69737-5";
    /// GAD-7 total score.
    pub const GAD7_TOTAL: &str = "70274-6";
    /// The closing difficulty question (both panels), answered from list LL359-1.
    pub const DIFFICULTY: &str = "69722-7";
    /// LOINC's name for [`DIFFICULTY`].
    pub const DIFFICULTY_NAME: &str = "How difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?";
    /// The LOINC document type of the visit summary's Composition.
    pub const PATIENT_SUMMARY_DOCUMENT: &str = "60591-5";
    /// LOINC's name for [`PATIENT_SUMMARY_DOCUMENT`].
    pub const PATIENT_SUMMARY_DOCUMENT_NAME: &str = "Patient summary Document";
}

/// Which questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    Phq9,
    Gad7,
}

impl Instrument {
    /// "PHQ-9" or "GAD-7".
    pub fn short_name(self) -> &'static str {
        match self {
            Instrument::Phq9 => "PHQ-9",
            Instrument::Gad7 => "GAD-7",
        }
    }

    /// The full published name.
    pub fn title(self) -> &'static str {
        match self {
            Instrument::Phq9 => "Patient Health Questionnaire (PHQ-9)",
            Instrument::Gad7 => "Generalized Anxiety Disorder 7-item scale (GAD-7)",
        }
    }

    /// Number of scored items.
    pub fn item_count(self) -> usize {
        match self {
            Instrument::Phq9 => 9,
            Instrument::Gad7 => 7,
        }
    }

    /// Highest possible total.
    pub fn max_total(self) -> u8 {
        3 * self.item_count() as u8
    }

    /// The published item texts.
    pub fn items(self) -> &'static [&'static str] {
        match self {
            Instrument::Phq9 => &PHQ9_ITEMS,
            Instrument::Gad7 => &GAD7_ITEMS,
        }
    }

    /// The published stem.
    pub fn stem(self) -> &'static str {
        match self {
            Instrument::Phq9 => PHQ9_STEM,
            Instrument::Gad7 => GAD7_STEM,
        }
    }

    /// The form's own closing difficulty question.
    pub fn difficulty_question(self) -> &'static str {
        match self {
            Instrument::Phq9 => PHQ9_DIFFICULTY_QUESTION,
            Instrument::Gad7 => GAD7_DIFFICULTY_QUESTION,
        }
    }

    /// LOINC's names for the items, in order.
    pub fn item_loinc_names(self) -> &'static [&'static str] {
        match self {
            Instrument::Phq9 => &PHQ9_ITEM_LOINC_NAMES,
            Instrument::Gad7 => &GAD7_ITEM_LOINC_NAMES,
        }
    }

    /// LOINC's name for the panel.
    pub fn panel_loinc_name(self) -> &'static str {
        match self {
            Instrument::Phq9 => "PHQ-9 quick depression assessment panel [Reported.PHQ]",
            Instrument::Gad7 => "Generalized anxiety disorder 7 item (GAD-7)",
        }
    }

    /// LOINC's name for the total score.
    pub fn total_loinc_name(self) -> &'static str {
        match self {
            Instrument::Phq9 => {
                "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"
            }
            Instrument::Gad7 => {
                "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"
            }
        }
    }

    /// LOINC code of the panel.
    pub fn panel_loinc(self) -> &'static str {
        match self {
            Instrument::Phq9 => loinc::PHQ9_PANEL,
            Instrument::Gad7 => loinc::GAD7_PANEL,
        }
    }

    /// LOINC code of the total score.
    pub fn total_loinc(self) -> &'static str {
        match self {
            Instrument::Phq9 => loinc::PHQ9_TOTAL,
            Instrument::Gad7 => loinc::GAD7_TOTAL,
        }
    }

    /// LOINC codes of the items.
    pub fn item_loinc(self) -> &'static [&'static str] {
        match self {
            Instrument::Phq9 => &PHQ9_ITEM_LOINC,
            Instrument::Gad7 => &GAD7_ITEM_LOINC,
        }
    }

    /// The whole questionnaire as data the UI can show.
    pub fn definition(self) -> QuestionnaireDefinition {
        QuestionnaireDefinition {
            instrument: self,
            title: self.title().to_string(),
            stem: self.stem().to_string(),
            items: self
                .items()
                .iter()
                .enumerate()
                .map(|(i, text)| QuestionItem {
                    number: i as u8 + 1,
                    text: text.to_string(),
                })
                .collect(),
            options: ANSWER_OPTIONS
                .iter()
                .map(|(value, label, _)| AnswerOption {
                    value: *value,
                    label: label.to_string(),
                })
                .collect(),
            difficulty_question: self.difficulty_question().to_string(),
            difficulty_options: Difficulty::ALL
                .iter()
                .map(|d| DifficultyOption {
                    value: *d,
                    label: d.label().to_string(),
                })
                .collect(),
            attribution: ATTRIBUTION.to_string(),
        }
    }
}

/// One published item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionItem {
    /// 1-based, as printed on the form.
    pub number: u8,
    pub text: String,
}

/// One answer option: its value (0..=3) and its published label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnswerOption {
    pub value: u8,
    pub label: String,
}

/// One option of the closing difficulty question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DifficultyOption {
    pub value: Difficulty,
    pub label: String,
}

/// A questionnaire as the UI shows it: stem, items, options, the optional difficulty question and
/// the attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuestionnaireDefinition {
    pub instrument: Instrument,
    pub title: String,
    pub stem: String,
    pub items: Vec<QuestionItem>,
    pub options: Vec<AnswerOption>,
    /// Optional; not part of the score.
    pub difficulty_question: String,
    pub difficulty_options: Vec<DifficultyOption>,
    pub attribution: String,
}

/// The optional closing question's answer. Not scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    NotDifficultAtAll,
    SomewhatDifficult,
    VeryDifficult,
    ExtremelyDifficult,
}

impl Difficulty {
    /// All options, in the published order.
    pub const ALL: [Difficulty; 4] = [
        Difficulty::NotDifficultAtAll,
        Difficulty::SomewhatDifficult,
        Difficulty::VeryDifficult,
        Difficulty::ExtremelyDifficult,
    ];

    /// The LOINC answer code (answer list LL359-1).
    pub fn loinc(self) -> &'static str {
        match self {
            Difficulty::NotDifficultAtAll => "LA6572-7",
            Difficulty::SomewhatDifficult => "LA6573-5",
            Difficulty::VeryDifficult => "LA6575-0",
            Difficulty::ExtremelyDifficult => "LA6574-3",
        }
    }

    /// The published label.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::NotDifficultAtAll => "Not difficult at all",
            Difficulty::SomewhatDifficult => "Somewhat difficult",
            Difficulty::VeryDifficult => "Very difficult",
            Difficulty::ExtremelyDifficult => "Extremely difficult",
        }
    }
}

/// Why a set of answers cannot be scored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerError {
    #[error("{instrument:?} has {expected} items, but {got} answers were given")]
    WrongCount {
        instrument: Instrument,
        expected: u8,
        got: u8,
    },
    #[error("item {item} has no answer yet")]
    Unanswered { item: u8 },
    #[error("item {item} has the answer {value}, but answers go from 0 to 3")]
    OutOfRange { item: u8, value: u8 },
    #[error("a total of {total} is outside 0 to {max}")]
    TotalOutOfRange { total: u8, max: u8 },
}

fn check_items<const N: usize>(
    instrument: Instrument,
    responses: &[Option<u8>],
) -> Result<[u8; N], AnswerError> {
    if responses.len() != N {
        return Err(AnswerError::WrongCount {
            instrument,
            expected: N as u8,
            got: responses.len().min(255) as u8,
        });
    }
    let mut items = [0u8; N];
    for (i, r) in responses.iter().enumerate() {
        let item = i as u8 + 1;
        match r {
            None => return Err(AnswerError::Unanswered { item }),
            Some(v) if *v > 3 => return Err(AnswerError::OutOfRange { item, value: *v }),
            Some(v) => items[i] = *v,
        }
    }
    Ok(items)
}

macro_rules! answers_type {
    ($name:ident, $raw:ident, $n:expr, $instrument:expr, $band:ident) => {
        #[derive(Deserialize)]
        struct $raw {
            items: Vec<Option<u8>>,
            #[serde(default)]
            difficulty: Option<Difficulty>,
        }

        impl TryFrom<$raw> for $name {
            type Error = AnswerError;
            fn try_from(raw: $raw) -> Result<Self, AnswerError> {
                $name::from_responses(&raw.items, raw.difficulty)
            }
        }

        impl $name {
            /// Validated answers: every item answered with 0..=3.
            pub fn new(
                items: [u8; $n],
                difficulty: Option<Difficulty>,
            ) -> Result<Self, AnswerError> {
                let responses: Vec<Option<u8>> = items.iter().map(|v| Some(*v)).collect();
                Self::from_responses(&responses, difficulty)
            }

            /// From the UI's answers, where an item may still be unanswered (`None`).
            pub fn from_responses(
                responses: &[Option<u8>],
                difficulty: Option<Difficulty>,
            ) -> Result<Self, AnswerError> {
                let items = check_items::<$n>($instrument, responses)?;
                Ok($name { items, difficulty })
            }

            /// The item answers, in order (item 1 first).
            pub fn items(&self) -> &[u8; $n] {
                &self.items
            }

            /// The answer to item `number` (1-based), if there is such an item.
            pub fn item(&self, number: usize) -> Option<u8> {
                number
                    .checked_sub(1)
                    .and_then(|i| self.items.get(i))
                    .copied()
            }

            /// The optional difficulty answer.
            pub fn difficulty(&self) -> Option<Difficulty> {
                self.difficulty
            }

            /// The total: the sum of the item answers, as published.
            pub fn total(&self) -> u8 {
                self.items.iter().sum()
            }

            /// The published range the total falls in.
            pub fn band(&self) -> $band {
                $band::from_total(self.total()).expect("a validated total is always in range")
            }
        }
    };
}

/// A complete, valid PHQ-9: nine answers of 0..=3, and the optional difficulty answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "RawPhq9")]
pub struct Phq9Answers {
    items: [u8; 9],
    difficulty: Option<Difficulty>,
}
answers_type!(Phq9Answers, RawPhq9, 9, Instrument::Phq9, Phq9Band);

/// A complete, valid GAD-7: seven answers of 0..=3, and the optional difficulty answer.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(try_from = "RawGad7")]
pub struct Gad7Answers {
    items: [u8; 7],
    difficulty: Option<Difficulty>,
}
answers_type!(Gad7Answers, RawGad7, 7, Instrument::Gad7, Gad7Band);

/// True when PHQ-9 item 9 is answered above "Not at all". The app then shows the crisis options,
/// the person's own safety plan, and says plainly that nobody watches the app in real time.
pub fn needs_crisis_support(answers: &Phq9Answers) -> bool {
    answers.items[8] > 0
}

/// The published PHQ-9 ranges: 0–4, 5–9, 10–14, 15–19, 20–27.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phq9Band {
    Minimal,
    Mild,
    Moderate,
    ModeratelySevere,
    Severe,
}

impl Phq9Band {
    /// The range a total falls in; an error above 27.
    pub fn from_total(total: u8) -> Result<Self, AnswerError> {
        Ok(match total {
            0..=4 => Phq9Band::Minimal,
            5..=9 => Phq9Band::Mild,
            10..=14 => Phq9Band::Moderate,
            15..=19 => Phq9Band::ModeratelySevere,
            20..=27 => Phq9Band::Severe,
            _ => return Err(AnswerError::TotalOutOfRange { total, max: 27 }),
        })
    }

    /// Lowest and highest total in this range.
    pub fn range(self) -> (u8, u8) {
        match self {
            Phq9Band::Minimal => (0, 4),
            Phq9Band::Mild => (5, 9),
            Phq9Band::Moderate => (10, 14),
            Phq9Band::ModeratelySevere => (15, 19),
            Phq9Band::Severe => (20, 27),
        }
    }

    /// The published name of the range, lower case ("moderately severe").
    pub fn name(self) -> &'static str {
        match self {
            Phq9Band::Minimal => "minimal",
            Phq9Band::Mild => "mild",
            Phq9Band::Moderate => "moderate",
            Phq9Band::ModeratelySevere => "moderately severe",
            Phq9Band::Severe => "severe",
        }
    }

    /// Words for the person: information, not a grade.
    pub fn describe(self) -> String {
        let (lo, hi) = self.range();
        format!(
            "This score is in the range often called {} ({lo} to {hi}).",
            self.name()
        )
    }
}

/// The published GAD-7 cut-points 5, 10, 15: 0–4, 5–9, 10–14, 15–21.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Gad7Band {
    Minimal,
    Mild,
    Moderate,
    Severe,
}

impl Gad7Band {
    /// The range a total falls in; an error above 21.
    pub fn from_total(total: u8) -> Result<Self, AnswerError> {
        Ok(match total {
            0..=4 => Gad7Band::Minimal,
            5..=9 => Gad7Band::Mild,
            10..=14 => Gad7Band::Moderate,
            15..=21 => Gad7Band::Severe,
            _ => return Err(AnswerError::TotalOutOfRange { total, max: 21 }),
        })
    }

    /// Lowest and highest total in this range.
    pub fn range(self) -> (u8, u8) {
        match self {
            Gad7Band::Minimal => (0, 4),
            Gad7Band::Mild => (5, 9),
            Gad7Band::Moderate => (10, 14),
            Gad7Band::Severe => (15, 21),
        }
    }

    /// The published name of the range, lower case.
    pub fn name(self) -> &'static str {
        match self {
            Gad7Band::Minimal => "minimal",
            Gad7Band::Mild => "mild",
            Gad7Band::Moderate => "moderate",
            Gad7Band::Severe => "severe",
        }
    }

    /// Words for the person: information, not a grade.
    pub fn describe(self) -> String {
        let (lo, hi) = self.range();
        format!(
            "This score is in the range often called {} ({lo} to {hi}).",
            self.name()
        )
    }
}

/// Either questionnaire's answers.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "instrument", rename_all = "snake_case")]
pub enum QuestionnaireAnswers {
    Phq9(Phq9Answers),
    Gad7(Gad7Answers),
}

impl QuestionnaireAnswers {
    pub fn instrument(&self) -> Instrument {
        match self {
            QuestionnaireAnswers::Phq9(_) => Instrument::Phq9,
            QuestionnaireAnswers::Gad7(_) => Instrument::Gad7,
        }
    }

    /// The item answers, in order.
    pub fn items(&self) -> &[u8] {
        match self {
            QuestionnaireAnswers::Phq9(a) => a.items(),
            QuestionnaireAnswers::Gad7(a) => a.items(),
        }
    }

    pub fn difficulty(&self) -> Option<Difficulty> {
        match self {
            QuestionnaireAnswers::Phq9(a) => a.difficulty(),
            QuestionnaireAnswers::Gad7(a) => a.difficulty(),
        }
    }

    pub fn total(&self) -> u8 {
        self.items().iter().sum()
    }

    /// The published name of the range the total falls in ("moderately severe").
    pub fn band_name(&self) -> &'static str {
        match self {
            QuestionnaireAnswers::Phq9(a) => a.band().name(),
            QuestionnaireAnswers::Gad7(a) => a.band().name(),
        }
    }

    /// Words for the person about the total.
    pub fn band_description(&self) -> String {
        match self {
            QuestionnaireAnswers::Phq9(a) => a.band().describe(),
            QuestionnaireAnswers::Gad7(a) => a.band().describe(),
        }
    }

    /// PHQ-9 item 9, or `None` for GAD-7.
    pub fn phq9_item9(&self) -> Option<u8> {
        match self {
            QuestionnaireAnswers::Phq9(a) => a.item(9),
            QuestionnaireAnswers::Gad7(_) => None,
        }
    }

    /// True for a PHQ-9 whose item 9 is above "Not at all".
    pub fn needs_crisis_support(&self) -> bool {
        matches!(self, QuestionnaireAnswers::Phq9(a) if needs_crisis_support(a))
    }
}

/// The published label of an answer value (0..=3), if it is one.
pub fn answer_label(value: u8) -> Option<&'static str> {
    ANSWER_OPTIONS
        .iter()
        .find(|(v, _, _)| *v == value)
        .map(|(_, l, _)| *l)
}

/// The LOINC answer code of an answer value (0..=3), if it is one.
pub fn answer_loinc(value: u8) -> Option<&'static str> {
    ANSWER_OPTIONS
        .iter()
        .find(|(v, _, _)| *v == value)
        .map(|(_, _, c)| *c)
}
