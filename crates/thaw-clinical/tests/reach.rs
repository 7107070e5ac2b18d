//! Numbers as people write them, turned into the exact `tel:` and `sms:` URIs a phone reads; and
//! the numbers a phone cannot dial as written, refused rather than guessed.

use proptest::prelude::*;
use thaw_clinical::reach::*;
use thaw_clinical::safety::*;

fn dial(written: &str) -> Result<String, ReachError> {
    DialNumber::parse(written).map(|d| d.as_str().to_string())
}

fn uri(
    written: &str,
    by: ReachBy,
    body: Option<&str>,
    form: SmsBody,
) -> Result<String, ReachError> {
    DialNumber::parse(written)?.uri(by, body, form)
}

#[test]
fn numbers_as_people_write_them_are_dialled_without_their_punctuation() {
    assert_eq!(dial("988").unwrap(), "988");
    assert_eq!(dial(" 555-0142 ").unwrap(), "5550142");
    assert_eq!(dial("+1 (555) 010-0142").unwrap(), "+15550100142");
    assert_eq!(dial("0800.123.456").unwrap(), "0800123456");
    assert_eq!(dial("020 7946\u{a0}0018").unwrap(), "02079460018");
    assert_eq!(dial("116 123").unwrap(), "116123");
    assert_eq!(dial("555\u{2011}0142").unwrap(), "5550142");
    assert_eq!(dial("*86#").unwrap(), "*86#");
}

#[test]
fn numbers_that_cannot_be_dialled_as_written_are_refused_not_guessed() {
    for written in [
        "",
        "   ",
        "+",
        "()",
        "555-0142 ext 12",
        "1-800-FLOWERS",
        "ask at the front desk",
        "555-0142, then 3",
        "1+2",
        "123456789012345678901", // 21 digits
        "٩٨٨",                   // digits, but not ones a dial pad has
    ] {
        assert_eq!(dial(written), Err(ReachError::NotDialable), "{written:?}");
    }
}

#[test]
fn calls_are_tel_uris() {
    assert_eq!(
        uri("988", ReachBy::Call, None, SmsBody::Rfc5724).unwrap(),
        "tel:988"
    );
    assert_eq!(
        uri("911", ReachBy::Call, Some("ignored"), SmsBody::Ios).unwrap(),
        "tel:911"
    );
    assert_eq!(
        uri("+1 (555) 010-0142", ReachBy::Call, None, SmsBody::Rfc5724).unwrap(),
        "tel:+15550100142"
    );
    // RFC 3966: '#' would start a fragment, so it is escaped.
    assert_eq!(
        uri("*86#", ReachBy::Call, None, SmsBody::Rfc5724).unwrap(),
        "tel:*86%23"
    );
}

#[test]
fn texts_are_sms_uris_with_the_body_in_the_platform_form() {
    assert_eq!(
        uri("988", ReachBy::Text, None, SmsBody::Rfc5724).unwrap(),
        "sms:988"
    );
    assert_eq!(
        uri("741741", ReachBy::Text, Some("HOME"), SmsBody::Rfc5724).unwrap(),
        "sms:741741?body=HOME"
    );
    assert_eq!(
        uri("741741", ReachBy::Text, Some("HOME"), SmsBody::Ios).unwrap(),
        "sms:741741&body=HOME"
    );
    assert_eq!(
        uri("555-0142", ReachBy::Text, Some("Can you call me? I'm having a hard time & need you"), SmsBody::Rfc5724).unwrap(),
        "sms:5550142?body=Can%20you%20call%20me%3F%20I%27m%20having%20a%20hard%20time%20%26%20need%20you"
    );
    assert_eq!(
        uri("988", ReachBy::Text, Some("  "), SmsBody::Rfc5724).unwrap(),
        "sms:988"
    );
}

#[test]
fn texts_are_refused_for_menu_codes_and_overlong_bodies() {
    assert_eq!(
        uri("*86#", ReachBy::Text, None, SmsBody::Rfc5724),
        Err(ReachError::NotTextable)
    );
    let long = "a".repeat(161);
    assert_eq!(
        uri("988", ReachBy::Text, Some(&long), SmsBody::Rfc5724),
        Err(ReachError::BodyTooLong)
    );
    assert!(uri(
        "988",
        ReachBy::Text,
        Some(&"a".repeat(160)),
        SmsBody::Rfc5724
    )
    .is_ok());
}

#[test]
fn every_built_in_crisis_line_can_be_reached_as_it_says() {
    for r in CrisisResources::us_default().resources {
        let n = DialNumber::parse(&r.number).unwrap();
        if r.method != ContactMethod::Text {
            assert_eq!(n.tel_uri(), format!("tel:{}", r.number));
        }
        if r.method != ContactMethod::Call {
            assert!(n
                .sms_uri(r.text_keyword.as_deref(), SmsBody::Rfc5724)
                .is_ok());
        }
    }
}

#[test]
fn the_crisis_screen_says_which_of_my_numbers_can_be_dialled() {
    let mut plan = SafetyPlan::default();
    for (name, phone) in [
        ("Maya", Some("555-0142")),
        ("Sam", Some("ask at the desk")),
        ("Jo", None),
        ("Ana", Some(" ")),
    ] {
        plan.people_to_ask_for_help.push(PlanContact {
            name: name.into(),
            phone: phone.map(Into::into),
            note: None,
        });
    }
    let screen = crisis_screen(&CrisisResources::us_default(), &plan);
    let seen: Vec<(&str, Option<&str>, Option<&str>)> = screen
        .my_contacts
        .iter()
        .map(|c| (c.name.as_str(), c.phone.as_deref(), c.dial.as_deref()))
        .collect();
    assert_eq!(
        seen,
        [
            ("Maya", Some("555-0142"), Some("5550142")),
            ("Sam", Some("ask at the desk"), None),
            ("Jo", None, None),
            ("Ana", None, None),
        ]
    );
}

proptest! {
    /// Whatever is typed: no panic; what comes out is only what a dial pad has, and reading it
    /// again changes nothing; its URIs carry nothing else.
    #[test]
    fn dialling_is_stable_and_clean(written in "\\PC{0,30}|[0-9 +()*#.-]{0,30}") {
        if let Ok(n) = DialNumber::parse(&written) {
            let s = n.as_str();
            prop_assert!(s.chars().enumerate().all(|(i, c)| c.is_ascii_digit() || c == '*' || c == '#' || (c == '+' && i == 0)));
            prop_assert_eq!(DialNumber::parse(s).unwrap(), n.clone());
            let tel = n.tel_uri();
            prop_assert!(tel.starts_with("tel:") && !tel.contains('#'));
        }
    }
}
