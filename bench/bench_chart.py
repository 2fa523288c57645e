"""Opening a patient with 50 sessions and 2,000 injection points: how many statements
and how long reading their sessions takes (the Treatment tab and the report read the
same way).

    .venv/bin/python bench/bench_chart.py   # --repeat R
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from bench_clinic import bench_clinic
from sqlalchemy import event

from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.scalp import ScalpView, ScalpZone, grid
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique

NOW = datetime(2026, 11, 25, 10, 30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    clinic, doctor, lots, patient = bench_clinic(Path(tempfile.mkdtemp()), NOW)
    spots = grid(ScalpView.TOP, ScalpZone.VERTEX, 0.6)[:40]
    for n in range(50):
        points = tuple(InjectionPoint(ScalpView.TOP, x, y, 1.5, 0.05, lots[0].id)
                       for x, y in spots)
        clinic.sessions.create(patient.id, SessionDetails(
            performed_at=NOW - timedelta(days=14 * (n + 1)), practitioner_id=doctor.id,
            technique=Technique.NAPPAGE, device=Device.MANUAL,
            products=(ProductUse(lots[0].id, round(0.05 * len(points), 3)),
                      ProductUse(lots[1].id, 1.0)), points=points), sign=True)
    statements = [0]

    def count(*_args: object) -> None:
        statements[0] += 1
    event.listen(clinic.db.engine, "before_cursor_execute", count)
    clinic.sessions.for_patient(patient.id)  # warm
    statements[0] = 0
    sessions = clinic.sessions.for_patient(patient.id)
    read = statements[0]
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        clinic.sessions.for_patient(patient.id)
        times.append(time.perf_counter() - start)
    points = sum(len(s.details.points) for s in sessions)
    print(f"{len(sessions)} sessions, {points} points: {read} statements, "
          f"median {statistics.median(times) * 1000:.1f} ms over {args.repeat}")
    tabs_in_the_window(clinic, doctor, patient.id, args.repeat)


def tabs_in_the_window(clinic, doctor, patient_id: int, repeat: int) -> None:
    """The real window (offscreen): the patient opened from the list, each tab shown and
    painted."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from mesolog.ui.app import make_application
    from mesolog.ui.common.settings import Settings
    from mesolog.ui.gate import OpenGate
    from mesolog.ui.main_window import MainWindow

    app = make_application()
    settings = Settings(QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"),
                                  QSettings.Format.IniFormat))
    window = MainWindow(settings, gate=OpenGate(doctor.actor), clock=lambda: NOW)
    window.resize(1400, 900)
    window.show()
    window.attach(clinic.db)
    app.processEvents()
    tabs = window.patient_tabs

    def shown(tab: int) -> float:
        start = time.perf_counter()
        tabs.setCurrentIndex(tab)
        window.repaint()
        return time.perf_counter() - start

    opening, each = [], {tab: [] for tab in range(tabs.count())}
    for _ in range(repeat + 1):
        window.form.load(None)
        tabs.setCurrentIndex(0)
        app.processEvents()
        start = time.perf_counter()
        window.open_patient(patient_id)
        window.repaint()
        opening.append(time.perf_counter() - start)
        for tab in range(1, tabs.count()):
            each[tab].append(shown(tab))
        each[0].append(shown(0))
    print(f"open the patient (Chart tab painted): "
          f"{statistics.median(opening[1:]) * 1000:.1f} ms")
    for tab, times in each.items():
        print(f"{tabs.tabText(tab).replace('&', '')} tab shown and painted: "
              f"{statistics.median(times[1:]) * 1000:.1f} ms")
    window.database.close()


if __name__ == "__main__":
    main()
