//! Issue 17 against a real encrypted store: the grace out of sight (a setting, one minute unless
//! changed, read as one minute from settings saved before it existed), the lock it leads to, and
//! the prompt plan of the coming days: made at unlock, kept while locked, and, with the OS holding
//! it (phones), prompts whose time passed are logged as sent and their answers heard.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_core::ipc::*;
use thaw_core::{ErrorKind, KdfParams, PromptResponse, Thaw};
use thaw_engine::day_of;

const PASSPHRASE: &str = "lantern moss quietly river seven";

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .unwrap()
}

async fn onboarded(dir: &std::path::Path) -> Thaw {
    let mut thaw = Thaw::new(
        dir.join("data"),
        dir.join("backups"),
        KdfParams::insecure_for_tests(),
    );
    thaw.create_vault(PASSPHRASE, at(2, 9)).await.unwrap();
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
    thaw
}

#[test]
fn settings_saved_before_the_grace_existed_read_as_one_minute() {
    let old = r#"{"prompt_from_hour":9,"prompt_until_hour":20,"quiet_from_hour":21,
        "quiet_until_hour":8,"prompts_per_day":2,"auto_lock_minutes":10,
        "keep_running_in_background":false,"questionnaire_every_days":14}"#;
    let s: Settings = serde_json::from_str(old).unwrap();
    assert_eq!(s.lock_away_seconds, 60);
}

#[tokio::test]
async fn the_grace_is_a_setting_that_holds_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    let mut s = thaw.settings().await.unwrap();
    assert_eq!(s.lock_away_seconds, 60, "one minute unless changed");
    s.lock_away_seconds = 3601;
    let refused = thaw.save_settings(&s, at(2, 10)).await.unwrap_err();
    assert_eq!(refused.kind, ErrorKind::InvalidInput);
    assert!(refused.message.contains("Nothing was changed"));
    s.lock_away_seconds = 300;
    thaw.save_settings(&s, at(2, 10)).await.unwrap();
    thaw.lock().await.unwrap();
    thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap();
    assert_eq!(thaw.settings().await.unwrap().lock_away_seconds, 300);
}

#[tokio::test]
async fn out_of_sight_past_the_grace_locks_and_a_glance_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    let mut s = thaw.settings().await.unwrap();

    // A long grace: away and back at once, nothing locks.
    s.lock_away_seconds = 3600;
    thaw.save_settings(&s, at(2, 10)).await.unwrap();
    thaw.left_screen();
    assert!(thaw.is_away());
    assert!(!thaw.should_auto_lock());
    assert!(!thaw.back_on_screen());
    assert!(!thaw.is_away());

    // "Straight away": leaving is enough, and coming back says to lock first.
    s.lock_away_seconds = 0;
    thaw.save_settings(&s, at(2, 10)).await.unwrap();
    assert!(
        !thaw.should_auto_lock(),
        "on screen, the grace does not count"
    );
    thaw.left_screen();
    assert!(thaw.should_auto_lock());
    assert!(thaw.back_on_screen());
    thaw.lock().await.unwrap();
    // Locked already: coming back again asks for nothing more.
    thaw.left_screen();
    assert!(!thaw.back_on_screen());
    assert!(!thaw.should_auto_lock());

    // Unlocked before the window is noticed back: the person is there, so no lock follows.
    thaw.left_screen();
    thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap();
    assert!(!thaw.is_away());
    assert!(
        !thaw.should_auto_lock(),
        "locked right after the person unlocked"
    );
    assert!(!thaw.back_on_screen());
}

#[tokio::test]
async fn the_plan_covers_the_coming_week_and_stands_while_locked() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    let morning = at(3, 7);
    let next = thaw.plan_prompt(morning).await.unwrap().expect("a prompt");
    let plan = thaw.prompt_plan().to_vec();
    assert_eq!(plan.first().map(|p| p.at), Some(next));
    let days: std::collections::BTreeSet<_> = plan.iter().map(|p| day_of(p.at)).collect();
    assert_eq!(
        days.len(),
        7,
        "a prompt on each of the next seven days: {days:?}"
    );
    assert!(plan.windows(2).all(|w| w[0].at < w[1].at));
    for p in &plan {
        assert!(!p.text.body().contains("sister"));
    }

    thaw.lock().await.unwrap();
    assert_eq!(thaw.plan_prompt(morning).await.unwrap(), Some(next));
    assert_eq!(
        thaw.prompt_plan(),
        plan.as_slice(),
        "the plan stands while locked"
    );
    // The next day, while still locked, today's prompts are over: they leave the plan.
    thaw.plan_prompt(at(4, 5)).await.unwrap();
    assert!(thaw
        .prompt_plan()
        .iter()
        .all(|p| day_of(p.at) >= day_of(at(4, 5))));

    // Prompts turned off: no plan at all.
    thaw.unlock(PASSPHRASE, at(4, 6)).await.unwrap();
    let mut s = thaw.settings().await.unwrap();
    s.prompts_per_day = 0;
    thaw.save_settings(&s, at(4, 6)).await.unwrap();
    assert_eq!(thaw.plan_prompt(at(4, 6)).await.unwrap(), None);
    assert!(thaw.prompt_plan().is_empty());
}

