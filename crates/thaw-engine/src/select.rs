//! Choosing the one step to offer now, or rest; "a bit more?"; "I have a moment"; and the
//! answer to each reply.
//!
//! [`decide`], in order:
//! 1. Rest when "Not now" was said twice today, when today's budget is spent, or when the day's
//!    offers reach their cap.
//! 2. After "Smaller please" (answered today, whenever the step was seen): the same movement,
//!    a rung strictly smaller in shown seconds and in difficulty and not done today. Below rung
//!    0 there is one more step, the breath-sized one; below that, rest.
//! 3. After "Something else": another value if there is one (else another movement), and a rung
//!    no bigger than the one set aside.
//! 4. Otherwise: the value offered least recently (fair round-robin), then its movement offered
//!    least recently (one with a step that fits today first), skipping movements that had their
//!    turn today; once all have, those only done today come round again with their other steps.
//!    A step done today is never offered again today. In the days after a treatment session,
//!    every other offer leans towards practice and integration movements.
//!
//! Size: the largest rung whose kind of step has lately gone well and that fits: its predicted
//! success reaches [`TARGET_SUCCESS`], or its own record (or its kind's, see [`crate::fit`])
//! puts its chance of being above capacity today at most `SIZE_RISK` (not on a day today's
//! answers or the last few days have said "too big"); once the first answers are in, a first
//! try of a rung that adds under a minute over the one below asks `SMALL_FIRST_TRY_AIM` (see
//! `Today::aim`). Growth: in the first answers and the
//! days after a session, on a day that can carry it (not before the first answer, nothing said
//! or done today below this person's usual), one rung above what surely fits a usual day, when
//! no record speaks for it yet and its predicted success is at least `GROWTH_FLOOR`
//! (`FIRST_STRETCH_FLOOR` for the first try of a kind); a growth step that was too big makes
//! the next of its kind wait longer and ask for more, and spends from the person's budget
//! (`Model::may_grow`). After `BOTTOM_DAYS` days of offers only on the smallest rungs, the next
//! rung up is offered the same way, marked as a stretch (see `fresh`); for someone whose
//! check-ins are usually low, only when what they have answered of that very step says it
//! fits (`BOTTOM_LOW_RISK`). After that, the records and the person's own "a bit more?" find the
//! bigger steps: a reach the engine pushes that turns out too big costs more than it teaches.
//! "A bit more?" towards a movement's act, after its first minutes were done, asks the act's
//! own record (`BIT_MORE_RISK`; the capacity model's prior, `BIT_MORE_FIRST_RISK`, before it
//! has answers), not the flat curve: that is how each movement's act comes to be known. And
//! after any Done while today has room, on any day but one the person said their energy is
//! low, the next rung up is asked about by its own record or the prior with a rung's spread
//! (`BIT_MORE_ANY_RISK`, `BIT_MORE_ANY_FIRST_RISK`): the risk is spent on the person's own
//! yes, and the first minutes and the act are sized by the capacity model alone only when it
//! is surer (`SIZED_BIG_AIM`). For someone who says "Not now" often (few Dones, so few "a bit
//! more?" asks), that room goes back to the sized steps and their rare asks
//! (`Model::rests_often`: `SPARE_AIM`, `SPARE_SIZE_RISK`, `SPARE_BIT_MORE_FIRST_RISK`); for
//! someone who rarely checks in, records size at `RARE_CHECKIN_SIZE_RISK`
//! (`SPARE_CHECKIN_SHARE`).
//! Once today has said "too big", nothing as big again today. If no rung reaches the
//! target, the smallest is offered, or the breath-sized step when even that looks unlikely
//! today. Nothing here reads a clock or a random source.

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::budget::{daily_budget, daily_offer_cap};
use crate::day::day_of;
use crate::domain::{
    Answer, CheckIn, Decision, Level, Movement, Offer, Response, RestKind, RungKind, SizeEstimate,
    Value,
};
use crate::fit::{day_read, ladder_risks, normal_cdf, risk, Margin, KIND_FIT_PRIOR};
use crate::model::{LastOffer, Model, Turns};
use crate::params::*;
use crate::reason::{self, shown_seconds, size_words, Why};

/// The breath-sized step below every ladder: simpler than the smallest rung, not a new task.
pub const BREATH_TEXT: &str = "Take one slow breath. That is all.";
/// How long the breath-sized step takes.
pub const BREATH_SECONDS: u32 = 5;
/// "I have a moment" on a day when even the breath was too much: a noticing.
pub const NOTICING_TEXT: &str = "Notice one thing near you, just for a moment.";
/// Effective difficulties of a movement's rungs for this person: prior + learned corrections
/// (for the kind of step, and for the rung itself), kept in ladder order with at least
/// `RUNG_MIN_GAP` between neighbours.
pub fn effective_difficulties(model: &Model, movement: &Movement) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::with_capacity(movement.rungs.len());
    for (i, rung) in movement.rungs.iter().enumerate() {
        let d = rung.difficulty + model.kind_offset(rung.kind) + model.rung_offset(movement.id, i);
        let d = match out.last() {
            Some(prev) => d.max(prev + RUNG_MIN_GAP),
            None => d,
        };
        out.push(d);
    }
    out
}

/// What is known about the day of `now`, read once.
struct Today<'a> {
    model: &'a Model,
    day: NaiveDate,
    now: DateTime<FixedOffset>,
    checkin: Option<&'a CheckIn>,
    spent: u32,
    offers: u32,
    not_now: u32,
    set_aside: &'a [i64],
    /// Steps done or started today (movement, rung).
    done: &'a [(i64, Option<u32>)],
    /// Today's "too big" ceiling (see `DayState::below`).
    below: Option<f64>,
    moved: bool,
    /// The most recent offer, when it was answered today.
    last: Option<&'a LastOffer>,
}

impl<'a> Today<'a> {
    fn new(model: &'a Model, now: DateTime<FixedOffset>) -> Self {
        let day = day_of(now);
        let current = model.is_current(day);
        let d = &model.day;
        Today {
            model,
            day,
            now,
            checkin: d.checkin.as_ref().filter(|_| current),
            spent: if current { d.spent } else { 0 },
            offers: if current { d.offers } else { 0 },
            not_now: if current { d.not_now } else { 0 },
            set_aside: if current { &d.set_aside } else { &[] },
            done: if current { &d.done } else { &[] },
            below: d.below.filter(|_| current),
            moved: current && d.facts.moved,
            last: model
                .last
                .as_ref()
                .filter(|l| l.response.is_some() && l.answered_on == Some(day)),
        }
    }

    fn budget(&self) -> u32 {
        daily_budget(self.checkin)
    }

    /// Why today is a rest day by now, if it is.
    fn rest_due(&self) -> Option<RestKind> {
        let budget = self.budget();
        if self.not_now >= NOT_NOW_REST_AFTER {
            Some(RestKind::NotNowToday)
        } else if self.spent >= budget {
            Some(RestKind::BudgetSpent)
        } else if self.offers >= daily_offer_cap(budget) {
            Some(RestKind::EnoughChoosing)
        } else {
            None
        }
    }

    /// Whether "a bit more?" may follow the Done just given: while today's budget has room,
    /// or, for someone whose days are mostly without a check-in, on a day without one, right
    /// after the Done that used its last unit (the climb past the budget, `climbs_past_budget`).
    fn room_to_climb(&self) -> bool {
        match self.rest_due() {
            None => true,
            Some(RestKind::BudgetSpent) => self.climbs_past_budget(),
            Some(_) => false,
        }
    }

    /// The climb past the budget: the step just done used today's last unit, it was not itself
    /// a bit more (one climb, once), and the day is read without a check-in by someone whose
    /// days mostly are (`CLIMB_PAST_BUDGET_CHECKIN_SHARE`). Their day allows two steps, and
    /// the act of a movement is reached only through its first minutes: when those came
    /// second, the act was never asked (a check-in's budget of three to five leaves the others
    /// room for it). Such a day then holds at most three steps, the third the next rung of the
    /// second, pulled by the person and only by that rung's own record or prior (see
    /// [`bit_more`]).
    fn climbs_past_budget(&self) -> bool {
        self.checkin.is_none()
            && self.model.capacity.checkin_days <= CLIMB_PAST_BUDGET_CHECKIN_SHARE
            && self.spent == self.budget()
            && self.last.is_some_and(|l| !l.offer.bit_more)
    }

    /// Whether a movement has had its turn today (done, started, or set aside).
    fn had_turn(&self, movement_id: i64) -> bool {
        self.set_aside.contains(&movement_id) || self.done.iter().any(|(m, _)| *m == movement_id)
    }

    /// Whether this step was done or started today.
    fn step_done(&self, movement_id: i64, rung: Option<usize>) -> bool {
        let rung = rung.map(|i| u32::try_from(i).unwrap_or(u32::MAX));
        self.done.contains(&(movement_id, rung))
    }

    fn rest(&self, kind: RestKind) -> Decision {
        Decision::Rest {
            kind,
            reason: reason::rest(kind, self.moved),
        }
    }

    fn effective(&self) -> f64 {
        self.model.effective_on(self.day)
    }

