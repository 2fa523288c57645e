"""A realistic, deterministic demo clinic for trying Mesolog out: the patients."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.patient import Diagnosis, PatientDetails, Sex, check_patient
from mesolog.domain.permissions import Action, Actor
from mesolog.domain.photo import photo_folder_of
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.text import fold
from mesolog.services.accounts import password_hasher
from mesolog.services.clock import Clock, local_now
from mesolog.services.demo_outcomes import add_outcomes
from mesolog.services.demo_treatment import add_treatment_history
from mesolog.services.patients import patient_columns
from mesolog.store import models
from mesolog.store.bulk import big_page_cache, insert_rows
from mesolog.store.database import Database, DatabaseError, open_database
from mesolog.store.database_files import remove_clinic
from mesolog.store.keys import KeyFile, key_file_of
from mesolog.store.server import catch_up_ids

# Names of a city practice with patients from many places, accents included,
# so that search and printing meet real names from the first demo on.
_FEMALE = ["Anna", "Maria", "Sophie", "Chloé", "Inès", "Zeynep", "Agnieszka", "Ingrid",
           "Lucía", "Giulia", "Emma", "Olivia", "Hannah", "Léa", "Małgorzata", "Aylin",
           "Sara", "Nora", "Elif", "Camille", "Katarzyna", "Björk", "Ana", "Fatima",
           "Yasmin", "Julia", "Laura", "Eva", "Helena", "Noémie", "Chiara", "Astrid"]
_MALE = ["James", "Lukas", "Łukasz", "Mehmet", "José", "François", "Jan", "Piotr", "Luca",
         "Noah", "Liam", "Oliver", "Ahmed", "Søren", "Mateo", "Hugo", "Emre", "Tomás",
         "David", "Daniel", "Jonas", "Paweł", "Jérôme", "Marco", "Ali", "Omar", "Erik",
         "Andrés", "Nikolai", "Dmitri", "Thomas", "Kenji"]
_LAST = ["Müller", "Schmidt", "García", "Fernández", "Rossi", "Bianchi", "Dubois", "Lefèvre",
         "Nowak", "Wójcik", "Kowalski", "Öztürk", "Yılmaz", "Kaya", "Jørgensen", "Nielsen",
         "Smith", "Jones", "Brown", "Taylor", "Wilson", "O'Connor", "MacLeod", "Novák",
         "Dvořák", "Horváth", "Nagy", "Popescu", "Ionescu", "Petrović", "Jovanović",
         "Santos", "Silva", "Pereira", "Martínez", "López", "Moreau", "Laurent", "Fischer",
         "Weber", "Schäfer", "Andersson", "Lindqvist", "Van der Berg", "De Vries",
         "Haddad", "Khalil", "Tanaka", "Nakamura", "Kim", "Nguyễn", "Sánchez-Vidal"]
_STREETS = ["Mill Lane", "Rue des Lilas", "Hauptstraße", "Via Roma", "Calle Mayor",
            "ul. Lipowa", "Church Road", "Park Avenue", "Kastanienallee", "Station Road"]
_CITIES = ["Amsterdam", "Bruxelles", "Köln", "Lyon", "Kraków", "Zürich", "Wien", "London"]

_CONDITIONS = ["Hypothyroidism, on replacement", "Iron-deficiency anaemia (2023)",
               "Polycystic ovary syndrome", "Seborrhoeic dermatitis of the scalp",
               "Hypertension, controlled", "Type 2 diabetes", "Migraine",
               "Post-partum (8 months)", "Vitamin D deficiency", "Psoriasis, elbows only",
               "Recent COVID-19 infection", "Anxiety disorder"]
_MEDICATIONS = ["Finasteride 1 mg daily", "Topical minoxidil 5 % twice daily",
                "Spironolactone 100 mg daily", "Levothyroxine 75 µg", "Combined oral contraceptive",
                "Ferrous sulfate 200 mg", "Cholecalciferol 1000 IU", "Biotin 5 mg",
                "Ramipril 5 mg", "Metformin 500 mg twice daily", "Ibuprofen as needed"]
_ALLERGIES = ["Lidocaine", "Penicillin", "Nickel", "Latex", "Chlorhexidine",
              "Biotin (urticaria 2022)", "Iodine", "Minoxidil (contact dermatitis)"]
_CONTRAINDICATIONS = ["Anticoagulant therapy (apixaban)", "Keloid tendency",
                      "Pregnant — postpone treatment", "Active scalp infection",
                      "Needle phobia with vasovagal episodes", "Uncontrolled diabetes"]
_NOTES = ["Prefers morning appointments.", "Referred by dermatologist.",
          "Family history of hair loss on father's side.",
          "Shedding started after a stressful year.",
          "Wants photos before each session.", "Sensitive to pain; numbing cream beforehand.",
          "Travels often; keep intervals flexible."]

_DIAGNOSES = {
    Sex.MALE: [(Diagnosis.MALE_AGA, 75), (Diagnosis.ALOPECIA_AREATA, 10),
               (Diagnosis.TELOGEN_EFFLUVIUM, 10), (Diagnosis.OTHER, 5)],
    Sex.FEMALE: [(Diagnosis.FEMALE_AGA, 50), (Diagnosis.TELOGEN_EFFLUVIUM, 35),
                 (Diagnosis.ALOPECIA_AREATA, 10), (Diagnosis.OTHER, 5)],
}

# Every demo account logs in with this password (the demo clinic is invented data).
DEMO_PASSWORD = "mesolog-demo"
_PRACTITIONERS = [("Dr Claire Moreau", "cmoreau", "administrator"),
                  ("Dr Tomasz Zieliński", "tzielinski", "practitioner"),
                  ("Ines Álvarez, RN", "ialvarez", "practitioner"),
                  ("Sam Becker", "sbecker", "assistant")]


def _some(rng: random.Random, pool: list[str], chance: float, most: int = 2) -> str:
    if rng.random() >= chance:
        return ""
    return "\n".join(rng.sample(pool, rng.randint(1, most)))


def demo_patient(rng: random.Random, number: int, width: int, today: date) -> PatientDetails:
    sex = Sex.MALE if rng.random() < 0.55 else Sex.FEMALE
    if rng.random() < 0.01:
        sex = Sex.OTHER
    first = rng.choice(_MALE if sex is Sex.MALE else _FEMALE if sex is Sex.FEMALE
                       else _MALE + _FEMALE)
    last = rng.choice(_LAST)
    age_days = int(rng.triangular(18, 72, 38) * 365.25)
    choices = _DIAGNOSES.get(sex, _DIAGNOSES[Sex.FEMALE])
    diagnosis = rng.choices([d for d, _ in choices], weights=[w for _, w in choices])[0]
    login = "".join(c for c in fold(f"{first}.{last}") if c.isascii() and (c.isalnum() or c == "."))
    return PatientDetails(
        chart_no=f"P-{number:0{width}d}",
        last_name=last,
        first_name=first,
        date_of_birth=today - timedelta(days=age_days),
        sex=sex,
        diagnosis=diagnosis,
        phone=f"+{rng.choice([31, 32, 33, 41, 43, 44, 48, 49])} {rng.randint(100, 999)} "
              f"{rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        email=f"{login}{rng.randint(1, 99)}@example.org" if rng.random() < 0.8 else "",
        address=f"{rng.randint(1, 180)} {rng.choice(_STREETS)}\n{rng.choice(_CITIES)}",
        medical_conditions=_some(rng, _CONDITIONS, 0.45),
        medications=_some(rng, _MEDICATIONS, 0.55, 3),
        allergies=_some(rng, _ALLERGIES, 0.12, 1),
        contraindications=_some(rng, _CONTRAINDICATIONS, 0.06, 1),
        notes=_some(rng, _NOTES, 0.3, 1),
    )


# Who the demo's records are written by: a program, not anyone's account.
DEMO_BUILDER = Actor.program("the demo clinic builder")


def build_demo_clinic(db: Database, patients: int = 200, seed: int = 1,
                      clock: Clock = local_now, progress: Progress = no_progress) -> int:
    """Fill an empty database with a demo clinic; the number of patients added.
    ``progress`` follows it in three stretches of ``patients`` each (it may raise
    Cancelled: the one transaction then rolls back)."""
    if patients < 0:
        raise ValueError("the number of patients cannot be negative")
    rng = random.Random(seed)
    now = clock()
    with db.acting_as(DEMO_BUILDER).transaction(Action.IMPORT) as session:
        existing = session.execute(select(func.count()).select_from(models.Patient)).scalar_one()
        if existing:
            raise DatabaseError(
                f"{db.location} already holds {existing} patients; "
                "a demo clinic goes into a new or empty database"
            )
        with big_page_cache(session):
            demo_hash = password_hasher().hash(DEMO_PASSWORD)
            session.execute(insert(models.Practitioner), [
                {"name": name, "login": login, "role": role, "password_hash": demo_hash,
                 "active": True, "created_at": now, "updated_at": now, "version": 1}
                for name, login, role in _PRACTITIONERS
            ])
            practitioner_ids = list(session.execute(
                select(models.Practitioner.id).where(models.Practitioner.role != "assistant")
            ).scalars())
            _add_patients(session, rng, patients, now, _Ticks(progress, patients, 0))
            add_treatment_history(session, rng, list(range(1, patients + 1)), practitioner_ids,
                                  now, _Ticks(progress, patients, 1))
            folder = None if db.on_server else photo_folder_of(db.path)
            add_outcomes(session, rng, now, folder, db.key,
                         _Ticks(progress, patients, 2))
            session.add(models.LetterheadRow(id=1, name="Mesolog Demo Clinic",
                                             address="1 Example Street\nSpringfield",
                                             phone="+1 555 0100"))
            _lock_for_demo_accounts(db, session)
            if db.on_server:
                catch_up_ids(session.connection())
    return patients


def _lock_for_demo_accounts(db: Database, session: OrmSession) -> None:
    """An encrypted demo clinic opens with each demo login; its records are invented,
    so its recovery key is not kept to be shown (DEMO_PASSWORD is printed for all)."""
    key = db.key
    if key is None:
        return

    def lock(keys: KeyFile) -> None:
        for _name, login, _role in _PRACTITIONERS:
            keys.set_slot(login, DEMO_PASSWORD, key)
        keys.forget_recovery_key()
    db.change_key_file(session, lock)


class _Ticks:
    """Counts one stretch of the build for ``progress``, about a hundred times."""

    WHAT = ("writing patients", "writing treatment courses and sessions",
            "writing outcomes and photos")

    def __init__(self, progress: Progress, patients: int, stretch: int):
        self._progress, self._patients, self._stretch = progress, patients, stretch
        self._every = max(1, patients // 100)

    def __call__(self, done: int) -> None:
        if done % self._every == 0 or done == self._patients:
            self._progress(self._stretch * self._patients + done, 3 * self._patients,
                           self.WHAT[self._stretch])


def make_demo_clinic_file(path: Path, patients: int, progress: Progress = no_progress,
                          clock: Clock = local_now) -> None:
    """A new demo clinic at ``path``, all or nothing: it is built under another name
    and takes ``path`` only when whole, so a cancelled, failed or killed build leaves
    no half-made clinic where the next one would be opened."""
    building = path.with_name(f"{path.stem}.building{path.suffix}")
    remove_clinic(building)
    try:
        db = open_database(building)
        try:
            build_demo_clinic(db, patients, clock=clock, progress=progress)
        finally:
            db.close()
        if key_file_of(building).exists():  # first: the file opens only beside it
            key_file_of(building).replace(key_file_of(path))
        photos = photo_folder_of(building)
        if photos.exists():
            photos.rename(photo_folder_of(path))
        building.replace(path)
    except BaseException:
        remove_clinic(building)
        raise


def _add_patients(session: OrmSession, rng: random.Random, patients: int,
                  now: datetime, tick: Callable[[int], None]) -> None:
    today = now.date()
    width = max(5, len(str(patients)))
    batch: list[dict] = []
    for number in range(1, patients + 1):
        details = check_patient(demo_patient(rng, number, width, today), today)
        created = now - timedelta(days=rng.randint(0, 730), minutes=rng.randint(0, 600))
        if not details.allergies and number % 10:  # most were asked when the chart began
            details = replace(details, no_known_allergies_on=created.date())
        batch.append({**patient_columns(details), "id": number,
                      "archived": rng.random() < 0.04,
                      "created_at": created, "updated_at": created, "version": 1})
        if len(batch) == 5000:
            insert_rows(session, models.Patient, batch)
            batch.clear()
        tick(number)
    if batch:
        insert_rows(session, models.Patient, batch)
