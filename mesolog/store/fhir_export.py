"""Every patient's record as an HL7 FHIR R4 Bundle (type collection), for a referring
doctor's system or any program that reads FHIR: the format "mesolog fhir export",
version 1.

A folder holds one bundle a patient, ``patient-<chart number>.json`` (a ``/`` in the
number written ``_``), with the patient's resources (domain/fhir.py) and those they
refer to (the clinic, the practitioners); the photos as the pictures attached
(``photos/<patient>/…``, named in each Media's ``content.url``, relative to the bundle);
and ``manifest.json`` with the SHA-256 of every file. Read in one snapshot, a batch of
patients at a time: a 100,000-patient clinic never sits in memory whole.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, select

from mesolog.domain import fhir
from mesolog.domain.photo import suffix_of
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.scalp import ScalpView, ScalpZone, zone_at
from mesolog.store import models
from mesolog.store.clinic_export import (
    MANIFEST,
    PhotoFiles,
    files_beside,
    new_export_folder,
    write_json,
)
from mesolog.store.database import Database
from mesolog.store.private import new_file

FORMAT = "mesolog fhir export"
VERSION = 1
FHIR_VERSION = "4.0.1"
_PATIENTS_A_BATCH = 100
_T = models.Base.metadata.tables
# a patient's own records, read for a batch of patients at once
_OWNED = ("course", "session", "consent", "adverse_event", "measurement_site", "measurement",
          "grade_record", "photo")


@dataclass(frozen=True)
class FhirExport:
    folder: Path
    bundles: int
    resources: dict[str, int]  # by resource type
    photos: int
    missing_photos: tuple[str, ...]


# Writes one more file into the export's folder (a report) for the patient; gives its
# path, its content type and title.
AddDocument = Callable[[Path, int], tuple[Path, str, str]]


def bundle_name(chart_no: str) -> str:
    return f"patient-{chart_no.replace('/', '_')}.json"


def export_fhir(db: Database, target: Path, *, made_by: str, now: datetime,
                progress: Progress = no_progress, patient_id: int | None = None,
                add_document: AddDocument | None = None) -> FhirExport:
    """A bundle for each patient of ``db`` (only ``patient_id``'s, if given) into the
    new folder ``target``; ``add_document`` writes a document for each patient, named
    in their bundle by a DocumentReference."""
    ids = fhir.Ids.new()
    resources: Counter[str] = Counter()
    with new_export_folder(target) as partial:
        files: dict[str, str] = {}
        with db.snapshot() as conn:
            shared = _Shared(conn, ids)
            photos = PhotoFiles(conn, db, partial)
            chosen = (_T["patient"].c.id == patient_id if patient_id is not None
                      else _T["patient"].c.id.is_not(None))
            total = conn.execute(select(func.count()).where(chosen)).scalar_one()
            done = 0
            for patients in _batches(conn, chosen):
                progress(done, total, "writing the patients' bundles")
                records = _Records(conn, [p["id"] for p in patients])
                for row in patients:
                    built = _PatientBundle(ids, shared, records, photos, partial, now)
                    entries = built.resources(row)
                    if add_document is not None:
                        entries.append(built.document(row["id"], add_document))
                    resources.update(r["resourceType"] for r in entries)
                    name = bundle_name(row["chart_no"])
                    files[name] = _write_bundle(partial / name,
                                                fhir.bundle(ids, row["id"], now, entries))
                done += len(patients)
        files.update(photos.written)
        files.update(files_beside(partial, files))  # the documents added
        write_json(partial / MANIFEST, {
            "format": FORMAT, "version": VERSION, "fhir_version": FHIR_VERSION,
            "made_at": now.isoformat(), "made_by": made_by, "bundles": done,
            "resources": dict(sorted(resources.items())), "files": files,
            "missing_photos": photos.missing})
    return FhirExport(Path(target), done, dict(resources), len(photos.written),
                      tuple(photos.missing))


def _batches(conn: Connection, chosen: Any) -> Iterable[list[dict]]:
    """The chosen patients in id order, a batch at a time (keyset: each batch a short
    query of its own, no cursor held open beside the others)."""
    patient = _T["patient"]
    last = 0
    while True:
        batch = [dict(r) for r in conn.execute(
            select(patient).where(chosen, patient.c.id > last).order_by(patient.c.id)
            .limit(_PATIENTS_A_BATCH)).mappings()]
        if not batch:
            return
        yield batch
        last = batch[-1]["id"]


def _grouped(conn: Connection, table: Table, where: Any, key: str) -> dict[Any, list[dict]]:
    found: dict[Any, list[dict]] = defaultdict(list)
    for row in conn.execute(select(table).where(where).order_by(table.c[
            "id" if "id" in table.c else key])).mappings():
        found[row[key]].append(dict(row))
    return found


class _Shared:
    """What several patients' bundles refer to, read once: the clinic, the
    practitioners, the consent forms, the lots and their products."""

    def __init__(self, conn: Connection, ids: fhir.Ids):
        def by_id(name: str) -> dict[int, dict]:
            return {r["id"]: dict(r) for r in conn.execute(select(_T[name])).mappings()}

        letterhead = conn.execute(select(_T["letterhead"]).order_by(_T["letterhead"].c.id)
                                  ).mappings().first()
        self.clinic = (fhir.organization(ids, letterhead)
                       if letterhead is not None and letterhead["name"] else None)
        self.practitioners = {i: fhir.practitioner(ids, row)
                              for i, row in by_id("practitioner").items()}
        self.forms = by_id("consent_form")
        self.lots = by_id("lot")
        self.products = by_id("product")
        self.ingredients = _grouped(conn, _T["product_ingredient"],
                                    _T["product_ingredient"].c.id.is_not(None), "product_id")
        for parts in self.ingredients.values():
            parts.sort(key=lambda i: i["position"])


class _Records:
    """A batch of patients' own records, by patient (and by session for what a session
    holds)."""

    def __init__(self, conn: Connection, patient_ids: list[int]):
        self.of = {name: _grouped(conn, _T[name], _T[name].c.patient_id.in_(patient_ids),
                                  "patient_id") for name in _OWNED}
        sessions = select(_T["session"].c.id).where(_T["session"].c.patient_id.in_(patient_ids))
        self.products = _grouped(conn, _T["session_product"],
                                 _T["session_product"].c.session_id.in_(sessions), "session_id")
        # the most numerous rows by far: only what the bundle tells of them, as tuples
        points = _T["injection_point"]
        self.points: dict[int, list[tuple[int, str, float, float]]] = defaultdict(list)
        for session_id, lot_id, view, x, y in conn.execute(
                select(points.c.session_id, points.c.lot_id, points.c.view, points.c.x,
                       points.c.y).where(points.c.session_id.in_(sessions))):
            self.points[session_id].append((lot_id, view, x, y))


class _PatientBundle:
    def __init__(self, ids: fhir.Ids, shared: _Shared, records: _Records, photos: PhotoFiles,
                 folder: Path, now: datetime):
        self._ids, self._shared, self._records = ids, shared, records
        self._photos, self._folder, self._now = photos, folder, now

    def _own(self, name: str, patient_id: int) -> list[dict]:
        return self._records.of[name].get(patient_id, [])

    def resources(self, row: Mapping[str, Any]) -> list[fhir.Resource]:
        ids, shared, pid = self._ids, self._shared, row["id"]
        clinic = shared.clinic
        found: list[fhir.Resource] = [fhir.patient(ids, row, clinic and clinic["name"]),
                                      fhir.diagnosis(ids, row)]
        allergy = fhir.allergies(ids, row)
        if allergy is not None:
            found.append(allergy)
        found += [fhir.consent(ids, c, shared.forms[c["form_id"]], clinic is not None)
                  for c in self._own("consent", pid)]
        found += [fhir.care_plan(ids, c) for c in self._own("course", pid)]
        used: dict[tuple[int, int], int] = {}  # (session, lot) -> its administration
        for session in self._own("session", pid):
            found += self._session(session, used)
        found += [fhir.adverse_event(ids, e, used.get((e["session_id"], e["suspected_lot_id"])))
                  for e in self._own("adverse_event", pid)]
        sites = {s["id"]: s for s in self._own("measurement_site", pid)}
        found += [fhir.measurement(ids, m, sites[m["site_id"]])
                  for m in self._own("measurement", pid)]
        found += [fhir.grade(ids, g) for g in self._own("grade_record", pid)]
        found += [self._media(photo) for photo in self._own("photo", pid)]
        named = {r["performer"][0]["actor"]["reference"] for r in found
                 if r["resourceType"] == "Procedure"}
        found += [p for p in shared.practitioners.values() if f"urn:uuid:{p['id']}" in named]
        if clinic is not None:
            found.append(clinic)
        return found

    def _session(self, session: dict, used: dict[tuple[int, int], int]) -> list[fhir.Resource]:
        ids, shared = self._ids, self._shared
        points = self._records.points.get(session["id"], [])
        zone_of = [(lot_id, zone_at(ScalpView(view), (x, y))) for lot_id, view, x, y in points]
        zones: Counter[ScalpZone | None] = Counter(zone for _, zone in zone_of)
        found = [fhir.procedure(ids, session, zones)]
        pain = fhir.pain(ids, session)
        if pain is not None:
            found.append(pain)
        for use in self._records.products.get(session["id"], []):
            lot = shared.lots[use["lot_id"]]
            product = shared.products[lot["product_id"]]
            used.setdefault((session["id"], use["lot_id"]), use["id"])
            found.append(fhir.medication_administration(
                ids, use, session, lot, product, shared.ingredients.get(product["id"], []),
                [zone for lot_id, zone in zone_of if lot_id == use["lot_id"]]))
        return found

    def _media(self, photo: dict) -> fhir.Resource:
        written = self._photos.write(photo)
        if written is None:  # the record stays; the manifest names the file missing
            content = {"title": f"{photo['view']} photo (its file was missing at export)"}
        else:
            name, picture = written
            content = fhir.attachment(picture, fhir.content_type_of(suffix_of(picture)), name,
                                      f"{photo['view'].capitalize()} view",
                                      photo["taken_on"])
        return fhir.media(self._ids, photo, content)

    def document(self, patient_id: int, add_document: AddDocument) -> fhir.Resource:
        path, content_type, title = add_document(self._folder, patient_id)
        content = fhir.attachment(path.read_bytes(), content_type,
                                  path.relative_to(self._folder).as_posix(), title, self._now)
        return fhir.report_document(self._ids, patient_id, self._now, content,
                                    self._shared.clinic is not None)


def _write_bundle(path: Path, bundle: fhir.Resource) -> str:
    """The bundle into its file; the file's SHA-256 (not read again for the manifest)."""
    new_file(path)
    # compact: JSON's C encoder writes it ten times faster than an indented one
    content = (json.dumps(bundle, ensure_ascii=False, separators=(",", ":")) + "\n"
               ).encode("utf-8")
    path.write_bytes(content)
    return hashlib.sha256(content).hexdigest()
