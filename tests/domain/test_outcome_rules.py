from datetime import date

import pytest

from mesolog.domain.measurement import MeasurementDetails, change_since_baseline, check_measurement
from mesolog.domain.scales import LUDWIG, NORWOOD_HAMILTON, SCALES, SINCLAIR, salt_score
from mesolog.domain.validation import ValidationError

TODAY = date(2026, 11, 25)


def test_scales_are_complete_and_ordered():
    assert [s.code for s in NORWOOD_HAMILTON.stages] == [
        "I", "II", "IIa", "III", "IIIa", "III vertex", "IV", "IVa", "V", "Va", "VI", "VII"]
    assert [s.code for s in LUDWIG.stages] == ["I", "II", "III"]
    assert [s.code for s in SINCLAIR.stages] == ["1", "2", "3", "4", "5"]
    for scale in SCALES.values():
        assert all(stage.description for stage in scale.stages)
        assert len({stage.code for stage in scale.stages}) == len(scale.stages)
    assert NORWOOD_HAMILTON.rank("III vertex") < NORWOOD_HAMILTON.rank("IV")
    with pytest.raises(ValidationError):
        LUDWIG.stage("IV")


@pytest.mark.parametrize(("vertex", "left", "right", "back", "score"), [
    (0, 0, 0, 0, 0.0),
    (100, 100, 100, 100, 100.0),
    (50, 0, 0, 0, 20.0),          # half the top: 0.4 × 50
    (0, 100, 0, 0, 18.0),
    (25, 10, 10, 50, 25.6),        # 10 + 1.8 + 1.8 + 12
    (100, 0, 0, 100, 64.0),
])
def test_salt_worked_examples(vertex, left, right, back, score):
    assert salt_score(vertex, left, right, back) == score


def test_salt_refuses_impossible_percentages():
    with pytest.raises(ValidationError) as caught:
        salt_score(120, 0, -5, 0)
    assert {e.field for e in caught.value.errors} == {"salt_vertex", "salt_right"}


def test_terminal_vellus_ratio():
    assert MeasurementDetails(terminal_count=120, vellus_count=40).tv_ratio == 3.0
    assert MeasurementDetails(terminal_count=100, vellus_count=30).tv_ratio == 3.33
    assert MeasurementDetails(terminal_count=100, vellus_count=0).tv_ratio is None
    assert MeasurementDetails(vellus_count=10).tv_ratio is None


def test_change_since_baseline():
    change = change_since_baseline([(date(2026, 6, 1), 150.0), (date(2026, 3, 1), 120.0),
                                    (date(2026, 9, 1), None), (date(2026, 4, 1), 130.0)])
    assert (change.baseline, change.latest, change.absolute, change.percent) == (
        120.0, 150.0, 30.0, 25.0)
    assert change_since_baseline([(date(2026, 3, 1), 120.0)]) is None
    assert change_since_baseline([(date(2026, 3, 1), 0.0), (date(2026, 4, 1), 5.0)]).percent \
        is None


@pytest.mark.parametrize(("field", "value"), [
    ("density", 601.0), ("density", -1.0), ("density", float("nan")),
    ("shaft_diameter_um", 4.0), ("shaft_diameter_um", 151.0), ("anagen_pct", 101.0),
    ("satisfaction", 0), ("satisfaction", 6), ("pull_test", -1),
])
def test_out_of_range_values_are_refused_with_the_field_named(field, value):
    with pytest.raises(ValidationError) as caught:
        check_measurement(MeasurementDetails(site_id=1, taken_on=TODAY, **{field: value}), TODAY)
    assert caught.value.for_field(field)


def test_anagen_and_telogen_cannot_exceed_100_together():
    with pytest.raises(ValidationError) as caught:
        check_measurement(MeasurementDetails(site_id=1, taken_on=TODAY, anagen_pct=80,
                                             telogen_pct=30), TODAY)
    assert caught.value.for_field("telogen_pct")
