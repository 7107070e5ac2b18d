//! Fixtures shared by the integration tests.
#![allow(dead_code)]

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use thaw_engine::*;

pub fn tz() -> FixedOffset {
    FixedOffset::east_opt(3600).expect("valid offset")
}

/// A Monday morning, local time.
pub fn start() -> DateTime<FixedOffset> {
    tz().with_ymd_and_hms(2026, 3, 2, 8, 0, 0)
        .single()
        .expect("valid time")
}

pub fn later(t: DateTime<FixedOffset>, minutes: i64) -> DateTime<FixedOffset> {
    t + Duration::minutes(minutes)
}

pub fn template(key: &str) -> MovementTemplate {
    starter_library()
        .expect("library")
        .into_iter()
        .find(|t| t.key == key)
        .expect("known key")
}

/// Up to four values, each with two or three movements (one integration movement included).
pub fn person(n_values: usize) -> (Vec<Value>, Vec<Movement>) {
    let plan: [(LifeArea, &str, &[&str]); 4] = [
        (
            LifeArea::Relationships,
            "Being there for my sister",
            &["call-someone", "answer-a-message"],
        ),
        (
            LifeArea::MindBodySpirit,
            "Feeling at home in my body",
            &["short-walk", "stretch", "write-what-came-up"],
        ),
        (
            LifeArea::DailyResponsibilities,
            "A kitchen I like",
            &["dishes", "food-in"],
        ),
        (
            LifeArea::PlayInterestsCreativity,
            "Making music again",
            &["instrument", "music"],
        ),
    ];
    let mut values = Vec::new();
    let mut movements = Vec::new();
    let mut next_id = 100;
    for (i, (area, words, keys)) in plan.iter().take(n_values.clamp(1, 4)).enumerate() {
        let value_id = i as i64 + 1;
        values.push(Value {
            id: value_id,
            area: *area,
            words: words.to_string(),
        });
        for key in keys.iter() {
            movements.push(template(key).adopt(next_id, value_id));
            next_id += 1;
        }
    }
    // A person's own goal, with generated rungs.
    movements.push(Movement {
        id: next_id,
        value_id: 1,
        title: "Visit my sister".into(),
        rungs: rungs_for_goal("Visit my sister", Some(3600)).expect("non-empty goal"),
        integration: false,
    });
    (values, movements)
}

pub fn checkin(energy: Option<Level>, mood: Option<Level>, room: Option<Level>) -> CheckIn {
    CheckIn { energy, mood, room }
}

pub fn good_day() -> CheckIn {
    checkin(Some(Level::Good), Some(Level::Good), Some(Level::Good))
}

pub fn ev(at: DateTime<FixedOffset>, kind: EventKind) -> Event {
    Event { at, kind }
}

/// Applies and records events, like the use-case layer would.
pub struct Journal {
    pub model: Model,
    pub events: Vec<Event>,
}

impl Journal {
    pub fn new() -> Self {
        Journal {
            model: Model::default(),
            events: Vec::new(),
        }
    }

    pub fn push(&mut self, at: DateTime<FixedOffset>, kind: EventKind) {
        let e = ev(at, kind);
        self.model.apply(&e);
        self.events.push(e);
    }

    /// Every answered offer with its answer and when it was given, oldest first.
    pub fn answered(&self) -> impl Iterator<Item = (Offer, Response, DateTime<FixedOffset>)> + '_ {
        let mut open: Option<Offer> = None;
        self.events.iter().filter_map(move |e| match &e.kind {
            EventKind::Offered(o) => {
                open = Some(o.clone());
                None
            }
            EventKind::Replied(r) => open.take().map(|o| (o, r.response, e.at)),
            _ => None,
        })
    }

    /// Budget units used on `day`: Done, Started and Not now each use one ("not this time" to
    /// a bit more uses none).
    pub fn spent_on(&self, day: chrono::NaiveDate) -> u32 {
        self.answered()
            .filter(|(o, r, at)| {
                day_of(*at) == day
                    && match r {
                        Response::Done | Response::Started => true,
                        Response::NotNow => !o.bit_more,
                        _ => false,
                    }
            })
            .count() as u32
    }

    /// Whether a step at least as hard as `difficulty` was found too big on `day` (Started, or
    /// Smaller please to a sized step; anything but Done or Started to "a bit more?" is "not
    /// this time", which says nothing).
    pub fn too_big_on(&self, day: chrono::NaiveDate, difficulty: f64) -> bool {
        self.answered().any(|(o, r, at)| {
            day_of(at) == day
                && (r == Response::Started || (r == Response::SmallerPlease && !o.bit_more))
                && o.difficulty <= difficulty
        })
    }

    /// Ask for a decision; if it is an offer, show it and answer it.
    pub fn offer_and_reply(
        &mut self,
        values: &[Value],
        movements: &[Movement],
        at: DateTime<FixedOffset>,
        response: Response,
    ) -> Decision {
        let d = decide(&self.model, values, movements, at);
        if let Decision::Offer(o) = &d {
            self.push(at, EventKind::Offered(o.clone()));
            self.push(later(at, 1), EventKind::Replied(Reply::plain(response)));
        }
        d
    }
}
