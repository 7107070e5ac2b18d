//! The one plain sentence that comes with every offer, rest and answer. Warm, short, second
//! person, and true of what the engine used: a check-in is mentioned only when one was given
//! ("energy is low" only when the person said so), a size only as it is shown.
//! No exclamation marks, no pressure words.

use crate::domain::{CheckIn, Level, Response, RestKind};

/// The seconds a size is shown as: the number behind [`size_words`]. Two steps with the same
/// shown seconds read the same, so "smaller" and "bigger" compare these.
pub fn shown_seconds(seconds: u32) -> u32 {
    match seconds {
        0..=7 => 5,
        8..=14 => 10,
        15..=24 => 20,
        25..=44 => 30,
        45..=89 => 60,
        90..=3299 => (seconds + 30) / 60 * 60,
        3300..=4499 => 3600,
        _ => ((seconds + 1800) / 3600).max(2) * 3600,
    }
}

/// Size in words: "a few seconds", "about 10 seconds", "about a minute", "about 20 minutes",
/// "about an hour". Different words always mean different [`shown_seconds`].
pub fn size_words(seconds: u32) -> String {
    match shown_seconds(seconds) {
        5 => "a few seconds".to_string(),
        s @ (10 | 20 | 30) => format!("about {s} seconds"),
        60 => "about a minute".to_string(),
        3600 => "about an hour".to_string(),
        s if s < 3600 => format!("about {} minutes", s / 60),
        s => format!("about {} hours", s / 3600),
    }
}

/// Why this offer is being made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Why {
    /// A fresh pick.
    Fresh,
    /// A fresh pick one rung above what surely fits: growth.
    Stretch,
    /// After "Smaller please".
    Smaller,
    /// After "Something else"; `same_size` when it shows the same size as the one set aside.
    Different { same_size: bool },
    /// "A bit more?" after a Done.
    BitMore,
    /// "I have a moment" on a rest day: the breath-sized step.
    Tiny,
    /// "I have a moment" on a rest day when even the breath was too much: a noticing.
    Noticing,
}

/// What the sentence for an offer may be tied to.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Inputs<'a> {
    pub why: Why,
    /// The answer to the previous offer today, if any.
    pub after: Option<Response>,
    pub breath: bool,
    /// Today's check-in, if the person gave one.
    pub checkin: Option<&'a CheckIn>,
    /// In the days after a session, and this is a practice or integration movement.
    pub integration_window: bool,
    /// Shown bigger than the step just done or started.
    pub bigger_than_last: bool,
    /// Hardly any answers yet.
    pub little_evidence: bool,
    /// The last few days' answers said "too big" more than usual.
    pub hard_stretch: bool,
    /// The size in words; `None` when the step's own text already says how long it takes
    /// ([`names_its_length`]): the card then says it once, in the step.
    pub size: Option<&'a str>,
}

/// Whether a step's text says how long it takes ("…, just for ten seconds.", "Walk for twenty
/// minutes."): its card then leaves the size to the step's own words (one message per moment).
pub fn names_its_length(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "second" | "seconds" | "minute" | "minutes" | "hour" | "hours"
        )
    })
}

/// "<why>: <size>." or, when the step says its own size, "<why>."
fn with_size(why: &str, size: Option<&str>) -> String {
    match size {
        Some(size) => format!("{why}: {size}."),
        None => format!("{why}."),
    }
}

/// The sentence for an offer.
pub(crate) fn offer(i: Inputs<'_>) -> String {
    let size = i.size;
    match i.why {
        Why::Smaller if i.breath => {
            return "You asked for smaller, so this is just one breath.".to_string()
        }
        Why::Smaller => {
            return match size {
                Some(size) => format!("You asked for smaller, so this one takes {size}."),
                None => "You asked for smaller, so this one is smaller.".to_string(),
            }
        }
        Why::Different { same_size: true } => {
            return with_size("Here is something different, about the same size", size)
        }
        Why::Different { same_size: false } => {
            return with_size("Here is something different", size)
        }
        Why::BitMore => {
            return match size {
                Some(size) => format!("Only if you like: the next step up takes {size}."),
                None => "Only if you like: the next step up.".to_string(),
            }
        }
        // "Today is for resting. If you like, one tiny thing:" is said above the step when it
        // comes (thaw-core's said.rs), and the card shows its size; here only that it is optional.
        Why::Tiny | Why::Noticing => {
            return "Only if you like; nothing more is asked of you today.".to_string()
        }
        Why::Stretch => {
            return with_size(
                "Smaller steps have been going well, so this one is a step up",
                size,
            )
        }
        Why::Fresh => {}
    }
    if i.after == Some(Response::NotNow) {
        return with_size("Here is something different, whenever you like", size);
    }
    if i.bigger_than_last {
        return with_size(
            "You moved a moment ago, so this one is a little bigger",
            size,
        );
    }
    if i.integration_window {
        return match size {
            Some(size) => {
                format!("In the days after a session, practice like this helps; it takes {size}.")
            }
            None => "In the days after a session, practice like this helps.".to_string(),
        };
    }
    let takes = match (i.breath, size) {
        (true, _) => "this is just one breath".to_string(),
        (false, Some(size)) => format!("this one takes {size}"),
        (false, None) => "this one is sized for that".to_string(),
    };
    let Some(c) = i.checkin else {
        return if i.hard_stretch {
            format!("The last few days asked a lot, so {takes}.")
        } else if i.little_evidence {
            with_size("Without a check-in, we start small", size)
        } else {
            with_size(
                "Without a check-in, this is sized to a usual day for you",
                size,
            )
        };
    };
    let said_low = |l: Option<Level>| l == Some(Level::Low);
    if said_low(c.energy) {
        format!("You said energy is low, so {takes}.")
    } else if said_low(c.room) {
        format!("You said there isn't much room today, so {takes}.")
    } else if said_low(c.mood) {
        format!("You said today feels heavy, so {takes}.")
    } else if i.hard_stretch {
        format!("The last few days asked a lot, so {takes}.")
    } else if c.energy == Some(Level::Good) {
        format!("You have some energy today, so {takes}.")
    } else {
        with_size("This one fits what you said today", size)
    }
}