    /// The chance that each rung of `m` is above capacity today, `lower` logits below today's
    /// estimate, kept in ladder order (see [`crate::fit`]).
    fn risks(&self, m: &Movement, diffs: &[f64], lower: f64) -> Vec<f64> {
        let model = self.model;
        let shift = self.effective() - model.capacity.usual.mean - lower;
        let day_var = model.day_var();
        ladder_risks(
            m.rungs
                .iter()
                .zip(diffs)
                .enumerate()
                .map(|(i, (r, d))| {
                    if model.rung_known(m.id, i, r.kind) {
                        risk(model.rung_margin(m.id, i, r.kind, *d), shift, day_var)
                    } else {
                        UNKNOWN_RISK
                    }
                })
                .collect(),
        )
    }

    /// The chance that rung `i` of `m` is above capacity today by its margin belief (its own
    /// record on the capacity model's prior; the prior alone when it has none), not made
    /// consistent with the ladder.
    fn rung_risk(&self, m: &Movement, diffs: &[f64], i: usize) -> f64 {
        let model = self.model;
        let shift = self.effective() - model.capacity.usual.mean;
        risk(
            model.rung_margin(m.id, i, m.rungs[i].kind, diffs[i]),
            shift,
            model.day_var(),
        )
    }

    /// How much today's check-in lifts capacity above this person's usual day (0 if not).
    fn checkin_lift(&self) -> f64 {
        self.checkin
            .map_or(0.0, |c| self.model.capacity.checkin_shift(Some(c)).max(0.0))
    }

    /// The predicted success rung `i` of `m` needs to be offered as a fit: [`TARGET_SUCCESS`],
    /// or more for a first try that would add little. Once the first answers are in (and
    /// outside the weeks after a session), a rung with no answers of its own that adds less
    /// than a minute over the rung below asks to be nearly sure: one movement's preparing step
    /// says little about another's, a try that is too big at the bottom of the ladder buys
    /// seconds at best, and the people it was too big for are the ones at their lowest
    /// (steady low in the simulation: 31 % of such first offers were beyond them).
    fn aim(&self, m: &Movement, i: usize) -> f64 {
        let model = self.model;
        let small_gain =
            i > 0 && m.rungs[i].seconds < m.rungs[i - 1].seconds.saturating_add(SMALL_GAIN_SECONDS);
        let first_try = small_gain && !model.rung_answered(m.id, i) && !self.still_finding_level();
        if first_try {
            SMALL_FIRST_TRY_AIM
        } else if matches!(m.rungs[i].kind, RungKind::FirstMinutes | RungKind::Act) {
            // Surer than the target, less so for someone who rests often.
            model.sized_big_aim()
        } else {
            TARGET_SUCCESS
        }
    }

    /// Whether the engine is still finding this person's level: in their first answers, or
    /// in the weeks after a session, when capacity moves most. Then it reaches (growth) and
    /// sizes first tries at the usual aim; later, each step's record and the person's own
    /// "a bit more?" find bigger steps.
    fn still_finding_level(&self) -> bool {
        self.model.capacity.n < GROWTH_EARLY_ANSWERS || self.in_session_window()
    }

    fn in_session_window(&self) -> bool {
        self.model.last_session.is_some_and(|s| {
            s <= self.now && self.now - s <= chrono::Duration::days(SESSION_WINDOW_DAYS)
        })
    }

    /// The last answer today, unless it was "not this time" to a bit more (which is nothing).
    fn after(&self) -> Option<(&'a Offer, Response)> {
        let l = self.last?;
        let r = l.response?;
        let declined_bit_more =
            l.offer.bit_more && !matches!(r, Response::Done | Response::Started);
        (!declined_bit_more).then_some((&l.offer, r))
    }

    /// Builds the offer for rung `index` (`None`: the breath-sized step, or a noticing).
    fn offer(&self, m: &Movement, index: Option<usize>, diffs: &[f64], why: Why) -> Offer {
        self.offer_sized(m, index, diffs, why, why == Why::BitMore)
    }

    fn offer_sized(
        &self,
        m: &Movement,
        index: Option<usize>,
        diffs: &[f64],
        why: Why,
        stretch: bool,
    ) -> Offer {
        let rung0 = diffs.first().copied().unwrap_or(0.0);
        let rung = index.and_then(|i| m.rungs.get(i).zip(diffs.get(i)));
        let (text, kind, seconds, difficulty) = match rung {
            Some((r, d)) => (r.text.clone(), r.kind, r.seconds, *d),
            None => {
                let text = if why == Why::Noticing {
                    NOTICING_TEXT
                } else {
                    BREATH_TEXT
                };
                let d = rung0 - BREATH_BELOW_RUNG0;
                (text.to_string(), RungKind::Internal, BREATH_SECONDS, d)
            }
        };
        let words = size_words(seconds);
        // A step whose own text says how long it takes is not sized again by its reason.
        let said_size = (!reason::names_its_length(&text)).then_some(words.as_str());
        let bigger_than_last = self.after().is_some_and(|(prev, r)| {
            matches!(r, Response::Done | Response::Started)
                && shown_seconds(seconds) > shown_seconds(prev.size.seconds)
        });
        let reason = reason::offer(reason::Inputs {
            why,
            after: self.after().map(|(_, r)| r),
            breath: index.is_none(),
            checkin: self.checkin,
            integration_window: self.in_session_window() && m.integration,
            bigger_than_last,
            little_evidence: self.model.capacity.n < 3,
            hard_stretch: self.model.capacity.recent.mean < -0.5,
            size: said_size,
        });
        Offer {
            value_id: m.value_id,
            movement_id: m.id,
            rung_index: index.map(|i| u32::try_from(i).unwrap_or(u32::MAX)),
            text,
            kind,
            size: SizeEstimate { seconds, words },
            reason,
            predicted_success: self.model.success(self.effective(), difficulty),
            difficulty,
            stretch,
            bit_more: why == Why::BitMore,
        }
    }
}

fn least_recent<'a, T: 'a>(
    items: impl Iterator<Item = &'a T>,
    id: impl Fn(&T) -> i64,
    turns: &std::collections::BTreeMap<i64, Turns>,
) -> Option<&'a T> {
    items.min_by_key(|t| (turns.get(&id(t)).map_or(0, |x| x.last), id(t)))
}

/// Movements that can be offered: with rungs, under a value the person has.
fn offerable<'m>(values: &[Value], movements: &'m [Movement]) -> Vec<&'m Movement> {
    movements
        .iter()
        .filter(|m| !m.rungs.is_empty() && values.iter().any(|v| v.id == m.value_id))
        .collect()
}

/// What the engine proposes at `now`: one step, or rest.
/// Pure and deterministic: the same model, values, movements and `now` give the same decision.
pub fn decide(
    model: &Model,
    values: &[Value],
    movements: &[Movement],
    now: DateTime<FixedOffset>,
) -> Decision {
    let t = Today::new(model, now);
    if let Some(kind) = t.rest_due() {
        return t.rest(kind);
    }
    let offerable = offerable(values, movements);
    if offerable.is_empty() {
        return t.rest(RestKind::NothingToOfferYet);
    }
    match t.after() {
        Some((prev, Response::SmallerPlease)) => {
            if let Some(m) = offerable.iter().find(|m| m.id == prev.movement_id) {
                return smaller(&t, m, prev);
            }
            // The movement is gone (edited away): a fresh choice.
            fresh(&t, values, &offerable, None)
        }
        Some((prev, Response::SomethingElse)) => fresh(&t, values, &offerable, Some(prev)),
        _ => fresh(&t, values, &offerable, None),
    }
}

/// Strictly smaller than `prev`, same movement: in shown seconds and in difficulty. Or rest.
fn smaller(t: &Today<'_>, m: &Movement, prev: &Offer) -> Decision {
    let diffs = effective_difficulties(t.model, m);
    let prev_shown = shown_seconds(prev.size.seconds);
    let below = prev.rung_index.map_or(0, |i| i as usize).min(m.rungs.len());
    // (Steps done today are not offered again: smaller means smaller and not yet done.)
    let allowed: Vec<usize> = (0..below)
        .filter(|&j| shown_seconds(m.rungs[j].seconds) < prev_shown && diffs[j] < prev.difficulty)
        .filter(|&j| !t.step_done(m.id, Some(j)))
        .collect();
    // After "too big", no optimism: the estimate, lowered by the answer just given, and a
    // little more (a step that was too big is often the first sign of a hard day).
    let effective = t.effective() - SMALLER_EXTRA_MARGIN;
    if let Some(&smallest) = allowed.first() {
        let i = allowed
            .iter()
            .rev()
            .copied()
            .find(|&j| t.model.success(effective, diffs[j]) >= TARGET_SUCCESS)
            .unwrap_or(smallest);
        return Decision::Offer(t.offer(m, Some(i), &diffs, Why::Smaller));
    }
    // The breath sits below the step just found too big. "Too big" has just raised what that
    // step (often rung 0) is learned to ask, and measured from there the breath could look no
    // simpler than the step before it: the person asking for smaller on the smallest rung would
    // be sent to rest instead of offered one breath. So it is measured from the lower of the two.
    let mut below = diffs.clone();
    if let Some(d0) = below.first_mut() {
        *d0 = d0.min(prev.difficulty);
    }
    let breath_d = below.first().copied().unwrap_or(0.0) - BREATH_BELOW_RUNG0;
    let breath_is_smaller = prev.rung_index.is_some()
        && shown_seconds(BREATH_SECONDS) < prev_shown
        && breath_d < prev.difficulty
        && !t.step_done(m.id, None);
    if breath_is_smaller {
        Decision::Offer(t.offer(m, None, &below, Why::Smaller))
    } else {
        t.rest(RestKind::SmallestWasTooMuch)
    }
}

