//! The one plain sentence that comes with every offer or rest. Warm, short, second person,
//! tied to what the engine actually used. No exclamation marks, no pressure words.

use super::domain::{CheckIn, Level, Response, RestKind};

/// Size in words: "about 10 seconds", "about a minute", "about 20 minutes", "about an hour".
pub fn size_words(seconds: u32) -> String {
    match seconds {
        0..=14 => "about 10 seconds".to_string(),
        15..=44 => "about 30 seconds".to_string(),
        45..=89 => "about a minute".to_string(),
        90..=3299 => format!("about {} minutes", (seconds + 30) / 60),
        3300..=4499 => "about an hour".to_string(),
        _ => format!("about {} hours", ((seconds + 1800) / 3600).max(2)),
    }
}

/// What the reason may be tied to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ReasonInputs<'a> {
    pub checkin: Option<&'a CheckIn>,
    /// The answer to the previous offer today, if any.
    pub after: Option<Response>,
    pub breath: bool,
    pub integration_window: bool,
    pub bigger_than_last: bool,
    pub size: &'a str,
}

/// The sentence for an offer.
pub(crate) fn offer_reason(i: ReasonInputs<'_>) -> String {
    let size = i.size;
    match i.after {
        Some(Response::SmallerPlease) if i.breath => {
            return "You asked for smaller, so this is just one breath.".to_string()
        }
        Some(Response::SmallerPlease) => {
            return format!("You asked for smaller, so this one takes {size}.")
        }
        Some(Response::SomethingElse) => {
            return format!("Here is something different, about the same size: {size}.")
        }
        Some(Response::NotNow) => {
            return format!(
                "Not now is a real answer; if you like, here is something different, {size}."
            )
        }
        Some(Response::Done) | Some(Response::Started) if i.bigger_than_last => {
            return format!("You moved a moment ago, so this one is a little bigger: {size}.")
        }
        _ => {}
    }
    if i.integration_window {
        return format!("In the days after a session, practice like this helps; it takes {size}.");
    }
    let Some(c) = i.checkin else {
        return format!("Without a check-in today we start small, so this one takes {size}.");
    };
    let low = |l: Option<Level>| l.unwrap_or(Level::Low) == Level::Low;
    if low(c.energy) {
        format!("Energy is low today, so this one takes {size}.")
    } else if low(c.room) {
        format!("There isn't much room today, so this one takes {size}.")
    } else if low(c.mood) {
        format!("Today feels heavy, so this one takes {size}.")
    } else if c.energy == Some(Level::Good) {
        format!("You have some energy today, so this one takes {size}.")
    } else {
        format!("This one fits today: {size}.")
    }
}

/// The sentence for rest.
pub(crate) fn rest_reason(kind: RestKind, moved_today: bool) -> String {
    match kind {
        RestKind::BudgetSpent if moved_today => "You moved today. Rest counts.",
        RestKind::BudgetSpent | RestKind::NotNowToday => "Not now is a real answer. Rest counts.",
        RestKind::SmallestWasTooMuch => "Today is for resting, and that is fine. Rest counts.",
        RestKind::EnoughChoosing => "That is plenty of choosing for one day. Rest counts.",
        RestKind::NothingToOfferYet => {
            "Add something you care about, and a first small step will wait here."
        }
    }
    .to_string()
}
