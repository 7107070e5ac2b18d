//! The words we never use in our own copy (see the product design): streak, failed, missed,
//! behind, lazy, should, must. Published questionnaire items are quoted as published.

/// The one list of never-words, shared with the UI (`ui/src/lib/words.test.ts`) and the other
/// crates' tests: one word or phrase a line, `#` for comments.
pub const NEVER_WORDS_FILE: &str = include_str!("../never-words.txt");

/// Words and phrases Thaw's own copy never uses, in the file's order.
pub fn never_say() -> impl Iterator<Item = &'static str> {
    NEVER_WORDS_FILE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The first never-say word or phrase found in `text` as whole words (case-insensitive), if
/// any ("mustard" is not "must"; "a friend's" is not "friend").
pub fn find_never_say(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .collect();
    never_say().find(|phrase| {
        let parts: Vec<&str> = phrase.split_whitespace().collect();
        words
            .windows(parts.len())
            .any(|run| run == parts.as_slice())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_never_say("You Should rest"), Some("should"));
        assert_eq!(find_never_say("mustard and behindness"), None);
        assert_eq!(find_never_say("a missed day"), Some("missed"));
        assert_eq!(
            find_never_say("your goal completion rate"),
            Some("goal completion rate")
        );
        assert_eq!(find_never_say("a goal, completion"), None);
    }
}
