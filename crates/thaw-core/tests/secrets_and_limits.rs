//! Nobody let in: every secret is checked every time, destroying data needs the secret, a
//! damaged vault says so, the crisis numbers never wait for the facade, and every input has a
//! limit that is refused kindly with nothing lost. Real encrypted stores in temp folders.

use std::path::Path;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_core::ipc::*;
use thaw_core::{limits, ErrorKind, KdfParams, Thaw};

const PASSPHRASE: &str = "lantern moss quietly river seven";
const NEW_PASSPHRASE: &str = "copper walrus tangerine fog";

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .unwrap()
}

fn thaw_in(dir: &Path) -> Thaw {
    Thaw::new(
        dir.join("data"),
        dir.join("backups"),
        KdfParams::insecure_for_tests(),
    )
}

/// A set-up Thaw with one value and one journal entry; returns it (open) and the recovery code.
async fn set_up(dir: &Path) -> (Thaw, String) {
    let mut thaw = thaw_in(dir);
    let setup = thaw.create_vault(PASSPHRASE, at(2, 9)).await.unwrap();
    thaw.add_value(
        &NewValue {
            area: LifeArea::Relationships,
            words: "Being there for my sister".into(),
            library_keys: vec![],
        },
        at(2, 9),
    )
    .await
    .unwrap();
    thaw.add_journal(&journal("A window opening"), at(2, 10))
        .await
        .unwrap();
    (thaw, setup.recovery_code)
}

fn journal(text: &str) -> JournalInput {
    JournalInput {
        text: text.into(),
        prompt: None,
        session_id: None,
        to_discuss: false,
    }
}

/// A well-formed recovery code that is not this vault's.
fn made_up_code(real: &str) -> String {
    let mut other = real.to_string().into_bytes();
    other[0] = if other[0] == b'A' { b'B' } else { b'A' };
    String::from_utf8(other).unwrap()
}

#[tokio::test]
async fn a_made_up_recovery_code_never_sets_a_passphrase_even_while_open() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, code) = set_up(dir.path()).await;
    assert!(thaw.is_unlocked());

    let err = thaw
        .unlock_with_recovery(&made_up_code(&code), NEW_PASSPHRASE, at(2, 11))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    assert!(err.message.contains("recovery code"), "{}", err.message);
    assert!(
        !err.message.contains("capitals and spaces count"),
        "{}",
        err.message
    );

    // The attacker's passphrase does not open Thaw; the person's own still does.
    thaw.lock().await.unwrap();
    let err = thaw.unlock(NEW_PASSPHRASE, at(2, 12)).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    thaw.unlock(PASSPHRASE, at(2, 12)).await.unwrap();

    // The real code, while open, does set a new passphrase.
    thaw.unlock_with_recovery(&code, NEW_PASSPHRASE, at(2, 13))
        .await
        .unwrap();
    thaw.lock().await.unwrap();
    thaw.unlock(NEW_PASSPHRASE, at(2, 13)).await.unwrap();
}

#[tokio::test]
async fn unlock_checks_the_passphrase_while_open_too() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = set_up(dir.path()).await;
    let err = thaw
        .unlock("not my words at all", at(2, 11))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    assert_eq!(
        thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap().vault,
        VaultState::Unlocked
    );
}

#[tokio::test]
async fn changing_the_passphrase_needs_the_current_one_or_the_recovery_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, code) = set_up(dir.path()).await;
    let change = |current: &str, new: &str| ChangePassphrase {
        current: current.into(),
        new_passphrase: new.into(),
    };
    let err = thaw
        .change_passphrase(&change("a guess", NEW_PASSPHRASE))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    let err = thaw
        .change_passphrase(&change(&made_up_code(&code), NEW_PASSPHRASE))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);

    thaw.change_passphrase(&change(&code.to_lowercase(), NEW_PASSPHRASE))
        .await
        .unwrap();
    thaw.lock().await.unwrap();
    thaw.unlock(NEW_PASSPHRASE, at(2, 12)).await.unwrap();
}

