//! A call or text from the crisis sheet, checked and turned into the URI the shell hands to the
//! device. The rule itself lives in `thaw_clinical::reach`; this is where its refusals become
//! kind `{kind, message}` errors. Nothing here is logged: a person's number is personal.

use thaw_clinical::reach::{DialNumber, ReachError};

pub use thaw_clinical::reach::SmsBody;

use crate::error::{AppError, Result};
use crate::ipc::ReachInput;

/// The `tel:` or `sms:` URI for `input`, with a message body in the platform's `form`.
pub fn reach_uri(input: &ReachInput, form: SmsBody) -> Result<String> {
    DialNumber::parse(&input.number)
        .and_then(|n| n.uri(input.by, input.body.as_deref(), form))
        .map_err(|e| {
            AppError::invalid(match e {
                ReachError::NotDialable => {
                    "This number can't be dialled as it is written. It is still here to read and use from any phone."
                }
                ReachError::NotTextable => {
                    "This number takes calls, not texts. Calling it works."
                }
                ReachError::BodyTooLong => "That message is longer than one text.",
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::ipc::ReachBy;

    fn input(by: ReachBy, number: &str, body: Option<&str>) -> ReachInput {
        ReachInput {
            by,
            number: number.into(),
            body: body.map(Into::into),
        }
    }

    #[test]
    fn a_call_or_text_becomes_its_uri() {
        let home = input(ReachBy::Text, "741741", Some("HOME"));
        assert_eq!(
            reach_uri(&home, SmsBody::Rfc5724).unwrap(),
            "sms:741741?body=HOME"
        );
        assert_eq!(
            reach_uri(&home, SmsBody::Ios).unwrap(),
            "sms:741741&body=HOME"
        );
        let call = input(ReachBy::Call, "+1 (555) 010-0142", None);
        assert_eq!(
            reach_uri(&call, SmsBody::Rfc5724).unwrap(),
            "tel:+15550100142"
        );
    }

    #[test]
    fn what_cannot_be_reached_is_a_kind_invalid_input_that_repeats_nothing() {
        for bad in [
            input(ReachBy::Call, "ask at the desk", None),
            input(ReachBy::Text, "*86#", None),
            input(ReachBy::Text, "988", Some(&"x".repeat(200))),
        ] {
            let e = reach_uri(&bad, SmsBody::Rfc5724).unwrap_err();
            assert_eq!(e.kind, ErrorKind::InvalidInput);
            assert!(!e.message.contains(&bad.number) && !e.message.contains("desk"));
        }
    }
}
