"""Outcomes across the practice on a small cohort whose every number is worked by
hand: who is analysed, not due, without a baseline or lost; the mean change with its
interval, the median and quartiles, the responders; each criterion of a cohort; two
cohorts side by side; on SQLite and PostgreSQL alike."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pytest

from mesolog.domain.cohort import Cohort, Follow, Outcome, OutcomeKind, observational
from mesolog.domain.course import CourseDetails
from mesolog.domain.measurement import MeasurementDetails
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.practitioner import Role
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.session import ProductUse
from mesolog.domain.validation import ValidationError
from mesolog.services.outcomes import OutcomeService
from mesolog.services.practice_outcomes import PracticeOutcomesService
from mesolog.services.practitioners import PractitionerService
from tests.conftest import acting_as, details, fixed_clock
from tests.services.conftest import session_details

T_STUDENT_2 = 4.302653  # t(0.975; 2 degrees of freedom)


def _patient(c, chart: str, sex: Sex, diagnosis: Diagnosis, born: date, first: date | None,
             density: dict[int, float], *, lot: str = "fresh", sessions: int = 1,
             satisfaction: dict[int, int] | None = None, grades: tuple = ()) -> int:
    """A patient with sessions from ``first`` (weekly), and vertex densities (and
    satisfaction) by day after the first session."""
    patient = c["patients"].create(details(chart_no=chart, last_name=f"Name {chart}",
                                           first_name="Test", sex=sex, diagnosis=diagnosis,
                                           date_of_birth=born))
    if first is None:
        return patient.id
    for n in range(sessions):
        c["sessions"].create(patient.id, session_details(
            c, ProductUse(c[lot].id, 1.0),
            performed_at=datetime.combine(first + timedelta(days=7 * n),
                                          datetime.min.time()).replace(hour=10)))
    outcomes = OutcomeService(c["db"], fixed_clock)
    site = outcomes.add_site(patient.id, "vertex centre", ScalpZone.VERTEX)
    for day, value in sorted(density.items()):
        outcomes.record_measurement(patient.id, MeasurementDetails(
            site_id=site.id, taken_on=first + timedelta(days=day), density=value,
            satisfaction=(satisfaction or {}).get(day)))
    for day, scale, stage in grades:
        outcomes.record_grade(patient.id, scale, stage, first + timedelta(days=day))
    return patient.id


@pytest.fixture
def practice(clinic, db, patients):
    c = {**clinic, "db": db, "patients": patients}
    ids = {
        # analysed: +15 (a responder by 15 hairs and by 15 %)
        "A": _patient(c, "A-1", Sex.FEMALE, Diagnosis.FEMALE_AGA, date(1984, 3, 27),
                      date(2026, 1, 5), {0: 100, 182: 115}, sessions=2,
                      satisfaction={182: 5}, grades=((0, "ludwig", "II"), (180, "ludwig", "I"))),
        # analysed: +3 (2 %, not a responder); born on the day of the first session
        "B": _patient(c, "B-1", Sex.FEMALE, Diagnosis.FEMALE_AGA, date(2000, 1, 12),
                      date(2026, 1, 12), {0: 150, 170: 153}, lot="minox",
                      satisfaction={170: 3}, grades=((0, "ludwig", "II"), (170, "ludwig", "II"))),
        # analysed: baseline before the first session; of two follow-ups, the nearer one
        "C": _patient(c, "C-1", Sex.MALE, Diagnosis.MALE_AGA, date(1990, 6, 15),
                      date(2026, 2, 2), {-10: 120, 150: 160, 200: 132},
                      satisfaction={200: 4}, grades=((0, "norwood", "III"),
                                                     (200, "norwood", "IIIa"))),
        # lost: nothing near 6 months, and the window closed long ago
        "D": _patient(c, "D-1", Sex.FEMALE, Diagnosis.FEMALE_AGA, date(1970, 1, 1),
                      date(2026, 1, 20), {0: 130, 90: 131}),
        # not due: first session in September
        "E": _patient(c, "E-1", Sex.MALE, Diagnosis.MALE_AGA, date(1980, 1, 1),
                      date(2026, 9, 1), {0: 140}),
        # no baseline: first measured half a year in
        "F": _patient(c, "F-1", Sex.OTHER, Diagnosis.OTHER, date(1995, 1, 1),
                      date(2026, 1, 5), {180: 140}),
        # no session at all: no part of any cohort
        "G": _patient(c, "G-1", Sex.FEMALE, Diagnosis.FEMALE_AGA, date(1985, 1, 1), None, {}),
    }
    c["courses"].create(ids["A"], CourseDetails("Biotin 6 × 3 weeks", 6, 21,
                                                date(2026, 1, 5)))
    return PracticeOutcomesService(db, fixed_clock), ids


def _charts(result) -> dict[str, Follow]:
    return {p.chart_no: p.follow for p in result.patients}


def test_every_patient_counts_and_the_numbers_are_the_hand_worked_ones(practice):
    service, _ = practice
    result = service.cohort(Cohort(), Outcome())
    assert _charts(result) == {"A-1": Follow.ANALYSED, "B-1": Follow.ANALYSED,
                               "C-1": Follow.ANALYSED, "D-1": Follow.LOST,
                               "E-1": Follow.NOT_DUE, "F-1": Follow.NO_BASELINE}
    assert sorted(result.changes()) == [3, 12, 15]
    (c,) = [p for p in result.patients if p.chart_no == "C-1"]
    assert (c.baseline, c.follow_up, c.follow_up_day) == (120, 132, 200)
    summary = result.summary
    # mean 10; SD √39 (deviations 5, -7, 2); t(0.975; 2) · SD/√3 either side
    half = T_STUDENT_2 * math.sqrt(39) / math.sqrt(3)
    assert summary.mean.value == pytest.approx(10)
    assert (summary.mean.low, summary.mean.high) == pytest.approx((10 - half, 10 + half),
                                                                  abs=1e-4)
    assert (summary.median, summary.q1, summary.q3) == pytest.approx((12, 7.5, 13.5))
    assert result.responders == 2  # A (+15) and C (+12, 10 %); B's +3 is not
    assert result.responder_rate.value == pytest.approx(2 / 3)
    assert (result.count(Follow.LOST), result.count(Follow.NOT_DUE),
            result.count(Follow.NO_BASELINE)) == (1, 1, 1)
    # the course: month 0 (the baselines on the first day, change 0; C was measured
    # before it), then each value in the month it rounds to
    assert (result.course[0].month, result.course[0].patients) == (0, 4)  # A, B, D, E
    months = {m.month: (m.patients, m.mean_change) for m in result.course}
    # day 182 and 170 are in month 6 (A +15, B +3); C's day 150 in month 5, 200 in 7
    assert months[6] == (2, pytest.approx(9)) and months[7] == (1, pytest.approx(12))
    assert months[5] == (1, pytest.approx(40))


def test_a_responder_is_either_rule_and_the_rules_can_be_set(practice):
    service, _ = practice
    strict = service.cohort(Cohort(), Outcome(responder_hairs=13, responder_percent=12))
    assert strict.responders == 1  # only A's +15 (15 %); C's +12 is 10 %
    loose = service.cohort(Cohort(), Outcome(responder_hairs=50, responder_percent=2))
    assert loose.responders == 3  # B's 2 % counts now


@pytest.mark.parametrize(("cohort", "charts"), [
    (Cohort(diagnoses=frozenset({Diagnosis.FEMALE_AGA})), {"A-1", "B-1", "D-1"}),
    (Cohort(sexes=frozenset({Sex.MALE})), {"C-1", "E-1"}),
    (Cohort(age_from=26, age_to=35), {"B-1", "C-1", "F-1"}),  # B turns 26 that day
    (Cohort(age_from=27, age_to=35), {"C-1", "F-1"}),
    (Cohort(age_to=30), {"B-1"}),  # F is 31 at the first session
    (Cohort(protocol="Biotin 6 × 3 weeks"), {"A-1"}),
    (Cohort(first_from=date(2026, 2, 1)), {"C-1", "E-1"}),
    (Cohort(first_to=date(2026, 1, 12)), {"A-1", "B-1", "F-1"}),
    (Cohort(min_sessions=2), {"A-1"}),
])
def test_each_criterion_picks_its_patients(practice, cohort, charts):
    service, _ = practice
    assert set(_charts(service.cohort(cohort, Outcome()))) == charts


def test_a_product_given_picks_who_received_it(practice, clinic):
    service, _ = practice
    chosen = service.cohort(Cohort(product_id=clinic["minox"].product_id), Outcome())
    assert set(_charts(chosen)) == {"B-1"}
    assert chosen.described() == "given Minoxidil 0.5 %"  # by name, for every reader
    assert (clinic["minox"].product_id, "Minoxidil 0.5 %") in service.products()
    assert service.protocols() == ["Biotin 6 × 3 weeks"]


def test_grades_and_satisfaction(practice):
    service, _ = practice
    grades = service.cohort(Cohort(), Outcome(kind=OutcomeKind.GRADE))
    assert sorted(grades.changes()) == [-1, 0, 1]  # A a stage better, C a stage worse
    assert grades.responders == 1 and grades.course == ()
    assert _charts(grades)["D-1"] is Follow.NO_BASELINE  # never graded
    satisfaction = service.cohort(Cohort(), Outcome(kind=OutcomeKind.SATISFACTION))
    assert sorted(satisfaction.changes()) == [3, 4, 5]
    assert satisfaction.responders == 2  # 4 or 5
    assert _charts(satisfaction)["F-1"] is Follow.LOST  # no score at all, no baseline needed


def test_two_cohorts_side_by_side(practice):
    service, _ = practice
    compared = service.compare(Cohort(sexes=frozenset({Sex.FEMALE})),
                               Cohort(sexes=frozenset({Sex.MALE})), Outcome())
    assert compared.a.changes() == [15, 3] and compared.b.changes() == [12]
    assert compared.mean_difference is None  # one man analysed: no interval
    rates = compared.rate_difference
    assert rates.estimate.value == pytest.approx(0.5 - 1.0)
    assert "not a trial" in observational()


def test_bad_choices_are_refused_in_words(practice):
    service, _ = practice
    with pytest.raises(ValidationError, match="ends before it begins"):
        service.cohort(Cohort(age_from=50, age_to=40), Outcome())
    with pytest.raises(ValidationError, match="3, 6 or 12 months"):
        service.cohort(Cohort(), Outcome(months=4))


def test_an_assistant_may_not_see_outcomes_across_the_practice(db, practice):
    helper = PractitionerService(db).create("Ann Assist", "annassist", Role.ASSISTANT)
    with pytest.raises(NotPermitted, match="outcomes and side effects across the practice"):
        PracticeOutcomesService(acting_as(db, helper), fixed_clock).cohort(Cohort(),
                                                                           Outcome())


@pytest.mark.sqlite_only("the demo clinic is built once, on a file")
def test_the_demo_clinics_responders_come_out_as_the_demo_builds_them(db, demo_template):
    """The demo makes six patients in ten respond (a gain of 1.5 to 4 % a month) and the
    others stay level (each measurement within 2 % of the truth): the responder share
    shown is inside its interval around 60 %, and the level ones are level."""
    from tests.conftest import fill_with_demo

    fill_with_demo(db, demo_template(300, 5))
    result = PracticeOutcomesService(db, fixed_clock).cohort(Cohort(), Outcome())
    analysed = result.analysed
    rate = result.responder_rate
    assert len(analysed) >= 40 and rate.contains(0.6), (len(analysed), rate)
    level = [p for p in analysed if abs(p.percent) < 4.5]
    assert all(not p.responds(result.outcome) for p in level)
    assert len(level) + result.responders <= len(analysed)
    course = {m.month: m.mean_change for m in result.course}
    assert course[0] == pytest.approx(0) and 0 < course[3] < course[6]


@pytest.mark.sqlite_only("the command line is given the test's file")
def test_the_command_line_gives_the_same_numbers(db, db_path, demo_template, tmp_path,
                                                 capsys, monkeypatch):
    import csv
    import io
    import json

    from mesolog.cli import main
    from tests.conftest import fill_with_demo, open_as_administrator

    fill_with_demo(db, demo_template(30, 2))
    expected = PracticeOutcomesService(db).cohort(
        Cohort(diagnoses=frozenset({Diagnosis.FEMALE_AGA, Diagnosis.MALE_AGA})), Outcome())
    db.close()
    from mesolog.services.demo import DEMO_PASSWORD
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    command = ["cohort", "--db", str(db_path), "--diagnosis", "female_aga",
               "--diagnosis", "male_aga", "--outcome", "density", "--months", "6"]
    assert main([*command, "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    numbers = found["numbers"]
    assert numbers["patients"] == len(expected.patients) > 0
    assert numbers["analysed"] == len(expected.analysed)
    assert numbers["mean_change"] == pytest.approx(expected.summary.mean.value)
    assert numbers["responder_rate_low"] == pytest.approx(expected.responder_rate.low)
    assert [p["chart_no"] for p in found["patients"]] == [p.chart_no for p in
                                                          expected.patients]
    assert main([*command, "--format", "csv"]) == 0
    rows = dict(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert float(rows["mean_change_high"]) == pytest.approx(expected.summary.mean.high)
    assert int(rows["lost"]) == expected.count(Follow.LOST)
    target = tmp_path / "patients.csv"
    assert main([*command, "--format", "csv", "--patients", "-o", str(target)]) == 0
    patients = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(patients) == len(expected.patients)
    assert {p["counts_as"] for p in patients} <= {f.value for f in Follow}
    assert main([*command, "--product", "No Such Product"]) == 1
    assert "no product named 'No Such Product'" in capsys.readouterr().err
    (_id, product), *_ = PracticeOutcomesService(open_as_administrator(db_path)).products()
    assert main([*command, "--product", product, "--format", "csv"]) == 0
    rows = dict(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows["cohort"].endswith(f"; given {product}")  # by name, not its number
    assert main([*command, "--age-from", "60", "--age-to", "20"]) == 1
    assert "ends before it begins" in capsys.readouterr().err
    safety = PracticeOutcomesService(open_as_administrator(db_path)).safety()
    assert main(["cohort", "--db", str(db_path), "--safety", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert (found["sessions"], found["side_effects"]) == (safety.sessions, safety.events)
    assert len(found["rows"]) == len(safety.rows)
    assert main(["cohort", "--db", str(db_path), "--safety", "--format", "csv",
                 "--sessions-from", "2026-01-01", "--sessions-to", "2025-01-01"]) == 1
    assert "ends before it begins" in capsys.readouterr().err
    assert main(["cohort", "--db", str(db_path), "--safety", "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[1][:4] == ["practice", "every session", str(safety.sessions),
                           str(safety.events)]


def test_side_effects_per_100_sessions_and_the_lot_that_stands_out(clinic, db, patients):
    from mesolog.domain.adverse_event import EventDetails, EventKind
    from mesolog.domain.safety import SafetyGroup
    from mesolog.services.adverse_events import AdverseEventService

    events = AdverseEventService(db, fixed_clock)
    c = clinic
    start = date(2026, 3, 2)
    # 40 sessions with the fresh biotin lot (1 side effect), 20 with minoxidil (12)
    for n in range(60):
        lot, hit = ("fresh", n == 0) if n < 40 else ("minox", n < 52)
        day = start + timedelta(days=n)
        made = c["sessions"].create(c["patient"].id, session_details(
            c, ProductUse(c[lot].id, 1.0),
            performed_at=datetime.combine(day, datetime.min.time()).replace(hour=10)))
        if hit:
            events.record(EventDetails(session_id=made.id, kind=EventKind.PAIN, onset=day,
                                       grade=2 if n % 2 else 1))
    service = PracticeOutcomesService(db, fixed_clock)
    report = service.safety()
    assert (report.sessions, report.events) == (60, 13)
    assert report.rate.value == pytest.approx(100 * 13 / 60)
    (kind,) = report.of(SafetyGroup.KIND)
    assert (kind.label, kind.events) == ("Pain", 13)
    assert sorted(row.events for row in report.of(SafetyGroup.GRADE)) == [6, 7]
    lots = {row.label: row for row in report.of(SafetyGroup.LOT)}
    minox = lots["Minoxidil 0.5 %, lot M-77"]
    assert (minox.sessions, minox.events, minox.stands_out) == (20, 12, True)
    # twelve or more where 20 · 13/60 = 4.33 are expected: the Poisson tail, summed here
    mu = 20 * 13 / 60
    tail = 1 - sum(math.exp(-mu) * mu ** k / math.factorial(k) for k in range(12))
    assert minox.p_value == pytest.approx(tail) and tail < 0.01
    fresh = lots["Biotin complex, lot B-2031"]
    assert (fresh.sessions, fresh.events, fresh.stands_out) == (40, 1, False)
    assert [row.label for row in report.flagged] == ["Minoxidil 0.5 %, lot M-77"]
    products = {row.label: (row.sessions, row.events) for row in report.of(SafetyGroup.PRODUCT)}
    assert products == {"Biotin complex": (40, 1), "Minoxidil 0.5 %": (20, 12)}
    march = service.safety(date(2026, 3, 1), date(2026, 3, 31))
    assert (march.sessions, march.events) == (30, 1)
    with pytest.raises(ValidationError, match="ends before it begins"):
        service.safety(date(2026, 4, 1), date(2026, 3, 1))
