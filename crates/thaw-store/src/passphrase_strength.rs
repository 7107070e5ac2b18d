//! How strong a chosen passphrase is, with zxcvbn, told kindly. A minimum applies that a
//! weak passphrase cannot pass: the store refuses to be created with one.

use serde::{Deserialize, Serialize};

/// The least zxcvbn score (0–4) accepted: 3 means "safely unguessable: moderate protection
/// from an offline slow-hash scenario", which is our case (Argon2id on a stolen device).
pub const MIN_SCORE: u8 = 3;
/// The least length in characters accepted, whatever the score.
pub const MIN_CHARS: usize = 10;

/// The verdict on a passphrase. Holds no part of the passphrase itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassphraseStrength {
    /// zxcvbn's score, 0 (very guessable) to 4 (very unguessable).
    pub score: u8,
    /// Whether the store accepts it: score >= [`MIN_SCORE`] and at least [`MIN_CHARS`] characters.
    pub acceptable: bool,
    /// Kind, plain words to show next to the field.
    pub feedback: String,
}

/// Assess `passphrase`. `user_inputs` are words the person already gave the app (such as
/// a name) that should not count as strength.
pub fn assess_passphrase(passphrase: &str, user_inputs: &[&str]) -> PassphraseStrength {
    let chars = passphrase.chars().count();
    if chars == 0 {
        return PassphraseStrength {
            score: 0,
            acceptable: false,
            feedback:
                "Choose a passphrase only you know. A few unrelated words together work well."
                    .into(),
        };
    }
    let entropy = zxcvbn::zxcvbn(passphrase, user_inputs);
    let score = u8::from(entropy.score());
    let long_enough = chars >= MIN_CHARS;
    let acceptable = score >= MIN_SCORE && long_enough;

    let mut feedback = if acceptable {
        String::from("That passphrase looks strong. Keep it somewhere safe in your memory.")
    } else if !long_enough {
        format!(
            "A little longer would keep your notes safer: at least {MIN_CHARS} characters. \
             A few unrelated words together are easy to remember."
        )
    } else {
        String::from(
            "This one would be fairly easy to guess. Adding another word or two that don't \
             usually go together makes a big difference.",
        )
    };
    if !acceptable {
        // zxcvbn's suggestions are generic advice (never an echo of the input); add the first.
        if let Some(s) = entropy
            .feedback()
            .and_then(|f| f.suggestions().first().copied())
        {
            feedback.push(' ');
            feedback.push_str(&s.to_string());
        }
    }
    PassphraseStrength {
        score,
        acceptable,
        feedback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_ones_cannot_pass() {
        for weak in [
            "",
            "password",
            "password123",
            "qwertyuiop",
            "aaaaaaaaaaaa",
            "Summer2024!",
        ] {
            let s = assess_passphrase(weak, &[]);
            assert!(!s.acceptable, "{weak:?} passed with score {}", s.score);
            assert!(!s.feedback.is_empty());
        }
    }

    #[test]
    fn short_but_random_still_needs_length() {
        let s = assess_passphrase("x7#Qp9!", &[]);
        assert!(!s.acceptable);
        assert!(s.feedback.contains("longer"));
    }

    #[test]
    fn several_unrelated_words_pass() {
        let s = assess_passphrase("lantern orbit pickle meadow", &[]);
        assert!(s.acceptable, "score {}", s.score);
        assert!(s.score >= MIN_SCORE);
    }

    #[test]
    fn feedback_never_echoes_the_passphrase() {
        let s = assess_passphrase("marmalade7", &[]);
        assert!(!s.feedback.to_lowercase().contains("marmalade"));
    }

    #[test]
    fn words_the_person_gave_do_not_count() {
        let with = assess_passphrase("Ruthanne Kowalczyk", &["Ruthanne", "Kowalczyk"]);
        let without = assess_passphrase("Ruthanne Kowalczyk", &[]);
        assert!(with.score <= without.score);
    }
}
