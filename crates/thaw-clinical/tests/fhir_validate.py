#!/usr/bin/env python3
"""Checks a Thaw visit-summary FHIR Bundle against FHIR R4 (4.0.1) with two independent FHIR
implementations, then against what US Core and LOINC publish.

Usage: python3 fhir_validate.py BUNDLE.json [BUNDLE.json ...]

1. fhir.resources 6.4.0 (pydantic models generated from FHIR 4.0.1): every element, type,
   cardinality and required field is checked, and unknown elements are rejected.
2. fhirclient 4.4.0 (SMART on FHIR's client-py, models generated from FHIR 4.0.1 by another
   code generator), strict: unknown properties, wrong types and missing required elements raise;
   and its JSON out equals the file in.
3. Our own assertions: a document Bundle led by a Composition with a LOINC document type, a
   Patient with no name, every fullUrl a urn:uuid, every reference anywhere resolving inside the
   Bundle, every time carrying its offset; each PHQ-9 / GAD-7 as a QuestionnaireResponse plus
   US Core survey Observations: one per answer, coded with LOINC's LA answer codes as
   valueCodeableConcept, the difficulty answer as 69722-7 with LL359-1, the total, and a panel
   whose hasMember lists every one of them; LOINC's full display names; totals equal to the sum
   of the answers.
Exits non-zero on any problem.
"""

import json
import re
import sys

import fhir.resources
from fhir.resources.bundle import Bundle
from fhirclient.models.bundle import Bundle as ClientBundle

LOINC = "http://loinc.org"
UUID_URN = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ANSWER_VALUE = {"LA6568-5": 0, "LA6569-3": 1, "LA6570-1": 2, "LA6571-9": 3}
ANSWER_DISPLAY = {
    "LA6568-5": "Not at all",
    "LA6569-3": "Several days",
    "LA6570-1": "More than half the days",
    "LA6571-9": "Nearly every day",
}
# LOINC answer list LL359-1, for 69722-7.
DIFFICULTY = "69722-7"
DIFFICULTY_NAME = ("How difficult have these problems made it for you to do your work, take care "
                   "of things at home, or get along with other people?")
LL359_1 = {
    "LA6572-7": "Not difficult at all",
    "LA6573-5": "Somewhat difficult",
    "LA6575-0": "Very difficult",
    "LA6574-3": "Extremely difficult",
}
# LOINC's full names, as US Core's PHQ-9 examples carry them.
PHQ9_ITEMS = {
    "44250-9": "Little interest or pleasure in doing things in last 2 weeks [Reported.PHQ]",
    "44255-8": "Feeling down, depressed, or hopeless in last 2 weeks [Reported.PHQ]",
    "44259-0": "Trouble falling or staying asleep, or sleeping too much in last 2 weeks [Reported.PHQ]",
    "44254-1": "Feeling tired or having little energy in last 2 weeks [Reported.PHQ]",
    "44251-7": "Poor appetite or overeating in last 2 weeks [Reported.PHQ]",
    "44258-2": "Feeling bad about yourself - or that you are a failure or have let yourself or your "
               "family down in last 2 weeks [Reported.PHQ]",
    "44252-5": "Trouble concentrating on things, such as reading the newspaper or watching "
               "television in last 2 weeks [Reported.PHQ]",
    "44253-3": "Moving or speaking so slowly that other people could have noticed. Or the opposite "
               "- being so fidgety or restless that you have been moving around a lot more than "
               "usual in last 2 weeks [Reported.PHQ]",
    "44260-8": "Thoughts that you would be better off dead, or of hurting yourself in some way in "
               "last 2 weeks [Reported.PHQ]",
}
GAD7_ITEMS = {
    "69725-0": "Feeling nervous, anxious or on edge in last 2 weeks [Reported.PHQ]",
    "68509-9": "Over the past 2 weeks have you not been able to stop or control worrying",
    "69733-4": "Worrying too much about different things in last 2 weeks [Reported.PHQ]",
    "69734-2": "Trouble relaxing in last 2 weeks [Reported.PHQ]",
    "69735-9": "Being so restless that it is hard to sit still in last 2 weeks [Reported.PHQ]",
    "69689-8": "Becoming easily annoyed or irritable in last 4 weeks [Reported.PHQ]",
    "69736-7": "Feeling afraid as if something awful might happen in last 2 weeks [Reported.PHQ]",
}
# panel: (panel name, total code, total name, max total, items)
PANELS = {
    "44249-1": ("PHQ-9 quick depression assessment panel [Reported.PHQ]", "44261-6",
                "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]", 27, PHQ9_ITEMS),
    "69737-5": ("Generalized anxiety disorder 7 item (GAD-7)", "70274-6",
                "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]", 21, GAD7_ITEMS),
}
DOCUMENT_TYPE = ("60591-5", "Patient summary Document")
# A FHIR dateTime or instant with a time part: it must carry Z or an offset.
TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?")
OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


