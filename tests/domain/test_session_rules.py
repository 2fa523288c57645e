"""Every bound of a session, at its limit and just past it on both sides, read from the
domain's own tables; every field a session must have; a lot listed once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.scalp import ScalpView
from mesolog.domain.session import (
    DEPTH_MM,
    NEEDLE_GAUGES,
    NEEDLE_LENGTH_MM,
    NOTES_MAX,
    PAIN_SCORE,
    VOLUME_ML,
    Device,
    ProductUse,
    SessionDetails,
    Technique,
    check_session,
    check_session_in_life,
)
from mesolog.domain.validation import ValidationError

NOW = datetime(2026, 11, 25, 10, 30)
SOUND = SessionDetails(performed_at=datetime(2026, 11, 25, 9, 0), practitioner_id=1,
                       technique=Technique.NAPPAGE, device=Device.MANUAL,
                       products=(ProductUse(1, 2.0),))
JUST = 0.001  # just past a bound given in mm or ml (what the fields take: 3 decimals)


def refused_fields(details: SessionDetails) -> dict[str, list[str]]:
    try:
        check_session(details, NOW)
    except ValidationError as e:
        fields: dict[str, list[str]] = {}
        for error in e.errors:
            fields.setdefault(error.field, []).append(error.message)
        return fields
    return {}


def test_a_sound_session_passes_as_given():
    assert check_session(SOUND, NOW) is SOUND


# (field, the value at a limit or just past it, whether it is taken)
BOUNDS = [
    ("needle_gauge", NEEDLE_GAUGES.start, True), ("needle_gauge", NEEDLE_GAUGES.start - 1, False),
    ("needle_gauge", NEEDLE_GAUGES.stop - 1, True), ("needle_gauge", NEEDLE_GAUGES.stop, False),
    ("needle_length_mm", NEEDLE_LENGTH_MM[0], True),
    ("needle_length_mm", NEEDLE_LENGTH_MM[0] - JUST, False),
    ("needle_length_mm", NEEDLE_LENGTH_MM[1], True),
    ("needle_length_mm", NEEDLE_LENGTH_MM[1] + JUST, False),
    ("depth_mm", DEPTH_MM[0], True), ("depth_mm", DEPTH_MM[0] - JUST, False),
    ("depth_mm", DEPTH_MM[1], True), ("depth_mm", DEPTH_MM[1] + JUST, False),
    ("pain_score", PAIN_SCORE.start, True), ("pain_score", PAIN_SCORE.start - 1, False),
    ("pain_score", PAIN_SCORE.stop - 1, True), ("pain_score", PAIN_SCORE.stop, False),
    ("notes", "n" * NOTES_MAX, True), ("notes", "n" * (NOTES_MAX + 1), False),
    ("notes", "line one\nline two\ttabbed", True), ("notes", "bell\x07", False),
]


@pytest.mark.parametrize(("name", "value", "taken"), BOUNDS)
def test_each_bound_of_a_session_at_its_limit_and_just_past(name, value, taken):
    refused = refused_fields(replace(SOUND, **{name: value}))
    assert (name not in refused) is taken
    assert set(refused) <= {name}  # nothing else refused on the way


@pytest.mark.parametrize("value", [
    pytest.param(None, id="left empty"),
])
@pytest.mark.parametrize("name", ["needle_gauge", "needle_length_mm", "depth_mm",
                                  "pain_score"])
def test_the_optional_measures_may_be_left_empty(name, value):
    assert refused_fields(replace(SOUND, **{name: value})) == {}


@pytest.mark.parametrize(("volume", "taken"), [
    (VOLUME_ML[0], True), (VOLUME_ML[0] - JUST, False),
    (VOLUME_ML[1], True), (VOLUME_ML[1] + JUST, False),
])
def test_each_products_volume_at_its_limit_and_just_past(volume, taken):
    details = replace(SOUND, products=(ProductUse(1, 2.0), ProductUse(2, volume)))
    assert ("products" not in refused_fields(details)) is taken


@pytest.mark.parametrize(("name", "message"), [
    ("performed_at", "Date and time of the session are required."),
    ("practitioner_id", "Choose who performed the session."),
    ("technique", "Choose the technique."),
    ("device", "Choose the device."),
])
def test_a_session_missing_what_it_must_have_names_the_field(name, message):
    assert refused_fields(replace(SOUND, **{name: None})) == {name: [message]}


def test_a_session_needs_a_product_and_each_lot_once():
    assert refused_fields(replace(SOUND, products=())) == {
        "products": ["Add at least one product with its lot and volume."]}
    twice = replace(SOUND, products=(ProductUse(1, 1.0), ProductUse(2, 1.0),
                                     ProductUse(1, 0.5)))
    assert refused_fields(twice) == {
        "products": ["The same lot is listed twice; add the volumes together."]}
    assert refused_fields(replace(SOUND, products=(ProductUse(1, 1.0), ProductUse(2, 1.0)))
                          ) == {}


def test_a_session_up_to_the_current_minute_is_not_in_the_future():
    assert refused_fields(replace(SOUND, performed_at=NOW.replace(second=59))) == {}
    assert refused_fields(replace(SOUND, performed_at=NOW.replace(minute=31))) == {
        "performed_at": ["The session cannot be in the future."]}


def test_the_maps_volume_is_what_the_products_say():
    point = InjectionPoint(ScalpView.TOP, 0.5, 0.5, 1.5, 0.05, 1)
    mapped = replace(SOUND, products=(ProductUse(1, 0.05),), points=(point,))
    assert refused_fields(mapped) == {}
    # half a thousandth either way is rounding (the map's total is kept to 3 decimals)
    assert refused_fields(replace(mapped, products=(ProductUse(1, 0.0504),))) == {}
    assert refused_fields(replace(mapped, products=(ProductUse(1, 0.0496),))) == {}
    assert "products" in refused_fields(replace(mapped, products=(ProductUse(1, 0.0494),)))
    assert refused_fields(replace(mapped, products=(ProductUse(1, 0.0506),))) == {
        "products": ["A mapped product's volume must be the sum of its points on the map."]}
    assert refused_fields(replace(mapped, products=(ProductUse(2, 0.05),))) == {
        "injection_map": ["A point on the map uses a lot that is not in the session's "
                          "products."]}


def test_a_session_is_dated_within_the_patients_life_and_before_its_signature():
    born = date(1990, 5, 1)
    check_session_in_life(datetime(1990, 5, 1, 9, 0), born)  # the day of birth: taken
    with pytest.raises(ValidationError, match="before the patient's birth"):
        check_session_in_life(datetime(1990, 4, 30, 23, 59), born)
    signed = datetime(2026, 11, 25, 10, 0, 30)
    check_session_in_life(datetime(2026, 11, 25, 10, 0), None, signed)  # the same minute
    with pytest.raises(ValidationError, match="cannot be dated after its signature"):
        check_session_in_life(datetime(2026, 11, 25, 10, 1), None, signed)
