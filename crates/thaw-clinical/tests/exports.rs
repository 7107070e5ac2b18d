//! The visit summary exports: content, honesty ("not encrypted"), determinism, the FHIR Bundle's
//! structure, and the PDF. Writes samples to `<target>/clinical-samples/`.
//!
//! - `THAW_FHIR_VALIDATE=1`: also runs `tests/fhir_validate.py` (fhir.resources) on the Bundle.
//! - `THAW_PDF_RENDER=1`: also renders the PDF to PNG with `pdftoppm -png -r 60`.

mod common;

use std::process::Command;

use chrono::{DateTime, NaiveDate};
use serde_json::Value;
use thaw_clinical::demo::{demo_input, demo_summary};
use thaw_clinical::export::*;
use thaw_clinical::questionnaire::{Phq9Answers, QuestionnaireAnswers, PHQ9_ITEMS};
use thaw_clinical::summary::*;
use thaw_clinical::words::find_never_say;

fn entries(bundle: &Value) -> &Vec<Value> {
    bundle["entry"].as_array().unwrap()
}

fn resources<'a>(bundle: &'a Value, kind: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
    entries(bundle)
        .iter()
        .map(|e| &e["resource"])
        .filter(move |r| r["resourceType"] == kind)
}

fn loinc(obs: &Value) -> &str {
    obs["code"]["coding"][0]["code"].as_str().unwrap()
}

fn env_on(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1")
}

/// Our own copy, with the published questionnaire wording taken out (it is quoted as published).
fn our_words(text: &str) -> String {
    let mut t = text.to_string();
    for item in PHQ9_ITEMS {
        t = t.replace(item, "");
    }
    t
}

#[test]
fn every_export_says_what_it_holds_and_that_it_is_not_encrypted() {
    let s = demo_summary();
    let html = to_html(&s);
    let csv = to_csv(&s);
    let fhir = to_fhir_json(&s);
    for (name, text) in [("html", &html), ("csv", &csv), ("fhir", &fhir)] {
        assert!(text.contains("not encrypted"), "{name}");
        assert!(
            text.contains("This summary covers 1 Mar 2026 to 31 Mar 2026"),
            "{name}"
        );
        assert_eq!(find_never_say(&our_words(text)), None, "{name}");
    }
    // The PDF's text is in uncompressed content streams.
    let pdf = String::from_utf8_lossy(&to_pdf(&s, PageSize::A4)).to_string();
    assert!(pdf.contains("This file is not encrypted."));
    for f in [
        ExportFormat::Html,
        ExportFormat::Pdf,
        ExportFormat::Csv,
        ExportFormat::FhirJson,
    ] {
        assert!(f.before_saving_notice().contains("not encrypted"));
    }
}

#[test]
fn html_is_self_contained_and_escaped() {
    let mut input = demo_input();
    input.notes.push(DiscussNote {
        date: NaiveDate::from_ymd_opt(2026, 3, 25).unwrap(),
        text: "<script>alert(1)</script> & <img src=x>".into(),
    });
    let html = to_html(&VisitSummary::new(input).unwrap());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x&gt;"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert!(html.contains("<h2>Questionnaires</h2>"));
    assert!(html.contains("moderately severe (15 to 19)"));
    assert!(html.contains("question 9 of the PHQ-9"));
}

