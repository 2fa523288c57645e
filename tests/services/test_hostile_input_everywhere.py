"""Every service's create and update: hostile values are stored exactly or refused whole."""

import itertools
import math
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mesolog.domain.adverse_event import EventDetails, EventKind, Outcome
from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.course import CourseDetails
from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.measurement import MeasurementDetails
from mesolog.domain.scalp import ScalpView
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ValidationError
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from tests.conftest import copy_clinic, details, fixed_clock, open_as_administrator

HOSTILE_TEXT = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["'; DROP TABLE session; --", "\x00", "a\x1bb", "x" * 10_001, "\u202e",
                     "Robert'); DELETE FROM patient;--", "NaN", "<script>", "%s%s%n"]),
)
HOSTILE_NUMBER = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.sampled_from([0.0, -1.0, 1e9, -0.0, float("nan"), float("inf")]),
)
HOSTILE_INT = st.integers(min_value=-10**12, max_value=10**12)


def sane_or_hostile(sane: st.SearchStrategy, hostile: st.SearchStrategy) -> st.SearchStrategy:
    """Half plausible values (to reach the stored path), half anything at all."""
    return st.one_of(sane, hostile)


def floats_in(low: float, high: float) -> st.SearchStrategy:
    return sane_or_hostile(st.floats(low, high), HOSTILE_NUMBER)


def ints_in(low: int, high: int) -> st.SearchStrategy:
    return sane_or_hostile(st.integers(low, high), HOSTILE_INT)


