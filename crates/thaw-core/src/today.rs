//! The daily loop: check in, one offer, a response, "a bit more?", "I have a moment",
//! "I noticed something".
//!
//! Every command has the same shape: **one read** ([`Store::daily`](thaw_store::Store::daily):
//! the day's rows, the catalog with its rungs, settings, in one transaction), **one decision**
//! (the engine, on the learned model kept in memory), **one write** (the reply, the model and the
//! next offer, written inside the command's unit, so all of it is stored or none is). The view
//! is built from what is in hand; nothing is read twice. An offer is stored as it was decided
//! (its words, rung, kind and seconds) and shown again from its row as it is.

use chrono::{DateTime, FixedOffset, NaiveDate};
use thaw_engine::{
    answer, bit_more, day_of, decide, moment, size_words, Answer, CheckIn, Decision, Event,
    EventKind, InternalShift, Level, Offer, Reply, RestKind,
};
use thaw_store::{Daily, NewCheckIn, NewOffer, NewResponse, OfferSource, ResponseKind};

use crate::catalog::{local, Catalog};
use crate::error::{AppError, ErrorKind, Result};
use crate::ipc::{
    BitMoreView, CheckInInput, FeltInput, OfferView, RespondInput, Settings, ShiftInput,
    TodayDecision, TodayView,
};
use crate::limits::NOTE as MAX_NOTE;
use crate::said::{said, After};
use crate::thaw::Open;
use crate::Thaw;

/// Check-in levels on the store's 0..=4 scale: low 0, some 2, good 4.
pub(crate) fn level_to_scale(l: Level) -> u8 {
    match l {
        Level::Low => 0,
        Level::Some => 2,
        Level::Good => 4,
    }
}

pub(crate) fn scale_to_level(v: u8) -> Level {
    match v {
        0 | 1 => Level::Low,
        2 => Level::Some,
        _ => Level::Good,
    }
}

fn check_feeling(v: Option<u8>) -> Result<Option<u8>> {
    match v {
        Some(x) if x > 4 => Err(AppError::invalid(
            "Feelings go from 0 to 4. Nothing was saved yet; try again.",
        )),
        other => Ok(other),
    }
}

/// Whether the questionnaire is due on `day`: `every` days after the last one, or after Thaw
/// was set up (nobody is asked on their first day). Days are Thaw's one kind of day.
pub(crate) fn questionnaire_due(
    every: u16,
    started: Option<DateTime<FixedOffset>>,
    last: Option<DateTime<FixedOffset>>,
    now: DateTime<FixedOffset>,
) -> bool {
    if every == 0 {
        return false;
    }
    match last.or(started) {
        None => true,
        Some(at) => (day_of(now) - day_of(at)).num_days() >= i64::from(every),
    }
}

/// What one command has in hand after its one read.
struct Day {
    date: NaiveDate,
    rows: Daily,
    catalog: Catalog,
    settings: Settings,
    /// Whether the model learned something (an event was applied), so it is saved.
    learned: bool,
}

impl Day {
    async fn read(open: &Open, now: DateTime<FixedOffset>) -> Result<Day> {
        let date = day_of(now);
        let mut rows = open.store.daily(date, now, crate::settings::KEY).await?;
        let catalog = Catalog::from_rows(std::mem::take(&mut rows.catalog));
        let settings = rows
            .settings
            .take()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        Ok(Day {
            date,
            rows,
            catalog,
            settings,
            learned: false,
        })
    }

    /// The step on screen: today's latest offer, while it has no answer and its movement and
    /// value are still the person's (not put away since). Earlier unanswered offers (re-sized
    /// by a check-in) are never shown again; nor is one whose movement or value was put away:
    /// it stays unanswered and never counts either way.
    fn waiting(&self) -> Option<&thaw_store::Offer> {
        self.rows
            .today
            .offers
            .last()
            .filter(|o| o.response.is_none())
            .map(|o| &o.offer)
            .filter(|o| self.still_chosen(o))
    }

    /// Whether an offer's movement and value are still in the catalog (neither put away).
    fn still_chosen(&self, offer: &thaw_store::Offer) -> bool {
        let movement = offer.movement_id.and_then(|id| self.catalog.movement(id));
        let value = offer.value_id;
        movement.is_some_and(|m| {
            value.is_none_or(|v| v == m.value_id)
                && self.catalog.values.iter().any(|v| v.id == m.value_id)
        })
    }

