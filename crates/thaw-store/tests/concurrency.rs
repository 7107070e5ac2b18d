//! Concurrent writers (the UI and a background prompt task) neither lose nor block each
//! other's writes: busy_timeout makes the second writer wait its turn.

mod common;

use common::*;
use std::sync::Arc;
use thaw_store::*;

const PER_WRITER: i64 = 150;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tasks_on_one_store_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = new_store(tmp.path()).await;
    let s = Arc::new(s);
    let ui = {
        let s = s.clone();
        tokio::spawn(async move {
            for i in 0..PER_WRITER {
                s.add_check_in(
                    NewCheckIn {
                        energy: Some((i % 5) as u8),
                        mood: None,
                        room: None,
                    },
                    at(0, i),
                )
                .await
                .unwrap();
            }
        })
    };
    let prompts = {
        let s = s.clone();
        tokio::spawn(async move {
            for i in 0..PER_WRITER {
                let p = s.log_prompt_sent("gentle_nudge", at(0, i)).await.unwrap();
                s.set_prompt_outcome(p.id, PromptOutcome::Ignored, at(0, i))
                    .await
                    .unwrap();
            }
        })
    };
    ui.await.unwrap();
    prompts.await.unwrap();
    assert_eq!(
        s.list_check_ins(t0().date_naive(), at(1, 0).date_naive())
            .await
            .unwrap()
            .len() as i64,
        PER_WRITER
    );
    let prompts = s
        .list_prompts_since(at(-1, 0).with_timezone(&chrono::Utc))
        .await
        .unwrap();
    assert_eq!(prompts.len() as i64, PER_WRITER);
    assert!(prompts
        .iter()
        .all(|p| p.outcome == Some(PromptOutcome::Ignored)));
}

/// Two separate pools (two unlocked handles, as two processes would have) writing at once,
/// each inside multi-statement IMMEDIATE transactions (add_movement with rungs).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_connections_pools_with_transactions_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, _) = new_store(tmp.path()).await;
    let b = Store::unlock_with_passphrase(tmp.path(), PASSPHRASE)
        .await
        .unwrap();
    let rungs = vec![
        RungInput {
            text: "picture it".into(),
            size_seconds: Some(10),
            kind: thaw_engine::RungKind::Internal,
        },
        RungInput {
            text: "do it".into(),
            size_seconds: Some(120),
            kind: thaw_engine::RungKind::Preparation,
        },
    ];
    let (ra, rb) = (rungs.clone(), rungs);
    let ta = tokio::spawn(async move {
        for i in 0..60 {
            a.add_movement(None, &format!("a{i}"), None, &ra, at(0, i))
                .await
                .unwrap();
            a.add_journal_entry(
                &JournalInput {
                    session_id: None,
                    prompt: None,
                    body: format!("a{i}"),
                    to_discuss: false,
                },
                at(0, i),
            )
            .await
            .unwrap();
        }
        a
    });
    let tb = tokio::spawn(async move {
        for i in 0..60 {
            b.add_movement(None, &format!("b{i}"), None, &rb, at(0, i))
                .await
                .unwrap();
            b.add_shift(None, None, &format!("b{i}"), at(0, i))
                .await
                .unwrap();
        }
        b
    });
    let a = ta.await.unwrap();
    let b = tb.await.unwrap();
    let movements = a.list_movements(false).await.unwrap();
    assert_eq!(movements.len(), 120);
    for m in &movements {
        assert_eq!(
            b.list_rungs(m.id, false).await.unwrap().len(),
            2,
            "ladder of {}",
            m.title
        );
    }
    assert_eq!(
        a.list_journal(t0().date_naive(), at(1, 0).date_naive(), false)
            .await
            .unwrap()
            .len(),
        60
    );
    assert_eq!(
        b.progress(t0().date_naive(), at(1, 0).date_naive())
            .await
            .unwrap()
            .shifts
            .len(),
        60
    );
}
