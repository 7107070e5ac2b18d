//! Turning a person's own goal into a ladder in the same pattern as the starter library:
//! picture it, get one thing ready, the first two minutes, then the act. They can edit it later.

use crate::domain::{Rung, RungKind};

/// Default length of the act when the person gives none: a quarter of an hour.
pub const DEFAULT_ACT_SECONDS: u32 = 900;

/// Rewrites first-person words into second person, so "Call my sister" reads
/// "call your sister" inside a sentence spoken to the person.
fn second_person(goal: &str) -> String {
    goal.split_whitespace()
        .map(|w| {
            let (core, tail) = split_punct(w);
            let swapped = match core.to_lowercase().as_str() {
                "i" => "you".to_string(),
                "me" => "you".to_string(),
                "my" => "your".to_string(),
                "mine" => "yours".to_string(),
                "myself" => "yourself".to_string(),
                "i'm" => "you're".to_string(),
                "i've" => "you've".to_string(),
                "i'll" => "you'll".to_string(),
                "am" => "are".to_string(),
                _ => core.to_string(),
            };
            format!("{swapped}{tail}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn split_punct(word: &str) -> (&str, &str) {
    let end = word
        .trim_end_matches(|c: char| c.is_ascii_punctuation() && c != '\'')
        .len();
    word.split_at(end)
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Four rungs for a goal in the person's own words, smallest first; `None` when the goal is
/// empty. `act_seconds` is how long the full act takes, if the person said.
pub fn rungs_for_goal(goal: &str, act_seconds: Option<u32>) -> Option<Vec<Rung>> {
    let trimmed = goal
        .trim()
        .trim_end_matches(['.', '!', '?', ';', ',', ':'])
        .trim();
    if trimmed.is_empty() {
        return None;
    }
    let inner = lower_first(&second_person(trimmed));
    let act = act_seconds.unwrap_or(DEFAULT_ACT_SECONDS).max(180);
    Some(vec![
        Rung::new(
            format!("Picture yourself doing this, just for ten seconds: {inner}."),
            RungKind::Internal,
            10,
        ),
        Rung::new(
            format!("Get one small thing ready for this: {inner}."),
            RungKind::Preparation,
            60,
        ),
        Rung::new(
            format!("Give the first two minutes to this, then stop if you like: {inner}."),
            RungKind::FirstMinutes,
            120,
        ),
        Rung::new(format!("{}.", upper_first(&inner)), RungKind::Act, act),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_becomes_four_rungs_in_second_person() {
        let rungs = rungs_for_goal("Call my sister!", None).unwrap_or_default();
        assert_eq!(rungs.len(), 4);
        assert_eq!(
            rungs[0].text,
            "Picture yourself doing this, just for ten seconds: call your sister."
        );
        assert_eq!(rungs[3].text, "Call your sister.");
        let kinds: Vec<RungKind> = rungs.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![
                RungKind::Internal,
                RungKind::Preparation,
                RungKind::FirstMinutes,
                RungKind::Act
            ]
        );
        assert!(rungs.windows(2).all(|w| w[0].difficulty < w[1].difficulty));
    }

    #[test]
    fn first_person_words_are_turned_around() {
        assert_eq!(
            second_person("Tell me, I am fine"),
            "Tell you, you are fine"
        );
        assert!(rungs_for_goal("   ", None).is_none());
        let short = rungs_for_goal("Guitar", Some(10)).unwrap_or_default();
        assert_eq!(short[3].seconds, 180);
        assert_eq!(short[3].text, "Guitar.");
    }
}
