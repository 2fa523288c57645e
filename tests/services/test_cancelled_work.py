"""Long work stopped half-way, as the window's Cancel stops it: domain/progress.py's
promise that ``Cancelled``, raised from the progress callback, leaves nothing of the
work behind (no half-made clinic, backup, export or import)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from mesolog.domain.permissions import Actor
from mesolog.domain.progress import Cancelled, Progress
from mesolog.services.backups import BackupService
from mesolog.services.clinic_export import ClinicExportService
from mesolog.services.clinic_import import ClinicImportService
from mesolog.services.demo import make_demo_clinic_file
from mesolog.store.database import open_database
from tests.conftest import fill_with_demo

NOW = datetime(2026, 11, 25, 10, 30)


def cancelled_at(count: int) -> tuple[Progress, list[tuple[int, int, str]]]:
    """A progress callback that asks the work to stop at its ``count``-th report."""
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, what: str) -> None:
        seen.append((done, total, what))
        if len(seen) == count:
            raise Cancelled("Stopped; nothing of it was kept.")
    return progress, seen


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_cancelled_demo_clinic_leaves_no_file(tmp_path):
    progress, seen = cancelled_at(3)
    with pytest.raises(Cancelled):
        make_demo_clinic_file(tmp_path / "demo.sqlite", 40, progress)
    assert len(seen) == 3 and seen[-1][0] < seen[-1][1]  # stopped half-way
    assert files_in(tmp_path) == []


def test_a_cancelled_backup_leaves_no_copy(db, demo_template, tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    folder = tmp_path / "backups"
    folder.mkdir()
    progress, seen = cancelled_at(2)
    with pytest.raises(Cancelled):
        BackupService(db).back_up(folder / "before-the-update.sqlite", progress)
    assert len(seen) == 2
    assert files_in(folder) == []
    # and the next one is whole
    report = BackupService(db).back_up(folder / "before-the-update.sqlite")
    assert report.rows["patient"] == 30


def test_a_cancelled_export_leaves_no_folder(db, demo_template, tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    out = tmp_path / "out"
    out.mkdir()
    progress, seen = cancelled_at(2)
    with pytest.raises(Cancelled):
        ClinicExportService(db).export(out / "export", NOW, progress)
    assert len(seen) == 2
    assert files_in(out) == []


def test_a_cancelled_import_imports_nothing(db, demo_template, tmp_path):
    fill_with_demo(db, demo_template(30, 2))
    ClinicExportService(db).export(tmp_path / "export", NOW)
    new = open_database(tmp_path / "moved.sqlite")
    try:
        importer = ClinicImportService(new.acting_as(Actor.program("the test")))
        progress, seen = cancelled_at(2)
        with pytest.raises(Cancelled):
            importer.import_clinic(tmp_path / "export", "cmoreau", "a long new password",
                                   progress)
        assert len(seen) == 2
        for table in ("patient", "practitioner", "session"):
            assert new.fetch_all(f"SELECT count(*) FROM {table}")[0][0] == 0, table
        # the empty database takes the whole clinic afterwards
        importer.import_clinic(tmp_path / "export", "cmoreau", "a long new password")
        assert new.fetch_all("SELECT count(*) FROM patient")[0][0] == 30
    finally:
        new.close()
