//! Sessions, questionnaires, the safety plan, crisis numbers and the visit summary,
//! against a real encrypted store.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone};
use thaw_core::ipc::*;
use thaw_core::{ErrorKind, KdfParams, Thaw};

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::west_opt(5 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 4, day, hour, 0, 0)
        .unwrap()
}

async fn unlocked(dir: &std::path::Path) -> Thaw {
    let mut thaw = Thaw::new(
        dir.join("data"),
        dir.join("exports"),
        KdfParams::insecure_for_tests(),
    );
    thaw.create_vault("lantern moss quietly river seven", at(1, 9))
        .await
        .unwrap();
    thaw
}

#[tokio::test]
async fn item_nine_above_zero_asks_for_the_crisis_screen() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = unlocked(dir.path()).await;
    let calm = thaw
        .submit_questionnaire(
            &QuestionnaireInput {
                instrument: Instrument::Phq9,
                answers: vec![1, 1, 1, 1, 0, 0, 0, 0, 0],
            },
            at(2, 9),
        )
        .await
        .unwrap();
    assert_eq!(calm.total, 4);
    assert!(!calm.needs_crisis_support);
    let worried = thaw
        .submit_questionnaire(
            &QuestionnaireInput {
                instrument: Instrument::Phq9,
                answers: vec![2, 2, 1, 1, 1, 1, 1, 1, 1],
            },
            at(3, 9),
        )
        .await
        .unwrap();
    assert_eq!(worried.total, 11);
    assert!(worried.needs_crisis_support);
    let screen = thaw.crisis_screen().await.unwrap();
    assert!(screen.public_numbers.iter().any(|n| n.number == "988"));
    assert!(screen.nobody_watches.to_lowercase().contains("real time"));

    let history = thaw.questionnaires().await.unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1].item9, Some(1));
    thaw.flag_questionnaire(history[1].id, true).await.unwrap();
    assert!(thaw.questionnaires().await.unwrap()[1].flagged_for_visit);
}

#[tokio::test]
async fn bad_answers_are_refused_kindly_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = unlocked(dir.path()).await;
    for answers in [vec![0; 8], vec![0, 0, 0, 0, 0, 0, 4]] {
        let instrument = if answers.len() == 8 {
            Instrument::Phq9
        } else {
            Instrument::Gad7
        };
        let err = thaw
            .submit_questionnaire(
                &QuestionnaireInput {
                    instrument,
                    answers,
                },
                at(2, 9),
            )
            .await
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidInput);
    }
    assert!(thaw.questionnaires().await.unwrap().is_empty());
}

#[tokio::test]
async fn crisis_numbers_need_no_unlock_and_carry_nothing_personal() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = unlocked(dir.path()).await;
    let mut plan = thaw.safety_plan().await.unwrap();
    plan.people_to_ask_for_help.push(PlanContact {
        name: "Sister Marguerite-Marker".into(),
        phone: Some("555-0199".into()),
        note: None,
    });
    thaw.save_safety_plan(&plan, at(2, 9)).await.unwrap();
    thaw.lock().await.unwrap();
    let locked = thaw.crisis_locked();
    let json = serde_json::to_string(&locked).unwrap();
    assert!(json.contains("988"));
    assert!(!json.contains("Marguerite"));
    assert!(!json.contains("555-0199"));
}

#[tokio::test]
async fn crisis_lines_are_editable_and_shown_while_locked() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = unlocked(dir.path()).await;
    let mut lines = thaw.crisis_lines().await.unwrap();
    assert_eq!(lines.region, "US");
    lines.region = "GB".into();
    lines.region_name = "United Kingdom".into();
    lines.resources.truncate(1);
    lines.resources[0].name = "Samaritans".into();
    lines.resources[0].number = "116 123".into();
    lines.resources[0].description = "Call 116 123, any time, free.".into();
    lines.resources[0].public = false;
    let saved = thaw.save_crisis_lines(&lines, at(2, 9)).await.unwrap();
    assert!(saved.resources[0].public, "region lines are public numbers");

    let mut bad = saved.clone();
    bad.resources[0].number = "call me maybe".into();
    let err = thaw.save_crisis_lines(&bad, at(2, 9)).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    bad.resources.clear();
    assert!(thaw.save_crisis_lines(&bad, at(2, 9)).await.is_err());

    thaw.lock().await.unwrap();
    let locked = serde_json::to_string(&thaw.crisis_locked()).unwrap();
    assert!(locked.contains("116 123"));
    thaw.unlock("lantern moss quietly river seven", at(2, 10))
        .await
        .unwrap();
    let screen = thaw.crisis_screen().await.unwrap();
    assert_eq!(screen.public_numbers[0].number, "116 123");
}

