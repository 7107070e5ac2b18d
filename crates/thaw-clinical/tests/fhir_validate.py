#!/usr/bin/env python3
"""Checks a Thaw visit-summary FHIR Bundle with an independent FHIR implementation.

Usage: python3 fhir_validate.py BUNDLE.json [BUNDLE.json ...]

Parses each file with the fhir.resources R4B models (pydantic; every element, type, cardinality
and required field is checked, and unknown elements are rejected), then checks what the Thaw
export promises: a document Bundle led by a Composition, a Patient with no name, every
fullUrl a urn:uuid that resolves, each PHQ-9 / GAD-7 as a QuestionnaireResponse plus LOINC-coded
survey Observations (PHQ-9 total 44261-6, item 9 44260-8, panel 44249-1; GAD-7 total 70274-6,
panel 69737-5) whose totals equal the sum of the answers. Exits non-zero on any problem.
"""

import json
import re
import sys

from fhir.resources.R4B.bundle import Bundle

LOINC = "http://loinc.org"
UUID_URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
PANELS = {"44249-1": ("44261-6", 27, True), "69737-5": ("70274-6", 21, False)}
ANSWER_VALUE = {"LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3}


def fail(msg):
    raise AssertionError(msg)


def loinc_code(obs):
    codes = [c.code for c in (obs.code.coding or []) if c.system == LOINC]
    if len(codes) != 1:
        fail(f"Observation {obs.id} has no single LOINC code")
    return codes[0]


def check(path):
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    bundle = Bundle.model_validate(raw)  # raises on any validation error

    if bundle.type != "document":
        fail(f"Bundle.type is {bundle.type!r}, expected 'document'")
    if bundle.timestamp is None or bundle.identifier is None:
        fail("a document Bundle needs identifier and timestamp")
    entries = bundle.entry or []
    by_url = {}
    for e in entries:
        if not UUID_URN.match(e.fullUrl or ""):
            fail(f"fullUrl {e.fullUrl!r} is not a urn:uuid")
        if e.fullUrl in by_url:
            fail(f"duplicate fullUrl {e.fullUrl}")
        if e.resource.id and not e.fullUrl.endswith(e.resource.id):
            fail(f"{e.fullUrl} disagrees with its resource id {e.resource.id}")
        by_url[e.fullUrl] = e.resource
    types = [e.resource.get_resource_type() for e in entries]
    if not types or types[0] != "Composition":
        fail("the first entry of a document Bundle must be a Composition")

    comp = entries[0].resource
    about = " ".join(s.text.div for s in comp.section if s.text)
    if "not encrypted" not in about:
        fail("the Composition does not say the file is not encrypted")

    patients = [r for r in by_url.values() if r.get_resource_type() == "Patient"]
    if len(patients) != 1:
        fail(f"expected one Patient, found {len(patients)}")
    patient = patients[0]
    if patient.name:
        fail("the Patient carries a name; patient-held exports must not")
    patient_url = next(u for u, r in by_url.items() if r is patient)

    def resolve(ref):
        if ref.reference not in by_url:
            fail(f"reference {ref.reference} does not resolve inside the Bundle")
        return by_url[ref.reference]

    for section in comp.section:
        for ref in section.entry or []:
            resolve(ref)
    if comp.subject.reference != patient_url:
        fail("the Composition's subject is not the Patient")

    observations = [r for r in by_url.values() if r.get_resource_type() == "Observation"]
    responses = [r for r in by_url.values() if r.get_resource_type() == "QuestionnaireResponse"]
    panels = [o for o in observations if loinc_code(o) in PANELS]
    if len(panels) != len(responses):
        fail(f"{len(responses)} QuestionnaireResponses but {len(panels)} panel Observations")

    for obs in observations:
        if obs.status != "final":
            fail(f"Observation {obs.id} status {obs.status}")
        cats = [c.code for cat in obs.category or [] for c in cat.coding or []]
        if "survey" not in cats:
            fail(f"Observation {obs.id} is not in the survey category")
        if obs.effectiveDateTime is None:
            fail(f"Observation {obs.id} has no effectiveDateTime")
        if obs.subject.reference != patient_url:
            fail(f"Observation {obs.id} is not about the Patient")

    for panel in panels:
        total_code, max_total, has_item9 = PANELS[loinc_code(panel)]
        members = [resolve(m) for m in panel.hasMember or []]
        codes = {loinc_code(m): m for m in members}
        if total_code not in codes:
            fail(f"panel {panel.id} has no total ({total_code}) member")
        if has_item9 and "44260-8" not in codes:
            fail(f"PHQ-9 panel {panel.id} has no item 9 (44260-8) member")
        total = codes[total_code].valueInteger
        if total is None or not 0 <= total <= max_total:
            fail(f"total {total} out of 0..{max_total}")
        qr = resolve(panel.derivedFrom[0])
        if qr.status != "completed" or qr.subject.reference != patient_url:
            fail(f"QuestionnaireResponse {qr.id} is not completed or not about the Patient")
        answers = []
        for item in qr.item:
            coding = item.answer[0].valueCoding if item.answer else None
            if coding is not None and coding.code in ANSWER_VALUE:
                answers.append((item.linkId, ANSWER_VALUE[coding.code]))
        expected_items = 9 if has_item9 else 7
        if len(answers) != expected_items:
            fail(f"QuestionnaireResponse {qr.id} has {len(answers)} answered items")
        if sum(v for _, v in answers) != total:
            fail(f"total {total} is not the sum of the answers in {qr.id}")
        if has_item9:
            item9 = dict(answers).get("44260-8")
            if item9 != codes["44260-8"].valueInteger:
                fail("the item 9 Observation disagrees with the QuestionnaireResponse")

    print(f"{path}: valid FHIR R4(B) document Bundle: {len(entries)} entries, "
          f"{len(responses)} questionnaire responses, {len(observations)} observations")


def main(paths):
    if not paths:
        print(__doc__)
        return 2
    failed = 0
    for p in paths:
        try:
            check(p)
        except Exception as e:  # a pydantic ValidationError or one of our assertions
            failed += 1
            print(f"{p}: INVALID: {e}", file=sys.stderr)
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
