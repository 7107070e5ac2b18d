//! The high-water mark: how much the store held after its latest commit, kept *outside* the
//! database, so that losing the database's newest pages cannot also lose the record of them.
//!
//! SQLite keeps recent commits in the write-ahead log (`thaw.db-wal`) until a checkpoint
//! copies them into `thaw.db`. A database copied without its WAL, or a WAL cut short or
//! damaged, opens as a perfectly valid but *older* database: without a record from outside,
//! that looks exactly like a person with less data, or (no values at all) like a new person,
//! and onboarding would start over their data. At unlock the store compares what it finds
//! with this record and, when it finds less, says so instead of carrying on (see
//! [`Shortfall`]).
//!
//! What is recorded: the store's commit counter (`store_generation`, bumped by every write
//! transaction, so lost updates count too) and, per table the person's rows live in, the
//! highest row id — rows are never deleted (they are archived), so that is also the count.
//!
//! The file holds two fixed-size slots, written in turn in place (no new file per commit, so
//! it still works on a full disk) and each sealed with XChaCha20-Poly1305 under a key derived
//! from the data key: nothing about the person's data is readable, and a torn write spoils
//! at most one slot. The newest readable slot wins.

use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::error::Result;
use crate::keys::{DataKey, KEY_LEN};
use crate::wrap::{open_bytes, seal_bytes, NONCE_LEN};

/// The tables a person's own rows live in, with the words for them (plural, then singular).
/// Settings (the safety plan among them) and the engine's state are single rows updated in
/// place: their changes are covered by the commit counter.
pub const TRACKED: &[(&str, &str, &str)] = &[
    ("personal_values", "values", "value"),
    ("movements", "steps you added", "step you added"),
    ("rungs", "ladder steps", "ladder step"),
    ("life_areas", "life areas", "life area"),
    ("check_ins", "check-ins", "check-in"),
    ("offers", "offered steps", "offered step"),
    ("responses", "steps you answered", "step you answered"),
    ("internal_shifts", "things you noticed", "thing you noticed"),
    ("journal_entries", "journal entries", "journal entry"),
    ("treatment_sessions", "sessions", "session"),
    ("questionnaire_responses", "questionnaires", "questionnaire"),
    ("prompts_sent", "prompts", "prompt"),
];

const SLOT_LEN: usize = 1024;
const SLOTS: u64 = 2;
const AAD: &[u8] = b"thaw/high-water/v1";

/// What the store held at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Marks {
    /// Write transactions committed so far (`None`: the counter's table is missing).
    pub generation: Option<i64>,
    /// Table name → highest row id (= rows: nothing is deleted).
    pub rows: BTreeMap<String, i64>,
}

/// What a store that opened with less than it held before is missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shortfall {
    /// Tables with fewer rows than recorded, in the order of [`TRACKED`].
    pub missing: Vec<MissingRows>,
    /// Later changes are missing too (the commit counter is behind), even where no rows are.
    pub changes_missing: bool,
}

/// Fewer rows of one kind than the store held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingRows {
    /// The table's name.
    pub table: String,
    /// The words for these rows, plural ("journal entries").
    pub plural: String,
    /// The words for one of them ("journal entry").
    pub singular: String,
    /// How many are there now.
    pub found: i64,
    /// How many there were.
    pub expected: i64,
}

impl Marks {
    /// What `self` (found now) lacks compared with `recorded`, if anything.
    pub(crate) fn shortfall_against(&self, recorded: &Marks) -> Option<Shortfall> {
        let missing: Vec<MissingRows> = TRACKED
            .iter()
            .filter_map(|(table, plural, singular)| {
                let expected = *recorded.rows.get(*table)?;
                let found = self.rows.get(*table).copied().unwrap_or(0);
                (found < expected).then(|| MissingRows {
                    table: table.to_string(),
                    plural: plural.to_string(),
                    singular: singular.to_string(),
                    found,
                    expected,
                })
            })
            .collect();
        let changes_missing = match (self.generation, recorded.generation) {
            (Some(now), Some(then)) => now < then,
            (None, Some(then)) => then > 0,
            _ => false,
        };
        (changes_missing || !missing.is_empty()).then_some(Shortfall {
            missing,
            changes_missing,
        })
    }
}

