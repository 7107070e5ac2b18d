//! The daily loop: check in, one offer, a response, "I have a moment", "I noticed something".

use chrono::{DateTime, FixedOffset};
use thaw_engine::{
    decide, size_words, CheckIn, Decision, Event, EventKind, InternalShift, Level, Offer, Reply,
    Response, BREATH_SECONDS, BREATH_TEXT,
};
use thaw_store::{NewCheckIn, NewOffer, NewResponse, OfferSource, ResponseKind};

use crate::catalog::{rung_shape, Catalog};
use crate::error::{AppError, ErrorKind, Result};
use crate::ipc::{
    CheckInInput, FeltInput, OfferView, RespondInput, ShiftInput, TodayDecision, TodayView,
};
use crate::model_state::learn;
use crate::thaw::Open;
use crate::Thaw;

use crate::limits::NOTE as MAX_NOTE;

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

fn response_kind(r: Response) -> ResponseKind {
    match r {
        Response::Done => ResponseKind::Done,
        Response::Started => ResponseKind::Started,
        Response::SmallerPlease => ResponseKind::SmallerPlease,
        Response::NotNow => ResponseKind::NotNow,
        Response::SomethingElse => ResponseKind::SomethingElse,
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

impl Thaw {
    /// Today's screen. If no step is waiting, the engine is asked for one (or rest).
    pub async fn today(&mut self, now: DateTime<FixedOffset>) -> Result<TodayView> {
        let unit = self.begin_unit().await?;
        let result = self.today_unit(now).await;
        self.end_unit(unit, result).await
    }

    async fn today_unit(&mut self, now: DateTime<FixedOffset>) -> Result<TodayView> {
        self.today_from(now, OfferSource::Engine, false).await
    }

    /// "I have a moment": readiness, noticed. The engine learns the hour and offers a step.
    pub async fn moment(&mut self, now: DateTime<FixedOffset>) -> Result<TodayView> {
        let unit = self.begin_unit().await?;
        let result = self.moment_unit(now).await;
        self.end_unit(unit, result).await
    }

    async fn moment_unit(&mut self, now: DateTime<FixedOffset>) -> Result<TodayView> {
        let open = self.open_mut()?;
        learn(
            open,
            Event {
                at: now,
                kind: EventKind::Moment,
            },
        )
        .await?;
        self.today_from(now, OfferSource::Moment, false).await
    }

    pub async fn check_in(
        &mut self,
        input: &CheckInInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let unit = self.begin_unit().await?;
        let result = self.check_in_unit(input, now).await;
        self.end_unit(unit, result).await
    }

    async fn check_in_unit(
        &mut self,
        input: &CheckInInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let open = self.open_mut()?;
        open.store
            .add_check_in(
                NewCheckIn {
                    energy: input.energy.map(level_to_scale),
                    mood: input.mood.map(level_to_scale),
                    room: input.room.map(level_to_scale),
                },
                now,
            )
            .await?;
        let checkin = CheckIn {
            energy: input.energy,
            mood: input.mood,
            room: input.room,
        };
        learn(
            open,
            Event {
                at: now,
                kind: EventKind::CheckIn(checkin),
            },
        )
        .await?;
        // A step offered before the check-in was sized for "we don't know yet": size it again.
        // The earlier one simply stays unanswered; it never counts for or against anything.
        self.today_from(now, OfferSource::Engine, true).await
    }

    /// The answer to the step on screen. Not now is a real answer: it never lowers anything.
    pub async fn respond(
        &mut self,
        input: &RespondInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let unit = self.begin_unit().await?;
        let result = self.respond_unit(input, now).await;
        self.end_unit(unit, result).await
    }

    async fn respond_unit(
        &mut self,
        input: &RespondInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let dread = check_feeling(input.dread_before)?;
        let open = self.open_mut()?;
        let today = open.store.today(now.date_naive()).await?;
        if open_offer(&today).map(|o| o.id) != Some(input.offer_id) {
            return Err(AppError::new(
                ErrorKind::NotFound,
                "That step is no longer on screen. Here is where things are now.",
            ));
        }
        open.store
            .respond_to_offer(
                input.offer_id,
                NewResponse {
                    kind: response_kind(input.response),
                    dread_before: dread,
                    satisfaction_after: None,
                },
                now,
            )
            .await?;
        let reply = Reply {
            response: input.response,
            dread_before: dread,
            satisfaction_after: None,
        };
        learn(
            open,
            Event {
                at: now,
                kind: EventKind::Replied(reply),
            },
        )
        .await?;
        self.today(now).await
    }

    /// "How did it feel?" after Done or Started: kept with that step.
    pub async fn felt(&mut self, input: &FeltInput, now: DateTime<FixedOffset>) -> Result<()> {
        let satisfaction = check_feeling(Some(input.satisfaction_after))?;
        let open = self.open_mut()?;
        let today = open.store.today(now.date_naive()).await?;
        let answered = today
            .offers
            .iter()
            .find(|o| o.offer.id == input.offer_id)
            .and_then(|o| o.response.as_ref())
            .ok_or_else(|| {
                AppError::new(ErrorKind::NotFound, "That step is no longer on screen.")
            })?;
        open.store
            .respond_to_offer(
                input.offer_id,
                NewResponse {
                    kind: answered.kind,
                    dread_before: None,
                    satisfaction_after: satisfaction,
                },
                now,
            )
            .await?;
        Ok(())
    }

    /// "I noticed something": an internal shift. It counts.
    pub async fn notice(
        &mut self,
        input: &ShiftInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let unit = self.begin_unit().await?;
        let result = self.notice_unit(input, now).await;
        self.end_unit(unit, result).await
    }

    async fn notice_unit(
        &mut self,
        input: &ShiftInput,
        now: DateTime<FixedOffset>,
    ) -> Result<TodayView> {
        let note = input.note.trim();
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
        let open = self.open_mut()?;
        let value_id = match input.value_id {
            Some(id)
                if open
                    .store
                    .list_values(true)
                    .await?
                    .iter()
                    .any(|v| v.id == id) =>
            {
                Some(id)
            }
            Some(_) => None,
            None => None,
        };
        open.store.add_shift(value_id, None, note, now).await?;
        open.store
            .discard_draft(crate::ipc::DraftKind::Notice.code())
            .await?;
        learn(
            open,
            Event {
                at: now,
                kind: EventKind::InternalShift(InternalShift {
                    value_id,
                    note: note.to_string(),
                }),
            },
        )
        .await?;
        self.today(now).await
    }

    async fn today_from(
        &mut self,
        now: DateTime<FixedOffset>,
        source: OfferSource,
        fresh: bool,
    ) -> Result<TodayView> {
        let open = self.open_mut()?;
        let catalog = Catalog::load(&open.store).await?;
        // Read once: recording a new offer below changes nothing this view counts.
        let store_today = open.store.today(now.date_naive()).await?;
        let waiting = if fresh {
            None
        } else {
            open_offer(&store_today).cloned()
        };
        let decision = match waiting {
            Some(row) => TodayDecision::Offer(stored_offer_view(open, &catalog, row).await?),
            None => match decide(&open.model, &catalog.values, &catalog.movements, now) {
                Decision::Rest { kind, reason } => TodayDecision::Rest { kind, reason },
                Decision::Offer(offer) => {
                    let id = record_offer(open, &catalog, &offer, source, now).await?;
                    TodayDecision::Offer(offer_view(&catalog, id, &offer))
                }
            },
        };
        let check_in = store_today.check_ins.last().map(|c| CheckInInput {
            energy: c.energy.map(scale_to_level),
            mood: c.mood.map(scale_to_level),
            room: c.room.map(scale_to_level),
        });
        let moves_today = store_today
            .offers
            .iter()
            .filter(|o| {
                o.response
                    .as_ref()
                    .is_some_and(|r| matches!(r.kind, ResponseKind::Done | ResponseKind::Started))
            })
            .count() as u32;
        let days_since_session = open
            .store
            .last_session(now)
            .await?
            .map(|s| (now.date_naive() - s.local_date).num_days());
        let questionnaire_due = self.questionnaire_due(now).await?;
        Ok(TodayView {
            questionnaire_due,
            date: now.date_naive(),
            check_in,
            decision,
            moves_today,
            noticed_today: store_today.shifts.len() as u32,
            days_since_session,
        })
    }
}

/// The step on screen: today's latest offer, while it has no answer. Earlier unanswered
/// offers (re-sized by a check-in) are never shown again.
fn open_offer(today: &thaw_store::Today) -> Option<&thaw_store::Offer> {
    today
        .offers
        .last()
        .filter(|o| o.response.is_none())
        .map(|o| &o.offer)
}

async fn record_offer(
    open: &mut Open,
    catalog: &Catalog,
    offer: &Offer,
    source: OfferSource,
    now: DateTime<FixedOffset>,
) -> Result<i64> {
    let rung_id = offer.rung_index.and_then(|i| {
        catalog
            .rung_ids
            .get(&offer.movement_id)
            .and_then(|ids| ids.get(i as usize).copied())
    });
    let row = open
        .store
        .add_offer(
            &NewOffer {
                value_id: Some(offer.value_id),
                movement_id: Some(offer.movement_id),
                rung_id,
                reason: offer.reason.clone(),
                source,
            },
            now,
        )
        .await?;
    learn(
        open,
        Event {
            at: now,
            kind: EventKind::Offered(offer.clone()),
        },
    )
    .await?;
    Ok(row.id)
}

fn offer_view(catalog: &Catalog, offer_id: i64, offer: &Offer) -> OfferView {
    OfferView {
        offer_id,
        value_id: offer.value_id,
        value_words: catalog
            .value_words
            .get(&offer.value_id)
            .cloned()
            .unwrap_or_default(),
        movement_title: catalog
            .movement(offer.movement_id)
            .map(|m| m.title.clone())
            .unwrap_or_default(),
        text: offer.text.clone(),
        kind: offer.kind,
        size_words: offer.size.words.clone(),
        seconds: offer.size.seconds,
        reason: offer.reason.clone(),
    }
}

/// An offer made earlier and still waiting, rebuilt from its stored row.
async fn stored_offer_view(
    open: &Open,
    catalog: &Catalog,
    row: thaw_store::Offer,
) -> Result<OfferView> {
    let offer_id = row.id;
    let movement_id = row.movement_id.unwrap_or_default();
    let (text, kind, seconds) = match row.rung_id {
        Some(rung_id) => {
            let rows = open.store.list_rungs(movement_id, true).await?;
            let live: Vec<_> = rows.iter().filter(|r| !r.archived).collect();
            let last = live.len().saturating_sub(1);
            let pos = live.iter().position(|r| r.id == rung_id);
            let r = rows.iter().find(|r| r.id == rung_id);
            match r {
                Some(r) => {
                    let (kind, seconds) = rung_shape(r, pos == Some(last));
                    (r.text.clone(), kind, seconds)
                }
                None => (
                    BREATH_TEXT.to_string(),
                    thaw_engine::RungKind::Internal,
                    BREATH_SECONDS,
                ),
            }
        }
        None => (
            BREATH_TEXT.to_string(),
            thaw_engine::RungKind::Internal,
            BREATH_SECONDS,
        ),
    };
    let value_id = row.value_id.unwrap_or_default();
    Ok(OfferView {
        offer_id,
        value_id,
        value_words: catalog
            .value_words
            .get(&value_id)
            .cloned()
            .unwrap_or_default(),
        movement_title: catalog
            .movement(movement_id)
            .map(|m| m.title.clone())
            .unwrap_or_default(),
        text,
        kind,
        size_words: size_words(seconds),
        seconds,
        reason: row.reason,
    })
}
