//! Scenario tests: what a person meets, answer by answer, and the one sentence each time.

mod common;

use common::*;
use thaw_engine::*;

fn offer(d: &Decision) -> &Offer {
    d.offer().expect("an offer")
}

fn some_day() -> CheckIn {
    checkin(Some(Level::Some), Some(Level::Some), Some(Level::Some))
}

/// Shows the offer at `at` and answers it a minute later; returns the engine's answer.
fn show_and_answer(
    j: &mut Journal,
    values: &[Value],
    movements: &[Movement],
    o: &Offer,
    at: chrono::DateTime<chrono::FixedOffset>,
    r: Response,
) -> Answer {
    j.push(at, EventKind::Offered(o.clone()));
    j.push(later(at, 1), EventKind::Replied(Reply::plain(r)));
    answer(&j.model, values, movements, later(at, 1))
}

#[test]
fn a_first_day_without_check_in_starts_with_the_smallest_rung() {
    let (values, movements) = person(3);
    let d = decide(&Model::default(), &values, &movements, start());
    let o = offer(&d);
    assert_eq!(o.rung_index, Some(0));
    assert_eq!(o.kind, RungKind::Internal);
    assert!(!o.stretch && !o.bit_more);
    // The size is said once: by the step's own words when they name it, else by the reason.
    if thaw_engine::names_its_length(&o.text) {
        assert_eq!(o.reason, "Without a check-in, we start small.");
    } else {
        assert_eq!(
            o.reason,
            "Without a check-in, we start small: about 10 seconds."
        );
    }
    assert!(values.iter().any(|v| v.id == o.value_id));
}

#[test]
fn a_good_check_in_allows_a_bigger_step_than_none() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    j.push(start(), EventKind::CheckIn(good_day()));
    let with = decide(&j.model, &values, &movements, later(start(), 1));
    let without = decide(&Model::default(), &values, &movements, start());
    assert!(offer(&with).difficulty > offer(&without).difficulty);
    assert!(offer(&with).predicted_success >= TARGET_SUCCESS);
    assert!(offer(&with)
        .reason
        .starts_with("You have some energy today"));
}

#[test]
fn energy_is_low_only_when_the_person_said_so() {
    let (values, movements) = person(2);
    let mut j = Journal::new();
    // Energy left out, the rest low: never "energy is low".
    j.push(
        start(),
        EventKind::CheckIn(checkin(None, Some(Level::Low), Some(Level::Low))),
    );
    let d = decide(&j.model, &values, &movements, later(start(), 1));
    assert!(
        !offer(&d).reason.to_lowercase().contains("energy"),
        "{}",
        offer(&d).reason
    );
    assert!(offer(&d)
        .reason
        .starts_with("You said there isn't much room today"));
    // Said: then it says so.
    j.push(
        later(start(), 2),
        EventKind::CheckIn(checkin(Some(Level::Low), None, None)),
    );
    let d = decide(&j.model, &values, &movements, later(start(), 3));
    assert!(offer(&d).reason.starts_with("You said energy is low"));
}

#[test]
fn smaller_please_goes_strictly_down_to_a_breath_then_rest() {
    let (values, movements) = person(2);
    let mut j = Journal::new();
    let mut t = start();
    j.push(t, EventKind::CheckIn(good_day()));
    let mut shown = decide(&j.model, &values, &movements, later(t, 1));
    let mut previous: Option<Offer> = None;
    for _ in 0..8 {
        t = later(t, 5);
        let o = match &shown {
            Decision::Offer(o) => o.clone(),
            Decision::Rest { .. } => panic!("a good day starts with an offer"),
        };
        if let Some(p) = &previous {
            assert_eq!(o.movement_id, p.movement_id);
            assert!(o.rung_index < p.rung_index, "{o:?} after {p:?}");
            assert!(shown_seconds(o.size.seconds) < shown_seconds(p.size.seconds));
            assert!(
                o.reason.starts_with("You asked for smaller"),
                "{}",
                o.reason
            );
        }
        match show_and_answer(&mut j, &values, &movements, &o, t, Response::SmallerPlease) {
            Answer::Offer(next) => shown = Decision::Offer(next),
            Answer::Rest { kind, reason } => {
                assert_eq!(o.rung_index, None, "rest only after the breath");
                assert_eq!(o.text, BREATH_TEXT);
                assert_eq!(o.size.words, "a few seconds");
                assert_eq!(
                    o.reason,
                    "You asked for smaller, so this is just one breath."
                );
                assert_eq!(kind, RestKind::SmallestWasTooMuch);
                assert_eq!(
                    reason,
                    "Today is for resting, and that is fine. Steps come back tomorrow."
                );
                return;
            }
            other => panic!("after Smaller please: {other:?}"),
        }
        previous = Some(o);
    }
    panic!("never reached rest");
}

