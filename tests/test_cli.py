import os
import subprocess
import sys
import time
from contextlib import closing

import pytest

from mesolog.cli import main
from mesolog.store import sqlite_files
from mesolog.store.database import SCHEMA_HEAD
from tests.conftest import NOW, key_of, open_as_administrator


@pytest.fixture(autouse=True)
def demo_login(monkeypatch):
    """Commands that read records log in as the demo's administrator (the demo clinics
    here are encrypted); a test that wants otherwise says so."""
    from mesolog.services.demo import DEMO_PASSWORD

    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)


def dump(path):
    with closing(sqlite_files.connect(path, key_of(path))) as conn:
        return conn.execute(
            "SELECT chart_no, last_name, first_name, date_of_birth, diagnosis, allergies "
            "FROM patient ORDER BY id").fetchall()


def test_demo_is_deterministic_and_realistic(tmp_path, capsys):
    a, b, c = (tmp_path / n for n in ("a.sqlite", "b.sqlite", "c.sqlite"))
    assert main(["demo", "--db", str(a), "--patients", "120", "--seed", "7"]) == 0
    assert main(["demo", "--db", str(b), "--patients", "120", "--seed", "7"]) == 0
    assert main(["demo", "--db", str(c), "--patients", "120", "--seed", "8"]) == 0
    assert dump(a) == dump(b) != dump(c)
    rows = dump(a)
    assert len(rows) == 120
    assert len({r[4] for r in rows}) >= 4  # several diagnoses
    assert any(r[5] for r in rows)  # some recorded allergies
    assert any(not name.isascii() for r in rows for name in r[1:3])
    assert "120 patients" in capsys.readouterr().out


