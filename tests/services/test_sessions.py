from dataclasses import replace
from datetime import date, datetime

import pytest

from mesolog.domain.consent import ConsentKind, ConsentState
from mesolog.domain.course import CourseDetails, CourseStatus
from mesolog.domain.session import ProductUse
from mesolog.domain.validation import ValidationError
from mesolog.services.sessions import SessionService, SessionSignedError
from tests.conftest import NOW, acting_as, fixed_clock
from tests.services.conftest import session_details

GS = "\x1d"


def test_a_scanned_vial_is_found_in_the_catalogue(clinic):
    match = clinic["catalogue"].match_scan(f"{GS}0107032069804988{GS}17270630{GS}10B-2031{GS}")
    assert match.product.id == clinic["biotin"].id
    assert match.lot.id == clinic["fresh"].id
    assert match.scan.expiry == date(2027, 6, 30)
    unknown_lot = clinic["catalogue"].match_scan(f"0107032069804988{GS}10B-9999{GS}17280101")
    assert unknown_lot.product.id == clinic["biotin"].id and unknown_lot.lot is None
    assert unknown_lot.scan.lot_no == "B-9999"


def test_a_session_is_recorded_with_its_lots(clinic):
    c = clinic
    stored = c["sessions"].create(c["other"].id, session_details(
        c, ProductUse(c["minox"].id, 2.0), ProductUse(c["fresh"].id, 1.5)))
    again = c["sessions"].get(stored.id)
    assert [(u.product_name, u.lot_no, u.volume_ml) for u in again.used] == [
        ("Minoxidil 0.5 %", "M-77", 2.0), ("Biotin complex", "B-2031", 1.5)]
    assert again.total_volume_ml == 3.5 and again.practitioner_name == "Dr Claire Moreau"
    assert not again.signed


def test_an_expired_lot_is_refused_without_a_reason(clinic, db):
    c = clinic
    with pytest.raises(ValidationError) as caught:
        c["sessions"].create(c["other"].id, session_details(c, ProductUse(c["old"].id, 1.0)))
    assert "B-1990 expired on 2026-10-31" in caught.value.for_field("products")
    assert c["sessions"].for_patient(c["other"].id) == []


def test_an_override_reason_is_stored_with_the_expired_lot(clinic):
    c = clinic
    reason = "Only vial left; opened today, supplier confirmed stability."
    stored = c["sessions"].create(c["other"].id, session_details(
        c, ProductUse(c["old"].id, 1.0, expired_override=reason)))
    assert c["sessions"].get(stored.id).used[0].expired_override == reason


def test_a_recorded_allergy_flags_the_matching_product(clinic):
    c = clinic
    flags = c["sessions"].allergy_flags(c["patient"].id, [c["fresh"].id, c["minox"].id])
    assert flags == {c["fresh"].id: ["recorded allergy names Biotin, Biotin complex"]}
    assert c["sessions"].allergy_flags(c["other"].id, [c["fresh"].id]) == {}


def test_a_signed_session_refuses_edits_and_keeps_amendments(clinic, db):
    c = clinic
    stored = c["sessions"].create(c["other"].id, session_details(c))
    signed = c["sessions"].sign(stored.id, stored.version)
    assert signed.signed and signed.signed_by == "Dr Claire Moreau"
    with pytest.raises(SessionSignedError):
        c["sessions"].update(signed.id, signed.version, session_details(c, pain_score=5))
    with pytest.raises(ValidationError) as caught:
        c["sessions"].amend(signed.id, signed.version, session_details(c, pain_score=5), "typo")
    assert caught.value.for_field("reason")
    as_nurse = SessionService(acting_as(db, c["nurse"]), fixed_clock)  # she logs in
    amended = as_nurse.amend(
        signed.id, signed.version,
        session_details(c, ProductUse(c["minox"].id, 2.5), pain_score=5),
        "Volume misread from the syringe scale.")
    assert amended.details.pain_score == 5 and amended.used[0].volume_ml == 2.5
    assert amended.signed  # the signature stands; the amendment is shown with it
    (amendment,) = c["sessions"].get(signed.id).amendments
    assert amendment.author == "Ines Álvarez"
    assert amendment.reason == "Volume misread from the syringe scale."
    assert "pain score: 3 → 5" in amendment.changes
    assert "Minoxidil 0.5 % lot M-77: 2 ml → 2.5 ml" in amendment.changes


