//! Command arguments that fail to parse cross IPC as `{kind, message}` too.
//!
//! Tauri turns a deserialisation error into a bare string (`invalid args `id` for command
//! `update_value`: invalid type: floating point `1e300`, expected i64`). Every command takes its
//! arguments as [`Arg<T>`] instead, whose [`CommandArg`] reads the same JSON and, on failure,
//! rejects with an `AppError` saying which argument (down to the field and index) was wrong and
//! what it should be, never echoing the value sent (it could be anything, even a passphrase).

use serde::de::DeserializeOwned;
use tauri::ipc::{CommandArg, CommandItem, InvokeBody, InvokeError};
use tauri::Runtime;
use thaw_core::{AppError, ErrorKind};

/// One command argument, parsed from the IPC message's JSON.
pub struct Arg<T>(pub T);

impl<T> Arg<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Arg<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<'de, T: DeserializeOwned, R: Runtime> CommandArg<'de, R> for Arg<T> {
    fn from_command(item: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        static NULL: serde_json::Value = serde_json::Value::Null;
        let found = match item.message.payload() {
            InvokeBody::Json(body) => body.get(item.key),
            InvokeBody::Raw(_) => None,
        };
        // A missing key reads as null, as Tauri does: fine for an `Option`, refused otherwise.
        let value = found.unwrap_or(&NULL);
        serde_path_to_error::deserialize(value)
            .map(Arg)
            .map_err(|e| {
                let path = e.path().to_string();
                let error = argument_error(item.key, &path, found.is_none(), e.inner());
                InvokeError(serde_json::to_value(error).unwrap_or_default())
            })
    }
}

/// The refusal for one argument: where (argument, field, index) and what was expected.
pub(crate) fn argument_error(
    key: &str,
    path: &str,
    missing: bool,
    error: &serde_json::Error,
) -> AppError {
    let place = if path == "." || path.is_empty() {
        key.to_string()
    } else if path.starts_with('[') {
        format!("{key}{path}")
    } else {
        format!("{key}.{path}")
    };
    let text = error.to_string();
    let what = if missing {
        "it is missing".to_string()
    } else if let Some(field) = between(&text, "missing field `", "`") {
        format!("it is missing its “{field}”")
    } else if text.starts_with("unknown variant") {
        match text.split_once(", expected ") {
            Some((_, expected)) => {
                format!("it is not one of the choices ({})", plain_list(expected))
            }
            None => "it is not one of the choices".to_string(),
        }
    } else if is_date_error(&text) {
        "it needs to be a date or time, like 2026-03-01 or 2026-03-01T09:30:00+01:00".to_string()
    } else if let Some((_, expected)) = text.split_once(", expected ") {
        format!("it needs to be {}", plain_expected(expected))
    } else {
        "it is not in a shape Thaw can use".to_string()
    };
    AppError::new(
        ErrorKind::InvalidInput,
        format!("Thaw could not use what was sent as “{place}”: {what}. Nothing was changed."),
    )
}

/// chrono's parse errors (its messages are fixed words, never the value).
fn is_date_error(text: &str) -> bool {
    [
        "input contains invalid characters",
        "premature end of input",
        "trailing input",
        "input is out of range",
        "input is not enough",
        "no possible date and time",
        "bad or unsupported format",
    ]
    .iter()
    .any(|m| text.starts_with(m))
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = text.split_once(start)?.1;
    Some(rest.split_once(end)?.0)
}

/// serde's "one of `a`, `b`" as "a, b" (the names are Thaw's own, never what was sent).
fn plain_list(expected: &str) -> String {
    let expected = expected.split(" at line ").next().unwrap_or(expected);
    expected
        .trim_start_matches("one of ")
        .trim_start_matches("variant ")
        .replace('`', "")
}

/// serde's names for types, in plain words.
fn plain_expected(expected: &str) -> String {
    let expected = expected
        .split(" at line ")
        .next()
        .unwrap_or(expected)
        .trim();
    let words = match expected {
        "u8" => "a whole number from 0 to 255",
        "u16" => "a whole number from 0 to 65535",
        "u32" | "u64" | "usize" => "a whole number, 0 or more",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number",
        "f32" | "f64" => "a number",
        "a string" | "a borrowed string" => "text",
        "a boolean" => "true or false",
        "a sequence" => "a list",
        "unit" => "nothing",
        other if other.starts_with("struct ") => "a set of named fields",
        other if other.starts_with("tuple") => "a short list",
        other if other.contains("date") || other.contains("time") => {
            return format!("a date or time ({other})")
        }
        other => other,
    };
    words.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal<T: DeserializeOwned + std::fmt::Debug>(json: serde_json::Value) -> AppError {
        let e = serde_path_to_error::deserialize::<_, T>(&json).unwrap_err();
        argument_error("input", &e.path().to_string(), false, e.inner())
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Sample {
        answers: Vec<u8>,
        id: i64,
    }

    #[test]
    fn says_where_and_what_without_echoing_the_value() {
        let e =
            refusal::<Sample>(serde_json::json!({"answers": [1, 2, "my secret words"], "id": 3}));
        assert_eq!(e.kind, ErrorKind::InvalidInput);
        assert!(e.message.contains("input.answers[2]"), "{}", e.message);
        assert!(e.message.contains("0 to 255"), "{}", e.message);
        assert!(!e.message.contains("secret"), "{}", e.message);

        let e = refusal::<Sample>(serde_json::json!({"answers": [], "id": 1e300}));
        assert!(
            e.message.contains("input.id") && e.message.contains("whole number"),
            "{}",
            e.message
        );

        let e = refusal::<Sample>(serde_json::json!({"answers": []}));
        assert!(e.message.contains("missing its “id”"), "{}", e.message);

        let e = refusal::<thaw_core::ipc::Instrument>(serde_json::json!("sneaky"));
        assert!(
            e.message.contains("not one of the choices"),
            "{}",
            e.message
        );
        assert!(!e.message.contains("sneaky"), "{}", e.message);
    }
}
