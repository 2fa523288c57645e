from datetime import date, datetime

import pytest

from mesolog.domain.adverse_event import Action, EventDetails, EventKind, Outcome
from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ValidationError
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from tests.conftest import details, fixed_clock


@pytest.fixture
def world(db):
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr Claire Moreau", "cmoreau", Role.PRACTITIONER)
    biotin = clinic.catalogue.create_product(ProductDetails(
        "Biotin complex", "Meso Labs", "", (Ingredient("Biotin", "5 mg/ml"),)))
    lot_a = clinic.catalogue.add_lot(biotin.id, LotDetails("B-1", date(2027, 6, 30)))
    lot_b = clinic.catalogue.add_lot(biotin.id, LotDetails("B-2", date(2027, 9, 30)))
    patient = clinic.patients.create(details(allergies=""))
    other = clinic.patients.create(details(chart_no="P-2", last_name="Other", allergies=""))
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 10, 9, 0), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL,
        products=(ProductUse(lot_a.id, 2.0),)))
    return clinic, doctor, patient, other, session, lot_a, lot_b


def event(session, **changes) -> EventDetails:
    values = dict(session_id=session.id, kind=EventKind.ERYTHEMA, onset=date(2026, 11, 10),
                  grade=1, actions=(Action.COLD_COMPRESS,), zone=ScalpZone.VERTEX)
    values.update(changes)
    return EventDetails(**values)


def test_resolution_before_onset_and_grades_outside_1_to_5_are_refused(world):
    clinic, _, patient, _, session, _, _ = world
    with pytest.raises(ValidationError) as caught:
        clinic.adverse_events.record(event(session, onset=date(2026, 11, 12),
                                           resolved_on=date(2026, 11, 11),
                                           outcome=Outcome.RESOLVED, grade=6))
    assert caught.value.for_field("resolved_on") == "Resolved before it began: check the dates."
    assert caught.value.for_field("grade") == "Grade: 1 to 5."
    with pytest.raises(ValidationError) as caught:
        clinic.adverse_events.record(event(session, grade=0, onset=date(2026, 11, 9)))
    assert caught.value.for_field("grade") and "before the session" in \
        caught.value.for_field("onset")
    assert clinic.adverse_events.for_patient(patient.id) == []


def test_an_open_event_leaves_the_open_list_once_resolved(world):
    clinic, _, patient, _, session, lot_a, _ = world
    recorded = clinic.adverse_events.record(event(
        session, kind=EventKind.BRUISING, grade=2, suspected_lot_id=lot_a.id))
    (listed,) = clinic.adverse_events.open_events(date(2026, 11, 25))
    assert listed.event.id == recorded.id and listed.days_open == 15
    assert listed.patient_name == "Öztürk, Zeynep" and listed.event.suspected_lot == \
        "Biotin complex lot B-1"
    assert clinic.adverse_events.open_events(date(2026, 11, 25), kind=EventKind.INFECTION) == []
    assert clinic.adverse_events.open_events(date(2026, 11, 25), min_grade=3) == []
    resolved = clinic.adverse_events.resolve(recorded.id, recorded.version, date(2026, 11, 20))
    assert resolved.details.outcome is Outcome.RESOLVED and not resolved.details.is_open
    assert clinic.adverse_events.open_events(date(2026, 11, 25)) == []
    assert clinic.adverse_events.for_patient(patient.id)[0].days_open(date(2026, 11, 25)) == 10


def test_none_observed_is_a_record_of_its_own(world):
    clinic, _, _, _, session, _, _ = world
    assert clinic.adverse_events.status([session.id])[session.id].text == \
        "side effects not checked"
    clinic.adverse_events.mark_none_observed(session.id)
    assert clinic.adverse_events.status([session.id])[session.id].text == "no side effects"
    clinic.adverse_events.record(event(session))
    status = clinic.adverse_events.status([session.id])[session.id]
    assert (status.events, status.open_events, status.none_observed) == (1, 1, False)
    with pytest.raises(ValidationError):
        clinic.adverse_events.mark_none_observed(session.id)


def test_an_allergic_reaction_flags_the_product_at_the_next_session(world):
    clinic, _, patient, other, session, lot_a, lot_b = world
    assert clinic.sessions.allergy_flags(patient.id, [lot_b.id]) == {}
    clinic.adverse_events.record(event(session, kind=EventKind.ALLERGIC_REACTION, grade=2,
                                       suspected_lot_id=lot_a.id,
                                       actions=(Action.ANTIHISTAMINE,)))
    flags = clinic.sessions.allergy_flags(patient.id, [lot_b.id])  # another lot, same product
    assert flags == {lot_b.id: ["allergic reaction to Biotin complex on 2026-11-10 (grade 2)"]}
    assert clinic.sessions.allergy_flags(other.id, [lot_b.id]) == {}


def test_a_grade_3_event_on_a_lot_warns_whoever_chooses_it(world):
    clinic, _, _, _, session, lot_a, lot_b = world
    clinic.adverse_events.record(event(session, kind=EventKind.SWELLING, grade=2,
                                       suspected_lot_id=lot_a.id))
    assert clinic.adverse_events.lot_warnings([lot_a.id, lot_b.id]) == {}
    clinic.adverse_events.record(event(session, kind=EventKind.INFECTION, grade=3,
                                       serious=True, suspected_lot_id=lot_a.id,
                                       actions=(Action.ANTIBIOTICS, Action.REFERRAL)))
    assert clinic.adverse_events.lot_warnings([lot_a.id, lot_b.id]) == {
        lot_a.id: "Infection, grade 3, 2026-11-10"}


def test_the_suspected_lot_must_be_one_the_session_used(world):
    clinic, _, _, _, session, _, lot_b = world
    with pytest.raises(ValidationError) as caught:
        clinic.adverse_events.record(event(session, suspected_lot_id=lot_b.id))
    assert caught.value.for_field("suspected_lot_id")
