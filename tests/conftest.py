"""Shared fixtures: every test gets its own database file and settings file."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

# Headless everywhere: set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy import select

from mesolog.domain import scalp, translation
from mesolog.domain.patient import Diagnosis, PatientDetails, Sex
from mesolog.domain.permissions import Actor
from mesolog.domain.practitioner import Role
from mesolog.domain.translation import ENGLISH
from mesolog.services.patients import PatientService
from mesolog.services.practitioners import PractitionerRef, PractitionerService
from mesolog.store import models
from mesolog.store.database import Database, open_database

NOW = datetime(2026, 11, 25, 10, 30)
TODAY = NOW.date()


def fixed_clock() -> datetime:
    return NOW


@pytest.fixture(autouse=True)
def pinned_world(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    """Nothing a test sees depends on the day it runs or on the machine's own files:
    the clinic's clock reads NOW, and Qt's settings and standard folders, and the
    user data folder the default database lives in, point at a fresh temporary folder."""
    from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStandardPaths

    from mesolog.domain import clock
    from mesolog.domain.translation import use_language

    monkeypatch.setattr(clock, "_system_time", lambda: NOW)
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                             ("XDG_CACHE_HOME", "cache")):
        (home / folder).mkdir()
        monkeypatch.setenv(variable, str(home / folder))
    QStandardPaths.setTestModeEnabled(True)
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(home / "config"))
    formats = QLocale()
    yield home
    # a test that spoke another language leaves the next one in English
    use_language(ENGLISH)
    if QCoreApplication.instance() is not None:
        from mesolog.ui.common.language import speak

        speak(ENGLISH)
    QLocale.setDefault(formats)


@pytest.fixture(autouse=True)
def fresh_domain_caches() -> None:
    """Under mutation testing (.ci/mutation), each test reads the domain afresh: what a
    cached function answered earlier would hide the mutant from this test, and would
    hide this test from mutmut's record of which tests call that function."""
    if "MUTANT_UNDER_TEST" in os.environ:
        for cached in (scalp.zone_at, scalp.label_anchor, scalp._zone_cells,
                       scalp._edges_by_band, translation.translations,
                       translation._babel_locale):
            cached.cache_clear()


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls):
    """pytest-qt's application, speaking English as the application does at its start
    (English's catalogue gives the plural forms: 1 point, 2 points)."""
    from mesolog.ui.common.language import speak

    app = qapp_cls.instance() or qapp_cls(qapp_args)
    speak(ENGLISH)
    return app


def details(**changes: object) -> PatientDetails:
    """A valid patient, with ``changes`` applied."""
    values: dict[str, object] = {
        "chart_no": "P-00001",
        "last_name": "Öztürk",
        "first_name": "Zeynep",
        "date_of_birth": date(1984, 3, 27),
        "sex": Sex.FEMALE,
        "diagnosis": Diagnosis.FEMALE_AGA,
        "phone": "+49 30 1234 5678",
        "email": "zeynep@example.org",
        "allergies": "Lidocaine",
    }
    values.update(changes)
    return PatientDetails(**values)


