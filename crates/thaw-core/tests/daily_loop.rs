//! The use-cases end to end against a real encrypted store in a temp folder:
//! onboarding, the daily loop, progress, journal, settings, backup and restore, erase.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_core::ipc::*;
use thaw_core::{ErrorKind, KdfParams, Thaw};

const PASSPHRASE: &str = "lantern moss quietly river seven";

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .unwrap()
}

fn thaw_in(dir: &std::path::Path) -> Thaw {
    Thaw::new(
        dir.join("data"),
        dir.join("backups"),
        KdfParams::insecure_for_tests(),
    )
}

async fn onboarded(dir: &std::path::Path) -> (Thaw, String) {
    let mut thaw = thaw_in(dir);
    assert_eq!(thaw.status().await.unwrap().vault, VaultState::New);
    let setup = thaw.create_vault(PASSPHRASE, at(2, 9)).await.unwrap();
    assert_eq!(setup.status.vault, VaultState::Unlocked);
    assert!(!setup.status.has_values);
    let keys: Vec<String> = thaw_core::library(LifeArea::Relationships)
        .unwrap()
        .into_iter()
        .take(2)
        .map(|t| t.key)
        .collect();
    thaw.add_value(
        &NewValue {
            area: LifeArea::Relationships,
            words: "Being there for my sister".into(),
            library_keys: keys,
        },
        at(2, 9),
    )
    .await
    .unwrap();
    assert!(thaw.status().await.unwrap().has_values);
    (thaw, setup.recovery_code)
}

fn offer(view: &TodayView) -> &OfferView {
    match &view.decision {
        TodayDecision::Offer(o) => o,
        TodayDecision::Rest { reason, .. } => panic!("expected an offer, got rest: {reason}"),
        TodayDecision::Between { .. } => panic!("expected an offer, got a pause"),
    }
}

#[tokio::test]
async fn first_step_is_offered_and_sized_small_without_a_check_in() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let today = thaw.today(at(2, 10)).await.unwrap();
    let o = offer(&today);
    assert_eq!(o.value_words, "Being there for my sister");
    assert!(!o.reason.is_empty());
    // No check-in means a low day: the first step is an inside one.
    assert_eq!(o.kind, RungKind::Internal, "{o:?}");
    // Asking again shows the same waiting step rather than a new one.
    let again = thaw.today(at(2, 10)).await.unwrap();
    assert_eq!(offer(&again).offer_id, o.offer_id);
}

#[tokio::test]
async fn smaller_please_gives_a_strictly_smaller_step_and_done_shows_in_progress() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let checked = thaw
        .check_in(
            &CheckInInput {
                energy: Some(Level::Good),
                mood: Some(Level::Good),
                room: Some(Level::Good),
            },
            at(2, 10),
        )
        .await
        .unwrap();
    assert_eq!(checked.check_in.unwrap().energy, Some(Level::Good));
    let first = offer(&checked).clone();
    let next = thaw
        .respond(
            &RespondInput {
                offer_id: first.offer_id,
                response: Response::SmallerPlease,
                dread_before: Some(3),
            },
            at(2, 10),
        )
        .await
        .unwrap();
    let smaller = offer(&next).clone();
    assert_ne!(smaller.offer_id, first.offer_id);
    assert!(
        smaller.seconds < first.seconds,
        "after Smaller please: {} s then {} s",
        first.seconds,
        smaller.seconds
    );

    let after = thaw
        .respond(
            &RespondInput {
                offer_id: smaller.offer_id,
                response: Response::Done,
                dread_before: Some(1),
            },
            at(2, 11),
        )
        .await
        .unwrap();
    assert_eq!(after.moves_today, 1);
    thaw.felt(
        &FeltInput {
            offer_id: smaller.offer_id,
            satisfaction_after: 3,
        },
        at(2, 11),
    )
    .await
    .unwrap();

    let progress = thaw.progress(at(2, 12)).await.unwrap();
    let moves: u32 = progress.weeks.iter().map(|w| w.inside + w.outside).sum();
    assert_eq!(moves, 1);
    assert_eq!(progress.evidence.len(), 1);
    assert_eq!(progress.evidence[0].text, smaller.text);
    assert_eq!(
        progress.evidence[0].value_words.as_deref(),
        Some("Being there for my sister")
    );
    let week = progress.feelings.last().unwrap();
    assert_eq!(week.satisfaction_after, Some(3.0));
    assert!(progress.values[0].points.last().unwrap().strength > 0.0);
}

