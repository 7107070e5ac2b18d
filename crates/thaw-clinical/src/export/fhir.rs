//! The HL7 FHIR R4 Bundle: a `document` Bundle whose first entry is a Composition (a readable
//! account of the whole summary, including what the file holds and that it is not encrypted),
//! then a Patient with no name (patient-held data: just an id), then for every PHQ-9 and GAD-7 a
//! QuestionnaireResponse and LOINC-coded Observations:
//!
//! | what | LOINC |
//! | --- | --- |
//! | the Composition's document type | 60591-5 Patient summary Document |
//! | PHQ-9 panel (hasMember: every answer, the total, the difficulty answer) | 44249-1 |
//! | PHQ-9 items 1–9, each `valueCodeableConcept` LA6568-5 / LA6569-3 / LA6570-1 / LA6571-9 | 44250-9 … 44260-8 |
//! | PHQ-9 total score | 44261-6 |
//! | difficulty (both panels), LA6572-7 / LA6573-5 / LA6575-0 / LA6574-3 (LL359-1) | 69722-7 |
//! | GAD-7 panel (hasMember: every answer, the total, the difficulty answer) | 69737-5 |
//! | GAD-7 items 1–7, coded as the PHQ-9's | 69725-0 … 69736-7 |
//! | GAD-7 total score | 70274-6 |
//!
//! Displays are LOINC's full names, as US Core's examples carry them.
//!
//! Every `fullUrl` is a `urn:uuid:` derived from content, so the same summary gives the same file.

use serde_json::{json, Value};

use super::html::escape;
use super::{
    check_in_overview, contents_statement, format_date, format_date_time, period_words,
    NOT_A_DIAGNOSIS, NOT_ENCRYPTED,
};
use crate::questionnaire::{answer_label, answer_loinc, loinc};
use crate::summary::{QuestionnaireRecord, VisitSummary};
use crate::uuid::uuid_from;

const OBSERVATION_CATEGORY: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

fn urn(uuid: &str) -> String {
    format!("urn:uuid:{uuid}")
}

fn reference(uuid: &str) -> Value {
    json!({ "reference": urn(uuid) })
}

fn loinc_concept(code: &str, display: &str) -> Value {
    json!({
        "coding": [{ "system": loinc::SYSTEM, "code": code, "display": display }],
        "text": display,
    })
}

fn narrative(paragraphs: &[String]) -> Value {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<p>{}</p>", escape(p)))
        .collect();
    json!({
        "status": "generated",
        "div": format!("<div xmlns=\"http://www.w3.org/1999/xhtml\">{body}</div>"),
    })
}

fn loinc_coding(code: &str, display: &str) -> Value {
    json!({ "system": loinc::SYSTEM, "code": code, "display": display })
}

/// An answer as US Core codes it: the LOINC answer (LA) code, its display and text.
fn answer_concept(code: &str, display: &str) -> Value {
    json!({ "coding": [loinc_coding(code, display)], "text": display })
}

