"""A session that ends, `kill` or Ctrl+C closes Mesolog as its close button does."""

import os
import signal

import pytest

from mesolog.services.demo import build_demo_clinic
from mesolog.ui.common import settings as opt
from mesolog.ui.common.termination import CloseOnTermination
from mesolog.ui.main_window import MainWindow
from tests.conftest import fixed_clock
from tests.ui.test_app import run_mesolog


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_termination_signal_closes_the_window_with_its_backup(qtbot, db, db_path,
                                                                settings, tmp_path, sent):
    build_demo_clinic(db, 5, seed=1)
    settings.set(opt.AUTO_BACKUP, True)
    window = MainWindow(settings, clock=fixed_clock)
    qtbot.addWidget(window)
    window.attach(db)
    window.show()
    before = signal.getsignal(sent)
    termination = CloseOnTermination()
    try:
        os.kill(os.getpid(), sent)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    finally:
        termination.uninstall()
    assert termination.received == [sent]
    assert len(list((tmp_path / "backups").glob("auto-clinic-*.sqlite"))) == 1
    assert signal.getsignal(sent) is before  # the handler there before is back


def test_the_mesolog_command_ends_cleanly_when_the_session_sends_sigterm(tmp_path, db,
                                                                         db_path):
    """Through ``cli.main``: logged in, the window up, SIGTERM from outside; the process
    ends with 0 (not killed by the signal), today's backup made and the database closed
    (SQLite removes its write-ahead log at the last close)."""
    build_demo_clinic(db, 12, seed=2)
    db.close()
    script = (
        "import os, signal, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from mesolog.ui import login, main_window\n"
        "def shown(self, event):\n"
        "    self.login.setText('cmoreau'); self.password.setText('mesolog-demo')\n"
        "    QTimer.singleShot(0, self.buttons.button(self.buttons.StandardButton.Save).click)\n"
        "login.LoginDialog.showEvent = shown\n"
        "attach = main_window.MainWindow.attach\n"
        "def attach_then_terminated(self, db):\n"
        "    attach(self, db)\n"
        "    print('attached', flush=True)\n"
        "    QTimer.singleShot(200, lambda: os.kill(os.getpid(), signal.SIGTERM))\n"
        "main_window.MainWindow.attach = attach_then_terminated\n"
        "from mesolog.cli import main\n"
        f"sys.exit(main(['--db', {str(db_path)!r}]))\n")
    done = run_mesolog(script, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "attached"
    assert not db_path.with_name(db_path.name + "-wal").exists()
    assert len(list((tmp_path / "backups").glob("auto-clinic-*.sqlite"))) == 1


def test_at_the_login_sigterm_ends_the_command_without_a_word(tmp_path, db, db_path):
    build_demo_clinic(db, 3, seed=2)
    db.close()
    script = (
        "import os, signal, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from mesolog.ui import login\n"
        "def shown(self, event):\n"
        "    QTimer.singleShot(100, lambda: os.kill(os.getpid(), signal.SIGTERM))\n"
        "login.LoginDialog.showEvent = shown\n"
        "from mesolog.cli import main\n"
        f"sys.exit(main(['--db', {str(db_path)!r}]))\n")
    done = run_mesolog(script, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "mesolog:" not in done.stderr


def test_another_signal_python_handles_closes_nothing(qtbot):
    """The wakeup socket carries every signal with a Python handler (SIGUSR1 here): only
    the three termination signals close the windows."""
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    before = signal.signal(signal.SIGUSR1, lambda *_: None)
    termination = CloseOnTermination()
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        qtbot.wait(200)
        assert window.isVisible()
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    finally:
        termination.uninstall()
        signal.signal(signal.SIGUSR1, before)
