//! Reaching someone from the crisis sheet: a number as the person wrote it, turned into the
//! `tel:` or `sms:` URI a phone (or a desktop's calling app) understands.
//!
//! This is the one home for that rule. The shell only hands the finished URI to the operating
//! system, and the UI never builds one: a number that cannot be dialled as written gets no
//! Call or Text button (see [`DialNumber::parse`]), so nobody is ever connected to a number
//! that was guessed from a note.

use std::fmt;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Call or text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReachBy {
    Call,
    Text,
}

/// How a platform reads a message body in an `sms:` URI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmsBody {
    /// RFC 5724, `sms:741741?body=HOME`: Android, and desktop handlers.
    Rfc5724,
    /// `sms:741741&body=HOME`: what Messages on iOS 8 and later reads.
    Ios,
}

/// The most digits a number may have: E.164 allows 15; a little room for access codes.
const MAX_DIGITS: usize = 20;
/// A message body is a keyword such as HOME; a text message's length is plenty.
const MAX_BODY_CHARS: usize = 160;

/// Why a number or message cannot be handed over as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReachError {
    /// Letters, notes or other characters a phone cannot dial, or no digits at all.
    #[error("this number cannot be dialled as written")]
    NotDialable,
    /// `*` and `#` are for calls (menus, access codes); a text cannot go to them.
    #[error("this number cannot receive a text")]
    NotTextable,
    /// A message body longer than one text.
    #[error("the message is longer than one text")]
    BodyTooLong,
}

/// A number a phone can dial: an optional leading `+`, then digits, `*` and `#`, with the
/// spaces and punctuation people write (`555-0142`, `(555) 010 0142`, `0800.123.456`) removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialNumber(String);

impl DialNumber {
    /// Reads a number as the person wrote it. Anything beyond digits, a leading `+`, `*`, `#`
    /// and the usual separators (space, `-`, `.`, `(`, `)`, `/`) means it is not dialable:
    /// "555-0142 ext 12" or "ask at the desk" are shown as written, never guessed at.
    pub fn parse(written: &str) -> Result<Self, ReachError> {
        let mut out = String::with_capacity(written.len());
        let mut digits = 0;
        for c in written.trim().chars() {
            match c {
                '0'..='9' => {
                    digits += 1;
                    out.push(c);
                }
                '+' if out.is_empty() => out.push(c),
                '*' | '#' => out.push(c),
                ' ' | '\u{a0}' | '-' | '\u{2010}'..='\u{2013}' | '.' | '(' | ')' | '/' => {}
                _ => return Err(ReachError::NotDialable),
            }
        }
        if !(1..=MAX_DIGITS).contains(&digits) {
            return Err(ReachError::NotDialable);
        }
        Ok(DialNumber(out))
    }

    /// The number as the device dials it, e.g. `+15550100142`, `988`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `tel:988`. `#` is written `%23` (RFC 3966: it would otherwise start a URI fragment).
    pub fn tel_uri(&self) -> String {
        format!("tel:{}", self.0.replace('#', "%23"))
    }

    /// `sms:741741`, with the message body in the platform's form when there is one:
    /// `sms:741741?body=HOME` (RFC 5724) or `sms:741741&body=HOME` (iOS).
    pub fn sms_uri(&self, body: Option<&str>, form: SmsBody) -> Result<String, ReachError> {
        if self.0.contains(['*', '#']) {
            return Err(ReachError::NotTextable);
        }
        let body = body.map(str::trim).filter(|b| !b.is_empty());
        Ok(match body {
            None => format!("sms:{}", self.0),
            Some(b) if b.chars().count() > MAX_BODY_CHARS => return Err(ReachError::BodyTooLong),
            Some(b) => {
                let sep = match form {
                    SmsBody::Rfc5724 => '?',
                    SmsBody::Ios => '&',
                };
                format!("sms:{}{sep}body={}", self.0, percent_encode(b))
            }
        })
    }

    /// The URI for calling or texting this number.
    pub fn uri(
        &self,
        by: ReachBy,
        body: Option<&str>,
        form: SmsBody,
    ) -> Result<String, ReachError> {
        match by {
            ReachBy::Call => Ok(self.tel_uri()),
            ReachBy::Text => self.sms_uri(body, form),
        }
    }
}

impl fmt::Display for DialNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, byte by byte (UTF-8).
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_unreserved_and_encodes_the_rest() {
        assert_eq!(percent_encode("HOME"), "HOME");
        assert_eq!(percent_encode("a b&c?d=é"), "a%20b%26c%3Fd%3D%C3%A9");
        assert_eq!(percent_encode("x-y_z.~"), "x-y_z.~");
    }
}