#[tokio::test]
async fn erasing_while_locked_needs_the_passphrase_or_the_code() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, code) = set_up(dir.path()).await;
    thaw.lock().await.unwrap();
    let erase = |secret: &str| EraseInput {
        confirm: "erase everything".into(),
        secret: secret.into(),
        remove_files: vec![],
    };
    for secret in ["", "a guess", &made_up_code(&code)] {
        let err = thaw.erase_everything(&erase(secret)).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::WrongSecret, "{secret:?}");
        assert!(err.message.contains("erased"), "{}", err.message);
        assert_eq!(thaw.status().await.unwrap().vault, VaultState::Locked);
    }
    thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap();
    assert_eq!(thaw.journal().await.unwrap().len(), 1, "nothing was erased");
    thaw.lock().await.unwrap();

    let status = thaw.erase_everything(&erase(&code)).await.unwrap();
    assert_eq!(status.vault, VaultState::New);
}

#[tokio::test]
async fn start_anew_sets_the_data_aside_and_only_its_secret_or_a_week_deletes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, code) = set_up(dir.path()).await;
    let refused = thaw.start_anew(at(2, 11)).await.unwrap_err();
    assert_eq!(refused.kind, ErrorKind::InvalidInput, "not while open");
    thaw.lock().await.unwrap();

    let status = thaw.start_anew(at(2, 11)).await.unwrap();
    assert_eq!(status.vault, VaultState::New);
    let aside = thaw.set_aside_data(at(2, 11)).unwrap();
    assert_eq!(aside.len(), 1);
    assert!(!aside[0].can_delete_now);
    let folder = dir.path().join("data").join(&aside[0].id);
    assert!(folder.join("thaw.db").is_file() && folder.join("vault.json").is_file());
    let note = std::fs::read_to_string(folder.join("ABOUT THIS FOLDER.txt")).unwrap();
    assert!(note.contains("still encrypted"), "{note}");

    // While nothing new is set up, it can be put back and opens with its own passphrase.
    thaw.put_back_set_aside(&aside[0].id).await.unwrap();
    thaw.unlock(PASSPHRASE, at(2, 12)).await.unwrap();
    assert_eq!(thaw.journal().await.unwrap().len(), 1);
    thaw.lock().await.unwrap();

    // Set aside again; a new Thaw is set up by someone with neither secret.
    thaw.start_anew(at(2, 13)).await.unwrap();
    let id = thaw.set_aside_data(at(2, 13)).unwrap()[0].id.clone();
    thaw.create_vault(NEW_PASSPHRASE, at(2, 13)).await.unwrap();
    let err = thaw.put_back_set_aside(&id).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::AlreadySetUp);

    // A minute later: refused without the old secret, and with a wrong one.
    let delete = |secret: Option<&str>| DeleteSetAside {
        id: id.clone(),
        secret: secret.map(String::from),
    };
    let err = thaw
        .delete_set_aside(&delete(None), at(2, 14))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(err.message.contains("9 March 2026"), "{}", err.message);
    let err = thaw
        .delete_set_aside(&delete(Some("a guess")), at(2, 14))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    assert!(folder.parent().unwrap().join(&id).is_dir(), "kept");

    // With its recovery code it goes at once; after a week it would go without.
    let left = thaw
        .delete_set_aside(&delete(Some(&code)), at(2, 14))
        .await
        .unwrap();
    assert!(left.is_empty());
    assert!(!dir.path().join("data").join(&id).exists());
}