#[tokio::test]
async fn a_check_in_resizes_the_step_that_was_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let before = offer(&thaw.today(at(2, 10)).await.unwrap()).clone();
    assert!(before.reason.contains("check-in"), "{}", before.reason);
    let after = thaw
        .check_in(
            &CheckInInput {
                energy: Some(Level::Good),
                mood: Some(Level::Good),
                room: Some(Level::Good),
            },
            at(2, 10),
        )
        .await
        .unwrap();
    let resized = offer(&after).clone();
    assert_ne!(resized.offer_id, before.offer_id);
    assert!(
        !resized.reason.contains("Without a check-in"),
        "{}",
        resized.reason
    );
    // The earlier step is gone from the screen: answering it is refused kindly.
    let stale = thaw
        .respond(
            &RespondInput {
                offer_id: before.offer_id,
                response: Response::Done,
                dread_before: None,
            },
            at(2, 10),
        )
        .await
        .unwrap_err();
    assert_eq!(stale.kind, ErrorKind::NotFound);
    // Once the new step is answered, the old one does not come back.
    let next = thaw
        .respond(
            &RespondInput {
                offer_id: resized.offer_id,
                response: Response::Done,
                dread_before: None,
            },
            at(2, 11),
        )
        .await
        .unwrap();
    if let TodayDecision::Offer(o) = &next.decision {
        assert_ne!(o.offer_id, before.offer_id);
        assert_ne!(o.offer_id, resized.offer_id);
    }
}

#[tokio::test]
async fn not_now_is_a_rest_not_a_penalty() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let first = offer(&thaw.today(at(2, 10)).await.unwrap()).clone();
    let mut view = thaw
        .respond(
            &RespondInput {
                offer_id: first.offer_id,
                response: Response::NotNow,
                dread_before: None,
            },
            at(2, 10),
        )
        .await
        .unwrap();
    // Nothing is pushed after Not now: the next step comes when the person asks.
    assert!(
        matches!(view.decision, TodayDecision::Between { bit_more: None }),
        "{view:?}"
    );
    assert_eq!(view.said.as_deref(), Some("Not now is a real answer."));
    view = thaw.moment(at(2, 10)).await.unwrap();
    // A second Not now rests the day, kindly.
    if let TodayDecision::Offer(o) = &view.decision {
        view = thaw
            .respond(
                &RespondInput {
                    offer_id: o.offer_id,
                    response: Response::NotNow,
                    dread_before: None,
                },
                at(2, 10),
            )
            .await
            .unwrap();
    }
    match &view.decision {
        TodayDecision::Rest { reason, .. } => assert!(!reason.contains('!')),
        other => panic!("expected rest after two Not nows, got {other:?}"),
    }
    // Tomorrow there is a step again, no smaller than yesterday's first one.
    let tomorrow = offer(&thaw.today(at(3, 10)).await.unwrap()).clone();
    assert!(tomorrow.seconds >= first.seconds);
}

