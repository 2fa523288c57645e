"""A patient's record as HL7 FHIR R4 resources, for a referring doctor's system.

Each function takes records as the store keeps them (mappings named as their columns)
and gives one resource as a JSON-ready dict. The codes used live here: SNOMED CT for
the scalp's regions and the route, UCUM for units, LOINC where it has the concept,
FHIR's own code systems where FHIR requires them (severity, seriousness, outcome), and
Mesolog's local code systems (``LOCAL``) for what no standard names: the techniques,
devices, side-effect kinds, the measurements and the grading scales' stages.

Stored times are the clinic's wall-clock times (domain/clock.py); FHIR wants a time
with its offset, so a time is given the offset the clinic's zone had then.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from mesolog.domain.adverse_event import Action, EventKind, Outcome
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseStatus
from mesolog.domain.measurement import TERMINAL_MIN_UM
from mesolog.domain.patient import Diagnosis
from mesolog.domain.photo import PhotoView
from mesolog.domain.scales import SCALES
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.session import Device, Technique
from mesolog.domain.text import sentence
from mesolog.domain.translation import LANGUAGES

Row = Mapping[str, Any]
Resource = dict[str, Any]

SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
HL7 = "http://terminology.hl7.org/CodeSystem"
LOCAL = "https://mesolog.example/fhir"
CHART_NUMBER = f"{LOCAL}/NamingSystem/chart-number"
EXTENSION = f"{LOCAL}/StructureDefinition"

SKIN_OF_SCALP = ("43067004", "Skin of scalp")
# The scalp's regions SNOMED CT names; the frontal scalp and the mid-scalp have no code
# of their own and are given in words.
ZONE_CODES: dict[ScalpZone, tuple[str, str]] = {
    ScalpZone.VERTEX: ("61719002", "Skin of vertex of scalp"),
    ScalpZone.OCCIPITAL: ("700032006", "Occipital region of scalp"),
    ScalpZone.LEFT_TEMPORAL: ("16621002", "Skin of temporal region"),
    ScalpZone.RIGHT_TEMPORAL: ("16621002", "Skin of temporal region"),
}
INTRADERMAL = ("372464004", "Intradermal route")
PROGRESS_NOTE = ("11506-3", "Progress note")
PATIENT_CONSENT = ("59284-0", "Patient Consent")
PAIN_SCORE = ("72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported")
NO_KNOWN_ALLERGY = ("716186003", "No known allergy")

# FHIR's AdverseEvent severity has three values; CTCAE's grades 4 and 5 are severe too,
# and the grade itself is kept as a second coding.
SEVERITY = {1: "mild", 2: "moderate", 3: "severe", 4: "severe", 5: "severe"}
AE_OUTCOME = {Outcome.ONGOING: "ongoing", Outcome.RESOLVED: "resolved",
              Outcome.RESOLVED_WITH_SEQUELAE: "resolvedWithSequelae",
              Outcome.UNKNOWN: "unknown"}
CARE_PLAN_STATUS = {CourseStatus.ACTIVE: "active", CourseStatus.PAUSED: "on-hold",
                    CourseStatus.COMPLETED: "completed", CourseStatus.STOPPED: "revoked"}
CONSENT_SCOPE = {ConsentKind.TREATMENT: ("treatment", "Treatment"),
                 ConsentKind.PHOTOGRAPHY: ("patient-privacy", "Privacy Consent")}
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".tif": "image/tiff",
                 ".bmp": "image/bmp", ".webp": "image/webp"}

# A measurement's values: (local code, words, UCUM unit code, unit as shown); no unit
# for a plain number.
MEASURED: dict[str, tuple[str, str, str | None]] = {
    "density": ("Hair density", "/cm2", "hairs/cm²"),
    "terminal_count": (f"Terminal hairs (shaft ≥ {TERMINAL_MIN_UM} µm) counted", "{hairs}",
                       "hairs"),
    "vellus_count": ("Vellus hairs counted", "{hairs}", "hairs"),
    "shaft_diameter_um": ("Mean hair shaft diameter", "um", "µm"),
    "anagen_pct": ("Hairs in anagen", "%", "%"),
    "telogen_pct": ("Hairs in telogen", "%", "%"),
    "pull_test": ("Hairs pulled out in the pull test", "{hairs}", "hairs"),
    "satisfaction": ("Patient satisfaction, 1 (very unhappy) to 5 (very happy)", None, None),
}


@dataclass(frozen=True)
class Ids:
    """Every resource's id in one export: the same record always has the same id in
    it (a practitioner named in several patients' bundles), and two exports share none
    (ids are not promised to stay)."""

    namespace: uuid.UUID

    @classmethod
    def new(cls) -> Ids:
        return cls(uuid.uuid4())

    def id(self, kind: str, record_id: Any) -> str:
        return str(uuid.uuid5(self.namespace, f"{kind}/{record_id}"))

    def url(self, kind: str, record_id: Any) -> str:
        return f"urn:uuid:{self.id(kind, record_id)}"

    def ref(self, kind: str, record_id: Any, display: str | None = None) -> dict[str, str]:
        reference = {"reference": self.url(kind, record_id)}
        return reference if display is None else {**reference, "display": display}


def coding(system: str, code: str, display: str | None = None) -> dict[str, str]:
    found = {"system": system, "code": code}
    return found if display is None else {**found, "display": display}


def concept(*codings: dict[str, str], text: str | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {}
    if codings:
        found["coding"] = list(codings)
    if text:
        found["text"] = text
    return found


def local(system: str, code: str, display: str | None = None) -> dict[str, str]:
    return coding(f"{LOCAL}/CodeSystem/{system}", code, display)


def quantity(value: float, code: str, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def date_time(wall: datetime) -> str:
    """A stored wall-clock time with the offset the clinic's zone had then (the first
    of an autumn hour that happens twice)."""
    return wall.replace(fold=0).astimezone().isoformat()


def day(value: date | datetime) -> str:
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def zone_site(zone: ScalpZone | str | None, words: str | None = None) -> dict[str, Any]:
    """A scalp region as a body site: SNOMED CT's code where it has one, always words."""
    if zone is None:
        return concept(coding(SNOMED, *SKIN_OF_SCALP), text=words or SKIN_OF_SCALP[1])
    zone = ScalpZone(zone)
    text = words or zone.label
    if zone in ZONE_CODES:
        return concept(coding(SNOMED, *ZONE_CODES[zone]), text=text)
    return concept(text=text)