PLAIN_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=100)
TEXT = sane_or_hostile(PLAIN_TEXT, HOSTILE_TEXT)
CASES = settings(max_examples=100, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
_numbers = itertools.count()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A database with a practitioner, a product, a lot, a patient, a course, a session."""
    path = tmp_path_factory.mktemp("template") / "clinic.sqlite"
    db = open_as_administrator(path)
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr A", "dra", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails("Biotin", "", "",
                                                             (Ingredient("Biotin"),)))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B-1", date(2027, 1, 1)))
    patient = clinic.patients.create(details())
    course = clinic.courses.create(patient.id, CourseDetails("Series", 6, 21, date(2026, 9, 1)))
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 20, 9), practitioner_id=doctor.id, course_id=course.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, products=(ProductUse(lot.id, 1.0),)))
    site = clinic.outcomes.add_site(patient.id, "vertex centre")
    db.close()
    return path, {"doctor": doctor.id, "lot": lot.id, "patient": patient.id,
                  "course": course.id, "session": session.id, "site": site.id}


def fresh(template, tmp_path_factory):
    path, ids = template
    copy = tmp_path_factory.mktemp(f"case{next(_numbers)}") / "clinic.sqlite"
    db = open_as_administrator(copy_clinic(path, copy))
    return db, Clinic.of(db, fixed_clock), ids


def counts(db) -> tuple:
    return tuple(db.fetch_all(f"SELECT count(*) FROM {t}")[0][0] for t in (
        "session", "session_product", "injection_point", "course", "adverse_event",
        "measurement", "product", "product_ingredient", "lot"))


def stored_or_refused(db, act, read_back, expected):
    before = counts(db)
    try:
        result = act()
    except ValidationError as refused:
        assert refused.errors and all(e.field and e.message for e in refused.errors)
        assert counts(db) == before  # nothing half-stored
        event("refused")
        return
    assert read_back(result) == expected
    event("stored exactly")


POINTS = st.lists(st.tuples(
    st.sampled_from(list(ScalpView)), floats_in(0.3, 0.7), floats_in(0.3, 0.7),
    floats_in(0, 6), floats_in(0.01, 1)), max_size=40)


@CASES
@given(points=POINTS)
def test_injection_maps(template, tmp_path_factory, points):
    db, clinic, ids = fresh(template, tmp_path_factory)
    try:
        mapped = tuple(InjectionPoint(view, x, y, depth, volume, ids["lot"])
                       for view, x, y, depth, volume in points)
        total = sum(p.volume_ml for p in mapped)
        volume = round(total, 3) if mapped and math.isfinite(total) else 1.0
        d = SessionDetails(performed_at=datetime(2026, 11, 21, 10), practitioner_id=ids["doctor"],
                           technique=Technique.PAPULE, device=Device.INJECTOR_GUN,
                           products=(ProductUse(ids["lot"], volume),), points=mapped)
        stored_or_refused(db, lambda: clinic.sessions.create(ids["patient"], d),
                          lambda s: clinic.sessions.get(s.id).details, d)
    finally:
        db.close()


@CASES
@given(notes=TEXT, volume=floats_in(0.01, 20), depth=floats_in(0, 6), pain=ints_in(0, 10),
       gauge=ints_in(27, 34))
def test_sessions(template, tmp_path_factory, notes, volume, depth, pain, gauge):
    db, clinic, ids = fresh(template, tmp_path_factory)
    try:
        d = SessionDetails(performed_at=datetime(2026, 11, 21, 10), practitioner_id=ids["doctor"],
                           technique=Technique.PAPULE, device=Device.INJECTOR_GUN,
                           needle_gauge=gauge, depth_mm=depth, pain_score=pain, notes=notes,
                           products=(ProductUse(ids["lot"], volume),))
        stored_or_refused(db, lambda: clinic.sessions.create(ids["patient"], d),
                          lambda s: clinic.sessions.get(s.id).details,
                          SessionDetails(**{**d.__dict__, "notes": notes.strip()}))
        current = clinic.sessions.get(ids["session"])
        stored_or_refused(db, lambda: clinic.sessions.update(current.id, current.version, d),
                          lambda s: clinic.sessions.get(s.id).details,
                          SessionDetails(**{**d.__dict__, "notes": notes.strip()}))
    finally:
        db.close()


@CASES
@given(protocol=TEXT, planned=ints_in(1, 52), interval=ints_in(1, 365))
def test_courses(template, tmp_path_factory, protocol, planned, interval):
    db, clinic, ids = fresh(template, tmp_path_factory)
    try:
        d = CourseDetails(protocol, planned, interval, date(2026, 10, 1))
        stored_or_refused(db, lambda: clinic.courses.create(ids["patient"], d),
                          lambda c: clinic.courses.get(c.id).details,
                          CourseDetails(protocol.strip(), planned, interval, date(2026, 10, 1)))
    finally:
        db.close()


@CASES
@given(name=TEXT, maker=TEXT,
       gtin=st.one_of(st.just(""), st.just("7032069804988"),
                      st.text(alphabet="0123456789 x", max_size=16)),
       ingredient=TEXT, lot_no=sane_or_hostile(st.from_regex(r"[A-Z0-9-]{1,20}", fullmatch=True),
                                               HOSTILE_TEXT))
def test_catalogue(template, tmp_path_factory, name, maker, gtin, ingredient, lot_no):
    db, clinic, _ = fresh(template, tmp_path_factory)
    try:
        d = ProductDetails(name, maker, gtin, (Ingredient(ingredient, "1 %"),))

        def read(p):
            return clinic.catalogue.product(p.id).details
        before = counts(db)
        try:
            product = clinic.catalogue.create_product(d)
        except ValidationError:
            assert counts(db) == before
            return
        assert read(product).name == name.strip() and read(product).maker == maker.strip()
        stored_or_refused(db, lambda: clinic.catalogue.add_lot(
            product.id, LotDetails(lot_no, date(2027, 5, 1))),
            lambda lot: clinic.catalogue.lot(lot.id).details.lot_no, lot_no.strip())
    finally:
        db.close()


@CASES
@given(other=TEXT, notes=TEXT, grade=ints_in(1, 5),
       kind=st.sampled_from(list(EventKind)))
def test_adverse_events(template, tmp_path_factory, other, notes, grade, kind):
    db, clinic, ids = fresh(template, tmp_path_factory)
    try:
        d = EventDetails(session_id=ids["session"], kind=kind, other_text=other,
                         onset=date(2026, 11, 21), grade=grade, notes=notes,
                         outcome=Outcome.ONGOING)
        expected = EventDetails(**{**d.__dict__, "notes": notes.strip(),
                                   "other_text": other.strip() if kind is EventKind.OTHER
                                   else ""})
        stored_or_refused(db, lambda: clinic.adverse_events.record(d),
                          lambda e: clinic.adverse_events.get(e.id).details, expected)
    finally:
        db.close()


@CASES
@given(density=floats_in(0, 600), diameter=floats_in(5, 150), satisfaction=ints_in(1, 5),
       terminal=ints_in(0, 2000), notes=TEXT)
def test_measurements(template, tmp_path_factory, density, diameter, satisfaction, terminal,
                      notes):
    db, clinic, ids = fresh(template, tmp_path_factory)
    try:
        d = MeasurementDetails(site_id=ids["site"], taken_on=date(2026, 11, 22), density=density,
                               shaft_diameter_um=diameter, satisfaction=satisfaction,
                               terminal_count=terminal, notes=notes)
        stored_or_refused(db, lambda: clinic.outcomes.record_measurement(ids["patient"], d),
                          lambda m: clinic.outcomes.measurements(ids["patient"])[0].details,
                          MeasurementDetails(**{**d.__dict__, "notes": notes.strip()}))
    finally:
        db.close()
