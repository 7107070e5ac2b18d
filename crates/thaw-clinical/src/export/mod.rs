//! The visit summary as files: a readable page (HTML), a real PDF, a CSV and an HL7 FHIR R4
//! Bundle. Every export says what it contains and that the file is not encrypted.
//!
//! The page and the PDF are drawn from the same [`Block`] list, so they hold the same content.

mod csv;
mod fhir;
mod html;
mod pdf;

use std::io::Write;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::questionnaire::{answer_label, Instrument, ATTRIBUTION};
use crate::summary::{Period, VisitSummary};

pub use csv::to_csv;
pub use fhir::{to_fhir_bundle, to_fhir_json};
pub use html::to_html;
pub use pdf::to_pdf;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    /// A readable page, self-contained, no scripts.
    Html,
    /// A PDF for printing or handing over.
    Pdf,
    /// A CSV for a spreadsheet.
    Csv,
    /// An HL7 FHIR R4 Bundle (JSON) for clinic systems.
    FhirJson,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Html => "html",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv => "csv",
            ExportFormat::FhirJson => "json",
        }
    }

    /// What a save dialog calls this kind of file.
    pub fn file_kind(self) -> &'static str {
        match self {
            ExportFormat::Html => "Web page",
            ExportFormat::Pdf => "PDF document",
            ExportFormat::Csv => "Spreadsheet (CSV)",
            ExportFormat::FhirJson => "FHIR R4 (JSON)",
        }
    }

    pub fn mime_type(self) -> &'static str {
        match self {
            ExportFormat::Html => "text/html",
            ExportFormat::Pdf => "application/pdf",
            ExportFormat::Csv => "text/csv",
            ExportFormat::FhirJson => "application/fhir+json",
        }
    }

    /// A file name for the save dialog, e.g. `thaw-visit-summary-2026-03-01-to-2026-03-31.pdf`.
    pub fn suggested_file_name(self, summary: &VisitSummary) -> String {
        self.file_name_for(&summary.period())
    }

    /// The suggested file name for a summary of period `p`.
    pub fn file_name_for(self, p: &Period) -> String {
        let stem = if self == ExportFormat::FhirJson {
            "thaw-visit-summary-fhir"
        } else {
            "thaw-visit-summary"
        };
        format!("{stem}-{}-to-{}.{}", p.start, p.end, self.extension())
    }

    /// What the UI says before the person saves: what the file holds, and that it is not encrypted.
    pub fn before_saving_notice(self) -> String {
        format!(
            "{} {}",
            self.what_it_is(),
            "It holds your questionnaire answers (including question 9), treatment sessions, moves, check-ins and the notes you marked to discuss. The file is not encrypted: anyone who has it can read it."
        )
    }

    fn what_it_is(self) -> &'static str {
        match self {
            ExportFormat::Html => "A readable page you can open in any browser.",
            ExportFormat::Pdf => "A PDF you can print or hand over.",
            ExportFormat::Csv => "A spreadsheet file (CSV).",
            ExportFormat::FhirJson => "A FHIR R4 file for clinic systems.",
        }
    }
}

/// Paper size for the PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PageSize {
    #[default]
    A4,
    Letter,
}

impl PageSize {
    /// Width and height in PDF points.
    pub fn points(self) -> (f32, f32) {
        match self {
            PageSize::A4 => (595.28, 841.89),
            PageSize::Letter => (612.0, 792.0),
        }
    }
}

/// Writes the summary in `format` to `out` (a file the person chose, or a buffer).
pub fn export_to_writer(
    summary: &VisitSummary,
    format: ExportFormat,
    page_size: PageSize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    match format {
        ExportFormat::Html => out.write_all(to_html(summary).as_bytes()),
        ExportFormat::Pdf => out.write_all(&to_pdf(summary, page_size)),
        ExportFormat::Csv => out.write_all(to_csv(summary).as_bytes()),
        ExportFormat::FhirJson => out.write_all(to_fhir_json(summary).as_bytes()),
    }
}