#[test]
fn smaller_please_on_a_first_day_smallest_rung_is_one_breath_not_rest() {
    // A newcomer without a check-in is offered rung 0; asking for smaller then is the breath
    // ("too big" raises what rung 0 asks, and must not lift the breath out of reach).
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let t = start();
    let first = decide(&j.model, &values, &movements, t).offer().cloned();
    let first = first.expect("a first step");
    assert_eq!(first.rung_index, Some(0));
    match show_and_answer(
        &mut j,
        &values,
        &movements,
        &first,
        later(t, 1),
        Response::SmallerPlease,
    ) {
        Answer::Offer(next) => {
            assert_eq!(next.movement_id, first.movement_id);
            assert_eq!(next.text, BREATH_TEXT);
            assert!(shown_seconds(next.size.seconds) < shown_seconds(first.size.seconds));
            assert!(next.difficulty < first.difficulty);
            assert_eq!(
                next.reason,
                "You asked for smaller, so this is just one breath."
            );
        }
        other => panic!("smaller than the smallest rung is one breath: {other:?}"),
    }
}

#[test]
fn each_answer_gets_one_sentence_and_nothing_is_pushed_after_done_or_not_now() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let t = later(start(), 60);
    j.push(t, EventKind::CheckIn(good_day()));
    // Done: "You did it. That counts." and, maybe, a quiet "a bit more?" — no new step.
    let o = offer(&decide(&j.model, &values, &movements, t)).clone();
    match show_and_answer(&mut j, &values, &movements, &o, t, Response::Done) {
        Answer::Moved { message, bit_more } => {
            assert_eq!(message, "You did it. That counts.");
            if let Some(more) = bit_more {
                assert_eq!(more.movement_id, o.movement_id);
                assert_eq!(more.rung_index, Some(o.rung_index.map_or(0, |i| i + 1)));
                assert!(more.bit_more && more.stretch);
                assert!(more
                    .reason
                    .starts_with("Only if you like: the next step up"));
                assert_eq!(
                    more.reason.contains("takes"),
                    !thaw_engine::names_its_length(&more.text),
                    "{}: {}",
                    more.text,
                    more.reason
                );
            }
        }
        other => panic!("after Done: {other:?}"),
    }
    // Started.
    let o = offer(&decide(&j.model, &values, &movements, later(t, 10))).clone();
    let a = show_and_answer(
        &mut j,
        &values,
        &movements,
        &o,
        later(t, 10),
        Response::Started,
    );
    assert_eq!(
        a,
        Answer::Moved {
            message: "You started, and starting counts.".into(),
            bit_more: None
        }
    );
    // Not now: said once, nothing pushed.
    let o = offer(&decide(&j.model, &values, &movements, later(t, 20))).clone();
    let a = show_and_answer(
        &mut j,
        &values,
        &movements,
        &o,
        later(t, 20),
        Response::NotNow,
    );
    assert_eq!(
        a,
        Answer::Paused {
            message: "Not now is a real answer.".into()
        }
    );
    // Asked again after Not now: something different, without repeating the sentence.
    let again = decide(&j.model, &values, &movements, later(t, 30));
    assert_ne!(offer(&again).movement_id, o.movement_id);
    assert!(offer(&again)
        .reason
        .starts_with("Here is something different, whenever you like"));
    // A second Not now: the day turns to rest, saying why and when steps come back.
    let a = show_and_answer(
        &mut j,
        &values,
        &movements,
        offer(&again),
        later(t, 30),
        Response::NotNow,
    );
    assert_eq!(
        a,
        Answer::Rest {
            kind: RestKind::NotNowToday,
            reason: "Not now is a real answer. Steps come back tomorrow.".into()
        }
    );
}