/// A fresh pick: which value, which movement, which rung. After "Something else" (`instead_of`)
/// another value if there is one, and nothing bigger than the step set aside.
fn fresh(
    t: &Today<'_>,
    values: &[Value],
    offerable: &[&Movement],
    instead_of: Option<&Offer>,
) -> Decision {
    // Movements that have not had their turn today; once every one has, those only done
    // today come round again (with their other steps: a step done today is not offered again).
    let mut usable: Vec<&Movement> = offerable
        .iter()
        .copied()
        .filter(|m| !t.had_turn(m.id))
        .collect();
    if usable.is_empty() {
        usable = offerable
            .iter()
            .copied()
            .filter(|m| !t.set_aside.contains(&m.id))
            .filter(|m| (0..m.rungs.len()).any(|i| !t.step_done(m.id, Some(i))))
            .collect();
    }
    if usable.is_empty() {
        return t.rest(RestKind::EachHadATurn);
    }
    let lean =
        t.in_session_window() && t.offers.is_multiple_of(2) && usable.iter().any(|m| m.integration);
    let pool: Vec<&Movement> = if lean {
        usable.iter().copied().filter(|m| m.integration).collect()
    } else {
        usable
    };
    let mut value_pool: Vec<&Value> = values
        .iter()
        .filter(|v| pool.iter().any(|m| m.value_id == v.id))
        .collect();
    if let Some(prev) = instead_of {
        if value_pool.iter().any(|v| v.id != prev.value_id) {
            value_pool.retain(|v| v.id != prev.value_id);
        }
    }
    let model = t.model;
    let Some(value) = least_recent(value_pool.iter().copied(), |v| v.id, &model.value_turns) else {
        return t.rest(RestKind::EachHadATurn);
    };
    // Within the value, movements take turns; one with a step that fits today goes first, so
    // a movement whose smallest step is hard for this person is not forced on a low day.
    let of_value: Vec<&Movement> = pool
        .iter()
        .copied()
        .filter(|m| m.value_id == value.id)
        .collect();
    let effective = t.effective();
    let fitting: Vec<&Movement> = of_value
        .iter()
        .copied()
        .filter(|m| {
            let d0 = effective_difficulties(model, m)[0];
            model.success(effective, d0) >= TARGET_SUCCESS
        })
        .collect();
    let choice = if fitting.is_empty() {
        &of_value
    } else {
        &fitting
    };
    // After days of offers only on the smallest rungs, a movement with a bigger step today (one
    // that fits, or the step up from the bottom) goes first: the movements take turns, and the
    // one whose turn it was had only its smallest step to give (its next rung untried, read
    // low), while another's step up was open. Each step keeps its own tests; only which
    // movement comes first changes (`BOTTOM_DAYS`). Simulation, three seeds (20260105 / 7 / 99),
    // with `BOTTOM_LONG_FLOOR`: people more than a week on the smallest step while more fits
    // and their answers say so, summed over the seven kinds, 14.9 / 16.6 / 12.7 → 9.7 / 8.6 /
    // 7.6 % (steady low 6.0 / 6.3 / 6.0 → 5.7 / 4.3 / 2.3 %); the worst kind's share above
    // capacity 1.88 / 1.90 / 1.91 → 1.90 / 1.89 / 1.91 %.
    let open: Vec<&Movement> = if instead_of.is_none() && model.bottom_days(t.day) >= BOTTOM_DAYS {
        choice
            .iter()
            .copied()
            .filter(|m| size(t, m, None).is_some_and(|(_, i, _)| i.is_some_and(|i| i > 0)))
            .collect()
    } else {
        Vec::new()
    };
    let choice = if open.is_empty() { choice } else { &open };
    let Some(m) = least_recent(choice.iter().copied(), |m| m.id, &model.movement_turns) else {
        return t.rest(RestKind::EachHadATurn);
    };

    let Some((diffs, index, stretch)) = size(t, m, instead_of) else {
        return t.rest(RestKind::EachHadATurn);
    };
    let why = match instead_of {
        Some(prev) => {
            let seconds = index.map_or(BREATH_SECONDS, |i| m.rungs[i].seconds);
            Why::Different {
                same_size: shown_seconds(seconds) == shown_seconds(prev.size.seconds),
            }
        }
        None => Why::Fresh,
    };
    let why = if stretch && why == Why::Fresh {
        Why::Stretch
    } else {
        why
    };
    Decision::Offer(t.offer_sized(m, index, &diffs, why, stretch))
}

/// The size of a fresh step from `m` today (`instead_of`: the step set aside by "Something
/// else"): its rungs' difficulties, the rung (`None`: the breath-sized step, or a noticing) and
/// whether it is a stretch. `None`: nothing of `m` is left to offer today.
fn size(
    t: &Today<'_>,
    m: &Movement,
    instead_of: Option<&Offer>,
) -> Option<(Vec<f64>, Option<usize>, bool)> {
    let model = t.model;
    let diffs = effective_difficulties(model, m);
    // After "Something else": nothing bigger than the step set aside (rung 0 at the least).
    let limit = match instead_of {
        Some(prev) => (0..m.rungs.len())
            .take_while(|&i| {
                diffs[i] <= prev.difficulty + 1e-9
                    && shown_seconds(m.rungs[i].seconds) <= shown_seconds(prev.size.seconds)
            })
            .count()
            .max(1),
        None => m.rungs.len(),
    };
    // Once today said "too big", nothing as big again today.
    let limit = match t.below {
        Some(below) => limit.min((0..m.rungs.len()).take_while(|&i| diffs[i] < below).count()),
        None => limit,
    };
    // The largest rung that fits the estimate. For growth, on a day that can carry it, one
    // rung above, when the estimate gives it a fair chance and that kind of step has not
    // lately been too big.
    let effective = t.effective();
    let not_done = |i: usize| !t.step_done(m.id, Some(i));
    // A rung fits when the capacity model is sure of it, or when its own record says its
    // chance of being above capacity today is small (see [`crate::fit`]; `SIZE_RISK`, looser
    // for someone who rests often or rarely checks in, `Model::size_risk`, and for a rung whose
    // own answers make its record firm, `Model::record_size_risk`).
    let records_hold = model.records_hold(t.day);
    let sure_at = |lower: f64| {
        let risks = t.risks(m, &diffs, lower);
        let risks: Vec<f64> = if records_hold {
            risks
        } else {
            vec![UNKNOWN_RISK; risks.len()]
        };
        (0..limit).rev().find(|&i| {
            not_done(i)
                && (model.success(effective - lower, diffs[i]) >= t.aim(m, i)
                    || risks[i] <= model.record_size_risk(m.id, i))
                && model.kind_goes_well(m.rungs[i].kind, t.day)
        })
    };
    let sure = sure_at(0.0);
    // Growth reaches one rung above what surely fits a usual day (a good check-in may already
    // have lifted today's fit that far; it does not add a second rung).
    let usual_sure = sure_at(t.checkin_lift());
    let grown = usual_sure.map(|i| i + 1).filter(|&g| {
        g < limit
            && not_done(g)
            && sure.is_none_or(|s| g > s)
            && model.growth_day(t.day)
            && model.may_grow()
            && model.may_reach_for(m.rungs[g].kind, t.day)
            && model.success(effective, diffs[g])
                >= model.stretch_floor(m.rungs[g].kind, GROWTH_FLOOR)
            // Growth is how the engine learns about steps it has no record of: in the first
            // answers and the days after a session. Later, a rung's record (and the person's
            // own "a bit more?") do that, and a reach that was too big costs more than it
            // teaches (it raises what that step, its kind and the day are learned to ask).
            && t.still_finding_level()
            && !model.rung_known(m.id, g, m.rungs[g].kind)
    });
    // Out of the bottom: after days of offers only on the smallest rungs (`BOTTOM_DAYS`), the
    // next rung up, as a marked stretch, on a day that can carry it, when smaller steps have
    // lately gone well, the estimate gives it a fair chance (`BOTTOM_FLOOR`) and, for someone
    // whose check-ins are usually low (`BOTTOM_USUAL_CHECKIN`), the step's own answers put it
    // within reach (`BOTTOM_LOW_RISK`). Dones the model expected at 0.98
    // teach it almost nothing: without a try, a capable person whose estimate fell after one
    // unlucky "too big" stays on the smallest step for weeks. It waits on the growth budget
    // (`Model::may_grow`) until `BOTTOM_DAYS_PAST_BUDGET` days, and never on growth's per-kind
    // waits, which double after each miss. From then, too, the recent days may read lower
    // (`BOTTOM_LONG_RECENT_MARGIN`): one "too big" reads low for a week; and the estimate may
    // give it less (`BOTTOM_LONG_FLOOR`). See `bottom_blocked`.
    let bottom = match (grown, sure) {
        (None, Some(0)) => {
            Some(1).filter(|&g| g < limit && not_done(g) && bottom_blocked(t, m, &diffs).is_none())
        }
        _ => None,
    };
    let grown = grown.or(bottom);
    let stretch = grown.is_some();
    let index = grown.or(sure);
    let smallest_not_done = (0..limit).find(|&i| not_done(i));
    let index = match (index, smallest_not_done) {
        (Some(i), _) => Some(i),
        // Nothing reaches the target: the smallest rung not done today, or the breath when even
        // that looks unlikely today (a crash, a run of "too big"), is as big as what was too
        // big today, or is done already.
        (None, None) => None,
        (None, Some(i)) if t.model.success(t.effective(), diffs[i]) < BREATH_FIRST_BELOW => None,
        (None, Some(i)) => Some(i),
    };
    // The breath done already today on this movement: its smallest step not done, or rest.
    let index = match index {
        None if t.step_done(m.id, None) => match smallest_not_done {
            Some(i) => Some(i),
            None => return None,
        },
        other => other,
    };
    Some((diffs, index, stretch))
}