    /// The step a reply may answer: the latest offer of all, while it has no answer. A step
    /// seen at 01:30 is still on screen at 09:00, though a new day has begun by then.
    fn answerable(&self, offer_id: i64) -> Option<&thaw_store::Offer> {
        self.rows
            .latest
            .as_ref()
            .filter(|o| o.response.is_none() && o.offer.id == offer_id)
            .map(|o| &o.offer)
    }

    /// The model learns from one event (saved once, at the end of the command).
    fn learn(&mut self, open: &mut Open, at: DateTime<FixedOffset>, kind: EventKind) {
        open.model.apply(&Event { at, kind });
        self.learned = true;
    }

    fn offer_view(&self, row: &thaw_store::Offer) -> OfferView {
        let value_id = row.value_id.unwrap_or_default();
        let movement_id = row.movement_id.unwrap_or_default();
        OfferView {
            offer_id: row.id,
            value_id,
            value_words: self
                .catalog
                .value_words
                .get(&value_id)
                .cloned()
                .unwrap_or_default(),
            movement_title: self
                .catalog
                .movement(movement_id)
                .map(|m| m.title.clone())
                .unwrap_or_default(),
            text: row.text.clone(),
            kind: row.kind,
            size_words: size_words(row.seconds),
            seconds: row.seconds,
            size_in_text: thaw_engine::names_its_length(&row.text),
            reason: row.reason.clone(),
            bit_more: row.bit_more,
        }
    }

