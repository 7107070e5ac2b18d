//! The words we never use in our own copy (see the product design): streak, failed, missed,
//! behind, lazy, should, must. Published questionnaire items are quoted as published.

/// Words Thaw's own copy never uses.
pub const NEVER_SAY: [&str; 7] = [
    "streak", "failed", "missed", "behind", "lazy", "should", "must",
];

/// The first never-say word found in `text` as a whole word (case-insensitive), if any.
pub fn find_never_say(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .collect();
    NEVER_SAY
        .iter()
        .find(|w| {
            words
                .iter()
                .any(|x| x == *w || x.strip_suffix("'s") == Some(w))
        })
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_never_say("You Should rest"), Some("should"));
        assert_eq!(find_never_say("mustard and behindness"), None);
        assert_eq!(find_never_say("a missed day"), Some("missed"));
    }
}
