"""A progress report of 24 sessions with maps, charts and photos, against a bare canvas.

Run by hand (not by CI):  python bench/bench_reports.py [--repeat R]
Figures and how to read them: bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path

from bench_clinic import bench_clinic
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from mesolog.domain.adverse_event import Action, EventDetails, EventKind, Outcome
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseDetails
from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.measurement import MeasurementDetails
from mesolog.domain.photo import PhotoView
from mesolog.domain.scalp import VIEWS, ScalpView, ScalpZone, grid
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.reports.fonts import REGULAR, register_fonts
from mesolog.reports.progress import build_progress_report
from mesolog.services.clinic import Clinic
from mesolog.services.demo_outcomes import _scalp_png
from mesolog.services.reports import ReportKind, ReportService

NOW = datetime(2026, 11, 25, 10, 30)


def build_patient(folder: Path) -> tuple[Clinic, int]:
    """A patient with 24 mapped sessions, two measurement sites, grades, photos, side effects."""
    clinic, doctor, lots, patient = bench_clinic(folder, NOW)
    clinic.consent.record(patient.id, ConsentKind.TREATMENT, NOW - timedelta(days=800))
    start = date(2024, 10, 1)
    course = clinic.courses.create(patient.id, CourseDetails("Minoxidil + biotin", 24, 28, start))
    spots = [(ScalpView.TOP, x, y) for zone in (ScalpZone.FRONTAL, ScalpZone.MID_SCALP,
                                                 ScalpZone.VERTEX)
             for x, y in grid(ScalpView.TOP, zone, 1.0)]
    sessions = []
    for n in range(24):
        points = tuple(InjectionPoint(v, x, y, 1.5, 0.03, lots[i % 2].id)
                       for i, (v, x, y) in enumerate(spots))
        uses = tuple(ProductUse(lot.id, round(sum(p.volume_ml for p in points
                                                  if p.lot_id == lot.id), 3)) for lot in lots)
        sessions.append(clinic.sessions.create(patient.id, SessionDetails(
            performed_at=datetime.combine(start + timedelta(days=28 * n), datetime.min.time())
            + timedelta(hours=9), practitioner_id=doctor.id, course_id=course.id,
            technique=Technique.PAPULE, device=Device.MANUAL, notes="Tolerated well.",
            products=uses, points=points), sign=True))
    for name in ("vertex centre", "frontal line"):
        site = clinic.outcomes.add_site(patient.id, name)
        for n in range(0, 24, 3):
            day = start + timedelta(days=28 * n + 1)
            clinic.outcomes.record_measurement(patient.id, MeasurementDetails(
                site_id=site.id, taken_on=day, density=130 + 2 * n,
                shaft_diameter_um=55 + n / 4))
    for n, stage in ((0, "II"), (12, "II"), (23, "I")):
        clinic.outcomes.record_grade(patient.id, "ludwig", stage, start + timedelta(days=28 * n))
    rng = random.Random(3)
    for n, density in ((0, 0.45), (23, 0.6)):
        png = folder / f"vertex-{n}.png"
        png.write_bytes(_scalp_png(rng, density))
        clinic.outcomes.attach_photo(patient.id, png, PhotoView.VERTEX,
                                     start + timedelta(days=28 * n))
    for n in range(0, 24, 4):
        clinic.adverse_events.record(EventDetails(
            session_id=sessions[n].id, kind=EventKind.ERYTHEMA,
            onset=sessions[n].details.performed_at.date(), grade=1,
            actions=(Action.COLD_COMPRESS,), resolved_on=sessions[n].details.performed_at.date(),
            outcome=Outcome.RESOLVED))
    return clinic, patient.id


def bare_canvas(lines: list[str], points: list[tuple[float, float]], photos: list[Path],
                target: BytesIO) -> None:
    """The same text, dots, zone outlines, chart lines and photos, drawn line after line."""
    register_fonts()
    canvas = Canvas(target, pagesize=A4)
    canvas.setFont(REGULAR, 8.5)
    y = 800.0
    for line in lines:
        canvas.drawString(50, y, line)
        y -= 11
        if y < 50:
            canvas.showPage()
            canvas.setFont(REGULAR, 8.5)
            y = 800.0
    canvas.showPage()
    g = VIEWS[ScalpView.TOP]
    for _, polygon in g.zones:
        path = canvas.beginPath()
        path.moveTo(50 + polygon[0][0] * 220, 500 + polygon[0][1] * 275)
        for x, yy in polygon[1:]:
            path.lineTo(50 + x * 220, 500 + yy * 275)
        path.close()
        canvas.drawPath(path, stroke=1, fill=1)
    for x, yy in points:
        canvas.circle(50 + x * 220, 500 + yy * 275, 2, stroke=0, fill=1)
    for chart in range(2):
        canvas.lines([(300 + i * 20, 300 + chart * 100 + (i % 3) * 10,
                       320 + i * 20, 300 + chart * 100 + ((i + 1) % 3) * 10) for i in range(8)])
    for i, photo in enumerate(photos):
        canvas.drawImage(str(photo), 50 + i * 250, 80, width=230, height=190)
    canvas.showPage()
    canvas.save()


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        clinic, patient_id = build_patient(Path(folder))
        reports = ReportService(clinic)
        whole, gather, layout, bare = [], [], [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            target = BytesIO()
            reports.write(ReportKind.PROGRESS, patient_id, target, NOW)
            whole.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            content = reports.content(patient_id, NOW)
            gather.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            build_progress_report(content, BytesIO())
            layout.append(time.perf_counter() - t0)
        reader = PdfReader(BytesIO(target.getvalue()))
        lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
        latest = content.sessions[-1].details.points
        photos = [content.photos.before[1], content.photos.after[1]]
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            bare_canvas(lines, [(p.x, p.y) for p in latest], photos, BytesIO())
            bare.append(time.perf_counter() - t0)
        clinic.db.close()
    print(f"progress report: {len(content.sessions)} sessions, {len(latest)} points on the "
          f"latest map, {len(content.trends)} charts, 2 photos, {len(content.events)} side "
          f"effects; {len(reader.pages)} pages, {len(target.getvalue()) / 1024:.0f} KB")
    print(f"  whole (read + lay out + write)   median {median_ms(whole):7.1f} ms")
    print(f"  read the record (services)       median {median_ms(gather):7.1f} ms")
    print(f"  lay out and write (ReportLab)    median {median_ms(layout):7.1f} ms")
    print(f"  bare canvas, same text + shapes  median {median_ms(bare):7.1f} ms "
          f"({len(lines)} lines)")
    print(f"  layout / bare canvas             {median_ms(layout) / median_ms(bare):.2f}×; "
          f"whole / bare canvas {median_ms(whole) / median_ms(bare):.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
