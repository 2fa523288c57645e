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
    Session,
    SessionDetails,
    Technique,
    UsedLot,
    check_session,
    check_session_in_life,
    describe_changes,
)
from mesolog.domain.validation import ValidationError
from tests.domain.refusals import refusals

NOW = datetime(2026, 11, 25, 10, 30)
SOUND = SessionDetails(performed_at=datetime(2026, 11, 25, 9, 0), practitioner_id=1,
                       technique=Technique.NAPPAGE, device=Device.MANUAL,
                       products=(ProductUse(1, 2.0),))
JUST = 0.001  # just past a bound given in mm or ml (what the fields take: 3 decimals)


def refused_fields(details: SessionDetails) -> dict[str, list[str]]:
    return refusals(check_session, details, NOW)


def test_a_sound_session_passes_as_given():
    assert check_session(SOUND, NOW) is SOUND


GAUGE = "Needle gauge: 27 G to 34 G."
LENGTH = "Needle length: 1 to 13 mm."
DEPTH = "Depth: 0 to 6 mm."
PAIN = "Pain: 0 (none) to 10 (worst imaginable)."
NOTES = "Notes: at most 10000 characters, no control characters."

# (field, the value at a limit or just past it, the message; "" when it is taken)
BOUNDS = [
    ("needle_gauge", NEEDLE_GAUGES.start, ""), ("needle_gauge", NEEDLE_GAUGES.start - 1, GAUGE),
    ("needle_gauge", NEEDLE_GAUGES.stop - 1, ""), ("needle_gauge", NEEDLE_GAUGES.stop, GAUGE),
    ("needle_length_mm", NEEDLE_LENGTH_MM[0], ""),
    ("needle_length_mm", NEEDLE_LENGTH_MM[0] - JUST, LENGTH),
    ("needle_length_mm", NEEDLE_LENGTH_MM[1], ""),
    ("needle_length_mm", NEEDLE_LENGTH_MM[1] + JUST, LENGTH),
    ("depth_mm", DEPTH_MM[0], ""), ("depth_mm", DEPTH_MM[0] - JUST, DEPTH),
    ("depth_mm", DEPTH_MM[1], ""), ("depth_mm", DEPTH_MM[1] + JUST, DEPTH),
    ("pain_score", PAIN_SCORE.start, ""), ("pain_score", PAIN_SCORE.start - 1, PAIN),
    ("pain_score", PAIN_SCORE.stop - 1, ""), ("pain_score", PAIN_SCORE.stop, PAIN),
    ("notes", "n" * NOTES_MAX, ""), ("notes", "n" * (NOTES_MAX + 1), NOTES),
    ("notes", "line one\nline two\ttabbed", ""), ("notes", "bell\x07", NOTES),
]


@pytest.mark.parametrize(("name", "value", "message"), BOUNDS)
def test_each_bound_of_a_session_at_its_limit_and_just_past(name, value, message):
    assert refused_fields(replace(SOUND, **{name: value})) == (
        {name: [message]} if message else {})


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
    assert refused_fields(details) == (
        {} if taken else {"products": ["Volume per product: 0.01 to 20 ml."]})


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
    assert refused_fields(replace(SOUND, performed_at=NOW.replace(second=59,
                                                                  microsecond=999_999))) == {}
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
    with pytest.raises(ValidationError) as caught:
        check_session_in_life(datetime(1990, 4, 30, 23, 59), born)
    assert caught.value.for_field("performed_at") == (
        "The session is dated before the patient's birth (1990-05-01).")
    signed = datetime(2026, 11, 25, 10, 0, 0)
    check_session_in_life(datetime(2026, 11, 25, 10, 0, 59, 999_999), None, signed)
    with pytest.raises(ValidationError) as caught:
        check_session_in_life(datetime(2026, 11, 25, 10, 1), None, signed)
    assert caught.value.for_field("performed_at") == (
        "The session was signed at 2026-11-25 10:00; it cannot be dated after its "
        "signature.")


def test_a_time_the_clocks_skipped_is_refused_with_the_day(paris):
    skipped = datetime(2026, 3, 29, 2, 30)  # Paris: 02:00 became 03:00
    assert refused_fields(replace(SOUND, performed_at=skipped)) == {
        "performed_at": ["02:30 did not happen on 2026-03-29: the clocks went forward."]}


def test_an_amendment_says_each_field_and_lot_that_changed():
    before = replace(SOUND, needle_gauge=30, depth_mm=1.5, notes="",
                     technique=Technique.NAPPAGE,
                     products=(ProductUse(1, 2.0), ProductUse(2, 1.0)))
    after = replace(before, needle_gauge=None, needle_length_mm=4.126, depth_mm=2.25,
                    notes="redness",
                    technique=Technique.PAPULE,
                    products=(ProductUse(1, 2.5), ProductUse(3, 0.126)))
    assert describe_changes(before, after, {1: "Biotin · lot B-1"}) == (
        "technique: Nappage → Papule",
        "needle gauge: 30 → —",
        "needle length: 4 → 4.13",
        "depth: 1.5 → 2.25",
        "notes: — → redness",
        "Biotin · lot B-1: 2 ml → 2.5 ml",
        "lot #2: 1 ml → —",
        "lot #3: — → 0.13 ml",
    )
    assert describe_changes(before, before, {}) == ()


def test_a_sessions_total_volume_and_signature():
    used = (UsedLot(1, "Biotin", "A-1", 0.1234, ""), UsedLot(2, "Dutasteride", "B-2", 0.2, ""),
            UsedLot(3, "Biotin", "A-2", 0.1, ""))
    session = Session(7, 1, 1, SOUND, "Dr Moreau", used)
    assert session.total_volume_ml == 0.423  # to the microlitre, without float's 0.42340…1
    assert not session.signed
    assert replace(session, signed_at=datetime(2026, 11, 25, 9, 30)).signed
