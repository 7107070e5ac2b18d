//! The daily energy budget: a few steps a day, fewer on low days. New motivation is fragile and
//! shuts down when overloaded, so when the budget is spent, rest is the offer.

use super::domain::{CheckIn, Level};
use super::params::OFFERS_PER_BUDGET_UNIT;

/// Steps (budget units) for a day. No check-in is a low day: 2. Energy low 2, some 3, good 4;
/// little room caps it at 2, plenty of room adds 1; never more than 5.
/// Done, Started and Not now each use one unit; Smaller please and Something else use none.
pub fn daily_budget(checkin: Option<&CheckIn>) -> u32 {
    let Some(c) = checkin else {
        return 2;
    };
    let base = match c.energy.unwrap_or(Level::Low) {
        Level::Low => 2,
        Level::Some => 3,
        Level::Good => 4,
    };
    let with_room = match c.room.unwrap_or(Level::Low) {
        Level::Low => base.min(2),
        Level::Some => base,
        Level::Good => base + 1,
    };
    with_room.min(5)
}

/// How many offers may be shown in a day at most, so choosing never becomes its own chore.
pub fn daily_offer_cap(budget: u32) -> u32 {
    budget * OFFERS_PER_BUDGET_UNIT
}
