//! Nothing lost, through the use-cases: a refused restore leaves Thaw open; a draft comes
//! back after a lock and goes once saved; a store that opens older than it was is said and
//! never looks like a new person; on a full disk every use-case is stored whole or refused
//! as `storage_full`, and the engine's learned state never runs ahead of the store.

use chrono::{DateTime, FixedOffset, TimeZone};
use std::path::Path;
use thaw_core::ipc::*;
use thaw_core::{ErrorKind, KdfParams, Thaw};

const PASSPHRASE: &str = "lantern moss quietly river seven";

fn at(day: u32, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, minute, 0)
        .unwrap()
}

fn thaw_in(dir: &Path) -> Thaw {
    Thaw::new(
        dir.join("data"),
        dir.join("backups"),
        KdfParams::insecure_for_tests(),
    )
}

async fn onboarded(dir: &Path) -> Thaw {
    let mut thaw = thaw_in(dir);
    thaw.create_vault(PASSPHRASE, at(2, 9, 0)).await.unwrap();
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
        at(2, 9, 0),
    )
    .await
    .unwrap();
    thaw
}

fn journal(text: &str) -> JournalInput {
    JournalInput {
        text: text.into(),
        prompt: None,
        session_id: None,
        to_discuss: false,
    }
}

#[tokio::test]
async fn a_refused_restore_leaves_thaw_open_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    thaw.add_journal(&journal("before the backup"), at(2, 10, 0))
        .await
        .unwrap();
    let chosen = dir.path().join("made.thawbackup");
    thaw.backup_to(&chosen, at(2, 11, 0)).await.unwrap();
    thaw.add_journal(&journal("after the backup"), at(2, 12, 0))
        .await
        .unwrap();
    let good = std::fs::read(&chosen).unwrap();

    let truncated = dir.path().join("truncated.thawbackup");
    std::fs::write(&truncated, &good[..good.len() / 2]).unwrap();
    let flipped = dir.path().join("flipped.thawbackup");
    let mut bytes = good.clone();
    let n = bytes.len();
    bytes[n - 100] ^= 0x01;
    std::fs::write(&flipped, &bytes).unwrap();

    for (path, secret, kind) in [
        (
            chosen.clone(),
            "not the passphrase at all",
            ErrorKind::WrongSecret,
        ),
        (truncated.clone(), PASSPHRASE, ErrorKind::BackupInvalid),
        (flipped.clone(), PASSPHRASE, ErrorKind::BackupInvalid),
    ] {
        thaw.choose_backup(&path, at(2, 13, 0)).unwrap();
        let e = thaw
            .restore(
                &RestoreInput {
                    secret: secret.into(),
                    replace_existing: true,
                },
                at(2, 13, 0),
            )
            .await
            .unwrap_err();
        assert_eq!(e.kind, kind);
        assert!(
            thaw.is_unlocked(),
            "a refused restore ({kind:?}) locked Thaw"
        );
        assert_eq!(
            thaw.status().await.unwrap().vault,
            VaultState::Unlocked,
            "{kind:?}"
        );
        // Still in, with everything, and writing works.
        assert_eq!(thaw.journal().await.unwrap().len(), 2, "{kind:?}");
    }
    thaw.add_journal(&journal("still here"), at(2, 14, 0))
        .await
        .unwrap();
    assert_eq!(thaw.journal().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_draft_comes_back_after_a_lock_and_goes_once_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    let typed = r#"{"text":"I was halfway through saying something important","prompt":null}"#;
    thaw.save_draft(DraftKind::Journal, typed, at(2, 10, 0))
        .await
        .unwrap();
    thaw.save_draft(DraftKind::Notice, "noticed the light", at(2, 10, 0))
        .await
        .unwrap();
    thaw.lock().await.unwrap();
    assert_eq!(
        thaw.drafts().await.unwrap_err().kind,
        ErrorKind::Locked,
        "drafts are personal: nothing while locked"
    );
    thaw.unlock(PASSPHRASE, at(2, 11, 0)).await.unwrap();
    let drafts = thaw.drafts().await.unwrap();
    assert!(drafts.contains(&DraftView {
        kind: DraftKind::Journal,
        body: typed.into()
    }));
    // Saving the entry for real lets its draft go, in the same step.
    thaw.add_journal(&journal("something important"), at(2, 11, 5))
        .await
        .unwrap();
    let kinds: Vec<_> = thaw
        .drafts()
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(kinds, [DraftKind::Notice]);
    thaw.discard_draft(DraftKind::Notice).await.unwrap();
    assert!(thaw.drafts().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_older_database_is_said_and_never_looks_like_a_new_person() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = onboarded(dir.path()).await;
    for i in 0..3 {
        thaw.add_journal(&journal(&format!("early {i}")), at(2, 10, i))
            .await
            .unwrap();
    }
    thaw.lock().await.unwrap();
    let store = dir.path().join("data/store");
    let older_db = std::fs::read(store.join("thaw.db")).unwrap();
    thaw.unlock(PASSPHRASE, at(2, 11, 0)).await.unwrap();
    for i in 0..5 {
        thaw.add_journal(&journal(&format!("later {i}")), at(2, 11, i))
            .await
            .unwrap();
    }
    thaw.lock().await.unwrap();
    // The database file is swapped for the older one (a copy from before, put back).
    std::fs::write(store.join("thaw.db"), &older_db).unwrap();

    let status = thaw.unlock(PASSPHRASE, at(3, 9, 0)).await.unwrap();
    assert_eq!(status.vault, VaultState::Unlocked);
    let shortfall = status.shortfall.expect("Thaw opened older without a word");
    assert!(
        shortfall.missing.contains(&MissingThings {
            what: "journal entries".into(),
            found: 3,
            expected: 8
        }),
        "{shortfall:?}"
    );
    // Nothing is written while the person decides; what is there can be read.
    assert_eq!(thaw.journal().await.unwrap().len(), 3);
    let e = thaw
        .add_journal(&journal("new"), at(3, 9, 1))
        .await
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Storage);
    // A lock and unlock says the same again.
    thaw.lock().await.unwrap();
    let status = thaw.unlock(PASSPHRASE, at(3, 9, 2)).await.unwrap();
    assert!(status.shortfall.is_some());
    // Carrying on with what is here.
    let status = thaw.accept_store_as_found(at(3, 9, 3)).await.unwrap();
    assert_eq!(status.shortfall, None);
    assert!(status.has_values);
    thaw.add_journal(&journal("new"), at(3, 9, 4))
        .await
        .unwrap();
    thaw.lock().await.unwrap();
    let status = thaw.unlock(PASSPHRASE, at(3, 10, 0)).await.unwrap();
    assert_eq!(status.shortfall, None);
    assert_eq!(thaw.journal().await.unwrap().len(), 4);
}