#[tokio::test]
async fn with_the_os_holding_the_plan_a_shown_prompt_counts_and_not_now_is_heard() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    thaw.set_prompt_plan_held_by_os(true);
    let morning = at(3, 7);
    let first = thaw.plan_prompt(morning).await.unwrap().expect("a prompt");
    assert_eq!(day_of(first), day_of(morning));

    // The phone showed it at its time while Thaw slept; Thaw opens a little later.
    let later = first + Duration::minutes(20);
    let next = thaw
        .plan_prompt(later)
        .await
        .unwrap()
        .expect("more to come");
    assert!(
        next - first >= Duration::minutes(180),
        "the shown prompt counted for the gap: {first} then {next}"
    );

    // "Not now" on that notification (the OS reports it by the prompt's minute): none today.
    thaw.prompt_answered_at(first, PromptResponse::NotNow, later + Duration::minutes(1))
        .await
        .unwrap();
    let after = later + Duration::minutes(2);
    let next = thaw.plan_prompt(after).await.unwrap().expect("tomorrow's");
    assert!(
        day_of(next) > day_of(after),
        "a prompt today after Not now: {next}"
    );
}

#[tokio::test]
async fn desktop_walks_the_plan_each_prompt_when_due_with_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    let morning = at(3, 7);
    thaw.plan_prompt(morning).await.unwrap();
    let first = thaw.prompt_plan()[0];
    assert!(
        thaw.take_due_prompt(first.at - Duration::minutes(1))
            .is_none(),
        "not before its time"
    );
    let (sent, text) = thaw.take_due_prompt(first.at).expect("due at its time");
    assert_eq!(text, first.text, "the words the plan gave it");
    thaw.prompt_answered(
        sent,
        PromptResponse::Dismissed,
        first.at + Duration::minutes(1),
    )
    .await
    .unwrap();
    // The plan made again counts it: the next comes at least three hours (and an hour for the
    // one let go by) later, and never twice.
    let next = thaw
        .plan_prompt(first.at + Duration::minutes(2))
        .await
        .unwrap()
        .expect("more to come");
    assert!(
        next - first.at >= Duration::minutes(240),
        "{} then {next}",
        first.at
    );
    assert!(thaw
        .take_due_prompt(first.at + Duration::minutes(2))
        .is_none());
}

/// "Keep running" has one home, the stored setting; the shell's close handler holds a clone of
/// the flag thaw-core sets in the same call that saves or reads the setting, so it is right
/// at once, and right again in a new run after unlocking.
#[tokio::test]
async fn keep_running_follows_the_stored_setting_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    let close_handler = thaw.keep_running();
    assert!(!close_handler.get(), "off unless turned on");
    let mut s = thaw.settings().await.unwrap();
    s.keep_running_in_background = true;
    thaw.save_settings(&s, at(2, 10)).await.unwrap();
    assert!(close_handler.get(), "the save itself turns it on");

    // A refused save changes nothing.
    let mut bad = s.clone();
    bad.keep_running_in_background = false;
    bad.lock_away_seconds = 3601;
    thaw.save_settings(&bad, at(2, 10)).await.unwrap_err();
    assert!(close_handler.get());

    // A new run reads it from the store when unlocked, and not before.
    drop(thaw);
    let mut thaw = Thaw::new(
        dir.path().join("data"),
        dir.path().join("backups"),
        KdfParams::insecure_for_tests(),
    );
    let close_handler = thaw.keep_running();
    assert!(!close_handler.get(), "a locked store cannot be read");
    thaw.unlock(PASSPHRASE, at(2, 11)).await.unwrap();
    assert!(close_handler.get());
    thaw.lock().await.unwrap();
    assert!(close_handler.get(), "locking keeps Thaw running as chosen");

    // Erasing takes the setting with it: closing quits again.
    thaw.erase_everything(&EraseInput {
        confirm: thaw_core::ERASE_CONFIRMATION.into(),
        secret: PASSPHRASE.into(),
        remove_files: vec![],
    })
    .await
    .unwrap();
    assert!(!close_handler.get());
}

