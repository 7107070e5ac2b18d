//! The CSV: one row per fact, in a long format a spreadsheet can filter
//! (`section,date,name,value,details`). The first rows say what the file holds and that it is not
//! encrypted. RFC 4180 quoting, CRLF line ends; text cells that a spreadsheet could read as a
//! formula are prefixed with an apostrophe.

use super::{check_in_overview, contents_statement, NOT_ENCRYPTED};
use crate::questionnaire::{answer_label, Instrument};
use crate::summary::VisitSummary;

fn cell(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn row(out: &mut String, cells: [&str; 5]) {
    let line: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The summary as CSV.
pub fn to_csv(summary: &VisitSummary) -> String {
    let d = summary.data();
    let mut out = String::new();
    row(&mut out, ["section", "date", "name", "value", "details"]);
    row(
        &mut out,
        ["about", "", "contents", &contents_statement(summary), ""],
    );
    row(
        &mut out,
        ["about", "", "encryption", "not encrypted", NOT_ENCRYPTED],
    );
    let period = format!("{} to {}", d.period.start, d.period.end);
    row(&mut out, ["about", "", "period", &period, ""]);

    for q in &d.questionnaires {
        let when = q.taken_at.to_rfc3339();
        let a = &q.answers;
        let name = a.instrument().short_name();
        let total = a.total().to_string();
        row(
            &mut out,
            [
                "questionnaire",
                &when,
                &format!("{name} total"),
                &total,
                &a.band_description(),
            ],
        );
        for (i, v) in a.items().iter().enumerate() {
            let item_name = format!("{name} item {}", i + 1);
            let text = a.instrument().items()[i];
            let details = format!("{} ({})", answer_label(*v).unwrap_or(""), text);
            row(
                &mut out,
                ["questionnaire", &when, &item_name, &v.to_string(), &details],
            );
        }
        if let Some(diff) = a.difficulty() {
            row(
                &mut out,
                [
                    "questionnaire",
                    &when,
                    &format!("{name} difficulty"),
                    diff.label(),
                    "",
                ],
            );
        }
        if a.instrument() == Instrument::Phq9 && a.needs_crisis_support() {
            row(
                &mut out,
                [
                    "questionnaire",
                    &when,
                    "PHQ-9 item 9 above not at all",
                    "yes",
                    "Worth talking about together at the visit.",
                ],
            );
        }
    }
    for s in &d.sessions {
        let details = format!(
            "setting: {}; intention: {}",
            s.setting.label(),
            s.intention.as_deref().unwrap_or("")
        );
        row(
            &mut out,
            [
                "session",
                &s.at.to_rfc3339(),
                "kind",
                s.kind.label(),
                &details,
            ],
        );
    }
    for m in &d.moves {
        let details = format!(
            "done {}; started {}; inner shifts noticed {}{}",
            m.done,
            m.started,
            m.noticed,
            m.life_area
                .as_deref()
                .map(|a| format!("; life area: {a}"))
                .unwrap_or_default()
        );
        row(
            &mut out,
            ["moves", "", &m.value, &m.total().to_string(), &details],
        );
    }
    if !d.check_ins.is_empty() {
        row(
            &mut out,
            ["check_in", "", "overview", "", &check_in_overview(summary)],
        );
    }
    for c in &d.check_ins {
        let date = c.date.to_string();
        for (name, level) in [("energy", c.energy), ("mood", c.mood), ("room", c.room)] {
            if let Some(l) = level {
                row(&mut out, ["check_in", &date, name, l.word(), ""]);
            }
        }
    }
    for n in &d.notes {
        row(
            &mut out,
            ["to_discuss", &n.date.to_string(), "note", &n.text, ""],
        );
    }
    for n in &d.noticed {
        row(
            &mut out,
            [
                "noticed",
                &n.date.to_string(),
                "note",
                &n.text,
                n.value.as_deref().unwrap_or(""),
            ],
        );
    }
    out
}
