"""Lists leaving Mesolog for a spreadsheet: every row the list holds, written whole, by
a role that may."""

from __future__ import annotations

import pytest

from mesolog.domain.list_table import ListTable
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.practitioner import Role
from mesolog.domain.spreadsheet import read_spreadsheet
from mesolog.services import list_export
from mesolog.services.list_export import ListExportService
from mesolog.services.patient_search import SearchQuery
from mesolog.services.practitioners import PractitionerService
from tests.conftest import TODAY, acting_as, fill_with_demo


def test_the_patient_list_of_a_search_holds_every_match_in_the_lists_order(
        db, demo_template, tmp_path, monkeypatch, patients):
    fill_with_demo(db, demo_template(300, 5))
    monkeypatch.setattr(list_export, "_PAGE", 7)  # read in several pages
    query = SearchQuery("a")
    table = ListExportService(db).patient_list(query, TODAY)
    ids = patients.search(query)
    assert len(table.rows) == len(ids) > 20
    assert [row[0] for row in table.rows] == [patients.get(i).details.chart_no for i in ids]
    target = tmp_path / "list.csv"
    assert ListExportService(db).write(table, target, separator=";") == len(ids)
    back = read_spreadsheet(target.read_bytes())
    assert back.encoding == "UTF-8 with BOM" and back.separator == ";"
    assert back.headers == table.headers and back.rows == table.rows
    assert target.stat().st_mode & 0o077 == 0  # the owner's alone: it names patients


def test_an_assistant_exports_nothing_and_a_failed_write_leaves_no_file(db, tmp_path,
                                                                         monkeypatch):
    assistant = PractitionerService(db).create("Sam Assist", "sassist", Role.ASSISTANT)
    table = ListTable("t", ("a",), (("1",),))
    made: list[bool] = []
    with pytest.raises(NotPermitted, match="export a list"):
        ListExportService(acting_as(db, assistant)).write(
            lambda: made.append(True) or table, tmp_path / "x.csv")
    assert not made and not (tmp_path / "x.csv").exists()  # not even read
    (tmp_path / "x.csv").write_text("yesterday's list")

    def full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(list_export.os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        ListExportService(db).write(table, tmp_path / "x.csv")
    assert (tmp_path / "x.csv").read_text() == "yesterday's list"  # left as it was
    assert not list(tmp_path.glob(".*.part"))
