//! Progress as what happened: moves per week inside and outside, a forgiving strength per
//! value, dread before against satisfaction after, and the list of things done. Never a streak.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Weekday};
use thaw_engine::{DayFacts, Progress};
use thaw_store::ResponseKind;

use crate::catalog::local;
use crate::error::Result;
use crate::ipc::{
    EvidenceItem, FeelingWeek, Markers, ProgressView, StrengthPoint, ValueStrength, WeekMoves,
};
use crate::today::scale_to_level;
use crate::Thaw;

/// Weeks shown in the charts.
pub const WEEKS_SHOWN: i64 = 12;
/// Extra weeks read before the charts start, so strengths don't start from nothing.
const WARM_UP_WEEKS: i64 = 8;
const EVIDENCE_SHOWN: usize = 40;

/// Weeks run Monday to Sunday, of Thaw's one kind of day (the engine's).
fn monday_of(day: NaiveDate) -> NaiveDate {
    thaw_engine::week_start(day)
}

fn mean(v: &[u8]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().map(|x| f64::from(*x)).sum::<f64>() / v.len() as f64)
}

fn median(mut v: Vec<f64>) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    })
}

impl Thaw {
    pub async fn progress(&self, now: DateTime<FixedOffset>) -> Result<ProgressView> {
        let store = &self.open()?.store;
        let today = thaw_engine::day_of(now);
        let first_week = monday_of(today) - Duration::weeks(WEEKS_SHOWN - 1);
        let from = first_week - Duration::weeks(WARM_UP_WEEKS);
        let rows = store.progress(from, today).await?;
        let check_ins = store.list_check_ins(from, today).await?;
        let values = store.list_values(true).await?;
        let words: BTreeMap<i64, String> = values.iter().map(|v| (v.id, v.words.clone())).collect();

        let moved = |k: ResponseKind| matches!(k, ResponseKind::Done | ResponseKind::Started);

        // Per-day facts, replayed through the engine's forgiving strength measure.
        let mut days: BTreeMap<NaiveDate, DayFacts> = BTreeMap::new();
        let mut weeks: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
        let mut dread: BTreeMap<NaiveDate, Vec<u8>> = BTreeMap::new();
        let mut satisfaction: BTreeMap<NaiveDate, Vec<u8>> = BTreeMap::new();
        let mut evidence = Vec::new();
        let mut minutes_to_start = Vec::new();
        for m in &rows.moves {
            let day = days.entry(m.local_date).or_default();
            if m.kind == ResponseKind::NotNow {
                day.rest_signal = true;
            }
            let week = monday_of(m.local_date);
            if let Some(d) = m.dread_before {
                dread.entry(week).or_default().push(d);
            }
            if let Some(s) = m.satisfaction_after {
                satisfaction.entry(week).or_default().push(s);
            }
            if !moved(m.kind) {
                continue;
            }
            // The step as it was shown, from its offer row.
            let (text, inside) = (m.text.clone(), m.offer_kind.is_inside());
            day.moved = true;
            if let Some(v) = m.value_id {
                day.moved_values.insert(v);
            }
            let w = weeks.entry(week).or_default();
            if inside {
                w.0 += 1;
            } else {
                w.1 += 1;
            }
            let started = m.started_at.or(m.done_at);
            if let Some(s) = started {
                if m.local_date >= today - Duration::weeks(4) {
                    minutes_to_start.push((s - m.offered_at).num_seconds().max(0) as f64 / 60.0);
                }
            }
            // Shown at the clock time the person lived it, under the day it is counted in (the
            // response's Thaw day, as the weeks and day facts above read it).
            let at = local(started.unwrap_or(m.offered_at), m.responded_offset_min);
            evidence.push(EvidenceItem {
                at,
                day: m.local_date,
                text,
                value_words: m.value_id.and_then(|v| words.get(&v).cloned()),
                inside,
            });
        }
        for s in &rows.shifts {
            let day = days.entry(s.local_date).or_default();
            day.moved = true;
            if let Some(v) = s.value_id {
                day.moved_values.insert(v);
            }
            weeks.entry(monday_of(s.local_date)).or_default().0 += 1;
            evidence.push(EvidenceItem {
                at: local(s.at, s.offset_min),
                day: s.local_date,
                text: s.words.clone(),
                value_words: s.value_id.and_then(|v| words.get(&v).cloned()),
                inside: true,
            });
        }
        for c in &check_ins {
            let low = |x: Option<u8>| x.map(scale_to_level) == Some(thaw_engine::Level::Low);
            if low(c.energy) || low(c.room) {
                days.entry(c.local_date).or_default().rest_signal = true;
            }
        }

        let mut progress = Progress::default();
        let live_values: Vec<_> = values.iter().filter(|v| !v.archived).collect();
        let mut points: BTreeMap<i64, Vec<StrengthPoint>> = BTreeMap::new();
        let mut returns = Vec::new();
        let mut quiet = 0i64;
        let mut day = from;
        while day <= today {
            let facts = days.remove(&day).unwrap_or_default();
            for v in &facts.moved_values {
                progress.record_move(day, Some(*v), false);
            }
            if facts.moved {
                if quiet >= 3 && day > from + Duration::days(quiet) {
                    returns.push(quiet as f64);
                }
                quiet = 0;
            } else {
                quiet += 1;
            }
            if day < today {
                progress.close_day(&facts);
            }
            let sample = day.weekday() == Weekday::Sun || day == today;
            if sample && day >= first_week {
                let report = if day == today {
                    progress.report(Some(&facts), 0)
                } else {
                    progress.report(None, 0)
                };
                for v in &live_values {
                    let strength = report
                        .strengths
                        .iter()
                        .find(|s| s.value_id == v.id)
                        .map_or(0.0, |s| s.strength);
                    points.entry(v.id).or_default().push(StrengthPoint {
                        day,
                        strength: (strength * 1000.0).round() / 1000.0,
                    });
                }
            }
            day += Duration::days(1);
        }

        evidence.sort_by_key(|e| std::cmp::Reverse(e.at));
        evidence.truncate(EVIDENCE_SHOWN);
        let week_starts: Vec<NaiveDate> = (0..WEEKS_SHOWN)
            .map(|i| first_week + Duration::weeks(i))
            .collect();
        Ok(ProgressView {
            weeks: week_starts
                .iter()
                .map(|w| {
                    let (inside, outside) = weeks.get(w).copied().unwrap_or_default();
                    WeekMoves {
                        week_start: *w,
                        inside,
                        outside,
                    }
                })
                .collect(),
            values: live_values
                .iter()
                .map(|v| ValueStrength {
                    value_id: v.id,
                    words: v.words.clone(),
                    points: points.remove(&v.id).unwrap_or_default(),
                })
                .collect(),
            feelings: week_starts
                .iter()
                .map(|w| FeelingWeek {
                    week_start: *w,
                    dread_before: dread.get(w).and_then(|v| mean(v)),
                    satisfaction_after: satisfaction.get(w).and_then(|v| mean(v)),
                })
                .collect(),
            evidence,
            markers: Markers {
                minutes_to_start: median(minutes_to_start),
                days_to_return: median(returns),
            },
        })
    }
}
