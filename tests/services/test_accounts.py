from dataclasses import replace
from datetime import date, datetime

import pytest

from mesolog.domain.catalogue import LotDetails, ProductDetails
from mesolog.domain.practitioner import lockout_seconds
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ValidationError
from mesolog.services.accounts import AccountService, LoginRefused
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from tests.conftest import details, fixed_clock


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def accounts(db):
    clinic = Clinic.of(db, fixed_clock)
    clock = Clock()
    return AccountService(db, clinic.practitioners, clock), clinic, clock


def test_the_first_administrator_and_argon2_hashes(accounts, db):
    service, _, _ = accounts
    assert not service.has_accounts()
    with pytest.raises(ValidationError) as caught:
        service.create_first_administrator("Dr Claire Moreau", "cmoreau", "short")
    assert caught.value.for_field("password") == "Use at least 10 characters."
    admin = service.create_first_administrator("Dr Claire Moreau", "cmoreau",
                                               "correct horse battery")
    assert admin.role is Role.ADMINISTRATOR and service.has_accounts()
    stored = db.fetch_all("SELECT password_hash FROM practitioner")[0][0]
    assert stored.startswith("$argon2id$") and "correct" not in stored
    assert service.authenticate("CMoreau ", "correct horse battery").id == admin.id
    with pytest.raises(ValidationError):
        service.create_first_administrator("Someone", "someone", "another long one")


def test_wrong_passwords_are_rate_limited(accounts):
    service, _, clock = accounts
    service.create_first_administrator("Dr A", "dra", "correct horse battery")
    for _ in range(3):
        with pytest.raises(LoginRefused, match="Wrong login or password"):
            service.authenticate("dra", "guess")
    with pytest.raises(LoginRefused, match="try again in 3 s"):
        service.authenticate("dra", "correct horse battery")  # even the right one waits
    clock.now += lockout_seconds(3) + 0.1
    assert service.authenticate("dra", "correct horse battery").name == "Dr A"
    with pytest.raises(LoginRefused, match="Wrong login"):
        service.authenticate("nobody", "correct horse battery")
    assert [lockout_seconds(n) for n in (0, 2, 3, 4, 5, 20)] == [0, 0, 2, 4, 8, 300]


def test_an_assistant_cannot_sign_or_amend(accounts):
    _, clinic, _ = accounts
    doctor = clinic.practitioners.create("Dr A", "dra", Role.PRACTITIONER)
    assistant = clinic.practitioners.create("Sam Becker", "sbecker", Role.ASSISTANT)
    product = clinic.catalogue.create_product(ProductDetails("Biotin", "", "", ()))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B1", date(2027, 1, 1)))
    patient = clinic.patients.create(details())
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 20, 9), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, products=(ProductUse(lot.id, 1.0),)))
    with pytest.raises(ValidationError) as caught:
        clinic.sessions.sign(session.id, session.version)
    assert "assistant" in caught.value.for_field("signed_by")
    signed = clinic.sessions.sign(session.id, session.version)
    with pytest.raises(ValidationError) as caught:
        clinic.sessions.amend(signed.id, signed.version, signed.details.__class__(
            **{**signed.details.__dict__, "pain_score": 3}), "Pain score added later.",
            assistant.id)
    assert "assistant" in caught.value.for_field("author")


def test_only_an_administrator_adds_accounts(accounts, db):
    service, _, _ = accounts
    admin = service.create_first_administrator("Dr A", "dra", "correct horse battery")
    db.actor_id = admin.id
    nurse = service.add_account("Ines Alvarez", "ialvarez", Role.PRACTITIONER,
                                "another long secret")
    assert service.authenticate("ialvarez", "another long secret").id == nurse.id
    db.actor_id = nurse.id  # the person logged in decides, never a parameter
    with pytest.raises(ValidationError) as caught:
        service.add_account("Sam", "sam", Role.ASSISTANT, "yet another secret")
    assert caught.value.for_field("login") == "Only an administrator adds accounts."


