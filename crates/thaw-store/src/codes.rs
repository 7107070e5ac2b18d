//! The one place where Thaw's domain words become stored text and back. The words themselves
//! are defined once (`RungKind`, `Response` in `thaw-engine`; `SessionKind`, `SessionSetting`
//! in `thaw-clinical`); the store keeps them as the snake_case codes below (the same spelling
//! the IPC contract uses), and a row read back with an unknown code is a decode error, never
//! a guess.

use thaw_clinical::summary::{SessionKind, SessionSetting};
use thaw_engine::{Response, RungKind};

/// A code as stored: read as text, then turned into its domain word with `TryFrom`.
#[derive(Debug, Clone, sqlx::Type)]
#[sqlx(transparent)]
pub(crate) struct Code(String);

/// A stored code this version of Thaw does not know.
#[derive(Debug, thiserror::Error)]
#[error("unknown stored code")]
pub(crate) struct UnknownCode;

/// A rung's kind as stored in `rungs.kind` and `offers.kind`.
pub(crate) fn rung_kind(k: RungKind) -> &'static str {
    match k {
        RungKind::Internal => "internal",
        RungKind::Preparation => "preparation",
        RungKind::FirstMinutes => "first_minutes",
        RungKind::Act => "act",
    }
}

impl TryFrom<Code> for RungKind {
    type Error = UnknownCode;
    fn try_from(code: Code) -> Result<Self, UnknownCode> {
        [
            RungKind::Internal,
            RungKind::Preparation,
            RungKind::FirstMinutes,
            RungKind::Act,
        ]
        .into_iter()
        .find(|k| rung_kind(*k) == code.0)
        .ok_or(UnknownCode)
    }
}

/// An answer as stored in `responses.kind`.
pub(crate) fn response(r: Response) -> &'static str {
    match r {
        Response::Done => "done",
        Response::Started => "started",
        Response::NotNow => "not_now",
        Response::SmallerPlease => "smaller_please",
        Response::SomethingElse => "something_else",
    }
}

const RESPONSES: [Response; 5] = [
    Response::Done,
    Response::Started,
    Response::NotNow,
    Response::SmallerPlease,
    Response::SomethingElse,
];

impl TryFrom<Code> for Response {
    type Error = UnknownCode;
    fn try_from(code: Code) -> Result<Self, UnknownCode> {
        RESPONSES
            .into_iter()
            .find(|r| response(*r) == code.0)
            .ok_or(UnknownCode)
    }
}

/// How a session was given, as stored in `treatment_sessions.kind` (migration 0012 rewrote
/// the older `oral_lozenge` to this spelling).
pub(crate) fn session_kind(k: SessionKind) -> &'static str {
    match k {
        SessionKind::Iv => "iv",
        SessionKind::Im => "im",
        SessionKind::Intranasal => "intranasal",
        SessionKind::OralOrLozenge => "oral_or_lozenge",
        SessionKind::Other => "other",
    }
}

const SESSION_KINDS: [SessionKind; 5] = [
    SessionKind::Iv,
    SessionKind::Im,
    SessionKind::Intranasal,
    SessionKind::OralOrLozenge,
    SessionKind::Other,
];

impl TryFrom<Code> for SessionKind {
    type Error = UnknownCode;
    fn try_from(code: Code) -> Result<Self, UnknownCode> {
        SESSION_KINDS
            .into_iter()
            .find(|k| session_kind(*k) == code.0)
            .ok_or(UnknownCode)
    }
}

/// Where a session took place, as stored in `treatment_sessions.setting`.
pub(crate) fn session_setting(s: SessionSetting) -> &'static str {
    match s {
        SessionSetting::Clinic => "clinic",
        SessionSetting::Home => "home",
    }
}

impl TryFrom<Code> for SessionSetting {
    type Error = UnknownCode;
    fn try_from(code: Code) -> Result<Self, UnknownCode> {
        [SessionSetting::Clinic, SessionSetting::Home]
            .into_iter()
            .find(|s| session_setting(*s) == code.0)
            .ok_or(UnknownCode)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_as_itself() {
        for k in [
            RungKind::Internal,
            RungKind::Preparation,
            RungKind::FirstMinutes,
            RungKind::Act,
        ] {
            let back = RungKind::try_from(Code(rung_kind(k).to_string())).unwrap();
            assert_eq!(back, k);
            // The same spelling as the IPC contract's.
            assert_eq!(serde_json::to_value(k).unwrap(), rung_kind(k));
        }
        assert!(RungKind::try_from(Code("inside".into())).is_err());
        for r in RESPONSES {
            assert_eq!(
                Response::try_from(Code(response(r).to_string())).unwrap(),
                r
            );
            assert_eq!(serde_json::to_value(r).unwrap(), response(r));
        }
        for k in SESSION_KINDS {
            let back = SessionKind::try_from(Code(session_kind(k).to_string())).unwrap();
            assert_eq!(back, k);
            assert_eq!(serde_json::to_value(k).unwrap(), session_kind(k));
        }
        assert!(SessionKind::try_from(Code("oral_lozenge".into())).is_err());
        for s in [SessionSetting::Clinic, SessionSetting::Home] {
            assert_eq!(
                SessionSetting::try_from(Code(session_setting(s).to_string())).unwrap(),
                s
            );
            assert_eq!(serde_json::to_value(s).unwrap(), session_setting(s));
        }
    }
}