#[test]
fn csv_is_quoted_and_guards_against_formulas() {
    let mut input = demo_input();
    input.notes.push(DiscussNote {
        date: NaiveDate::from_ymd_opt(2026, 3, 25).unwrap(),
        text: "=HYPERLINK(\"x\"), then \"quotes\"".into(),
    });
    let csv = to_csv(&VisitSummary::new(input).unwrap());
    let mut lines = csv.split("\r\n");
    assert_eq!(lines.next(), Some("section,date,name,value,details"));
    assert!(csv.contains("about,,encryption,not encrypted,"));
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\"), then \"\"quotes\"\"\""));
    assert!(csv.contains("questionnaire,2026-03-02T20:15:00+01:00,PHQ-9 total,15,"));
    assert!(csv.contains("PHQ-9 item 9,1,"));
    assert!(csv.contains("PHQ-9 item 9 above not at all,yes"));
    assert!(csv.contains("session,2026-03-05T10:00:00+01:00,kind,IV,"));
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn the_summary_keeps_to_its_period() {
    let mut input = demo_input();
    let outside = DateTime::parse_from_rfc3339("2026-04-02T10:00:00+01:00").unwrap();
    input.sessions.push(TreatmentSession {
        at: outside,
        kind: SessionKind::Im,
        setting: SessionSetting::Home,
        intention: Some("outside the period".into()),
    });
    input.questionnaires.push(QuestionnaireRecord {
        taken_at: outside,
        day: outside.date_naive(),
        answers: QuestionnaireAnswers::Phq9(Phq9Answers::new([3; 9], None).unwrap()),
    });
    input.check_ins.push(CheckInPoint {
        date: NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(),
        energy: None,
        mood: None,
        room: None,
    });
    let s = VisitSummary::new(input).unwrap();
    assert_eq!(s.data().sessions.len(), 2);
    assert_eq!(s.data().questionnaires.len(), 3);
    assert_eq!(s.data().check_ins.len(), 28);
    assert!(!to_html(&s).contains("outside the period"));

    let mut backwards = demo_input();
    backwards.period = Period {
        start: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
        end: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
    };
    assert!(VisitSummary::new(backwards).is_err());
}

#[test]
fn an_empty_period_still_exports_calmly() {
    let mut input = demo_input();
    input.moves.clear();
    input.check_ins.clear();
    input.questionnaires.clear();
    input.sessions.clear();
    input.notes.clear();
    let s = VisitSummary::new(input).unwrap();
    assert!(to_html(&s).contains("Nothing recorded in this period."));
    let bundle = to_fhir_bundle(&s);
    assert_eq!(entries(&bundle).len(), 2); // Composition and Patient
    assert!(to_pdf(&s, PageSize::Letter).starts_with(b"%PDF-"));
}

