"""Accounts (names, logins and passwords at their limits, the wait after wrong
passwords) and photos (their folder, checksum and format told from the first bytes)."""

from __future__ import annotations

import hashlib

import pytest

from mesolog.domain.photo import (
    PhotoView,
    file_sha256,
    photo_folder_of,
    suffix_of,
)
from mesolog.domain.practitioner import (
    PASSWORD_MIN,
    Role,
    account_problems,
    lockout_seconds,
    password_problem,
)


@pytest.mark.parametrize(("password", "login", "problem"), [
    ("p" * PASSWORD_MIN, "cmoreau", None),
    ("p" * (PASSWORD_MIN - 1), "cmoreau", "Use at least 10 characters."),
    ("my-cmoreau-pass", "cmoreau", "The password must not contain the login."),
    ("my-CMoreau-pass", "cmoreau", "The password must not contain the login."),
    ("my-cmoreau-pass", "", None),  # no login to contain
])
def test_a_password_at_its_limits(password, login, problem):
    assert password_problem(password, login) == problem


@pytest.mark.parametrize(("name", "login", "fields"), [
    ("Dr Claire Moreau", "cmoreau", set()),
    ("n" * 200, "c" * 64, set()),
    ("n" * 201, "cm", {"name"}),
    ("  ", "cm", {"name"}),
    ("Dr\x07", "cm", {"name"}),
    ("Dr A", "c", {"login"}),          # one character
    ("Dr A", "c" * 65, {"login"}),
    ("Dr A", " C.Moreau_2-b ", set()),  # trimmed and lower-cased first
    ("Dr A", "c moreau", {"login"}),
    ("Dr A", "cmoreau!", {"login"}),
])
def test_an_accounts_name_and_login_at_their_limits(name, login, fields):
    assert {e.field for e in account_problems(name, login)} == fields


def test_the_messages_of_an_account_and_its_password_only_when_given():
    problems = account_problems("", "x", "short")
    assert [(e.field, e.message) for e in problems] == [
        ("name", "Name: 1 to 200 plain characters."),
        ("login", "Login: 2 to 64 lower-case letters, digits, . _ -"),
        ("password", "Use at least 10 characters.")]
    assert account_problems("Dr A", "cmoreau", "long enough pass") == []
    assert [e.field for e in account_problems("Dr A", "cmoreau", "xcmoreaux-123")] == [
        "password"]


@pytest.mark.parametrize(("failures", "seconds"), [
    (0, 0), (2, 0), (3, 2), (4, 4), (5, 8), (10, 256), (11, 300), (40, 300),
])
def test_the_wait_after_wrong_passwords_doubles_up_to_five_minutes(failures, seconds):
    assert lockout_seconds(failures) == seconds


def test_roles_and_who_signs():
    assert [r.label for r in Role] == ["Administrator", "Practitioner", "Assistant"]
    assert Role.ADMINISTRATOR.can_sign and Role.PRACTITIONER.can_sign
    assert not Role.ASSISTANT.can_sign


@pytest.mark.parametrize(("start", "suffix"), [
    (b"\xff\xd8\xff\xe0rest", ".jpg"), (b"\x89PNG\r\n\x1a\nrest", ".png"),
    (b"II*\x00rest", ".tif"), (b"MM\x00*rest", ".tif"), (b"BMrest", ".bmp"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", ".webp"), (b"RIFF\x10\x00\x00\x00WAVEfmt ", ""),
    (b"%PDF-1.7", ""), (b"", ""),
])
def test_a_pictures_format_is_told_from_its_first_bytes(start, suffix):
    assert suffix_of(start) == suffix


def test_photos_live_beside_the_database_and_are_checked_by_their_checksum(tmp_path):
    assert photo_folder_of(tmp_path / "clinic.sqlite") == tmp_path / "clinic-photos"
    picture = tmp_path / "p.jpg"
    content = b"\xff\xd8\xff" + bytes(range(256)) * 9000  # more than one 1 MiB block
    picture.write_bytes(content)
    assert file_sha256(picture) == hashlib.sha256(content).hexdigest()
    assert [v.label for v in PhotoView] == ["Frontal", "Vertex", "Left", "Right", "Back"]
