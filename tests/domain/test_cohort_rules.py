"""A cohort's criteria at their limits: ages 0 to 120 and just past, a band or a period
that ends before it begins, 1 to 1000 sessions; the outcome kinds and how a patient
counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from mesolog.domain.cohort import (
    MAX_AGE,
    Cohort,
    CohortResult,
    Comparison,
    Follow,
    Outcome,
    OutcomeKind,
    PatientOutcome,
    distribution,
    follow_of,
    is_due,
    observational,
)
from mesolog.domain.intervals import newcombe, spread, welch, wilson
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.translation import speaking
from mesolog.domain.validation import ValidationError


def refused(settings: Cohort | Outcome) -> dict[str, str]:
    try:
        assert settings.check() is settings
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


def test_a_cohort_in_words_names_every_criterion_in_order():
    everything = Cohort(diagnoses=frozenset({Diagnosis.MALE_AGA, Diagnosis.ALOPECIA_AREATA}),
                        sexes=frozenset({Sex.MALE, Sex.FEMALE}), age_from=30,
                        protocol="Dutasteride 6", product_id=7,
                        first_from=date(2026, 1, 2), min_sessions=2)
    assert everything.described() == (
        "Alopecia areata or Male androgenetic alopecia; female or male; "
        "aged 30–120 at the first session; protocol “Dutasteride 6”; given product #7; "
        "first session 2026-01-02 to …; at least 2 sessions")
    assert Cohort(age_to=50, product_id=7, first_to=date(2026, 1, 2)).described(
        "Dutasteride") == ("aged 0–50 at the first session; given Dutasteride; "
                           "first session … to 2026-01-02")
    # an age of 0 is an age, not "no limit"
    assert Cohort(age_from=0, age_to=0).described() == "aged 0–0 at the first session"
    assert Cohort(product_id=0).described() == "given product #0"
    # one session is every patient's: not said
    assert Cohort(min_sessions=1).described() == "every patient with a session"
    assert Cohort(min_sessions=1000).described() == "at least 1000 sessions"
    with speaking("fr"):
        assert Cohort(min_sessions=2).described() == "au moins 2 séances"


MONTHS, WINDOW = "At 3, 6 or 12 months.", "A window of 7 to 120 days."
HAIRS, PERCENT = "A gain of 0 to 200 hairs/cm².", "A gain of 0 to 200 %."
BASELINE = "A baseline 0 to 90 days after the first session."


@pytest.mark.parametrize(("changes", "errors"), [
    ({}, {}),
    ({"months": 3}, {}), ({"months": 12}, {}),
    ({"months": 4}, {"months": MONTHS}), ({"months": 0}, {"months": MONTHS}),
    ({"window_days": 7}, {}), ({"window_days": 6}, {"window_days": WINDOW}),
    ({"window_days": 120}, {}), ({"window_days": 121}, {"window_days": WINDOW}),
    ({"responder_hairs": 0.01}, {}), ({"responder_hairs": 0}, {"responder_hairs": HAIRS}),
    ({"responder_hairs": 200}, {}), ({"responder_hairs": 200.01},
                                     {"responder_hairs": HAIRS}),
    ({"responder_percent": 0.01}, {}),
    ({"responder_percent": 0}, {"responder_percent": PERCENT}),
    ({"responder_percent": 200}, {}),
    ({"responder_percent": 200.01}, {"responder_percent": PERCENT}),
    ({"baseline_days": 0}, {}), ({"baseline_days": -1}, {"baseline_days": BASELINE}),
    ({"baseline_days": 90}, {}), ({"baseline_days": 91}, {"baseline_days": BASELINE}),
    ({"months": 5, "window_days": 200, "responder_hairs": -1, "responder_percent": 300,
      "baseline_days": 100},
     {"months": MONTHS, "window_days": WINDOW, "responder_hairs": HAIRS,
      "responder_percent": PERCENT, "baseline_days": BASELINE}),
])
def test_an_outcomes_settings_at_their_limits(changes, errors):
    assert refused(replace(Outcome(), **changes)) == errors


def test_an_outcome_in_words_and_its_day():
    assert Outcome(months=6).target_day == pytest.approx(182.625)
    assert Outcome(months=12).target_day == pytest.approx(365.25)
    density = Outcome(responder_hairs=12.5, responder_percent=8, months=3, window_days=30)
    assert density.responder_rule == "a gain of at least 12.5 hairs/cm² or 8 % at 3 months"
    # to one decimal, as the window's boxes take them
    assert Outcome(responder_hairs=12.25, responder_percent=8.75).responder_rule == (
        "a gain of at least 12.2 hairs/cm² or 8.8 % at 6 months")
    assert density.described() == ("Change in hair density (hairs/cm²) at the vertex / crown "
                                   "site at 3 months (±30 days) from the first session")
    grade = Outcome(kind=OutcomeKind.GRADE, months=12, window_days=60)
    assert grade.responder_rule == "at least one stage better at 12 months"
    assert grade.described() == ("Change of grade (stages on the patient's scale) at 12 "
                                 "months (±60 days) from the first session")
    satisfaction = Outcome(kind=OutcomeKind.SATISFACTION)
    assert satisfaction.responder_rule == "satisfaction 4 or 5 at 6 months"
    assert satisfaction.described() == ("Patient satisfaction (1–5) at 6 months (±45 days) "
                                        "from the first session")
    assert [k.label for k in OutcomeKind] == [
        "Change in hair density (hairs/cm²)",
        "Change of grade (stages on the patient's scale)", "Patient satisfaction (1–5)"]


def patient(follow: Follow = Follow.ANALYSED, baseline: float | None = 100.0,
            follow_up: float | None = 110.0, number: int = 1) -> PatientOutcome:
    return PatientOutcome(number, f"C{number}", f"Patient {number}", date(2026, 1, 5),
                          follow, baseline, follow_up, 180)


def test_a_patients_change_and_its_share_of_the_baseline():
    assert patient(baseline=100, follow_up=112).change == 12
    assert patient(baseline=100, follow_up=112).percent == pytest.approx(12)
    assert patient(baseline=80, follow_up=60).percent == pytest.approx(-25)
    # satisfaction has no baseline: the change is the value itself, with no share
    assert patient(baseline=None, follow_up=4).change == 4
    assert patient(baseline=None, follow_up=4).percent is None
    assert patient(baseline=0, follow_up=5).percent is None  # no share of nothing
    for follow in (Follow.NOT_DUE, Follow.NO_BASELINE, Follow.LOST):
        assert patient(follow).change is None
        assert patient(follow).percent is None
    assert patient(follow_up=None).change is None


@pytest.mark.parametrize(("baseline", "follow_up", "responds"), [
    (100, 110, True),  # 10 hairs: the gain at its limit
    (200, 209.9, False),  # 9.9 hairs and 4.95 %
    (50, 55, True),  # 5 hairs, but 10 %: the share at its limit
    (51, 56, False),  # 5 hairs, 9.8 %
    (0, 5, False),  # 5 hairs, no share of nothing
    (0, 10, True),
    (100, 90, False),
])
def test_a_density_responder_gains_the_hairs_or_the_share(baseline, follow_up, responds):
    assert patient(baseline=baseline, follow_up=follow_up).responds(Outcome()) is responds


def test_grade_and_satisfaction_responders():
    grade = Outcome(kind=OutcomeKind.GRADE)
    assert patient(baseline=4, follow_up=3).responds(grade) is True
    assert patient(baseline=4, follow_up=2).responds(grade) is True
    assert patient(baseline=4, follow_up=3.5).responds(grade) is False
    assert patient(baseline=4, follow_up=4).responds(grade) is False
    satisfaction = Outcome(kind=OutcomeKind.SATISFACTION)
    assert patient(baseline=None, follow_up=4).responds(satisfaction) is True
    assert patient(baseline=None, follow_up=5).responds(satisfaction) is True
    assert patient(baseline=None, follow_up=3.9).responds(satisfaction) is False
    assert patient(Follow.LOST).responds(satisfaction) is None
    assert patient(Follow.NOT_DUE).responds(Outcome()) is None


def test_how_a_patient_counts_from_what_was_found():
    assert follow_of(None, 5.0, due=True, needs_baseline=True) is Follow.NO_BASELINE
    assert follow_of(None, None, due=False, needs_baseline=True) is Follow.NO_BASELINE
    assert follow_of(None, 5.0, due=False, needs_baseline=False) is Follow.ANALYSED
    assert follow_of(3.0, 5.0, due=False, needs_baseline=True) is Follow.ANALYSED
    assert follow_of(3.0, 0.0, due=True, needs_baseline=True) is Follow.ANALYSED
    assert follow_of(3.0, None, due=True, needs_baseline=True) is Follow.LOST
    assert follow_of(3.0, None, due=False, needs_baseline=True) is Follow.NOT_DUE
    assert follow_of(None, None, due=True, needs_baseline=False) is Follow.LOST


def test_a_follow_up_is_due_once_its_window_has_closed():
    first = date(2026, 1, 1)
    six_months = Outcome(months=6, window_days=45)  # 182.625 + 45 days
    assert not is_due(first, six_months, first + timedelta(days=227))
    assert is_due(first, six_months, first + timedelta(days=228))
    three_months = Outcome(months=3, window_days=7)  # 91.3125 + 7
    assert not is_due(first, three_months, first + timedelta(days=98))
    assert is_due(first, three_months, first + timedelta(days=99))


def test_a_cohorts_numbers_count_the_analysed_patients_only():
    patients = (patient(baseline=100, follow_up=120, number=1),  # responds
                patient(baseline=100, follow_up=104, number=2),  # does not
                patient(baseline=50, follow_up=56, number=3),  # 12 %: responds
                patient(Follow.LOST, follow_up=None, number=4),
                patient(Follow.NOT_DUE, follow_up=None, number=5),
                patient(Follow.NOT_DUE, follow_up=None, number=6),
                patient(Follow.NO_BASELINE, baseline=None, number=7))
    result = CohortResult(Cohort(), Outcome(), patients)
    assert [p.patient_id for p in result.analysed] == [1, 2, 3]
    assert result.changes() == [20, 4, 6]
    assert result.summary == spread([20, 4, 6])
    assert result.summary.n == 3
    assert result.responders == 2
    assert result.responder_rate == wilson(2, 3)
    assert [result.count(f) for f in Follow] == [3, 2, 1, 1]
    nobody = CohortResult(Cohort(), Outcome(), patients[3:])
    assert (nobody.summary, nobody.responders, nobody.responder_rate) == (None, 0, None)


def test_two_cohorts_compared_a_minus_b():
    a = CohortResult(Cohort(), Outcome(), (patient(baseline=100, follow_up=130, number=1),
                                           patient(baseline=100, follow_up=125, number=2),
                                           patient(baseline=100, follow_up=102, number=3)))
    b = CohortResult(Cohort(), Outcome(), (patient(baseline=100, follow_up=101, number=4),
                                           patient(baseline=100, follow_up=112, number=5),
                                           patient(baseline=100, follow_up=100, number=6),
                                           patient(Follow.LOST, follow_up=None, number=7)))
    both = Comparison(a, b)
    assert both.mean_difference == welch([30, 25, 2], [1, 12, 0])
    assert both.mean_difference.estimate.value == pytest.approx(19 - 13 / 3)
    assert both.rate_difference == newcombe(2, 3, 1, 3)
    assert both.rate_difference.estimate.value == pytest.approx(1 / 3)
    assert observational().startswith("These are the practice's own records, not a trial")


def test_the_spread_of_changes_in_equal_stretches():
    assert distribution([]) == []
    assert distribution([5.0, 5.0, 5.0]) == [(5.0, 5.0, 3)]
    assert distribution([0.0, 1.0, 2.0, 3.0, 4.0], bins=4) == [
        (0.0, 1.0, 1), (1.0, 2.0, 1), (2.0, 3.0, 1), (3.0, 4.0, 2)]  # the last holds 4
    assert distribution([0.0, 3.0, 8.0], bins=4) == [
        (0.0, 2.0, 1), (2.0, 4.0, 1), (4.0, 6.0, 0), (6.0, 8.0, 1)]  # stretches of 2
    assert distribution([0.0, 0.4, 1.0], bins=2) == [(0.0, 0.5, 2), (0.5, 1.0, 1)]
    twelve = distribution([-6.0, 0.0, 5.9, 6.0])
    assert len(twelve) == 12
    assert twelve[0] == (-6.0, -5.0, 1)
    assert twelve[6] == (0.0, 1.0, 1)
    assert twelve[11] == pytest.approx((5.0, 6.0, 2))
    assert sum(n for _low, _high, n in twelve) == 4


def test_a_cohorts_result_names_its_product():
    given = Cohort(product_id=7)
    assert CohortResult(given, Outcome(), (), product_name="Dutasteride").described() == (
        "given Dutasteride")
    assert CohortResult(given, Outcome(), ()).described() == "given product #7"  # deleted
