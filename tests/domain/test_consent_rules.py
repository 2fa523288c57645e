"""Where a patient's treatment consent stands before a session: missing, in order, or
signed on an older form of its own language; withdrawn consents do not count."""

from __future__ import annotations

from datetime import datetime

import pytest

from mesolog.domain.consent import (
    Consent,
    ConsentForm,
    ConsentKind,
    ConsentState,
    TreatmentConsent,
    treatment_consent,
)

SIGNED = datetime(2026, 1, 10, 9, 0)


def consent(version: int, *, language: str = "en", kind=ConsentKind.TREATMENT,
            withdrawn: bool = False) -> Consent:
    form = ConsentForm(version, kind, version, "Consent", "…", language)
    return Consent(version, 1, form, SIGNED, "Dr Moreau",
                   SIGNED.replace(month=2) if withdrawn else None)


@pytest.mark.parametrize(("consents", "current", "language", "expected"), [
    ([], {"en": 3}, "en", (ConsentState.MISSING, None, 3)),
    ([], {"en": 3, "fr": 1}, "fr", (ConsentState.MISSING, None, 1)),
    ([consent(3, withdrawn=True)], {"en": 3}, "en", (ConsentState.MISSING, None, 3)),
    ([consent(3, kind=ConsentKind.PHOTOGRAPHY)], {"en": 3}, "en",
     (ConsentState.MISSING, None, 3)),
    ([consent(3)], {"en": 3}, "en", (ConsentState.IN_ORDER, 3, 3)),
    ([consent(4)], {"en": 3}, "en", (ConsentState.IN_ORDER, 4, 3)),  # newer than listed
    ([consent(2)], {"en": 3}, "en", (ConsentState.OLDER_FORM, 2, 3)),
    ([consent(1), consent(2)], {"en": 3}, "en", (ConsentState.OLDER_FORM, 2, 3)),
    ([consent(2), consent(3)], {"en": 3}, "en", (ConsentState.IN_ORDER, 3, 3)),
    ([consent(3), consent(2)], {"en": 3}, "en", (ConsentState.IN_ORDER, 3, 3)),
    # a French consent is measured against the newest French text, not the English
    ([consent(1, language="fr")], {"en": 3, "fr": 1}, "fr", (ConsentState.IN_ORDER, 1, 1)),
    ([consent(1, language="fr")], {"en": 3, "fr": 2}, "fr",
     (ConsentState.OLDER_FORM, 1, 2)),
    ([consent(1, language="it")], {"en": 3}, "it", (ConsentState.IN_ORDER, 1, None)),
    # two in order: the newest version is the one said
    ([consent(1, language="fr"), consent(3)], {"en": 3, "fr": 1}, "en",
     (ConsentState.IN_ORDER, 3, 3)),
])
def test_where_treatment_consent_stands(consents, current, language, expected):
    found = treatment_consent(consents, current, language)
    assert (found.state, found.signed_version, found.current_version) == expected


def test_what_the_practitioner_is_told_before_a_session():
    assert TreatmentConsent(ConsentState.IN_ORDER, 3, 3).warning is None
    assert TreatmentConsent(ConsentState.MISSING).warning == (
        "No valid treatment consent is recorded for this patient.")
    assert TreatmentConsent(ConsentState.OLDER_FORM, 2, 3).warning == (
        "Treatment consent was signed on form version 2; the current form is version 3. "
        "Consider asking the patient to sign it again.")


def test_a_consent_is_valid_until_withdrawn_and_kinds_have_names():
    assert consent(1).valid and not consent(1, withdrawn=True).valid
    assert [k.label for k in ConsentKind] == ["Treatment", "Clinical photography"]
