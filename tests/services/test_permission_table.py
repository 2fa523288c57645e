"""Generated from the permission table: every service method that changes anything,
as every role: allowed and stored, or refused with nothing written.

The mutating methods are found, not listed: any public method of a service class
whose code reaches a transaction (``.transaction(``, ``.bookkeeping(``) or a
permission check (``.require(``), through the class's own helpers. Each needs a
way to be called here (RECIPES); a new one without it fails
``test_every_mutating_method_is_tried``.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import shutil
import textwrap
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import mesolog.services
from mesolog.domain.adverse_event import EventDetails, EventKind, Outcome
from mesolog.domain.catalogue import LotDetails, ProductDetails
from mesolog.domain.cohort import Cohort
from mesolog.domain.cohort import Outcome as CohortOutcome
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseDetails, CourseStatus
from mesolog.domain.list_table import ListTable
from mesolog.domain.measurement import MeasurementDetails
from mesolog.domain.permissions import PERMISSIONS, Action, Actor, NotPermitted
from mesolog.domain.photo import PhotoView
from mesolog.domain.practitioner import Role
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.spreadsheet import read_spreadsheet
from mesolog.services.accounts import AccountService
from mesolog.services.backups import BackupService
from mesolog.services.clinic import Clinic
from mesolog.services.clinic_export import ClinicExportService
from mesolog.services.clinic_import import ClinicImportService
from mesolog.services.letterhead import LetterheadService
from mesolog.services.list_export import ListExportService
from mesolog.services.patient_import import PatientImportService
from mesolog.services.practice_outcomes import PracticeOutcomesService
from mesolog.store.database import Database, FileKind, inspect_file, open_database
from tests.conftest import details, every_row, fixed_clock, picture

WRITES = {"transaction", "bookkeeping", "require"}
PASSWORD = "a long enough secret"
PEOPLE = {Role.ADMINISTRATOR: ("Dr Admin", "dradmin"), Role.PRACTITIONER: ("Dr Prac", "drprac"),
          Role.ASSISTANT: ("Sam Assist", "sassist")}


def _service_classes() -> list[type]:
    found = []
    for info in pkgutil.iter_modules(mesolog.services.__path__):
        module = importlib.import_module(f"mesolog.services.{info.name}")
        found += [c for _, c in inspect.getmembers(module, inspect.isclass)
                  if c.__module__ == module.__name__ and c.__name__.endswith("Service")]
    return found


def _reaches_a_write(cls: type) -> set[str]:
    """Public methods of ``cls`` whose code, or that of the methods of ``cls`` it calls,
    opens a transaction or asks the permission table."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    methods = {f.name: f for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)}
    calls: dict[str, set[str]] = {}
    writes: set[str] = set()
    for name, function in methods.items():
        calls[name] = set()
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in WRITES:
                    writes.add(name)
                calls[name].add(node.func.attr)
    changed = True
    while changed:  # a method that calls a writing method of its own class writes too
        changed = False
        for name, called in calls.items():
            if name not in writes and called & writes:
                writes.add(name)
                changed = True
    return {name for name in writes if not name.startswith("_")}


MUTATING = sorted((cls.__name__, name) for cls in _service_classes()
                  for name in _reaches_a_write(cls))


@dataclass
class Desk:
    """One role's view of a copy of the template clinic."""

    db: Database
    clinic: Clinic
    ids: dict[str, Any]
    folder: Path

    def service(self, class_name: str) -> Any:
        extra = {"AccountService": AccountService(self.db, fixed_clock),
                 "BackupService": BackupService(self.db),
                 "LetterheadService": LetterheadService(self.db),
                 "PatientImportService": PatientImportService(self.db, fixed_clock),
                 "ListExportService": ListExportService(self.db),
                 "ClinicExportService": ClinicExportService(self.db),
                 "PracticeOutcomesService": PracticeOutcomesService(self.db, fixed_clock),
                 "ClinicImportService": ClinicImportService(self.db)}
        if class_name in extra:
            return extra[class_name]
        return next(getattr(self.clinic, f) for f in self.clinic.__dataclass_fields__
                    if type(getattr(self.clinic, f)).__name__ == class_name)


