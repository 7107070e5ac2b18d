//! The person's values and movements as the engine sees them, read from the store.
//! Rungs are listed smallest first; the engine's `rung_index` is a position in that list.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, Utc};

use thaw_engine::{LifeArea, Movement, Rung, RungKind, Value};
use thaw_store::{PersonalValue, Store};

use crate::error::Result;

/// Values, movements and the rung rows behind each engine rung.
pub(crate) struct Catalog {
    pub values: Vec<Value>,
    pub movements: Vec<Movement>,
    /// movement id → rung row ids, parallel to `Movement::rungs`.
    pub rung_ids: BTreeMap<i64, Vec<i64>>,
    pub value_words: BTreeMap<i64, String>,
}

impl Catalog {
    /// Everything not archived.
    pub async fn load(store: &Store) -> Result<Catalog> {
        let areas = area_ids(store).await?;
        let mut values = Vec::new();
        let mut value_words = BTreeMap::new();
        for v in store.list_values(true).await? {
            value_words.insert(v.id, v.words.clone());
            if v.archived {
                continue;
            }
            values.push(Value {
                id: v.id,
                area: area_of(&v, &areas),
                words: v.words,
            });
        }
        let mut movements = Vec::new();
        let mut rung_ids = BTreeMap::new();
        for m in store.list_movements(false).await? {
            let Some(value_id) = m.value_id else { continue };
            let rows = store.list_rungs(m.id, false).await?;
            let last = rows.len().saturating_sub(1);
            let rungs = rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let (kind, seconds) = rung_shape(r, i == last);
                    Rung::new(r.text.clone(), kind, seconds)
                })
                .collect();
            rung_ids.insert(m.id, rows.iter().map(|r| r.id).collect());
            movements.push(Movement {
                id: m.id,
                value_id,
                title: m.title,
                rungs,
                integration: is_integration(m.library_key.as_deref()),
            });
        }
        Ok(Catalog {
            values,
            movements,
            rung_ids,
            value_words,
        })
    }

    pub fn movement(&self, id: i64) -> Option<&Movement> {
        self.movements.iter().find(|m| m.id == id)
    }
}

/// A stored rung's kind and size in seconds (rows without a size count as a minute).
pub(crate) fn rung_shape(r: &thaw_store::Rung, is_last: bool) -> (RungKind, u32) {
    let seconds = r.size_seconds.unwrap_or(60).clamp(1, 24 * 3600) as u32;
    (kind_of(r.internal, is_last, seconds), seconds)
}

/// The kind of a stored rung. The store keeps only whether a rung is inside; the rest
/// follows from its place on the ladder and its size, as the library writes them.
fn kind_of(internal: bool, is_last: bool, seconds: u32) -> RungKind {
    if internal {
        RungKind::Internal
    } else if is_last {
        RungKind::Act
    } else if seconds <= 60 {
        RungKind::Preparation
    } else {
        RungKind::FirstMinutes
    }
}

fn is_integration(library_key: Option<&str>) -> bool {
    let Some(key) = library_key else { return false };
    thaw_engine::starter_library()
        .map(|lib| lib.iter().any(|t| t.key == key && t.integration))
        .unwrap_or(false)
}

/// Life-area rows are named by the area's stable key, created on first use.
pub(crate) async fn area_ids(store: &Store) -> Result<BTreeMap<i64, LifeArea>> {
    Ok(store
        .list_life_areas(true)
        .await?
        .into_iter()
        .filter_map(|a| parse_area(&a.name).map(|area| (a.id, area)))
        .collect())
}

pub(crate) fn area_key(area: LifeArea) -> &'static str {
    match area {
        LifeArea::Relationships => "relationships",
        LifeArea::WorkStudyContributing => "work_study_contributing",
        LifeArea::PlayInterestsCreativity => "play_interests_creativity",
        LifeArea::MindBodySpirit => "mind_body_spirit",
        LifeArea::DailyResponsibilities => "daily_responsibilities",
    }
}

fn parse_area(name: &str) -> Option<LifeArea> {
    LifeArea::ALL.into_iter().find(|a| area_key(*a) == name)
}

/// A stored UTC time in the offset it was written with.
pub(crate) fn local(at: DateTime<Utc>, offset_min: i32) -> DateTime<FixedOffset> {
    let offset = FixedOffset::east_opt(offset_min * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
    at.with_timezone(&offset)
}

pub(crate) fn area_of(v: &PersonalValue, areas: &BTreeMap<i64, LifeArea>) -> LifeArea {
    v.life_area_id
        .and_then(|id| areas.get(&id).copied())
        .unwrap_or(LifeArea::MindBodySpirit)
}