#[test]
fn the_budget_ends_the_day_with_rest_and_says_when_steps_come_back() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let mut t = start();
    // No check-in: two steps today.
    for _ in 0..2 {
        t = later(t, 30);
        assert!(j
            .offer_and_reply(&values, &movements, t, Response::Done)
            .offer()
            .is_some());
    }
    let rest = Decision::Rest {
        kind: RestKind::BudgetSpent,
        reason: "You moved today, and that is today's room used. Steps come back tomorrow.".into(),
    };
    assert_eq!(decide(&j.model, &values, &movements, later(t, 30)), rest);
    assert_eq!(
        answer(&j.model, &values, &movements, later(t, 1)),
        Answer::Rest {
            kind: RestKind::BudgetSpent,
            reason: "You moved today, and that is today's room used. Steps come back tomorrow."
                .into()
        }
    );
    // The next day starts fresh.
    assert!(decide(&j.model, &values, &movements, later(t, 24 * 60))
        .offer()
        .is_some());
}

#[test]
fn a_step_done_today_is_not_offered_again_today() {
    let (values, movements) = person(1);
    let of_value = movements.iter().filter(|m| m.value_id == 1).count();
    let mut j = Journal::new();
    let mut t = start();
    j.push(t, EventKind::CheckIn(good_day()));
    let mut done: Vec<(i64, Option<u32>)> = Vec::new();
    while let Decision::Offer(o) = decide(&j.model, &values, &movements, later(t, 1)) {
        let step = (o.movement_id, o.rung_index);
        assert!(!done.contains(&step), "{} again", o.text);
        // Every movement has its turn before any comes round again.
        if done.len() < of_value {
            assert!(
                done.iter().all(|(m, _)| *m != o.movement_id),
                "{} before the others",
                o.text
            );
        }
        done.push(step);
        t = later(t, 10);
        j.push(t, EventKind::Offered(o.clone()));
        j.push(
            later(t, 1),
            EventKind::Replied(Reply::plain(Response::Done)),
        );
    }
    assert!(done.len() >= 2);
}

#[test]
fn not_now_never_lowers_capacity_or_steps() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let t = start();
    j.push(t, EventKind::CheckIn(good_day()));
    let before = j.model.capacity_at(t);
    let diffs: Vec<Vec<f64>> = movements
        .iter()
        .map(|m| effective_difficulties(&j.model, m))
        .collect();
    j.offer_and_reply(&values, &movements, later(t, 1), Response::NotNow);
    assert_eq!(j.model.capacity_at(later(t, 2)), before);
    let after: Vec<Vec<f64>> = movements
        .iter()
        .map(|m| effective_difficulties(&j.model, m))
        .collect();
    assert_eq!(after, diffs);
}

#[test]
fn something_else_moves_to_another_value_no_bigger() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let t = start();
    j.push(t, EventKind::CheckIn(good_day()));
    let first = j.offer_and_reply(&values, &movements, later(t, 1), Response::SomethingElse);
    let next = decide(&j.model, &values, &movements, later(t, 3));
    assert_ne!(offer(&next).value_id, offer(&first).value_id);
    assert!(offer(&next).difficulty <= offer(&first).difficulty + 1e-9);
    assert!(offer(&next)
        .reason
        .starts_with("Here is something different"));
}

#[test]
fn values_take_turns() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let mut seen = Vec::new();
    let mut t = start();
    for _ in 0..6 {
        // one offer a day, answered Done, so the budget never interferes
        let d = j.offer_and_reply(&values, &movements, t, Response::Done);
        seen.push(offer(&d).value_id);
        t = later(t, 24 * 60);
    }
    assert_eq!(seen, vec![1, 2, 3, 1, 2, 3]);
}

#[test]
fn after_a_session_integration_is_leaned_towards() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let t = start();
    j.push(t, EventKind::Session(TreatmentSession { at: t }));
    let d = decide(&j.model, &values, &movements, later(t, 24 * 60));
    let o = offer(&d);
    let m = movements
        .iter()
        .find(|m| m.id == o.movement_id)
        .expect("movement");
    assert!(m.integration);
    assert!(o.reason.contains("session"), "{}", o.reason);
    // Outside the window nothing leans.
    let d = decide(&j.model, &values, &movements, later(t, 20 * 24 * 60));
    assert!(!offer(&d).reason.contains("session"));
}