def test_an_assistant_keeps_demographics_but_records_no_clinical_data(accounts, db):
    service, clinic, _ = accounts
    service.create_first_administrator("Dr A", "dra", "correct horse battery")
    assistant = service.add_account("Sam Becker", "sbecker", Role.ASSISTANT,
                                    "assistant secret")
    doctor = clinic.practitioners.create("Dr B", "drb", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails("Biotin", "", "", ()))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B1", date(2027, 1, 1)))
    db.actor_id = assistant.id
    patient = clinic.patients.create(details())  # demographics: allowed
    with pytest.raises(ValidationError) as caught:
        clinic.sessions.create(patient.id, SessionDetails(
            performed_at=datetime(2026, 11, 20, 9), practitioner_id=doctor.id,
            technique=Technique.NAPPAGE, device=Device.MANUAL,
            products=(ProductUse(lot.id, 1.0),)))
    assert "assistant" in caught.value.for_field("practitioner_id")
    db.actor_id = doctor.id
    assert clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 20, 9), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL,
        products=(ProductUse(lot.id, 1.0),))).id


def test_wrong_passwords_are_counted_in_the_database_across_restarts(db):
    clinic = Clinic.of(db, fixed_clock)
    clock = Clock()
    AccountService(db, clinic.practitioners, clock).create_first_administrator(
        "Dr A", "dra", "correct horse battery")
    for _ in range(3):  # three separate runs, each with a fresh service
        with pytest.raises(LoginRefused, match="Wrong login or password"):
            AccountService(db, clinic.practitioners, clock).authenticate("dra", "guess")
    later = AccountService(db, clinic.practitioners, clock)
    with pytest.raises(LoginRefused, match="try again in 3 s"):
        later.authenticate("dra", "correct horse battery")  # the right one waits too
    clock.now += lockout_seconds(3) + 0.1
    assert later.authenticate("dra", "correct horse battery").name == "Dr A"
    assert db.fetch_all("SELECT count(*) FROM login_failure")[0][0] == 0  # forgiven
    for _ in range(3):  # an unknown login is counted the same way
        with pytest.raises(LoginRefused, match="Wrong login"):
            later.authenticate("nobody", "guess")
    with pytest.raises(LoginRefused, match="try again"):
        later.authenticate("nobody", "guess")
    assert db.fetch_all("SELECT count(*) FROM audit_entry WHERE table_name = "
                        "'login_failure'")[0][0] == 0  # a counter, not a record


def test_an_unknown_login_costs_the_same_argon2_work_as_a_known_one(db, monkeypatch):
    """Timing (bench/bench_login.py) follows from the work: one verification against a
    hash of the same parameters, whether or not the login exists."""
    from argon2 import PasswordHasher, extract_parameters

    clinic = Clinic.of(db, fixed_clock)
    service = AccountService(db, clinic.practitioners, Clock())
    service.create_first_administrator("Dr A", "dra", "correct horse battery")
    checked: list[str] = []
    real_verify = PasswordHasher.verify
    monkeypatch.setattr(PasswordHasher, "verify", lambda self, hash_, password: (
        checked.append(hash_), real_verify(self, hash_, password))[1])
    for login in ("dra", "nobody"):
        with pytest.raises(LoginRefused, match="Wrong login or password"):
            service.authenticate(login, "guess")
    known, unknown = checked
    assert known != unknown
    assert extract_parameters(known) == extract_parameters(unknown)