/// Why the step up from the bottom (rung 1 of `m`, see `fresh`) would not be offered today:
/// the first of its conditions that fails, or `None` when it would be.
fn bottom_blocked(t: &Today<'_>, m: &Movement, diffs: &[f64]) -> Option<&'static str> {
    let model = t.model;
    let days = model.bottom_days(t.day);
    if m.rungs.len() < 2 {
        Some("no rung above")
    } else if days < BOTTOM_DAYS {
        Some("too few days at the bottom")
    } else if !(model.may_grow() || days >= BOTTOM_DAYS_PAST_BUDGET) {
        Some("growth budget")
    } else if let Some(why) = model.bottom_day(t.day, days >= BOTTOM_DAYS_PAST_BUDGET) {
        Some(why)
    } else if !model.kind_goes_well(m.rungs[0].kind, t.day)
        || !model.kind_goes_well(m.rungs[1].kind, t.day)
    {
        Some("kind lately not well")
    } else if model.success(t.effective(), diffs[1])
        < if days >= BOTTOM_DAYS_PAST_BUDGET {
            BOTTOM_LONG_FLOOR
        } else {
            BOTTOM_FLOOR
        }
    {
        Some("below the floor")
    } else if model.usual_checkin_level() < BOTTOM_USUAL_CHECKIN
        && !(model.rung_tried(m.id, 1) && t.rung_risk(m, diffs, 1) <= BOTTOM_LOW_RISK)
    {
        Some("usually low check-ins")
    } else {
        None
    }
}

/// Whether "a bit more?" may ask about rung 1 of `m` right after its smallest step was done,
/// for someone who has had days of offers only on the smallest rungs (see `bit_more`).
fn bottom_bit_more(t: &Today<'_>, m: &Movement, diffs: &[f64]) -> bool {
    let model = t.model;
    m.rungs.len() > 1
        && model.bottom_days(t.day) >= BOTTOM_BIT_MORE_DAYS
        && !model.too_big_today(t.day)
        && t.checkin.is_none_or(|c| c.energy != Some(Level::Low))
        && model.kind_goes_well(m.rungs[0].kind, t.day)
        && model.kind_goes_well(m.rungs[1].kind, t.day)
        && model.success(t.effective(), diffs[1]) >= BOTTOM_BIT_MORE_FLOOR
        && (model.usual_checkin_level() >= BOTTOM_USUAL_CHECKIN
            || model.rung_tried(m.id, 1) && t.rung_risk(m, diffs, 1) <= BOTTOM_BIT_MORE_LOW_RISK)
}

/// Why the step up from the bottom of `movement` would not be offered now (`None`: it would,
/// when its smallest rung is what fits). A diagnostic for the simulation's trace, not part of
/// deciding.
#[doc(hidden)]
pub fn bottom_held(
    model: &Model,
    movement: &Movement,
    now: DateTime<FixedOffset>,
) -> Option<&'static str> {
    let t = Today::new(model, now);
    let diffs = effective_difficulties(model, movement);
    bottom_blocked(&t, movement, &diffs)
}

/// Why rung `index` of a movement would not be offered as a fit on a fresh pick now: the first
/// of `fresh`'s conditions that holds it back, in the order they are read, with the chance its
/// record gives it of being above capacity today and the capacity model's predicted success.
/// `None` as the reason: it would fit. A diagnostic for the simulation (`SIM_ACTS=1` for the
/// act, `SIM_HELD=1` for the next rung up), not part of deciding; pure like the rest.
#[doc(hidden)]
pub fn held_back(
    model: &Model,
    movement: &Movement,
    now: DateTime<FixedOffset>,
    index: usize,
) -> (Option<&'static str>, f64, f64) {
    let t = Today::new(model, now);
    let m = movement;
    let diffs = effective_difficulties(model, m);
    let risks = t.risks(m, &diffs, 0.0);
    let risk = risks.get(index).copied().unwrap_or(1.0);
    let Some(rung) = m.rungs.get(index) else {
        return (Some("no such rung"), risk, 0.0);
    };
    let effective = t.effective();
    let predicted = model.success(effective, diffs[index]);
    let aim = t.aim(m, index);
    let known = model.rung_known(m.id, index, rung.kind);
    let holds = model.records_hold(t.day);
    let size_risk = model.record_size_risk(m.id, index);
    // Whether it would fit with capacity `lift` logits higher (the record's risk read the same).
    let fits_lifted = |lift: f64| {
        model.success(effective + lift, diffs[index]) >= aim
            || (known && holds && t.risks(m, &diffs, -lift)[index] <= size_risk)
    };
    // The no-check-in margin, as far as it counts for this person.
    let margin = -model.capacity.checkin_shift(None);
    let why = if t.step_done(m.id, Some(index)) {
        Some("done today")
    } else if t.below.is_some_and(|b| diffs[index] >= b) {
        Some("today said too big")
    } else if !model.kind_goes_well(rung.kind, t.day) {
        Some("kind lately not well")
    } else if fits_lifted(0.0) {
        None
    } else if t.checkin.is_none() && margin > 0.0 && fits_lifted(margin) {
        Some("no check-in margin")
    } else if predicted >= TARGET_SUCCESS && aim > TARGET_SUCCESS {
        Some("small first try aim")
    } else if !holds && known && t.risks(m, &diffs, 0.0)[index] <= size_risk {
        // Only where the record would have sized it: on other days the rule costs nothing,
        // and what holds the rung back is read on below as on any day.
        Some("records do not hold today")
    } else if !known {
        if model.rung_tried(m.id, index) {
            Some("no record to speak of (tried; kind weak)")
        } else {
            Some("no record (never answered; kind weak)")
        }
    } else if model.rung_answered(m.id, index) {
        Some("own record risk above SIZE_RISK")
    } else {
        Some("kind record risk above SIZE_RISK")
    };
    // Where no record sizes it, the risk its margin belief (the prior, with its kind's record)
    // would give it: what vouching for it would read.
    let risk = if known {
        risk
    } else {
        t.rung_risk(m, &diffs, index)
    };
    (why, risk, predicted)
}

/// Rung `index` of `movement`'s margin today as the engine reads it: the mean of its margin
/// belief (its own record on the capacity model's prior) plus today's shift, and the
/// standard deviation of that reading, day included. A diagnostic for the simulation
/// (`SIM_HELD=3`: the engine's reading against the true margin); not part of the API.
#[doc(hidden)]
pub fn margin_today(
    model: &Model,
    movement: &Movement,
    now: DateTime<FixedOffset>,
    index: usize,
) -> (f64, f64) {
    let t = Today::new(model, now);
    let diffs = effective_difficulties(model, movement);
    let shift = t.effective() - model.capacity.usual.mean;
    let m = model.rung_margin(movement.id, index, movement.rungs[index].kind, diffs[index]);
    (m.mean + shift, (m.var + model.day_var()).sqrt())
}

/// Rung `index` of `movement`'s margin on a usual day as the engine reads it, in parts: the
/// capacity model's prior (with its kind's record) and the posterior with the rung's own
/// record (mean, variance each), and that record's precision. A diagnostic for the
/// simulation (`SIM_BIAS=1`: which estimate carries the error of the steps offered); not
/// part of the API.
#[doc(hidden)]
pub fn margin_parts(model: &Model, movement: &Movement, index: usize) -> [f64; 5] {
    let diffs = effective_difficulties(model, movement);
    let kind = movement.rungs[index].kind;
    let prior = model.margin_prior(kind, diffs[index]);
    let post = model.rung_margin(movement.id, index, kind, diffs[index]);
    [
        prior.mean,
        prior.var,
        post.mean,
        post.var,
        model.rung_precision(movement.id, index),
    ]
}

/// The chance each rung of `movement` is above capacity today as its record reads it (`None`
/// where no record sizes it: untried and unknown, or a day the records do not hold). A
/// diagnostic for the simulation's calibration table (`SIM_RISK=1`): the records' nominal risk
/// against how often such offers were beyond the person. Not part of the API.
#[doc(hidden)]
pub fn record_risks(
    model: &Model,
    movement: &Movement,
    now: DateTime<FixedOffset>,
) -> Vec<Option<f64>> {
    let t = Today::new(model, now);
    let diffs = effective_difficulties(model, movement);
    let holds = model.records_hold(t.day);
    t.risks(movement, &diffs, 0.0)
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            (holds && model.rung_known(movement.id, i, movement.rungs[i].kind)).then_some(r)
        })
        .collect()
}

