//! The starter library: gentle ladders across the five life areas, kept as data
//! (`data/starter_library.json`) so they can be read and edited as text.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::{LifeArea, Movement, Rung, RungKind};

const STARTER_JSON: &str = include_str!("../data/starter_library.json");

/// A movement from the library, before the person adopts it for one of their values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct MovementTemplate {
    /// Stable key, e.g. "short-walk", so the store can tell which template a movement came from.
    pub key: String,
    pub area: LifeArea,
    pub title: String,
    pub integration: bool,
    /// Smallest first.
    pub rungs: Vec<Rung>,
}

impl MovementTemplate {
    /// The movement as the person's own, under one of their values.
    pub fn adopt(&self, movement_id: i64, value_id: i64) -> Movement {
        Movement {
            id: movement_id,
            value_id,
            title: self.title.clone(),
            rungs: self.rungs.clone(),
            integration: self.integration,
        }
    }
}

#[derive(Deserialize)]
struct RawRung {
    kind: RungKind,
    seconds: u32,
    text: String,
}

#[derive(Deserialize)]
struct RawTemplate {
    key: String,
    area: LifeArea,
    title: String,
    #[serde(default)]
    integration: bool,
    rungs: Vec<RawRung>,
}

/// The library could not be read (only possible if the bundled data file is broken,
/// which the crate's tests rule out).
#[derive(Debug)]
pub struct LibraryError(pub String);

impl std::fmt::Display for LibraryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "starter library: {}", self.0)
    }
}

impl std::error::Error for LibraryError {}

/// Every starter movement, in the data file's order. Rung difficulties come from each rung's
/// kind and length (see [`crate::capacity::prior_difficulty`]).
pub fn starter_library() -> Result<Vec<MovementTemplate>, LibraryError> {
    let raw: Vec<RawTemplate> =
        serde_json::from_str(STARTER_JSON).map_err(|e| LibraryError(e.to_string()))?;
    Ok(raw
        .into_iter()
        .map(|t| MovementTemplate {
            key: t.key,
            area: t.area,
            title: t.title,
            integration: t.integration,
            rungs: t
                .rungs
                .into_iter()
                .map(|r| Rung::new(r.text, r.kind, r.seconds))
                .collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one list of never-words (thaw-clinical owns the file; the engine only reads it here).
    fn never() -> impl Iterator<Item = &'static str> {
        include_str!("../../thaw-clinical/never-words.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    fn has_word(text: &str, word: &str) -> bool {
        let t = text.to_lowercase();
        t.match_indices(word).any(|(i, _)| {
            let before = t[..i].chars().next_back();
            let after = t[i + word.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        })
    }

    #[test]
    fn library_is_large_enough_and_shaped_as_ladders() {
        let lib = starter_library().expect("bundled library parses");
        assert!(lib.len() >= 40);
        for area in LifeArea::ALL {
            assert!(
                lib.iter().filter(|t| t.area == area).count() >= 6,
                "{area:?}"
            );
        }
        let mut keys: Vec<&str> = lib.iter().map(|t| t.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), lib.len(), "keys are unique");
        for t in &lib {
            assert!(t.rungs.len() >= 4, "{}", t.key);
            assert_eq!(t.rungs[0].kind, RungKind::Internal, "{}", t.key);
            assert_eq!(
                t.rungs.last().map(|r| r.kind),
                Some(RungKind::Act),
                "{}",
                t.key
            );
            assert!(
                t.rungs.windows(2).all(|w| w[0].kind <= w[1].kind),
                "{}",
                t.key
            );
            assert!(
                t.rungs
                    .windows(2)
                    .all(|w| w[0].difficulty < w[1].difficulty),
                "{} is smallest first",
                t.key
            );
        }
        assert!(lib.iter().any(|t| t.integration));
    }

    #[test]
    fn library_speaks_in_the_product_words() {
        let lib = starter_library().expect("bundled library parses");
        for t in &lib {
            for text in std::iter::once(&t.title).chain(t.rungs.iter().map(|r| &r.text)) {
                assert!(!text.contains('!'), "{text}");
                for w in never() {
                    assert!(!has_word(text, w), "{w} in {text}");
                }
            }
        }
    }
}