#[test]
fn steps_grow_within_days_when_they_go_well() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let mut t = start();
    let mut first_two_minutes = None;
    // A middling day each day, and every step done: a two-minute step within the first days.
    for day in 0..10 {
        j.push(t, EventKind::CheckIn(some_day()));
        for k in 0..2 {
            let d = j.offer_and_reply(&values, &movements, later(t, 10 + 60 * k), Response::Done);
            if offer(&d).size.seconds >= 120 && first_two_minutes.is_none() {
                first_two_minutes = Some(day);
            }
        }
        t = later(t, 24 * 60);
    }
    assert!(
        first_two_minutes.is_some_and(|d| d < 5),
        "{first_two_minutes:?}"
    );
}

#[test]
fn growth_is_said_as_such_and_a_too_big_one_is_not_tried_again_soon() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let mut t = start();
    let mut stretches = Vec::new();
    for day in 0..14 {
        j.push(t, EventKind::CheckIn(some_day()));
        for k in 0..2 {
            let at = later(t, 10 + 60 * k);
            if let Decision::Offer(o) = decide(&j.model, &values, &movements, at) {
                let r = if o.stretch {
                    assert!(o.reason.contains("step up"), "{}", o.reason);
                    stretches.push(day);
                    Response::SmallerPlease // every stretch is too big for this person
                } else {
                    Response::Done
                };
                j.push(at, EventKind::Offered(o));
                j.push(later(at, 1), EventKind::Replied(Reply::plain(r)));
            }
        }
        t = later(t, 24 * 60);
    }
    // Tried early, then waiting longer and longer: not every other day.
    assert!(!stretches.is_empty());
    assert!(stretches.len() <= 3, "{stretches:?}");
}

#[test]
fn a_bit_more_is_pulled_never_pushed_and_saying_no_changes_nothing() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let t = start();
    j.push(t, EventKind::CheckIn(good_day()));
    let o = offer(&decide(&j.model, &values, &movements, later(t, 1))).clone();
    let more = match show_and_answer(&mut j, &values, &movements, &o, later(t, 1), Response::Done) {
        Answer::Moved {
            bit_more: Some(more),
            ..
        } => more,
        other => panic!("a good day offers a bit more after a Done: {other:?}"),
    };
    assert_eq!(
        bit_more(&j.model, &values, &movements, later(t, 3)),
        Some(more.clone())
    );
    // Saying "not this time" (however it is said) changes nothing at all.
    let before = j.model.clone();
    let a = show_and_answer(
        &mut j,
        &values,
        &movements,
        &more,
        later(t, 4),
        Response::SmallerPlease,
    );
    assert_eq!(
        a,
        Answer::Paused {
            message: "That is fine. What you did already counts.".into()
        }
    );
    assert_eq!(
        j.model.capacity_at(later(t, 6)),
        before.capacity_at(later(t, 6))
    );
    for m in &movements {
        assert_eq!(
            effective_difficulties(&j.model, m),
            effective_difficulties(&before, m)
        );
    }
    // No bit more without a Done just before.
    assert_eq!(bit_more(&j.model, &values, &movements, later(t, 7)), None);
}

#[test]
fn i_have_a_moment_on_a_rest_day_gives_a_breath_then_a_noticing() {
    let (values, movements) = person(2);
    let mut j = Journal::new();
    let t = start();
    j.offer_and_reply(&values, &movements, later(t, 1), Response::NotNow);
    j.offer_and_reply(&values, &movements, later(t, 3), Response::NotNow);
    assert!(decide(&j.model, &values, &movements, later(t, 5))
        .offer()
        .is_none());
    j.push(later(t, 5), EventKind::Moment);
    let m = moment(&j.model, &values, &movements, later(t, 5));
    let o = offer(&m);
    assert_eq!(o.text, BREATH_TEXT);
    assert_eq!(
        o.reason,
        "Only if you like; nothing more is asked of you today."
    );
    // Even the breath too much: a noticing, still something.
    j.push(later(t, 6), EventKind::Offered(o.clone()));
    j.push(
        later(t, 7),
        EventKind::Replied(Reply::plain(Response::SmallerPlease)),
    );
    j.push(later(t, 8), EventKind::Moment);
    let m = moment(&j.model, &values, &movements, later(t, 8));
    assert_eq!(offer(&m).text, NOTICING_TEXT);
    // With nothing to offer at all, it says how to begin.
    assert!(matches!(
        moment(&Model::default(), &[], &[], t),
        Decision::Rest {
            kind: RestKind::NothingToOfferYet,
            ..
        }
    ));
}