/// The chance rung `index` of `movement` is above capacity today by its margin belief (its
/// own record on the capacity model's prior; the prior alone without one), whatever sized it.
/// A diagnostic for the simulation (`SIM_ACT_DAY=1`); not part of the API.
#[doc(hidden)]
pub fn margin_risk(
    model: &Model,
    movement: &Movement,
    now: DateTime<FixedOffset>,
    index: usize,
) -> f64 {
    let t = Today::new(model, now);
    let diffs = effective_difficulties(model, movement);
    if index >= diffs.len() {
        return 1.0;
    }
    t.rung_risk(movement, &diffs, index)
}

/// Readings of rung `index` of `movement` when it has no answers of its own (`None` when it
/// has): the engine's margin belief (`Today::rung_risk`), then the untried reading
/// (`untried_risk`) with the kind parts at 0 and 1/2 and the day as estimated, then the
/// same with today's Done below read into the day, then the margin belief with it too. A
/// diagnostic for the simulation (`SIM_ANYCAL=1`: each reading's stated risk against how
/// often the rung was beyond the person); not part of the API.
#[doc(hidden)]
pub fn untried_reads(
    model: &Model,
    movement: &Movement,
    now: DateTime<FixedOffset>,
    index: usize,
) -> Option<[f64; 5]> {
    if index >= movement.rungs.len() || model.rung_answered(movement.id, index) {
        return None;
    }
    let t = Today::new(model, now);
    let diffs = effective_difficulties(model, movement);
    Some([
        t.rung_risk(movement, &diffs, index),
        untried_risk(&t, movement, &diffs, index, 0.0, false),
        untried_risk(&t, movement, &diffs, index, 0.5, false),
        untried_risk(&t, movement, &diffs, index, 0.0, true),
        untried_risk(&t, movement, &diffs, index, 0.5, true),
    ])
}

/// The chance that rung `i` of `m`, with no answers of its own, is above capacity today, read
/// for "a bit more?" right after a Done: the ladder's prior for the rung with the learned
/// corrections for its kind counted at `kind_share` (the kind offset and the kind record
/// learn from the same answers and swing answer to answer), the rung's own spread, and the
/// day as the capacity model reads it; with `today`, the day also read by today's Done of
/// the rung just below (`fit::day_read`): a Done near that step's edge says the day has
/// more room than the estimate, one far below it says almost nothing. A diagnostic only, read
/// by the simulation's `SIM_ANYCAL` through [`untried_reads`], so it lives beside it, not in
/// `Today`: without the kind parts it is calibrated where the engine's margin belief is
/// optimistic (volatile days, asked: 12.6 % stated, 18.2 % beyond the person), but it ranks
/// the rungs no better, so asked by it at a looser risk "a bit more?" moved along the engine's
/// old line (issue 14, round twelve); today's Done below moves it by under a point (the
/// capacity model's reading of today has already heard that Done).
fn untried_risk(
    t: &Today,
    m: &Movement,
    diffs: &[f64],
    i: usize,
    kind_share: f64,
    today: bool,
) -> f64 {
    let model = t.model;
    let kind = m.rungs[i].kind;
    let c = &model.capacity;
    let k = model.kind_fit[kind as usize].posterior(KIND_FIT_PRIOR);
    let d =
        m.rungs[i].difficulty + kind_share * model.kind_offset(kind) + model.rung_offset(m.id, i);
    let d = if i > 0 {
        d.max(diffs[i - 1] + RUNG_MIN_GAP)
    } else {
        d
    };
    let margin = Margin {
        mean: c.usual.mean - d + kind_share * k.mean,
        var: c.usual.var + kind_share * kind_share * k.var + FIT_RUNG_VARIANCE,
    };
    let shift = t.effective() - c.usual.mean;
    let day_var = model.day_var();
    let below_done = i > 0 && t.step_done(m.id, Some(i - 1));
    let (day_mean, day_left) = if today && below_done {
        let below = model.rung_margin(m.id, i - 1, m.rungs[i - 1].kind, diffs[i - 1]);
        day_read(below, 1.0, shift, day_var)
    } else {
        (0.0, day_var)
    };
    normal_cdf(-(margin.mean + shift + day_mean) / (margin.var + day_left).sqrt())
}

/// How unsure a day's capacity is around its estimate before any answer (`Model::day_var`).
/// A diagnostic for the simulation (`SIM_PAIRED=1`); not part of the API.
#[doc(hidden)]
pub fn day_spread(model: &Model) -> f64 {
    model.day_var()
}

/// The capacity model's reading of today against the usual day, as an answer now is read by
/// its rung's record.
fn answer_shift(model: &Model) -> f64 {
    model.capacity.today_capacity(model.day.checkin.as_ref()) - model.capacity.usual.mean
}

/// What an answer `r` (Done 1, Started ½, too big 0) to rung `index` of `movement` now would
/// teach that rung's own record, were the day read as unsure as `day_var`: the precision it
/// would add and the record's mean afterwards (the margin on a usual day). A diagnostic for
/// the simulation (`SIM_PAIRED=1`: how much a try teaches, and how much a better reading of
/// its day would); not part of the API.
#[doc(hidden)]
pub fn record_gain(
    model: &Model,
    movement: &Movement,
    index: usize,
    r: f64,
    day_var: f64,
) -> (f64, f64) {
    let diffs = effective_difficulties(model, movement);
    let prior = model.margin_prior(movement.rungs[index].kind, diffs[index]);
    let mut fit = model
        .fit
        .get(&movement.id)
        .and_then(|v| v.get(index))
        .copied()
        .unwrap_or_default();
    let before = fit.precision;
    fit.observe(prior, r, answer_shift(model), day_var);
    (fit.precision - before, fit.posterior(prior).mean)
}

/// What is left unknown of today (variance) once an answer `r` to rung `index` of `movement`
/// is read, `day_var` having been left before it (see `fit::day_read`). A diagnostic for the
/// simulation (`SIM_PAIRED=1`); not part of the API.
#[doc(hidden)]
pub fn day_left(model: &Model, movement: &Movement, index: usize, r: f64, day_var: f64) -> f64 {
    let diffs = effective_difficulties(model, movement);
    let kind = movement.rungs[index].kind;
    let margin = model.rung_margin(movement.id, index, kind, diffs[index]);
    day_read(margin, r, answer_shift(model), day_var).1
}