/// Writes the summary to `path` (a path the person chose).
pub fn export_to_path(
    summary: &VisitSummary,
    format: ExportFormat,
    page_size: PageSize,
    path: &std::path::Path,
) -> std::io::Result<()> {
    // Owner-only: a summary is not encrypted, so nobody else on the machine may read it.
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = std::io::BufWriter::new(options.open(path)?);
    export_to_writer(summary, format, page_size, &mut file)?;
    file.flush()
}

// ---------------------------------------------------------------------------------------------
// The shared content of the page and the PDF.

/// One piece of the summary's content, drawn by both the HTML and the PDF writer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    Title(String),
    Subtitle(String),
    /// A calm, shaded box: what the file holds and that it is not encrypted; item 9 notes.
    Notice(String),
    Heading(String),
    Paragraph(String),
    Table {
        headers: Vec<String>,
        /// Relative column widths.
        widths: Vec<f32>,
        rows: Vec<Vec<String>>,
    },
    Bullets(Vec<String>),
    Small(String),
}

pub(crate) fn format_date(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub(crate) fn format_date_time(t: &DateTime<FixedOffset>) -> String {
    t.format("%-d %b %Y, %H:%M").to_string()
}

pub(crate) fn period_words(summary: &VisitSummary) -> String {
    let p = summary.period();
    format!("{} to {}", format_date(p.start), format_date(p.end))
}

/// One noticed note as a line: "3 Mar 2026: I thought about calling without dread (Being there
/// for my sister)".
pub(crate) fn noticed_line(n: &crate::summary::NoticedNote) -> String {
    match &n.value {
        Some(v) => format!("{}: {} ({v})", format_date(n.date), n.text),
        None => format!("{}: {}", format_date(n.date), n.text),
    }
}

/// The plain statement every export carries.
pub(crate) fn contents_statement(summary: &VisitSummary) -> String {
    format!(
        "This summary covers {}. It holds questionnaire scores and answers (including question 9 of the PHQ-9), treatment sessions, moves by what matters to you, check-ins, and notes marked to discuss. Made by Thaw on {}.",
        period_words(summary),
        format_date_time(&summary.data().generated_at)
    )
}

pub(crate) const NOT_ENCRYPTED: &str =
    "This file is not encrypted. Anyone who has it can read it, so share it only with people you choose.";

pub(crate) const NOT_A_DIAGNOSIS: &str = "Scores are shown as information, not as a grade or a diagnosis. The ranges are the ones published with each questionnaire.";

const NOTHING_HERE: &str = "Nothing recorded in this period.";

pub(crate) fn document(summary: &VisitSummary) -> Vec<Block> {
    let d = summary.data();
    let mut blocks = vec![
        Block::Title("Visit summary".into()),
        Block::Subtitle(period_words(summary)),
        Block::Notice(format!("{} {}", contents_statement(summary), NOT_ENCRYPTED)),
    ];

    // Questionnaires.
    blocks.push(Block::Heading("Questionnaires".into()));
    if d.questionnaires.is_empty() {
        blocks.push(Block::Paragraph(NOTHING_HERE.into()));
    } else {
        let rows = d
            .questionnaires
            .iter()
            .map(|q| {
                let a = &q.answers;
                let (lo, hi) = match a {
                    crate::QuestionnaireAnswers::Phq9(x) => x.band().range(),
                    crate::QuestionnaireAnswers::Gad7(x) => x.band().range(),
                };
                vec![
                    format_date_time(&q.taken_at),
                    a.instrument().short_name().to_string(),
                    format!("{} of {}", a.total(), a.instrument().max_total()),
                    format!("{} ({lo} to {hi})", a.band_name()),
                    a.items()
                        .iter()
                        .map(|v| v.to_string())
                        .collect::<Vec<_>>()
                        .join(" "),
                    match a.phq9_item9() {
                        Some(v) => format!("{v} ({})", answer_label(v).unwrap_or("")),
                        None => "-".into(),
                    },
                ]
            })
            .collect();
        blocks.push(Block::Table {
            headers: vec![
                "Answered".into(),
                "Questionnaire".into(),
                "Total".into(),
                "Published range".into(),
                "Answers, item by item".into(),
                "PHQ-9 question 9".into(),
            ],
            widths: vec![1.35, 1.05, 0.75, 1.5, 1.45, 1.3],
            rows,
        });
        for q in summary.item9_above_zero() {
            let v = q.answers.phq9_item9().unwrap_or(0);
            blocks.push(Block::Notice(format!(
                "On {}, question 9 of the PHQ-9 (\"{}\") was answered \"{}\". This is worth talking about together at the visit.",
                format_date(q.taken_at.date_naive()),
                crate::questionnaire::PHQ9_ITEMS[8],
                answer_label(v).unwrap_or(""),
            )));
        }
        blocks.push(Block::Small(NOT_A_DIAGNOSIS.into()));
        let items_legend = "Answers, item by item: 0 = Not at all, 1 = Several days, 2 = More than half the days, 3 = Nearly every day, in the order of the published items.";
        blocks.push(Block::Small(items_legend.into()));
    }

    // Notes.
    blocks.push(Block::Heading("To discuss".into()));
    if d.notes.is_empty() {
        blocks.push(Block::Paragraph("No notes marked to discuss.".into()));
    } else {
        blocks.push(Block::Bullets(
            d.notes
                .iter()
                .map(|n| format!("{}: {}", format_date(n.date), n.text))
                .collect(),
        ));
    }

    // What the person noticed, when they chose to include it.
    if !d.noticed.is_empty() {
        blocks.push(Block::Heading("What I noticed".into()));
        blocks.push(Block::Bullets(d.noticed.iter().map(noticed_line).collect()));
    }

    // Treatment sessions.
    blocks.push(Block::Heading("Treatment sessions".into()));
    if d.sessions.is_empty() {
        blocks.push(Block::Paragraph(NOTHING_HERE.into()));
    } else {
        blocks.push(Block::Table {
            headers: vec![
                "Date".into(),
                "Kind".into(),
                "Setting".into(),
                "Intention".into(),
            ],
            widths: vec![1.3, 1.0, 0.8, 3.2],
            rows: d
                .sessions
                .iter()
                .map(|s| {
                    vec![
                        format_date_time(&s.at),
                        s.kind.label().into(),
                        s.setting.label().into(),
                        s.intention.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        });
    }

    // Moves.
    blocks.push(Block::Heading("Moves, by what matters to you".into()));
    if d.moves.is_empty() {
        blocks.push(Block::Paragraph(NOTHING_HERE.into()));
    } else {
        blocks.push(Block::Table {
            headers: vec![
                "Value".into(),
                "Done".into(),
                "Started".into(),
                "Inner shifts noticed".into(),
                "All moves".into(),
            ],
            widths: vec![2.6, 0.8, 0.8, 1.4, 0.9],
            rows: d
                .moves
                .iter()
                .map(|m| {
                    let value = match &m.life_area {
                        Some(area) => format!("{} ({area})", m.value),
                        None => m.value.clone(),
                    };
                    vec![
                        value,
                        m.done.to_string(),
                        m.started.to_string(),
                        m.noticed.to_string(),
                        m.total().to_string(),
                    ]
                })
                .collect(),
        });
        blocks.push(Block::Small(
            "A started step counts, and so does an inner shift noticed.".into(),
        ));
    }

    // Check-ins.
    blocks.push(Block::Heading("Check-ins".into()));
    if d.check_ins.is_empty() {
        blocks.push(Block::Paragraph(NOTHING_HERE.into()));
    } else {
        blocks.push(Block::Paragraph(check_in_overview(summary)));
        if d.check_ins.len() > DAILY_CHECK_IN_ROWS {
            blocks.push(weekly_check_ins(summary));
        } else {
            let word = |l: Option<crate::summary::CheckInLevel>| {
                l.map(|l| l.word().to_string())
                    .unwrap_or_else(|| "-".into())
            };
            blocks.push(Block::Table {
                headers: vec![
                    "Date".into(),
                    "Energy".into(),
                    "Mood".into(),
                    "Room in the day".into(),
                ],
                widths: vec![1.3, 1.0, 1.0, 1.3],
                rows: d
                    .check_ins
                    .iter()
                    .map(|c| {
                        vec![
                            format_date(c.date),
                            word(c.energy),
                            word(c.mood),
                            word(c.room),
                        ]
                    })
                    .collect(),
            });
        }
    }

    blocks.push(Block::Heading("About the questionnaires".into()));
    blocks.push(Block::Small(format!(
        "{} and {}. {ATTRIBUTION}",
        Instrument::Phq9.title(),
        Instrument::Gad7.title()
    )));
    blocks.push(Block::Small(
        "Thaw is a personal companion between visits. It does not diagnose, and nobody watches it in real time.".into(),
    ));
    blocks
}

/// Up to this many check-ins are listed day by day; more are grouped by week.
const DAILY_CHECK_IN_ROWS: usize = 35;

/// Check-ins grouped by week (weeks start on Monday): how many, and the spread of each part.
fn weekly_check_ins(summary: &VisitSummary) -> Block {
    use crate::summary::{CheckInLevel as L, CheckInPoint};
    use chrono::Datelike;
    let mut weeks: Vec<(NaiveDate, Vec<&CheckInPoint>)> = vec![];
    for c in &summary.data().check_ins {
        let monday = c.date - chrono::Days::new(c.date.weekday().num_days_from_monday() as u64);
        match weeks.last_mut() {
            Some((w, points)) if *w == monday => points.push(c),
            _ => weeks.push((monday, vec![c])),
        }
    }
    let spread = |points: &[&CheckInPoint], f: fn(&CheckInPoint) -> Option<L>| {
        let n = |l| points.iter().filter(|p| f(p) == Some(l)).count();
        format!("{} / {} / {}", n(L::Low), n(L::Some), n(L::Good))
    };
    Block::Table {
        headers: vec![
            "Week of".into(),
            "Check-ins".into(),
            "Energy (low / some / good)".into(),
            "Mood (low / some / good)".into(),
            "Room (low / some / good)".into(),
        ],
        widths: vec![1.2, 0.8, 1.4, 1.4, 1.4],
        rows: weeks
            .iter()
            .map(|(monday, points)| {
                vec![
                    format_date(*monday),
                    points.len().to_string(),
                    spread(points, |p| p.energy),
                    spread(points, |p| p.mood),
                    spread(points, |p| p.room),
                ]
            })
            .collect(),
    }
}

/// One plain line about the check-ins: how many, and how energy and mood were spread.
pub(crate) fn check_in_overview(summary: &VisitSummary) -> String {
    use crate::summary::CheckInLevel as L;
    let c = &summary.data().check_ins;
    let count =
        |f: &dyn Fn(&crate::summary::CheckInPoint) -> Option<crate::summary::CheckInLevel>, l| {
            c.iter().filter(|p| f(p) == Some(l)).count()
        };
    let spread = |name: &str,
                  f: &dyn Fn(
        &crate::summary::CheckInPoint,
    ) -> Option<crate::summary::CheckInLevel>| {
        format!(
            "{name}: low {}, some {}, good {}",
            count(f, L::Low),
            count(f, L::Some),
            count(f, L::Good)
        )
    };
    format!(
        "{} check-in{} in this period. {}. {}.",
        c.len(),
        if c.len() == 1 { "" } else { "s" },
        spread("Energy", &|p| p.energy),
        spread("Mood", &|p| p.mood),
    )
}
