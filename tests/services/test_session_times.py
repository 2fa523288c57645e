"""Session times as the wall clock reads them: across the clock changes, before the
patient's birth, and after a signature."""

from dataclasses import replace
from datetime import date, datetime

import pytest

from mesolog.domain.clock import is_later, latest_not_later, never_happened
from mesolog.domain.session import ProductUse
from mesolog.domain.validation import ValidationError
from mesolog.services.sessions import SessionService
from tests.services.conftest import session_details

# 25 October 2026 in Paris: at 03:00 summer time the clocks go back to 02:00, so
# every time from 02:00 to 02:59 happens twice. fold=1 is the second time.
FIRST_PASS = datetime(2026, 10, 25, 2, 30)
SECOND_PASS = datetime(2026, 10, 25, 2, 10, fold=1)  # 40 minutes after FIRST_PASS


def test_a_time_in_the_repeated_hour_is_not_in_the_future_the_second_time_round(paris):
    assert not is_later(FIRST_PASS, SECOND_PASS)
    assert is_later(datetime(2026, 10, 25, 3, 0), SECOND_PASS)  # truly ahead
    assert latest_not_later(SECOND_PASS) == datetime(2026, 10, 25, 2, 59)
    assert latest_not_later(datetime(2026, 11, 25, 10, 30, 20)) == datetime(2026, 11, 25, 10, 30)


def test_a_session_recorded_in_the_repeated_hour_is_saved_and_amended_after_the_change(
        paris, clinic, db):
    c = clinic
    before = SessionService(db, lambda: FIRST_PASS)
    stored = before.create(c["other"].id, session_details(c, performed_at=FIRST_PASS))
    signed = before.sign(stored.id, stored.version)
    after = SessionService(db, lambda: SECOND_PASS)
    # an unsigned session in the same hour, edited after the change
    other = before.create(c["other"].id, session_details(c, performed_at=FIRST_PASS))
    edited = after.update(other.id, other.version, session_details(
        c, performed_at=FIRST_PASS, pain_score=6))
    assert edited.details.pain_score == 6
    amended = after.amend(signed.id, signed.version,
                          session_details(c, ProductUse(c["minox"].id, 2.5),
                                          performed_at=FIRST_PASS),
                          "Volume misread from the syringe scale.")
    assert amended.used[0].volume_ml == 2.5
    recorded = after.create(c["other"].id, session_details(
        c, performed_at=datetime(2026, 10, 25, 2, 55)))  # first pass, 15 minutes ago
    assert recorded.details.performed_at == datetime(2026, 10, 25, 2, 55)
    with pytest.raises(ValidationError) as caught:
        after.create(c["other"].id, session_details(c, performed_at=datetime(2026, 10, 25, 3, 5)))
    assert caught.value.for_field("performed_at") == "The session cannot be in the future."


def test_a_time_the_spring_change_skipped_is_refused_at_the_field(paris, clinic, db):
    assert never_happened(datetime(2026, 3, 29, 2, 30))
    assert not never_happened(datetime(2026, 3, 29, 3, 30))
    with pytest.raises(ValidationError) as caught:
        clinic["sessions"].create(clinic["other"].id, session_details(
            clinic, performed_at=datetime(2026, 3, 29, 2, 30)))
    assert "did not happen" in caught.value.for_field("performed_at")


def test_a_session_before_the_patients_birth_is_refused(clinic):
    c = clinic
    born = c["other"].details.date_of_birth
    day_before = datetime.combine(date.fromordinal(born.toordinal() - 1), datetime.min.time())
    with pytest.raises(ValidationError) as caught:
        c["sessions"].create(c["other"].id, session_details(c, performed_at=day_before))
    assert "before the patient's birth (1984-03-27)" in caught.value.for_field(
        "performed_at")
    stored = c["sessions"].create(c["other"].id, session_details(c))
    with pytest.raises(ValidationError):
        c["sessions"].update(stored.id, stored.version,
                             session_details(c, performed_at=day_before))
    assert c["sessions"].get(stored.id).details.performed_at == session_details(c).performed_at


def test_a_signed_session_cannot_be_amended_to_a_time_after_its_signature(clinic, db):
    c = clinic
    morning = SessionService(db, lambda: datetime(2026, 11, 24, 10, 0))
    stored = morning.create(c["other"].id, session_details(
        c, performed_at=datetime(2026, 11, 24, 9, 30)))
    signed = morning.sign(stored.id, stored.version)
    assert signed.signed_at == datetime(2026, 11, 24, 10, 0)
    later = replace(session_details(c), performed_at=datetime(2026, 11, 24, 11, 0))
    with pytest.raises(ValidationError) as caught:
        c["sessions"].amend(signed.id, signed.version, later, "Wrong hour typed.")
    assert "signed at 2026-11-24 10:00" in caught.value.for_field("performed_at")
    assert c["sessions"].get(signed.id).amendments == ()
    earlier = replace(later, performed_at=datetime(2026, 11, 24, 9, 0))
    amended = c["sessions"].amend(signed.id, signed.version, earlier, "Wrong hour typed.")
    assert amended.details.performed_at.hour == 9