/// The resources for one questionnaire: (uuid, resource) pairs, and the uuids to list in the
/// Composition. As US Core's screening-assessment examples do it: the QuestionnaireResponse;
/// one Observation per answer (coded LA answers as `valueCodeableConcept`), the closing
/// difficulty answer (69722-7, answer list LL359-1) when given, and the total; and the panel
/// Observation whose `hasMember` lists every one of them.
fn questionnaire_entries(
    q: &QuestionnaireRecord,
    patient: &str,
    out: &mut Vec<(String, Value)>,
) -> Vec<String> {
    let a = &q.answers;
    let inst = a.instrument();
    let when = q.taken_at.to_rfc3339();
    let items_key: String = a.items().iter().map(|v| v.to_string()).collect();
    let qr_id = uuid_from(&[
        "QuestionnaireResponse",
        patient,
        inst.short_name(),
        &when,
        &items_key,
    ]);

    let mut items: Vec<Value> = a
        .items()
        .iter()
        .enumerate()
        .map(|(i, v)| {
            json!({
                "linkId": inst.item_loinc()[i],
                "text": inst.items()[i],
                "answer": [{ "valueCoding": loinc_coding(
                    answer_loinc(*v).unwrap_or_default(),
                    answer_label(*v).unwrap_or_default(),
                )}],
            })
        })
        .collect();
    items.push(json!({
        "linkId": inst.total_loinc(),
        "text": "Total score",
        "answer": [{ "valueInteger": a.total() }],
    }));
    if let Some(diff) = a.difficulty() {
        items.push(json!({
            "linkId": loinc::DIFFICULTY,
            "text": inst.difficulty_question(),
            "answer": [{ "valueCoding": loinc_coding(diff.loinc(), diff.label()) }],
        }));
    }
    let qr = json!({
        "resourceType": "QuestionnaireResponse",
        "id": qr_id,
        "questionnaire": format!("http://loinc.org/q/{}", inst.panel_loinc()),
        "status": "completed",
        "subject": reference(patient),
        "authored": when,
        "author": reference(patient),
        "source": reference(patient),
        "item": items,
    });
    out.push((qr_id.clone(), qr));

    let observation =
        |code: &str, display: &str, value: Option<(&str, Value)>, members: &[String]| {
            let id = uuid_from(&["Observation", code, &qr_id]);
            let mut obs = json!({
                "resourceType": "Observation",
                "id": id,
                "status": "final",
                "category": [{ "coding": [{
                    "system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"
                }]}],
                "code": loinc_concept(code, display),
                "subject": reference(patient),
                "effectiveDateTime": when,
                "performer": [reference(patient)],
                "derivedFrom": [reference(&qr_id)],
            });
            if let Some((key, v)) = value {
                obs[key] = v;
            }
            if !members.is_empty() {
                obs["hasMember"] = Value::Array(members.iter().map(|m| reference(m)).collect());
            }
            (id, obs)
        };

    let mut members = vec![];
    for (i, v) in a.items().iter().enumerate() {
        let (id, obs) = observation(
            inst.item_loinc()[i],
            inst.item_loinc_names()[i],
            Some((
                "valueCodeableConcept",
                answer_concept(
                    answer_loinc(*v).unwrap_or_default(),
                    answer_label(*v).unwrap_or_default(),
                ),
            )),
            &[],
        );
        members.push(id.clone());
        out.push((id, obs));
    }
    let (total_id, total) = observation(
        inst.total_loinc(),
        inst.total_loinc_name(),
        Some(("valueInteger", json!(a.total()))),
        &[],
    );
    members.push(total_id.clone());
    out.push((total_id, total));
    if let Some(diff) = a.difficulty() {
        let (id, obs) = observation(
            loinc::DIFFICULTY,
            loinc::DIFFICULTY_NAME,
            Some((
                "valueCodeableConcept",
                answer_concept(diff.loinc(), diff.label()),
            )),
            &[],
        );
        members.push(id.clone());
        out.push((id, obs));
    }
    let (panel_id, panel) =
        observation(inst.panel_loinc(), inst.panel_loinc_name(), None, &members);
    out.push((panel_id.clone(), panel));

    let mut listed = vec![qr_id, panel_id];
    listed.extend(members);
    listed
}

