"""A cohort's criteria at their limits: ages 0 to 120 and just past, a band or a period
that ends before it begins, 1 to 1000 sessions; the outcome kinds and how a patient
counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mesolog.domain.cohort import MAX_AGE, Cohort, Follow, OutcomeKind
from mesolog.domain.validation import ValidationError


def refused(cohort: Cohort) -> dict[str, str]:
    try:
        assert cohort.check() is cohort
    except ValidationError as e:
        return {error.field: error.message for error in e.errors}
    return {}


AGE = f"Age: 0 to {MAX_AGE} years."


@pytest.mark.parametrize(("changes", "errors"), [
    ({}, {}),
    ({"age_from": 0, "age_to": MAX_AGE}, {}),
    ({"age_from": -1}, {"age_from": AGE}),
    ({"age_to": MAX_AGE + 1}, {"age_to": AGE}),
    ({"age_from": 40, "age_to": 40}, {}),  # a band of one year
    ({"age_from": 41, "age_to": 40}, {"age_to": "The age band ends before it begins."}),
    ({"first_from": date(2026, 1, 1), "first_to": date(2026, 1, 1)}, {}),
    ({"first_from": date(2026, 1, 2), "first_to": date(2026, 1, 1)},
     {"first_to": "The period ends before it begins."}),
    ({"min_sessions": 1}, {}), ({"min_sessions": 0},
                                {"min_sessions": "At least 1 to 1000 sessions."}),
    ({"min_sessions": 1000}, {}), ({"min_sessions": 1001},
                                   {"min_sessions": "At least 1 to 1000 sessions."}),
])
def test_a_cohorts_criteria_at_their_limits(changes, errors):
    assert refused(replace(Cohort(), **changes)) == errors


def test_the_outcomes_and_how_a_patient_counts():
    assert MAX_AGE == 120
    assert [k.unit for k in OutcomeKind] == ["hairs/cm²", "stages", "points"]
    assert [k.needs_baseline for k in OutcomeKind] == [True, True, False]
    assert [f.label for f in Follow] == ["Analysed", "Not due yet", "No baseline",
                                         "Lost to follow-up"]
