//! Files a person hands over and brings back: backups and visit summaries written where the
//! person chose are owner-only, every path the core is handed is checked (the shell gets it
//! from the platform's dialog, but a path is input like any other), the files Thaw wrote are
//! remembered in the encrypted store, and Erase removes exactly the ones the person ticks.
//! Real encrypted stores and real files in temp folders.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, TimeZone};
use thaw_core::ipc::*;
use thaw_core::{ErrorKind, KdfParams, Thaw};

const PASSPHRASE: &str = "lantern moss quietly river seven";

fn at(day: u32, hour: u32) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3600)
        .unwrap()
        .with_ymd_and_hms(2026, 3, day, hour, 0, 0)
        .unwrap()
}

fn thaw_in(dir: &Path) -> Thaw {
    Thaw::new(
        dir.join("data"),
        dir.join("Thaw backups"),
        KdfParams::insecure_for_tests(),
    )
}

async fn set_up(dir: &Path) -> Thaw {
    let mut thaw = thaw_in(dir);
    thaw.create_vault(PASSPHRASE, at(2, 9)).await.unwrap();
    thaw.add_journal(
        &JournalInput {
            text: "Ask about the booster timing".into(),
            prompt: None,
            session_id: None,
            to_discuss: true,
        },
        at(2, 10),
    )
    .await
    .unwrap();
    thaw
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

fn path_of(file: &WrittenFile) -> PathBuf {
    Path::new(&file.folder).join(&file.name)
}

fn export(format: ExportFormat) -> ExportInput {
    ExportInput {
        from: at(1, 0).date_naive(),
        to: at(3, 0).date_naive(),
        format,
        include_noticed: false,
    }
}

#[tokio::test]
async fn every_file_thaw_writes_is_owner_only_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let thaw = set_up(dir.path()).await;
    let handed = dir.path().join("for the clinic");
    std::fs::create_dir(&handed).unwrap();
    std::fs::set_permissions(&handed, std::fs::Permissions::from_mode(0o755)).unwrap();

    // Before anything is written, dialogs start in the backups folder or the one it would be in.
    assert_eq!(thaw.dialog_folder().await, Some(dir.path().to_path_buf()));

    let backup = thaw
        .backup_to(&handed.join("thaw-backup.thawbackup"), at(2, 11))
        .await
        .unwrap();
    assert_eq!(backup.file.kind, WrittenKind::Backup);
    assert_eq!(backup.file.name, "thaw-backup.thawbackup");
    assert_eq!(
        mode(&path_of(&backup.file)),
        0o600,
        "the backup is owner-only"
    );

    let mut written = vec![backup.file.clone()];
    for format in [
        ExportFormat::Pdf,
        ExportFormat::Html,
        ExportFormat::Csv,
        ExportFormat::FhirJson,
    ] {
        let input = export(format);
        let name = thaw.export_file_name(&input).unwrap();
        assert!(name.ends_with(format.extension()), "{name}");
        let done = thaw
            .export_summary(&input, &handed.join(&name), at(2, 12))
            .await
            .unwrap();
        let path = path_of(&done.file);
        assert_eq!(done.file.kind, WrittenKind::Summary);
        assert_eq!(mode(&path), 0o600, "{format:?} summary is owner-only");
        assert!(std::fs::read(&path).unwrap().len() > 100, "{format:?}");
        written.push(done.file);
    }

    // Saving over a file someone else could read (the dialog asked first) leaves it owner-only.
    let loose = handed.join("old.csv");
    std::fs::write(&loose, b"old").unwrap();
    std::fs::set_permissions(&loose, std::fs::Permissions::from_mode(0o644)).unwrap();
    let done = thaw
        .export_summary(&export(ExportFormat::Csv), &loose, at(2, 13))
        .await
        .unwrap();
    assert_eq!(mode(&loose), 0o600, "a replaced file is owner-only too");
    assert_ne!(std::fs::read(&loose).unwrap(), b"old");
    written.push(done.file);

    // Thaw creates no folders of its own for these, and leaves the chosen folder as it was.
    assert_eq!(mode(&handed), 0o755);
    assert!(!dir.path().join("Thaw backups").exists());
    // Nothing else is left in the folder (no temporary files).
    let mut names: Vec<_> = std::fs::read_dir(&handed)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "{names:?}");
    for name in &names {
        assert_eq!(mode(&handed.join(name)), 0o600, "{name}");
    }

    // Remembered in the encrypted store, newest first, and found again by id.
    let listed = thaw.written_files().await.unwrap();
    written.reverse();
    assert_eq!(listed, written);
    for file in &listed {
        assert_eq!(
            thaw.written_file_path(file.id).await.unwrap(),
            path_of(file)
        );
    }
    // The next dialog starts where the last file went.
    assert_eq!(thaw.dialog_folder().await, Some(handed.clone()));

    // A file the person moved away is no longer Thaw's to show or remove.
    let moved = &listed[0];
    std::fs::rename(path_of(moved), dir.path().join("moved.csv")).unwrap();
    let err = thaw.written_file_path(moved.id).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::NotFound);
    assert!(!thaw.written_files().await.unwrap().contains(moved));
}

