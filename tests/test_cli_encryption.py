"""The command line on encrypted clinics: encrypt, recover, and nothing read without a
login or the recovery key."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mesolog.cli import main
from mesolog.services.accounts import AccountService
from mesolog.services.demo import DEMO_PASSWORD
from mesolog.store.database import FileKind, inspect_file, open_database
from mesolog.store.keys import key_file_of
from tests.conftest import plain_demo

RECOVERY = re.compile(r"^  ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})$", re.MULTILINE)


@pytest.fixture
def plain_clinic(tmp_path: Path) -> Path:
    return plain_demo(tmp_path / "clinic.sqlite", 8, seed=4)


@pytest.fixture
def no_login(monkeypatch):
    for name in [n for n in os.environ if n.startswith("MESOLOG_")]:
        monkeypatch.delenv(name)
    return monkeypatch


def encrypted(path: Path, monkeypatch, capsys) -> tuple[str, str]:
    """``path`` encrypted by its administrator; the recovery key printed."""
    monkeypatch.setenv("MESOLOG_LOGIN", "cmoreau")
    monkeypatch.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["encrypt", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    monkeypatch.delenv("MESOLOG_LOGIN")
    monkeypatch.delenv("MESOLOG_PASSWORD")
    return RECOVERY.search(out).group(1), out


def test_encrypt_says_the_recovery_key_and_where_the_plain_copy_is(plain_clinic, no_login,
                                                                    capsys):
    recovery, out = encrypted(plain_clinic, no_login, capsys)
    assert len(recovery) == 39  # eight groups of four, dashes between
    assert inspect_file(plain_clinic).kind is FileKind.ENCRYPTED
    (kept,) = plain_clinic.parent.glob("clinic-plain-*.sqlite")
    assert f"The plain copy is kept at {kept}" in out and "anyone can still read it" in out
    assert "Dr Tomasz Zieliński" in out  # needs a new password
    assert main(["encrypt", "--db", str(plain_clinic)]) == 1
    assert capsys.readouterr().err == f"mesolog: {plain_clinic} is encrypted already\n"


def test_nothing_is_read_without_a_login_or_the_recovery_key(plain_clinic, no_login, capsys,
                                                             tmp_path):
    recovery, _ = encrypted(plain_clinic, no_login, capsys)
    for args in (["check"], ["report", "--patient", "P-0001", "-o", str(tmp_path / "r.pdf")],
                 ["backup", "-o", str(tmp_path / "b.sqlite")]):
        assert main([*args, "--db", str(plain_clinic)]) == 1, args
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "MESOLOG_LOGIN" in err, err
    no_login.setenv("MESOLOG_LOGIN", "cmoreau")
    no_login.setenv("MESOLOG_PASSWORD", "wrong password")
    assert main(["check", "--db", str(plain_clinic)]) == 1
    assert capsys.readouterr().err == "mesolog: Wrong login or password.\n"
    no_login.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    assert main(["check", "--db", str(plain_clinic)]) == 0
    assert "integrity: ok" in capsys.readouterr().out
    no_login.delenv("MESOLOG_LOGIN")
    no_login.delenv("MESOLOG_PASSWORD")
    no_login.setenv("MESOLOG_RECOVERY_KEY", recovery.lower().replace("-", " "))
    assert main(["check", "--db", str(plain_clinic)]) == 0
    assert "integrity: ok" in capsys.readouterr().out


def test_recover_sets_an_administrators_password_even_without_the_key_file(
        plain_clinic, no_login, capsys):
    recovery, _ = encrypted(plain_clinic, no_login, capsys)
    key_file_of(plain_clinic).unlink()  # lost with every slot in it
    no_login.setenv("MESOLOG_RECOVERY_KEY", "AAAA-" + recovery[5:])  # one group wrong
    no_login.setenv("MESOLOG_LOGIN", "cmoreau")
    no_login.setenv("MESOLOG_NEW_PASSWORD", "a new long password")
    assert main(["recover", "--db", str(plain_clinic)]) == 1
    assert capsys.readouterr().err == ("mesolog: That recovery key does not open this "
                                       "database; check each group.\n")
    assert not key_file_of(plain_clinic).exists()
    no_login.setenv("MESOLOG_RECOVERY_KEY", recovery)
    assert main(["recover", "--db", str(plain_clinic), "--login", "tzielinski"]) == 1
    assert "No active administrator has the login tzielinski" in capsys.readouterr().err
    assert main(["recover", "--db", str(plain_clinic)]) == 0
    out = capsys.readouterr().out
    assert "cmoreau logs in" in out and "key file was missing or damaged" in out
    db = open_database(plain_clinic)
    try:
        assert db.locked
        logged_in = AccountService(db).authenticate("cmoreau", "a new long password")
        assert not logged_in.must_change_password
        assert db.fetch_all("SELECT count(*) FROM patient") == [(8,)]
    finally:
        db.close()


def test_recover_in_a_terminal_asks_and_a_plain_file_is_told_apart(plain_clinic, no_login,
                                                                    capsys):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MESOLOG_")}
    done = subprocess.run([sys.executable, "-m", "mesolog", "recover", "--db",
                           str(plain_clinic)], capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, env=env)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "needs recovery key: set MESOLOG_RECOVERY_KEY" in done.stderr
    no_login.setenv("MESOLOG_RECOVERY_KEY", "AAAA" * 8)
    no_login.setenv("MESOLOG_LOGIN", "cmoreau")
    no_login.setenv("MESOLOG_NEW_PASSWORD", "a new long password")
    assert main(["recover", "--db", str(plain_clinic)]) == 1
    assert capsys.readouterr().err == ("mesolog: clinic.sqlite is not encrypted and has no "
                                       "recovery key; an administrator resets passwords in "
                                       "Clinic > Accounts\n")


def test_check_counts_wrong_passwords_like_every_login(plain_clinic, no_login, capsys):
    encrypted(plain_clinic, no_login, capsys)
    no_login.setenv("MESOLOG_LOGIN", "cmoreau")
    no_login.setenv("MESOLOG_PASSWORD", "a wrong guess")
    answers = []
    for _ in range(4):
        assert main(["check", "--db", str(plain_clinic)]) == 1
        answers.append(capsys.readouterr().err)
    assert answers[:3] == ["mesolog: Wrong login or password.\n"] * 3
    assert answers[3].startswith("mesolog: Too many wrong passwords; try again in")
    no_login.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)  # the right one waits its turn too
    assert main(["check", "--db", str(plain_clinic)]) == 1
    assert "Too many wrong passwords" in capsys.readouterr().err


def test_a_backup_set_restores_where_no_database_is_with_a_login_or_the_recovery_key(
        plain_clinic, no_login, capsys, tmp_path):
    recovery, _ = encrypted(plain_clinic, no_login, capsys)
    no_login.setenv("MESOLOG_LOGIN", "cmoreau")
    no_login.setenv("MESOLOG_PASSWORD", DEMO_PASSWORD)
    backup = tmp_path / "sets" / "monday.sqlite"
    backup.parent.mkdir()
    assert main(["backup", "--db", str(plain_clinic), "-o", str(backup)]) == 0
    for n, login in enumerate(("password", "recovery key")):
        if login == "recovery key":
            no_login.delenv("MESOLOG_LOGIN")
            no_login.delenv("MESOLOG_PASSWORD")
            no_login.setenv("MESOLOG_RECOVERY_KEY", recovery)
        target = tmp_path / f"new-desk-{n}" / "clinic.sqlite"
        target.parent.mkdir()
        capsys.readouterr()
        assert main(["restore", "--db", str(target), str(backup)]) == 0, login
        db = open_database(target)
        try:
            assert AccountService(db).authenticate("cmoreau", DEMO_PASSWORD)
            assert db.fetch_all("SELECT count(*) FROM patient") == [(8,)]
        finally:
            db.close()
    no_login.delenv("MESOLOG_RECOVERY_KEY")
    assert main(["restore", "--db", str(tmp_path / "third.sqlite"), str(backup)]) == 1
    assert "MESOLOG_LOGIN" in capsys.readouterr().err
