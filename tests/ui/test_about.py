"""Help ▸ About: the version, Mesolog's icon, and the open database with the revision of
its tables."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from mesolog import __version__
from mesolog.store.database_files import SCHEMA_HEAD
from mesolog.ui.app import make_application
from tests.ui.modal import answer_message_box


def test_about_says_the_version_and_the_databases_schema(qtbot, demo_window):
    make_application()  # the application's icon, which the box shows
    seen: list[str] = []
    answer_message_box(QMessageBox.StandardButton.Ok, seen)
    demo_window.about_action.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    assert f"Mesolog {__version__}" in seen[0]
    assert (f"Database: {demo_window.database.location} (schema {SCHEMA_HEAD})"
            in seen[0])


def test_about_with_no_database_open(qtbot, demo_window):
    from mesolog.ui.about import about_text

    assert "Database: none open" in about_text(None)
    demo_window.database.close()
    assert "Database: none open" in about_text(demo_window.database)


def test_about_an_encrypted_database_nobody_has_logged_in_to(qtbot, demo_window):
    from mesolog.store.database import open_database
    from mesolog.ui.about import about_text

    path = demo_window.database.location
    demo_window.database.close()
    locked = open_database(path)  # the login comes after the file is opened
    try:
        assert locked.locked
        assert f"Database: {path} (locked)" in about_text(locked)
    finally:
        locked.close()
