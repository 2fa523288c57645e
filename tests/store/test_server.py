"""A Mesolog database on a PostgreSQL server: how it is named, made, recognised and
refused, and what the server itself enforces."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from mesolog.cli import main
from mesolog.store.database import SCHEMA_HEAD, open_database, open_server_database
from mesolog.store.errors import DatabaseError, NotAMesologDatabase, SchemaTooNew
from tests.conftest import SERVER, _server_admin, open_as_administrator, write_directly


@pytest.fixture
def empty_database(server_template) -> str:
    """The address of a new database with nothing in it, dropped after."""
    name = "mesolog_empty_" + str(id(object()))
    with _server_admin() as admin:
        admin.execute(f"CREATE DATABASE {name}")
    yield make_url(SERVER).set(database=name).render_as_string(False)
    with _server_admin() as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_an_address_with_a_password_or_no_database_is_refused_before_connecting():
    with pytest.raises(DatabaseError, match="pgpass"):
        open_database("postgresql://mesolog:secret@db.example.org/clinic")
    with pytest.raises(DatabaseError, match="names no database"):
        open_database("postgresql://mesolog@db.example.org")


def test_an_unreachable_server_is_said_in_one_line():
    with pytest.raises(DatabaseError, match=r"cannot reach postgresql://m@127\.0\.0\.1:9/x"):
        open_database("postgresql://m@127.0.0.1:9/x")


def test_an_empty_database_is_made_mesologs_only_by_server_init(empty_database, capsys,
                                                                monkeypatch, tmp_path):
    with pytest.raises(DatabaseError, match="mesolog server init"):
        open_database(empty_database)
    monkeypatch.setenv("MESOLOG_NEW_PASSWORD", "correct horse battery")
    assert main(["server", "init", "--db", empty_database, "--name", "Dr Claire Moreau",
                 "--login", "chief"]) == 0
    assert "chief logs in as its administrator" in capsys.readouterr().out
    db = open_database(empty_database)
    try:
        assert db.on_server and db.fetch_all(
            "SELECT version_num FROM alembic_version") == [(SCHEMA_HEAD,)]
        assert db.fetch_all("SELECT login, role FROM practitioner") == [
            ("chief", "administrator")]
    finally:
        db.close()
    # a second init changes nothing; a report, with a login, works as on a file
    assert main(["server", "init", "--db", empty_database]) == 1
    assert "accounts already" in capsys.readouterr().err
    assert main(["demo", "--db", empty_database, "--patients", "3"]) == 0
    monkeypatch.setenv("MESOLOG_LOGIN", "chief")
    monkeypatch.setenv("MESOLOG_PASSWORD", "wrong password here")
    assert main(["report", "--db", empty_database, "--patient", "P-00001", "-o",
                 str(tmp_path / "r.pdf")]) == 1
    assert "password" in capsys.readouterr().err.lower()
    monkeypatch.setenv("MESOLOG_PASSWORD", "correct horse battery")
    assert main(["report", "--db", empty_database, "--patient", "P-00001", "-o",
                 str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_file_commands_on_a_server_say_what_to_use_instead(server_database, capsys):
    for command, instead in ((["encrypt"], "sslmode"), (["recover"], "Reset Password")):
        assert main([*command, "--db", server_database]) == 1
        err = capsys.readouterr().err
        assert "on a server" in err and instead in err and len(err.splitlines()) == 1


def test_a_password_given_in_an_address_is_refused_and_never_repeated(capsys):
    for command in (["check"], ["report", "--patient", "P-1", "-o", "r.pdf"], []):
        with pytest.raises(SystemExit) as stopped:
            main(["--db", "postgresql://mesolog:s3cret@db.example.org/clinic", *command])
        err = capsys.readouterr().err
        assert stopped.value.code == 2 and "pgpass" in err and "s3cret" not in err


def test_another_programs_database_is_refused_untouched(empty_database):
    with _server_admin() as admin, admin.cursor() as cur:
        cur.execute("SELECT 1")
    write = make_url(empty_database).render_as_string(False)
    import psycopg

    with psycopg.connect(write, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id serial PRIMARY KEY)")
    with pytest.raises(NotAMesologDatabase, match="another program"):
        open_database(empty_database)
    with pytest.raises(NotAMesologDatabase):
        open_server_database(empty_database, create=True)
    with psycopg.connect(write) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
                            ).fetchone() == (1,)


def test_a_database_of_a_newer_mesolog_is_refused(server_database):
    db = open_as_administrator(server_database)
    write_directly(db, "UPDATE alembic_version SET version_num = '9999'")
    db.close()
    with pytest.raises(SchemaTooNew, match="newer Mesolog"):
        open_database(db.location)


def test_the_server_keeps_the_trail_append_only_even_against_truncate(server_database):
    db = open_as_administrator(server_database)
    with pytest.raises(DBAPIError, match="audit entries cannot be deleted"):
        write_directly(db, "TRUNCATE audit_entry")
    with pytest.raises(DBAPIError, match="audit entries cannot be changed"):
        write_directly(db, "UPDATE audit_entry SET action = 'delete'")
    with pytest.raises(DBAPIError, match="foreign key"):
        write_directly(db, "INSERT INTO course (patient_id, protocol, planned_sessions, "
                           "interval_days, start_date, status, created_at, updated_at, "
                           "version) VALUES (999, 'x', 1, 1, '2026-01-01', 'active', "
                           "'2026-01-01', '2026-01-01', 1)")
    db.close()


def test_only_a_cut_or_refused_connection_counts_as_lost():
    """What the window says "not connected" for, and what it still calls an error."""
    import psycopg
    from psycopg import errors
    from sqlalchemy.exc import OperationalError

    from mesolog.store.server import connection_lost

    refused = psycopg.OperationalError("connection failed: Connection refused")
    for lost in (refused, errors.AdminShutdown(), errors.lookup("08006")(),
                 OperationalError("SELECT 1", {}, refused)):
        assert connection_lost(lost), lost
    for not_lost in (errors.DeadlockDetected(), errors.QueryCanceled(), ValueError("x"),
                     OperationalError("SELECT 1", {}, errors.DeadlockDetected()), None):
        assert not connection_lost(not_lost), not_lost


def test_check_of_a_server_finds_a_disabled_guard_and_a_missing_photo(
        server_database, demo_template, monkeypatch, capsys):
    """mesolog check --db postgresql://…: what Mesolog relies on the server to keep."""
    from mesolog.services.demo import DEMO_PASSWORD
    from tests.conftest import fill_with_demo

    fill_with_demo(open_as_administrator(server_database), demo_template(30, 2)).close()
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["check", "--db", server_database]) == 0
    out = capsys.readouterr().out
    assert f"schema: {SCHEMA_HEAD} (current)" in out and "guards: the trail" in out
    photos = [line for line in out.splitlines() if line.startswith("photos:")]
    assert photos and photos[0].split()[1] == photos[0].split()[3] != "0", out

    db = open_as_administrator(server_database)
    try:
        gone = db.fetch_all("SELECT min(file_name) FROM photo_data")[0][0]
        write_directly(db, "DELETE FROM photo_data WHERE file_name = ?", (gone,))
        write_directly(db, "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update")
    finally:
        db.close()
    assert main(["check", "--db", server_database]) == 1
    captured = capsys.readouterr()
    assert f"photo missing: {gone}" in captured.out
    assert captured.err.startswith("PROBLEM append-only guards missing or disabled: "
                                   "audit_entry_no_update")
