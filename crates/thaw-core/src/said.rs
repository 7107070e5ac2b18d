//! What Today says after each thing the person does: one sentence, from this one table, true
//! of what is on screen. The UI shows it once (`TodayView::said`) and adds none of its own.
//!
//! The step's own reason and the rest's reason are the engine's words, shown as they are;
//! this sentence is said only where they do not already answer what the person did, so no
//! sentence appears twice ("Not now is a real answer." is either the note or the rest's
//! first words, never both).

use thaw_engine::{Response, RestKind};

use crate::ipc::TodayDecision;

/// What the person just did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum After {
    /// Opened Today.
    Opened,
    /// Checked in (or skipped the check-in).
    CheckedIn,
    /// Answered the step on screen; `bit_more` when that step was a "bit more".
    Replied { response: Response, bit_more: bool },
    /// "I have a moment"; `at_rest` when the day had turned to rest, so the step is a tiny one.
    Moment { at_rest: bool },
    /// "A bit more?".
    BitMore,
    /// "I noticed something".
    Noticed,
    /// Said how a step felt.
    Felt,
}

pub(crate) const DID_IT: &str = "You did it. That counts.";
pub(crate) const DID_A_BIT_MORE: &str = "You did a bit more. That counts.";
pub(crate) const STARTED: &str = "You started, and starting counts.";
pub(crate) const NOT_NOW: &str = "Not now is a real answer.";
pub(crate) const NOT_THIS_TIME: &str = "That is fine. What you did already counts.";
pub(crate) const NOTHING_SMALLER: &str = "That was the smallest step for today.";
pub(crate) const NOTHING_BIGGER: &str = "Nothing bigger fits today. What you did counts.";
pub(crate) const NOTICED: &str = "Noticed. That counts.";
pub(crate) const THANK_YOU: &str = "Thank you for saying.";
/// Above the breath-sized step or the noticing that "I have a moment" brings on a rest day
/// (the step's own reason then says only that it is optional).
pub(crate) const TINY_AT_REST: &str = "Today is for resting. If you like, one tiny thing:";

/// The sentence for `after`, given what is now on screen.
pub(crate) fn said(after: After, shown: &TodayDecision) -> Option<String> {
    use After::*;
    use TodayDecision::{Between, Offer, Rest};
    let words = match (after, shown) {
        // On a rest day the moment still brings something, said as such above it.
        (Moment { at_rest: true }, Offer(_)) => Some(TINY_AT_REST),
        // Nothing happened yet, or the step's own reason says why it is this one.
        (Opened | CheckedIn | Moment { .. }, _) => None,
        (Replied { response, bit_more }, shown) => match (response, bit_more, shown) {
            (Response::Done, true, _) => Some(DID_A_BIT_MORE),
            (Response::Done, false, _) => Some(DID_IT),
            (Response::Started, _, _) => Some(STARTED),
            // Declining a bit more is nothing: what was done still counts.
            (_, true, _) => Some(NOT_THIS_TIME),
            (Response::NotNow, _, Rest { kind, .. }) if *kind == RestKind::NotNowToday => None,
            (Response::NotNow, _, _) => Some(NOT_NOW),
            // "You asked for smaller, so …" / "Here is something different …": the reason says it.
            (Response::SmallerPlease | Response::SomethingElse, _, Offer(_)) => None,
            (Response::SmallerPlease, _, _) => Some(NOTHING_SMALLER),
            (Response::SomethingElse, _, _) => None,
        },
        (BitMore, Offer(_)) => None,
        (BitMore, Between { .. } | Rest { .. }) => Some(NOTHING_BIGGER),
        (Noticed, _) => Some(NOTICED),
        (Felt, _) => Some(THANK_YOU),
    };
    words.map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(kind: RestKind, reason: &str) -> TodayDecision {
        TodayDecision::Rest {
            kind,
            reason: reason.into(),
        }
    }

    #[test]
    fn not_now_is_said_once_whether_or_not_the_day_turns_to_rest() {
        let not_now = After::Replied {
            response: Response::NotNow,
            bit_more: false,
        };
        assert_eq!(
            said(not_now, &TodayDecision::Between { bit_more: None }).as_deref(),
            Some(NOT_NOW)
        );
        // The rest's own words begin with it: nothing more is said.
        let r = rest(
            RestKind::NotNowToday,
            "Not now is a real answer. Steps come back tomorrow.",
        );
        assert_eq!(said(not_now, &r), None);
    }

    #[test]
    fn a_moment_on_a_rest_day_says_so_once_above_the_tiny_step() {
        let tiny = TodayDecision::Offer(crate::ipc::OfferView {
            offer_id: 1,
            value_id: 1,
            value_words: "Being there".into(),
            movement_title: "Call".into(),
            text: thaw_engine::BREATH_TEXT.into(),
            kind: thaw_engine::RungKind::Internal,
            size_words: "a few seconds".into(),
            seconds: 5,
            size_in_text: false,
            reason: "Only if you like; nothing more is asked of you today.".into(),
            bit_more: false,
        });
        let said_at_rest = said(After::Moment { at_rest: true }, &tiny).unwrap();
        assert_eq!(said_at_rest, TINY_AT_REST);
        // Nothing in the step's own reason repeats it.
        let TodayDecision::Offer(o) = &tiny else {
            unreachable!()
        };
        assert!(!o.reason.contains("Today is for resting"));
        // On an ordinary day the step's reason says why it is this one.
        assert_eq!(said(After::Moment { at_rest: false }, &tiny), None);
    }

    #[test]
    fn smaller_is_said_by_the_step_itself_and_nothing_smaller_by_the_table() {
        let smaller = After::Replied {
            response: Response::SmallerPlease,
            bit_more: false,
        };
        let r = rest(
            RestKind::SmallestWasTooMuch,
            "Today is for resting, and that is fine. Steps come back tomorrow.",
        );
        assert_eq!(said(smaller, &r).as_deref(), Some(NOTHING_SMALLER));
    }
}