def _session(ids, **changes) -> SessionDetails:
    values = dict(performed_at=datetime(2026, 11, 20, 9), practitioner_id=ids["performer"],
                  technique=Technique.NAPPAGE, device=Device.MANUAL,
                  products=(ProductUse(ids["lot"], 1.0),))
    values.update(changes)
    return SessionDetails(**values)


SHEET = (b"Chart no,Last name,First name,Date of birth,Sex,Diagnosis\n"
         b"P-IMP,Nowak,Anna,1980-01-05,F,Other\n")


def _photo(folder: Path) -> Path:
    return picture(folder / "vertex.png")


# How to call each mutating method once on the template clinic; what it returns that
# must exist afterwards (a file), if anything.
RECIPES = {
    ("PatientService", "create"): lambda d, s: s.create(details(chart_no="P-NEW")),
    ("PatientService", "update"): lambda d, s: s.update(
        d.ids["patient"], 1, details(notes="changed")),
    ("PatientService", "archive"): lambda d, s: s.archive(d.ids["patient"], 1),
    ("PatientService", "unarchive"): lambda d, s: s.unarchive(d.ids["archived"], 2),
    ("PractitionerService", "create"): lambda d, s: s.create("Dr New", "drnew",
                                                             Role.PRACTITIONER),
    ("AccountService", "add_account"): lambda d, s: s.add_account(
        "Dr New", "drnew", Role.ADMINISTRATOR, PASSWORD),
    ("AccountService", "create_first_administrator"): lambda d, s: s.create_first_administrator(
        "Dr New", "drnew", PASSWORD),
    ("AccountService", "change_own_password"): lambda d, s: s.change_own_password(
        PASSWORD, "another long secret"),
    ("AccountService", "reset_password"): lambda d, s: s.reset_password(
        d.ids["colleague"], "reset by someone"),
    ("AccountService", "give_imported_administrator"): lambda d, s:
        s.give_imported_administrator("dradmin", "another long secret"),
    ("AccountService", "set_role"): lambda d, s: s.set_role(d.ids["colleague"],
                                                             Role.ADMINISTRATOR),
    ("AccountService", "set_active"): lambda d, s: s.set_active(d.ids["colleague"], False),
    ("AccountService", "recovery_key_copied"): lambda d, s: s.recovery_key_copied(),
    ("AccountService", "authenticate"): lambda d, s: s.authenticate(
        d.clinic.actor and PEOPLE[d.clinic.actor.role][1], PASSWORD),
    ("CatalogueService", "create_product"): lambda d, s: s.create_product(
        ProductDetails("Dutasteride", "", "", ())),
    ("CatalogueService", "update_product"): lambda d, s: s.update_product(
        d.ids["unused_product"], 1, ProductDetails("Renamed", "", "", ())),
    ("CatalogueService", "add_lot"): lambda d, s: s.add_lot(
        d.ids["product"], LotDetails("NEW-1", date(2027, 6, 30))),
    ("ConsentService", "publish_form"): lambda d, s: s.publish_form(
        ConsentKind.TREATMENT, "Consent", "A new text."),
    ("ConsentService", "current_form"): lambda d, s: s.current_form(ConsentKind.TREATMENT),
    ("ConsentService", "form_for"): lambda d, s: s.form_for(d.ids["patient"],
                                                             ConsentKind.TREATMENT),
    ("ConsentService", "treatment_consent"): lambda d, s: s.treatment_consent(
        d.ids["patient"]),
    ("ConsentService", "record"): lambda d, s: s.record(d.ids["patient"],
                                                         ConsentKind.PHOTOGRAPHY),
    ("ConsentService", "withdraw"): lambda d, s: s.withdraw(d.ids["consent"]),
    ("CourseService", "create"): lambda d, s: s.create(
        d.ids["patient"], CourseDetails("Second series", 6, 21, date(2026, 11, 1))),
    ("CourseService", "set_status"): lambda d, s: s.set_status(
        d.ids["course"], 1, CourseStatus.STOPPED, "no improvement"),
    ("SessionService", "create"): lambda d, s: s.create(d.ids["patient"], _session(d.ids),
                                                         sign=True),
    ("SessionService", "update"): lambda d, s: s.update(
        d.ids["unsigned"], 1, _session(d.ids, pain_score=2)),
    ("SessionService", "sign"): lambda d, s: s.sign(d.ids["unsigned"], 1),
    ("SessionService", "amend"): lambda d, s: s.amend(
        d.ids["signed"], 2, _session(d.ids, performed_at=datetime(2026, 11, 21, 9),
                                     pain_score=4), "Pain score given afterwards."),
    ("AdverseEventService", "record"): lambda d, s: s.record(EventDetails(
        session_id=d.ids["unsigned"], kind=EventKind.PAIN, onset=date(2026, 11, 20), grade=1)),
    ("AdverseEventService", "update"): lambda d, s: s.update(
        d.ids["event"], 1, replace(s.get(d.ids["event"]).details, grade=2)),
    ("AdverseEventService", "resolve"): lambda d, s: s.resolve(
        d.ids["event"], 1, date(2026, 11, 24), Outcome.RESOLVED),
    ("AdverseEventService", "mark_none_observed"): lambda d, s: s.mark_none_observed(
        d.ids["unsigned"]),
    ("OutcomeService", "add_site"): lambda d, s: s.add_site(d.ids["patient"], "temple"),
    ("OutcomeService", "record_measurement"): lambda d, s: s.record_measurement(
        d.ids["patient"], MeasurementDetails(site_id=d.ids["site"], taken_on=date(2026, 11, 20),
                                             density=120.0)),
    ("OutcomeService", "record_grade"): lambda d, s: s.record_grade(
        d.ids["patient"], "ludwig", "II", date(2026, 11, 20)),
    ("OutcomeService", "record_salt"): lambda d, s: s.record_salt(
        d.ids["patient"], date(2026, 11, 20), 10, 10, 10, 10),
    ("OutcomeService", "attach_photo"): lambda d, s: s.attach_photo(
        d.ids["patient"], _photo(d.folder), PhotoView.VERTEX, date(2026, 11, 20)),
    ("LetterheadService", "set"): lambda d, s: s.set("Clinic Łódź", "", ""),
    ("PatientImportService", "plan"): lambda d, s: s.plan(read_spreadsheet(SHEET)),
    ("PatientImportService", "run"): lambda d, s: s.run(s.plan(read_spreadsheet(SHEET))),
    ("ListExportService", "write"): lambda d, s: (s.write(
        ListTable("list", ("a",), (("1",),)), d.folder / "list.csv"), d.folder / "list.csv")[1],
    ("ClinicExportService", "export"): lambda d, s: s.export(d.folder / "export",
                                                             fixed_clock()).folder,
    ("ClinicExportService", "export_patient"): lambda d, s: s.export_patient(
        d.ids["patient"], d.folder / "record", fixed_clock()).folder,
    # reads across the practice: nothing written, but not for every role
    ("PracticeOutcomesService", "cohort"): lambda d, s: s.cohort(Cohort(), CohortOutcome()),
    ("PracticeOutcomesService", "compare"): lambda d, s: s.compare(Cohort(), Cohort(),
                                                                   CohortOutcome()),
    ("PracticeOutcomesService", "products"): lambda d, s: s.products(),
    ("PracticeOutcomesService", "protocols"): lambda d, s: s.protocols(),
    ("PracticeOutcomesService", "safety"): lambda d, s: s.safety(),
    ("PracticeOutcomesService", "write_report"): lambda d, s: (s.write_report(
        d.folder / "practice.pdf", fixed_clock()), d.folder / "practice.pdf")[1],
    ("ClinicExportService", "export_fhir"): lambda d, s: s.export_fhir(
        d.folder / "fhir", fixed_clock()).folder,
    ("ClinicExportService", "export_patient_fhir"): lambda d, s: s.export_patient_fhir(
        d.ids["patient"], d.folder / "fhir record", fixed_clock()).folder,
    # into a clinic that holds records: nothing to do, for anyone
    ("ClinicImportService", "import_clinic"): lambda d, s: s.import_clinic(
        d.folder / "an export", "dradmin", PASSWORD),
    ("BackupService", "back_up"): lambda d, s: (s.back_up(d.folder / "copy.sqlite"),
                                                d.folder / "copy.sqlite")[1],
    ("BackupService", "automatic"): lambda d, s: (s.automatic(d.folder / "auto", fixed_clock()),
                                                  next((d.folder / "auto").glob("*.sqlite")))[1],
    ("BackupService", "restore"): lambda d, s: s.restore(d.ids["backup"]),
    # the plain template made encrypted: the plain copy kept aside is what it leaves
    ("BackupService", "encrypt"): lambda d, s: s.encrypt(PASSWORD, fixed_clock()
                                                         ).converted.plain_copy,
}