#[tokio::test]
async fn set_aside_data_can_be_deleted_without_a_secret_after_a_week() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = set_up(dir.path()).await;
    thaw.lock().await.unwrap();
    thaw.start_anew(at(2, 11)).await.unwrap();
    thaw.create_vault(NEW_PASSPHRASE, at(2, 12)).await.unwrap();
    let later = at(9, 12);
    let aside = thaw.set_aside_data(later).unwrap();
    assert!(aside[0].can_delete_now);
    let input = DeleteSetAside {
        id: aside[0].id.clone(),
        secret: None,
    };
    assert!(thaw
        .delete_set_aside(&input, later)
        .await
        .unwrap()
        .is_empty());
    // Only its own folders: a path is never accepted as an id.
    let err = thaw
        .delete_set_aside(
            &DeleteSetAside {
                id: "../data".into(),
                secret: None,
            },
            later,
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn a_damaged_vault_says_so_and_the_other_secret_still_opens_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, code) = set_up(dir.path()).await;
    thaw.lock().await.unwrap();
    let vault_path = dir.path().join("data/store/vault.json");
    let mut vault: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&vault_path).unwrap()).unwrap();
    let salt = vault["passphrase"]["salt"].as_str().unwrap().to_string();
    let flipped = format!(
        "{}{}",
        if &salt[..1] == "0" { "1" } else { "0" },
        &salt[1..]
    );
    vault["passphrase"]["salt"] = flipped.into();
    std::fs::write(&vault_path, serde_json::to_vec(&vault).unwrap()).unwrap();

    let err = thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::VaultDamaged);
    assert!(err.message.contains("damaged"), "{}", err.message);
    assert!(err.message.contains("recovery code"), "{}", err.message);
    assert!(err.message.contains("backup"), "{}", err.message);
    // Damage is not a wrong guess: no pause builds up.
    assert_eq!(thaw.status().await.unwrap().retry_after_seconds, 0);

    thaw.unlock_with_recovery(&code, NEW_PASSPHRASE, at(2, 11))
        .await
        .unwrap();
    thaw.lock().await.unwrap();
    thaw.unlock(NEW_PASSPHRASE, at(2, 12)).await.unwrap();
}

#[tokio::test]
async fn a_vault_that_is_not_thaws_says_it_is_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = set_up(dir.path()).await;
    thaw.lock().await.unwrap();
    std::fs::write(
        dir.path().join("data/store/vault.json"),
        b"{\"format\":\"x\"}",
    )
    .unwrap();
    let err = thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::VaultDamaged);
    assert!(err.message.contains("backup"), "{}", err.message);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crisis_numbers_answer_while_the_facade_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = set_up(dir.path()).await;
    let mut lines = CrisisResources::us_default();
    lines.resources[0].name = "My region's line".into();
    thaw.save_crisis_lines(&lines, at(2, 11)).await.unwrap();
    let board = thaw.crisis_board();
    let facade = std::sync::Arc::new(tokio::sync::Mutex::new(thaw));
    let busy = facade.clone().lock_owned().await; // a long restore would hold this
    let t = Instant::now();
    let view = tokio::task::spawn_blocking(move || board.locked_view())
        .await
        .unwrap();
    assert!(t.elapsed() < StdDuration::from_secs(1));
    assert_eq!(view.resources[0].name, "My region's line");
    drop(busy);
}

