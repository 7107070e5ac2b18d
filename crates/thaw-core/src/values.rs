//! Values and movements: what matters to the person, and the ladders of small steps
//! towards it. Nothing is deleted here: things are archived and can come back.

use chrono::{DateTime, FixedOffset};
use thaw_engine::{rungs_for_goal, starter_library, LifeArea, Rung};
use thaw_store::{Archivable, RungInput, Store};

use crate::catalog::{area_ids, area_key, area_of, rung_seconds};
use crate::error::{AppError, Result};
use crate::ipc::{
    LifeAreaInfo, MovementTemplate, MovementView, NewMovement, NewValue, RungView, ValueView,
};
use crate::Thaw;

use crate::limits::{self, LIBRARY_PICKS, RUNGS, RUNG_SECONDS, VALUE_WORDS};

/// The five life areas with words to show.
pub fn life_areas() -> Vec<LifeAreaInfo> {
    let info = |area, label: &str, hint: &str| LifeAreaInfo {
        area,
        label: label.into(),
        hint: hint.into(),
    };
    vec![
        info(
            LifeArea::Relationships,
            "Relationships",
            "Family, friends, a partner, people you care about",
        ),
        info(
            LifeArea::WorkStudyContributing,
            "Work, study and contributing",
            "What you make, learn or give",
        ),
        info(
            LifeArea::PlayInterestsCreativity,
            "Play, interests and creativity",
            "Music, games, making things, what you enjoy",
        ),
        info(
            LifeArea::MindBodySpirit,
            "Mind, body and spirit",
            "Rest, movement, nature, faith, calm",
        ),
        info(
            LifeArea::DailyResponsibilities,
            "Daily responsibilities",
            "Home, food, money, looking after things",
        ),
    ]
}

fn rung_view(r: &Rung) -> RungView {
    RungView {
        text: r.text.clone(),
        kind: r.kind,
        seconds: r.seconds,
    }
}

/// The starter library for one life area.
pub fn library(area: LifeArea) -> Result<Vec<MovementTemplate>> {
    let lib = starter_library().map_err(|_| {
        AppError::new(
            crate::ErrorKind::Internal,
            "The starter ideas could not be read.",
        )
    })?;
    Ok(lib
        .into_iter()
        .filter(|t| t.area == area)
        .map(|t| MovementTemplate {
            rungs: t.rungs.iter().map(rung_view).collect(),
            key: t.key,
            area: t.area,
            title: t.title,
        })
        .collect())
}

fn clean_words(words: &str, what: &str) -> Result<String> {
    let w = words.trim();
    if w.is_empty() {
        return Err(AppError::invalid(format!(
            "A few words for {what} are enough. It can be anything that feels true."
        )));
    }
    if w.chars().count() > VALUE_WORDS {
        return Err(AppError::invalid(format!(
            "That is a lot of words for {what}. Could you say it in up to {VALUE_WORDS} characters? Nothing was lost."
        )));
    }
    Ok(w.to_string())
}

fn rung_input(r: &Rung) -> RungInput {
    RungInput {
        text: r.text.clone(),
        size_seconds: Some(i64::from(r.seconds)),
        kind: r.kind,
    }
}

async fn area_row(store: &Store, area: LifeArea, now: DateTime<FixedOffset>) -> Result<i64> {
    let existing = area_ids(store).await?;
    if let Some((id, _)) = existing.iter().find(|(_, a)| **a == area) {
        return Ok(*id);
    }
    let order = LifeArea::ALL.iter().position(|a| *a == area).unwrap_or(0) as i64;
    Ok(store.add_life_area(area_key(area), order, now).await?.id)
}

async fn value_view(store: &Store, id: i64) -> Result<ValueView> {
    let areas = area_ids(store).await?;
    let v = store
        .list_values(true)
        .await?
        .into_iter()
        .find(|v| v.id == id)
        .ok_or_else(|| {
            AppError::new(crate::ErrorKind::NotFound, "That value is no longer here.")
        })?;
    Ok(ValueView {
        id: v.id,
        area: area_of(&v, &areas),
        words: v.words,
        archived: v.archived,
    })
}

async fn movement_view(store: &Store, id: i64) -> Result<MovementView> {
    let m = store
        .list_movements(true)
        .await?
        .into_iter()
        .find(|m| m.id == id)
        .ok_or_else(|| AppError::new(crate::ErrorKind::NotFound, "That step is no longer here."))?;
    let rows = store.list_rungs(m.id, false).await?;
    Ok(MovementView {
        id: m.id,
        value_id: m.value_id.unwrap_or_default(),
        title: m.title,
        rungs: rows
            .iter()
            .map(|r| RungView {
                text: r.text.clone(),
                kind: r.kind,
                seconds: rung_seconds(r),
            })
            .collect(),
        archived: m.archived,
    })
}

impl Thaw {
    /// All values, archived ones included (the screen shows them apart).
    pub async fn values(&self) -> Result<Vec<ValueView>> {
        let store = &self.open()?.store;
        let areas = area_ids(store).await?;
        Ok(store
            .list_values(true)
            .await?
            .into_iter()
            .map(|v| ValueView {
                id: v.id,
                area: area_of(&v, &areas),
                words: v.words,
                archived: v.archived,
            })
            .collect())
    }