def fail(msg):
    raise AssertionError(msg)


def loinc_code(obs):
    codes = [c.code for c in (obs.code.coding or []) if c.system == LOINC]
    if len(codes) != 1:
        fail(f"Observation {obs.id} has no single LOINC code")
    return codes[0]


def loinc_display(obs):
    return next(c.display for c in obs.code.coding if c.system == LOINC)


def walk(value, path="$"):
    """Every (path, key, value) in the raw JSON."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield path, k, v
            yield from walk(v, f"{path}.{k}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}[{i}]")


def canonical(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def check_second_implementation(raw):
    """fhirclient's R4 models, strict: raises FHIRValidationError on any problem."""
    bundle = ClientBundle(raw, strict=True)
    out = bundle.as_json()  # as_json checks required elements again
    if canonical(out) != canonical(raw):
        fail("fhirclient's R4 model of the Bundle differs from the file (something was dropped)")


def check_own_assertions(raw):
    # Every reference resolves inside the Bundle, and every time carries its offset.
    urls = {e["fullUrl"] for e in raw["entry"]}
    for path, key, value in walk(raw):
        if key == "reference" and isinstance(value, str) and value not in urls:
            fail(f"{path}.reference {value} does not resolve inside the Bundle")
        if isinstance(value, str) and TIME.match(value) and not OFFSET.search(value):
            fail(f"{path}.{key} {value!r} has no time-zone offset")


