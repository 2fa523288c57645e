"""Accounts and who may do what: logins, passwords, roles, and signatures that are the
signer's own."""

import inspect
from dataclasses import replace
from datetime import date, datetime

import pytest

from mesolog.domain.adverse_event import EventDetails, EventKind, Outcome
from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseDetails, CourseStatus
from mesolog.domain.permissions import Actor, NotPermitted
from mesolog.domain.practitioner import lockout_seconds
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ValidationError
from mesolog.services.accounts import AccountService, LoginRefused
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from tests.conftest import acting_as, details, fixed_clock, picture, write_directly


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def accounts(db):
    clock = Clock()
    return AccountService(db, fixed_clock, clock), clock


def as_(db, person, clock=None) -> Clinic:
    """The clinic as ``person`` sees it once logged in."""
    return Clinic.of(acting_as(db, person), clock or fixed_clock)


def test_the_first_administrator_and_argon2_hashes(accounts, db):
    service, _ = accounts
    assert not service.has_accounts()
    with pytest.raises(ValidationError) as caught:
        service.create_first_administrator("Dr Claire Moreau", "cmoreau", "short")
    assert caught.value.for_field("password") == "Use at least 10 characters."
    admin = service.create_first_administrator("Dr Claire Moreau", "cmoreau",
                                               "correct horse battery")
    assert admin.role is Role.ADMINISTRATOR and service.has_accounts()
    stored = db.fetch_all("SELECT password_hash FROM practitioner WHERE login = 'cmoreau'")[0][0]
    assert stored.startswith("$argon2id$") and "correct" not in stored
    logged_in = service.authenticate("CMoreau ", "correct horse battery")
    assert logged_in.actor == admin.actor and not logged_in.must_change_password
    with pytest.raises(ValidationError):
        service.create_first_administrator("Someone", "someone", "another long one")


def test_wrong_passwords_are_rate_limited(accounts):
    service, clock = accounts
    service.create_first_administrator("Dr A", "dra", "correct horse battery")
    for _ in range(3):
        with pytest.raises(LoginRefused, match="Wrong login or password"):
            service.authenticate("dra", "guess")
    with pytest.raises(LoginRefused, match="try again in 3 s"):
        service.authenticate("dra", "correct horse battery")  # even the right one waits
    clock.now += lockout_seconds(3) + 0.1
    assert service.authenticate("dra", "correct horse battery").actor.name == "Dr A"
    with pytest.raises(LoginRefused, match="Wrong login"):
        service.authenticate("nobody", "correct horse battery")
    assert [lockout_seconds(n) for n in (0, 2, 3, 4, 5, 20)] == [0, 0, 2, 4, 8, 300]


def test_wrong_passwords_are_counted_in_the_database_across_restarts(db):
    clock = Clock()
    AccountService(db, fixed_clock, clock).create_first_administrator(
        "Dr A", "dra", "correct horse battery")
    for _ in range(3):  # three separate runs, each with a fresh service
        with pytest.raises(LoginRefused, match="Wrong login or password"):
            AccountService(db, fixed_clock, clock).authenticate("dra", "guess")
    later = AccountService(db, fixed_clock, clock)
    with pytest.raises(LoginRefused, match="try again in 3 s"):
        later.authenticate("dra", "correct horse battery")  # the right one waits too
    clock.now += lockout_seconds(3) + 0.1
    assert later.authenticate("dra", "correct horse battery").actor.name == "Dr A"
    assert db.fetch_all("SELECT count(*) FROM login_failure")[0][0] == 0  # forgiven
    assert db.fetch_all("SELECT last_login_at FROM practitioner WHERE login = 'dra'")[0][0]
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

    service = AccountService(db, fixed_clock, Clock())
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
    service, _ = accounts
    admin = service.create_first_administrator("Dr A", "dra", "correct horse battery")
    as_admin = AccountService(acting_as(db, admin), fixed_clock)
    assistant = as_admin.add_account("Sam Becker", "sbecker", Role.ASSISTANT,
                                     "assistant secret")
    assert service.authenticate("sbecker", "assistant secret").must_change_password
    clinic = as_(db, assistant)
    with pytest.raises(NotPermitted, match="an assistant may not reset another person's"):
        clinic.accounts.reset_password(admin.id, "taken over at last")
    assert service.authenticate("dra", "correct horse battery").actor.id == admin.id
    for attempt in (lambda: clinic.accounts.add_account("Eve", "eve", Role.ADMINISTRATOR,
                                                        "a long enough secret"),
                    lambda: clinic.practitioners.create("Eve", "eve", Role.ADMINISTRATOR),
                    lambda: clinic.accounts.set_role(assistant.id, Role.ADMINISTRATOR)):
        with pytest.raises(NotPermitted, match="Sam Becker is logged in as an assistant"):
            attempt()
    assert "eve" not in {p.name.lower() for p in clinic.practitioners.active()}
    # one's own password: only with the current one, and then no longer "to choose"
    with pytest.raises(ValidationError) as caught:
        clinic.accounts.change_own_password("a wrong guess", "a new secret of mine")
    assert caught.value.for_field("current") == "The current password is wrong."
    clinic.accounts.change_own_password("assistant secret", "a new secret of mine")
    logged_in = service.authenticate("sbecker", "a new secret of mine")
    assert logged_in.actor.id == assistant.id and not logged_in.must_change_password
    as_admin.reset_password(assistant.id, "reset by the administrator")
    assert service.authenticate("sbecker", "reset by the administrator").must_change_password
    with pytest.raises(ValidationError, match="your own password"):
        as_admin.reset_password(admin.id, "without the current one")


