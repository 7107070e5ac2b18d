//! Fictional data for previews, examples and tests. Nothing here is about a real person.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::questionnaire::{Difficulty, Gad7Answers, Phq9Answers, QuestionnaireAnswers};
use crate::summary::{
    CheckInLevel, CheckInPoint, DiscussNote, NoticedNote, Period, QuestionnaireRecord, SessionKind,
    SessionSetting, TreatmentSession, ValueMoves, VisitSummary, VisitSummaryInput,
};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("demo times are valid RFC 3339")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("demo dates are valid")
}

/// A month with two PHQ-9s (one with question 9 above zero), a GAD-7, treatment sessions,
/// moves, four weeks of check-ins and notes to discuss.
pub fn demo_input() -> VisitSummaryInput {
    use CheckInLevel::*;
    let levels = [Low, Low, Some, Low, Some, Some, Good];
    let check_ins = (1..=28)
        .map(|d| CheckInPoint {
            date: day(2026, 3, d),
            energy: Option::Some(levels[(d as usize) % 7]),
            mood: Option::Some(levels[(d as usize + 3) % 7]),
            room: if d % 3 == 0 {
                None
            } else {
                Option::Some(levels[(d as usize + 1) % 7])
            },
        })
        .collect();
    VisitSummaryInput {
        period: Period {
            start: day(2026, 3, 1),
            end: day(2026, 3, 31),
        },
        generated_at: at("2026-04-01T09:30:00+01:00"),
        patient_id: "local-7f3a".into(),
        moves: vec![
            ValueMoves {
                value: "Being a present parent".into(),
                life_area: Option::Some("Relationships".into()),
                done: 9,
                started: 4,
                noticed: 3,
            },
            ValueMoves {
                value: "Making music again".into(),
                life_area: Option::Some("Play, interests and creativity".into()),
                done: 2,
                started: 3,
                noticed: 5,
            },
            ValueMoves {
                value: "Looking after my body".into(),
                life_area: Option::Some("Mind, body and spirit".into()),
                done: 11,
                started: 2,
                noticed: 1,
            },
        ],
        check_ins,
        questionnaires: vec![
            QuestionnaireRecord {
                taken_at: at("2026-03-02T20:15:00+01:00"),
                day: day(2026, 3, 2),
                answers: QuestionnaireAnswers::Phq9(
                    Phq9Answers::new(
                        [2, 2, 3, 2, 1, 2, 1, 1, 1],
                        Option::Some(Difficulty::VeryDifficult),
                    )
                    .expect("valid demo answers"),
                ),
            },
            QuestionnaireRecord {
                taken_at: at("2026-03-02T20:20:00+01:00"),
                day: day(2026, 3, 2),
                answers: QuestionnaireAnswers::Gad7(
                    Gad7Answers::new([2, 1, 2, 1, 1, 1, 1], None).expect("valid demo answers"),
                ),
            },
            QuestionnaireRecord {
                taken_at: at("2026-03-16T19:40:00+01:00"),
                day: day(2026, 3, 16),
                answers: QuestionnaireAnswers::Phq9(
                    Phq9Answers::new(
                        [1, 1, 2, 2, 1, 1, 1, 0, 0],
                        Option::Some(Difficulty::SomewhatDifficult),
                    )
                    .expect("valid demo answers"),
                ),
            },
        ],
        sessions: vec![
            TreatmentSession {
                at: at("2026-03-05T10:00:00+01:00"),
                kind: SessionKind::Iv,
                setting: SessionSetting::Clinic,
                intention: Option::Some("To be kinder to myself when I stall.".into()),
            },
            TreatmentSession {
                at: at("2026-03-19T10:00:00+01:00"),
                kind: SessionKind::Intranasal,
                setting: SessionSetting::Clinic,
                intention: Option::Some(
                    "To stay with the image of the garden and what it asked of me.".into(),
                ),
            },
        ],
        notes: vec![
            DiscussNote {
                date: day(2026, 3, 6),
                text: "After the first session I felt lighter for three days, then it faded. Is that usual?".into(),
            },
            DiscussNote {
                date: day(2026, 3, 21),
                text: "Sleep is still broken, waking at 4. I would like to talk about what might help.".into(),
            },
        ],
        noticed: vec![
            NoticedNote {
                date: day(2026, 3, 9),
                text: "I thought about calling my sister without the usual dread".into(),
                value: Option::Some("Being there for my sister".into()),
            },
            NoticedNote {
                date: day(2026, 3, 18),
                text: "Noticed the light on the kitchen wall and stayed with it".into(),
                value: None,
            },
        ],
    }
}

/// [`demo_input`] as a summary.
pub fn demo_summary() -> VisitSummary {
    VisitSummary::new(demo_input()).expect("the demo period runs forwards")
}