@pytest.fixture
def paris() -> Iterator[None]:
    """The process runs in Europe/Paris time (its clock changes on 29 March and on
    25 October 2026), as a clinic's desktop does; put back afterwards."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clinic.sqlite"


# Who writes what a test sets up before it acts: a named program, with no account.
SETUP = Actor.program("the test's set-up")
ADMIN_LOGIN = "admin"


def open_as_administrator(path: Path | str) -> Database:
    """The database at ``path`` (created if new; or a server's address), as its
    administrator Dr Claire Moreau (login admin, no password: logging in is tested on
    its own) sees it. An encrypted file opens with its key as the test knows it
    (``key_of``)."""
    if isinstance(path, str):
        database = open_database(path)
    else:
        database = open_database(path, key=key_of(path) if path.exists() else None)
    with database.reading() as session:
        row = session.execute(select(models.Practitioner)
                              .where(models.Practitioner.login == ADMIN_LOGIN)).scalar()
        admin = Actor(row.id, row.name, Role(row.role)) if row is not None else None
    if admin is None:
        admin = PractitionerService(database.acting_as(SETUP)).create(
            "Dr Claire Moreau", ADMIN_LOGIN, Role.ADMINISTRATOR).actor
    return database.acting_as(admin)


def acting_as(db: Database, person: PractitionerRef) -> Database:
    """``db`` as ``person`` sees it (logged in, in the test's imagination)."""
    return db.acting_as(person.actor)


# The store and service tests run on both engines: on the embedded file, and on a
# PostgreSQL server when MESOLOG_TEST_POSTGRES gives the address of one where the tests
# may create databases (.ci/postgres starts a throwaway one).
SERVER = os.environ.get("MESOLOG_TEST_POSTGRES", "")
BOTH_ENGINES = ("tests/store/", "tests/services/")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only(why): a test of the embedded file "
                                       "alone (its key file, folder, disk, header)")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    where = Path(metafunc.definition.path).as_posix()
    if ("engine" in metafunc.fixturenames and any(part in where for part in BOTH_ENGINES)
            and metafunc.definition.get_closest_marker("sqlite_only") is None):
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The engine a test's database is on: "sqlite" unless parametrized."""
    engine = getattr(request, "param", "sqlite")
    if engine == "postgresql" and not SERVER:
        pytest.skip("no PostgreSQL server: set MESOLOG_TEST_POSTGRES (.ci/postgres)")
    return engine


def _server_admin():
    import psycopg

    return psycopg.connect(SERVER, autocommit=True)


@pytest.fixture(scope="session")
def server_template(worker_id: str) -> Iterator[str]:
    """A Mesolog database made once per test worker, the template each test's own
    database is copied from (CREATE DATABASE … TEMPLATE: milliseconds, where running
    the migrations takes a second)."""
    from sqlalchemy.engine import make_url

    from mesolog.store.database import open_server_database

    if not SERVER:
        pytest.skip("no PostgreSQL server: set MESOLOG_TEST_POSTGRES (.ci/postgres)")
    name = f"mesolog_template_{worker_id}"
    with _server_admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    open_server_database(make_url(SERVER).set(database=name).render_as_string(False),
                         create=True).close()
    yield name
    with _server_admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_server_databases = iter(range(1, 10**9))


@pytest.fixture
def server_database(server_template: str, worker_id: str) -> Iterator[str]:
    """The address of a new, empty Mesolog database on the test server, dropped after."""
    from sqlalchemy.engine import make_url

    name = f"mesolog_test_{worker_id}_{next(_server_databases)}"
    with _server_admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {server_template}")
    yield make_url(SERVER).set(database=name).render_as_string(False)
    with _server_admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db(db_path: Path, engine: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """Every test acts as the clinic's administrator unless it says otherwise; on the
    engine the test is run on."""
    if engine == "postgresql":
        target: Path | str = request.getfixturevalue("server_database")
    else:
        target = db_path
    database = open_as_administrator(target)
    yield database
    database.close()


@pytest.fixture
def patients(db: Database) -> PatientService:
    return PatientService(db, clock=fixed_clock)


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    from mesolog.ui.common import settings as opt
    from mesolog.ui.common.settings import Settings

    made = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    # Windows a test leaves open are closed at its end: no backup of each test's clinic
    # then (the tests of the automatic backup ask for it).
    made.set(opt.AUTO_BACKUP, False)
    return made


def picture(path: Path, size: tuple[int, int] = (64, 48), shade: int = 90) -> Path:
    """A real picture file at ``path``, in the format its suffix names."""
    from PIL import Image

    Image.new("RGB", size, (shade, shade // 2, 255 - shade)).save(path)
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory):
    """A demo clinic of (patients, seed), built once per test session; tests copy it
    (fill_with_demo) instead of building their own."""
    from mesolog.services.demo import build_demo_clinic

    made: dict[tuple[int, int], Path] = {}

    def template(patients: int, seed: int) -> Path:
        if (patients, seed) not in made:
            path = tmp_path_factory.mktemp(f"demo-{patients}-{seed}") / "template.sqlite"
            database = open_as_administrator(path)
            try:
                build_demo_clinic(database, patients, seed)
                TEMPLATE_KEYS[path] = database.key
                TEMPLATES[path] = (patients, seed)
            finally:
                database.close()
            made[patients, seed] = path
        return made[patients, seed]
    return template


TEMPLATE_KEYS: dict[Path, object] = {}  # each demo template's database key
TEMPLATES: dict[Path, tuple[int, int]] = {}  # each demo template's patients and seed
_SERVER_DEMOS: dict[tuple[int, int], str] = {}


def _server_demo(patients: int, seed: int) -> str:
    """The name of a server database holding the demo clinic of (patients, seed), made
    once per test worker, as demo_template makes its files."""
    from sqlalchemy.engine import make_url

    from mesolog.services.demo import build_demo_clinic
    from mesolog.store.database import open_server_database

    if (patients, seed) not in _SERVER_DEMOS:
        name = f"mesolog_demo_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{patients}_{seed}"
        with _server_admin() as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {name}")
        address = make_url(SERVER).set(database=name).render_as_string(False)
        open_server_database(address, create=True).close()
        database = open_as_administrator(address)
        try:
            build_demo_clinic(database, patients, seed)
        finally:
            database.close()
        _SERVER_DEMOS[patients, seed] = name
    return _SERVER_DEMOS[patients, seed]


def copy_clinic(source: Path, target: Path) -> Path:
    """A copy of the closed clinic at ``source``: its database, key file and photos."""
    import shutil

    from mesolog.domain.photo import photo_folder_of
    from mesolog.store.keys import key_file_of

    shutil.copy(source, target)
    if key_file_of(source).exists():
        shutil.copy(key_file_of(source), key_file_of(target))
    if photo_folder_of(source).exists():
        shutil.copytree(photo_folder_of(source), photo_folder_of(target))
    return target


def demo_for_the_command_line(db: Database, template: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """``db``'s file made the demo ``template`` and let go of, for a command to open;
    the command logs in as the demo's administrator."""
    from mesolog.services.demo import DEMO_PASSWORD

    fill_with_demo(db, template).close()
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)


def fill_with_demo(db: Database, template: Path) -> Database:
    """``db``'s file (still empty but for its administrator) replaced by a copy of the
    demo ``template``, photos included: the same administrator, id 1, acts in both.
    The next read or write of ``db`` opens the copy. On a server, its database is
    replaced by a copy of the same demo built there."""
    import shutil

    from mesolog.domain.photo import photo_folder_of
    db.close()
    if db.on_server:
        name = db.engine.url.database
        with _server_admin() as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
            admin.execute(f"CREATE DATABASE {name} TEMPLATE {_server_demo(*TEMPLATES[template])}")
        return db
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db.path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(photo_folder_of(db.path), ignore_errors=True)
    copy_clinic(template, db.path)
    # the copy is the template's clinic, under its key: as if the template's own
    # administrator had logged in to this view of it
    db._connections.lock.key = TEMPLATE_KEYS[template]
    return db


def write_directly(db: Database, sql: str, params: tuple = ()) -> None:
    """Run ``sql`` (in SQLite's words) on ``db``'s records past every service, as
    another program or an earlier Mesolog would, on either engine."""
    if db.on_server:
        from mesolog.store.server import server_sql

        with db.engine.begin() as conn:
            conn.exec_driver_sql(server_sql(sql), params)
        return
    from contextlib import closing

    from mesolog.store import sqlite_files

    with closing(sqlite_files.connect(db.path, db.key)) as conn, conn:
        conn.execute(sql, params)


def every_row(path: Path, key=None) -> dict[str, list[tuple]]:
    """Every row of every table of the database at ``path`` (read with ``key`` if it is
    encrypted), sorted: two files hold the same records when these are equal."""
    from contextlib import closing

    from mesolog.store import sqlite_files

    with closing(sqlite_files.connect(path, key)) as conn:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE "
            "'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}


def plain_demo(path: Path, patients: int, seed: int) -> Path:
    """A plain demo clinic at ``path``, photos included, as Mesolog made them before
    databases were encrypted."""
    from mesolog.services.demo import build_demo_clinic

    database = open_database(path, encrypt=False)
    try:
        build_demo_clinic(database, patients, seed, clock=fixed_clock)
    finally:
        database.close()
    return path


def key_of(path: Path):
    """The database key of a test's clinic at ``path`` (None for a plain one): its
    recovery key while nobody has a key slot, else the demo administrator's slot."""
    from mesolog.services.demo import DEMO_PASSWORD
    from mesolog.store.keys import KeyFile, key_file_of

    if not key_file_of(path).exists():
        return None
    keys = KeyFile.read(key_file_of(path))
    if keys.pending_recovery_key is not None:
        return keys.pending_recovery_key.database_key()
    return keys.unlock("cmoreau", DEMO_PASSWORD)