#[tokio::test]
async fn the_core_checks_every_place_it_is_handed_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let thaw = set_up(dir.path()).await;
    let folder = dir.path().join("out");
    std::fs::create_dir(&folder).unwrap();
    let elsewhere = dir.path().join("elsewhere.txt");
    std::fs::write(&elsewhere, b"someone else's file").unwrap();
    for ext in ["thawbackup", "csv"] {
        std::os::unix::fs::symlink(&elsewhere, folder.join(format!("link.{ext}"))).unwrap();
        std::fs::create_dir(folder.join(format!("a-folder.{ext}"))).unwrap();
    }

    let refused: Vec<(&str, PathBuf)> = vec![
        ("a relative path", PathBuf::from("out/b.thawbackup")),
        (
            "a folder that is not there",
            folder.join("gone").join("b.thawbackup"),
        ),
        ("a symlink at the name", folder.join("link.thawbackup")),
        ("a folder at the name", folder.join("a-folder.thawbackup")),
        (
            "Thaw's own data folder",
            dir.path().join("data").join("b.thawbackup"),
        ),
        ("inside the store", dir.path().join("data/store/thaw.db")),
        (
            "a path past the limit",
            folder.join(format!("{}.thawbackup", "x".repeat(5000))),
        ),
    ];
    for (what, path) in refused {
        let err = thaw.backup_to(&path, at(2, 11)).await.unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidInput, "{what}: {err:?}");
        assert!(!err.message.contains('!'), "{what}: {}", err.message);
        let err = thaw
            .export_summary(
                &export(ExportFormat::Csv),
                &path.with_extension("csv"),
                at(2, 11),
            )
            .await
            .unwrap_err();
        assert_eq!(err.kind, ErrorKind::InvalidInput, "{what}: {err:?}");
    }
    assert_eq!(
        std::fs::read(&elsewhere).unwrap(),
        b"someone else's file",
        "nothing was written through the symlink"
    );
    assert!(thaw.written_files().await.unwrap().is_empty());

    // A name without the format's ending gets it.
    let done = thaw
        .backup_to(&folder.join("mine"), at(2, 12))
        .await
        .unwrap();
    assert_eq!(done.file.name, "mine.thawbackup");
    let done = thaw
        .export_summary(
            &export(ExportFormat::Pdf),
            &folder.join("for dr. lee"),
            at(2, 12),
        )
        .await
        .unwrap();
    assert_eq!(done.file.name, "for dr. lee.pdf");
}