def check(path):
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)
    if fhir.resources.__fhir_version__ != "4.0.1":
        fail(f"fhir.resources models FHIR {fhir.resources.__fhir_version__}, not R4 4.0.1")
    bundle = Bundle.parse_obj(raw)  # raises on any validation error
    check_second_implementation(raw)
    check_own_assertions(raw)

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
    types = [e.resource.resource_type for e in entries]
    if not types or types[0] != "Composition":
        fail("the first entry of a document Bundle must be a Composition")

    comp = entries[0].resource
    about = " ".join(s.text.div for s in comp.section if s.text)
    if "not encrypted" not in about:
        fail("the Composition does not say the file is not encrypted")
    doc_types = [(c.code, c.display) for c in comp.type.coding or [] if c.system == LOINC]
    if doc_types != [DOCUMENT_TYPE]:
        fail(f"the Composition's type is {doc_types}, expected LOINC {DOCUMENT_TYPE}")

    patients = [r for r in by_url.values() if r.resource_type == "Patient"]
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

    if comp.subject.reference != patient_url:
        fail("the Composition's subject is not the Patient")

    observations = [r for r in by_url.values() if r.resource_type == "Observation"]
    responses = [r for r in by_url.values() if r.resource_type == "QuestionnaireResponse"]
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

    members_seen = set()
    for panel in panels:
        name, total_code, total_name, max_total, items = PANELS[loinc_code(panel)]
        if loinc_display(panel) != name:
            fail(f"panel display {loinc_display(panel)!r}, LOINC's name is {name!r}")
        members = [resolve(m) for m in panel.hasMember or []]
        members_seen.update(id(m) for m in members)
        codes = {loinc_code(m): m for m in members}
        qr = resolve(panel.derivedFrom[0])
        if qr.status != "completed" or qr.subject.reference != patient_url:
            fail(f"QuestionnaireResponse {qr.id} is not completed or not about the Patient")
        answers = {}
        difficulty = None
        for item in qr.item:
            coding = item.answer[0].valueCoding if item.answer else None
            if coding is None:
                continue
            if item.linkId == DIFFICULTY:
                difficulty = coding.code
            elif coding.code in ANSWER_VALUE:
                answers[item.linkId] = coding.code
            else:
                fail(f"{qr.id} item {item.linkId} answered with {coding.code}")
            if coding.system != LOINC:
                fail(f"{qr.id} item {item.linkId} answer is not a LOINC code")

        # Every answer is its own member, coded as US Core codes it.
        expected = set(items) | {total_code} | ({DIFFICULTY} if difficulty else set())
        if set(codes) != expected or len(members) != len(expected):
            fail(f"panel {panel.id} hasMember {sorted(codes)}, expected {sorted(expected)}")
        if set(answers) != set(items):
            fail(f"{qr.id} answers {sorted(answers)}, expected every item {sorted(items)}")
        for code, item_name in items.items():
            obs = codes[code]
            if loinc_display(obs) != item_name:
                fail(f"{code} display {loinc_display(obs)!r}, LOINC's name is {item_name!r}")
            value = obs.valueCodeableConcept
            if value is None or obs.valueInteger is not None:
                fail(f"{code} is not a valueCodeableConcept")
            coded = [(c.system, c.code, c.display) for c in value.coding]
            want = (LOINC, answers[code], ANSWER_DISPLAY[answers[code]])
            if coded != [want]:
                fail(f"{code} is coded {coded}, the QuestionnaireResponse says {want}")
        if difficulty:
            if difficulty not in LL359_1:
                fail(f"difficulty answer {difficulty} is not in LL359-1")
            obs = codes[DIFFICULTY]
            if loinc_display(obs) != DIFFICULTY_NAME:
                fail(f"69722-7 display {loinc_display(obs)!r}")
            coded = [(c.system, c.code, c.display) for c in obs.valueCodeableConcept.coding]
            if coded != [(LOINC, difficulty, LL359_1[difficulty])]:
                fail(f"69722-7 coded {coded}, the QuestionnaireResponse says {difficulty}")

        total_obs = codes[total_code]
        if loinc_display(total_obs) != total_name:
            fail(f"{total_code} display {loinc_display(total_obs)!r}, LOINC's name is {total_name!r}")
        total = total_obs.valueInteger
        if total is None or not 0 <= total <= max_total:
            fail(f"total {total} out of 0..{max_total}")
        if sum(ANSWER_VALUE[a] for a in answers.values()) != total:
            fail(f"total {total} is not the sum of the answers in {qr.id}")
        qr_total = [i.answer[0].valueInteger for i in qr.item if i.linkId == total_code]
        if qr_total != [total]:
            fail(f"{qr.id} total {qr_total} disagrees with the Observation's {total}")

    # Every Observation other than a panel belongs to exactly one panel.
    for obs in observations:
        if obs not in panels and id(obs) not in members_seen:
            fail(f"Observation {loinc_code(obs)} is in no panel's hasMember")

    print(f"{path}: valid FHIR R4 4.0.1 document Bundle (fhir.resources {fhir.resources.__version__} "
          f"and fhirclient): {len(entries)} entries, {len(responses)} questionnaire responses, "
          f"{len(observations)} observations")


def main(paths):
    if not paths:
        print(__doc__)
        return 2
    failed = 0
    for p in paths:
        try:
            check(p)
        except Exception as e:  # a validation error from either implementation, or ours
            failed += 1
            print(f"{p}: INVALID: {type(e).__name__}: {e}", file=sys.stderr)
    print(f"{len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
