"""Every bound of a measurement, read from the domain's table, at its limit and just
past it on both sides; the date, the site, anagen with telogen; change since baseline."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, timedelta

import pytest

from mesolog.domain.measurement import (
    BOUNDS,
    TERMINAL_MIN_UM,
    Change,
    MeasurementDetails,
    Metric,
    change_since_baseline,
    check_measurement,
)
from tests.domain.refusals import refusals

TODAY = date(2026, 11, 25)
SOUND = MeasurementDetails(site_id=1, taken_on=TODAY, density=150.0)
WHOLE = {"terminal_count", "vellus_count", "pull_test", "satisfaction"}


def refused(details: MeasurementDetails) -> dict[str, list[str]]:
    return refusals(check_measurement, details, TODAY)


def edges() -> list[tuple[str, float, str]]:
    """(field, value, message or "") at each limit of BOUNDS and just past it."""
    cases = []
    for name, (low, high, message) in BOUNDS.items():
        step = 1 if name in WHOLE else 0.01
        cases += [(name, low, ""), (name, low - step, message),
                  (name, high, ""), (name, high + step, message)]
    return cases


@pytest.mark.parametrize(("name", "value", "message"), edges())
def test_each_bound_of_a_measurement_at_its_limit_and_just_past(name, value, message):
    expected = {name: [message]} if message else {}
    if name in ("anagen_pct", "telogen_pct") and value > 100:  # the two share a hundred
        expected.setdefault("telogen_pct", []).append(
            "Anagen and telogen together exceed 100 %.")
    assert refused(replace(SOUND, **{name: value})) == expected


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_not_a_number_is_refused_in_every_field(name):
    assert name in refused(replace(SOUND, **{name: math.nan}))


def test_the_table_says_what_the_messages_say():
    assert {name: (low, high) for name, (low, high, _) in BOUNDS.items()} == {
        "density": (0, 600), "terminal_count": (0, 2000), "vellus_count": (0, 2000),
        "shaft_diameter_um": (5, 150), "anagen_pct": (0, 100), "telogen_pct": (0, 100),
        "pull_test": (0, 100), "satisfaction": (1, 5)}
    assert TERMINAL_MIN_UM == 40


def test_a_measurement_of_today_is_taken_and_of_tomorrow_refused():
    assert refused(SOUND) == {}
    assert refused(replace(SOUND, taken_on=TODAY + timedelta(days=1))) == {
        "taken_on": ["The date cannot be in the future."]}
    assert refused(replace(SOUND, taken_on=None)) == {"taken_on": ["Date is required."]}
    assert refused(replace(SOUND, site_id=None)) == {
        "site_id": ["Choose the measurement site."]}


def test_anagen_and_telogen_together_up_to_a_hundred():
    assert refused(replace(SOUND, anagen_pct=60, telogen_pct=40)) == {}
    assert refused(replace(SOUND, anagen_pct=60, telogen_pct=40.5)) == {
        "telogen_pct": ["Anagen and telogen together exceed 100 %."]}
    assert refused(replace(SOUND, anagen_pct=None, telogen_pct=100)) == {}


def test_at_least_one_measure_and_notes_within_bounds():
    assert refused(replace(SOUND, density=None)) == {
        "density": ["Enter at least one measurement."]}
    assert refused(replace(SOUND, density=None, satisfaction=3)) == {}
    assert refused(replace(SOUND, notes="n" * 10_000)) == {}
    assert refused(replace(SOUND, notes="n" * 10_001)) == {
        "notes": ["Notes: at most 10,000 characters."]}
    assert refused(replace(SOUND, notes="bell\x07")) == {
        "notes": ["Notes: at most 10,000 characters."]}


def test_terminal_to_vellus_ratio_and_each_metrics_value():
    counts = replace(SOUND, terminal_count=150, vellus_count=40, anagen_pct=85.0)
    assert counts.tv_ratio == 3.75
    assert replace(counts, vellus_count=0).tv_ratio is None
    assert replace(counts, terminal_count=None).tv_ratio is None
    assert counts.value(Metric.TV_RATIO) == 3.75
    assert counts.value(Metric.DENSITY) == 150.0
    assert counts.value(Metric.ANAGEN) == 85.0
    assert [m.label for m in Metric] == [
        "Hair density (hairs/cm²)", "Mean shaft diameter (µm)", "Terminal/vellus ratio",
        "Anagen (%)", "Patient satisfaction (1–5)"]


def test_change_from_the_first_to_the_latest_by_date():
    change = change_since_baseline([(date(2026, 6, 1), 161.0), (date(2026, 3, 1), 140.0),
                                    (date(2026, 4, 1), None), (date(2026, 5, 1), 120.0)])
    assert (change.baseline, change.latest, change.absolute, change.percent) == (
        140.0, 161.0, 21.0, 15.0)
    assert change.text == "+21 (+15 %), from 140 to 161"
    assert change_since_baseline([(date(2026, 3, 1), 140.0), (date(2026, 4, 1), None)]) is None
    fall = Change(120.0, 90.5)
    assert (fall.absolute, fall.percent) == (-29.5, -24.6)
    assert fall.text == "-29.5 (-24.6 %), from 120 to 90.5"
    from_zero = Change(0.0, 5.0)
    assert from_zero.percent is None and from_zero.text == "+5, from 0 to 5"
    # to the hundredth at most, the share to the tenth
    fine = Change(1.234, 2.5678)
    assert (fine.absolute, fine.percent) == (1.33, 108.1)
    assert fine.text == "+1.33 (+108.1 %), from 1.23 to 2.57"
