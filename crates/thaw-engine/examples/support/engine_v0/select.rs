//! Choosing the one step to offer now, or rest.
//!
//! In order:
//! 1. Rest when today's budget is spent, when "Not now" was said twice today, or when the day's
//!    offers reach their cap.
//! 2. After "Smaller please": the same movement, a strictly lower rung. Below rung 0 there is one
//!    more step, the breath-sized one ("Take one slow breath…"); below that, rest.
//! 3. After "Something else": another value if there is one (else another movement), and a rung
//!    no bigger than the one set aside.
//! 4. Otherwise: the value offered least recently (fair round-robin), then its movement offered
//!    least recently, skipping movements set aside today. In the days after a treatment session,
//!    every other offer leans towards practice and integration movements.
//!
//! The rung is always the largest whose predicted success reaches [`TARGET_SUCCESS`], or, if none
//! does, the smallest one allowed. Nothing here reads a clock or a random source.

use chrono::{DateTime, FixedOffset};

use super::budget::{daily_budget, daily_offer_cap};
use super::capacity::sigmoid;
use super::day::{day_of, days};
use super::domain::{Decision, Movement, Offer, Response, RestKind, RungKind, SizeEstimate, Value};
use super::model::{Model, Turns};
use super::params::*;
use super::reason::{offer_reason, rest_reason, size_words, ReasonInputs};

/// The breath-sized step below every ladder.
pub const BREATH_TEXT: &str = "Take one slow breath and think of why this matters to you.";
const BREATH_SECONDS: u32 = 5;

/// Effective difficulties of a movement's rungs: prior + learned correction, kept in ladder
/// order with at least [`RUNG_MIN_GAP`] between neighbours.
pub fn effective_difficulties(model: &Model, movement: &Movement) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(movement.rungs.len());
    for (i, rung) in movement.rungs.iter().enumerate() {
        let d = rung.difficulty + model.rung_offset(movement.id, i);
        let d = match out.last() {
            Some(prev) => d.max(prev + RUNG_MIN_GAP),
            None => d,
        };
        out.push(d);
    }
    out
}

/// The largest index in `0..limit` whose success reaches the target, else 0.
fn largest_fitting(theta: f64, diffs: &[f64], limit: usize) -> usize {
    (0..limit.min(diffs.len()))
        .rev()
        .find(|&i| sigmoid(theta - diffs[i]) >= TARGET_SUCCESS)
        .unwrap_or(0)
}

fn least_recent<'a, T>(
    items: impl Iterator<Item = &'a T>,
    id: impl Fn(&T) -> i64,
    turns: &std::collections::BTreeMap<i64, Turns>,
) -> Option<&'a T>
where
    T: 'a,
{
    items.min_by_key(|t| (turns.get(&id(t)).map_or(0, |x| x.last), id(t)))
}