/// "A bit more?": right after a Done, the next rung up of the same movement, if today has room
/// and it is likely enough to go well. Optional and quiet: the person pulls it, it is never
/// pushed, and saying no to it changes nothing.
pub fn bit_more(
    model: &Model,
    values: &[Value],
    movements: &[Movement],
    now: DateTime<FixedOffset>,
) -> Option<Offer> {
    let t = Today::new(model, now);
    let (prev, response) = t.after()?;
    if response != Response::Done || !t.room_to_climb() {
        return None;
    }
    let m = offerable(values, movements)
        .into_iter()
        .find(|m| m.id == prev.movement_id)?;
    let next = prev.rung_index.map_or(0, |i| i as usize + 1);
    let rung = m.rungs.get(next)?;
    let diffs = effective_difficulties(model, m);
    let bigger = shown_seconds(rung.seconds) > shown_seconds(prev.size.seconds)
        && diffs[next] > prev.difficulty;
    // Towards a movement's act, right after its first minutes were done: the act's own record
    // (or, before it has answers, the capacity model's prior with a rung's spread) says
    // whether to ask, not the flat curve, which rarely gives an act a fair chance. The act is
    // where the minutes are, and most movements' acts had never been answered, so no record
    // could ever size them (SIM_ACTS: 56 % of the offers whose largest feasible step was the
    // act, volatile days). The person pulls it (people take it about as often as it fits
    // them), and "Not this time" teaches nothing, so it does not spend growth's budget; an act
    // tried and too big has a record that stops asking (`BIT_MORE_RISK`). Asking first that
    // the first minutes be known by their own record held back nearly every try: Dones the
    // model expected add little to a record's precision.
    //
    // For someone whose days are read without a check-in, an act never answered is asked
    // about more readily once its first minutes have vouched for it (`Model::vouched_risk`):
    // no check-in ever lifts their reading of a good day, so their acts, which the prior reads
    // as unlikely, were almost never asked (SIM_HELD=2: the acts held back from people who
    // never check in, though within them, mostly read by the prior as over 40 % likely to be
    // beyond them). The question is theirs to take on a day they feel able, which tells what
    // a check-in tells for others; a "too big" gives the act a record that stops the asking.
    // Past the day's budget (`Today::climbs_past_budget`), only the act's own record or its
    // prior at the usual risk asks: not the vouched ask, not growth's test, not the step out
    // of the bottom, which are for days with room. With the vouched ask too, never checks in
    // did 74 / 73 / 73 % (not 72 / 70 / 70) at 1.85 / 1.79 / 1.90 % above capacity (not 1.69 /
    // 1.65 / 1.63): 29 % of the climbs it added were beyond the person. With growth's test and
    // the bottom's ask too: 1.92 % and a 12-day stay at the bottom (seed 20260105).
    let past_budget = t.spent >= t.budget();
    let risk = t.rung_risk(m, &diffs, next);
    let by_record = rung.kind == RungKind::Act
        && model.records_hold(t.day)
        && if model.rung_answered(m.id, next) {
            risk <= BIT_MORE_RISK
        } else {
            risk <= BIT_MORE_FIRST_RISK
                || t.checkin.is_none()
                    && model.step_below_vouches(m.id, next)
                    && risk <= model.vouched_risk()
                    && !past_budget
        };
    // Otherwise growth the person pulls follows the same evidence as growth the engine
    // offers: a kind of step not lately too big, the budget, and a fair chance.
    let growth = !past_budget
        && model.may_grow()
        && model.may_reach_for(rung.kind, t.day)
        && model.success(t.effective(), diffs[next])
            >= model.stretch_floor(rung.kind, BIT_MORE_FLOOR);
    // Out of the bottom, pulled: after days of offers only on the smallest rungs, right after
    // a smallest step was done, its next rung up is asked about on a day growth's test would
    // not open, when the estimate gives it a fair chance (`BOTTOM_BIT_MORE_FLOOR`), smaller
    // steps have lately gone well and today's answers have not said "too big"; for someone
    // whose check-ins are usually low, only on that step's own record
    // (`BOTTOM_BIT_MORE_LOW_RISK`); never on a day someone says their energy is low. The
    // person takes it only when they feel able; the last long stays on the smallest step were
    // on days the pushed step up's tests kept shut (steady low, 01:30 nights).
    let from_bottom = !past_budget && next == 1 && bottom_bit_more(&t, m, &diffs);
    // After any Done while today has room, on any day but one the person said their energy
    // is low: the next rung's own record (`BIT_MORE_ANY_RISK`) or, without answers of its
    // own, the capacity model's prior with a rung's spread (`BIT_MORE_ANY_FIRST_RISK`); for
    // someone whose check-ins are usually low, only when nearly sure
    // (`BIT_MORE_ANY_LOW_RISK`). The risk the engine spends is on the person's own yes, taken
    // when they feel able, not on steps it sizes (`SIZED_BIG_AIM`, `SIZE_RISK`). Someone who
    // rests often has few Dones to ask after, so an untried rung is asked about more readily
    // (`Model::bit_more_first_risk`).
    let energy_low = t.checkin.is_some_and(|c| c.energy == Some(Level::Low));
    let any_risk = if model.usual_checkin_level() < BOTTOM_USUAL_CHECKIN {
        BIT_MORE_ANY_LOW_RISK
    } else if model.rung_answered(m.id, next) {
        BIT_MORE_ANY_RISK
    } else {
        model.bit_more_first_risk()
    };
    let after_any_done = !past_budget && !energy_low && risk <= any_risk;
    // Either way, never as big as a step found too big today.
    let fits = bigger
        && !t.step_done(m.id, Some(next))
        && t.below.is_none_or(|b| diffs[next] < b)
        && (model.growth_day(t.day) && (by_record || growth) || from_bottom || after_any_done);
    fits.then(|| t.offer(m, Some(next), &diffs, Why::BitMore))
}

/// "I have a moment": always something that fits. A step as [`decide`] would offer it; on a
/// rest day, a breath-sized step (or, when even that was too much today, a noticing), said as
/// such. Only with nothing to offer yet (no values) is it rest.
pub fn moment(
    model: &Model,
    values: &[Value],
    movements: &[Movement],
    now: DateTime<FixedOffset>,
) -> Decision {
    let kind = match decide(model, values, movements, now) {
        Decision::Rest { kind, .. } if kind != RestKind::NothingToOfferYet => kind,
        other => return other,
    };
    let t = Today::new(model, now);
    let offerable = offerable(values, movements);
    let fresh_first: Vec<&Movement> = offerable
        .iter()
        .copied()
        .filter(|m| !t.had_turn(m.id))
        .collect();
    let pool = if fresh_first.is_empty() {
        &offerable
    } else {
        &fresh_first
    };
    let Some(m) = least_recent(pool.iter().copied(), |m| m.id, &model.movement_turns) else {
        return t.rest(kind);
    };
    // The breath; a noticing when the breath was too much today or is already done today.
    let done =
        |text: &str| model.is_current(t.day) && model.day.tiny_done.iter().any(|d| d == text);
    let breath_too_much = kind == RestKind::SmallestWasTooMuch
        || t.after().is_some_and(|(o, r)| {
            o.rung_index.is_none() && o.text == BREATH_TEXT && r != Response::Done
        });
    let why = if (breath_too_much || done(BREATH_TEXT)) && !done(NOTICING_TEXT) {
        Why::Noticing
    } else {
        Why::Tiny
    };
    let diffs = effective_difficulties(model, m);
    Decision::Offer(t.offer(m, None, &diffs, why))
}