/// The shell asks for the plan every half minute; the plan is made again only when something
/// it depends on changed (settings, an answer, a session, the day turning, the person using
/// Thaw, an unlock), and the plan kept in hand is the plan a fresh one would be.
#[tokio::test]
async fn the_plan_is_made_again_only_when_what_it_depends_on_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    let half_minute = Duration::seconds(30);
    let start = at(3, 7);
    thaw.plan_prompt(start).await.unwrap();
    assert_eq!(thaw.prompt_plans_made(), 1);

    // A whole quiet day of half-minute ticks, the desktop loop taking each prompt when due
    // (and the person letting it go by): made again only when a prompt went out or its
    // answer was written, and each time the same plan a fresh one would be.
    let mut now = start;
    let mut taken = 0;
    let mut made_by_prompts = 0;
    while now < at(3, 23) {
        now += half_minute;
        let before = thaw.prompt_plans_made();
        let next = thaw.plan_prompt(now).await.unwrap();
        let fresh = thaw.next_prompt_decision(now).await.unwrap().at();
        if fresh.is_some_and(|t| day_of(t) == day_of(now)) {
            assert_eq!(next, fresh, "the plan in hand at {now}");
        }
        if let Some((sent, _)) = thaw.take_due_prompt(now) {
            taken += 1;
            thaw.prompt_answered(sent, PromptResponse::Dismissed, now)
                .await
                .unwrap();
        }
        made_by_prompts += thaw.prompt_plans_made() - before;
    }
    assert!(taken >= 1, "no prompt went out all day");
    let ticks = (at(3, 23) - start).num_seconds() / 30;
    assert!(
        made_by_prompts <= 2 * taken,
        "{ticks} ticks made the plan {made_by_prompts} times for {taken} prompts"
    );

    let count = |thaw: &Thaw| thaw.prompt_plans_made();
    let mut expect = count(&thaw);
    // Nothing changed: nothing made.
    thaw.plan_prompt(now + half_minute).await.unwrap();
    assert_eq!(count(&thaw), expect);

    // The day turns (04:00).
    let mut now = at(4, 4) + Duration::minutes(1);
    thaw.plan_prompt(now).await.unwrap();
    expect += 1;
    assert_eq!(count(&thaw), expect, "the day turned");
    now += half_minute;
    thaw.plan_prompt(now).await.unwrap();
    assert_eq!(count(&thaw), expect);

    // Settings: fewer prompts a day, and the plan says so at once.
    let mut s = thaw.settings().await.unwrap();
    s.prompts_per_day = 1;
    thaw.save_settings(&s, now).await.unwrap();
    thaw.plan_prompt(now).await.unwrap();
    expect += 1;
    assert_eq!(count(&thaw), expect, "settings changed");
    let today = day_of(now);
    assert!(
        thaw.prompt_plan()
            .iter()
            .filter(|p| day_of(p.at) == today)
            .count()
            <= 1
    );

    // An answer (a check-in), a session, something noticed: each one write, each a new plan.
    thaw.check_in(
        &CheckInInput {
            energy: Some(thaw_engine::Level::Low),
            mood: None,
            room: None,
        },
        now,
    )
    .await
    .unwrap();
    thaw.plan_prompt(now).await.unwrap();
    expect += 1;
    assert_eq!(count(&thaw), expect, "a check-in");
    thaw.add_session(
        &SessionInput {
            at: now,
            kind: SessionKind::OralOrLozenge,
            setting: SessionSetting::Home,
            intention: None,
            notes: None,
        },
        now,
    )
    .await
    .unwrap();
    thaw.plan_prompt(now).await.unwrap();
    expect += 1;
    assert_eq!(count(&thaw), expect, "a session");

    // The person uses Thaw (prompts keep away from the minutes after that).
    now += Duration::minutes(5);
    thaw.touch(now);
    thaw.plan_prompt(now).await.unwrap();
    expect += 1;
    assert_eq!(count(&thaw), expect, "Thaw was used");

    // Locked: the plan stands, nothing can be read. Unlocked: made afresh.
    thaw.lock().await.unwrap();
    thaw.plan_prompt(now + half_minute).await.unwrap();
    assert_eq!(count(&thaw), expect);
    thaw.unlock(PASSPHRASE, now + half_minute).await.unwrap();
    thaw.plan_prompt(now + half_minute).await.unwrap();
    expect += 1;
    assert_eq!(count(&thaw), expect, "unlocked");
    thaw.plan_prompt(now + half_minute * 2).await.unwrap();
    assert_eq!(count(&thaw), expect);
}
