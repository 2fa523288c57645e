"""Reports in the patient's language: one clinic prints a French patient's progress
report in French and an English patient's in English, whatever its desk speaks; a
French consent is a form of its own, recorded as such when signed, and printed in
French."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from mesolog.domain.adverse_event import EventDetails, EventKind
from mesolog.domain.consent import ConsentKind, ConsentState
from mesolog.domain.translation import speaking
from mesolog.domain.validation import ValidationError
from mesolog.services.consent import ConsentService
from mesolog.services.reports import ReportKind
from tests.conftest import details
from tests.reports.test_reports import ADMIN, NOW, add_sessions, pdf_of, text_of, world  # noqa: F401


@pytest.fixture
def two_patients(world):  # noqa: F811 (the fixture)
    clinic, doctor, patient, course, lots = world
    add_sessions(clinic, doctor, patient, course, lots, 3)
    french = clinic.patients.update(patient.id, patient.version,
                                    replace(patient.details, language="fr"))
    session = min(clinic.sessions.for_patient(french.id), key=lambda s: s.details.performed_at)
    clinic.adverse_events.record(EventDetails(
        session_id=session.id, kind=EventKind.BRUISING,
        onset=session.details.performed_at.date(), grade=1))
    english = clinic.patients.create(details(chart_no="P-00002", last_name="Smith",
                                             first_name="Ann", allergies="", language="en"))
    return clinic, french, english


def test_one_clinic_prints_a_french_report_and_an_english_one(two_patients):
    clinic, french, english = two_patients
    in_french = text_of(pdf_of(clinic, french))
    for words in ("Compte rendu d’évolution", "Traitement", "Effets indésirables",
                  "Ecchymose / hématome", "01/11/2025", "Page 1 sur"):
        assert words in in_french, words
    assert "Progress report" not in in_french and "Side effects" not in in_french
    in_english = text_of(pdf_of(clinic, english))
    for words in ("Progress report", "No course of treatment recorded yet.", "Page 1 of"):
        assert words in in_english, words
    assert "Traitement" not in in_english and "Compte rendu" not in in_english


def test_the_desk_language_does_not_change_a_patients_report(two_patients):
    """A French desk prints the English patient's report in English; a patient who
    chose nothing gets the desk's."""
    clinic, _french, english = two_patients
    with speaking("fr"):
        assert "Progress report" in text_of(pdf_of(clinic, english))
        nobody_chose = clinic.patients.create(details(chart_no="P-00003", last_name="Roy",
                                                      first_name="Léa", allergies=""))
        assert "Compte rendu d’évolution" in text_of(pdf_of(clinic, nobody_chose))
    assert "Progress report" in text_of(pdf_of(clinic, nobody_chose))


def test_a_french_consent_is_a_form_of_its_own_signed_and_printed(two_patients):
    clinic, french, english = two_patients
    consents = clinic.consent
    given = consents.record(french.id, ConsentKind.TREATMENT, NOW)
    assert given.form.language == "fr"
    assert given.form.title == "Consentement à la mésothérapie du cuir chevelu"
    english_form = consents.current_form(ConsentKind.TREATMENT)
    assert english_form.language == "en" and english_form.id != given.form.id
    assert given.form.version > english_form.version  # one numbering of a kind's texts
    recorded = next(c for c in consents.for_patient(french.id) if c.id == given.id)
    assert recorded.form == given.form  # recorded as signed, on the French form
    assert consents.treatment_consent(french.id).state is ConsentState.IN_ORDER
    printed = text_of(pdf_of(clinic, french, ReportKind.CONSENT))
    assert "Consentement à la mésothérapie du cuir chevelu" in printed
    assert f"Formulaire, version {given.form.version}" in printed
    assert "Signature du patient" in printed and "J'accepte de recevoir ce traitement" in printed
    assert "Consent to scalp mesotherapy" in text_of(pdf_of(clinic, english,
                                                              ReportKind.CONSENT))


def test_a_new_english_text_leaves_a_french_consent_in_order(two_patients):
    clinic, french, english = two_patients
    clinic.consent.record(french.id, ConsentKind.TREATMENT, NOW)
    clinic.consent.record(english.id, ConsentKind.TREATMENT, NOW)
    ConsentService(clinic.db.acting_as(ADMIN), lambda: NOW).publish_form(
        ConsentKind.TREATMENT, "Consent to scalp mesotherapy", "A clearer text.")
    assert clinic.consent.treatment_consent(french.id).state is ConsentState.IN_ORDER
    assert clinic.consent.treatment_consent(english.id).state is ConsentState.OLDER_FORM


def test_the_summary_and_its_aftercare_in_french(two_patients):
    clinic, french, _english = two_patients
    printed = text_of(pdf_of(clinic, french, ReportKind.SUMMARY))
    assert "Résumé de votre traitement" in printed and "Après chaque séance" in printed
    # dates in words, the French way: printed on 25 November 2026, sessions in November 2025
    assert "imprimé le 25 novembre 2026" in printed and "nov. 2025" in printed


def test_a_language_mesolog_has_not_is_refused_at_the_chart(two_patients):
    clinic, french, _english = two_patients
    with pytest.raises(ValidationError) as refused:
        clinic.patients.update(french.id, french.version,
                               replace(french.details, language="xx"))
    assert [e.field for e in refused.value.errors] == ["language"]
    assert clinic.patients.get(french.id).details.language == "fr"  # nothing half-saved


def test_a_language_is_kept_with_the_chart_and_in_its_history(two_patients):
    clinic, french, _english = two_patients
    assert clinic.patients.get(french.id).details.language == "fr"
    lines = clinic.history.for_patient(french.id)
    assert any("reports in: — → fr" in change for line in lines for change in line.changes)


def test_printed_dates_follow_the_report_language(two_patients):
    clinic, french, _english = two_patients
    assert NOW.strftime("%d/%m/%Y") in text_of(pdf_of(clinic, french))
    assert datetime(2026, 11, 25).strftime("%Y-%m-%d") not in text_of(pdf_of(clinic, french))