    /// A new value in the person's words, with any starter movements they picked.
    pub async fn add_value(
        &mut self,
        input: &NewValue,
        now: DateTime<FixedOffset>,
    ) -> Result<ValueView> {
        let unit = self.begin_unit().await?;
        let result = self.add_value_unit(input, now).await;
        self.end_unit(unit, result).await
    }

    async fn add_value_unit(
        &mut self,
        input: &NewValue,
        now: DateTime<FixedOffset>,
    ) -> Result<ValueView> {
        let words = clean_words(&input.words, "what matters")?;
        limits::check_count(
            &input.library_keys,
            LIBRARY_PICKS,
            "starter ideas with one value",
        )?;
        let templates = library(input.area)?;
        let picked: Vec<_> = input
            .library_keys
            .iter()
            .map(|k| {
                templates.iter().find(|t| &t.key == k).ok_or_else(|| {
                    AppError::invalid("One of those ideas is not in the library any more.")
                })
            })
            .collect::<Result<_>>()?;
        let store = &self.open()?.store;
        let area = area_row(store, input.area, now).await?;
        let value = store.add_value(Some(area), &words, now).await?;
        let lib = starter_library().unwrap_or_default();
        for t in picked {
            if let Some(full) = lib.iter().find(|l| l.key == t.key) {
                let rungs: Vec<_> = full.rungs.iter().map(rung_input).collect();
                store
                    .add_movement(Some(value.id), &full.title, Some(&full.key), &rungs, now)
                    .await?;
            }
        }
        value_view(store, value.id).await
    }

    pub async fn update_value(&mut self, id: i64, words: &str) -> Result<ValueView> {
        let words = clean_words(words, "what matters")?;
        let store = &self.open()?.store;
        store.update_value_words(id, &words).await?;
        value_view(store, id).await
    }

    pub async fn set_value_archived(&mut self, id: i64, archived: bool) -> Result<ValueView> {
        let store = &self.open()?.store;
        store
            .set_archived(Archivable::PersonalValue, id, archived)
            .await?;
        value_view(store, id).await
    }

    /// All movements with their ladders, archived ones included.
    pub async fn movements(&self) -> Result<Vec<MovementView>> {
        let store = &self.open()?.store;
        let mut out = Vec::new();
        for m in store.list_movements(true).await? {
            out.push(movement_view(store, m.id).await?);
        }
        Ok(out)
    }

    /// A movement in the person's own words; smaller rungs are generated in the same
    /// pattern as the library's, and can be edited.
    pub async fn add_movement(
        &mut self,
        input: &NewMovement,
        now: DateTime<FixedOffset>,
    ) -> Result<MovementView> {
        let title = clean_words(&input.title, "this step")?;
        let rungs = rungs_for_goal(&title, None)
            .ok_or_else(|| AppError::invalid("A few words for this step are enough."))?;
        let store = &self.open()?.store;
        value_view(store, input.value_id).await?;
        let inputs: Vec<_> = rungs.iter().map(rung_input).collect();
        let (m, _) = store
            .add_movement(Some(input.value_id), &title, None, &inputs, now)
            .await?;
        movement_view(store, m.id).await
    }

    /// Rewrites a ladder's rung texts (and sizes), smallest first. Extra rungs are added;
    /// rungs left out are archived, never deleted.
    pub async fn update_rungs(&mut self, id: i64, rungs: &[RungView]) -> Result<MovementView> {
        let unit = self.begin_unit().await?;
        let result = self.update_rungs_unit(id, rungs).await;
        self.end_unit(unit, result).await
    }

    async fn update_rungs_unit(&mut self, id: i64, rungs: &[RungView]) -> Result<MovementView> {
        if rungs.is_empty() {
            return Err(AppError::invalid(
                "A ladder needs at least one step. Nothing was changed.",
            ));
        }
        limits::check_count(rungs, RUNGS, "steps in one ladder")?;
        let inputs = rungs
            .iter()
            .map(|r| {
                if !(1..=RUNG_SECONDS).contains(&r.seconds) {
                    return Err(AppError::invalid(
                        "A step can take from 1 second up to a day. Nothing was changed.",
                    ));
                }
                Ok(RungInput {
                    text: clean_words(&r.text, "a step")?,
                    size_seconds: Some(i64::from(r.seconds)),
                    kind: r.kind,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let store = &self.open()?.store;
        // An unknown ladder is said plainly, before anything is written.
        movement_view(store, id).await?;
        let existing = store.list_rungs(id, false).await?;
        for (i, input) in inputs.iter().enumerate() {
            match existing.get(i) {
                Some(row) => store.update_rung(row.id, input).await?,
                None => {
                    store.add_rung(id, input).await?;
                }
            }
        }
        for row in existing.iter().skip(inputs.len()) {
            store.set_archived(Archivable::Rung, row.id, true).await?;
        }
        movement_view(store, id).await
    }

    pub async fn set_movement_archived(&mut self, id: i64, archived: bool) -> Result<MovementView> {
        let store = &self.open()?.store;
        store
            .set_archived(Archivable::Movement, id, archived)
            .await?;
        movement_view(store, id).await
    }
}
