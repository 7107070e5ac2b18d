//! The daily energy budget: a few steps a day, fewer on low days. New motivation is fragile and
//! shuts down when overloaded, so when the budget is spent, rest is the offer.

use crate::domain::{CheckIn, Level};
use crate::params::OFFERS_PER_BUDGET_UNIT;

/// Steps (budget units) for a day. No check-in is a low day: 2. Energy low 2, some 3, good 4;
/// little room caps it at 2, plenty of room adds 1; never more than 5.
/// Done, Started and Not now each use one unit; Smaller please and Something else use none.
/// One step may go past it: for someone whose days are without a check-in, right after the
/// Done that used the last unit of such a day, "a bit more?" may ask the next rung up of that
/// movement, once (see `select::Today::climbs_past_budget`): at most three steps on those days.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fewer_steps_on_low_days() {
        let good = CheckIn {
            energy: Some(Level::Good),
            mood: None,
            room: Some(Level::Good),
        };
        let tight = CheckIn {
            room: Some(Level::Low),
            ..good
        };
        assert_eq!(daily_budget(None), 2);
        assert_eq!(daily_budget(Some(&good)), 5);
        assert_eq!(daily_budget(Some(&tight)), 2);
        assert_eq!(daily_offer_cap(2), 6);
    }
}
