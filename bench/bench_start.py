"""Cold start and logging in at 100,000 or 1,000,000 patients, against the floor of a
bare PySide6 window started the same way in the same run.

    cd bench && ../.venv/bin/python bench_start.py                    # 100,000 patients
    cd bench && ../.venv/bin/python bench_start.py --patients 1000000

Each run is a fresh interpreter running the real console script's code
(`mesolog.cli.main(["--db", FILE])`, offscreen, settings in a temporary folder). It
records, from the interpreter's first line: the first window a person can type into
(the login) shown; *Log In* pressed (with a demo account's password); the list painted
with its first patients; and the peak memory. The floor is an interpreter that shows
one QLineEdit in a QWidget. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

from bench_clinic import demo_clinic

FLOOR = r"""
import time
start = time.perf_counter()
import json, sys
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
QVBoxLayout(window).addWidget(QLineEdit())
window.show()
app.processEvents()
print(json.dumps({"shown": time.perf_counter() - start}))
"""

PROBE = r"""
import time
start = time.perf_counter()
import json, resource, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

marks = {}


def seconds():
    return time.perf_counter() - start


def resident_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def shown(dialog):
    marks["login_shown"] = seconds()
    marks["login_mb"] = resident_mb()
    QTimer.singleShot(1500, lambda: log_in(dialog))  # typing takes a person seconds


def log_in(dialog):
    dialog.login.setText("cmoreau")
    dialog.password.setText("mesolog-demo")
    marks["pressed"] = seconds()
    marks["pressed_mb"] = resident_mb()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def listed():
    marks["listed"] = seconds()
    marks["listed_mb"] = resident_mb()
    marks["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(marks))
    QApplication.exit(0)


class Watch(QObject):
    def eventFilter(self, watched, event):
        kind = event.type()
        if kind == QEvent.Type.Paint and type(watched).__name__ == "LoginDialog":
            if "login_painting" not in marks:
                marks["login_painting"] = seconds()
                QTimer.singleShot(0, lambda: shown(watched))  # once this paint is done
        elif kind == QEvent.Type.Paint and "pressed" in marks and "painting" not in marks:
            view = watched.parent()
            model = getattr(view, "model", lambda: None)()
            if type(model).__name__ == "PatientListModel" and model.rowCount():
                marks["painting"] = seconds()
                QTimer.singleShot(0, listed)  # once this paint is done
        return False


def watch():
    QApplication.instance().installEventFilter(watcher)


watcher = Watch()
import mesolog.ui.app as app_module
made = app_module.make_application


def make_and_watch(argv=None):
    app = made(argv)
    app.installEventFilter(watcher)
    return app


app_module.make_application = make_and_watch
from mesolog.cli import main
main(["--db", sys.argv[1]])
"""


def run(code: str, *args: str) -> dict:
    config = tempfile.mkdtemp()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config,
           "XDG_DATA_HOME": config}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, env=env, check=True, timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = str(demo_clinic(args.patients))
    floors, runs = [], []
    run(FLOOR), run(PROBE, path)  # warm the disk cache
    for _ in range(args.repeat):
        floors.append(run(FLOOR)["shown"])
        runs.append(run(PROBE, path))

    def median(key: str) -> float:
        return statistics.median(r[key] for r in runs)

    floor = statistics.median(floors)
    login = median("login_shown")
    to_list = statistics.median(r["listed"] - r["pressed"] for r in runs)
    print(f"{args.patients:,} patients; medians of {args.repeat} starts")
    print(f"bare window shown (floor):      {floor * 1000:6.0f} ms")
    print(f"login shown:                    {login * 1000:6.0f} ms  ({login / floor:.1f}x floor)")
    print(f"Log In pressed to list painted: {to_list * 1000:6.0f} ms")
    print(f"peak memory:                    {max(r['peak_mb'] for r in runs):6.0f} MB "
          f"(resident at the login {median('login_mb'):.0f} MB, at Log In "
          f"{median('pressed_mb'):.0f} MB, with the list {median('listed_mb'):.0f} MB)")


if __name__ == "__main__":
    main()
