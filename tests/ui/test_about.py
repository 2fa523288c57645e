"""Help ▸ About: the version, Mesolog's icon, the open database with the revision of its
tables, and what ships inside with each part's licence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from mesolog import __version__
from mesolog.store.database_files import SCHEMA_HEAD
from mesolog.ui.about import AboutDialog
from mesolog.ui.app import make_application
from tests.ui.modal import when_modal


def _row_of(dialog: AboutDialog, name: str) -> int:
    return next(row for row, part in enumerate(dialog.parts) if part.name == name)


def test_about_says_the_version_the_databases_schema_and_what_ships_inside(qtbot,
                                                                          demo_window):
    make_application()  # the application's icon, which the box shows
    seen: dict[str, str] = {}

    def read_and_close(dialog: AboutDialog) -> None:
        seen["summary"] = dialog.summary.text()
        seen["first shown"] = dialog.licence.toPlainText()
        # a person clicks psycopg in the list, reads its licence, closes the box
        view = dialog.components
        row = view.item(_row_of(dialog, "psycopg"))
        view.scrollToItem(row)
        rect = view.visualItemRect(row)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        seen["clicked"] = dialog.licence.toPlainText()
        dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Close).click()

    when_modal(AboutDialog, read_and_close)
    demo_window.about_action.trigger()
    qtbot.waitUntil(lambda: "clicked" in seen)
    assert f"Mesolog {__version__}" in seen["summary"]
    assert (f"Database: {demo_window.database.location} (schema {SCHEMA_HEAD})"
            in seen["summary"])
    # Qt's licence first, with the address of its source
    assert seen["first shown"].startswith("Qt ")
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in seen["first shown"]
    assert "qt-everywhere-src-" in seen["first shown"]
    assert seen["clicked"].startswith("psycopg 3.")
    assert "Licence: LGPL-3.0-only" in seen["clicked"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in seen["clicked"]


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


def test_about_on_an_installation_whose_licence_list_is_damaged(qtbot, tmp_path, monkeypatch):
    """A bundle whose licences folder was deleted or cut short: About still opens, says
    so and how to mend it."""
    import sys

    from mesolog import shipped

    (tmp_path / shipped.FOLDER).mkdir()
    (tmp_path / shipped.FOLDER / shipped.INDEX).write_text('[{"name": "Qt"', encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    heading = dialog.heading.text()
    assert "cannot be read" in heading and "reinstall Mesolog" in heading
    assert dialog.components.count() == 0
    (tmp_path / shipped.FOLDER / shipped.INDEX).unlink()
    dialog = AboutDialog(None)
    qtbot.addWidget(dialog)
    assert "cannot be read" in dialog.heading.text()


def test_a_licence_text_deleted_from_the_installation_is_said_not_raised(qtbot, tmp_path):
    from mesolog.shipped import Component
    from mesolog.ui.about import component_page

    gone = Component("Qt", "6.11.3", "LGPL-3.0-only", "The window toolkit",
                     ("https://download.qt.io/",), (tmp_path / "00-qt" / "00-LGPL.txt",))
    page = component_page(gone)
    assert "This licence text cannot be read" in page and "reinstall Mesolog" in page
    assert '<a href="https://download.qt.io/">' in page


def test_the_windows_menus_do_not_load_the_list_of_what_ships():
    """Help ▸ About reads the installed metadata when it opens; building the window's
    menus (on the way from the login to the list) does not import that code."""
    import os
    import subprocess
    import sys

    code = ("import sys, mesolog.ui.main_window; "
            "print(sorted(m for m in sys.modules if m in ('mesolog.shipped', "
            "'packaging.requirements')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