# Methods that change nothing in the template clinic: reads that publish the shipped
# consent text only when a database has none yet, the first account once accounts exist,
# and forgetting the recovery key, which changes the key file of an encrypted database only.
NOTHING_TO_DO = {("ConsentService", "current_form"), ("ConsentService", "form_for"),
                 ("ConsentService", "treatment_consent"),
                 ("AccountService", "create_first_administrator"),
                 ("AccountService", "recovery_key_copied"),
                 ("PatientImportService", "plan"), ("ClinicImportService", "import_clinic"),
                 # reads across the practice: permitted or refused, never a change
                 *(("PracticeOutcomesService", m) for m in (
                     "cohort", "compare", "products", "protocols", "safety"))}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path_factory.mktemp("template")
    path = folder / "clinic.sqlite"
    # plain: the roles are the same on an encrypted file, and File > Encrypt is one of
    # the methods tried
    db = open_database(path, encrypt=False)
    setup = db.acting_as(Actor.program("the permission table test's set-up"))
    accounts = AccountService(setup, fixed_clock)
    people = {role: accounts.add_account(name, login, role, PASSWORD)
              for role, (name, login) in PEOPLE.items()}
    colleague = accounts.add_account("Nurse N", "nursen", Role.PRACTITIONER, PASSWORD)
    with setup.transaction(Action.ACCOUNT_ADD) as session:  # each chose their own
        session.execute(__import__("sqlalchemy").text(
            "UPDATE practitioner SET must_change_password = 0"))
    clinic = Clinic.of(setup, fixed_clock)
    product = clinic.catalogue.create_product(ProductDetails("Biotin", "", "", ()))
    unused = clinic.catalogue.create_product(ProductDetails("Never given", "", "", ()))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B-1", date(2027, 6, 30)))
    patient = clinic.patients.create(details())
    archived = clinic.patients.create(details(chart_no="P-OLD", last_name="Old"))
    clinic.patients.archive(archived.id, archived.version)
    course = clinic.courses.create(patient.id, CourseDetails("Series", 6, 21,
                                                             date(2026, 9, 1)))
    doctor = Clinic.of(db.acting_as(people[Role.PRACTITIONER].actor), fixed_clock)
    for kind in ConsentKind:
        clinic.consent.current_form(kind)
    consent = doctor.consent.record(patient.id, ConsentKind.TREATMENT)
    ids = {"patient": patient.id, "archived": archived.id, "course": course.id,
           "product": product.id, "unused_product": unused.id, "lot": lot.id,
           "performer": people[Role.PRACTITIONER].id, "colleague": colleague.id,
           "consent": consent.id}
    ids["unsigned"] = doctor.sessions.create(patient.id, _session(ids)).id
    ids["signed"] = doctor.sessions.create(patient.id, _session(
        ids, performed_at=datetime(2026, 11, 21, 9)), sign=True).id
    ids["event"] = doctor.adverse_events.record(EventDetails(
        session_id=ids["signed"], kind=EventKind.BRUISING, onset=date(2026, 11, 21),
        grade=1)).id
    ids["site"] = doctor.outcomes.add_site(patient.id, "vertex centre").id
    ids["people"] = {role: person.actor for role, person in people.items()}
    db.close()
    backup = folder / "backup.sqlite"
    BackupService(open_database(path).acting_as(Actor.program("set-up"))).back_up(backup)
    ids["backup"] = backup
    return path, ids