#[test]
fn a_late_night_belongs_to_the_evening_before() {
    let (values, movements) = person(2);
    let mut j = Journal::new();
    let evening = later(start(), 12 * 60); // 20:00
    let night = later(start(), 17 * 60 + 30); // 01:30, the next calendar day
    let morning = later(start(), 25 * 60); // 09:00
    assert_eq!(day_of(night), day_of(evening));
    assert_ne!(day_of(morning), day_of(night));
    // A check-in at 01:30 replaces the evening's, and the morning has none yet.
    j.push(evening, EventKind::CheckIn(good_day()));
    j.push(
        night,
        EventKind::CheckIn(checkin(Some(Level::Low), None, None)),
    );
    assert_eq!(
        j.model.checkin_at(evening).and_then(|c| c.energy),
        Some(Level::Low)
    );
    assert_eq!(j.model.checkin_at(morning), None);
    // A step seen at 01:30 and answered "Smaller please" at 09:00: the same movement, smaller.
    let o = offer(&decide(&j.model, &values, &movements, night)).clone();
    j.push(night, EventKind::Offered(o.clone()));
    j.push(
        morning,
        EventKind::Replied(Reply::plain(Response::SmallerPlease)),
    );
    match answer(&j.model, &values, &movements, morning) {
        Answer::Offer(next) => {
            assert_eq!(next.movement_id, o.movement_id);
            assert!(next.rung_index < o.rung_index);
        }
        Answer::Rest { kind, .. } => assert_eq!(kind, RestKind::SmallestWasTooMuch),
        other => panic!("{other:?}"),
    }
}

#[test]
fn no_check_in_reads_as_a_usual_day_not_a_low_one() {
    let (values, movements) = person(2);
    let mut j = Journal::new();
    let mut t = start();
    // Weeks of middling check-ins and steps that go well...
    for _ in 0..21 {
        j.push(t, EventKind::CheckIn(some_day()));
        j.offer_and_reply(&values, &movements, later(t, 10), Response::Done);
        t = later(t, 24 * 60);
    }
    // ... then a day without a check-in is read as such a day, erring only a little small.
    let without = j.model.capacity_at(t).today;
    let mut with = j.model.clone();
    with.apply(&ev(t, EventKind::CheckIn(some_day())));
    let usual = with.capacity_at(t).today;
    assert!(
        without < usual && without > usual - 0.5,
        "{without} vs {usual}"
    );
}

#[test]
fn nothing_to_offer_without_values() {
    let d = decide(&Model::default(), &[], &[], start());
    assert!(matches!(
        d,
        Decision::Rest {
            kind: RestKind::NothingToOfferYet,
            ..
        }
    ));
}

/// Progress has one home (thaw-core builds it from stored rows); the model no longer keeps a
/// copy. A snapshot saved while it did still loads, as the same model.
#[test]
fn a_snapshot_with_the_old_progress_record_still_loads() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let t = start();
    j.offer_and_reply(&values, &movements, t, Response::Done);
    j.push(later(t, 24 * 60), EventKind::Rest);
    let mut old = serde_json::to_value(&j.model).unwrap();
    assert!(
        old.get("progress").is_none(),
        "the model keeps no progress now"
    );
    // The record as the model kept it then: the day's move, and the day closed.
    let mut record = Progress::default();
    let day = day_of(t);
    record.record_move(day, Some(1), true);
    record.record_start(day, 40);
    record.close_day(&DayFacts {
        moved_values: [1].into(),
        moved: true,
        rest_signal: false,
    });
    old["progress"] = serde_json::to_value(&record).unwrap();
    let loaded: Model = serde_json::from_value(old).unwrap();
    assert_eq!(loaded, j.model);
}

/// Snapshots saved before the model kept how a person's check-in words move together load,
/// reading check-ins as the tables say until new words come.
#[test]
fn a_snapshot_from_before_the_words_record_loads_and_reads_check_ins_as_before() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let t = start();
    j.push(
        t,
        EventKind::CheckIn(CheckIn {
            energy: Some(Level::Good),
            mood: Some(Level::Good),
            room: Some(Level::Good),
        }),
    );
    j.offer_and_reply(&values, &movements, t, Response::Done);
    let mut old = serde_json::to_value(&j.model).unwrap();
    let capacity = old["capacity"].as_object_mut().unwrap();
    assert!(capacity.remove("words").is_some());
    let loaded: Model = serde_json::from_value(old).unwrap();
    assert_eq!(loaded.capacity_at(t), j.model.capacity_at(t));
}