def test_amendments_cannot_be_rewritten_in_the_database(clinic, db):
    c = clinic
    stored = c["sessions"].create(c["other"].id, session_details(c))
    signed = c["sessions"].sign(stored.id, stored.version)
    c["sessions"].amend(signed.id, signed.version, session_details(c, pain_score=6),
                        "Patient corrected the pain score.")
    with pytest.raises(Exception, match="cannot be changed"), db.connection() as conn:
        conn.exec_driver_sql("UPDATE session_amendment SET reason = 'nothing'")


def test_recall_finds_exactly_the_sessions_that_used_the_lot(clinic):
    c = clinic
    s = c["sessions"]
    first = s.create(c["other"].id, session_details(c, ProductUse(c["fresh"].id, 1.0)))
    s.create(c["other"].id, session_details(c, ProductUse(c["minox"].id, 1.0)))
    third = s.create(c["patient"].id, session_details(
        c, ProductUse(c["minox"].id, 1.0), ProductUse(c["fresh"].id, 0.5),
        performed_at=datetime(2026, 11, 25, 8, 0)))
    recalled = c["catalogue"].recall(c["fresh"].id)
    assert [(r.session_id, r.volume_ml) for r in recalled] == [(third.id, 0.5), (first.id, 1.0)]
    assert {r.chart_no for r in recalled} == {"P-00001", "P-2"}


def test_course_totals_and_due_dates(clinic):
    c = clinic
    course = c["courses"].create(c["other"].id, CourseDetails("Biotin series", 6, 28,
                                                              date(2026, 9, 1)))
    for day in (date(2026, 9, 1), date(2026, 9, 29), date(2026, 10, 31)):
        c["sessions"].create(c["other"].id, session_details(
            c, ProductUse(c["fresh"].id, 1.5), ProductUse(c["minox"].id, 2.0),
            course_id=course.id, performed_at=datetime.combine(day, datetime.min.time())))
    (summary,) = c["courses"].for_patient(c["other"].id)
    assert summary.sessions_done == 3 and summary.last_session == date(2026, 10, 31)
    assert summary.next_due == date(2026, 11, 28)
    assert [(t.name, t.sessions, t.volume_ml) for t in summary.products] == [
        ("Biotin complex", 3, 4.5), ("Minoxidil 0.5 %", 3, 6.0)]
    assert ("Minoxidil 0.5 %", 3, 6.0) in [(t.name, t.sessions, t.volume_ml)
                                           for t in summary.ingredients]
    late = c["courses"].create(c["patient"].id, CourseDetails("Late", 4, 21, date(2026, 10, 1)))
    due = c["courses"].due(date(2026, 12, 1))
    assert [(e.course_id, e.days_late) for e in due] == [(late.id, 61), (course.id, 3)]
    c["courses"].set_status(late.id, late.version, CourseStatus.PAUSED)
    assert [e.course_id for e in c["courses"].due(date(2026, 12, 1))] == [course.id]
    with pytest.raises(ValidationError):
        c["courses"].set_status(course.id, course.version, CourseStatus.STOPPED, "")


def test_consent_warning_before_a_session(clinic):
    c = clinic
    consent = c["consent"]
    assert "No valid treatment consent" in consent.treatment_consent(c["other"].id).warning
    recorded = consent.record(c["other"].id, ConsentKind.TREATMENT)
    assert recorded.form.version == 1 and "bruising" in recorded.form.body
    assert recorded.taken_by == "Dr Claire Moreau" and recorded.signed_at == NOW
    assert consent.treatment_consent(c["other"].id).warning is None
    form = consent.current_form(ConsentKind.TREATMENT)
    consent.publish_form(ConsentKind.TREATMENT, form.title, form.body + "\nNew paragraph.")
    assert "version 1" in consent.treatment_consent(c["other"].id).warning
    older = consent.treatment_consent(c["other"].id)
    assert older.state is ConsentState.OLDER_FORM and (older.signed_version,
                                                      older.current_version) == (1, 2)
    consent.withdraw(recorded.id)
    assert consent.treatment_consent(c["other"].id).state is ConsentState.MISSING
    assert "No valid" in consent.treatment_consent(c["other"].id).warning
    photo = consent.record(c["other"].id, ConsentKind.PHOTOGRAPHY)
    assert photo.form.kind is ConsentKind.PHOTOGRAPHY and "No valid" in \
        consent.treatment_consent(c["other"].id).warning


