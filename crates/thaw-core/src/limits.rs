//! Limits on everything a person (or a script in the webview) can send, enforced here in the
//! core whatever the UI does. One home for each number: the UI's `maxlength`s and counters
//! come from the same constants, generated into `ui/src/lib/ipc/types.ts` as `LIMITS`.
//!
//! Each refusal names the limit kindly and changes nothing, so the words are still on screen
//! to shorten.

use crate::error::{AppError, Result};

/// What matters, a movement's title, one rung of a ladder.
pub const VALUE_WORDS: usize = 200;
/// Rungs in one ladder.
pub const RUNGS: usize = 12;
/// Starter ideas picked with one value.
pub const LIBRARY_PICKS: usize = 20;
/// The longest a rung may be sized: a day.
pub const RUNG_SECONDS: u32 = 24 * 60 * 60;
/// "I noticed something".
pub const NOTE: usize = 500;
/// One journal entry.
pub const JOURNAL_TEXT: usize = 20_000;
/// The question a journal entry answers.
pub const JOURNAL_PROMPT: usize = 300;
/// A session's intention or notes.
pub const SESSION_TEXT: usize = 2_000;
/// One line of the safety plan, or a note on a person in it.
pub const PLAN_LINE: usize = 500;
/// Entries in one section of the safety plan.
pub const PLAN_ENTRIES: usize = 20;
/// A name: a person, a service, a crisis line.
pub const NAME: usize = 120;
/// A crisis line's number, as typed (digits, spaces, + - ( ) .).
pub const PHONE: usize = 20;
/// A phone number for a person or service on the safety plan, as the person writes it.
pub const CONTACT_PHONE: usize = 40;
/// A crisis line's one plain line.
pub const CRISIS_DESCRIPTION: usize = 200;
/// The word to text to a crisis line, e.g. HOME.
pub const CRISIS_KEYWORD: usize = 20;
/// Crisis lines kept for one region.
pub const CRISIS_LINES: usize = 12;
/// A region's name, e.g. "United States".
pub const REGION_NAME: usize = 80;
/// A region's code, e.g. "US".
pub const REGION_CODE: usize = 8;
/// A passphrase or recovery code as typed. Far above any real one; below it Argon2id and the
/// strength check stay quick.
pub const SECRET: usize = 1_000;
/// A folder or file path.
pub const PATH: usize = 4_096;

/// Text that may be empty, up to `max` characters. `what` is said in the refusal.
pub(crate) fn check_len(text: &str, max: usize, what: &str) -> Result<()> {
    if text.chars().count() > max {
        return Err(AppError::invalid(format!(
            "That is longer than Thaw keeps for {what}: up to {max} characters. Nothing was changed, and your words are still there to shorten."
        )));
    }
    Ok(())
}

/// A list of at most `max` entries.
pub(crate) fn check_count<T>(items: &[T], max: usize, what: &str) -> Result<()> {
    if items.len() > max {
        return Err(AppError::invalid(format!(
            "Thaw keeps up to {max} {what}. Nothing was changed; try leaving one or two out."
        )));
    }
    Ok(())
}

/// A passphrase or recovery code as typed.
pub(crate) fn check_secret_length(secret: &str) -> Result<()> {
    if secret.len() > SECRET {
        return Err(AppError::invalid(format!(
            "A passphrase can be up to {SECRET} characters. Nothing was changed."
        )));
    }
    Ok(())
}

/// A phone number: digits and the usual marks, at most [`PHONE`] characters.
pub(crate) fn check_phone(number: &str, what: &str) -> Result<()> {
    let shaped = number
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if !shaped || number.chars().count() > PHONE {
        return Err(AppError::invalid(format!(
            "The number for {what} can be up to {PHONE} characters: digits, spaces and + - ( ) only. Nothing was changed."
        )));
    }
    Ok(())
}

/// The TypeScript `LIMITS` constant the UI reads (appended to the generated IPC types).
pub(crate) fn typescript() -> String {
    let entries: [(&str, u64); 22] = [
        ("VALUE_WORDS", VALUE_WORDS as u64),
        ("RUNGS", RUNGS as u64),
        ("LIBRARY_PICKS", LIBRARY_PICKS as u64),
        ("RUNG_SECONDS", u64::from(RUNG_SECONDS)),
        ("NOTE", NOTE as u64),
        ("JOURNAL_TEXT", JOURNAL_TEXT as u64),
        ("JOURNAL_PROMPT", JOURNAL_PROMPT as u64),
        ("SESSION_TEXT", SESSION_TEXT as u64),
        ("PLAN_LINE", PLAN_LINE as u64),
        ("PLAN_ENTRIES", PLAN_ENTRIES as u64),
        ("NAME", NAME as u64),
        ("PHONE", PHONE as u64),
        ("CONTACT_PHONE", CONTACT_PHONE as u64),
        ("CRISIS_DESCRIPTION", CRISIS_DESCRIPTION as u64),
        ("CRISIS_KEYWORD", CRISIS_KEYWORD as u64),
        ("CRISIS_LINES", CRISIS_LINES as u64),
        ("REGION_NAME", REGION_NAME as u64),
        ("REGION_CODE", REGION_CODE as u64),
        ("SECRET", SECRET as u64),
        ("PATH", PATH as u64),
        ("SET_ASIDE_WAIT_DAYS", 7),
        ("ERASE_WORDS", crate::ERASE_CONFIRMATION.len() as u64),
    ];
    let mut out = String::from(
        "/** Limits the core enforces on every input (crates/thaw-core/src/limits.rs). */\nexport const LIMITS = {\n",
    );
    for (name, value) in entries {
        out.push_str(&format!("  {name}: {value},\n"));
    }
    out.push_str("} as const;");
    out
}