#[tokio::test]
async fn responding_to_a_step_no_longer_on_screen_is_a_kind_error() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let err = thaw
        .respond(
            &RespondInput {
                offer_id: 9999,
                response: Response::Done,
                dread_before: None,
            },
            at(2, 10),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = thaw
        .notice(
            &ShiftInput {
                value_id: None,
                note: "   ".into(),
            },
            at(2, 10),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
}

#[tokio::test]
async fn lock_unlock_wrong_passphrase_and_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, code) = onboarded(dir.path()).await;
    thaw.notice(
        &ShiftInput {
            value_id: None,
            note: "I thought about calling without dread".into(),
        },
        at(2, 10),
    )
    .await
    .unwrap();
    assert_eq!(thaw.lock().await.unwrap().vault, VaultState::Locked);
    assert_eq!(thaw.values().await.unwrap_err().kind, ErrorKind::Locked);

    let err = thaw
        .unlock("not my passphrase", at(2, 11))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    assert!(!err.message.contains("not my passphrase"));

    let status = thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap();
    assert_eq!(status.vault, VaultState::Unlocked);
    assert_eq!(thaw.today(at(2, 11)).await.unwrap().noticed_today, 1);

    thaw.lock().await.unwrap();
    let new = "a different gentle passphrase here";
    thaw.unlock_with_recovery(&code.to_lowercase(), new, at(2, 12))
        .await
        .unwrap();
    thaw.lock().await.unwrap();
    assert_eq!(
        thaw.unlock(PASSPHRASE, at(2, 12)).await.unwrap_err().kind,
        ErrorKind::WrongSecret
    );
    thaw.unlock(new, at(2, 12)).await.unwrap();
}

#[tokio::test]
async fn backup_then_restore_into_a_fresh_folder_shows_the_same_data() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, code) = onboarded(dir.path()).await;
    thaw.add_journal(
        &JournalInput {
            text: "The session felt like a window opening".into(),
            prompt: Some("What did you notice?".into()),
            session_id: None,
            to_discuss: true,
        },
        at(2, 20),
    )
    .await
    .unwrap();
    let chosen = dir.path().join(Thaw::backup_file_name(at(2, 21)));
    let done = thaw.backup_to(&chosen, at(2, 21)).await.unwrap();
    assert_eq!(done.file.name, "thaw-backup-2026-03-02.thawbackup");
    assert!(done.bytes > 0);

    let other = tempfile::tempdir().unwrap();
    let mut fresh = thaw_in(other.path());
    fresh.choose_backup(&chosen, at(3, 9)).unwrap();
    let wrong = fresh
        .restore(
            &RestoreInput {
                secret: "wrong words entirely".into(),
                replace_existing: false,
            },
            at(3, 9),
        )
        .await
        .unwrap_err();
    assert_eq!(wrong.kind, ErrorKind::WrongSecret);
    assert_eq!(fresh.status().await.unwrap().vault, VaultState::New);

    let status = fresh
        .restore(
            &RestoreInput {
                secret: code,
                replace_existing: false,
            },
            at(3, 9),
        )
        .await
        .unwrap();
    assert_eq!(status.vault, VaultState::Unlocked);
    assert_eq!(fresh.values().await.unwrap(), thaw.values().await.unwrap());
    assert_eq!(
        fresh.journal().await.unwrap(),
        thaw.journal().await.unwrap()
    );

    // Restoring over existing data needs an explicit yes.
    fresh.choose_backup(&chosen, at(3, 9)).unwrap();
    let refused = fresh
        .restore(
            &RestoreInput {
                secret: PASSPHRASE.into(),
                replace_existing: false,
            },
            at(3, 9),
        )
        .await
        .unwrap_err();
    assert_eq!(refused.kind, ErrorKind::WouldReplaceData);
    assert!(
        fresh.is_unlocked(),
        "a refused restore leaves Thaw as it was"
    );
}

#[tokio::test]
async fn erase_everything_needs_the_words_and_removes_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let erase = |confirm: &str, secret: &str| EraseInput {
        confirm: confirm.into(),
        secret: secret.into(),
        remove_files: vec![],
    };
    let err = thaw
        .erase_everything(&erase("yes", PASSPHRASE))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(thaw.is_unlocked());
    let err = thaw
        .erase_everything(&erase("erase everything", "not it"))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    assert!(thaw.is_unlocked());
    let status = thaw
        .erase_everything(&erase("Erase everything", PASSPHRASE))
        .await
        .unwrap();
    assert_eq!(status.vault, VaultState::New);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("data"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "files left behind: {left:?}");
}