def test_demo_refuses_a_database_with_patients(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite"
    main(["demo", "--db", str(path), "--patients", "3"])
    assert main(["demo", "--db", str(path), "--patients", "3"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is an encrypted clinic already" in err
    assert len(dump(path)) == 3


def test_check_reports_ok(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite"
    main(["demo", "--db", str(path), "--patients", "5"])
    capsys.readouterr()
    assert main(["check", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out and f"schema: {SCHEMA_HEAD} (current)" in out


def test_check_finds_a_broken_search_index(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite"
    main(["demo", "--db", str(path), "--patients", "5"])
    with closing(sqlite_files.connect(path, key_of(path))) as conn:
        conn.execute("DROP TRIGGER patient_fts_insert")
        conn.execute("INSERT INTO patient (chart_no, last_name, first_name, name_key, "
                     "date_of_birth, sex, diagnosis, created_at, updated_at, version) VALUES "
                     "('X-1', 'Ghost', 'G', 'ghost g', '1980-01-01', 'male', 'other', "
                     "'2026-01-01', '2026-01-01', 1)")
        conn.commit()
    capsys.readouterr()
    assert main(["check", "--db", str(path)]) == 1
    assert "search index" in capsys.readouterr().err


def test_user_mistakes_give_one_line_and_a_non_zero_exit(tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\x00\x01" * 300)
    cases = [
        (["check", "--db", str(tmp_path / "missing.sqlite")], 1, "no Mesolog database"),
        (["check", "--db", str(junk)], 1, "not a database file"),
        (["demo", "--db", str(tmp_path / "no" / "dir.sqlite")], 1, "does not exist"),
        (["demo", "--db", str(tmp_path / "x.sqlite"), "--patients", "many"], 2, "invalid int"),
        (["frobnicate"], 2, "invalid choice"),
    ]
    for args, code, text in cases:
        done = subprocess.run([sys.executable, "-m", "mesolog", *args],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == code, (args, done.stderr)
        assert text in done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "missing.sqlite").exists()


def test_check_reports_a_damaged_file_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite"
    main(["demo", "--db", str(path), "--patients", "400"])
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = b"\xff" * 8192  # a damaged disk sector or two
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["check", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "PROBLEM" in err and "Traceback" not in err


def test_demo_has_two_years_of_treatment(tmp_path):
    path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(path), "--patients", "150", "--seed", "3"]) == 0
    with closing(sqlite_files.connect(path, key_of(path))) as conn:
        # the clinic's clock (pinned by the fixtures), not SQLite's, which reads the system
        now = f"'{NOW:%Y-%m-%d %H:%M:%S}'"
        one = lambda sql: conn.execute(sql.replace("'now'", now)).fetchone()[0]  # noqa: E731
        assert one("SELECT count(*) FROM product") >= 5
        assert one("SELECT count(*) FROM lot WHERE expiry < date('now')") >= 3
        assert one("SELECT count(*) FROM lot WHERE expiry >= date('now')") >= 3
        assert one("SELECT count(*) FROM consent") > 100
        assert one("SELECT count(DISTINCT status) FROM course") >= 3
        assert one("SELECT count(*) FROM session") > 300
        first = one("SELECT min(performed_at) FROM session")
        assert first >= one("SELECT datetime('now', '-2 years', '-1 day')")
        assert one("SELECT count(*) FROM session_product sp JOIN session s ON s.id = "
                   "sp.session_id JOIN lot l ON l.id = sp.lot_id "
                   "WHERE date(s.performed_at) > l.expiry") == 0
        assert one("SELECT count(*) FROM session s JOIN practitioner p ON p.id = "
                   "s.practitioner_id WHERE p.role = 'assistant'") == 0
    # every session carries a map where the diagnosis thins the hair, and the
    # service reads each one back as a session that passes the domain's checks
    from mesolog.domain.injection_map import totals
    from mesolog.domain.scalp import ScalpZone
    from mesolog.domain.session import check_session
    from mesolog.services.sessions import SessionService
    db = open_as_administrator(path)
    try:
        sessions = SessionService(db)
        counts = []
        for (session_id, diagnosis) in db.fetch_all(
                "SELECT s.id, p.diagnosis FROM session s JOIN patient p ON p.id = s.patient_id "
                "ORDER BY s.id"):
            stored = sessions.get(session_id)
            check_session(stored.details, stored.details.performed_at)
            points = stored.details.points
            assert points, f"session {session_id} has no map"
            if diagnosis != "alopecia_areata":
                counts.append(len(points))
            zones = set(totals(points).by_zone)
            if diagnosis in ("male_aga", "female_aga"):
                assert zones <= {ScalpZone.FRONTAL, ScalpZone.MID_SCALP, ScalpZone.VERTEX,
                                 ScalpZone.LEFT_TEMPORAL, ScalpZone.RIGHT_TEMPORAL}
        assert min(counts) >= 60 and max(counts) <= 150
    finally:
        db.close()


def test_demo_side_effects_follow_real_frequencies(tmp_path):
    path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(path), "--patients", "300", "--seed", "4"]) == 0
    with closing(sqlite_files.connect(path, key_of(path))) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        sessions = one("SELECT count(*) FROM session")
        mild = one("SELECT count(DISTINCT session_id) FROM adverse_event "
                   "WHERE kind IN ('pain', 'erythema') AND grade = 1")
        assert 0.4 < mild / sessions < 0.75  # most sessions: mild pain or redness
        assert one("SELECT count(*) FROM adverse_event WHERE kind = 'bruising'") > 0
        assert one("SELECT count(*) FROM adverse_event WHERE grade >= 3") < sessions * 0.01
        assert one("SELECT count(*) FROM adverse_event WHERE outcome = 'ongoing'") > 0
        assert one("SELECT count(*) FROM side_effect_check") > 0
        assert one("SELECT count(*) FROM side_effect_check c JOIN adverse_event e "
                   "ON e.session_id = c.session_id") == 0


def test_demo_outcomes_start_from_plausible_baselines(tmp_path):
    path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(path), "--patients", "120", "--seed", "6"]) == 0
    with closing(sqlite_files.connect(path, key_of(path))) as conn:
        baselines = [r[0] for r in conn.execute(
            "SELECT density FROM measurement m WHERE taken_on = (SELECT min(taken_on) FROM "
            "measurement WHERE site_id = m.site_id)")]
        assert baselines and all(118 <= d <= 184 for d in baselines)
        changes = [r[0] for r in conn.execute(
            "SELECT max(density) / min(density) FROM measurement GROUP BY site_id "
            "HAVING count(*) > 2")]
        assert any(c > 1.10 for c in changes) and any(c < 1.05 for c in changes)
        assert conn.execute("SELECT count(DISTINCT scale) FROM grade_record").fetchone()[0] >= 3
        photos = conn.execute("SELECT file_name FROM photo").fetchall()
    assert photos and all((tmp_path / "clinic-photos" / name).is_file() for (name,) in photos)


def test_report_writes_a_pdf_for_a_chart_number_after_a_login(tmp_path, capsys, monkeypatch):
    from pypdf import PdfReader

    from mesolog.services.demo import DEMO_PASSWORD

    path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(path), "--patients", "12", "--seed", "2"]) == 0
    chart, last_name = dump(path)[3][:2]
    capsys.readouterr()
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", "not the password")
    out = tmp_path / "report.pdf"
    assert main(["report", "--db", str(path), "--patient", chart, "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == "mesolog: Wrong login or password."
    assert not out.exists()

    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["report", "--db", str(path), "--patient", chart.lower(), "-o", str(out)]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    assert chart in text and last_name in text and "Dr Claire Moreau" in \
        PdfReader(out).metadata.author
    summary = tmp_path / "summary.pdf"
    assert main(["report", "--db", str(path), "--patient", chart, "--kind", "summary",
                 "-o", str(summary)]) == 0
    assert "Your treatment summary" in PdfReader(summary).pages[0].extract_text()
    capsys.readouterr()
    # mistakes: one line, exit 1, nothing written over
    assert main(["report", "--db", str(path), "--patient", "P-404", "-o",
                 str(tmp_path / "x.pdf")]) == 1
    assert capsys.readouterr().err.strip() == "mesolog: No patient with chart number P-404."
    before = out.read_bytes()
    assert main(["report", "--db", str(path), "--patient", chart, "-o", str(out)]) == 1
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == before
    assert not list(tmp_path.glob(".*.part"))


def test_db_goes_before_or_after_the_sub_command(tmp_path, capsys):
    path = tmp_path / "clinic.sqlite"
    assert main(["--db", str(path), "demo", "--patients", "3"]) == 0
    capsys.readouterr()
    assert main(["--db", str(path), "check"]) == 0
    before = capsys.readouterr().out
    assert main(["check", "--db", str(path)]) == 0
    assert capsys.readouterr().out == before and "3 patients" in before


def test_a_command_that_needs_a_login_without_a_terminal_says_so_in_one_line(tmp_path):
    path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(path), "--patients", "3"]) == 0
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("MESOLOG_")}
    for args in (["report", "--patient", "P-00001", "-o", str(tmp_path / "r.pdf")],
                 ["backup", "-o", str(tmp_path / "b.sqlite")]):
        done = subprocess.run([sys.executable, "-m", "mesolog", "--db", str(path), *args],
                              capture_output=True, text=True, timeout=60,
                              stdin=subprocess.DEVNULL, env=env)
        assert done.returncode == 1, done.stderr
        assert "needs a login: set MESOLOG_LOGIN and MESOLOG_PASSWORD" in done.stderr
        assert done.stderr.count("\n") == 1
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "b.sqlite").exists()
    done = subprocess.run([sys.executable, "-m", "mesolog", "check"], capture_output=True,
                          text=True, timeout=60, env=env)
    assert done.returncode == 2 and "check needs --db FILE" in done.stderr