/// What the engine proposes at `now`, given the person's values and movements.
/// Pure and deterministic: the same model, values, movements and `now` give the same decision.
pub fn decide(
    model: &Model,
    values: &[Value],
    movements: &[Movement],
    now: DateTime<FixedOffset>,
) -> Decision {
    let day = day_of(now);
    let current = model.is_current(day);
    let checkin = if current {
        model.day.checkin.as_ref()
    } else {
        None
    };
    let (spent, offers, not_now) = if current {
        (model.day.spent, model.day.offers, model.day.not_now)
    } else {
        (0, 0, 0)
    };
    let set_aside: &[i64] = if current { &model.day.set_aside } else { &[] };
    let moved_today = current && model.day.facts.moved;
    let rest = |kind| Decision::Rest {
        kind,
        reason: rest_reason(kind, moved_today),
    };

    let budget = daily_budget(checkin);
    if not_now >= NOT_NOW_REST_AFTER {
        return rest(RestKind::NotNowToday);
    }
    if spent >= budget {
        return rest(RestKind::BudgetSpent);
    }
    if offers >= daily_offer_cap(budget) {
        return rest(RestKind::EnoughChoosing);
    }

    let offerable: Vec<&Movement> = movements
        .iter()
        .filter(|m| !m.rungs.is_empty() && values.iter().any(|v| v.id == m.value_id))
        .collect();
    if offerable.is_empty() {
        return rest(RestKind::NothingToOfferYet);
    }

    let theta = model.effective_on(day);
    let last = model
        .last
        .as_ref()
        .filter(|l| l.day == day && l.response.is_some());
    let after = last.and_then(|l| l.response);
    let in_window = model
        .last_session
        .is_some_and(|s| s <= now && now - s <= days(SESSION_WINDOW_DAYS));
    let make = |m: &Movement, index: Option<usize>, diffs: &[f64], lean: bool| {
        build_offer(
            m,
            index,
            diffs,
            theta,
            checkin,
            after,
            lean,
            last.map(|l| &l.offer),
        )
    };

    // 2. Smaller please: strictly smaller, same movement.
    if let Some(l) = last.filter(|l| l.response == Some(Response::SmallerPlease)) {
        if let Some(m) = offerable.iter().find(|m| m.id == l.offer.movement_id) {
            let diffs = effective_difficulties(model, m);
            return match l.offer.rung_index {
                None => rest(RestKind::SmallestWasTooMuch),
                Some(0) => Decision::Offer(make(m, None, &diffs, false)),
                Some(i) => {
                    let i = largest_fitting(theta, &diffs, i as usize);
                    Decision::Offer(make(m, Some(i), &diffs, false))
                }
            };
        }
        // The movement is gone (edited away): fall through to a fresh choice.
    }

    let usable: Vec<&Movement> = offerable
        .iter()
        .copied()
        .filter(|m| !set_aside.contains(&m.id))
        .collect();
    if usable.is_empty() {
        return rest(RestKind::EnoughChoosing);
    }

    // 3/4. Which value, then which movement.
    let something_else = last.filter(|l| l.response == Some(Response::SomethingElse));
    let lean = in_window && offers % 2 == 0 && usable.iter().any(|m| m.integration);
    let pool: Vec<&Movement> = if lean {
        usable.iter().copied().filter(|m| m.integration).collect()
    } else {
        usable
    };
    let mut value_pool: Vec<&Value> = values
        .iter()
        .filter(|v| pool.iter().any(|m| m.value_id == v.id))
        .collect();
    if let Some(l) = something_else {
        if value_pool.iter().any(|v| v.id != l.offer.value_id) {
            value_pool.retain(|v| v.id != l.offer.value_id);
        }
    }
    let Some(value) = least_recent(value_pool.iter().copied(), |v| v.id, &model.value_turns) else {
        return rest(RestKind::EnoughChoosing);
    };
    let Some(movement) = least_recent(
        pool.iter().copied().filter(|m| m.value_id == value.id),
        |m| m.id,
        &model.movement_turns,
    ) else {
        return rest(RestKind::EnoughChoosing);
    };

    let diffs = effective_difficulties(model, movement);
    let limit = match something_else {
        // Same size: nothing bigger than the step set aside.
        Some(l) => diffs
            .iter()
            .take_while(|d| **d <= l.offer.difficulty + 1e-9)
            .count()
            .max(1),
        None => diffs.len(),
    };
    let index = largest_fitting(theta, &diffs, limit);
    Decision::Offer(make(movement, Some(index), &diffs, lean))
}

#[allow(clippy::too_many_arguments)]
fn build_offer(
    m: &Movement,
    index: Option<usize>,
    diffs: &[f64],
    theta: f64,
    checkin: Option<&super::domain::CheckIn>,
    after: Option<Response>,
    integration_window: bool,
    previous: Option<&Offer>,
) -> Offer {
    let rung0 = diffs.first().copied().unwrap_or(0.0);
    let rung = index.and_then(|i| m.rungs.get(i).zip(diffs.get(i)));
    let (text, kind, seconds, difficulty) = match rung {
        Some((r, d)) => (r.text.clone(), r.kind, r.seconds, *d),
        None => (
            BREATH_TEXT.to_string(),
            RungKind::Internal,
            BREATH_SECONDS,
            rung0 - BREATH_BELOW_RUNG0,
        ),
    };
    let words = size_words(seconds);
    let reason = offer_reason(ReasonInputs {
        checkin,
        after,
        breath: index.is_none(),
        integration_window,
        bigger_than_last: previous.is_some_and(|p| difficulty > p.difficulty + 1e-9),
        size: &words,
    });
    Offer {
        value_id: m.value_id,
        movement_id: m.id,
        rung_index: index.map(|i| u32::try_from(i).unwrap_or(u32::MAX)),
        text,
        kind,
        size: SizeEstimate { seconds, words },
        reason,
        predicted_success: sigmoid(theta - difficulty),
        difficulty,
    }
}
