//! Deterministic UUIDs derived from content (no randomness): the same summary always gives the
//! same FHIR `fullUrl`s. FNV-1a 128 over the parts, formatted as an RFC 9562 version 8
//! ("custom") UUID.

const FNV_OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
const FNV_PRIME: u128 = 0x0000000001000000000000000000013B;

/// A UUID string (lower-case, hyphenated) for these parts. Parts are separated unambiguously.
pub(crate) fn uuid_from(parts: &[&str]) -> String {
    let mut h = FNV_OFFSET;
    let mut feed = |b: u8| {
        h ^= b as u128;
        h = h.wrapping_mul(FNV_PRIME);
    };
    for b in b"thaw-clinical/v1" {
        feed(*b);
    }
    for p in parts {
        for b in (p.len() as u64).to_le_bytes() {
            feed(b);
        }
        for b in p.bytes() {
            feed(b);
        }
    }
    let mut bytes = h.to_be_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
    bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_distinct_and_well_formed() {
        let a = uuid_from(&["a", "b"]);
        assert_eq!(a, uuid_from(&["a", "b"]));
        assert_ne!(a, uuid_from(&["ab"]));
        assert_ne!(a, uuid_from(&["a", "c"]));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
        assert!(a
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c)));
    }
}