def test_roles_change_deactivation_and_the_last_administrator(accounts, db):
    service, _ = accounts
    admin = service.create_first_administrator("Dr A", "dra", "correct horse battery")
    as_admin = AccountService(acting_as(db, admin), fixed_clock)
    with pytest.raises(ValidationError, match="last active administrator"):
        as_admin.set_role(admin.id, Role.PRACTITIONER)
    with pytest.raises(ValidationError, match="Another administrator"):
        as_admin.set_active(admin.id, False)
    nurse = as_admin.add_account("Ines Alvarez", "ialvarez", Role.PRACTITIONER,
                                 "another long secret")
    nurse_clinic = as_(db, nurse)  # logged in as a practitioner...
    patient = nurse_clinic.patients.create(details())
    assert as_admin.set_role(nurse.id, Role.ASSISTANT).role is Role.ASSISTANT
    with pytest.raises(NotPermitted, match="an assistant may not start a treatment course"):
        nurse_clinic.courses.create(patient.id, CourseDetails("Series", 6, 21,
                                                              date(2026, 11, 1)))  # ...at once
    as_admin.set_active(nurse.id, False)
    with pytest.raises(LoginRefused):
        service.authenticate("ialvarez", "another long secret")
    with pytest.raises(NotPermitted, match="Ines Alvarez's account is deactivated"):
        nurse_clinic.patients.create(details(chart_no="P-2"))  # the open window, too
    accounts_list = {a.login: a for a in as_(db, admin).practitioners.accounts()}
    assert not accounts_list["ialvarez"].active  # never deleted
    with pytest.raises(ValidationError, match="Choose a password"):
        as_admin.set_active(nurse.id, True)  # back only with a password chosen for it
    with pytest.raises(ValidationError, match="at least"):
        as_admin.set_active(nurse.id, True, "short")
    assert not {a.login: a for a in as_(db, admin).practitioners.accounts()}[
        "ialvarez"].active  # nothing half-done
    assert accounts_list["dra"].last_login_at is None  # created, not yet logged in
    second = as_admin.add_account("Dr B", "drb", Role.ADMINISTRATOR, "a third long secret")
    as_admin.set_role(admin.id, Role.PRACTITIONER)  # another administrator exists now
    with pytest.raises(ValidationError, match="last active administrator"):
        AccountService(acting_as(db, second), fixed_clock).set_role(second.id, Role.ASSISTANT)


@pytest.fixture
def treated(db):
    """A doctor, a nurse and an assistant; a patient with a signed and an unsigned session."""
    admin = Clinic.of(db, fixed_clock)
    doctor = admin.practitioners.create("Dr B", "drb", Role.PRACTITIONER)
    nurse = admin.practitioners.create("Ines Alvarez", "ialvarez", Role.PRACTITIONER)
    assistant = admin.practitioners.create("Sam Becker", "sbecker", Role.ASSISTANT)
    product = admin.catalogue.create_product(ProductDetails(
        "Biotin", "", "", (Ingredient("Biotin", "5 mg/ml"),)))
    lot = admin.catalogue.add_lot(product.id, LotDetails("B1", date(2027, 1, 1)))
    patient = admin.patients.create(details())
    session = SessionDetails(performed_at=datetime(2026, 11, 20, 9), practitioner_id=doctor.id,
                             technique=Technique.NAPPAGE, device=Device.MANUAL,
                             products=(ProductUse(lot.id, 1.0),))
    clinic = as_(db, doctor)
    unsigned = clinic.sessions.create(patient.id, session)
    signed = clinic.sessions.create(patient.id, replace(
        session, performed_at=datetime(2026, 11, 21, 9)), sign=True)
    return dict(admin=admin, doctor=doctor, nurse=nurse, assistant=assistant, lot=lot,
                product=product, patient=patient, unsigned=unsigned, signed=signed)


