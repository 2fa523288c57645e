"""Each FHIR resource Mesolog writes, pinned whole from a small record (domain/fhir.py).

A referring doctor's system reads these by their field names and codes: a renamed
field or a changed code is a resource the other system no longer understands, even
where it still validates. The whole clinic's export, validated against FHIR R4B, is
tests/services/test_fhir_export.py; here each builder is read on its own, quickly.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import date, datetime

import pytest

from mesolog.domain import fhir
from mesolog.domain.fhir import HL7, LOCAL, LOINC, SNOMED, UCUM
from mesolog.domain.scalp import ScalpZone

IDS = fhir.Ids(uuid.UUID(int=7))
SIGNED = datetime(2026, 1, 5, 9, 30)
DONE = datetime(2026, 2, 3, 14, 0)


def ref(kind: str, record_id: int, display: str | None = None) -> dict[str, str]:
    found = {"reference": f"urn:uuid:{uuid.uuid5(IDS.namespace, f'{kind}/{record_id}')}"}
    return found if display is None else {**found, "display": display}


def at(wall: datetime) -> str:
    return fhir.date_time(wall)  # its offset: test_fhir_export's own test


def code(system: str, value: str, display: str) -> dict[str, str]:
    return {"system": system, "code": value, "display": display}


def mine(system: str, value: str, display: str) -> dict[str, str]:
    return code(f"{LOCAL}/CodeSystem/{system}", value, display)


SCALP = {"coding": [code(SNOMED, "43067004", "Skin of scalp")], "text": "Skin of scalp"}


def test_ids_are_the_same_for_a_record_and_new_for_each_export():
    assert IDS.id("Patient", 3) == str(uuid.uuid5(uuid.UUID(int=7), "Patient/3"))
    assert IDS.url("Patient", 3) == f"urn:uuid:{IDS.id('Patient', 3)}"
    assert IDS.ref("Patient", 3) == ref("Patient", 3)
    assert IDS.ref("Patient", 3, "Ana") == ref("Patient", 3, "Ana")
    assert IDS.id("Patient", 3) != IDS.id("Practitioner", 3) != IDS.id("Patient", 4)
    assert fhir.Ids.new().id("Patient", 3) != fhir.Ids.new().id("Patient", 3)


def test_the_small_pieces():
    assert fhir.coding("s", "c") == {"system": "s", "code": "c"}
    assert fhir.concept() == {}
    assert fhir.concept(text="") == {}
    assert fhir.concept(fhir.coding("s", "c"), text="t") == {
        "coding": [{"system": "s", "code": "c"}], "text": "t"}
    assert fhir.quantity(1.5, "mL", "mL") == {"value": 1.5, "unit": "mL", "system": UCUM,
                                              "code": "mL"}
    assert fhir.day(datetime(2026, 2, 3, 23, 59)) == "2026-02-03"
    assert fhir.day(date(2026, 2, 3)) == "2026-02-03"
    assert fhir.extension("note", valueString="x") == {
        "url": f"{LOCAL}/StructureDefinition/note", "valueString": "x"}
    assert fhir.content_type_of(".png") == "image/png"
    assert fhir.content_type_of(".heic") == "application/octet-stream"


@pytest.mark.parametrize(("zone", "words", "site"), [
    (None, None, SCALP),
    (None, "Behind the left ear", {"coding": [code(SNOMED, "43067004", "Skin of scalp")],
                                   "text": "Behind the left ear"}),
    ("vertex", None, {"coding": [code(SNOMED, "61719002", "Skin of vertex of scalp")],
                      "text": "Vertex / crown"}),
    ("occipital", "Nape", {"coding": [code(SNOMED, "700032006", "Occipital region of scalp")],
                           "text": "Nape"}),
    ("right_temporal", None, {"coding": [code(SNOMED, "16621002", "Skin of temporal region")],
                              "text": "Right temporal"}),
    ("frontal", None, {"text": "Frontal"}),  # no SNOMED CT code of its own: words only
])
def test_a_scalp_region_as_a_body_site(zone, words, site):
    assert fhir.zone_site(zone, words) == site


def test_a_file_beside_the_bundle():
    content = b"\x89PNG picture"
    digest = base64.b64encode(hashlib.sha1(content).digest()).decode("ascii")
    assert fhir.attachment(content, "image/png", "photos/a.png", "Vertex") == {
        "contentType": "image/png", "url": "photos/a.png", "size": 12, "hash": digest,
        "title": "Vertex"}
    assert fhir.attachment(content, "image/png", "a.png", "V", date(2026, 1, 5))[
        "creation"] == "2026-01-05"
    assert fhir.attachment(content, "image/png", "a.png", "V", SIGNED)["creation"] == at(SIGNED)


def test_a_bundle_holds_its_resources_under_the_urls_they_are_referred_to_by():
    resources = [{"resourceType": "Patient", "id": IDS.id("Patient", 1)}]
    assert fhir.bundle(IDS, "p1", DONE, resources) == {
        "resourceType": "Bundle", "id": IDS.id("Bundle", "p1"), "type": "collection",
        "timestamp": at(DONE),
        "entry": [{"fullUrl": ref("Patient", 1)["reference"], "resource": resources[0]}]}


def test_the_clinic_and_a_practitioner():
    assert fhir.organization(IDS, {"name": "Clinique", "address": "", "phone": ""}) == {
        "resourceType": "Organization", "id": IDS.id("Organization", 1), "active": True,
        "name": "Clinique"}
    full = fhir.organization(IDS, {"name": "Clinique", "address": "1 rue", "phone": "01"})
    assert (full["address"], full["telecom"]) == (
        [{"text": "1 rue"}], [{"system": "phone", "value": "01", "use": "work"}])
    assert fhir.practitioner(IDS, {"id": 4, "active": 0, "name": "Dr Moreau"}) == {
        "resourceType": "Practitioner", "id": IDS.id("Practitioner", 4), "active": False,
        "name": [{"text": "Dr Moreau"}]}
    assert fhir.practitioner(IDS, {"id": 4, "active": 1, "name": "Dr Moreau"})["active"] is True


PATIENT = {"id": 3, "chart_no": "P-3", "archived": False, "last_name": "Lemaire",
           "first_name": "Anne", "sex": "female", "date_of_birth": date(1980, 4, 2),
           "phone": "", "email": "", "address": "", "language": ""}


def test_a_patient():
    assert fhir.patient(IDS, PATIENT, None) == {
        "resourceType": "Patient", "id": IDS.id("Patient", 3),
        "identifier": [{"use": "usual", "system": f"{LOCAL}/NamingSystem/chart-number",
                        "value": "P-3", "type": {"coding": [
                            code(f"{HL7}/v2-0203", "MR", "Medical record number")]}}],
        "active": True,
        "name": [{"use": "official", "family": "Lemaire", "given": ["Anne"],
                  "text": "Anne Lemaire"}],
        "gender": "female", "birthDate": "1980-04-02"}
    full = fhir.patient(IDS, {**PATIENT, "archived": True, "phone": "06", "email": "a@b.fr",
                              "address": "2 rue", "language": "pt_BR"}, "Clinique")
    assert full["identifier"][0]["assigner"] == {"display": "Clinique"}
    assert full["active"] is False
    assert full["telecom"] == [{"system": "phone", "value": "06"},
                               {"system": "email", "value": "a@b.fr"}]
    assert full["address"] == [{"text": "2 rue"}]
    assert full["communication"] == [{"language": {"coding": [
        code("urn:ietf:bcp:47", "pt-BR", "Português (Brasil)")]}, "preferred": True}]
    email_only = fhir.patient(IDS, {**PATIENT, "email": "a@b.fr"}, None)
    assert email_only["telecom"] == [{"system": "email", "value": "a@b.fr"}]
    assert fhir.patient(IDS, {**PATIENT, "language": "xx"}, None)["communication"][0][
        "language"]["coding"][0]["display"] == "xx"


def test_a_diagnosis():
    row = {"id": 3, "diagnosis": "female_aga", "created_at": SIGNED}
    assert fhir.diagnosis(IDS, row) == {
        "resourceType": "Condition", "id": IDS.id("Condition", 3),
        "category": [{"coding": [code(f"{HL7}/condition-category", "encounter-diagnosis",
                                      "Encounter Diagnosis")]}],
        "code": {"coding": [mine("diagnosis", "female_aga", "Female androgenetic alopecia")],
                 "text": "Female androgenetic alopecia"},
        "bodySite": [SCALP], "subject": ref("Patient", 3), "recordedDate": at(SIGNED)}
    other = fhir.diagnosis(IDS, {**row, "diagnosis": "other"})
    assert other["code"] == {"coding": [mine("diagnosis", "other", "Other")],
                             "text": "Hair loss, other diagnosis"}


def test_allergies_as_written_none_known_or_never_asked():
    row = {"id": 3, "allergies": "Lidocaine", "updated_at": SIGNED,
           "no_known_allergies_on": date(2025, 12, 1)}
    assert fhir.allergies(IDS, row) == {
        "resourceType": "AllergyIntolerance", "id": IDS.id("AllergyIntolerance", 3),
        "clinicalStatus": {"coding": [code(f"{HL7}/allergyintolerance-clinical", "active",
                                           "Active")]},
        "code": {"text": "Lidocaine"}, "patient": ref("Patient", 3),
        "recordedDate": at(SIGNED)}
    none = fhir.allergies(IDS, {**row, "allergies": ""})
    assert none["code"] == {"coding": [code(SNOMED, "716186003", "No known allergy")]}
    assert none["recordedDate"] == "2025-12-01"
    assert fhir.allergies(IDS, {**row, "allergies": "", "no_known_allergies_on": None}) is None


def test_a_consent_in_force_and_withdrawn():
    row = {"id": 9, "patient_id": 3, "signed_at": SIGNED, "withdrawn_at": None}
    form = {"kind": "treatment", "title": "Mesotherapy", "version": 2, "body": "J’accepte."}
    assert fhir.consent(IDS, row, form, has_clinic=False) == {
        "resourceType": "Consent", "id": IDS.id("Consent", 9), "status": "active",
        "scope": {"coding": [code(f"{HL7}/consentscope", "treatment", "Treatment")]},
        "category": [{"coding": [code(LOINC, "59284-0", "Patient Consent"),
                                 mine("consent-kind", "treatment", "Treatment")]}],
        "patient": ref("Patient", 3), "dateTime": at(SIGNED),
        "performer": [ref("Patient", 3)],
        "sourceAttachment": {"contentType": "text/plain; charset=utf-8",
                             "data": base64.b64encode("J’accepte.".encode()).decode(),
                             "title": "Mesotherapy (version 2)"},
        "policyRule": {"text": "The clinic's consent form: Mesotherapy (version 2)"},
        "provision": {"type": "permit", "period": {"start": at(SIGNED)}}}
    withdrawn = fhir.consent(IDS, {**row, "withdrawn_at": DONE},
                             {**form, "kind": "photography"}, has_clinic=True)
    assert withdrawn["status"] == "inactive"
    assert withdrawn["provision"]["period"] == {"start": at(SIGNED), "end": at(DONE)}
    assert withdrawn["scope"] == {"coding": [code(f"{HL7}/consentscope", "patient-privacy",
                                                  "Privacy Consent")]}
    assert withdrawn["organization"] == [ref("Organization", 1)]


@pytest.mark.parametrize(("status", "fhir_status"), [
    ("active", "active"), ("paused", "on-hold"), ("completed", "completed"),
    ("stopped", "revoked")])
def test_a_course_as_a_care_plan(status, fhir_status):
    row = {"id": 5, "status": status, "protocol": "Dutasteride", "planned_sessions": 6,
           "interval_days": 14, "patient_id": 3, "start_date": date(2026, 1, 5),
           "created_at": SIGNED, "stop_reason": ""}
    assert fhir.care_plan(IDS, row) == {
        "resourceType": "CarePlan", "id": IDS.id("CarePlan", 5), "status": fhir_status,
        "intent": "plan", "title": "Dutasteride", "description": "6 sessions, every 14 days",
        "subject": ref("Patient", 3), "period": {"start": "2026-01-05"},
        "created": at(SIGNED)}
    assert fhir.care_plan(IDS, {**row, "stop_reason": "Pregnancy"})["note"] == [
        {"text": "Stopped: Pregnancy"}]


SESSION = {"id": 11, "patient_id": 3, "practitioner_id": 4, "course_id": None,
           "technique": "nappage", "device": "injector_gun", "performed_at": DONE,
           "needle_gauge": None, "needle_length_mm": None, "depth_mm": None, "notes": "",
           "pain_score": None}


def test_a_session_as_a_procedure():
    assert fhir.procedure(IDS, SESSION, {}) == {
        "resourceType": "Procedure", "id": IDS.id("Procedure", 11), "status": "completed",
        "code": {"coding": [mine("technique", "nappage", "Nappage")],
                 "text": "Scalp mesotherapy, nappage"},
        "subject": ref("Patient", 3), "performedDateTime": at(DONE),
        "performer": [{"actor": ref("Practitioner", 4)}],
        "reasonReference": [ref("Condition", 3)],
        "usedCode": [{"coding": [mine("device", "injector_gun", "Injector gun")],
                      "text": "Injector gun"}],
        "bodySite": [SCALP], "note": []}
    full = fhir.procedure(IDS, {**SESSION, "course_id": 5, "needle_gauge": 32,
                                "needle_length_mm": 4.0, "depth_mm": 1.5, "notes": "Calm."},
                          {None: 1, ScalpZone.OCCIPITAL: 3, ScalpZone.FRONTAL: 2,
                           ScalpZone.VERTEX: 1})
    assert full["basedOn"] == [ref("CarePlan", 5)]
    # the regions in the scalp's order, the points outside them last
    assert full["bodySite"] == [
        {"text": "Frontal: 2 injection points"},
        {"coding": [code(SNOMED, "61719002", "Skin of vertex of scalp")],
         "text": "Vertex / crown: 1 injection point"},
        {"coding": [code(SNOMED, "700032006", "Occipital region of scalp")],
         "text": "Occipital: 3 injection points"},
        {"coding": [code(SNOMED, "43067004", "Skin of scalp")],
         "text": "Scalp, outside the charted regions: 1 injection point"}]
    assert full["note"] == [{"text": "Needle 32 G; 4 mm long; injected at 1.5 mm."},
                            {"text": "Calm."}]


@pytest.mark.parametrize(("needle", "said"), [
    ({"needle_gauge": 30}, "Needle 30 G."),  # G the gauge, never g the gram
    ({"needle_length_mm": 13.0}, "13 mm long."),
    ({"depth_mm": 0.5}, "Injected at 0.5 mm."),
])
def test_the_needle_in_words(needle, said):
    assert fhir.procedure(IDS, {**SESSION, **needle}, {})["note"] == [{"text": said}]


def test_the_pain_of_a_session():
    assert fhir.pain(IDS, SESSION) is None
    assert fhir.pain(IDS, {**SESSION, "pain_score": 0}) == {
        "resourceType": "Observation", "id": IDS.id("PainScore", 11), "status": "final",
        "category": [{"coding": [code(f"{HL7}/observation-category", "survey", "Survey")]}],
        "code": {"coding": [code(LOINC, "72514-3", "Pain severity - 0-10 verbal numeric "
                                                   "rating [Score] - Reported")],
                 "text": "Pain during the session"},
        "subject": ref("Patient", 3), "effectiveDateTime": at(DONE),
        "partOf": [ref("Procedure", 11)], "valueInteger": 0}


def test_a_product_given_with_its_lot():
    use = {"id": 21, "volume_ml": 2.5, "expired_override": ""}
    lot = {"lot_no": "AB-1", "expiry": date(2027, 6, 30)}
    product = {"gtin": "", "name": "Dutasteride 0.01 %", "maker": ""}
    assert fhir.medication_administration(IDS, use, SESSION, lot, product, [], []) == {
        "resourceType": "MedicationAdministration",
        "id": IDS.id("MedicationAdministration", 21),
        "contained": [{"resourceType": "Medication", "id": "product",
                       "code": {"text": "Dutasteride 0.01 %"},
                       "batch": {"lotNumber": "AB-1", "expirationDate": "2027-06-30"}}],
        "status": "completed",
        "medicationReference": {"reference": "#product", "display": "Dutasteride 0.01 %"},
        "subject": ref("Patient", 3), "partOf": [ref("Procedure", 11)],
        "effectiveDateTime": at(DONE), "performer": [{"actor": ref("Practitioner", 4)}],
        "dosage": {"route": {"coding": [code(SNOMED, "372464004", "Intradermal route")]},
                   "method": {"coding": [mine("technique", "nappage", "Nappage")]},
                   "dose": {"value": 2.5, "unit": "mL", "system": UCUM, "code": "mL"}}}
    full = fhir.medication_administration(
        IDS, {**use, "expired_override": "No other lot"}, SESSION, lot,
        {**product, "gtin": "09506000134352", "maker": "Lab"},
        [{"name": "Dutasteride", "concentration": "0.01 %"}, {"name": "Biotin",
                                                               "concentration": ""}],
        [ScalpZone.VERTEX, None, ScalpZone.VERTEX])
    medication = full["contained"][0]
    assert medication["code"] == {"coding": [{"system": "https://www.gs1.org/gtin",
                                              "code": "09506000134352"}],
                                  "text": "Dutasteride 0.01 %"}
    assert medication["manufacturer"] == {"display": "Lab"}
    assert medication["ingredient"] == [{"itemCodeableConcept": {"text": "Dutasteride 0.01 %"}},
                                        {"itemCodeableConcept": {"text": "Biotin"}}]
    assert full["dosage"]["site"] == fhir.zone_site("vertex")  # one region: its own code
    assert full["note"] == [{"text": "Given after the lot's expiry: No other lot"}]
    several = fhir.medication_administration(IDS, use, SESSION, lot, product, [],
                                             [ScalpZone.OCCIPITAL, ScalpZone.FRONTAL, None])
    assert several["dosage"]["site"] == {"coding": [code(SNOMED, "43067004", "Skin of scalp")],
                                         "text": "Frontal, Occipital"}
    # in the scalp's order, front to back, not the alphabet's
    assert fhir.medication_administration(
        IDS, use, SESSION, lot, product, [], [ScalpZone.LEFT_TEMPORAL, ScalpZone.VERTEX]
    )["dosage"]["site"]["text"] == "Vertex / crown, Left temporal"


EVENT = {"id": 31, "kind": "bruising", "other_text": "", "grade": 1, "outcome": "resolved",
         "session_id": 11, "patient_id": 3, "onset": date(2026, 2, 3), "created_at": DONE,
         "serious": False, "zone": "", "resolved_on": None, "actions": "", "notes": ""}


def test_a_side_effect():
    assert fhir.adverse_event(IDS, EVENT, None) == {
        "resourceType": "AdverseEvent", "id": IDS.id("AdverseEvent", 31),
        "actuality": "actual",
        "event": {"coding": [mine("side-effect", "bruising", "Bruising / haematoma")],
                  "text": "Bruising / haematoma"},
        "subject": ref("Patient", 3), "date": "2026-02-03", "recordedDate": at(DONE),
        "seriousness": {"coding": [code(f"{HL7}/adverse-event-seriousness", "non-serious",
                                        "Non-serious")]},
        "severity": {"coding": [code(f"{HL7}/adverse-event-severity", "mild", "Mild"),
                                mine("ctcae-grade", "1", "CTCAE grade 1")],
                     "text": "Grade 1"},
        "outcome": {"coding": [code(f"{HL7}/adverse-event-outcome", "resolved", "Resolved")]},
        "suspectEntity": [{"instance": ref("Procedure", 11)}]}
    full = fhir.adverse_event(IDS, {**EVENT, "kind": "other", "other_text": "Dizziness",
                                    "grade": 4, "outcome": "resolved_with_sequelae",
                                    "serious": True, "zone": "vertex",
                                    "resolved_on": date(2026, 2, 10),
                                    "actions": "cold_compress,referral", "notes": "Seen."}, 21)
    assert full["event"] == {"coding": [mine("side-effect", "other", "Other")],
                             "text": "Dizziness"}
    assert full["seriousness"]["coding"] == [code(f"{HL7}/adverse-event-seriousness",
                                                  "serious", "Serious")]
    assert full["severity"]["coding"][0] == code(f"{HL7}/adverse-event-severity", "severe",
                                                 "Severe")
    assert full["outcome"]["coding"] == [code(f"{HL7}/adverse-event-outcome",
                                              "resolvedWithSequelae",
                                              "Resolved with sequelae (e.g. scar)")]
    assert full["suspectEntity"] == [{"instance": ref("Procedure", 11)},
                                     {"instance": ref("MedicationAdministration", 21)}]
    url = f"{LOCAL}/StructureDefinition"
    assert full["extension"] == [
        {"url": f"{url}/body-site", "valueCodeableConcept": fhir.zone_site("vertex")},
        {"url": f"{url}/resolved-on", "valueDate": "2026-02-10"},
        {"url": f"{url}/action-taken", "valueCodeableConcept": {"coding": [
            mine("side-effect-action", "cold_compress", "Cold compress")]}},
        {"url": f"{url}/action-taken", "valueCodeableConcept": {"coding": [
            mine("side-effect-action", "referral", "Referral")]}},
        {"url": f"{url}/note", "valueString": "Seen."}]
    unnamed = fhir.adverse_event(IDS, {**EVENT, "kind": "other"}, None)
    assert unnamed["event"]["text"] == "Other"


@pytest.mark.parametrize(("grade", "severity"), [
    (1, "mild"), (2, "moderate"), (3, "severe"), (4, "severe"), (5, "severe")])
def test_a_ctcae_grade_in_fhirs_three_severities(grade, severity):
    found = fhir.adverse_event(IDS, {**EVENT, "grade": grade}, None)["severity"]
    assert found["coding"][0]["code"] == severity
    assert found["coding"][1]["code"] == str(grade) and found["text"] == f"Grade {grade}"


MEASURED = {"id": 41, "patient_id": 3, "taken_on": date(2026, 2, 3), "session_id": None,
            "notes": "", "density": 120.5, "terminal_count": None, "vellus_count": None,
            "shaft_diameter_um": 62.0, "anagen_pct": None, "telogen_pct": None,
            "pull_test": None, "satisfaction": 4.0}


def test_a_measurement_with_its_values_in_ucum():
    site = {"zone": "vertex", "name": "Crown, 2 cm behind the whorl"}
    assert fhir.measurement(IDS, MEASURED, site) == {
        "resourceType": "Observation", "id": IDS.id("Observation", 41), "status": "final",
        "category": [{"coding": [code(f"{HL7}/observation-category", "exam", "Exam")]}],
        "code": {"coding": [mine("measurement", "scalp-hair", "Scalp hair measurement")],
                 "text": "Hair measurement at a fixed site"},
        "subject": ref("Patient", 3), "effectiveDateTime": "2026-02-03",
        "bodySite": {"coding": [code(SNOMED, "61719002", "Skin of vertex of scalp")],
                     "text": "Crown, 2 cm behind the whorl"},
        "component": [
            {"code": {"coding": [mine("measurement", "density", "Hair density")]},
             "valueQuantity": {"value": 120.5, "unit": "hairs/cm²", "system": UCUM,
                               "code": "/cm2"}},
            {"code": {"coding": [mine("measurement", "shaft_diameter_um",
                                      "Mean hair shaft diameter")]},
             "valueQuantity": {"value": 62.0, "unit": "µm", "system": UCUM, "code": "um"}},
            {"code": {"coding": [mine("measurement", "satisfaction", "Patient satisfaction, "
                                      "1 (very unhappy) to 5 (very happy)")]},
             "valueInteger": 4}]}
    with_session = fhir.measurement(IDS, {**MEASURED, "session_id": 11, "notes": "Wet hair."},
                                    site)
    assert with_session["partOf"] == [ref("Procedure", 11)]
    assert with_session["note"] == [{"text": "Wet hair."}]


def test_a_grade_on_a_scale_or_a_salt_score():
    row = {"id": 51, "patient_id": 3, "recorded_on": date(2026, 2, 3), "scale": "ludwig",
           "stage": "II", "salt_score": None}
    assert fhir.grade(IDS, row) == {
        "resourceType": "Observation", "id": IDS.id("Grade", 51), "status": "final",
        "category": [{"coding": [code(f"{HL7}/observation-category", "exam", "Exam")]}],
        "subject": ref("Patient", 3), "effectiveDateTime": "2026-02-03", "bodySite": SCALP,
        "code": {"coding": [mine("grading-scale", "ludwig", "Ludwig stage")],
                 "text": "Ludwig stage"},
        "valueCodeableConcept": {"coding": [mine("ludwig", "II",
                                                 "Pronounced thinning of the crown")],
                                 "text": "Ludwig II"}}
    salt = fhir.grade(IDS, {**row, "scale": "salt", "stage": None, "salt_score": 37.5})
    assert salt["code"] == {"coding": [mine("grading-scale", "salt",
                                            "Severity of Alopecia Tool (SALT) score")],
                            "text": "SALT score"}
    assert salt["valueQuantity"] == {"value": 37.5, "unit": "%", "system": UCUM, "code": "%"}


def test_a_photo_and_the_progress_report():
    content = {"url": "photos/a.png"}
    row = {"id": 61, "view": "back", "patient_id": 3, "taken_on": date(2026, 2, 3),
           "session_id": None}
    assert fhir.media(IDS, row, content) == {
        "resourceType": "Media", "id": IDS.id("Media", 61), "status": "completed",
        "type": {"coding": [code(f"{HL7}/media-type", "image", "Image")]},
        "view": {"coding": [mine("photo-view", "back", "Back")], "text": "Back"},
        "subject": ref("Patient", 3), "createdDateTime": "2026-02-03", "bodySite": SCALP,
        "content": content}
    assert fhir.media(IDS, {**row, "session_id": 11}, content)["partOf"] == [
        ref("Procedure", 11)]
    assert fhir.report_document(IDS, 3, DONE, content, has_clinic=False) == {
        "resourceType": "DocumentReference", "id": IDS.id("DocumentReference", 3),
        "status": "current",
        "type": {"coding": [code(LOINC, "11506-3", "Progress note")],
                 "text": "Progress report"},
        "subject": ref("Patient", 3), "date": at(DONE),
        "description": "Progress report: sessions, side effects and outcomes",
        "content": [{"attachment": content}]}
    by_clinic = fhir.report_document(IDS, 3, DONE, content, has_clinic=True)
    assert (by_clinic["author"], by_clinic["custodian"]) == ([ref("Organization", 1)],
                                                             ref("Organization", 1))