#[test]
fn fhir_bundle_has_the_promised_shape() {
    let bundle = to_fhir_bundle(&demo_summary());
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "document");
    assert_eq!(bundle["timestamp"], "2026-04-01T09:30:00+01:00");
    assert_eq!(
        entries(&bundle)[0]["resource"]["resourceType"],
        "Composition"
    );

    for e in entries(&bundle) {
        let url = e["fullUrl"].as_str().unwrap();
        assert!(url.starts_with("urn:uuid:") && url.len() == 45, "{url}");
        assert_eq!(&url[9..], e["resource"]["id"].as_str().unwrap());
    }

    let patient: Vec<&Value> = resources(&bundle, "Patient").collect();
    assert_eq!(patient.len(), 1);
    assert!(patient[0].get("name").is_none());
    assert!(!bundle.to_string().contains("local-7f3a")); // the local id is hashed, not shown

    assert_eq!(resources(&bundle, "QuestionnaireResponse").count(), 3);
    let observations: Vec<&Value> = resources(&bundle, "Observation").collect();
    let codes: Vec<&str> = observations.iter().map(|o| loinc(o)).collect();
    assert_eq!(codes.iter().filter(|c| **c == "44249-1").count(), 2);
    assert_eq!(codes.iter().filter(|c| **c == "44261-6").count(), 2);
    assert_eq!(codes.iter().filter(|c| **c == "44260-8").count(), 2);
    assert_eq!(codes.iter().filter(|c| **c == "69737-5").count(), 1);
    assert_eq!(codes.iter().filter(|c| **c == "70274-6").count(), 1);
    for o in &observations {
        assert_eq!(o["status"], "final");
        assert_eq!(o["category"][0]["coding"][0]["code"], "survey");
        assert_eq!(o["code"]["coding"][0]["system"], "http://loinc.org");
        assert!(o["effectiveDateTime"].is_string());
    }
    let totals: Vec<i64> = observations
        .iter()
        .filter(|o| loinc(o) == "44261-6")
        .map(|o| o["valueInteger"].as_i64().unwrap())
        .collect();
    assert_eq!(totals, [15, 9]);
    // Question 9 as US Core codes it: a LOINC answer, not a number.
    let item9: Vec<&str> = observations
        .iter()
        .filter(|o| loinc(o) == "44260-8")
        .map(|o| {
            o["valueCodeableConcept"]["coding"][0]["code"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(item9, ["LA6569-3", "LA6568-5"]);
    assert!(observations
        .iter()
        .filter(|o| loinc(o) == "44260-8")
        .all(|o| o.get("valueInteger").is_none()));
    // The difficulty answer: 69722-7 from LL359-1, for both PHQ-9s (the GAD-7 skipped it).
    let difficulty: Vec<&str> = observations
        .iter()
        .filter(|o| loinc(o) == "69722-7")
        .map(|o| {
            o["valueCodeableConcept"]["coding"][0]["code"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(difficulty, ["LA6575-0", "LA6573-5"]);
    // LOINC's full names.
    let panel = observations.iter().find(|o| loinc(o) == "44249-1").unwrap();
    assert_eq!(
        panel["code"]["coding"][0]["display"],
        "PHQ-9 quick depression assessment panel [Reported.PHQ]"
    );
    // A LOINC document type on the Composition.
    let composition = &entries(&bundle)[0]["resource"];
    assert_eq!(
        composition["type"]["coding"][0]["system"],
        "http://loinc.org"
    );
    assert_eq!(composition["type"]["coding"][0]["code"], "60591-5");

    let urls: Vec<&str> = entries(&bundle)
        .iter()
        .map(|e| e["fullUrl"].as_str().unwrap())
        .collect();
    let by_url = |u: &str| {
        entries(&bundle)
            .iter()
            .find(|e| e["fullUrl"] == u)
            .map(|e| &e["resource"])
            .unwrap()
    };
    for (panel_code, answers, with_difficulty) in [("44249-1", 9, true), ("69737-5", 7, false)] {
        for panel in observations.iter().filter(|o| loinc(o) == panel_code) {
            // Every answer, the total and the difficulty answer are members, each resolving.
            let members = panel["hasMember"].as_array().unwrap();
            assert_eq!(members.len(), answers + 1 + usize::from(with_difficulty));
            let mut coded = 0;
            for m in members {
                let url = m["reference"].as_str().unwrap();
                assert!(urls.contains(&url));
                if by_url(url).get("valueCodeableConcept").is_some() {
                    coded += 1;
                }
            }
            assert_eq!(coded, answers + usize::from(with_difficulty));
            assert!(panel.get("valueInteger").is_none());
        }
    }
}

#[test]
fn exports_are_deterministic() {
    let a = demo_summary();
    let b = demo_summary();
    assert_eq!(to_fhir_json(&a), to_fhir_json(&b));
    assert_eq!(to_pdf(&a, PageSize::A4), to_pdf(&b, PageSize::A4));
    assert_eq!(to_csv(&a), to_csv(&b));
    let mut other = demo_input();
    other.patient_id = "someone-else".into();
    let other = VisitSummary::new(other).unwrap();
    assert_ne!(
        to_fhir_bundle(&a)["entry"][1]["fullUrl"],
        to_fhir_bundle(&other)["entry"][1]["fullUrl"]
    );
}

fn pdf_page_count(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.matches("/Type /Page\n").count()
}

#[test]
fn pdf_breaks_pages_for_long_content() {
    let mut input = demo_input();
    input.period.start = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();
    input.check_ins = (0..120)
        .map(|i| CheckInPoint {
            date: input.period.start + chrono::Days::new(i),
            energy: Some(CheckInLevel::Some),
            mood: None,
            room: Some(CheckInLevel::Low),
        })
        .collect();
    for day in 1..=20 {
        input.notes.push(DiscussNote {
            date: NaiveDate::from_ymd_opt(2026, 3, day).unwrap(),
            text: "A long note, written over a few evenings. ".repeat(12 * day as usize),
        });
    }
    let s = VisitSummary::new(input).unwrap();
    // 120 check-ins are grouped by week rather than listed day by day.
    let html = to_html(&s);
    assert!(html.contains("Week of"));
    assert!(html.contains("<td>1 Dec 2025</td><td>7</td><td>0 / 7 / 0</td>"));
    let short = to_pdf(&demo_summary(), PageSize::A4);
    let long = to_pdf(&s, PageSize::Letter);
    std::fs::write(common::samples_dir().join("long-letter.pdf"), &long).unwrap();
    assert!(long.starts_with(b"%PDF-1.7"));
    assert!(String::from_utf8_lossy(&long).contains("/MediaBox [0 0 612 792]"));
    assert!(pdf_page_count(&long) > pdf_page_count(&short));
    assert!(
        String::from_utf8_lossy(&long).contains(&format!("Page {0} of {0}", pdf_page_count(&long)))
    );
}

#[test]
fn samples_are_written_and_checked_by_independent_tools() {
    let dir = common::samples_dir();
    let s = demo_summary();
    let mut paths = vec![];
    for f in [
        ExportFormat::Html,
        ExportFormat::Pdf,
        ExportFormat::Csv,
        ExportFormat::FhirJson,
    ] {
        let path = dir.join(f.suggested_file_name(&s));
        export_to_path(&s, f, PageSize::A4, &path).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() > 500);
        paths.push(path);
    }
    let bundle_path = dir.join(ExportFormat::FhirJson.suggested_file_name(&s));
    let pdf_path = dir.join(ExportFormat::Pdf.suggested_file_name(&s));

    if env_on("THAW_FHIR_VALIDATE") {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fhir_validate.py");
        let out = Command::new("python3")
            .arg(script)
            .arg(&bundle_path)
            .output()
            .expect("python3 runs");
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "FHIR validation failed:\n{said}");
        assert!(said.contains("1 passed, 0 failed"), "{said}");

        // The validators can fail: each broken copy is refused, for the reason it was broken.
        let good: Value =
            serde_json::from_str(&std::fs::read_to_string(&bundle_path).unwrap()).unwrap();
        let mut broken: Vec<(&str, Value, &str)> = vec![];
        let mut b = good.clone();
        b["entry"][0]["resource"]
            .as_object_mut()
            .unwrap()
            .remove("title");
        broken.push(("a required element missing", b, "title"));
        let mut b = good.clone();
        b["entry"][0]["resource"]["date"] = Value::from(20260401);
        broken.push(("a value of the wrong type", b, "date"));
        let mut b = good.clone();
        b["entry"][0]["resource"]["colour"] = Value::from("blue");
        broken.push(("an element R4 does not have", b, "colour"));
        let mut b = good.clone();
        b["timestamp"] = Value::from("2026-04-01T09:30:00");
        broken.push(("a time without its offset", b, "timestamp"));
        let mut b = good.clone();
        let panel = b["entry"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|e| e["resource"]["code"]["coding"][0]["code"] == "44249-1")
            .unwrap();
        panel["resource"]["hasMember"]
            .as_array_mut()
            .unwrap()
            .remove(0);
        broken.push(("an answer missing from hasMember", b, "hasMember"));
        let mut b = good.clone();
        b["entry"][0]["resource"]["subject"]["reference"] =
            Value::from("urn:uuid:00000000-0000-0000-0000-000000000000");
        broken.push(("a reference that does not resolve", b, "resolve"));
        for (what, bundle, says) in broken {
            let path = dir.join("broken-bundle.json");
            std::fs::write(&path, serde_json::to_string(&bundle).unwrap()).unwrap();
            let out = Command::new("python3")
                .arg(script)
                .arg(&path)
                .output()
                .unwrap();
            let said = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(!out.status.success(), "{what} was accepted");
            assert!(said.contains(says), "{what}: {said}");
        }
    }

    if env_on("THAW_PDF_RENDER") {
        let prefix = dir.join("visit-summary-page");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("visit-summary-page")
            {
                std::fs::remove_file(p).unwrap();
            }
        }
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&pdf_path)
            .arg(&prefix)
            .status()
            .expect("pdftoppm runs (poppler-utils)");
        assert!(status.success());
        let pngs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_string_lossy().to_string();
                n.starts_with("visit-summary-page") && n.ends_with(".png")
            })
            .collect();
        assert_eq!(
            pngs.len(),
            pdf_page_count(&std::fs::read(&pdf_path).unwrap())
        );
        for png in pngs {
            let bytes = std::fs::read(&png).unwrap();
            assert!(bytes.starts_with(b"\x89PNG"), "{}", png.display());
            assert!(bytes.len() > 2000);
        }
    }
}
