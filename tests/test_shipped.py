"""What ships inside Mesolog and under which licence (About lists it; the bundle build
writes it beside the code)."""

import sys
from importlib import metadata

import pytest

from mesolog import shipped


@pytest.fixture(scope="module")
def parts():
    return {part.name: part for part in shipped.gather()}


def test_every_library_mesolog_needs_to_run_is_listed_and_none_it_needs_only_to_test(parts):
    for needed in ("PySide6", "SQLAlchemy", "alembic", "reportlab", "rl_accel", "sqlcipher3",
                   "psycopg", "psycopg-binary", "cryptography", "scipy", "numpy", "babel"):
        assert needed in parts, needed
    assert parts["SQLAlchemy"].version == metadata.version("SQLAlchemy")
    for test_only in ("pytest", "hypothesis", "ruff", "pypdf", "mesolog"):
        assert test_only not in {name.lower() for name in parts}


def test_qt_and_pyside_carry_the_lgpl_and_the_address_of_their_exact_source(parts):
    version = metadata.version("PySide6")
    for name in ("Qt", "PySide6", "shiboken6"):
        part = parts[name]
        assert part.licence.startswith("LGPL-3.0")
        assert "GNU LESSER GENERAL PUBLIC LICENSE" in part.notice_text()
        assert "GNU GENERAL PUBLIC LICENSE" in part.notice_text()  # the LGPL builds on it
        assert part.sources[0].endswith(f"pyside-setup-everywhere-src-{version}.tar.xz")
    assert parts["Qt"].sources[1].endswith(f"/qt-everywhere-src-{version}.tar.xz")


def test_what_the_wheels_carry_inside_is_listed_with_its_own_licence(parts):
    import sqlcipher3

    assert parts["SQLite"].version == sqlcipher3.sqlite_version
    assert "ZETETIC LLC" in parts["SQLCipher"].notice_text()
    assert parts["SQLCipher"].version.count(".") == 2
    assert parts["OpenSSL"].version.startswith("3.")
    assert "Apache License" in parts["OpenSSL"].notice_text()
    assert "libpq" in parts["PostgreSQL client libraries"].notice_text()
    assert "Bitstream Vera" in parts["DejaVu Sans"].notice_text()
    assert "SIL OPEN FONT LICENSE" in parts["Nanum Gothic"].notice_text().upper()
    assert parts["Python"].version == ".".join(map(str, sys.version_info[:3]))
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in parts["Python"].notice_text()


def test_every_part_has_a_licence_a_text_of_it_and_an_address(parts):
    for part in parts.values():
        assert part.sources and all(s.startswith(("https://", "http://"))
                                    for s in part.sources), part.name
        assert part.licence and part.licence != "see its licence text", part.name
        assert part.notices, part.name
        assert len(part.notice_text()) > 100, part.name


def test_what_the_build_writes_the_bundle_reads_back_word_for_word(tmp_path, parts):
    shipped.write(tmp_path / "licences", list(parts.values()))
    read = {part.name: part for part in shipped.read(tmp_path / "licences")}
    assert read.keys() == parts.keys()
    for name, part in parts.items():
        assert (read[name].version, read[name].licence, read[name].sources) == (
            part.version, part.licence, part.sources)
        assert read[name].notice_text() == part.notice_text()
        assert all(tmp_path in notice.parents for notice in read[name].notices)


def test_a_frozen_bundle_reads_its_own_files_not_the_machines(tmp_path, monkeypatch, parts):
    shipped.write(tmp_path / shipped.FOLDER, [parts["Qt"]])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert [part.name for part in shipped.components()] == ["Qt"]
    monkeypatch.setattr(sys, "frozen", False)
    assert len(shipped.components()) == len(parts)
