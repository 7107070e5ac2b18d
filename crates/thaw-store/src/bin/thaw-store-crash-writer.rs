//! Test helper for the crash-safety test (not shipped in the app).
//!
//! `thaw-store-crash-writer <data dir> <passphrase>`: unlocks the store and writes journal
//! entries and check-ins in a loop, printing `committed <id>` after each commit returns.
//! The test kills it with SIGKILL at random moments and checks every printed id survived.
//!
//! `… backup <file>` and `… restore <file>` instead make backups to `<file>`, or restore from
//! it (replacing the store), in a loop, printing `done <n>` after each; the durability test
//! kills them mid-way and checks the next start clears what they left.

use std::io::Write;

use chrono::{DateTime, Duration, FixedOffset};
use thaw_store::{JournalInput, NewCheckIn, Store};

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, passphrase) = match args.as_slice() {
        [_, dir, pass] => (dir.clone(), pass.clone()),
        [_, dir, pass, mode, file] => {
            backup_or_restore(dir.as_ref(), pass, mode, file.as_ref()).await;
            return;
        }
        _ => {
            eprintln!(
                "usage: thaw-store-crash-writer <data dir> <passphrase> [backup|restore <file>]"
            );
            std::process::exit(2);
        }
    };
    let store = match Store::unlock_with_passphrase(dir.as_ref(), &passphrase).await {
        Ok(s) => s,
        Err(e) => {
            println!("error {}", e.kind());
            std::process::exit(1);
        }
    };
    println!("ready");
    let start: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2025-01-01T08:00:00+01:00").expect("valid time");
    let mut out = std::io::stdout().lock();
    for i in 0i64.. {
        let now = start + Duration::seconds(i);
        let entry = JournalInput {
            session_id: None,
            prompt: None,
            body: format!(
                "crash-test entry {i} {}",
                "words ".repeat((i % 50) as usize)
            ),
            to_discuss: i % 7 == 0,
        };
        let id = match store.add_journal_entry(&entry, now).await {
            Ok(e) => e.id,
            Err(e) => {
                let _ = writeln!(out, "error {}", e.kind());
                std::process::exit(1);
            }
        };
        // Only after the commit has returned do we claim it; the test holds us to it.
        let _ = writeln!(out, "committed {id}");
        let _ = out.flush();
        if i % 3 == 0 {
            let _ = store
                .add_check_in(
                    NewCheckIn {
                        energy: Some((i % 5) as u8),
                        mood: None,
                        room: Some(2),
                    },
                    now,
                )
                .await;
        }
    }
}

async fn backup_or_restore(
    dir: &std::path::Path,
    passphrase: &str,
    mode: &str,
    file: &std::path::Path,
) {
    let now: DateTime<FixedOffset> =
        DateTime::parse_from_rfc3339("2025-01-01T08:00:00+01:00").expect("valid time");
    let mut store = match Store::unlock_with_passphrase(dir, passphrase).await {
        Ok(s) => s,
        Err(e) => {
            println!("error {}", e.kind());
            std::process::exit(1);
        }
    };
    println!("ready");
    for n in 0u64.. {
        let result = match mode {
            "backup" => store.backup_to(file, now).await,
            "restore" => {
                store.lock().await;
                match thaw_store::restore_backup(
                    file,
                    dir,
                    thaw_store::UnlockSecret::Passphrase(passphrase),
                    thaw_store::RestoreMode::ReplaceExisting,
                )
                .await
                {
                    Ok(s) => {
                        store = s;
                        Ok(())
                    }
                    Err(e) => {
                        println!("error {}", e.kind());
                        std::process::exit(1);
                    }
                }
            }
            _ => std::process::exit(2),
        };
        if let Err(e) = result {
            println!("error {}", e.kind());
            std::process::exit(1);
        }
        println!("done {n}");
    }
}
