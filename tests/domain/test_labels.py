"""Every kind's name as the window, the reports and the exports show it, in English (the
language the texts are written in; the catalogues translate these words): a label
changed by mistake is a chart, a report or a FHIR display that says something else."""

from __future__ import annotations

import pytest

from mesolog.domain.adverse_event import Action, EventKind, Outcome
from mesolog.domain.cohort import Follow, OutcomeKind
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseStatus
from mesolog.domain.measurement import Metric
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.patient_import import DateOrder
from mesolog.domain.photo import PhotoView
from mesolog.domain.practitioner import Role
from mesolog.domain.print_layout import Paper
from mesolog.domain.published import ComparedWith
from mesolog.domain.safety import SafetyGroup
from mesolog.domain.scalp import ScalpView, ScalpZone, Side
from mesolog.domain.session import Device, Technique


@pytest.mark.parametrize(("kind", "labels"), [
    (EventKind, ["Pain", "Redness / erythema", "Swelling / oedema", "Bruising / haematoma",
                 "Itching", "Headache", "Infection", "Scarring", "Allergic reaction",
                 "Hair shedding (temporary)", "Nodule / granuloma",
                 "Vasovagal episode (fainting)", "Skin necrosis", "Other"]),
    (Action, ["None", "Cold compress", "Topical treatment", "Antibiotics", "Antihistamine",
              "Referral", "Treatment paused", "Course stopped"]),
    (Outcome, ["Ongoing", "Resolved", "Resolved with sequelae (e.g. scar)", "Unknown"]),
    (OutcomeKind, ["Change in hair density (hairs/cm²)",
                   "Change of grade (stages on the patient's scale)",
                   "Patient satisfaction (1–5)"]),
    (Follow, ["Analysed", "Not due yet", "No baseline", "Lost to follow-up"]),
    (ConsentKind, ["Treatment", "Clinical photography"]),
    (CourseStatus, ["Active", "Paused", "Completed", "Stopped"]),
    (Metric, ["Hair density (hairs/cm²)", "Mean shaft diameter (µm)", "Terminal/vellus ratio",
              "Anagen (%)", "Patient satisfaction (1–5)"]),
    (Sex, ["Female", "Male", "Other / not stated"]),
    (Diagnosis, ["Male androgenetic alopecia", "Female androgenetic alopecia",
                 "Telogen effluvium", "Alopecia areata", "Scarring alopecia",
                 "Traction alopecia", "Other"]),
    (DateOrder, ["day/month/year", "month/day/year", "year-month-day"]),
    (PhotoView, ["Frontal", "Vertex", "Left", "Right", "Back"]),
    (Role, ["Administrator", "Practitioner", "Assistant"]),
    (Paper, ["A4 (210 × 297 mm)", "US Letter (8.5 × 11 in)"]),
    (ComparedWith, ["the cohort's responders", "patients with pain as a side effect"]),
    (SafetyGroup, ["Kind", "Grade", "Product", "Lot"]),
    (ScalpZone, ["Frontal", "Mid-scalp", "Vertex / crown", "Left temporal", "Right temporal",
                 "Occipital"]),
    (Side, ["Patient's left", "Patient's right", "Face", "Back of head"]),
    (ScalpView, ["Top (vertex)", "Front hairline", "Left side", "Right side", "Back"]),
    (Technique, ["Nappage", "Point-by-point", "Papule", "Micro-papule"]),
    (Device, ["Manual (syringe)", "Injector gun", "Microneedling pen", "Dermaroller"]),
])
def test_every_kind_is_named(kind, labels):
    assert [member.label for member in kind] == labels


def test_a_diagnosis_in_a_narrow_column():
    assert [d.short_label for d in Diagnosis] == [
        "Male AGA", "Female AGA", "Telogen effluvium", "Alopecia areata", "Scarring alopecia",
        "Traction alopecia", "Other"]
