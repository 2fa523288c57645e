"""The main window as the window tests drive it."""

import pytest
from PySide6.QtCore import Qt

from mesolog.domain.permissions import Actor
from mesolog.ui.gate import OpenGate
from mesolog.ui.main_window import MainWindow
from mesolog.ui.patients.patient_list_model import NAME
from tests.conftest import fill_with_demo, fixed_clock, key_of


@pytest.fixture
def error_home(tmp_path):
    """The application's home for unexpected errors, installed as the application does
    (a test using it is marked qt_no_exception_capture)."""
    from mesolog.ui.common.error_home import ErrorHome

    home = ErrorHome(tmp_path / "logs")
    home.install()
    yield home
    home.uninstall()


@pytest.fixture
def make_window(qtbot, settings):
    def make(db):
        # a file opened from the window is let in as a named program (logins: test_login)
        window = MainWindow(settings, clock=fixed_clock,
                            gate=OpenGate(Actor.program("a window test"), key_of))
        window.attach(db)
        # Teardown closes the window; unsaved test edits must not prompt then.
        qtbot.addWidget(window, before_close_func=lambda w: w.form.revert())
        window.show()
        qtbot.waitExposed(window)
        return window
    return make


@pytest.fixture
def demo_window(db, make_window, demo_template):
    return make_window(fill_with_demo(db, demo_template(300, 5)))  # built once, copied


def click_row(qtbot, window, row):
    view = window.list_view
    rect = view.visualRect(window.model.index(row, NAME))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
