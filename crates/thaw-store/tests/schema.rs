//! Schema: migrations upgrade databases made by every earlier version without losing data,
//! and the repositories round-trip every entity.

mod common;

use common::*;
use thaw_clinical::summary::{SessionKind, SessionSetting};
use thaw_store::*;

/// Rows written with plain SQL the way schema version 1 looks, so this fixture keeps
/// describing version 1 even after later migrations change things.
async fn insert_version_1_rows(pool: &sqlx::SqlitePool) {
    for sql in [
        "INSERT INTO life_areas (id, name, created_at, created_offset_min)
         VALUES (1, 'people I love', '2024-01-01T08:00:00.000Z', 60)",
        "INSERT INTO personal_values (id, life_area_id, words, created_at, created_offset_min)
         VALUES (1, 1, 'being there for my sister', '2024-01-01T08:00:00.000Z', 60)",
        "INSERT INTO movements (id, value_id, title, created_at, created_offset_min)
         VALUES (1, 1, 'call my sister', '2024-01-01T08:00:00.000Z', 60)",
        "INSERT INTO rungs (movement_id, position, text, internal) VALUES (1, 0, 'picture her voice', 1)",
        "INSERT INTO check_ins (at, offset_min, local_date, energy, mood, room)
         VALUES ('2024-01-02T07:00:00.000Z', 60, '2024-01-02', 1, 2, 0)",
        "INSERT INTO offers (id, offered_at, offered_offset_min, local_date, value_id, movement_id, reason)
         VALUES (1, '2024-01-02T07:05:00.000Z', 60, '2024-01-02', 1, 1, 'Energy is low, so this one is tiny')",
        "INSERT INTO responses (offer_id, kind, responded_at, responded_offset_min, local_date, done_at, satisfaction_after)
         VALUES (1, 'done', '2024-01-02T07:06:00.000Z', 60, '2024-01-02', '2024-01-02T07:06:00.000Z', 3)",
        "INSERT INTO internal_shifts (at, offset_min, local_date, words)
         VALUES ('2024-01-02T09:00:00.000Z', 60, '2024-01-02', 'thought of calling without dread')",
        "INSERT INTO journal_entries (at, offset_min, local_date, body, to_discuss)
         VALUES ('2024-01-02T20:00:00.000Z', 60, '2024-01-02', 'a quiet evening', 1)",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(pool).await.unwrap();
    }
}

#[tokio::test]
async fn every_earlier_schema_version_upgrades_with_its_data_intact() {
    let versions: Vec<i64> = migrator().iter().map(|m| m.version).collect();
    assert!(versions.len() >= 2, "expected at least two migrations");
    let latest = *versions.last().unwrap();
    for &v in versions.iter().filter(|&&v| v < latest) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let (pool, _code) = testing::create_at_schema_version(&dir, PASSPHRASE, kdf(), v)
            .await
            .unwrap();
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(applied.last(), Some(&v));
        insert_version_1_rows(&pool).await;
        pool.close().await;

        // Unlocking runs the remaining migrations.
        let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
            .await
            .unwrap();
        let applied: Vec<i64> =
            sqlx::query_scalar("SELECT version FROM _sqlx_migrations ORDER BY version")
                .fetch_all(store.pool())
                .await
                .unwrap();
        assert_eq!(applied, versions, "from version {v}");

        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap();
        let today = store.today(day).await.unwrap();
        assert_eq!(today.check_ins.len(), 1);
        assert_eq!(today.check_ins[0].mood, Some(2));
        assert_eq!(today.offers.len(), 1);
        let resp = today.offers[0].response.as_ref().unwrap();
        assert_eq!(resp.kind, ResponseKind::Done);
        assert_eq!(resp.satisfaction_after, Some(3));
        assert_eq!(today.shifts[0].words, "thought of calling without dread");
        assert_eq!(
            store.list_values(false).await.unwrap()[0].words,
            "being there for my sister"
        );
        assert_eq!(
            store.list_rungs(1, false).await.unwrap()[0].text,
            "picture her voice"
        );
        assert_eq!(
            store.list_to_discuss().await.unwrap()[0].body,
            "a quiet evening"
        );
        // The upgraded database is healthy.
        let check: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(check, "ok");
        store.lock().await;
    }
}