/// After "Not now".
pub(crate) const NOT_NOW: &str = "Not now is a real answer.";
/// After "not this time" to a bit more.
pub(crate) const NOT_THIS_TIME: &str = "That is fine. What you did already counts.";

/// After Done or Started.
pub(crate) fn moved(response: Response, bit_more: bool) -> String {
    match (response, bit_more) {
        (Response::Started, _) => "You started, and starting counts.",
        (_, true) => "You did a bit more. That counts.",
        _ => "You did it. That counts.",
    }
    .to_string()
}

/// The sentence for rest: why, and when steps come back.
pub(crate) fn rest(kind: RestKind, moved_today: bool) -> String {
    match kind {
        RestKind::BudgetSpent if moved_today => {
            "You moved today, and that is today's room used. Steps come back tomorrow."
        }
        RestKind::BudgetSpent => "That is today's room used. Steps come back tomorrow.",
        RestKind::NotNowToday => "Not now is a real answer. Steps come back tomorrow.",
        RestKind::SmallestWasTooMuch => {
            "Today is for resting, and that is fine. Steps come back tomorrow."
        }
        RestKind::EnoughChoosing => {
            "That is plenty of choosing for one day. Steps come back tomorrow."
        }
        RestKind::EachHadATurn => "Each of your steps has had its turn today. More come tomorrow.",
        RestKind::NothingToOfferYet => {
            "Add something you care about, and a first small step will wait here."
        }
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(size_words(5), "a few seconds");
        assert_eq!(size_words(10), "about 10 seconds");
        assert_eq!(size_words(20), "about 20 seconds");
        assert_eq!(size_words(30), "about 30 seconds");
        assert_eq!(size_words(60), "about a minute");
        assert_eq!(size_words(120), "about 2 minutes");
        assert_eq!(size_words(900), "about 15 minutes");
        assert_eq!(size_words(3600), "about an hour");
        assert_eq!(size_words(7200), "about 2 hours");
    }

    #[test]
    fn different_words_mean_different_shown_seconds_in_order() {
        let mut last: Option<(u32, String)> = None;
        for s in 0..20_000u32 {
            let (shown, words) = (shown_seconds(s), size_words(s));
            if let Some((prev_shown, prev_words)) = &last {
                assert!(shown >= *prev_shown, "monotone at {s}");
                assert_eq!(shown == *prev_shown, words == *prev_words, "at {s}");
            }
            last = Some((shown, words));
        }
    }

    fn inputs(checkin: Option<&CheckIn>) -> Inputs<'_> {
        Inputs {
            why: Why::Fresh,
            after: None,
            breath: false,
            checkin,
            integration_window: false,
            bigger_than_last: false,
            little_evidence: false,
            hard_stretch: false,
            size: Some("about 2 minutes"),
        }
    }

    #[test]
    fn a_step_that_says_its_length_is_not_sized_again_by_its_reason() {
        assert!(names_its_length(
            "Picture someone you like hearing from, just for ten seconds."
        ));
        assert!(names_its_length("Walk for twenty minutes."));
        assert!(names_its_length(
            "Give the first two minutes to this, then stop if you like: call."
        ));
        assert!(!names_its_length(
            "Get one small thing ready for this: call your sister."
        ));
        assert!(!names_its_length("Say hello to the secondhand shop owner."));
        let low = CheckIn {
            energy: Some(Level::Low),
            mood: None,
            room: None,
        };
        let whys = [
            Why::Fresh,
            Why::Stretch,
            Why::Smaller,
            Why::Different { same_size: true },
            Why::Different { same_size: false },
            Why::BitMore,
        ];
        for why in whys {
            for checkin in [None, Some(&low)] {
                for (after, bigger, window) in [
                    (None, false, false),
                    (Some(Response::NotNow), false, false),
                    (None, true, false),
                    (None, false, true),
                ] {
                    let i = Inputs {
                        why,
                        after,
                        bigger_than_last: bigger,
                        integration_window: window,
                        size: None,
                        ..inputs(checkin)
                    };
                    let said = offer(i);
                    assert!(
                        !names_its_length(&said) && !said.contains("takes"),
                        "{said}"
                    );
                    assert!(said.ends_with('.') && !said.contains(".."), "{said}");
                    assert!(!said.contains(": ."), "{said}");
                    let sized = offer(Inputs {
                        size: Some("about 2 minutes"),
                        ..i
                    });
                    assert!(sized.contains("about 2 minutes"), "{sized}");
                }
            }
        }
    }

    #[test]
    fn low_energy_only_when_said() {
        let skipped = CheckIn {
            energy: None,
            mood: Some(Level::Some),
            room: Some(Level::Some),
        };
        let none = offer(inputs(None));
        let partial = offer(inputs(Some(&skipped)));
        for s in [&none, &partial] {
            assert!(!s.to_lowercase().contains("energy is low"), "{s}");
        }
        assert!(none.contains("check-in"), "{none}");
        let low = CheckIn {
            energy: Some(Level::Low),
            ..skipped
        };
        assert!(offer(inputs(Some(&low))).contains("You said energy is low"));
    }
}
