"""The demo clinic's outcomes: measurements, grades and (for a few patients) photos.

Baselines are plausible for thinning scalps (120–180 hairs/cm²); about six in
ten patients respond with a modest gain over months, the rest stay level.
Photos are drawn, not photographed: a scalp tone with dark dots as dense as
the measured density, so before and after differ visibly.
"""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.scales import LUDWIG, NORWOOD_HAMILTON, SINCLAIR
from mesolog.store import models
from mesolog.store.bulk import insert_rows
from mesolog.store.keys import DatabaseKey
from mesolog.store.photo_files import keep_on_server, stored_photo
from mesolog.store.private import private_folder, write_private

PHOTO_PATIENTS = 12  # drawn photos cost time; a few patients show the feature
_PHOTO_SIZE = (200, 150)


def add_outcomes(session: OrmSession, rng: random.Random, now: datetime,
                 photo_folder: Path | None, key: DatabaseKey | None,
                 tick: Callable[[int], None] = lambda _done: None) -> None:
    today = now.date()
    rows = session.execute(text(
        "SELECT p.id, p.diagnosis, min(s.performed_at), max(s.performed_at) FROM patient p "
        "JOIN session s ON s.patient_id = p.id GROUP BY p.id ORDER BY p.id")).all()
    site_id = photo_patients = 0
    sites: list[dict] = []
    measurements: list[dict] = []
    grades: list[dict] = []
    photos: list[dict] = []

    def flush() -> None:
        for table, batch in ((models.MeasurementSite, sites), (models.Measurement, measurements),
                             (models.GradeRecord, grades), (models.Photo, photos)):
            if batch:
                insert_rows(session, table, batch)
                batch.clear()

    for done, (patient_id, diagnosis, first, last) in enumerate(rows, 1):
        tick(done)
        if len(measurements) >= 10_000:  # keep a 100,000-patient demo's memory flat
            flush()
        start = datetime.fromisoformat(str(first)).date()
        end = min(datetime.fromisoformat(str(last)).date() + timedelta(days=60), today)
        responder = rng.random() < 0.6
        names = ["vertex centre"] + (["frontal, 2 cm behind hairline"]
                                     if diagnosis == "male_aga" else [])
        series: dict[str, list[tuple[date, float]]] = {}
        for name in names:
            site_id += 1
            sites.append({"id": site_id, "patient_id": patient_id, "name": name,
                          "zone": "vertex" if name.startswith("vertex") else "frontal",
                          "created_at": datetime.combine(start, datetime.min.time())})
            series[name] = _measure(rng, patient_id, site_id, start, end, responder, measurements)
        grades.extend(_grades(rng, patient_id, diagnosis, start, end, responder, now))
        if photo_patients < PHOTO_PATIENTS and end > start:
            photo_patients += 1
            photos.extend(_photos(session, rng, patient_id, series["vertex centre"],
                                  photo_folder, key, now))
    flush()


def _measure(rng: random.Random, patient_id: int, site_id: int, start: date, end: date,
             responder: bool, out: list[dict]) -> list[tuple[date, float]]:
    density = rng.uniform(120, 180)
    diameter = rng.uniform(45, 65)
    terminal_share = rng.uniform(0.55, 0.72)
    gain = rng.uniform(0.015, 0.04) if responder else 0.0
    taken: list[tuple[date, float]] = []
    day = start
    while day <= end:
        months = (day - start).days / 30.4
        growth = min(1 + gain * months, 1.35) * rng.uniform(0.98, 1.02)
        value = round(density * growth, 1)
        share = min(terminal_share + (0.01 * months if responder else 0), 0.85)
        hairs = round(value)
        anagen = round(rng.uniform(60, 72) + (min(months, 10) if responder else 0), 1)
        out.append({
            "patient_id": patient_id, "site_id": site_id, "session_id": None, "taken_on": day,
            "density": value, "terminal_count": round(hairs * share),
            "vellus_count": hairs - round(hairs * share),
            "shaft_diameter_um": round(diameter + (0.8 * months if responder else 0)
                                       + rng.uniform(-1, 1), 1),
            "anagen_pct": anagen, "telogen_pct": round(100 - anagen - rng.uniform(0, 4), 1),
            "pull_test": rng.randint(0, 3) if responder else rng.randint(2, 8),
            "satisfaction": min(5, 2 + round(months / 3)) if responder else rng.randint(2, 3),
            "notes": "", "created_at": datetime.combine(day, datetime.min.time()),
        })
        taken.append((day, value))
        day += timedelta(days=rng.randint(80, 100))
    return taken


def _grades(rng: random.Random, patient_id: int, diagnosis: str, start: date, end: date,
            responder: bool, now: datetime) -> list[dict]:
    def row(day: date, scale: str, stage: str | None = None,
            score: float | None = None) -> dict:
        return {"patient_id": patient_id, "recorded_on": day, "scale": scale, "stage": stage,
                "salt_score": score, "created_at": now}

    if diagnosis == "alopecia_areata":
        first = round(rng.uniform(10, 45), 1)
        latest = round(first * (rng.uniform(0.3, 0.7) if responder else rng.uniform(0.9, 1.2)), 1)
        return [row(start, "salt", score=first), row(end, "salt", score=min(latest, 100.0))]
    scale = {"male_aga": NORWOOD_HAMILTON, "female_aga": LUDWIG}.get(diagnosis, SINCLAIR)
    low = {"norwood": 2, "ludwig": 0, "sinclair": 1}[scale.key]
    high = {"norwood": 8, "ludwig": 1, "sinclair": 3}[scale.key]
    rank = rng.randint(low, high)
    later = max(low, rank - 1) if responder and rng.random() < 0.4 else rank
    return [row(start, scale.key, scale.stages[rank].code),
            row(end, scale.key, scale.stages[later].code)]


def _photos(session: OrmSession, rng: random.Random, patient_id: int,
            vertex: list[tuple[date, float]], folder: Path | None, key: DatabaseKey | None,
            now: datetime) -> list[dict]:
    rows = []
    for day, density in (vertex[0], vertex[-1]):
        stored = stored_photo(_scalp_png(rng, density), ".png", patient_id, key)
        if folder is None:  # on a server
            keep_on_server(session, stored)
        else:
            path = folder / stored.name
            private_folder(folder)
            private_folder(path.parent)
            write_private(path, stored.data)
        rows.append({"patient_id": patient_id, "session_id": None, "view": "vertex",
                     "taken_on": day, "file_name": stored.name, "sha256": stored.sha256,
                     "created_at": now})
    return rows


def _scalp_png(rng: random.Random, density: float) -> bytes:
    width, height = _PHOTO_SIZE
    skin = bytes((226, 190, 165))
    pixels = [bytearray(skin * width) for _ in range(height)]
    for _ in range(int(density * 12)):  # dots in proportion to hairs/cm²
        x, y = rng.randrange(width - 1), rng.randrange(height - 1)
        shade = rng.randint(30, 70)
        for dx, dy in ((0, 0), (1, 0), (0, 1)):
            pixels[y + dy][3 * (x + dx):3 * (x + dx) + 3] = bytes((shade, shade - 10, shade - 20))
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))