#[tokio::test]
async fn restore_reads_only_a_backup_file_the_person_chose() {
    let dir = tempfile::tempdir().unwrap();
    let thaw = set_up(dir.path()).await;
    let backup = dir.path().join("mine.thawbackup");
    thaw.backup_to(&backup, at(2, 11)).await.unwrap();

    let other = tempfile::tempdir().unwrap();
    let mut fresh = thaw_in(other.path());
    let input = RestoreInput {
        secret: PASSPHRASE.into(),
        replace_existing: false,
    };
    // Nothing chosen: nothing to restore, whatever the page sends.
    let err = fresh.restore(&input, at(3, 9)).await.unwrap_err();
    assert_eq!(err.kind, ErrorKind::InvalidInput);
    assert!(
        err.message.contains("Choose the backup file"),
        "{}",
        err.message
    );

    let not_backup = other.path().join("notes.thawbackup");
    std::fs::write(&not_backup, b"just some words").unwrap();
    for (what, path, kind) in [
        (
            "a folder",
            other.path().to_path_buf(),
            ErrorKind::InvalidInput,
        ),
        (
            "a missing file",
            other.path().join("gone.thawbackup"),
            ErrorKind::InvalidInput,
        ),
        (
            "a relative path",
            PathBuf::from("mine.thawbackup"),
            ErrorKind::InvalidInput,
        ),
        ("not a backup", not_backup, ErrorKind::BackupInvalid),
        (
            "the store itself",
            dir.path().join("data/store/thaw.db"),
            ErrorKind::InvalidInput,
        ),
    ] {
        let err = if what == "the store itself" {
            // Thaw's own database is never read as a backup by the Thaw that keeps it.
            let mut own = thaw_in(dir.path());
            own.choose_backup(&path, at(3, 9)).unwrap_err()
        } else {
            fresh.choose_backup(&path, at(3, 9)).unwrap_err()
        };
        assert_eq!(err.kind, kind, "{what}: {err:?}");
        let err = fresh.restore(&input, at(3, 9)).await.unwrap_err();
        assert!(
            err.message.contains("Choose the backup file"),
            "{what}: a refused choice is not kept"
        );
    }

    let chosen = fresh.choose_backup(&backup, at(3, 9)).unwrap();
    assert_eq!(chosen.name, "mine.thawbackup");
    assert_eq!(chosen.made_on, at(2, 11).date_naive());
    let status = fresh.restore(&input, at(3, 9)).await.unwrap();
    assert_eq!(status.vault, VaultState::Unlocked);
    assert_eq!(fresh.journal().await.unwrap().len(), 1);
    // The choice is used once.
    let err = fresh
        .restore(
            &RestoreInput {
                replace_existing: true,
                ..input
            },
            at(3, 10),
        )
        .await
        .unwrap_err();
    assert!(
        err.message.contains("Choose the backup file"),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn erase_removes_the_files_the_person_ticked_and_leaves_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = set_up(dir.path()).await;
    let folder = dir.path().join("handed");
    std::fs::create_dir(&folder).unwrap();
    let backup = thaw
        .backup_to(&folder.join("keep.thawbackup"), at(2, 11))
        .await
        .unwrap();
    let summary = thaw
        .export_summary(
            &export(ExportFormat::Pdf),
            &folder.join("summary.pdf"),
            at(2, 12),
        )
        .await
        .unwrap();
    let csv = thaw
        .export_summary(
            &export(ExportFormat::Csv),
            &folder.join("summary.csv"),
            at(2, 12),
        )
        .await
        .unwrap();
    // Someone else's file of the same kind, in the same folder: never Thaw's to remove.
    std::fs::write(folder.join("theirs.pdf"), b"%PDF").unwrap();

    let status = thaw
        .erase_everything(&EraseInput {
            confirm: "erase everything".into(),
            secret: PASSPHRASE.into(),
            remove_files: vec![summary.file.id, csv.file.id, 999],
        })
        .await
        .unwrap();
    assert_eq!(status.vault, VaultState::New);
    assert!(!path_of(&summary.file).exists(), "the ticked summary went");
    assert!(!path_of(&csv.file).exists(), "the ticked CSV went");
    assert!(path_of(&backup.file).exists(), "the unticked backup stays");
    assert!(folder.join("theirs.pdf").exists());
    assert!(!dir.path().join("data").join("store").exists());
}

#[tokio::test]
async fn a_summary_carries_what_you_noticed_only_when_you_choose() {
    let dir = tempfile::tempdir().unwrap();
    let mut thaw = set_up(dir.path()).await;
    thaw.notice(
        &ShiftInput {
            value_id: None,
            note: "Stayed with the light on the kitchen wall".into(),
        },
        at(2, 14),
    )
    .await
    .unwrap();
    let (from, to) = (at(1, 0).date_naive(), at(3, 0).date_naive());

    let kept_private = thaw
        .visit_summary(from, to, false, at(2, 15))
        .await
        .unwrap();
    assert!(kept_private.data().noticed.is_empty());
    let chosen = thaw.visit_summary(from, to, true, at(2, 15)).await.unwrap();
    let noticed: Vec<&str> = chosen
        .data()
        .noticed
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert_eq!(noticed, ["Stayed with the light on the kitchen wall"]);

    // And so in the files: in the page and the FHIR Bundle only when chosen.
    for include_noticed in [false, true] {
        let input = ExportInput {
            include_noticed,
            ..export(ExportFormat::Html)
        };
        let path = dir.path().join(format!("summary-{include_noticed}.html"));
        thaw.export_summary(&input, &path, at(2, 15)).await.unwrap();
        let page = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            page.contains("kitchen wall"),
            include_noticed,
            "{include_noticed}"
        );
        let input = ExportInput {
            include_noticed,
            ..export(ExportFormat::FhirJson)
        };
        let path = dir.path().join(format!("summary-{include_noticed}.json"));
        thaw.export_summary(&input, &path, at(2, 15)).await.unwrap();
        let bundle = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            bundle.contains("kitchen wall"),
            include_noticed,
            "{include_noticed}"
        );
    }
}
