//! The recovery code: 160 random bits shown once at setup, written as Crockford base32
//! in groups of four (`7K3M-Q9TD-…`). Crockford's alphabet has no I, L, O or U, so the
//! code survives being read aloud or copied by hand; input is forgiving about case,
//! dashes, spaces, and the look-alikes O→0 and I/L→1.

use std::fmt;

use zeroize::{Zeroize, Zeroizing};

use crate::error::{Result, StoreError};
use crate::keys::fill_random;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 20 bytes = 160 bits = exactly 32 base32 symbols = 8 groups of 4.
const CODE_BYTES: usize = 20;
const CODE_SYMBOLS: usize = CODE_BYTES * 8 / 5;
const GROUP: usize = 4;

/// A recovery code. Its `Display` is the grouped form to show the person once;
/// `Debug` is redacted so it never lands in a log by accident. Wiped when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryCode {
    bytes: Zeroizing<[u8; CODE_BYTES]>,
}

impl RecoveryCode {
    pub(crate) fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; CODE_BYTES]);
        fill_random(bytes.as_mut())?;
        Ok(Self { bytes })
    }

    /// Parse what a person typed. Accepts any case, dashes and whitespace anywhere,
    /// and the look-alike letters O (as 0) and I/L (as 1).
    pub fn parse(input: &str) -> Result<Self> {
        let mut symbols = Zeroizing::new(Vec::with_capacity(CODE_SYMBOLS));
        for ch in input.chars() {
            if ch == '-' || ch.is_whitespace() {
                continue;
            }
            let value = match ch.to_ascii_uppercase() {
                'O' => 0,
                'I' | 'L' => 1,
                c => ALPHABET
                    .iter()
                    .position(|&a| a as char == c)
                    .ok_or(StoreError::MalformedRecoveryCode)? as u8,
            };
            symbols.push(value);
        }
        if symbols.len() != CODE_SYMBOLS {
            return Err(StoreError::MalformedRecoveryCode);
        }
        let mut bytes = Zeroizing::new([0u8; CODE_BYTES]);
        let mut acc: u64 = 0;
        let mut bits = 0;
        let mut out = 0;
        for &s in symbols.iter() {
            acc = (acc << 5) | u64::from(s);
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                bytes[out] = (acc >> bits) as u8;
                out += 1;
            }
        }
        acc.zeroize();
        Ok(Self { bytes })
    }

    /// The raw secret fed to the key derivation.
    pub(crate) fn secret_bytes(&self) -> &[u8] {
        self.bytes.as_ref()
    }

    /// The grouped form to show the person, e.g. `7K3M-Q9TD-…` (8 groups of 4).
    pub fn to_display_string(&self) -> Zeroizing<String> {
        let mut symbols =
            Zeroizing::new(String::with_capacity(CODE_SYMBOLS + CODE_SYMBOLS / GROUP));
        let mut acc: u64 = 0;
        let mut bits = 0;
        let mut n = 0;
        for &b in self.bytes.iter() {
            acc = (acc << 8) | u64::from(b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                if n > 0 && n % GROUP == 0 {
                    symbols.push('-');
                }
                symbols.push(ALPHABET[((acc >> bits) & 31) as usize] as char);
                n += 1;
            }
        }
        acc.zeroize();
        symbols
    }
}

impl fmt::Display for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_display_string())
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_is_forgiving_on_input() {
        let code = RecoveryCode::generate().unwrap();
        let shown = code.to_string();
        assert_eq!(shown.len(), 32 + 7);
        assert_eq!(shown.split('-').count(), 8);
        assert_eq!(RecoveryCode::parse(&shown).unwrap(), code);
        let messy = format!("  {}  ", shown.to_lowercase().replace('-', " "));
        assert_eq!(RecoveryCode::parse(&messy).unwrap(), code);
        let lookalikes = shown.replace('0', "o").replace('1', "l");
        assert_eq!(RecoveryCode::parse(&lookalikes).unwrap(), code);
    }

    #[test]
    fn rejects_wrong_length_and_foreign_letters() {
        assert!(matches!(
            RecoveryCode::parse("ABCD-EFGH"),
            Err(StoreError::MalformedRecoveryCode)
        ));
        let code = RecoveryCode::generate().unwrap().to_string();
        let with_u = format!("U{}", &code[1..]);
        assert!(RecoveryCode::parse(&with_u).is_err());
    }

    #[test]
    fn debug_never_shows_the_code() {
        let code = RecoveryCode::generate().unwrap();
        assert!(!format!("{code:?}").contains(&code.to_string()[..4]));
    }
}