def _dump(path: Path) -> dict[str, list[tuple]]:
    """Every row; for a file no longer plain (encrypted by the test), that it is not."""
    if inspect_file(path).kind is FileKind.ENCRYPTED:
        return {"encrypted": []}
    return every_row(path)


def _attempt(template, tmp_path: Path, key: tuple[str, str], role: Role, monkeypatch):
    """Call the method as ``role``: (what happened, the actions asked, changed?, artefact)."""
    path, ids = template
    copy = tmp_path / role.value / "clinic.sqlite"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    before = _dump(copy)
    asked: list[Action] = []
    real_permit = Database.permit

    def spy(self, session, action):
        asked.append(action)
        return real_permit(self, session, action)

    monkeypatch.setattr(Database, "permit", spy)
    db = open_database(copy).acting_as(ids["people"][role])
    desk = Desk(db, Clinic.of(db, fixed_clock), ids, copy.parent)
    outcome: Any
    try:
        outcome = RECIPES[key](desk, desk.service(key[0]))
    except Exception as e:
        outcome = e
    finally:
        db.close()
        monkeypatch.undo()
    artefact = outcome if isinstance(outcome, Path) else None
    return outcome, asked, _dump(copy) != before, artefact


def test_every_mutating_method_is_tried():
    assert len(MUTATING) >= 35  # the discovery finds them (sessions, accounts, backups…)
    missing = [f"{c}.{m}" for c, m in MUTATING if (c, m) not in RECIPES]
    assert not missing, f"mutating service methods with no entry in RECIPES: {missing}"
    stale = [f"{c}.{m}" for c, m in RECIPES if (c, m) not in MUTATING]
    assert not stale, f"RECIPES for methods that no longer change anything: {stale}"