#[tokio::test]
async fn values_movements_and_ladders_round_trip_and_archive() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = new_store(tmp.path()).await;
    let area = s.add_life_area("Relationships", 0, t0()).await.unwrap();
    let value = s
        .add_value(Some(area.id), "being a warm friend", t0())
        .await
        .unwrap();
    let rungs = vec![
        RungInput {
            text: "picture Sam".into(),
            size_seconds: Some(10),
            kind: thaw_engine::RungKind::Internal,
        },
        RungInput {
            text: "write one line".into(),
            size_seconds: Some(60),
            kind: thaw_engine::RungKind::Preparation,
        },
    ];
    let (m, rs) = s
        .add_movement(Some(value.id), "message Sam", None, &rungs, t0())
        .await
        .unwrap();
    assert_eq!(rs.iter().map(|r| r.position).collect::<Vec<_>>(), [0, 1]);
    let extra = s
        .add_rung(
            m.id,
            &RungInput {
                text: "send it".into(),
                size_seconds: None,
                kind: thaw_engine::RungKind::Preparation,
            },
        )
        .await
        .unwrap();
    assert_eq!(extra.position, 2);
    s.update_rung(
        rs[1].id,
        &RungInput {
            text: "write two words".into(),
            size_seconds: Some(30),
            kind: thaw_engine::RungKind::Preparation,
        },
    )
    .await
    .unwrap();
    s.set_archived(Archivable::Rung, rs[0].id, true)
        .await
        .unwrap();
    let ladder = s.list_rungs(m.id, false).await.unwrap();
    assert_eq!(
        ladder.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
        ["write two words", "send it"]
    );
    assert_eq!(s.list_rungs(m.id, true).await.unwrap().len(), 3);
    s.update_value_words(value.id, "being a warm, present friend")
        .await
        .unwrap();
    s.rename_life_area(area.id, "People").await.unwrap();
    s.update_movement(m.id, Some(value.id), "message Sam back")
        .await
        .unwrap();
    s.set_archived(Archivable::Movement, m.id, true)
        .await
        .unwrap();
    assert!(s.list_movements(false).await.unwrap().is_empty());
    assert_eq!(
        s.list_movements(true).await.unwrap()[0].title,
        "message Sam back"
    );
    assert_eq!(s.list_life_areas(false).await.unwrap()[0].name, "People");
    assert!(matches!(
        s.set_archived(Archivable::Movement, 999, true).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn offers_responses_today_and_progress() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = new_store(tmp.path()).await;
    let v = s.add_value(None, "moving my body", t0()).await.unwrap();
    s.add_check_in(
        NewCheckIn {
            energy: Some(1),
            mood: Some(2),
            room: Some(1),
        },
        at(0, 0),
    )
    .await
    .unwrap();
    let offer = NewOffer {
        value_id: Some(v.id),
        movement_id: None,
        rung_id: None,
        reason: "Energy is low today, so this one takes about 30 seconds".into(),
        source: OfferSource::Engine,
        text: "Take one slow breath. That is all.".into(),
        kind: thaw_engine::RungKind::Internal,
        seconds: 5,
        bit_more: false,
    };
    let o1 = s.add_offer(&offer, at(0, 1)).await.unwrap();
    let o2 = s.add_offer(&offer, at(0, 30)).await.unwrap();
    // Started with some dread, then done with satisfaction: the times and answers combine.
    s.respond_to_offer(
        o1.id,
        NewResponse {
            kind: ResponseKind::Started,
            dread_before: Some(3),
            satisfaction_after: None,
        },
        at(0, 2),
    )
    .await
    .unwrap();
    let r = s
        .respond_to_offer(
            o1.id,
            NewResponse {
                kind: ResponseKind::Done,
                dread_before: None,
                satisfaction_after: Some(4),
            },
            at(0, 5),
        )
        .await
        .unwrap();
    assert_eq!(r.kind, ResponseKind::Done);
    assert_eq!(r.dread_before, Some(3));
    assert_eq!(r.satisfaction_after, Some(4));
    assert!(r.started_at.unwrap() < r.done_at.unwrap());
    s.respond_to_offer(
        o2.id,
        NewResponse {
            kind: ResponseKind::NotNow,
            dread_before: None,
            satisfaction_after: None,
        },
        at(0, 31),
    )
    .await
    .unwrap();
    s.add_shift(
        Some(v.id),
        None,
        "imagined a walk and it felt possible",
        at(0, 40),
    )
    .await
    .unwrap();
    // Another day, to make sure Today only sees its own.
    s.add_check_in(NewCheckIn::default(), at(1, 0))
        .await
        .unwrap();
    let o3 = s.add_offer(&offer, at(1, 1)).await.unwrap();
    s.respond_to_offer(
        o3.id,
        NewResponse {
            kind: ResponseKind::SmallerPlease,
            dread_before: None,
            satisfaction_after: None,
        },
        at(1, 2),
    )
    .await
    .unwrap();

    let today = s.today(t0().date_naive()).await.unwrap();
    assert_eq!(today.check_ins.len(), 1);
    assert_eq!(today.offers.len(), 2);
    assert_eq!(
        today.offers[0].response.as_ref().unwrap().kind,
        ResponseKind::Done
    );
    assert_eq!(
        today.offers[1].response.as_ref().unwrap().kind,
        ResponseKind::NotNow
    );
    assert_eq!(today.shifts.len(), 1);

    let p = s
        .progress(t0().date_naive(), at(1, 0).date_naive())
        .await
        .unwrap();
    assert_eq!(p.moves.len(), 3);
    assert_eq!(p.shifts.len(), 1);
    assert_eq!(p.moves[0].value_id, Some(v.id));
    let p1 = s
        .progress(t0().date_naive(), t0().date_naive())
        .await
        .unwrap();
    assert_eq!(p1.moves.len(), 2);

    assert!(matches!(
        s.respond_to_offer(
            9999,
            NewResponse {
                kind: ResponseKind::Done,
                dread_before: None,
                satisfaction_after: None
            },
            at(0, 0)
        )
        .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.add_check_in(
            NewCheckIn {
                energy: Some(9),
                mood: None,
                room: None
            },
            t0()
        )
        .await,
        Err(StoreError::InvalidInput { field: "energy" })
    ));
}

#[tokio::test]
async fn sessions_journal_questionnaires_safety_settings_prompts_snapshots() {
    let tmp = tempfile::tempdir().unwrap();
    let (s, _) = new_store(tmp.path()).await;
    let session = s
        .add_session(&SessionInput {
            at: at(-3, 0),
            kind: SessionKind::OralOrLozenge,
            setting: SessionSetting::Home,
            intention: Some("to be kinder to myself".into()),
            notes: None,
        })
        .await
        .unwrap();
    assert_eq!(s.last_session(t0()).await.unwrap().unwrap().id, session.id);
    s.update_session(
        session.id,
        &SessionInput {
            at: at(-3, 0),
            kind: SessionKind::Iv,
            setting: SessionSetting::Clinic,
            intention: Some("to be kinder to myself".into()),
            notes: Some("felt heavy, then light".into()),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        s.list_sessions(false).await.unwrap()[0].kind,
        SessionKind::Iv
    );

    let j = s
        .add_journal_entry(
            &JournalInput {
                session_id: Some(session.id),
                prompt: Some("What did you notice?".into()),
                body: "an image of myself that felt like mine".into(),
                to_discuss: false,
            },
            t0(),
        )
        .await
        .unwrap();
    s.update_journal_entry(
        j.id,
        &JournalInput {
            session_id: Some(session.id),
            prompt: j.prompt.clone(),
            body: j.body.clone(),
            to_discuss: true,
        },
        at(0, 5),
    )
    .await
    .unwrap();
    let listed = s
        .list_journal(at(-1, 0).date_naive(), t0().date_naive(), false)
        .await
        .unwrap();
    assert!(listed[0].to_discuss && listed[0].updated_at.is_some());
    assert_eq!(s.list_to_discuss().await.unwrap().len(), 1);

    let q = s
        .add_questionnaire(Instrument::Phq9, &[1, 2, 0, 1, 0, 3, 1, 0, 1], t0())
        .await
        .unwrap();
    assert_eq!(q.total, 9);
    assert!(q.item9_positive && q.flagged_for_visit);
    let g = s
        .add_questionnaire(Instrument::Gad7, &[0, 1, 0, 1, 0, 1, 0], t0())
        .await
        .unwrap();
    assert_eq!(g.total, 3);
    assert!(!g.item9_positive);
    assert!(matches!(
        s.add_questionnaire(Instrument::Gad7, &[0, 1, 4, 1, 0, 1, 0], t0())
            .await,
        Err(StoreError::InvalidInput { .. })
    ));
    s.flag_questionnaire_for_visit(q.id, false).await.unwrap();
    let phq = s
        .list_questionnaires(Instrument::Phq9, t0().date_naive(), t0().date_naive())
        .await
        .unwrap();
    assert_eq!(phq[0].answers, vec![1, 2, 0, 1, 0, 3, 1, 0, 1]);
    assert!(!phq[0].flagged_for_visit);

    s.set_setting("idle_lock_minutes", &5u32, t0())
        .await
        .unwrap();
    s.set_setting("idle_lock_minutes", &10u32, t0())
        .await
        .unwrap();
    assert_eq!(
        s.setting_as::<u32>("idle_lock_minutes").await.unwrap(),
        Some(10)
    );
    assert_eq!(s.setting("missing").await.unwrap(), None);

    let p = s.log_prompt_sent("gentle_nudge", t0()).await.unwrap();
    s.set_prompt_outcome(p.id, PromptOutcome::Acted, at(0, 2))
        .await
        .unwrap();
    let sent = s
        .list_prompts_since(at(-1, 0).with_timezone(&chrono::Utc))
        .await
        .unwrap();
    assert_eq!(sent[0].outcome, Some(PromptOutcome::Acted));

    let snap = serde_json::json!({"capacity": {"mean": 0.3}, "hours": [8, 9]});
    s.save_engine_snapshot("model", &snap, t0()).await.unwrap();
    assert_eq!(s.engine_snapshot("model").await.unwrap(), Some(snap));
    assert_eq!(s.engine_snapshot("nope").await.unwrap(), None);
}

#[test]
fn records_serialise_for_the_ui() {
    let kind = serde_json::to_string(&ResponseKind::SmallerPlease).unwrap();
    assert_eq!(kind, "\"smaller_please\"");
    assert_eq!(
        serde_json::to_string(&SessionKind::OralOrLozenge).unwrap(),
        "\"oral_or_lozenge\""
    );
}

/// Version 10 keeps what was decided and gives every row Thaw's one day: rows from before get
/// the rung kinds the old guess gave them, their offers' words, kind and seconds, and the day
/// turning at 04:00 (a check-in at 00:30 belongs to the evening before).
#[tokio::test]
async fn version_10_stores_rung_kinds_offer_words_and_the_four_oclock_day() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (pool, _code) = testing::create_at_schema_version(&dir, PASSPHRASE, kdf(), 3)
        .await
        .unwrap();
    insert_version_1_rows(&pool).await;
    for sql in [
        // A ladder as the library wrote it: inside, preparation, first minutes, the act; and
        // an archived rung after the act, which does not make the act anything else.
        "INSERT INTO rungs (movement_id, position, text, size_seconds, internal)
         VALUES (1, 1, 'find her number', 20, 0)",
        "INSERT INTO rungs (movement_id, position, text, size_seconds, internal)
         VALUES (1, 2, 'call for two minutes', 120, 0)",
        "INSERT INTO rungs (movement_id, position, text, size_seconds, internal)
         VALUES (1, 3, 'call her', 900, 0)",
        "INSERT INTO rungs (movement_id, position, text, size_seconds, internal, archived)
         VALUES (1, 4, 'visit her', 7200, 0, 1)",
        // 00:30 local (+01:00) on 3 January, stamped with the calendar date then.
        "INSERT INTO check_ins (at, offset_min, local_date, energy)
         VALUES ('2024-01-02T23:30:00.000Z', 60, '2024-01-03', 4)",
        "INSERT INTO offers (id, offered_at, offered_offset_min, local_date, value_id, movement_id, rung_id, reason)
         VALUES (2, '2024-01-02T23:31:00.000Z', 60, '2024-01-03', 1, 1,
                 (SELECT id FROM rungs WHERE text = 'call for two minutes'), 'a reason')",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await.unwrap();
    }
    pool.close().await;

    let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    use thaw_engine::RungKind::*;
    let kinds: Vec<_> = store
        .list_rungs(1, true)
        .await
        .unwrap()
        .iter()
        .map(|r| (r.text.clone(), r.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("picture her voice".to_string(), Internal),
            ("find her number".to_string(), Preparation),
            ("call for two minutes".to_string(), FirstMinutes),
            ("call her".to_string(), Act),
            ("visit her".to_string(), FirstMinutes),
        ]
    );
    // The late check-in and offer belong to the 2nd now; the morning rows stay on their day.
    let second = store
        .today(chrono::NaiveDate::from_ymd_opt(2024, 1, 2).unwrap())
        .await
        .unwrap();
    assert_eq!(second.check_ins.len(), 2);
    assert_eq!(second.check_ins[1].energy, Some(4));
    let third = store
        .today(chrono::NaiveDate::from_ymd_opt(2024, 1, 3).unwrap())
        .await
        .unwrap();
    assert!(third.check_ins.is_empty() && third.offers.is_empty());
    // Each offer keeps the words, kind and seconds it was shown with (one without a rung was
    // the breath).
    let offers: Vec<_> = second
        .offers
        .iter()
        .map(|o| (o.offer.text.clone(), o.offer.kind, o.offer.seconds))
        .collect();
    assert_eq!(
        offers,
        [
            (
                "Take one slow breath. That is all.".to_string(),
                Internal,
                5
            ),
            ("call for two minutes".to_string(), FirstMinutes, 120),
        ]
    );
}

#[tokio::test]
async fn version_11_drops_the_unused_safety_tables_and_keeps_the_plan_setting() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (pool, _code) = testing::create_at_schema_version(&dir, PASSPHRASE, kdf(), 10)
        .await
        .unwrap();
    insert_version_1_rows(&pool).await;
    // The plan as the app has always kept it: one JSON setting, with the person's contacts.
    let plan = serde_json::json!({
        "warning_signs": ["not answering messages"],
        "reasons_for_living": ["my dog"],
        "people": [{ "name": "Sam", "phone": "+1 555 0100" }],
    });
    sqlx::query("INSERT INTO settings (key, value, updated_at) VALUES ('safety_plan', ?, ?)")
        .bind(plan.to_string())
        .bind("2024-01-02T08:00:00.000Z")
        .execute(&pool)
        .await
        .unwrap();
    let tables = |pool: sqlx::SqlitePool| async move {
        sqlx::query_scalar::<_, String>(
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name IN ('safety_plan', 'crisis_contacts') ORDER BY name",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    };
    assert_eq!(
        tables(pool.clone()).await,
        ["crisis_contacts", "safety_plan"]
    );
    pool.close().await;

    let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    assert!(tables(store.pool().clone()).await.is_empty());
    assert_eq!(store.setting("safety_plan").await.unwrap(), Some(plan));
    // The high-water record no longer counts the dropped table, and the store still opens
    // whole after a lock.
    store.add_shift(None, None, "a breath", t0()).await.unwrap();
    store.lock().await;
    let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    assert!(store.shortfall().is_none());
    store.lock().await;
}

#[tokio::test]
async fn version_12_spells_the_session_kind_as_the_contract_does_and_keeps_every_link() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let (pool, _code) = testing::create_at_schema_version(&dir, PASSPHRASE, kdf(), 11)
        .await
        .unwrap();
    insert_version_1_rows(&pool).await;
    for sql in [
        "INSERT INTO treatment_sessions (id, at, offset_min, local_date, kind, setting, intention, archived)
         VALUES (7, '2024-01-03T09:00:00.000Z', 60, '2024-01-03', 'oral_lozenge', 'home', 'to rest', 0)",
        "INSERT INTO treatment_sessions (id, at, offset_min, local_date, kind, setting, archived)
         VALUES (8, '2024-01-10T09:00:00.000Z', 60, '2024-01-10', 'iv', 'clinic', 1)",
        "INSERT INTO journal_entries (at, offset_min, local_date, session_id, body, to_discuss)
         VALUES ('2024-01-03T20:00:00.000Z', 60, '2024-01-03', 7, 'softer than I feared', 0)",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await.unwrap();
    }
    pool.close().await;

    let store = Store::unlock_with_passphrase(&dir, PASSPHRASE)
        .await
        .unwrap();
    let sessions = store.list_sessions(true).await.unwrap();
    let seen: Vec<_> = sessions
        .iter()
        .map(|s| (s.id, s.kind, s.setting, s.intention.clone(), s.archived))
        .collect();
    assert_eq!(
        seen,
        // Newest first, as the app lists them.
        [
            (8, SessionKind::Iv, SessionSetting::Clinic, None, true),
            (
                7,
                SessionKind::OralOrLozenge,
                SessionSetting::Home,
                Some("to rest".into()),
                false
            ),
        ]
    );
    let stored: Vec<String> = sqlx::query_scalar("SELECT kind FROM treatment_sessions ORDER BY id")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert_eq!(stored, ["oral_or_lozenge", "iv"]);
    // The journal entry still points at its session, and links are enforced again.
    let linked: Vec<(Option<i64>, String)> =
        sqlx::query_as("SELECT session_id, body FROM journal_entries WHERE session_id IS NOT NULL")
            .fetch_all(store.pool())
            .await
            .unwrap();
    assert_eq!(linked, [(Some(7), "softer than I feared".to_string())]);
    let broken: Vec<(String, i64)> = sqlx::query_as("PRAGMA foreign_key_check")
        .fetch_all(store.pool())
        .await
        .unwrap();
    assert!(broken.is_empty(), "{broken:?}");
    let mut conn = store.pool().acquire().await.unwrap();
    let on: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&mut *conn)
        .await
        .unwrap();
    assert_eq!(on, 1, "foreign keys stay on after the migration");
    // The old spelling is refused now, like any unknown code.
    let refused = sqlx::query("UPDATE treatment_sessions SET kind = 'oral_lozenge' WHERE id = 7")
        .execute(&mut *conn)
        .await;
    assert!(refused.is_err());
    // Run twice (killed after its commit, before sqlx recorded it): the same rows.
    let v12 = migrator().iter().find(|m| m.version == 12).unwrap();
    assert!(v12.no_tx);
    sqlx::raw_sql(v12.sql.clone())
        .execute(&mut *conn)
        .await
        .unwrap();
    drop(conn);
    let again: Vec<_> = store
        .list_sessions(true)
        .await
        .unwrap()
        .iter()
        .map(|s| (s.id, s.kind, s.setting, s.intention.clone(), s.archived))
        .collect();
    assert_eq!(again, seen);
    store.lock().await;
}
