//! The person's values and movements as the engine sees them, built from the store's rows.
//! Rungs are listed smallest first; the engine's `rung_index` is a position in that list.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, Utc};

use thaw_engine::{LifeArea, Movement, Rung, Value};
use thaw_store::{CatalogRows, PersonalValue, Store};

use crate::error::Result;

/// Values, movements and the rung rows behind each engine rung.
pub(crate) struct Catalog {
    pub values: Vec<Value>,
    pub movements: Vec<Movement>,
    /// movement id → rung row ids, parallel to `Movement::rungs`.
    pub rung_ids: BTreeMap<i64, Vec<i64>>,
    /// Every value's words, archived ones too.
    pub value_words: BTreeMap<i64, String>,
    /// When the first value was written: when Thaw was set up, for the questionnaire cadence.
    pub first_value_at: Option<DateTime<FixedOffset>>,
}

/// Library keys of the movements the starter library marks as integration practice (parsed
/// once per process, not once per movement).
static INTEGRATION_KEYS: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    thaw_engine::starter_library()
        .map(|lib| {
            lib.into_iter()
                .filter(|t| t.integration)
                .map(|t| t.key)
                .collect()
        })
        .unwrap_or_default()
});

impl Catalog {
    /// Everything not archived, in one read.
    pub async fn load(store: &Store) -> Result<Catalog> {
        Ok(Catalog::from_rows(store.catalog().await?))
    }

    /// The engine's view of the stored rows (already read, in one transaction).
    pub fn from_rows(rows: CatalogRows) -> Catalog {
        let areas: BTreeMap<i64, LifeArea> = rows
            .life_areas
            .iter()
            .filter_map(|a| parse_area(&a.name).map(|area| (a.id, area)))
            .collect();
        let first_value_at = rows
            .values
            .iter()
            .map(|v| local(v.created_at, v.created_offset_min))
            .min();
        let mut values = Vec::new();
        let mut value_words = BTreeMap::new();
        for v in rows.values {
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
        let mut ladders: BTreeMap<i64, Vec<thaw_store::Rung>> = BTreeMap::new();
        for r in rows.rungs {
            ladders.entry(r.movement_id).or_default().push(r);
        }
        let mut movements = Vec::new();
        let mut rung_ids = BTreeMap::new();
        for m in rows.movements {
            let Some(value_id) = m.value_id else { continue };
            let ladder = ladders.remove(&m.id).unwrap_or_default();
            rung_ids.insert(m.id, ladder.iter().map(|r| r.id).collect());
            movements.push(Movement {
                id: m.id,
                value_id,
                title: m.title,
                rungs: ladder
                    .iter()
                    .map(|r| Rung::new(r.text.clone(), r.kind, rung_seconds(r)))
                    .collect(),
                integration: m
                    .library_key
                    .as_deref()
                    .is_some_and(|k| INTEGRATION_KEYS.contains(k)),
            });
        }
        Catalog {
            values,
            movements,
            rung_ids,
            value_words,
            first_value_at,
        }
    }

    pub fn movement(&self, id: i64) -> Option<&Movement> {
        self.movements.iter().find(|m| m.id == id)
    }

    /// The stored rung row behind an engine offer's rung.
    pub fn rung_id(&self, movement_id: i64, rung_index: Option<u32>) -> Option<i64> {
        let i = rung_index? as usize;
        self.rung_ids.get(&movement_id)?.get(i).copied()
    }
}

/// A stored rung's size in seconds (a rung written without a size counts as a minute).
pub(crate) fn rung_seconds(r: &thaw_store::Rung) -> u32 {
    r.size_seconds.unwrap_or(60).clamp(1, 24 * 3600) as u32
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