def test_wrong_passwords_through_separate_processes_are_slowed_down(tmp_path):
    path = tmp_path / "clinic.sqlite"
    assert main(["demo", "--db", str(path), "--patients", "2"]) == 0

    def backup(password: str, n: int) -> subprocess.CompletedProcess:
        env = {**os.environ, "MESOLOG_LOGIN": "cmoreau", "MESOLOG_PASSWORD": password}
        return subprocess.run([sys.executable, "-m", "mesolog", "backup", "--db", str(path),
                               "-o", str(tmp_path / f"b{n}.sqlite")], capture_output=True,
                              text=True, timeout=120, env=env)

    answers = [backup("a wrong guess", n).stderr for n in range(8)]  # 8 separate runs
    assert all("Wrong login or password" in a for a in answers[:3])
    # from the fourth on, each is refused until its wait is over (2 s, then 4 s…); a run
    # that comes after the wait is checked, and counted, and doubles the next wait
    assert all("Too many wrong passwords; try again in" in a or "Wrong login" in a
               for a in answers[3:])
    assert sum("Too many wrong passwords" in a for a in answers[3:]) >= 3
    for n in range(10, 40):  # wait out the current wait: the next wrong one is counted...
        if "Wrong login" in backup("a wrong guess", n).stderr:
            break
        time.sleep(0.5)
    right = backup("mesolog-demo", 9)  # ...and straight after, the right one waits too
    assert right.returncode == 1 and "try again in" in right.stderr
    assert not list(tmp_path.glob("b*.sqlite"))
