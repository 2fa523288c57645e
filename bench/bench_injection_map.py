"""The injection-map editor with 1,000 points: loading a session, dragging points.

Run by hand (not by CI):  QT_QPA_PLATFORM=offscreen python bench/bench_injection_map.py
Figures and how to read them: bench/README.md.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_clinic import bench_clinic
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.scalp import ScalpView, ScalpZone, grid
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.services.clinic import Clinic
from mesolog.ui.injection_map.map_editor import InjectionMapEditor
from mesolog.ui.treatment.session_editor import SessionEditor

NOW = datetime(2026, 11, 25, 10, 30)


def thousand_points(lot_ids: list[int]) -> tuple[InjectionPoint, ...]:
    """About 1,000 points over the top view, two lots alternating."""
    spots = [(x, y) for zone in ScalpZone for x, y in grid(ScalpView.TOP, zone, 0.45)]
    return tuple(InjectionPoint(ScalpView.TOP, x, y, 1.5, 0.01, lot_ids[i % len(lot_ids)])
                 for i, (x, y) in enumerate(spots[:1000]))


def build_clinic(folder: Path) -> tuple[Clinic, int, int]:
    clinic, doctor, lots, patient = bench_clinic(folder, NOW)
    points = thousand_points([lot.id for lot in lots])
    uses = tuple(ProductUse(lot.id, round(sum(p.volume_ml for p in points
                                              if p.lot_id == lot.id), 3)) for lot in lots)
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 24, 9), practitioner_id=doctor.id,
        technique=Technique.POINT_BY_POINT, device=Device.MANUAL, products=uses,
        points=points))
    return clinic, patient.id, session.id


def ms(seconds: list[float]) -> str:
    values = sorted(s * 1000 for s in seconds)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return (f"median {statistics.median(values):6.2f} ms, p95 {p95:6.2f} ms, "
            f"max {values[-1]:6.2f} ms")


def time_load(app: QApplication, clinic: Clinic, patient_id: int, session_id: int,
              repeat: int) -> None:
    lots = clinic.catalogue.lots()
    catalogue = {lot.id: lot for lot in lots}
    editor = InjectionMapEditor(catalogue)
    editor.resize(1000, 700)
    editor.show()
    app.processEvents()
    read, shown, whole = [], [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        session = clinic.sessions.get(session_id)
        t1 = time.perf_counter()
        editor.set_lots(lots)
        editor.load(session.details.points)
        editor.canvas.viewport().repaint()  # the first frame, painted now
        t2 = time.perf_counter()
        read.append(t1 - t0)
        shown.append(t2 - t1)
    patient = clinic.patients.get(patient_id)
    for _ in range(max(3, repeat // 4)):
        t0 = time.perf_counter()
        session = clinic.sessions.get(session_id)
        dialog = SessionEditor(clinic, patient, session, NOW)
        dialog.show()
        dialog.map.canvas.viewport().repaint()
        whole.append(time.perf_counter() - t0)
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()
    count = len(editor.points())
    print(f"load a session of {count} points:")
    print(f"  read from the database (SessionService.get)  {ms(read)}")
    print(f"  onto the map and first frame painted         {ms(shown)}")
    both = [a + b for a, b in zip(read, shown, strict=True)]
    print(f"  read + map + frame                           {ms(both)}")
    print(f"  whole session editor opened and painted      {ms(whole)}")
    editor.close()


def _mouse(kind: QEvent.Type, position: QPointF, buttons: Qt.MouseButton) -> QMouseEvent:
    return QMouseEvent(kind, position, position, Qt.MouseButton.LeftButton
                       if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
                       buttons, Qt.KeyboardModifier.NoModifier)


def time_drag(app: QApplication, clinic: Clinic, session_id: int, moves: int,
              select_all: bool) -> None:
    lots = clinic.catalogue.lots()
    editor = InjectionMapEditor({lot.id: lot for lot in lots})
    editor.set_lots(lots)
    editor.load(clinic.sessions.get(session_id).details.points)
    editor.resize(1000, 700)
    editor.show()
    app.processEvents()
    canvas, scene = editor.canvas, editor.scene
    key = scene.point_keys()[len(scene.point_keys()) // 2]
    if select_all:
        t0 = time.perf_counter()
        scene.select_keys(scene.point_keys())  # what Ctrl+A does, side panel included
        print(f"select all {len(scene.point_keys()):,} points (Ctrl+A): "
              f"{(time.perf_counter() - t0) * 1000:.1f} ms")
    start = QPointF(canvas.mapFromScene(scene.item(key).pos()))
    viewport = canvas.viewport()
    QApplication.sendEvent(viewport, _mouse(QEvent.Type.MouseButtonPress, start,
                                            Qt.MouseButton.LeftButton))
    handled, frames = [], []
    for step in range(1, moves + 1):
        # a slow circle of 6 px: every point stays on the scalp and ends where it began
        angle = 2 * math.pi * step / moves
        position = start + QPointF(6 * math.sin(angle), 6 * (1 - math.cos(angle)))
        t0 = time.perf_counter()
        QApplication.sendEvent(viewport, _mouse(QEvent.Type.MouseMove, position,
                                                Qt.MouseButton.LeftButton))
        t1 = time.perf_counter()
        viewport.repaint()  # what the next frame costs, painted synchronously
        t2 = time.perf_counter()
        handled.append(t1 - t0)
        frames.append(t2 - t0)
    t0 = time.perf_counter()
    QApplication.sendEvent(viewport, _mouse(QEvent.Type.MouseButtonRelease, position,
                                            Qt.MouseButton.NoButton))
    viewport.repaint()
    released = time.perf_counter() - t0
    what = f"all {len(scene.point_keys()):,} points selected" if select_all else "one point"
    print(f"drag {what} ({moves} mouse moves round a 6 px circle):")
    print(f"  mouse move handled                           {ms(handled)}")
    print(f"  mouse move + frame repainted                 {ms(frames)}")
    print(f"  release: undo command, totals, frame         {released * 1000:6.2f} ms")
    editor.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--moves", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as folder:
        clinic, patient_id, session_id = build_clinic(Path(folder))
        time_load(app, clinic, patient_id, session_id, args.repeat)
        time_drag(app, clinic, session_id, args.moves, select_all=False)
        time_drag(app, clinic, session_id, args.moves, select_all=True)
        clinic.db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