#[tokio::test]
async fn settings_are_kept_and_bad_ones_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let mut s = thaw.settings().await.unwrap();
    assert_eq!(s.prompts_per_day, 2);
    s.prompts_per_day = 1;
    s.auto_lock_minutes = 3;
    thaw.save_settings(&s, at(2, 9)).await.unwrap();
    let mut bad = s.clone();
    bad.quiet_from_hour = 25;
    assert_eq!(
        thaw.save_settings(&bad, at(2, 9)).await.unwrap_err().kind,
        ErrorKind::InvalidInput
    );
    thaw.lock().await.unwrap();
    thaw.unlock(PASSPHRASE, at(2, 10)).await.unwrap();
    assert_eq!(thaw.settings().await.unwrap(), s);
}

#[tokio::test]
async fn a_prompt_sent_while_locked_is_logged_at_the_next_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let morning = at(3, 7);
    let planned = thaw
        .plan_prompt(morning)
        .await
        .unwrap()
        .expect("a prompt today");
    assert!(planned >= morning);
    thaw.lock().await.unwrap();
    // Locked: the plan made at unlock still stands, and nothing personal is needed to send it.
    assert_eq!(thaw.plan_prompt(morning).await.unwrap(), Some(planned));
    assert!(thaw
        .take_due_prompt(planned - Duration::minutes(1))
        .is_none());
    let (sent, text) = thaw.take_due_prompt(planned).expect("due");
    assert!(!text.body().contains("sister"));
    thaw.prompt_answered(sent, thaw_core::PromptResponse::NotNow, planned)
        .await
        .unwrap();
    thaw.unlock(PASSPHRASE, planned + Duration::minutes(5))
        .await
        .unwrap();
    // The Not now reached the store: no more prompts today; the plan goes on tomorrow.
    let after = planned + Duration::minutes(10);
    let next = thaw.plan_prompt(after).await.unwrap().expect("tomorrow's");
    assert!(thaw_engine::day_of(next) > thaw_engine::day_of(after));
    assert!(thaw
        .prompt_plan()
        .iter()
        .all(|p| thaw_engine::day_of(p.at) > thaw_engine::day_of(after)));
}

/// A person who puts away the movement (or the whole value) of the step on screen has said
/// they do not want it now: Today and "I have a moment" no longer show that step, and offer
/// from what is still theirs, or nothing when nothing is.
#[tokio::test]
async fn a_step_whose_movement_or_value_is_put_away_is_no_longer_shown() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = onboarded(dir.path()).await;
    let first = offer(&thaw.today(at(2, 10)).await.unwrap()).clone();
    let movements = thaw.movements().await.unwrap();
    assert_eq!(movements.len(), 2, "{movements:?}");
    let shown = movements
        .iter()
        .find(|m| m.title == first.movement_title)
        .unwrap()
        .id;
    thaw.set_movement_archived(shown, true).await.unwrap();

    for view in [
        thaw.today(at(2, 10)).await.unwrap(),
        thaw.moment(at(2, 10)).await.unwrap(),
    ] {
        let now = offer(&view);
        assert_ne!(
            now.offer_id, first.offer_id,
            "the put-away step is not shown again"
        );
        assert_ne!(now.movement_title, first.movement_title);
        assert_eq!(now.value_words, "Being there for my sister");
    }

    thaw.set_value_archived(first.value_id, true).await.unwrap();
    for view in [
        thaw.today(at(2, 10)).await.unwrap(),
        thaw.moment(at(2, 10)).await.unwrap(),
    ] {
        match &view.decision {
            TodayDecision::Rest { kind, .. } => assert_eq!(*kind, RestKind::NothingToOfferYet),
            other => panic!("nothing is offered for a value put away: {other:?}"),
        }
    }

    // Brought back, it is offered again.
    thaw.set_value_archived(first.value_id, false)
        .await
        .unwrap();
    let back = thaw.today(at(2, 10)).await.unwrap();
    assert_eq!(offer(&back).value_words, "Being there for my sister");
}