/// Snapshots saved before check-in words moved where the usual day starts load as someone
/// whose words have had their say: a new morning's words leave their usual day where it was.
#[test]
fn a_snapshot_from_before_the_usual_day_heard_words_loads_as_already_heard() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let t = start();
    j.offer_and_reply(&values, &movements, t, Response::Done);
    let mut old = serde_json::to_value(&j.model).unwrap();
    let capacity = old["capacity"].as_object_mut().unwrap();
    assert!(capacity.remove("words_heard").is_some());
    let mut loaded: Model = serde_json::from_value(old).unwrap();
    assert_eq!(loaded.capacity_at(t), j.model.capacity_at(t));
    let good = CheckIn {
        energy: Some(Level::Good),
        mood: Some(Level::Good),
        room: None,
    };
    let evening = later(t, 60);
    let next_day = later(t, 24 * 60);
    loaded.apply(&ev(evening, EventKind::CheckIn(good)));
    assert_eq!(
        loaded.capacity_at(next_day).usual,
        j.model.capacity_at(next_day).usual
    );
    // A new person's first mornings are heard.
    j.push(evening, EventKind::CheckIn(good));
    assert!(j.model.capacity_at(next_day).usual > loaded.capacity_at(next_day).usual);
}

#[test]
fn readiness_learns_from_done_and_moments() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let mut t = later(start(), 10 * 60); // 18:00
    for _ in 0..5 {
        j.offer_and_reply(&values, &movements, t, Response::Done);
        j.push(later(t, 5), EventKind::Moment);
        t = later(t, 24 * 60);
    }
    let allowed: Vec<u8> = (8..=21).collect();
    assert_eq!(j.model.best_hours(&allowed, 1), vec![18]);
}

#[test]
fn reasons_use_the_product_words() {
    let (values, movements) = person(4);
    let mut j = Journal::new();
    let mut t = start();
    let responses = [
        Response::SmallerPlease,
        Response::Done,
        Response::SomethingElse,
        Response::NotNow,
        Response::Started,
    ];
    for day in 0..10 {
        if day % 2 == 0 {
            j.push(
                t,
                EventKind::CheckIn(checkin(Some(Level::Some), None, Some(Level::Good))),
            );
        }
        for r in responses {
            t = later(t, 7);
            let d = j.offer_and_reply(&values, &movements, t, r);
            let text = match &d {
                Decision::Offer(o) => o.reason.clone(),
                Decision::Rest { reason, .. } => reason.clone(),
            };
            assert!(!text.contains('!'));
            for w in include_str!("../../thaw-clinical/never-words.txt")
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
            {
                assert!(!text.to_lowercase().contains(w), "{text}");
            }
        }
        t = later(t, 24 * 60);
    }
}

const WARM_UP_DAYS: usize = 42;

#[test]
fn a_step_that_was_too_big_does_not_come_back_as_a_sure_fit_on_a_day_like_that_one() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let mut t = start();
    // Six middling weeks, every step done: the engine knows this person well and offers
    // rungs above the smallest.
    for _ in 0..WARM_UP_DAYS {
        j.push(t, EventKind::CheckIn(some_day()));
        for k in 0..2 {
            j.offer_and_reply(&values, &movements, later(t, 10 + 60 * k), Response::Done);
        }
        t = later(t, 24 * 60);
    }
    // The next middling day, the first step sized to the day above the smallest is too big.
    j.push(t, EventKind::CheckIn(some_day()));
    let mut too_big = None;
    for k in 0..3 {
        let at = later(t, 10 + 60 * k);
        if let Decision::Offer(o) = decide(&j.model, &values, &movements, at) {
            let r = if too_big.is_none() && !o.stretch && o.rung_index.is_some_and(|i| i > 0) {
                too_big = Some((o.movement_id, o.rung_index));
                Response::SmallerPlease
            } else {
                Response::Done
            };
            j.push(at, EventKind::Offered(o));
            j.push(later(at, 1), EventKind::Replied(Reply::plain(r)));
        }
    }
    let (movement, rung) = too_big.expect("a step above the smallest after six good weeks");
    t = later(t, 24 * 60);
    // Ten days like that one, every other step done: that movement is offered again, but not
    // that step (nor a bigger one) as a sure fit (without the memory it came back on day 8).
    let mut seen_again = 0;
    for _ in 0..10 {
        j.push(t, EventKind::CheckIn(some_day()));
        for k in 0..3 {
            let at = later(t, 10 + 60 * k);
            if let Decision::Offer(o) = decide(&j.model, &values, &movements, at) {
                if o.movement_id == movement && !o.stretch && !o.bit_more {
                    seen_again += 1;
                    assert!(
                        o.rung_index < rung,
                        "{:?} again after too big",
                        o.rung_index
                    );
                }
                j.push(at, EventKind::Offered(o));
                j.push(
                    later(at, 1),
                    EventKind::Replied(Reply::plain(Response::Done)),
                );
            }
        }
        t = later(t, 24 * 60);
    }
    assert!(seen_again > 0, "the movement itself is still offered");
}