def extension(name: str, **value: Any) -> dict[str, Any]:
    return {"url": f"{EXTENSION}/{name}", **value}


def attachment(content: bytes, content_type: str, url: str, title: str,
               created: date | datetime | None = None) -> dict[str, Any]:
    """A file beside the bundle, named by its path relative to the bundle's folder;
    FHIR's hash is the SHA-1 of the content, in base64."""
    found: dict[str, Any] = {
        "contentType": content_type, "url": url, "size": len(content),
        "hash": base64.b64encode(hashlib.sha1(content).digest()).decode("ascii"),
        "title": title}
    if created is not None:
        found["creation"] = (date_time(created) if isinstance(created, datetime)
                             else day(created))
    return found


def bundle(ids: Ids, key: Any, made_at: datetime, resources: Sequence[Resource]) -> Resource:
    """A collection of resources, each under the URL the others refer to it by."""
    return {"resourceType": "Bundle", "id": ids.id("Bundle", key), "type": "collection",
            "timestamp": date_time(made_at),
            "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources]}


# --- who --------------------------------------------------------------------------


def organization(ids: Ids, letterhead: Row) -> Resource:
    found: Resource = {"resourceType": "Organization", "id": ids.id("Organization", 1),
                       "active": True, "name": letterhead["name"]}
    if letterhead["address"]:
        found["address"] = [{"text": letterhead["address"]}]
    if letterhead["phone"]:
        found["telecom"] = [{"system": "phone", "value": letterhead["phone"], "use": "work"}]
    return found


def practitioner(ids: Ids, row: Row) -> Resource:
    """A practitioner by name (a login is Mesolog's own, and not handed out)."""
    return {"resourceType": "Practitioner", "id": ids.id("Practitioner", row["id"]),
            "active": bool(row["active"]), "name": [{"text": row["name"]}]}


def patient(ids: Ids, row: Row, clinic: str | None) -> Resource:
    identifier: dict[str, Any] = {
        "use": "usual", "system": CHART_NUMBER, "value": row["chart_no"],
        "type": concept(coding(f"{HL7}/v2-0203", "MR", "Medical record number"))}
    if clinic:
        identifier["assigner"] = {"display": clinic}
    found: Resource = {
        "resourceType": "Patient", "id": ids.id("Patient", row["id"]),
        "identifier": [identifier], "active": not row["archived"],
        "name": [{"use": "official", "family": row["last_name"],
                  "given": [row["first_name"]],
                  "text": f"{row['first_name']} {row['last_name']}"}],
        "gender": row["sex"],  # female, male, other: FHIR's administrative gender codes
        "birthDate": day(row["date_of_birth"])}
    telecom = [{"system": "phone", "value": row["phone"]}] if row["phone"] else []
    if row["email"]:
        telecom.append({"system": "email", "value": row["email"]})
    if telecom:
        found["telecom"] = telecom
    if row["address"]:
        found["address"] = [{"text": row["address"]}]
    if row.get("language"):  # the language the chart says to print their reports in
        found["communication"] = [{"language": concept(coding(
            "urn:ietf:bcp:47", row["language"].replace("_", "-"),
            LANGUAGES.get(row["language"], row["language"]))), "preferred": True}]
    return found


def diagnosis(ids: Ids, row: Row) -> Resource:
    """The patient's hair-loss diagnosis, as recorded on their chart."""
    kind = Diagnosis(row["diagnosis"])
    words = "Hair loss, other diagnosis" if kind is Diagnosis.OTHER else kind.label
    return {"resourceType": "Condition", "id": ids.id("Condition", row["id"]),
            "category": [concept(coding(f"{HL7}/condition-category", "encounter-diagnosis",
                                        "Encounter Diagnosis"))],
            "code": concept(local("diagnosis", kind.value, kind.label), text=words),
            "bodySite": [zone_site(None)],
            "subject": ids.ref("Patient", row["id"]),
            "recordedDate": date_time(row["created_at"])}


def allergies(ids: Ids, row: Row) -> Resource | None:
    """What the chart says of allergies: its words, or that the patient was asked and
    has none (SNOMED CT's 'no known allergy'); nothing if never asked."""
    if row["allergies"]:
        code, recorded = concept(text=row["allergies"]), row["updated_at"]
    elif row["no_known_allergies_on"] is not None:
        code, recorded = concept(coding(SNOMED, *NO_KNOWN_ALLERGY)), row["no_known_allergies_on"]
    else:
        return None
    return {"resourceType": "AllergyIntolerance", "id": ids.id("AllergyIntolerance", row["id"]),
            "clinicalStatus": concept(coding(f"{HL7}/allergyintolerance-clinical", "active",
                                             "Active")),
            "code": code, "patient": ids.ref("Patient", row["id"]),
            "recordedDate": (date_time(recorded) if isinstance(recorded, datetime)
                             else day(recorded))}


def consent(ids: Ids, row: Row, form: Row, has_clinic: bool) -> Resource:
    kind = ConsentKind(form["kind"])
    scope, scope_words = CONSENT_SCOPE[kind]
    title = f"{form['title']} (version {form['version']})"
    provision: dict[str, Any] = {"type": "permit", "period": {"start": date_time(row["signed_at"])}}
    if row["withdrawn_at"] is not None:
        provision["period"]["end"] = date_time(row["withdrawn_at"])
    found: Resource = {
        "resourceType": "Consent", "id": ids.id("Consent", row["id"]),
        # withdrawn: no longer in force
        "status": "active" if row["withdrawn_at"] is None else "inactive",
        "scope": concept(coding(f"{HL7}/consentscope", scope, scope_words)),
        "category": [concept(coding(LOINC, *PATIENT_CONSENT),
                             local("consent-kind", kind.value, kind.label))],
        "patient": ids.ref("Patient", row["patient_id"]),
        "dateTime": date_time(row["signed_at"]),
        "performer": [ids.ref("Patient", row["patient_id"])],
        "sourceAttachment": {"contentType": "text/plain; charset=utf-8",
                             "data": base64.b64encode(form["body"].encode("utf-8")).decode(),
                             "title": title},
        "policyRule": concept(text=f"The clinic's consent form: {title}"),
        "provision": provision}
    if has_clinic:
        found["organization"] = [ids.ref("Organization", 1)]
    return found


# --- treatment --------------------------------------------------------------------


def care_plan(ids: Ids, row: Row) -> Resource:
    """A course of treatment: its protocol and how many sessions, how far apart."""
    found: Resource = {
        "resourceType": "CarePlan", "id": ids.id("CarePlan", row["id"]),
        "status": CARE_PLAN_STATUS[CourseStatus(row["status"])], "intent": "plan",
        "title": row["protocol"],
        "description": f"{row['planned_sessions']} sessions, every {row['interval_days']} days",
        "subject": ids.ref("Patient", row["patient_id"]),
        "period": {"start": day(row["start_date"])},
        "created": date_time(row["created_at"])}
    if row["stop_reason"]:
        found["note"] = [{"text": f"Stopped: {row['stop_reason']}"}]
    return found


def procedure(ids: Ids, row: Row, zones: Mapping[ScalpZone | None, int]) -> Resource:
    """A session: its technique and device, the regions of the scalp it reached (with
    the points placed in each), the needle, depth and pain, and the notes."""
    technique, device = Technique(row["technique"]), Device(row["device"])
    found: Resource = {
        "resourceType": "Procedure", "id": ids.id("Procedure", row["id"]),
        "status": "completed",
        "code": concept(local("technique", technique.value, technique.label),
                        text=f"Scalp mesotherapy, {technique.label.lower()}"),
        "subject": ids.ref("Patient", row["patient_id"]),
        "performedDateTime": date_time(row["performed_at"]),
        "performer": [{"actor": ids.ref("Practitioner", row["practitioner_id"])}],
        "reasonReference": [ids.ref("Condition", row["patient_id"])],
        "usedCode": [concept(local("device", device.value, device.label), text=device.label)]}
    if row["course_id"] is not None:
        found["basedOn"] = [ids.ref("CarePlan", row["course_id"])]
    sites = [zone_site(zone, _points_in(zone, count)) for zone, count in
             sorted(zones.items(), key=lambda z: list(ScalpZone).index(z[0])
                    if z[0] is not None else len(ScalpZone))]
    found["bodySite"] = sites or [zone_site(None)]
    notes = [_needle(row)]
    if row["notes"]:
        notes.append(row["notes"])
    found["note"] = [{"text": text} for text in notes if text]
    return found


def _points_in(zone: ScalpZone | None, count: int) -> str:
    where = zone.label if zone is not None else "Scalp, outside the charted regions"
    return f"{where}: {count} injection point{'s' if count != 1 else ''}"


def _needle(row: Row) -> str:
    parts = []
    if row["needle_gauge"] is not None:
        parts.append(f"needle {row['needle_gauge']} G")
    if row["needle_length_mm"] is not None:
        parts.append(f"{row['needle_length_mm']:g} mm long")
    if row["depth_mm"] is not None:
        parts.append(f"injected at {row['depth_mm']:g} mm")
    return sentence("; ".join(parts) + ".") if parts else ""


def pain(ids: Ids, session: Row) -> Resource | None:
    """The pain the patient reported during the session, 0 to 10."""
    if session["pain_score"] is None:
        return None
    return {"resourceType": "Observation", "id": ids.id("PainScore", session["id"]),
            "status": "final",
            "category": [concept(coding(f"{HL7}/observation-category", "survey", "Survey"))],
            "code": concept(coding(LOINC, *PAIN_SCORE), text="Pain during the session"),
            "subject": ids.ref("Patient", session["patient_id"]),
            "effectiveDateTime": date_time(session["performed_at"]),
            "partOf": [ids.ref("Procedure", session["id"])],
            "valueInteger": session["pain_score"]}


def medication_administration(ids: Ids, use: Row, session: Row, lot: Row, product: Row,
                              ingredients: Sequence[Row],
                              zones: Sequence[ScalpZone | None]) -> Resource:
    """A product given in a session: the product and its lot (number, expiry) as a
    contained Medication, intradermally, so many mL, where on the scalp."""
    medication: Resource = {
        "resourceType": "Medication", "id": "product",
        "code": concept(*([coding("https://www.gs1.org/gtin", product["gtin"])]
                          if product["gtin"] else []), text=product["name"]),
        "batch": {"lotNumber": lot["lot_no"], "expirationDate": day(lot["expiry"])}}
    if product["maker"]:
        medication["manufacturer"] = {"display": product["maker"]}
    if ingredients:
        medication["ingredient"] = [{"itemCodeableConcept": concept(text=" ".join(
            part for part in (i["name"], i["concentration"]) if part))} for i in ingredients]
    dosage: dict[str, Any] = {
        "route": concept(coding(SNOMED, *INTRADERMAL)),
        "method": concept(local("technique", session["technique"],
                                Technique(session["technique"]).label)),
        "dose": quantity(use["volume_ml"], "mL", "mL")}
    placed = sorted({zone for zone in zones if zone is not None}, key=list(ScalpZone).index)
    if len(placed) == 1:
        dosage["site"] = zone_site(placed[0])
    elif placed:
        dosage["site"] = concept(coding(SNOMED, *SKIN_OF_SCALP),
                                 text=", ".join(zone.label for zone in placed))
    found: Resource = {
        "resourceType": "MedicationAdministration",
        "id": ids.id("MedicationAdministration", use["id"]),
        "contained": [medication], "status": "completed",
        "medicationReference": {"reference": "#product", "display": product["name"]},
        "subject": ids.ref("Patient", session["patient_id"]),
        "partOf": [ids.ref("Procedure", session["id"])],
        "effectiveDateTime": date_time(session["performed_at"]),
        "performer": [{"actor": ids.ref("Practitioner", session["practitioner_id"])}],
        "dosage": dosage}
    if use["expired_override"]:
        found["note"] = [{"text": f"Given after the lot's expiry: {use['expired_override']}"}]
    return found


def adverse_event(ids: Ids, row: Row, suspected_use: int | None) -> Resource:
    """A side effect: what it was, when, its CTCAE grade (and FHIR's three-step
    severity), whether serious, how it ended; the session (and the lot's
    administration, if one is suspected) as what may have caused it."""
    kind = EventKind(row["kind"])
    words = row["other_text"] if kind is EventKind.OTHER and row["other_text"] else kind.label
    grade = int(row["grade"])
    severity = SEVERITY[grade]
    outcome = AE_OUTCOME[Outcome(row["outcome"])]
    suspects = [{"instance": ids.ref("Procedure", row["session_id"])}]
    if suspected_use is not None:
        suspects.append({"instance": ids.ref("MedicationAdministration", suspected_use)})
    found: Resource = {
        "resourceType": "AdverseEvent", "id": ids.id("AdverseEvent", row["id"]),
        "actuality": "actual",
        "event": concept(local("side-effect", kind.value, kind.label), text=words),
        "subject": ids.ref("Patient", row["patient_id"]),
        "date": day(row["onset"]), "recordedDate": date_time(row["created_at"]),
        "seriousness": concept(coding(
            f"{HL7}/adverse-event-seriousness", *(("serious", "Serious") if row["serious"]
                                                   else ("non-serious", "Non-serious")))),
        "severity": concept(coding(f"{HL7}/adverse-event-severity", severity,
                                   severity.capitalize()),
                            local("ctcae-grade", str(grade), f"CTCAE grade {grade}"),
                            text=f"Grade {grade}"),
        "outcome": concept(coding(f"{HL7}/adverse-event-outcome", outcome,
                                  Outcome(row["outcome"]).label)),
        "suspectEntity": suspects}
    more = []
    if row["zone"]:
        more.append(extension("body-site", valueCodeableConcept=zone_site(row["zone"])))
    if row["resolved_on"] is not None:
        more.append(extension("resolved-on", valueDate=day(row["resolved_on"])))
    for action in filter(None, row["actions"].split(",")):
        more.append(extension("action-taken", valueCodeableConcept=concept(
            local("side-effect-action", action, Action(action).label))))
    if row["notes"]:
        more.append(extension("note", valueString=row["notes"]))
    if more:
        found["extension"] = more
    return found


# --- outcomes ---------------------------------------------------------------------


def measurement(ids: Ids, row: Row, site: Row) -> Resource:
    """A measurement at a fixed site: each value it holds as a component, in UCUM's
    units (hairs/cm² as ``/cm2``, µm as ``um``)."""
    components = []
    for field, (words, unit_code, unit) in MEASURED.items():
        value = row[field]
        if value is None:
            continue
        component: dict[str, Any] = {"code": concept(local("measurement", field, words))}
        if unit_code is None:
            component["valueInteger"] = int(value)
        else:
            component["valueQuantity"] = quantity(value, unit_code, unit)
        components.append(component)
    found: Resource = {
        "resourceType": "Observation", "id": ids.id("Observation", row["id"]),
        "status": "final",
        "category": [concept(coding(f"{HL7}/observation-category", "exam", "Exam"))],
        "code": concept(local("measurement", "scalp-hair", "Scalp hair measurement"),
                        text="Hair measurement at a fixed site"),
        "subject": ids.ref("Patient", row["patient_id"]),
        "effectiveDateTime": day(row["taken_on"]),
        "bodySite": zone_site(site["zone"], f"{site['name']}"),
        "component": components}
    if row["session_id"] is not None:
        found["partOf"] = [ids.ref("Procedure", row["session_id"])]
    if row["notes"]:
        found["note"] = [{"text": row["notes"]}]
    return found


def grade(ids: Ids, row: Row) -> Resource:
    """A grade on a scale of hair loss: the stage (Norwood-Hamilton, Ludwig, Sinclair),
    or the SALT score in percent of the scalp."""
    found: Resource = {
        "resourceType": "Observation", "id": ids.id("Grade", row["id"]), "status": "final",
        "category": [concept(coding(f"{HL7}/observation-category", "exam", "Exam"))],
        "subject": ids.ref("Patient", row["patient_id"]),
        "effectiveDateTime": day(row["recorded_on"]), "bodySite": zone_site(None)}
    if row["scale"] == "salt":
        found["code"] = concept(local("grading-scale", "salt",
                                      "Severity of Alopecia Tool (SALT) score"),
                                text="SALT score")
        found["valueQuantity"] = quantity(row["salt_score"], "%", "%")
    else:
        scale = SCALES[row["scale"]]
        stage = scale.stage(row["stage"])
        found["code"] = concept(local("grading-scale", scale.key, f"{scale.name} stage"),
                                text=f"{scale.name} stage")
        found["valueCodeableConcept"] = concept(local(scale.key, stage.code, stage.description),
                                                text=f"{scale.name} {stage.code}")
    return found


def media(ids: Ids, row: Row, content: dict[str, Any]) -> Resource:
    """A clinical photo: the view it shows and the file beside the bundle."""
    view = PhotoView(row["view"])
    found: Resource = {
        "resourceType": "Media", "id": ids.id("Media", row["id"]), "status": "completed",
        "type": concept(coding(f"{HL7}/media-type", "image", "Image")),
        "view": concept(local("photo-view", view.value, view.label), text=view.label),
        "subject": ids.ref("Patient", row["patient_id"]),
        "createdDateTime": day(row["taken_on"]), "bodySite": zone_site(None),
        "content": content}
    if row["session_id"] is not None:
        found["partOf"] = [ids.ref("Procedure", row["session_id"])]
    return found


def report_document(ids: Ids, patient_id: int, made_at: datetime, content: dict[str, Any],
                    has_clinic: bool) -> Resource:
    """The patient's progress report, a PDF beside the bundle."""
    found: Resource = {
        "resourceType": "DocumentReference", "id": ids.id("DocumentReference", patient_id),
        "status": "current", "type": concept(coding(LOINC, *PROGRESS_NOTE),
                                             text="Progress report"),
        "subject": ids.ref("Patient", patient_id), "date": date_time(made_at),
        "description": "Progress report: sessions, side effects and outcomes",
        "content": [{"attachment": content}]}
    if has_clinic:
        found["author"] = [ids.ref("Organization", 1)]
        found["custodian"] = ids.ref("Organization", 1)
    return found


def content_type_of(suffix: str) -> str:
    return CONTENT_TYPES.get(suffix, "application/octet-stream")
