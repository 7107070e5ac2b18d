//! Journal entries can be rewritten and deleted (issue 18): an edit keeps the entry's time
//! and is checked as a new entry is; a deletion takes the words out of the journal and the
//! visit summary for good, and the store still opens whole afterwards (its high-water record
//! does not read a deletion as lost data).

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

async fn opened(dir: &Path) -> Thaw {
    let mut thaw = Thaw::new(
        dir.join("data"),
        dir.join("backups"),
        KdfParams::insecure_for_tests(),
    );
    thaw.create_vault(PASSPHRASE, at(2, 9, 0)).await.unwrap();
    thaw
}

fn entry(text: &str, to_discuss: bool) -> JournalInput {
    JournalInput {
        text: text.into(),
        prompt: None,
        session_id: None,
        to_discuss,
    }
}

#[tokio::test]
async fn an_entry_is_rewritten_in_place_and_keeps_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = opened(dir.path()).await;
    let first = thaw
        .add_journal(&entry("The walk felt heavy", false), at(2, 10, 0))
        .await
        .unwrap();
    let other = thaw
        .add_journal(&entry("Slept a little better", false), at(2, 11, 0))
        .await
        .unwrap();

    let edited = thaw
        .update_journal(
            first.id,
            &entry("  The walk felt lighter than I expected  ", true),
            at(3, 8, 0),
        )
        .await
        .unwrap();
    assert_eq!(edited.id, first.id);
    assert_eq!(edited.text, "The walk felt lighter than I expected");
    assert_eq!(edited.at, first.at, "an edit keeps the time it was written");
    assert!(edited.to_discuss);

    let all = thaw.journal().await.unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all.iter().find(|e| e.id == other.id).unwrap().text,
        "Slept a little better"
    );
    assert_eq!(
        all.iter().find(|e| e.id == first.id).unwrap().text,
        edited.text
    );

    // Checked as a new entry is: nothing empty, and nothing else changes when refused.
    let empty = thaw
        .update_journal(first.id, &entry("   ", false), at(3, 8, 1))
        .await
        .unwrap_err();
    assert_eq!(empty.kind, ErrorKind::InvalidInput);
    let missing = thaw
        .update_journal(9_999, &entry("words", false), at(3, 8, 1))
        .await
        .unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
    assert_eq!(
        thaw.journal()
            .await
            .unwrap()
            .iter()
            .find(|e| e.id == first.id)
            .unwrap()
            .text,
        edited.text
    );
}

#[tokio::test]
async fn a_deleted_entry_is_gone_from_the_journal_and_the_summary_and_the_store_still_opens_whole()
{
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = opened(dir.path()).await;
    thaw.add_journal(&entry("Keep this one", true), at(2, 10, 0))
        .await
        .unwrap();
    // The newest row is the one deleted: the case a high-water record of row ids would misread.
    let doomed = thaw
        .add_journal(&entry("A private thought to take back", true), at(2, 11, 0))
        .await
        .unwrap();

    thaw.delete_journal(doomed.id, at(2, 12, 0)).await.unwrap();
    let left: Vec<String> = thaw
        .journal()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(left, vec!["Keep this one".to_string()]);
    let day = at(2, 0, 0).date_naive();
    let summary = thaw
        .visit_summary(day, day, true, at(2, 12, 1))
        .await
        .unwrap();
    let notes = format!("{:?}", summary);
    assert!(notes.contains("Keep this one"));
    assert!(
        !notes.contains("take back"),
        "the deleted words are not in the summary"
    );

    // Deleting again, or editing what was deleted, is refused plainly.
    assert_eq!(
        thaw.delete_journal(doomed.id, at(2, 12, 2))
            .await
            .unwrap_err()
            .kind,
        ErrorKind::NotFound
    );
    assert_eq!(
        thaw.update_journal(doomed.id, &entry("back?", false), at(2, 12, 3))
            .await
            .unwrap_err()
            .kind,
        ErrorKind::NotFound
    );
    assert_eq!(thaw.journal().await.unwrap().len(), 1);

    thaw.lock().await.unwrap();
    let status = thaw.unlock(PASSPHRASE, at(2, 13, 0)).await.unwrap();
    assert!(
        status.shortfall.is_none(),
        "a deletion is not lost data: {:?}",
        status.shortfall
    );
    assert_eq!(thaw.journal().await.unwrap().len(), 1);
}