def test_a_signature_an_amendment_a_consent_and_a_check_are_the_actors_own(treated, db):
    t = treated
    for method in ("sign", "amend", "create", "update"):
        assert not {"practitioner_id", "signed_by", "author_id"} & set(
            inspect.signature(getattr(t["admin"].sessions, method)).parameters)
    assert "taken_by_id" not in inspect.signature(t["admin"].consent.record).parameters
    assert t["signed"].signed_by == "Dr B"
    nurse = as_(db, t["nurse"])
    signed = nurse.sessions.sign(t["unsigned"].id, t["unsigned"].version)
    assert signed.signed_by == "Ines Alvarez"  # the one who signs, not the performer
    amended = nurse.sessions.amend(signed.id, signed.version,
                                   replace(signed.details, pain_score=4),
                                   "Pain read back to the patient.")
    assert amended.amendments[0].author == "Ines Alvarez"
    assert nurse.consent.record(t["patient"].id, ConsentKind.TREATMENT).taken_by == \
        "Ines Alvarez"
    nurse.adverse_events.mark_none_observed(signed.id)
    assert db.fetch_all("SELECT checked_by_id FROM side_effect_check")[0][0] == t["nurse"].id
    program = Clinic.of(db.acting_as(Actor.program("an import script")), fixed_clock)
    with pytest.raises(ValidationError, match="an import script is not a person"):
        program.consent.record(t["patient"].id, ConsentKind.PHOTOGRAPHY)


def test_an_assistant_keeps_demographics_and_photos_and_nothing_clinical(treated, db, tmp_path):
    from mesolog.domain.photo import PhotoView

    t = treated
    clinic = as_(db, t["assistant"])
    patient = clinic.patients.create(details(chart_no="P-7"))  # demographics: allowed
    photo = tmp_path / "vertex.png"
    picture(photo)
    clinic.outcomes.attach_photo(patient.id, photo, PhotoView.VERTEX, date(2026, 11, 20))
    unsigned, signed = t["unsigned"], t["signed"]
    course = t["admin"].courses.create(t["patient"].id, CourseDetails(
        "Series", 6, 21, date(2026, 11, 1)))
    event = t["admin"].adverse_events.record(EventDetails(
        session_id=signed.id, kind=EventKind.PAIN, onset=date(2026, 11, 21), grade=1))
    before = db.fetch_all("SELECT count(*) FROM audit_entry")[0][0]
    attempts = {
        "sign a session": lambda: clinic.sessions.sign(unsigned.id, unsigned.version),
        "amend a signed session": lambda: clinic.sessions.amend(
            signed.id, signed.version, replace(signed.details, pain_score=2), "Typed late."),
        "record that none was observed": lambda: clinic.adverse_events.mark_none_observed(
            unsigned.id),
        "change a side effect": lambda: clinic.adverse_events.update(
            event.id, event.version, replace(event.details, grade=2)),
        "resolve a side effect": lambda: clinic.adverse_events.resolve(
            event.id, event.version, date(2026, 11, 24), Outcome.RESOLVED),
        "complete, stop or resume a course": lambda: clinic.courses.set_status(
            course.id, course.version, CourseStatus.STOPPED, "no improvement"),
        "record a grade or SALT score": lambda: clinic.outcomes.record_salt(
            t["patient"].id, date(2026, 11, 20), 10, 10, 10, 10),
        "publish a new consent form version": lambda: clinic.consent.publish_form(
            ConsentKind.TREATMENT, "Consent", "Other text"),
        "record a consent": lambda: clinic.consent.record(t["patient"].id,
                                                          ConsentKind.TREATMENT),
        "add or change a product": lambda: clinic.catalogue.update_product(
            t["product"].id, t["product"].version, replace(t["product"].details,
                                                           name="Renamed")),
    }
    for label, attempt in attempts.items():
        with pytest.raises(NotPermitted, match=f"an assistant may not {label}"):
            attempt()
    assert db.fetch_all("SELECT count(*) FROM audit_entry")[0][0] == before  # nothing written


def test_nobody_logged_in_changes_nothing(db_path):
    from mesolog.store.database import open_database

    db = open_database(db_path)
    try:
        with pytest.raises(NotPermitted, match="Nobody is logged in"):
            Clinic.of(db, fixed_clock).patients.create(details())
        assert db.fetch_all("SELECT count(*) FROM patient")[0][0] == 0
    finally:
        db.close()


def test_passwords_are_hashed_with_the_chosen_parameters_and_old_hashes_are_renewed(db):
    from argon2 import PasswordHasher, extract_parameters

    from mesolog.services.accounts import _NO_SUCH_LOGIN
    from mesolog.store.keys import ARGON2_LANES, ARGON2_MEMORY_KIB, ARGON2_TIME_COST

    service = AccountService(db, fixed_clock, Clock())
    admin = service.create_first_administrator("Dr A", "dra", "correct horse battery")
    chosen = extract_parameters(_NO_SUCH_LOGIN)
    assert (chosen.time_cost, chosen.memory_cost, chosen.parallelism) == \
        (ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_LANES)

    def stored() -> str:
        return db.fetch_all("SELECT password_hash FROM practitioner WHERE id = ?",
                            (admin.id,))[0][0]

    assert extract_parameters(stored()) == chosen
    # an account made by an earlier Mesolog, with argon2-cffi's default parameters
    old = PasswordHasher().hash("correct horse battery")
    write_directly(db, "UPDATE practitioner SET password_hash = ?", (old,))
    assert service.authenticate("dra", "correct horse battery").actor.id == admin.id
    assert stored() != old and extract_parameters(stored()) == chosen
    assert service.authenticate("dra", "correct horse battery").actor.id == admin.id