def test_an_assistant_cannot_take_over_an_account_or_make_an_administrator(accounts, db):
    service, clinic, _ = accounts
    admin = service.create_first_administrator("Dr A", "dra", "correct horse battery")
    db.actor_id = admin.id
    assistant = service.add_account("Sam Becker", "sbecker", Role.ASSISTANT,
                                    "assistant secret")
    db.actor_id = assistant.id
    with pytest.raises(ValidationError) as caught:
        service.set_password(admin.id, "taken over at last")
    assert "Only an administrator" in caught.value.for_field("login")
    assert service.authenticate("dra", "correct horse battery").id == admin.id  # unchanged
    for attempt in (lambda: service.add_account("Eve", "eve", Role.ADMINISTRATOR,
                                                "a long enough secret"),
                    lambda: clinic.practitioners.create("Eve", "eve", Role.ADMINISTRATOR)):
        with pytest.raises(ValidationError):
            attempt()
    assert "eve" not in {p.name.lower() for p in clinic.practitioners.active()}
    # one's own password: only with the current one
    with pytest.raises(ValidationError) as caught:
        service.set_password(assistant.id, "a new secret of mine", current="a wrong guess")
    assert caught.value.for_field("current") == "The current password is wrong."
    service.set_password(assistant.id, "a new secret of mine", current="assistant secret")
    assert service.authenticate("sbecker", "a new secret of mine").id == assistant.id
    db.actor_id = admin.id  # an administrator resets another's password
    service.set_password(assistant.id, "reset by the administrator")
    assert service.authenticate("sbecker", "reset by the administrator").id == assistant.id


def test_nobody_signs_amends_or_checks_under_another_persons_name(accounts, db):
    from mesolog.domain.catalogue import Ingredient

    service, clinic, _ = accounts
    admin = service.create_first_administrator("Dr A", "dra", "correct horse battery")
    db.actor_id = admin.id
    doctor = clinic.practitioners.create("Dr B", "drb", Role.PRACTITIONER)
    assistant = clinic.practitioners.create("Sam Becker", "sbecker", Role.ASSISTANT)
    product = clinic.catalogue.create_product(ProductDetails(
        "Biotin", "", "", (Ingredient("Biotin", "5 mg/ml"),)))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B1", date(2027, 1, 1)))
    patient = clinic.patients.create(details())
    details_ = SessionDetails(performed_at=datetime(2026, 11, 20, 9), practitioner_id=doctor.id,
                              technique=Technique.NAPPAGE, device=Device.MANUAL,
                              products=(ProductUse(lot.id, 1.0),))
    db.actor_id = doctor.id
    stored = clinic.sessions.create(patient.id, details_)
    db.actor_id = assistant.id
    with pytest.raises(ValidationError) as caught:
        clinic.sessions.sign(stored.id, stored.version)
    assert "Sam Becker is logged in" in caught.value.for_field("signed_by")
    with pytest.raises(ValidationError):
        clinic.adverse_events.mark_none_observed(stored.id)
    db.actor_id = admin.id  # another practitioner, not the one named
    with pytest.raises(ValidationError):
        clinic.sessions.sign(stored.id, stored.version)
    assert not clinic.sessions.get(stored.id).signed
    db.actor_id = doctor.id
    signed = clinic.sessions.sign(stored.id, stored.version)
    db.actor_id = admin.id
    with pytest.raises(ValidationError) as caught:
        clinic.sessions.amend(signed.id, signed.version, replace(details_, pain_score=4),
                              "Pain read back to the patient.", doctor.id)
    assert caught.value.for_field("author")
    assert clinic.sessions.get(signed.id).amendments == ()


def test_a_consent_is_taken_by_the_person_logged_in(accounts, db):
    from mesolog.domain.consent import ConsentKind

    service, clinic, _ = accounts
    admin = service.create_first_administrator("Dr A", "dra", "correct horse battery")
    db.actor_id = admin.id
    nurse = clinic.practitioners.create("Ines Alvarez", "ialvarez", Role.PRACTITIONER)
    patient = clinic.patients.create(details())
    db.actor_id = nurse.id
    with pytest.raises(ValidationError) as caught:
        clinic.consent.record(patient.id, ConsentKind.TREATMENT)
    assert "Ines Alvarez is logged in" in caught.value.for_field("taken_by")
    taken = clinic.consent.record(patient.id, ConsentKind.TREATMENT)
    assert taken.taken_by == "Ines Alvarez"