/// Every oversize or out-of-range input refused kindly, naming the limit, nothing written.
#[tokio::test]
async fn every_input_has_a_limit_that_is_refused_kindly() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = set_up(dir.path()).await;
    let now = at(2, 12);
    let long = |n: usize| "a".repeat(n + 1);
    let value_id = thaw.values().await.unwrap()[0].id;
    let movement = thaw
        .add_movement(
            &NewMovement {
                value_id,
                title: "Call her".into(),
            },
            now,
        )
        .await
        .unwrap();
    let before = (
        thaw.values().await.unwrap(),
        thaw.movements().await.unwrap(),
        thaw.journal().await.unwrap(),
        thaw.safety_plan().await.unwrap(),
        thaw.crisis_lines().await.unwrap(),
        thaw.sessions().await.unwrap(),
    );

    let mut refusals = Vec::new();
    refusals.push((
        "value words",
        thaw.add_value(
            &NewValue {
                area: LifeArea::Relationships,
                words: long(limits::VALUE_WORDS),
                library_keys: vec![],
            },
            now,
        )
        .await
        .err(),
    ));
    refusals.push((
        "library picks",
        thaw.add_value(
            &NewValue {
                area: LifeArea::Relationships,
                words: "x".into(),
                library_keys: vec!["k".into(); limits::LIBRARY_PICKS + 1],
            },
            now,
        )
        .await
        .err(),
    ));
    refusals.push((
        "movement title",
        thaw.add_movement(
            &NewMovement {
                value_id,
                title: long(limits::VALUE_WORDS),
            },
            now,
        )
        .await
        .err(),
    ));
    let rung = |text: String, seconds: u32| RungView {
        text,
        kind: RungKind::Act,
        seconds,
    };
    refusals.push((
        "rung text",
        thaw.update_rungs(movement.id, &[rung(long(limits::VALUE_WORDS), 60)])
            .await
            .err(),
    ));
    refusals.push((
        "rung seconds",
        thaw.update_rungs(movement.id, &[rung("x".into(), limits::RUNG_SECONDS + 1)])
            .await
            .err(),
    ));
    refusals.push((
        "rung zero seconds",
        thaw.update_rungs(movement.id, &[rung("x".into(), 0)])
            .await
            .err(),
    ));
    refusals.push((
        "rung count",
        thaw.update_rungs(movement.id, &vec![rung("x".into(), 60); limits::RUNGS + 1])
            .await
            .err(),
    ));
    refusals.push((
        "journal text",
        thaw.add_journal(&journal(&long(limits::JOURNAL_TEXT)), now)
            .await
            .err(),
    ));
    refusals.push((
        "journal prompt",
        thaw.add_journal(
            &JournalInput {
                prompt: Some(long(limits::JOURNAL_PROMPT)),
                ..journal("x")
            },
            now,
        )
        .await
        .err(),
    ));
    refusals.push((
        "notice",
        thaw.notice(
            &ShiftInput {
                value_id: None,
                note: long(limits::NOTE),
            },
            now,
        )
        .await
        .err(),
    ));
    let session = |intention: Option<String>, at: DateTime<FixedOffset>| SessionInput {
        at,
        kind: SessionKind::Iv,
        setting: SessionSetting::Clinic,
        intention,
        notes: None,
    };
    refusals.push((
        "session text",
        thaw.add_session(&session(Some(long(limits::SESSION_TEXT)), now), now)
            .await
            .err(),
    ));
    refusals.push((
        "session long ago",
        thaw.add_session(&session(None, now - Duration::days(365 * 80)), now)
            .await
            .err(),
    ));
    let mut plan = thaw.safety_plan().await.unwrap();
    plan.warning_signs = vec![long(limits::PLAN_LINE)];
    refusals.push(("plan line", thaw.save_safety_plan(&plan, now).await.err()));
    let mut plan = thaw.safety_plan().await.unwrap();
    plan.reasons_for_living = vec!["x".into(); limits::PLAN_ENTRIES + 1];
    refusals.push((
        "plan entries",
        thaw.save_safety_plan(&plan, now).await.err(),
    ));
    let mut plan = thaw.safety_plan().await.unwrap();
    plan.people_to_ask_for_help = vec![PlanContact {
        name: "Maya".into(),
        phone: Some("5".repeat(50_000)),
        note: None,
    }];
    refusals.push(("plan phone", thaw.save_safety_plan(&plan, now).await.err()));
    let mut plan = thaw.safety_plan().await.unwrap();
    plan.people_to_ask_for_help = vec![PlanContact {
        name: long(limits::NAME),
        phone: None,
        note: None,
    }];
    refusals.push(("plan name", thaw.save_safety_plan(&plan, now).await.err()));
    let mut lines = CrisisResources::us_default();
    lines.resources[0].name = long(1_000_000);
    refusals.push((
        "crisis name",
        thaw.save_crisis_lines(&lines, now).await.err(),
    ));
    let mut lines = CrisisResources::us_default();
    lines.resources[0].description = long(5_000_000);
    refusals.push((
        "crisis description",
        thaw.save_crisis_lines(&lines, now).await.err(),
    ));
    let mut lines = CrisisResources::us_default();
    lines.resources[0].number = "9".repeat(50_000);
    refusals.push((
        "crisis number",
        thaw.save_crisis_lines(&lines, now).await.err(),
    ));
    let mut lines = CrisisResources::us_default();
    lines.resources = vec![lines.resources[0].clone(); limits::CRISIS_LINES + 1];
    refusals.push((
        "crisis count",
        thaw.save_crisis_lines(&lines, now).await.err(),
    ));
    refusals.push((
        "passphrase",
        thaw.unlock(&long(limits::SECRET), now).await.err(),
    ));
    refusals.push((
        "strength check",
        thaw.assess_passphrase(&long(limits::SECRET)).err(),
    ));

    for (what, refusal) in refusals {
        let e = refusal.unwrap_or_else(|| panic!("{what} was accepted"));
        assert_eq!(e.kind, ErrorKind::InvalidInput, "{what}: {e:?}");
        assert!(
            e.message.contains(|c: char| c.is_ascii_digit()) || e.message.contains("long ago"),
            "{what}: the refusal names the limit: {}",
            e.message
        );
        assert!(!e.message.contains('!'), "{what}: {}", e.message);
    }
    let after = (
        thaw.values().await.unwrap(),
        thaw.movements().await.unwrap(),
        thaw.journal().await.unwrap(),
        thaw.safety_plan().await.unwrap(),
        thaw.crisis_lines().await.unwrap(),
        thaw.sessions().await.unwrap(),
    );
    assert_eq!(before, after, "a refusal changes nothing");
}