#[test]
fn no_step_up_on_a_day_the_person_says_energy_is_low() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let mut t = start();
    let low = checkin(Some(Level::Low), Some(Level::Low), Some(Level::Low));
    // Someone whose days are usually low all round; every third day energy is still low but
    // mood and room are good, which reads above their usual day. Every step done.
    let mut stretches = Vec::new();
    for day in 0..21 {
        let c = if day % 3 == 2 {
            checkin(Some(Level::Low), Some(Level::Good), Some(Level::Good))
        } else {
            low
        };
        j.push(t, EventKind::CheckIn(c));
        for k in 0..2 {
            let d = j.offer_and_reply(&values, &movements, later(t, 10 + 60 * k), Response::Done);
            if d.offer().is_some_and(|o| o.stretch) {
                stretches.push(day);
            }
        }
        t = later(t, 24 * 60);
    }
    assert!(stretches.is_empty(), "steps up on days {stretches:?}");
}

#[test]
fn a_bit_more_after_the_first_minutes_asks_for_the_act_and_an_act_too_big_stops_asking() {
    let (values, movements) = person(2);
    let is_act = |o: &Offer| o.kind == RungKind::Act;
    let mut j = Journal::new();
    let mut t = start();
    // Someone capable on usual days: every step done, every bit more that is not an act taken
    // and done, until "a bit more?" after a movement's first minutes asks for its act.
    let mut act: Option<(Offer, chrono::DateTime<chrono::FixedOffset>)> = None;
    'days: for _ in 0..40 {
        j.push(t, EventKind::CheckIn(some_day()));
        for k in 0..3 {
            let at = later(t, 10 + 60 * k);
            let Decision::Offer(o) = decide(&j.model, &values, &movements, at) else {
                continue;
            };
            let mut next = show_and_answer(&mut j, &values, &movements, &o, at, Response::Done);
            let mut at = later(at, 2);
            while let Answer::Moved {
                bit_more: Some(more),
                ..
            } = next
            {
                if is_act(&more) {
                    act = Some((more, at));
                    break 'days;
                }
                next = show_and_answer(&mut j, &values, &movements, &more, at, Response::Done);
                at = later(at, 2);
            }
        }
        t = later(t, 24 * 60);
    }
    let (more, at) = act.expect("a bit more towards an act within forty days");
    assert!(more.bit_more && more.stretch);
    assert_eq!(
        more.rung_index,
        Some(3),
        "the act is the rung after the first minutes"
    );
    // Taken and begun but not finished: too big this time. That movement's act is not asked
    // for again by "a bit more?" in the week after, however its first minutes go.
    show_and_answer(&mut j, &values, &movements, &more, at, Response::Started);
    let mut t = later(t, 24 * 60);
    for _ in 0..7 {
        j.push(t, EventKind::CheckIn(some_day()));
        for k in 0..3 {
            let at = later(t, 10 + 60 * k);
            let Decision::Offer(o) = decide(&j.model, &values, &movements, at) else {
                continue;
            };
            if let Answer::Moved {
                bit_more: Some(next),
                ..
            } = show_and_answer(&mut j, &values, &movements, &o, at, Response::Done)
            {
                assert!(
                    !(is_act(&next) && next.movement_id == more.movement_id),
                    "the act that was too big asked for again: {next:?}"
                );
            }
        }
        t = later(t, 24 * 60);
    }
}
