import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from mesolog.services.demo import build_demo_clinic
from mesolog.services.patients import PatientService
from mesolog.store import sqlite_files
from mesolog.ui import app as app_module
from mesolog.ui.gate import OpenGate
from mesolog.ui.main_window import MainWindow
from tests.conftest import key_of


def test_the_window_shows_before_the_database_and_then_lists_it(qtbot, settings, db, db_path):
    build_demo_clinic(db, 12, seed=2)
    active = PatientService(db).count()
    actor = db.actor
    db.close()
    # no login asked: tested on its own
    window = MainWindow(settings, gate=OpenGate(actor, key_of))
    qtbot.addWidget(window)
    window.show()
    assert window.database is None and not window.new_patient_action.isEnabled()
    app_module._open_first_database(window, db_path)
    assert window.database is not None and window.database.path == db_path
    assert window.model.rowCount() == active and window.new_patient_action.isEnabled()
    assert window.windowTitle().startswith("clinic.sqlite")


def test_a_bad_database_at_start_says_why_and_exits_non_zero(qtbot, settings, tmp_path,
                                                            monkeypatch, capsys):
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database, just notes " * 20)
    shown, exits = [], []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[2]))
    monkeypatch.setattr(app_module.QApplication, "exit", lambda code=0: exits.append(code))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    app_module._open_first_database(window, junk)
    assert exits == [1] and window.database is None
    assert "not a database file" in shown[0]
    assert capsys.readouterr().err.count("\n") == 1
    assert junk.read_text().startswith("not a database")


def test_the_window_module_does_not_load_the_database_layer():
    # Start-up shows the window before SQLAlchemy (~0.7 s to import) is loaded.
    import subprocess
    import sys

    code = ("import sys, mesolog.ui.app; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stdout.strip() == "[]"


def run_mesolog(script: str, config: Path) -> subprocess.CompletedProcess:
    """``script`` in a fresh interpreter, offscreen, its settings under ``config``."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, cwd=Path(__file__).parents[2],
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen",
                               "XDG_CONFIG_HOME": str(config)})


def test_the_mesolog_command_shows_its_window_before_sqlalchemy_is_loaded(tmp_path):
    """Through ``cli.main``, as the console script runs it: at the moment the window is
    shown, SQLAlchemy (and so the database layer) is not imported yet."""
    script = (
        "import os, sys\n"
        "from mesolog.ui import main_window\n"
        "shown = main_window.MainWindow.show\n"
        "def show(self):\n"
        "    loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')\n"
        "    print('at show:', loaded[:3], flush=True)\n"
        "    shown(self)\n"
        "    os._exit(0)\n"
        "main_window.MainWindow.show = show\n"
        "from mesolog.cli import main\n"
        f"sys.exit(main(['--db', {str(tmp_path / 'clinic.sqlite')!r}]))\n")
    done = run_mesolog(script, tmp_path)
    assert done.stdout.strip() == "at show: []", done.stdout + done.stderr


def test_with_accounts_the_login_comes_first_before_sqlalchemy_and_the_window_after(
        tmp_path, db, db_path):
    """Through ``cli.main``: on a database with accounts the first window is the login,
    shown before SQLAlchemy is imported; logging in shows the main window with the list."""
    build_demo_clinic(db, 12, seed=2)
    db.close()
    script = (
        "import os, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from mesolog.ui import login\n"
        "def shown(self, event):\n"
        "    loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy')\n"
        "    print('login shown with:', loaded[:3], flush=True)\n"
        "    self.login.setText('cmoreau'); self.password.setText('mesolog-demo')\n"
        "    QTimer.singleShot(0, self.buttons.button(self.buttons.StandardButton.Save).click)\n"
        "login.LoginDialog.showEvent = shown\n"
        "def listed():\n"
        "    window = next(w for w in QApplication.topLevelWidgets()\n"
        "                  if type(w).__name__ == 'MainWindow')\n"
        "    print('listed:', window.isVisible(), window.model.rowCount(),\n"
        "          window.database.actor.name, flush=True)\n"
        "    os._exit(0)\n"
        "from mesolog.ui import main_window\n"
        "attach = main_window.MainWindow.attach\n"
        "def attach_then_report(self, db):\n"
        "    attach(self, db)\n"
        "    QTimer.singleShot(0, listed)\n"
        "main_window.MainWindow.attach = attach_then_report\n"
        "from mesolog.cli import main\n"
        f"sys.exit(main(['--db', {str(db_path)!r}]))\n")
    done = run_mesolog(script, tmp_path)
    lines = done.stdout.strip().splitlines()
    assert lines[0] == "login shown with: []", done.stdout + done.stderr
    assert len(lines) == 2, done.stdout + done.stderr
    assert lines[1].startswith("listed: True ") and lines[1].endswith(" Dr Claire Moreau")
    assert int(lines[1].split()[2]) > 5


def test_forms_load_without_the_designer_plugins(qtbot):
    """QUiLoader would load PySide6's Designer plugins, and with them Qt WebEngine and
    Qt Quick: 29 MB for widgets no form uses."""
    from pathlib import Path

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QWidget

    from mesolog.ui.common.forms import load_form

    paths = QCoreApplication.libraryPaths()
    host = QWidget()
    qtbot.addWidget(host)
    assert load_form("patient_form", host).findChildren(QWidget)
    assert QCoreApplication.libraryPaths() == paths
    maps = Path("/proc/self/maps")
    if maps.exists():
        assert "WebEngine" not in maps.read_text() and "Qt6Quick" not in maps.read_text()


def test_a_database_that_cannot_be_opened_at_the_login_says_why_and_exits_non_zero(
        qtbot, settings, db, db_path, monkeypatch, capsys):
    """Accounts are read before the database layer is loaded; opening it on Log In can
    still fail (here, written by a newer Mesolog): the reason stands under the
    password, and quitting exits non-zero with it on one line."""
    from contextlib import closing

    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    build_demo_clinic(db, 5, seed=1)
    db.close()
    with closing(sqlite_files.connect(db_path, key_of(db_path))) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    said: list[str] = []

    class TypedInto(app_module.LoginDialog):
        def exec(self) -> int:
            self.login.setText("cmoreau")
            self.password.setText("mesolog-demo")
            self.buttons.button(QDialogButtonBox.StandardButton.Save).click()
            said.append(self.errors.text("password"))
            return 0  # Quit

    monkeypatch.setattr(app_module, "LoginDialog", TypedInto)
    assert app_module._log_in_first(QApplication.instance(), settings, db_path) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newer Mesolog" in err
    assert said[0].startswith("Cannot open the database:") and "newer Mesolog" in said[0]
