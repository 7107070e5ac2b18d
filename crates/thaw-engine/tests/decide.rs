//! Scenario tests for offer selection, rest, and the words that come with them.

mod common;

use common::*;
use thaw_engine::*;

fn offer(d: &Decision) -> &Offer {
    d.offer().expect("an offer")
}

#[test]
fn a_first_day_without_check_in_starts_with_the_smallest_rung() {
    let (values, movements) = person(3);
    let d = decide(&Model::default(), &values, &movements, start());
    let o = offer(&d);
    assert_eq!(o.rung_index, Some(0));
    assert_eq!(o.kind, RungKind::Internal);
    assert!(o.reason.contains("check-in"), "{}", o.reason);
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
    assert!(offer(&with).predicted_success >= params::TARGET_SUCCESS);
    assert!(
        offer(&with).reason.contains("energy"),
        "{}",
        offer(&with).reason
    );
}

#[test]
fn smaller_please_goes_strictly_down_to_a_breath_then_rest() {
    let (values, movements) = person(2);
    let mut j = Journal::new();
    let mut t = start();
    j.push(t, EventKind::CheckIn(good_day()));
    let mut previous: Option<Offer> = None;
    for _ in 0..8 {
        t = later(t, 5);
        let d = j.offer_and_reply(&values, &movements, t, Response::SmallerPlease);
        match (&previous, &d) {
            (Some(p), Decision::Offer(o)) => {
                assert_eq!(o.movement_id, p.movement_id);
                assert!(o.rung_index < p.rung_index, "{o:?} after {p:?}");
                assert!(o.reason.contains("smaller"), "{}", o.reason);
            }
            (Some(p), Decision::Rest { kind, reason }) => {
                assert_eq!(p.rung_index, None, "rest only after the breath");
                assert_eq!(*kind, RestKind::SmallestWasTooMuch);
                assert!(reason.contains("Rest counts."));
                return;
            }
            (None, Decision::Offer(_)) => {}
            (None, Decision::Rest { .. }) => panic!("a good day starts with an offer"),
        }
        previous = d.offer().cloned();
    }
    panic!("never reached rest");
}

#[test]
fn the_budget_ends_the_day_with_rest() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let mut t = start();
    // No check-in: a low day, two steps.
    for _ in 0..2 {
        t = later(t, 30);
        assert!(j
            .offer_and_reply(&values, &movements, t, Response::Done)
            .offer()
            .is_some());
    }
    let d = decide(&j.model, &values, &movements, later(t, 30));
    assert_eq!(
        d,
        Decision::Rest {
            kind: RestKind::BudgetSpent,
            reason: "You moved today. Rest counts.".into()
        }
    );
    // The next day starts fresh.
    let tomorrow = later(t, 24 * 60);
    assert!(decide(&j.model, &values, &movements, tomorrow)
        .offer()
        .is_some());
}

#[test]
fn not_now_never_lowers_capacity_and_twice_means_rest() {
    let (values, movements) = person(3);
    let mut j = Journal::new();
    let t = start();
    j.push(t, EventKind::CheckIn(good_day()));
    let before = j.model.capacity_at(t);
    let first = j.offer_and_reply(&values, &movements, later(t, 1), Response::NotNow);
    assert_eq!(j.model.capacity_at(later(t, 2)), before);
    let second = j.offer_and_reply(&values, &movements, later(t, 3), Response::NotNow);
    assert_ne!(offer(&first).movement_id, offer(&second).movement_id);
    assert!(offer(&second)
        .reason
        .starts_with("Not now is a real answer"));
    let d = decide(&j.model, &values, &movements, later(t, 5));
    assert!(matches!(
        d,
        Decision::Rest {
            kind: RestKind::NotNowToday,
            ..
        }
    ));
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
    assert!(offer(&next).reason.contains("same size"));
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
fn steady_success_grows_offers_slowly() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let mut t = start();
    let mut sizes = Vec::new();
    // Every day a middling check-in and a Done: the steps grow, slowly (weeks, not days).
    for _ in 0..90 {
        j.push(
            t,
            EventKind::CheckIn(checkin(
                Some(Level::Some),
                Some(Level::Some),
                Some(Level::Some),
            )),
        );
        let d = j.offer_and_reply(&values, &movements, later(t, 10), Response::Done);
        sizes.push(offer(&d).difficulty);
        t = later(t, 24 * 60);
    }
    assert!(sizes[89] > sizes[0] + 1.0, "{sizes:?}");
    // Slowly: the first week stays within the small rungs.
    let first = &sizes[..5];
    assert!(first.iter().all(|d| *d < 0.0), "{first:?}");
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

#[test]
fn the_day_turns_at_four_in_the_morning() {
    let late = later(start(), 17 * 60 + 30); // 01:30 the next calendar day
    assert_eq!(day::day_of(late), day::day_of(start()));
    assert_ne!(
        day::day_of(later(start(), 20 * 60 + 1)),
        day::day_of(start())
    );
}

#[test]
fn progress_freezes_on_rest_and_counts_inside_and_outside() {
    let (values, movements) = person(1);
    let mut j = Journal::new();
    let t = start();
    j.offer_and_reply(&values, &movements, t, Response::Done);
    j.push(
        later(t, 30),
        EventKind::InternalShift(InternalShift {
            value_id: Some(1),
            note: "Thought about calling without dread".into(),
        }),
    );
    let day1 = j.model.progress(later(t, 24 * 60));
    let s1 = day1.strengths[0].strength;
    assert!(s1 > 0.0);
    // Day 2: a chosen rest. Day 3 looks at it: frozen.
    j.push(later(t, 24 * 60), EventKind::Rest);
    let day3 = j.model.progress(later(t, 48 * 60));
    assert_eq!(day3.strengths[0].strength, s1);
    assert_eq!(day3.weeks[0].inside, 2); // the internal rung and the shift
    assert_eq!(day3.weeks[0].outside, 0);
    // A quiet day with nothing at all eases it down, gently.
    let day4 = j.model.progress(later(t, 72 * 60));
    assert!(day4.strengths[0].strength < s1 && day4.strengths[0].strength > 0.9 * s1);
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
            for w in [
                "streak", "failed", "missed", "behind", "lazy", "should", "must",
            ] {
                assert!(!text.to_lowercase().contains(w), "{text}");
            }
        }
        t = later(t, 24 * 60);
    }
}