/// A small tmpfs, unmounted when dropped (root only; skipped otherwise).
struct SmallDisk(std::path::PathBuf);

impl SmallDisk {
    fn mount(at: &Path) -> Option<SmallDisk> {
        let root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        if !root {
            return None;
        }
        std::fs::create_dir_all(at).unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=3m", "tmpfs"])
            .arg(at)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "running as root, yet a tmpfs could not be mounted");
        Some(SmallDisk(at.to_path_buf()))
    }

    fn fill(&self) {
        use std::io::Write;
        let mut f = std::fs::File::create(self.0.join("filler")).unwrap();
        let mut chunk = 1 << 16;
        while chunk > 0 {
            match f.write(&vec![7u8; chunk]) {
                Ok(n) if n == chunk => {}
                _ => chunk /= 2,
            }
        }
    }

    fn free(&self) {
        std::fs::remove_file(self.0.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

fn offer_id(view: &TodayView) -> Option<i64> {
    match &view.decision {
        TodayDecision::Offer(o) => Some(o.offer_id),
        TodayDecision::Rest { .. } | TodayDecision::Between { .. } => None,
    }
}

#[tokio::test]
async fn on_a_full_disk_each_use_case_is_stored_whole_or_refused_as_device_full() {
    let tmp = tempfile::tempdir().unwrap();
    let Some(disk) = SmallDisk::mount(&tmp.path().join("disk")) else {
        println!("skipped: mounting a small tmpfs needs root");
        return;
    };
    let mut thaw = onboarded(&disk.0).await;
    let first = thaw.today(at(2, 10, 0)).await.unwrap();
    let offer = offer_id(&first).expect("a first step");
    thaw.lock().await.unwrap();
    thaw.unlock(PASSPHRASE, at(2, 10, 1)).await.unwrap();
    disk.fill();

    let full = |e: &thaw_core::AppError| {
        assert_eq!(e.kind, ErrorKind::StorageFull, "{e:?}");
        assert!(e.message.contains("device is full"), "{}", e.message);
    };
    let mut refused = 0;
    // Journal entries: each one acknowledged is there afterwards, each refused is not.
    let mut kept = Vec::new();
    for i in 0..20 {
        let text = format!("entry {i} {}", "so many words ".repeat(30));
        match thaw.add_journal(&journal(&text), at(2, 11, i)).await {
            Ok(e) => kept.push(e.text),
            Err(e) => {
                full(&e);
                refused += 1;
            }
        }
    }
    // The answer to the step, and what the engine learned from it, go together or not at all.
    let responded = thaw
        .respond(
            &RespondInput {
                offer_id: offer,
                response: Response::Done,
                dread_before: None,
            },
            at(2, 12, 0),
        )
        .await;
    if let Err(e) = &responded {
        full(e);
        refused += 1;
    }
    for (what, r) in [
        (
            "check-in",
            thaw.check_in(
                &CheckInInput {
                    energy: Some(Level::Some),
                    mood: None,
                    room: None,
                },
                at(2, 12, 1),
            )
            .await
            .map(drop),
        ),
        (
            "notice",
            thaw.notice(
                &ShiftInput {
                    value_id: None,
                    note: "thought of calling without dread".into(),
                },
                at(2, 12, 2),
            )
            .await
            .map(drop),
        ),
        (
            "questionnaire",
            thaw.submit_questionnaire(
                &QuestionnaireInput {
                    instrument: Instrument::Phq9,
                    answers: vec![1, 1, 0, 0, 0, 0, 0, 0, 2],
                },
                at(2, 12, 3),
            )
            .await
            .map(drop),
        ),
        (
            "settings",
            thaw.save_settings(
                &Settings {
                    auto_lock_minutes: 5,
                    ..thaw.settings().await.unwrap()
                },
                at(2, 12, 4),
            )
            .await
            .map(drop),
        ),
    ] {
        if let Err(e) = r {
            println!("{what} refused");
            full(&e);
            refused += 1;
        }
    }
    assert!(refused > 0, "the full disk refused nothing");
    // Still full, right after the refusals: everything stored can still be read.
    for _ in 0..3 {
        thaw.journal().await.unwrap();
        thaw.safety_plan().await.unwrap();
        thaw.crisis_lines().await.unwrap();
        thaw.settings().await.unwrap();
        thaw.sessions().await.unwrap();
        thaw.values().await.unwrap();
    }
    // Still full: Thaw locks and opens again, and what is stored can be read.
    thaw.lock().await.unwrap();
    let status = thaw.unlock(PASSPHRASE, at(2, 12, 30)).await.unwrap();
    assert_eq!(status.vault, VaultState::Unlocked);
    assert_eq!(thaw.journal().await.unwrap().len(), kept.len());
    disk.free();

    // With room again: every acknowledged entry is there, none of the refused ones.
    thaw.lock().await.unwrap();
    thaw.unlock(PASSPHRASE, at(2, 13, 0)).await.unwrap();
    let texts: Vec<String> = thaw
        .journal()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(texts.len(), kept.len(), "acknowledged and stored differ");
    for k in &kept {
        assert!(texts.contains(k), "acknowledged and lost");
    }
    // A refused answer left the step on screen, so it can be given again now, and it counts
    // once; an acknowledged one is there.
    let today = thaw.today(at(2, 13, 1)).await.unwrap();
    match responded {
        Ok(_) => assert_eq!(today.moves_today, 1),
        Err(_) => {
            assert_eq!(offer_id(&today), Some(offer), "the step was lost");
            assert_eq!(today.moves_today, 0);
            let after = thaw
                .respond(
                    &RespondInput {
                        offer_id: offer,
                        response: Response::Done,
                        dread_before: None,
                    },
                    at(2, 13, 2),
                )
                .await
                .unwrap();
            assert_eq!(after.moves_today, 1);
        }
    }
    thaw.lock().await.unwrap();
}