def test_a_session_in_the_future_or_without_products_names_the_fields(clinic):
    c = clinic
    with pytest.raises(ValidationError) as caught:
        c["sessions"].create(c["other"].id, replace(
            session_details(c), performed_at=datetime(2027, 1, 1), products=(), depth_mm=7.0))
    assert {e.field for e in caught.value.errors} == {"performed_at", "products", "depth_mm"}


def test_a_product_already_given_keeps_its_name_and_ingredients(clinic):
    """What a signed session says was given does not change behind it: renaming or
    reformulating a product already used is refused; its maker and GTIN may change."""
    from dataclasses import replace as changed

    from mesolog.domain.catalogue import Ingredient

    c = clinic
    signed = c["sessions"].create(c["other"].id, session_details(
        c, ProductUse(c["fresh"].id, 1.0)), sign=True)
    biotin = c["catalogue"].product(c["biotin"].id)
    for edit, field in ((changed(biotin.details, name="Biotin forte"), "name"),
                        (changed(biotin.details, ingredients=(Ingredient("Biotin", "10 mg/ml"),)),
                         "ingredients")):
        with pytest.raises(ValidationError) as caught:
            c["catalogue"].update_product(biotin.id, biotin.version, edit)
        assert "recorded in 1 session" in caught.value.for_field(field)
    (used,) = c["sessions"].get(signed.id).used
    assert (used.product_name, used.lot_no) == ("Biotin complex", "B-2031")
    moved = c["catalogue"].update_product(biotin.id, biotin.version,
                                          changed(biotin.details, maker="Meso Labs GmbH"))
    assert moved.details.maker == "Meso Labs GmbH"
    unused = c["catalogue"].product(c["minox"].product_id)  # no session used it yet here
    renamed = c["catalogue"].update_product(unused.id, unused.version, changed(
        unused.details, name="Minoxidil 0.5 % solution"))
    assert renamed.details.name == "Minoxidil 0.5 % solution"


def test_a_chart_is_read_in_the_same_few_statements_whatever_its_sessions(clinic, db):
    """Reading a patient's sessions costs a handful of statements, not a few per session
    (50 sessions took 252 statements, 32 ms; now 6, under 6 ms: bench figure in the
    closing note of issue 15's first steps)."""
    from sqlalchemy import event

    from mesolog.domain.injection_map import InjectionPoint
    from mesolog.domain.scalp import ScalpView

    c = clinic
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _c, _cur, sql, *_: statements.append(sql))

    def read_count() -> int:
        statements.clear()
        c["sessions"].for_patient(c["other"].id)
        return len(statements)

    point = InjectionPoint(ScalpView.TOP, 0.5, 0.45, 1.0, 0.05, c["minox"].id)
    for n in range(3):
        c["sessions"].create(c["other"].id, session_details(
            c, ProductUse(c["minox"].id, 0.05), performed_at=datetime(2026, 11, 1 + n, 9),
            points=(point,)), sign=True)
    few = read_count()
    for n in range(27):
        c["sessions"].create(c["other"].id, session_details(
            c, ProductUse(c["minox"].id, 0.05), performed_at=datetime(2026, 10, 1 + n, 9),
            points=(point,)))
    assert read_count() == few <= 6
    sessions = c["sessions"].for_patient(c["other"].id)
    assert len(sessions) == 30 and all(len(s.details.points) == 1 for s in sessions)
    assert [s.details.performed_at for s in sessions] == sorted(
        (s.details.performed_at for s in sessions), reverse=True)
    assert sessions[0].signed_by == "Dr Claire Moreau" and sessions[0].used[0].lot_no == "M-77"