/// The engine's answer to the reply just applied to `model`: one sentence, and what follows.
/// Call it right after applying [`crate::EventKind::Replied`]. Without an answered offer today
/// it is what [`decide`] says.
pub fn answer(
    model: &Model,
    values: &[Value],
    movements: &[Movement],
    now: DateTime<FixedOffset>,
) -> Answer {
    let t = Today::new(model, now);
    let from_decision = |d: Decision| match d {
        Decision::Offer(o) => Answer::Offer(o),
        Decision::Rest { kind, reason } => Answer::Rest { kind, reason },
    };
    let Some(last) = t.last else {
        return from_decision(decide(model, values, movements, now));
    };
    let Some((_, response)) = t.after() else {
        return Answer::Paused {
            message: reason::NOT_THIS_TIME.to_string(),
        };
    };
    let rest = t.rest_due().map(|kind| Answer::Rest {
        kind,
        reason: reason::rest(kind, t.moved),
    });
    match response {
        Response::SmallerPlease | Response::SomethingElse => {
            from_decision(decide(model, values, movements, now))
        }
        Response::Done | Response::Started => {
            let more = bit_more(model, values, movements, now);
            match rest {
                Some(r) if more.is_none() => r,
                _ => Answer::Moved {
                    message: reason::moved(response, last.offer.bit_more),
                    bit_more: more,
                },
            }
        }
        Response::NotNow => rest.unwrap_or_else(|| Answer::Paused {
            message: reason::NOT_NOW.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rung;
    use chrono::TimeZone;

    fn movement() -> Movement {
        Movement {
            id: 7,
            value_id: 1,
            title: "walk".into(),
            rungs: vec![
                Rung::new("Picture it.", RungKind::Internal, 10),
                Rung::new("Put your shoes by the door.", RungKind::Preparation, 30),
                Rung::new("Walk for two minutes.", RungKind::FirstMinutes, 120),
                Rung::new("Walk for twenty minutes.", RungKind::Act, 1200),
            ],
            integration: false,
        }
    }

    fn noon() -> DateTime<FixedOffset> {
        FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
            .unwrap()
    }

    /// Rung `rung` of `m`, offered fresh at `at` and answered `minutes` later.
    fn fresh_step_answered(
        model: &mut Model,
        m: &Movement,
        rung: usize,
        at: DateTime<FixedOffset>,
        minutes: i64,
        response: Response,
    ) {
        let diffs = effective_difficulties(model, m);
        let step = Today::new(model, at).offer(m, Some(rung), &diffs, Why::Fresh);
        offered_and_answered(model, step, at, minutes, response);
    }

    /// Shows `offer` at `at` and answers it `minutes` later.
    fn offered_and_answered(
        model: &mut Model,
        offer: Offer,
        at: DateTime<FixedOffset>,
        minutes: i64,
        response: Response,
    ) {
        model.apply(&crate::Event {
            at,
            kind: crate::EventKind::Offered(offer),
        });
        model.apply(&crate::Event {
            at: at + chrono::Duration::minutes(minutes),
            kind: crate::EventKind::Replied(crate::Reply::plain(response)),
        });
    }

    fn values() -> [Value; 1] {
        [Value {
            id: 1,
            area: crate::domain::LifeArea::Relationships,
            words: "moving".into(),
        }]
    }

    /// Days of Dones, one offer a day, answered Done; `checkin` given each morning of the
    /// first `checkin_days`. Returns (rung offered, marked stretch) per day.
    fn days_of_dones(
        checkin: Option<CheckIn>,
        checkin_days: i64,
        days: i64,
    ) -> Vec<(Option<u32>, bool)> {
        days_of_dones_model(checkin, checkin_days, days).1
    }

    fn days_of_dones_model(
        checkin: Option<CheckIn>,
        checkin_days: i64,
        days: i64,
    ) -> (Model, Vec<(Option<u32>, bool)>) {
        days_of_dones_then(checkin, checkin_days, days, |_, _, _, _| {})
    }

    /// As `days_of_dones_model`, with `after_done` run after each day's Done (at that time).
    fn days_of_dones_then(
        checkin: Option<CheckIn>,
        checkin_days: i64,
        days: i64,
        mut after_done: impl FnMut(&mut Model, &Movement, &[Value], DateTime<FixedOffset>),
    ) -> (Model, Vec<(Option<u32>, bool)>) {
        let m = movement();
        let values = values();
        let mut model = Model::default();
        // Past the first answers: growth no longer reaches, so only the bottom rule can.
        model.capacity.n = GROWTH_EARLY_ANSWERS;
        let mut out = Vec::new();
        for d in 0..days {
            let t = noon() + chrono::Duration::days(d);
            if let Some(c) = checkin.filter(|_| d < checkin_days) {
                model.apply(&crate::Event {
                    at: t - chrono::Duration::minutes(5),
                    kind: crate::EventKind::CheckIn(c),
                });
            }
            let Decision::Offer(offer) = decide(&model, &values, std::slice::from_ref(&m), t)
            else {
                panic!("an offer every day");
            };
            out.push((offer.rung_index, offer.stretch));
            offered_and_answered(&mut model, offer, t, 2, Response::Done);
            after_done(&mut model, &m, &values, t);
        }
        (model, out)
    }

    #[test]
    fn the_step_up_from_the_bottom_waits_for_a_day_that_can_carry_it() {
        let (model, days) = days_of_dones_model(None, 0, i64::from(BOTTOM_DAYS));
        assert!(days.iter().all(|(i, _)| *i == Some(0)), "{days:?}");
        let t = noon() + chrono::Duration::days(i64::from(BOTTOM_DAYS));
        let m = [movement()];
        let offer_at = |model: &Model, t| match decide(model, &values(), &m, t) {
            Decision::Offer(o) => o,
            other => panic!("{other:?}"),
        };
        // On a day like the others, the step up.
        let o = offer_at(&model, t);
        assert_eq!((o.rung_index, o.stretch), (Some(1), true));
        // Not when today's check-in says energy is low.
        let mut low = model.clone();
        low.apply(&crate::Event {
            at: t - chrono::Duration::minutes(5),
            kind: crate::EventKind::CheckIn(CheckIn {
                energy: Some(crate::domain::Level::Low),
                mood: None,
                room: None,
            }),
        });
        assert!(!offer_at(&low, t).stretch);
        // Nor once today has said "too big": the smaller step, done, then a fresh pick later.
        let mut too_big = model.clone();
        let first = offer_at(&too_big, t);
        offered_and_answered(&mut too_big, first, t, 1, Response::SmallerPlease);
        let smaller = offer_at(&too_big, t + chrono::Duration::minutes(2));
        assert!(!smaller.stretch);
        let shown = t + chrono::Duration::minutes(2);
        offered_and_answered(&mut too_big, smaller, shown, 1, Response::Done);
        if let Decision::Offer(next) =
            decide(&too_big, &values(), &m, t + chrono::Duration::hours(4))
        {
            assert!(!next.stretch, "{next:?}");
        }
    }

    #[test]
    fn after_days_at_the_bottom_a_movement_with_a_bigger_step_goes_first() {
        // A movement whose turn it is but that has only its smallest step to give ...
        let only_smallest = Movement {
            id: 8,
            title: "stretch".into(),
            rungs: vec![Rung::new("Picture it.", RungKind::Internal, 10)],
            ..movement()
        };
        let offer_at = |model: &Model, t| {
            let movements = [only_smallest.clone(), movement()];
            match decide(model, &values(), &movements, t) {
                Decision::Offer(o) => o,
                other => panic!("{other:?}"),
            }
        };
        // ... comes first while the days at the bottom are few (it has not had a turn) ...
        let days = i64::from(BOTTOM_DAYS) - 1;
        let (model, _) = days_of_dones_model(None, 0, days);
        let o = offer_at(&model, noon() + chrono::Duration::days(days));
        assert_eq!((o.movement_id, o.rung_index), (8, Some(0)), "{o:?}");
        // ... and after them, the movement whose step up is open goes first, marked.
        let days = i64::from(BOTTOM_DAYS);
        let (model, _) = days_of_dones_model(None, 0, days);
        let o = offer_at(&model, noon() + chrono::Duration::days(days));
        assert_eq!(
            (o.movement_id, o.rung_index, o.stretch),
            (7, Some(1), true),
            "{o:?}"
        );
    }

    #[test]
    fn days_on_the_smallest_rung_lead_to_a_marked_try_of_the_next() {
        let days = days_of_dones(None, 0, 10);
        let first_up = days
            .iter()
            .position(|(i, _)| *i != Some(0))
            .expect("a step up within ten days");
        // Not before BOTTOM_DAYS days on the smallest rung, and marked as a stretch.
        assert!(first_up >= BOTTOM_DAYS as usize, "{days:?}");
        assert_eq!(days[first_up], (Some(1), true), "{days:?}");
    }

    #[test]
    fn a_long_stay_at_the_bottom_asks_a_bit_more_on_a_day_the_pushed_step_up_would_not_open() {
        use crate::domain::Level;
        // Energy low every morning, mood and room good (not a usually low day): the step up
        // the engine pushes stays shut ("energy said low"), so the days at the bottom add up.
        let tired = CheckIn {
            energy: Some(Level::Low),
            mood: Some(Level::Good),
            room: Some(Level::Good),
        };
        let days = i64::from(BOTTOM_BIT_MORE_DAYS) + 2;
        let (mut model, offered) = days_of_dones_model(Some(tired), days, days);
        assert!(
            offered.iter().all(|(i, s)| *i == Some(0) && !s),
            "{offered:?}"
        );
        let t = noon() + chrono::Duration::days(days - 1) + chrono::Duration::minutes(3);
        let values = values();
        let m = movement();
        // Not on a day they said their energy is low, pulled or not.
        assert_eq!(bit_more(&model, &values, std::slice::from_ref(&m), t), None);
        // Later the same day they say it is some: right after the smallest step was done, the
        // next rung up, quietly, only if they like.
        let some = CheckIn {
            energy: Some(Level::Some),
            ..tired
        };
        model.apply(&crate::Event {
            at: t,
            kind: crate::EventKind::CheckIn(some),
        });
        let later = t + chrono::Duration::minutes(1);
        let more = bit_more(&model, &values, std::slice::from_ref(&m), later).expect("a bit more");
        assert_eq!((more.rung_index, more.bit_more), (Some(1), true));
    }

    #[test]
    fn someone_whose_days_are_usually_low_is_not_pushed_up_from_the_bottom() {
        let low = CheckIn {
            energy: Some(crate::domain::Level::Low),
            mood: Some(crate::domain::Level::Low),
            room: Some(crate::domain::Level::Low),
        };
        // Low every day, then days without a check-in (a usual day for them, not a low one):
        // their usual day is low, and the smallest steps going well does not say otherwise.
        let days = days_of_dones(Some(low), 10, 24);
        assert!(days.iter().all(|(_, stretch)| !stretch), "{days:?}");
    }

    #[test]
    fn not_this_time_to_the_next_step_never_opens_the_step_up_for_someone_usually_low() {
        // Usually low check-ins, the smallest step done every day for weeks, and every "a bit
        // more?" to the next step answered "not this time": nothing they did speaks of the next
        // step, so it is never pushed on them, however long they stay at the bottom.
        let low = CheckIn {
            energy: Some(crate::domain::Level::Low),
            mood: Some(crate::domain::Level::Low),
            room: Some(crate::domain::Level::Low),
        };
        let (model, days) = days_of_dones_then(Some(low), 10, 30, |model, m, values, t| {
            let later = t + chrono::Duration::minutes(3);
            if let Some(more) = bit_more(model, values, std::slice::from_ref(m), later) {
                offered_and_answered(model, more, later, 1, Response::NotNow);
            }
        });
        assert!(days.iter().all(|(_, stretch)| !stretch), "{days:?}");
        assert!(!model.rung_tried(movement().id, 1));
    }

    #[test]
    fn a_bit_more_towards_the_act_asks_its_record_not_growths_budget() {
        let m = movement();
        let values = vec![Value {
            id: 1,
            area: crate::LifeArea::MindBodySpirit,
            words: "moving".into(),
        }];
        let movements = vec![m.clone()];
        // Someone well known to be capable, whose growth budget is spent (reaches that were
        // too big elsewhere), just did this movement's first two minutes.
        let mut model = Model::default();
        model.capacity.usual.mean = 2.5;
        model.capacity.usual.var = 0.1;
        model.capacity.n = 40;
        let t = noon();
        fresh_step_answered(&mut model, &m, 2, t, 3, Response::Done);
        model.reach.misses = 10.0;
        assert!(!model.may_grow());
        let later = t + chrono::Duration::minutes(4);
        let more = bit_more(&model, &values, &movements, later).expect("a bit more");
        assert_eq!(more.rung_index, Some(3));
        assert!(more.bit_more);
        // The same, when the act is much harder for this person than its prior says: not asked.
        let mut hard = model.clone();
        hard.capacity.kinds[RungKind::Act as usize].mean = 3.0;
        assert_eq!(bit_more(&hard, &values, &movements, later), None);
    }

    #[test]
    fn the_last_step_of_a_day_without_a_check_in_may_climb_once_for_someone_who_never_does() {
        let m = movement();
        let values = values();
        let movements = vec![m.clone()];
        // Someone capable, known to the engine, whose days are without a check-in: today's
        // two steps (`daily_budget(None)`) were picturing the walk and its first two minutes.
        let mut model = Model::default();
        model.capacity.usual.mean = 2.5;
        model.capacity.usual.var = 0.1;
        model.capacity.n = 40;
        model.capacity.checkin_days = 0.1;
        let t = noon();
        for (k, rung) in [0, 2].into_iter().enumerate() {
            let at = t + chrono::Duration::minutes(10 * k as i64);
            fresh_step_answered(&mut model, &m, rung, at, 3, Response::Done);
        }
        let later = t + chrono::Duration::minutes(15);
        assert_eq!(model.day.spent, daily_budget(None));
        // The day's room is used, and the act is asked about once, quietly.
        let more = match answer(&model, &values, &movements, later) {
            Answer::Moved {
                bit_more: Some(o), ..
            } => o,
            other => panic!("the act, asked: {other:?}"),
        };
        assert_eq!((more.rung_index, more.bit_more), (Some(3), true));
        assert!(matches!(
            decide(&model, &values, &movements, later),
            Decision::Rest {
                kind: RestKind::BudgetSpent,
                ..
            }
        ));
        // Done: that was the climb; the day rests, with nothing more asked.
        let mut climbed = model.clone();
        offered_and_answered(&mut climbed, more, later, 3, Response::Done);
        let after = later + chrono::Duration::minutes(4);
        assert_eq!(climbed.day.spent, daily_budget(None) + 1);
        assert!(matches!(
            answer(&climbed, &values, &movements, after),
            Answer::Rest {
                kind: RestKind::BudgetSpent,
                ..
            }
        ));
        assert_eq!(bit_more(&climbed, &values, &movements, after), None);
        // Not for someone who usually checks in, and not on a day with a check-in: their
        // budget is the day's.
        let mut checks_in = model.clone();
        checks_in.capacity.checkin_days = 0.9;
        assert_eq!(bit_more(&checks_in, &values, &movements, later), None);
        assert!(matches!(
            answer(&checks_in, &values, &movements, later),
            Answer::Rest { .. }
        ));
        let mut checked_in = model.clone();
        let low = Some(crate::domain::Level::Low);
        checked_in.day.checkin = Some(CheckIn {
            energy: Some(crate::domain::Level::Good),
            mood: low,
            room: low,
        });
        assert_eq!(daily_budget(checked_in.day.checkin.as_ref()), 2);
        assert_eq!(bit_more(&checked_in, &values, &movements, later), None);
    }

    #[test]
    fn first_minutes_done_again_and_again_vouch_for_asking_about_the_act_without_a_check_in() {
        let m = movement();
        let values = values();
        let movements = vec![m.clone()];
        // Someone who never checks in, known to the engine, does this movement's first two
        // minutes on three days in a row.
        let mut model = Model::default();
        model.capacity.n = 40;
        model.capacity.usual.var = 0.1;
        let mut t = noon();
        for _ in 0..VOUCH_RUN {
            fresh_step_answered(&mut model, &m, 2, t, 3, Response::Done);
            t += chrono::Duration::days(1);
        }
        let t = t - chrono::Duration::days(1) + chrono::Duration::minutes(4);
        // (Growth's budget spent elsewhere: only the act's own question can ask.)
        model.reach.misses = 10.0;
        assert!(!model.may_grow());
        assert!(model.capacity.checkin_days <= VOUCH_CHECKIN_SHARE);
        assert!(model.step_below_vouches(m.id, 3));
        // Where the act's prior puts it between the usual ask and the vouched one.
        let risk_at = |model: &Model, usual: f64| {
            let mut model = model.clone();
            model.capacity.usual.mean = usual;
            let diffs = effective_difficulties(&model, &m);
            Today::new(&model, t).rung_risk(&m, &diffs, 3)
        };
        let (mut lo, mut hi) = (-3.0, 6.0);
        for _ in 0..60 {
            let mid = (lo + hi) / 2.0;
            if risk_at(&model, mid) > 0.45 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        model.capacity.usual.mean = hi;
        let risk = risk_at(&model, hi);
        assert!(
            risk > BIT_MORE_FIRST_RISK && risk <= BIT_MORE_VOUCHED_RISK,
            "{risk}"
        );
        let more = bit_more(&model, &values, &movements, t).expect("the act, asked");
        assert_eq!((more.rung_index, more.bit_more), (Some(3), true));
        // Not for someone who usually checks in: their good days their check-ins open.
        let mut checks_in = model.clone();
        checks_in.capacity.checkin_days = 0.9;
        assert_eq!(bit_more(&checks_in, &values, &movements, t), None);
        // Not on a day with a check-in (an ordinary one, which leaves the risk as it was).
        let mut checked_in = model.clone();
        let some = Some(crate::domain::Level::Some);
        checked_in.day.checkin = Some(CheckIn {
            energy: some,
            mood: some,
            room: some,
        });
        assert_eq!(bit_more(&checked_in, &values, &movements, t), None);
        // Not when the first minutes were too big since: the run starts again.
        let mut broken = model.clone();
        broken.fit.get_mut(&m.id).expect("records")[2].run = VOUCH_RUN - 1;
        assert_eq!(bit_more(&broken, &values, &movements, t), None);
    }

    #[test]
    fn a_bit_more_follows_any_done_on_a_day_growth_would_not_open_but_never_on_a_low_energy_one() {
        use crate::domain::Level;
        let m = movement();
        let values = values();
        // Someone whose usual day carries the first two minutes with room to spare.
        let mut base = Model::default();
        base.capacity.n = GROWTH_EARLY_ANSWERS;
        base.capacity.usual.mean = 3.0;
        base.capacity.usual.var = 0.05;
        let after_preparing = |checkin: CheckIn| {
            let mut model = base.clone();
            let t = noon();
            model.apply(&crate::Event {
                at: t - chrono::Duration::minutes(5),
                kind: crate::EventKind::CheckIn(checkin),
            });
            fresh_step_answered(&mut model, &m, 1, t, 2, Response::Done);
            let later = t + chrono::Duration::minutes(3);
            (model, later)
        };
        // Mood low, energy as usual: below the usual check-in, so growth's test stays shut;
        // the first two minutes, never answered, are asked by the prior with a rung's spread.
        let (model, later) = after_preparing(CheckIn {
            energy: Some(Level::Some),
            mood: Some(Level::Low),
            room: Some(Level::Some),
        });
        assert!(!model.growth_day(day_of(later)));
        let t = Today::new(&model, later);
        let diffs = effective_difficulties(&model, &m);
        assert!(t.rung_risk(&m, &diffs, 2) <= BIT_MORE_ANY_FIRST_RISK);
        let more = bit_more(&model, &values, std::slice::from_ref(&m), later).expect("a bit more");
        assert_eq!((more.rung_index, more.bit_more), (Some(2), true));
        // Never as big as a step found too big today.
        let mut too_big = model.clone();
        too_big.day.below = Some(diffs[2]);
        assert_eq!(
            bit_more(&too_big, &values, std::slice::from_ref(&m), later),
            None
        );
        // Never on a day the person said their energy is low.
        let (low, later) = after_preparing(CheckIn {
            energy: Some(Level::Low),
            mood: Some(Level::Some),
            room: Some(Level::Some),
        });
        assert_eq!(
            bit_more(&low, &values, std::slice::from_ref(&m), later),
            None
        );
        // Nor when the rung's risk is above what the ask allows.
        let mut unsure = model.clone();
        unsure.capacity.usual.mean = 0.0;
        let t = Today::new(&unsure, later);
        assert!(t.rung_risk(&m, &diffs, 2) > BIT_MORE_ANY_FIRST_RISK);
        assert_eq!(
            bit_more(&unsure, &values, std::slice::from_ref(&m), later),
            None
        );
    }

    #[test]
    fn a_first_try_that_adds_seconds_asks_to_be_nearly_sure_once_the_first_answers_are_in() {
        let m = movement();
        let mut model = Model::default();
        let aim = |model: &Model, i| Today::new(model, noon()).aim(&m, i);
        // In the first answers, every step is sized at the usual aim: people find their level.
        model.capacity.n = GROWTH_EARLY_ANSWERS - 1;
        assert_eq!(aim(&model, 1), TARGET_SUCCESS);
        // Later, a preparing step never answered (30 s over 10 s) asks for more; the smallest
        // rung does not; the first two minutes (90 s more) and the act ask what every such step
        // asks (the room left is spent on "a bit more?").
        model.capacity.n = GROWTH_EARLY_ANSWERS;
        assert_eq!(aim(&model, 1), SMALL_FIRST_TRY_AIM);
        assert_eq!(aim(&model, 0), TARGET_SUCCESS);
        assert_eq!(aim(&model, 2), SIZED_BIG_AIM);
        assert_eq!(aim(&model, 3), SIZED_BIG_AIM);
        // In the weeks after a session, the usual aim again.
        let mut after_session = model.clone();
        after_session.last_session = Some(noon() - chrono::Duration::days(2));
        assert_eq!(aim(&after_session, 1), TARGET_SUCCESS);
        // Once this step has answers of its own (a few Dones), the usual aim.
        let mut t = noon();
        for _ in 0..6 {
            fresh_step_answered(&mut model, &m, 1, t, 2, Response::Done);
            t += chrono::Duration::days(1);
        }
        assert!(model.rung_answered(m.id, 1));
        assert_eq!(Today::new(&model, t).aim(&m, 1), TARGET_SUCCESS);
    }
}