/// The key that seals the record, derived from the data key (never used by two ciphers).
fn record_key(data_key: &DataKey) -> Zeroizing<[u8; KEY_LEN]> {
    use blake2::digest::{Mac, Update};
    let mut mac = blake2::Blake2bMac::<blake2::digest::consts::U32>::new_from_slice(
        data_key.as_bytes().as_ref(),
    )
    .expect("32-byte key is valid for BLAKE2b-MAC");
    Update::update(&mut mac, b"thaw/high-water-key/v1");
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    key.copy_from_slice(&mac.finalize().into_bytes());
    key
}

/// The newest readable record, or `None` when there is none (an older store, a copy made
/// without it) or neither slot opens (damaged, or sealed under another key).
pub(crate) fn read(path: &Path, data_key: &DataKey) -> Option<Marks> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .read_to_end(&mut bytes)
        .ok()?;
    let key = record_key(data_key);
    bytes
        .chunks(SLOT_LEN)
        .filter_map(|slot| open_slot(&key, slot))
        .max_by_key(|m| m.generation)
}

fn open_slot(key: &[u8; KEY_LEN], slot: &[u8]) -> Option<Marks> {
    let len = usize::from(u16::from_le_bytes([*slot.first()?, *slot.get(1)?]));
    let body = slot.get(2..2 + len)?;
    let (nonce, ciphertext) = body.split_at_checked(NONCE_LEN)?;
    let plain = open_bytes(key, nonce, ciphertext, AAD).ok()?;
    serde_json::from_slice(&plain).ok()
}

fn sealed_slot(key: &[u8; KEY_LEN], marks: &Marks) -> Result<Vec<u8>> {
    let json = serde_json::to_vec(marks).expect("marks serialise");
    let (nonce, ciphertext) = seal_bytes(key, &json, AAD)?;
    let len = nonce.len() + ciphertext.len();
    debug_assert!(2 + len <= SLOT_LEN, "a high-water record outgrew its slot");
    let mut slot = vec![0u8; SLOT_LEN];
    slot[..2].copy_from_slice(&(len as u16).to_le_bytes());
    slot[2..2 + nonce.len()].copy_from_slice(&nonce);
    slot[2 + nonce.len()..2 + len].copy_from_slice(&ciphertext);
    Ok(slot)
}

/// Record `marks` in place, in the slot its generation picks (the other slot keeps the
/// previous record, in case this write is torn). Not fsynced: the database commit it follows
/// already is, and a record that lags after a power cut only means less is noticed, never
/// that something is wrongly reported missing.
pub(crate) fn record(path: &Path, data_key: &DataKey, marks: &Marks) -> Result<()> {
    let slot = sealed_slot(&record_key(data_key), marks)?;
    let index = marks.generation.unwrap_or(0).rem_euclid(SLOTS as i64) as u64;
    let mut file = std::fs::OpenOptions::new().write(true).open(path)?;
    file.seek(SeekFrom::Start(index * SLOT_LEN as u64))?;
    file.write_all(&slot)?;
    Ok(())
}

/// Start the record afresh from `marks` (a new, restored or accepted store): both slots,
/// written to a new file that replaces the old one atomically.
pub(crate) fn reset(path: &Path, data_key: &DataKey, marks: &Marks) -> Result<()> {
    let key = record_key(data_key);
    let mut bytes = sealed_slot(&key, marks)?;
    bytes.extend_from_slice(&sealed_slot(&key, marks)?);
    crate::files::write_atomically(path, &bytes)
}