#[tokio::test]
async fn unknown_things_are_named_not_internal_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (mut thaw, _) = set_up(dir.path()).await;
    let now = at(2, 12);
    let err = thaw
        .add_journal(
            &JournalInput {
                session_id: Some(-1),
                ..journal("kept words")
            },
            now,
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(err.message.contains("session"), "{}", err.message);
    let rung = RungView {
        text: "x".into(),
        kind: RungKind::Act,
        seconds: 60,
    };
    let err = thaw.update_rungs(-1, &[rung]).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = thaw.set_movement_archived(987_654, true).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    let err = thaw.update_value(-1, "words").await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
}

#[tokio::test]
async fn an_unwritable_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (thaw, _) = set_up(dir.path()).await;
    // A path under a regular file can never be a folder.
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"x").unwrap();
    let inside = file.join("backups");
    let err = thaw
        .backup_to(&inside.join("b.thawbackup"), at(2, 12))
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(err.message.contains("folder"), "{}", err.message);
    let err = thaw
        .export_summary(
            &ExportInput {
                from: at(1, 0).date_naive(),
                to: at(3, 0).date_naive(),
                format: ExportFormat::Csv,
                include_noticed: false,
            },
            &inside.join("summary.csv"),
            at(2, 12),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(err.message.contains("folder"), "{}", err.message);
}

#[tokio::test]
async fn restoring_over_data_with_another_secret_sets_it_aside_instead_of_destroying_it() {
    let dir = tempfile::tempdir().unwrap();
    // Someone else's backup, with their own passphrase.
    let other = tempfile::tempdir().unwrap();
    let (theirs, _) = set_up(other.path()).await;
    let backup = other.path().join("theirs.thawbackup");
    theirs.backup_to(&backup, at(2, 12)).await.unwrap();

    let (mut thaw, _) = set_up(dir.path()).await;
    thaw.lock().await.unwrap();
    let _ = &theirs;
    // Same passphrase in both (set_up uses one): make the person's own different first.
    thaw.unlock(PASSPHRASE, at(2, 12)).await.unwrap();
    thaw.change_passphrase(&ChangePassphrase {
        current: PASSPHRASE.into(),
        new_passphrase: NEW_PASSPHRASE.into(),
    })
    .await
    .unwrap();
    thaw.lock().await.unwrap();

    thaw.choose_backup(&backup, at(2, 13)).unwrap();
    let status = thaw
        .restore(
            &RestoreInput {
                secret: PASSPHRASE.into(),
                replace_existing: true,
            },
            at(2, 13),
        )
        .await
        .unwrap();
    assert_eq!(status.vault, VaultState::Unlocked);
    let aside = thaw.set_aside_data(at(2, 13)).unwrap();
    assert_eq!(
        aside.len(),
        1,
        "the person's own data was set aside, not deleted"
    );

    // A wrong backup secret puts everything back as it was.
    let dir2 = tempfile::tempdir().unwrap();
    let (mut mine, _) = set_up(dir2.path()).await;
    mine.lock().await.unwrap();
    mine.choose_backup(&backup, at(2, 13)).unwrap();
    let err = mine
        .restore(
            &RestoreInput {
                secret: "not the backup's words".into(),
                replace_existing: true,
            },
            at(2, 13),
        )
        .await
        .unwrap_err();
    assert_eq!(err.kind, ErrorKind::WrongSecret);
    assert!(mine.set_aside_data(at(2, 13)).unwrap().is_empty());
    mine.unlock(PASSPHRASE, at(2, 14)).await.unwrap();
    assert_eq!(mine.journal().await.unwrap().len(), 1);
}