@pytest.mark.parametrize("key", MUTATING, ids=[f"{c}.{m}" for c, m in MUTATING])
def test_each_role_is_allowed_and_stored_or_refused_with_nothing_written(
        key, template, tmp_path, monkeypatch):
    if key not in RECIPES:
        pytest.fail(f"{key[0]}.{key[1]} changes the records and has no entry in RECIPES")
    runs = {role: _attempt(template, tmp_path, key, role, monkeypatch) for role in Role}
    outcome, asked, changed, artefact = runs[Role.ADMINISTRATOR]
    if isinstance(outcome, Exception) or not (changed or artefact):
        # nothing to do in this clinic (a form already published, accounts that exist):
        # then nobody changes anything, whatever their role
        assert key in NOTHING_TO_DO, f"{key} as administrator: {outcome!r}"
        assert not any(run[2] for run in runs.values()), runs
        return
    assert asked, f"{key} changed the records without asking the permission table"
    for role, (outcome, _, changed, artefact) in runs.items():
        allowed = all(action in PERMISSIONS[role] for action in asked)
        if allowed:
            assert not isinstance(outcome, Exception), (role, outcome)
            assert changed or (artefact is not None and artefact.exists()), role
        else:
            assert isinstance(outcome, NotPermitted), (role, outcome)
            assert role.value in str(outcome) or "an assistant" in str(outcome)
            assert not changed, f"{key} as {role} was refused but wrote"
            assert artefact is None