/// The summary as a FHIR R4 `document` Bundle.
pub fn to_fhir_bundle(summary: &VisitSummary) -> Value {
    let d = summary.data();
    let generated = d.generated_at.to_rfc3339();
    let patient = uuid_from(&["Patient", &d.patient_id]);
    let composition = uuid_from(&[
        "Composition",
        &d.patient_id,
        &d.period.start.to_string(),
        &d.period.end.to_string(),
        &generated,
    ]);
    let bundle_id = uuid_from(&["Bundle", &composition]);

    let mut resources: Vec<(String, Value)> = vec![];
    let mut questionnaire_refs: Vec<String> = vec![];
    for q in &d.questionnaires {
        questionnaire_refs.extend(questionnaire_entries(q, &patient, &mut resources));
    }

    let about = vec![contents_statement(summary), NOT_ENCRYPTED.to_string()];
    let mut q_text: Vec<String> = d
        .questionnaires
        .iter()
        .map(|q| {
            let a = &q.answers;
            let item9 = a
                .phq9_item9()
                .map(|v| format!(" Question 9: {}.", answer_label(v).unwrap_or("")))
                .unwrap_or_default();
            format!(
                "{}, {}: total {} of {}. {}{}",
                format_date_time(&q.taken_at),
                a.instrument().short_name(),
                a.total(),
                a.instrument().max_total(),
                a.band_description(),
                item9
            )
        })
        .collect();
    if q_text.is_empty() {
        q_text.push("Nothing recorded in this period.".into());
    } else {
        q_text.push(NOT_A_DIAGNOSIS.into());
    }
    let or_nothing = |v: Vec<String>| {
        if v.is_empty() {
            vec!["Nothing recorded in this period.".to_string()]
        } else {
            v
        }
    };
    let sessions = or_nothing(
        d.sessions
            .iter()
            .map(|s| {
                format!(
                    "{}: {}, {}.{}",
                    format_date_time(&s.at),
                    s.kind.label(),
                    s.setting.label().to_lowercase(),
                    s.intention
                        .as_deref()
                        .map(|i| format!(" Intention: {i}"))
                        .unwrap_or_default()
                )
            })
            .collect(),
    );
    let moves = or_nothing(
        d.moves
            .iter()
            .map(|m| {
                format!(
                    "{}: {} moves (done {}, started {}, inner shifts noticed {}).",
                    m.value,
                    m.total(),
                    m.done,
                    m.started,
                    m.noticed
                )
            })
            .collect(),
    );
    let check_ins = or_nothing(if d.check_ins.is_empty() {
        vec![]
    } else {
        vec![check_in_overview(summary)]
    });
    let notes = if d.notes.is_empty() {
        vec!["No notes marked to discuss.".to_string()]
    } else {
        d.notes
            .iter()
            .map(|n| format!("{}: {}", format_date(n.date), n.text))
            .collect()
    };

    let noticed: Vec<String> = d.noticed.iter().map(super::noticed_line).collect();

    let section = |title: &str, text: Vec<String>, entries: &[String]| {
        let mut s = json!({ "title": title, "text": narrative(&text) });
        if !entries.is_empty() {
            s["entry"] = Value::Array(entries.iter().map(|e| reference(e)).collect());
        }
        s
    };
    let title = format!("Visit summary, {}", period_words(summary));
    let mut composition_resource = json!({
        "resourceType": "Composition",
        "id": composition,
        "text": narrative(&about),
        "status": "final",
        "type": {
            "coding": [loinc_coding(
                loinc::PATIENT_SUMMARY_DOCUMENT,
                loinc::PATIENT_SUMMARY_DOCUMENT_NAME,
            )],
            "text": "Patient-held visit summary",
        },
        "subject": reference(&patient),
        "date": generated,
        "author": [reference(&patient)],
        "title": title,
        "confidentiality": "R",
        "event": [{ "period": {
            "start": d.period.start.to_string(),
            "end": d.period.end.to_string(),
        }}],
        "section": [
            section("About this file", about.clone(), &[]),
            section("Questionnaires", q_text, &questionnaire_refs),
            section("Treatment sessions", sessions, &[]),
            section("Moves, by what matters to you", moves, &[]),
            section("Check-ins", check_ins, &[]),
            section("To discuss", notes, &[]),
        ],
    });
    // What the person noticed is there only when they chose to include it.
    if !noticed.is_empty() {
        composition_resource["section"]
            .as_array_mut()
            .expect("sections are a list")
            .push(section("What I noticed", noticed, &[]));
    }
    let patient_resource = json!({
        "resourceType": "Patient",
        "id": patient,
        "text": narrative(&["A person keeping their own record in Thaw. No name is included.".to_string()]),
    });

    let mut entries = vec![
        json!({ "fullUrl": urn(&composition), "resource": composition_resource }),
        json!({ "fullUrl": urn(&patient), "resource": patient_resource }),
    ];
    entries.extend(
        resources
            .into_iter()
            .map(|(id, r)| json!({ "fullUrl": urn(&id), "resource": r })),
    );
    json!({
        "resourceType": "Bundle",
        "id": bundle_id,
        "identifier": { "system": "urn:ietf:rfc:3986", "value": urn(&bundle_id) },
        "type": "document",
        "timestamp": generated,
        "entry": entries,
    })
}

/// The Bundle as pretty-printed JSON.
pub fn to_fhir_json(summary: &VisitSummary) -> String {
    let mut s = serde_json::to_string_pretty(&to_fhir_bundle(summary))
        .expect("a serde_json::Value always serialises");
    s.push('\n');
    s
}