    /// Writes the decided offer as it is, teaches the model it was made, and keeps the row
    /// in hand for the view.
    async fn record(
        &mut self,
        open: &mut Open,
        offer: &Offer,
        source: OfferSource,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayDecision> {
        let row = open
            .store
            .add_offer(
                &NewOffer {
                    value_id: Some(offer.value_id),
                    movement_id: Some(offer.movement_id),
                    rung_id: self.catalog.rung_id(offer.movement_id, offer.rung_index),
                    reason: offer.reason.clone(),
                    source,
                    text: offer.text.clone(),
                    kind: offer.kind,
                    seconds: offer.size.seconds,
                    bit_more: offer.bit_more,
                },
                now,
            )
            .await?;
        self.learn(open, now, EventKind::Offered(offer.clone()));
        let view = self.offer_view(&row);
        self.rows.today.offers.push(thaw_store::OfferWithResponse {
            offer: row,
            response: None,
        });
        Ok(TodayDecision::Offer(view))
    }

    /// What follows the model's last event, from the engine: a new offer (recorded), a pause
    /// in which nothing is pushed (with "a bit more?" after a Done), or rest.
    async fn follow(
        &mut self,
        open: &mut Open,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayDecision> {
        let (values, movements) = (&self.catalog.values, &self.catalog.movements);
        match answer(&open.model, values, movements, now) {
            Answer::Offer(o) => self.record(open, &o, OfferSource::Engine, now).await,
            Answer::Moved { bit_more, .. } => Ok(TodayDecision::Between {
                bit_more: bit_more.map(|o| BitMoreView {
                    text: o.text,
                    size_words: o.size.words,
                    seconds: o.size.seconds,
                }),
            }),
            Answer::Paused { .. } => Ok(TodayDecision::Between { bit_more: None }),
            Answer::Rest { kind, reason } => Ok(TodayDecision::Rest { kind, reason }),
        }
    }

    /// A fresh decision (after a check-in, which sizes steps again).
    async fn decide(
        &mut self,
        open: &mut Open,
        source: OfferSource,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayDecision> {
        let (values, movements) = (&self.catalog.values, &self.catalog.movements);
        let decision = match source {
            OfferSource::Moment => moment(&open.model, values, movements, now),
            OfferSource::Engine => decide(&open.model, values, movements, now),
        };
        match decision {
            Decision::Offer(o) => self.record(open, &o, source, now).await,
            Decision::Rest { kind, reason } => Ok(TodayDecision::Rest { kind, reason }),
        }
    }

    /// The waiting step, or what follows.
    async fn settle(
        &mut self,
        open: &mut Open,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayDecision> {
        match self.waiting() {
            Some(row) => Ok(TodayDecision::Offer(self.offer_view(row))),
            None => self.follow(open, now).await,
        }
    }

    /// The whole Today view, from what is in hand.
    fn view(&self, decision: TodayDecision, after: After, now: DateTime<FixedOffset>) -> TodayView {
        let today = &self.rows.today;
        let check_in = today.check_ins.last().map(|c| CheckInInput {
            energy: c.energy.map(scale_to_level),
            mood: c.mood.map(scale_to_level),
            room: c.room.map(scale_to_level),
        });
        let moves_today = today
            .offers
            .iter()
            .filter(|o| {
                o.response
                    .as_ref()
                    .is_some_and(|r| matches!(r.kind, ResponseKind::Done | ResponseKind::Started))
            })
            .count() as u32;
        let last_questionnaire = self
            .rows
            .last_questionnaire
            .map(|at| at.with_timezone(now.offset()));
        TodayView {
            questionnaire_due: questionnaire_due(
                self.settings.questionnaire_every_days,
                self.catalog.first_value_at,
                last_questionnaire,
                now,
            ),
            date: self.date,
            check_in,
            said: said(after, &decision),
            decision,
            moves_today,
            noticed_today: today.shifts.len() as u32,
            days_since_session: self
                .rows
                .last_session
                .as_ref()
                .map(|s| (self.date - day_of(local(s.at, s.offset_min))).num_days()),
        }
    }
}

impl Thaw {
    /// Runs one daily command in its unit: one read, the command's decision and writes, the
    /// learned model saved once, all committed together (or none of it, the model put back).
    async fn daily<F>(&mut self, now: DateTime<FixedOffset>, command: F) -> Result<TodayView>
    where
        F: for<'a> FnOnce(
            &'a mut Open,
            &'a mut Day,
        ) -> std::pin::Pin<
            Box<dyn std::future::Future<Output = Result<TodayView>> + Send + 'a>,
        >,
    {
        let unit = self.begin_unit().await?;
        let result = async {
            let open = self.open_mut()?;
            let mut day = Day::read(open, now).await?;
            let view = command(open, &mut day).await?;
            if day.learned {
                crate::model_state::save(open, now).await?;
            }
            Ok(view)
        }
        .await;
        self.end_unit(unit, result).await
    }

    /// Today's screen: the step waiting, or what follows the last answer (a first step of the
    /// day is decided and recorded here).
    pub async fn today(&mut self, now: DateTime<FixedOffset>) -> Result<TodayView> {
        self.daily(now, |open, day| {
            Box::pin(async move {
                let decision = day.settle(open, now).await?;
                Ok(day.view(decision, After::Opened, now))
            })
        })
        .await
    }

    /// "I have a moment": readiness, noticed. The step waiting, or one that fits now; on a
    /// rest day a breath-sized step or a noticing, said as such.
    pub async fn moment(&mut self, now: DateTime<FixedOffset>) -> Result<TodayView> {
        self.daily(now, |open, day| {
            Box::pin(async move {
                day.learn(open, now, EventKind::Moment);
                let (decision, at_rest) = match day.waiting() {
                    Some(row) => (TodayDecision::Offer(day.offer_view(row)), false),
                    None => {
                        // Whether the day had turned to rest: then the step is a tiny thing,
                        // and the one sentence says so.
                        let (values, movements) = (&day.catalog.values, &day.catalog.movements);
                        let at_rest = matches!(
                            decide(&open.model, values, movements, now),
                            Decision::Rest { kind, .. } if kind != RestKind::NothingToOfferYet
                        );
                        (day.decide(open, OfferSource::Moment, now).await?, at_rest)
                    }
                };
                Ok(day.view(decision, After::Moment { at_rest }, now))
            })
        })
        .await
    }

    pub async fn check_in(
        &mut self,
        input: &CheckInInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let input = *input;
        self.daily(now, |open, day| {
            Box::pin(async move {
                let row = open
                    .store
                    .add_check_in(
                        NewCheckIn {
                            energy: input.energy.map(level_to_scale),
                            mood: input.mood.map(level_to_scale),
                            room: input.room.map(level_to_scale),
                        },
                        now,
                    )
                    .await?;
                day.rows.today.check_ins.push(row);
                // A skipped check-in (no answer at all) is kept, so it is not asked again
                // today, but it is no check-in: nothing is said about what nobody said.
                if input == CheckInInput::default() {
                    let decision = day.settle(open, now).await?;
                    return Ok(day.view(decision, After::CheckedIn, now));
                }
                let checkin = CheckIn {
                    energy: input.energy,
                    mood: input.mood,
                    room: input.room,
                };
                day.learn(open, now, EventKind::CheckIn(checkin));
                // A step offered before the check-in was sized for "we don't know yet": size
                // it again. The earlier one simply stays unanswered; it never counts either way.
                let decision = day.decide(open, OfferSource::Engine, now).await?;
                Ok(day.view(decision, After::CheckedIn, now))
            })
        })
        .await
    }

    /// The answer to the step on screen. Not now is a real answer: it never lowers anything.
    pub async fn respond(
        &mut self,
        input: &RespondInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let input = *input;
        let dread = check_feeling(input.dread_before)?;
        self.daily(now, |open, day| {
            Box::pin(async move {
                let Some(offer) = day.answerable(input.offer_id) else {
                    return Err(AppError::new(
                        ErrorKind::NotFound,
                        "That step is no longer on screen. Here is where things are now.",
                    ));
                };
                let was_bit_more = offer.bit_more;
                let response = open
                    .store
                    .respond_to_offer(
                        input.offer_id,
                        NewResponse {
                            kind: input.response,
                            dread_before: dread,
                            satisfaction_after: None,
                        },
                        now,
                    )
                    .await?;
                if let Some(o) = day
                    .rows
                    .today
                    .offers
                    .iter_mut()
                    .find(|o| o.offer.id == input.offer_id)
                {
                    o.response = Some(response);
                }
                let reply = Reply {
                    response: input.response,
                    dread_before: dread,
                    satisfaction_after: None,
                };
                day.learn(open, now, EventKind::Replied(reply));
                let decision = day.follow(open, now).await?;
                let after = After::Replied {
                    response: input.response,
                    bit_more: was_bit_more,
                };
                Ok(day.view(decision, after, now))
            })
        })
        .await
    }

    /// "A bit more?" after a Done: the next rung up of the same movement, only when the person
    /// asks and it fits. Recorded as an offer (its answer is evidence like any other);
    /// declining it changes nothing.
    pub async fn bit_more(&mut self, now: DateTime<FixedOffset>) -> Result<TodayView> {
        self.daily(now, |open, day| {
            Box::pin(async move {
                // A step already waiting is the one on screen; otherwise the next rung up, if
                // it fits, or what follows the Done as before.
                let more = match day.waiting() {
                    Some(_) => None,
                    None => bit_more(
                        &open.model,
                        &day.catalog.values,
                        &day.catalog.movements,
                        now,
                    ),
                };
                let decision = match more {
                    Some(o) => day.record(open, &o, OfferSource::Engine, now).await?,
                    None => day.settle(open, now).await?,
                };
                Ok(day.view(decision, After::BitMore, now))
            })
        })
        .await
    }

    /// "How did it feel?" after Done or Started: kept with that step.
    pub async fn felt(
        &mut self,
        input: &FeltInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let input = *input;
        let satisfaction = check_feeling(Some(input.satisfaction_after))?;
        self.daily(now, |open, day| {
            Box::pin(async move {
                let answered = day
                    .rows
                    .today
                    .offers
                    .iter()
                    .chain(day.rows.latest.iter())
                    .find(|o| o.offer.id == input.offer_id)
                    .and_then(|o| o.response.as_ref())
                    .map(|r| r.kind)
                    .ok_or_else(|| {
                        AppError::new(ErrorKind::NotFound, "That step is no longer on screen.")
                    })?;
                open.store
                    .respond_to_offer(
                        input.offer_id,
                        NewResponse {
                            kind: answered,
                            dread_before: None,
                            satisfaction_after: satisfaction,
                        },
                        now,
                    )
                    .await?;
                let decision = day.settle(open, now).await?;
                Ok(day.view(decision, After::Felt, now))
            })
        })
        .await
    }

    /// "I noticed something": an internal shift. It counts.
    pub async fn notice(
        &mut self,
        input: &ShiftInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let note = input.note.trim().to_string();
        if note.is_empty() {
            return Err(AppError::invalid(
                "Pick one of the notes, or say it in a few words of your own.",
            ));
        }
        if note.chars().count() > MAX_NOTE {
            return Err(AppError::invalid(format!(
                "That is a lot to hold in one note. The journal has room for more; here, under {MAX_NOTE} characters fits. Nothing was lost."
            )));
        }
        let value_id = input.value_id;
        self.daily(now, |open, day| {
            Box::pin(async move {
                // A value archived meanwhile is simply not linked.
                let value_id = value_id.filter(|id| day.catalog.value_words.contains_key(id));
                let row = open.store.add_shift(value_id, None, &note, now).await?;
                day.rows.today.shifts.push(row);
                open.store
                    .discard_draft(crate::ipc::DraftKind::Notice.code())
                    .await?;
                day.learn(
                    open,
                    now,
                    EventKind::InternalShift(InternalShift { value_id, note }),
                );
                let decision = day.settle(open, now).await?;
                Ok(day.view(decision, After::Noticed, now))
            })
        })
        .await
    }
}