#[tokio::test]
async fn sessions_open_the_integration_window_and_the_summary_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = unlocked(dir.path()).await;
    thaw.add_session(
        &SessionInput {
            at: at(3, 10),
            kind: SessionKind::Iv,
            setting: SessionSetting::Clinic,
            intention: Some("To be kinder to myself".into()),
            notes: None,
        },
        at(3, 15),
    )
    .await
    .unwrap();
    assert_eq!(
        thaw.today(at(5, 9)).await.unwrap().days_since_session,
        Some(2)
    );
    thaw.add_journal(
        &JournalInput {
            text: "Ask about the booster timing".into(),
            prompt: None,
            session_id: None,
            to_discuss: true,
        },
        at(5, 9),
    )
    .await
    .unwrap();
    thaw.submit_questionnaire(
        &QuestionnaireInput {
            instrument: Instrument::Gad7,
            answers: vec![1, 1, 1, 1, 1, 0, 0],
        },
        at(5, 10),
    )
    .await
    .unwrap();
    let from = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    let to = NaiveDate::from_ymd_opt(2026, 4, 30).unwrap();
    let summary = thaw.visit_summary(from, to, false, at(6, 9)).await.unwrap();
    assert_eq!(summary.data().sessions.len(), 1);
    assert_eq!(summary.data().questionnaires.len(), 1);
    assert_eq!(summary.data().notes[0].text, "Ask about the booster timing");

    for format in [
        ExportFormat::Pdf,
        ExportFormat::Html,
        ExportFormat::Csv,
        ExportFormat::FhirJson,
    ] {
        let input = ExportInput {
            from,
            to,
            format,
            include_noticed: false,
        };
        let chosen = dir.path().join(thaw.export_file_name(&input).unwrap());
        let done = thaw
            .export_summary(&input, &chosen, at(6, 9))
            .await
            .unwrap();
        let bytes = std::fs::read(&chosen).unwrap();
        assert!(!bytes.is_empty());
        assert!(done.notice.to_lowercase().contains("not encrypted"));
        if format == ExportFormat::Pdf {
            assert!(bytes.starts_with(b"%PDF"));
        }
    }
    let backwards = thaw
        .visit_summary(to, from, false, at(6, 9))
        .await
        .unwrap_err();
    assert_eq!(backwards.kind, ErrorKind::InvalidInput);
}

#[tokio::test]
async fn a_questionnaire_reminder_comes_every_two_weeks_and_can_be_turned_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = unlocked(dir.path()).await;
    thaw.add_value(
        &NewValue {
            area: LifeArea::MindBodySpirit,
            words: "Feeling at home in my body".into(),
            library_keys: vec![],
        },
        at(1, 9),
    )
    .await
    .unwrap();
    assert!(
        !thaw.questionnaire_due(at(2, 9)).await.unwrap(),
        "not on the first days"
    );
    assert!(thaw.questionnaire_due(at(15, 9)).await.unwrap());
    thaw.submit_questionnaire(
        &QuestionnaireInput {
            instrument: Instrument::Phq9,
            answers: vec![0; 9],
        },
        at(15, 9),
    )
    .await
    .unwrap();
    assert!(!thaw.questionnaire_due(at(28, 9)).await.unwrap());
    assert!(thaw.questionnaire_due(at(29, 9)).await.unwrap());
    let mut s = thaw.settings().await.unwrap();
    s.questionnaire_every_days = 0;
    thaw.save_settings(&s, at(16, 9)).await.unwrap();
    assert!(!thaw.questionnaire_due(at(30, 12)).await.unwrap());
}
