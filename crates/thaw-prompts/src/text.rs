//! The words of a prompt: a small rotating set, generic and kind, in the product's words.
//!
//! Notifications show on lock screens, so a prompt never carries anything personal: no values,
//! steps, moods or names. [`PromptText`] can only be made from the fixed set below, so nothing
//! personal can be passed to a notification through this crate's API.

use chrono::{Datelike, NaiveDate};

/// The title of every prompt.
pub const TITLE: &str = "Thaw";

/// The action key that opens Thaw on "I have a moment".
pub const ACTION_OPEN: &str = "open";
/// The label of [`ACTION_OPEN`].
pub const ACTION_OPEN_LABEL: &str = "I have a moment";
/// The action key for "Not now": no more prompts today.
pub const ACTION_NOT_NOW: &str = "not-now";
/// The label of [`ACTION_NOT_NOW`].
pub const ACTION_NOT_NOW_LABEL: &str = "Not now";

/// The bodies, in rotation order. Eleven (a prime) so that the rotation by day and by count
/// reaches every one.
pub const BODIES: [&str; 11] = [
    "If there is a moment, there is a small step waiting.",
    "Whenever you are ready. Not now is a real answer too.",
    "A small step is here, if today has room for it.",
    "No rush. Thaw is here when you have a moment.",
    "If a little readiness shows up, this could be a good time.",
    "Rest counts. If there is room, one small thing is waiting.",
    "Something small is ready, whenever you are.",
    "Is there a moment for you right now? Either answer is fine.",
    "Small steps count, inside and outside. One is here if you want it.",
    "If now is not the time, that is fine. Thaw will wait.",
    "Just a quiet hello. A small step is here when you are.",
];

/// The words of one prompt: a title and a generic body from [`BODIES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PromptText {
    body: &'static str,
}

impl PromptText {
    /// Always [`TITLE`].
    pub fn title(&self) -> &'static str {
        TITLE
    }

    /// One of [`BODIES`].
    pub fn body(&self) -> &'static str {
        self.body
    }

    /// Every prompt text there is, in rotation order.
    pub fn all() -> impl Iterator<Item = PromptText> {
        BODIES.iter().map(|body| PromptText { body })
    }
}

/// The text for the prompt numbered `sent_today` (0 for the day's first) on local day `date`.
/// Deterministic: the same day and count give the same text; consecutive prompts and days differ.
pub fn text_for(date: NaiveDate, sent_today: usize) -> PromptText {
    let n = BODIES.len() as u64;
    let day = u64::try_from(date.num_days_from_ce().rem_euclid(n as i32)).unwrap_or(0);
    let index = (day * 3 + (sent_today as u64 % n)) % n;
    PromptText {
        body: BODIES[index as usize],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The product's never-words: the one list, which thaw-clinical owns.
    fn never() -> impl Iterator<Item = &'static str> {
        include_str!("../../thaw-clinical/never-words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    #[test]
    fn no_text_has_a_never_word_or_an_exclamation_mark() {
        let labels = [TITLE, ACTION_OPEN_LABEL, ACTION_NOT_NOW_LABEL];
        for text in BODIES.iter().chain(labels.iter()) {
            let lower = text.to_lowercase();
            for word in never() {
                assert!(!lower.contains(word), "{text:?} contains {word:?}");
            }
            assert!(!text.contains('!'), "{text:?} has an exclamation mark");
        }
    }

    #[test]
    fn texts_are_short_plain_and_distinct() {
        let mut seen = std::collections::HashSet::new();
        for body in BODIES {
            assert!(body.len() <= 80, "{body:?} is long for a lock screen");
            assert!(body.is_ascii(), "{body:?}");
            assert!(seen.insert(body), "{body:?} twice");
        }
        assert!((8..=12).contains(&BODIES.len()));
    }

    #[test]
    fn rotation_is_deterministic_and_reaches_every_text() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut reached = std::collections::HashSet::new();
        for d in 0..30 {
            let day = start + chrono::Days::new(d);
            assert_eq!(text_for(day, 0), text_for(day, 0));
            assert_ne!(
                text_for(day, 0),
                text_for(day, 1),
                "same text twice in a day"
            );
            assert_ne!(text_for(day, 0), text_for(day.succ_opt().unwrap(), 0));
            reached.insert(text_for(day, 0).body());
        }
        assert_eq!(reached.len(), BODIES.len());
        assert!(PromptText::all().all(|t| t.title() == "Thaw"));
    }

    #[test]
    fn works_for_days_before_the_common_era_too() {
        let old = NaiveDate::from_ymd_opt(-40, 3, 1).unwrap();
        assert!(BODIES.contains(&text_for(old, 7).body()));
    }
}
