"""Outcomes: measurements at fixed sites, grades on standard scales, photos."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.measurement import (
    Change,
    Measurement,
    MeasurementDetails,
    Metric,
    change_since_baseline,
    check_measurement,
)
from mesolog.domain.permissions import Action
from mesolog.domain.photo import (
    MAX_PHOTO_BYTES,
    PHOTO_SUFFIXES,
    Photo,
    PhotoView,
    file_sha256,
    photo_folder_of,
)
from mesolog.domain.scales import SCALES, salt_score
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.services.images import PHOTO_FORMATS, checked_picture
from mesolog.store import models
from mesolog.store.database import Database
from mesolog.store.photo_files import (
    StoredPhoto,
    keep_on_server,
    picture_of,
    read_from_server,
    stored_photo,
)
from mesolog.store.private import (
    FileTooLarge,
    NotAPlainFile,
    place,
    read_plain_file,
    write_incoming,
)

_VALUE_FIELDS = [f.name for f in fields(MeasurementDetails)
                 if f.name not in ("site_id", "taken_on", "session_id", "notes")]


@dataclass(frozen=True)
class Site:
    id: int
    name: str
    zone: ScalpZone | None


@dataclass(frozen=True)
class Trend:
    points: tuple[tuple[date, float], ...]
    session_days: tuple[date, ...]
    change: Change | None


@dataclass(frozen=True)
class GradeEntry:
    id: int
    recorded_on: date
    scale: str  # the scale's name, or "SALT"
    value: str  # the stage code, or the SALT score
    description: str


class OutcomeService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    @property
    def photo_folder(self) -> Path:
        return photo_folder_of(self._db.path)

    # -- sites and measurements ------------------------------------------

    def add_site(self, patient_id: int, name: str, zone: ScalpZone | None = None) -> Site:
        name = name.strip()
        if not name or len(name) > 120 or has_control_characters(name):
            raise ValidationError([FieldError("name", _("Site name: 1 to 120 plain characters, "
                                                      "e.g. “vertex centre”."))])
        with self._db.transaction(Action.MEASUREMENT_SITE) as session:
            taken = session.execute(select(models.MeasurementSite.id).where(
                models.MeasurementSite.patient_id == patient_id,
                models.MeasurementSite.name == name)).scalar()
            if taken is not None:
                raise ValidationError([FieldError("name",
                    _("This patient has a site “{name}”.").format(
                                                              name=name))])
            row = models.MeasurementSite(patient_id=patient_id, name=name,
                                         zone=zone.value if zone else None,
                                         created_at=self._clock())
            session.add(row)
            session.flush()
            return Site(row.id, row.name, zone)

    def sites(self, patient_id: int) -> list[Site]:
        with self._db.reading() as session:
            rows = session.execute(select(models.MeasurementSite).where(
                models.MeasurementSite.patient_id == patient_id)
                .order_by(models.MeasurementSite.id)).scalars()
            return [Site(r.id, r.name, ScalpZone(r.zone) if r.zone else None) for r in rows]

    def record_measurement(self, patient_id: int, details: MeasurementDetails) -> Measurement:
        details = check_measurement(details, self._clock().date())
        with self._db.transaction(Action.MEASUREMENT_RECORD) as session:
            site = session.get(models.MeasurementSite, details.site_id)
            if site is None or site.patient_id != patient_id:
                raise ValidationError([FieldError("site_id",
                                                  _("That site is not this patient's."))])
            if details.session_id is not None:
                sess = session.get(models.Session, details.session_id)
                if sess is None or sess.patient_id != patient_id:
                    raise ValidationError([FieldError("session_id",
                                                      _("That session is not this patient's."))])
            row = models.Measurement(patient_id=patient_id, site_id=site.id,
                                     session_id=details.session_id, taken_on=details.taken_on,
                                     notes=details.notes.strip(), created_at=self._clock(),
                                     **{n: getattr(details, n) for n in _VALUE_FIELDS})
            session.add(row)
            session.flush()
            return Measurement(row.id, patient_id, site.name, details)

    def measurements(self, patient_id: int) -> list[Measurement]:
        """The patient's measurements, newest first."""
        with self._db.reading() as session:
            rows = session.execute(
                select(models.Measurement, models.MeasurementSite.name)
                .join(models.MeasurementSite,
                      models.MeasurementSite.id == models.Measurement.site_id)
                .where(models.Measurement.patient_id == patient_id)
                .order_by(models.Measurement.taken_on.desc(), models.Measurement.id.desc())
            ).all()
            return [Measurement(r.id, patient_id, name, MeasurementDetails(
                site_id=r.site_id, taken_on=r.taken_on, session_id=r.session_id,
                notes=r.notes, **{n: getattr(r, n) for n in _VALUE_FIELDS}))
                for r, name in rows]

    def trend(self, patient_id: int, site_id: int, metric: Metric) -> Trend:
        """One metric at one site over time, the sessions between, the change since baseline."""
        series = [(m.details.taken_on, m.details.value(metric))
                  for m in self.measurements(patient_id) if m.details.site_id == site_id]
        points = tuple(sorted((day, v) for day, v in series if v is not None))
        sessions = tuple(sorted({
            date.fromisoformat(r[0][:10]) for r in self._db.fetch_all(
                "SELECT performed_at FROM session WHERE patient_id = ?", (patient_id,))}))
        return Trend(points, sessions, change_since_baseline(list(points)))

    # -- grades ----------------------------------------------------------

    def record_grade(self, patient_id: int, scale_key: str, stage: str,
                     recorded_on: date) -> GradeEntry:
        scale = SCALES.get(scale_key)
        if scale is None:
            raise ValidationError([FieldError("scale", _("Choose a grading scale."))])
        scale.stage(stage)  # refuses a stage the scale does not have
        return self._store_grade(patient_id, recorded_on, scale_key, stage, None)

    def record_salt(self, patient_id: int, recorded_on: date, vertex: float, left: float,
                    right: float, back: float) -> GradeEntry:
        score = salt_score(vertex, left, right, back)
        return self._store_grade(patient_id, recorded_on, "salt", None, score)

    def _store_grade(self, patient_id: int, recorded_on: date, scale: str, stage: str | None,
                     score: float | None) -> GradeEntry:
        if recorded_on > self._clock().date():
            raise ValidationError([FieldError("recorded_on", _("The date cannot be in the "
                                                             "future."))])
        with self._db.transaction(Action.GRADE_RECORD) as session:
            if session.get(models.Patient, patient_id) is None:
                raise NotFoundError(_("No patient with id {patient_id}.").format(
                                        patient_id=patient_id))
            row = models.GradeRecord(patient_id=patient_id, recorded_on=recorded_on,
                                     scale=scale, stage=stage, salt_score=score,
                                     created_at=self._clock())
            session.add(row)
            session.flush()
            return _grade(row)

    def grades(self, patient_id: int) -> list[GradeEntry]:
        """The patient's grades over time, oldest first, so progress reads down the list."""
        with self._db.reading() as session:
            rows = session.execute(select(models.GradeRecord).where(
                models.GradeRecord.patient_id == patient_id)
                .order_by(models.GradeRecord.recorded_on, models.GradeRecord.id)).scalars()
            return [_grade(r) for r in rows]

    # -- photos ----------------------------------------------------------

    def attach_photo(self, patient_id: int, source: Path, view: PhotoView, taken_on: date,
                     session_id: int | None = None) -> Photo:
        """Copy ``source`` into the managed folder and record it with its checksum.

        The picture is read into memory and decoded first (a file that is not a picture
        Mesolog can draw is refused); an encrypted database's copy is sealed there, so
        no plain copy ever reaches its disk. The copy goes to a temporary name, is
        flushed, and only then takes its final name, so a crash never leaves a partial
        file where a photo is expected. The checksum is the stored file's.
        """
        source = Path(source)
        if source.suffix.lower() not in PHOTO_SUFFIXES:
            raise ValidationError([FieldError("file", _("Choose a photo (JPEG, PNG, TIFF, BMP "
                                                      "or WebP)."))])
        if taken_on > self._clock().date():
            raise ValidationError([FieldError("taken_on", _("The date cannot be in the future."))])
        self._db.require(Action.PHOTO_ATTACH)  # before a byte is read
        if not source.exists() and not source.is_symlink():
            raise ValidationError([FieldError("file", _("{source} does not exist.").format(
                                                          source=source))])
        try:
            picture = read_plain_file(source, MAX_PHOTO_BYTES)
        except NotAPlainFile as e:
            raise ValidationError([FieldError("file", _("Choose the photo file itself: {e} (a link "
                                                        "or a folder is not taken).").format(e=e))]
                                  ) from None
        except FileTooLarge as e:
            raise ValidationError([FieldError("file",
                _("This photo is too large to keep: {e}.").format(
                                                          e=e))]) from None
        checked_picture(picture, "file", PHOTO_FORMATS)
        stored = stored_photo(picture, source.suffix, patient_id, self._db.key)
        if self._db.on_server:  # the bytes and the record in one transaction
            with self._db.transaction(Action.PHOTO_ATTACH) as session:
                keep_on_server(session, stored)
                return self._record_photo(session, patient_id, session_id, view, taken_on,
                                          stored)
        target = self.photo_folder / stored.name
        incoming: Path | None = None
        placed = False
        try:
            if not (target.is_file() and file_sha256(target) == stored.sha256):  # else whole
                incoming = write_incoming(stored.data, self.photo_folder)
                place(incoming, target)
                placed = True
            with self._db.transaction(Action.PHOTO_ATTACH) as session:
                return self._record_photo(session, patient_id, session_id, view, taken_on,
                                          stored)
        except Exception:
            if incoming is not None:
                incoming.unlink(missing_ok=True)
            if placed:  # nothing half-saved: no row, no orphan file
                target.unlink(missing_ok=True)
            raise

    def _record_photo(self, session: OrmSession, patient_id: int, session_id: int | None,
                      view: PhotoView, taken_on: date, stored: StoredPhoto) -> Photo:
        if session.get(models.Patient, patient_id) is None:
            raise NotFoundError(_("No patient with id {patient_id}.").format(patient_id=patient_id))
        row = models.Photo(patient_id=patient_id, session_id=session_id, view=view.value,
                           taken_on=taken_on, file_name=stored.name, sha256=stored.sha256,
                           created_at=self._clock())
        session.add(row)
        session.flush()
        return self._photo(row)

    def _stored_bytes(self, photo: Photo) -> bytes | None:
        """The photo as kept (sealed for an encrypted file); None if it is not there."""
        if photo.path is None:
            with self._db.reading() as session:
                return read_from_server(session, photo.file_name)
        try:
            return photo.path.read_bytes()
        except OSError:
            return None

    def photo_contents(self, photo: Photo) -> tuple[bytes | None, bool]:
        """The picture as attached (decrypted in memory for an encrypted database), or
        None when its file is missing or does not open; and whether the file is the one
        stored (by its checksum). Safe on any thread: it reads the file (or, on a
        server, the row) only."""
        stored = self._stored_bytes(photo)
        if stored is None:
            return None, False
        intact = hashlib.sha256(stored).hexdigest() == photo.sha256
        # a sealed file that does not open: changed (then not intact either), or another
        # clinic's
        return picture_of(stored, self._db.key), intact

    def photos(self, patient_id: int, view: PhotoView | None = None) -> list[Photo]:
        with self._db.reading() as session:
            stmt = select(models.Photo).where(models.Photo.patient_id == patient_id)
            if view is not None:
                stmt = stmt.where(models.Photo.view == view.value)
            rows = session.execute(stmt.order_by(models.Photo.taken_on,
                                                 models.Photo.id)).scalars()
            return [self._photo(r) for r in rows]

    def photo_intact(self, photo: Photo) -> bool:
        """True when the managed file is there and its checksum is the one recorded."""
        if photo.path is None:
            stored = self._stored_bytes(photo)
            return stored is not None and hashlib.sha256(stored).hexdigest() == photo.sha256
        return photo.path.is_file() and file_sha256(photo.path) == photo.sha256

    def _photo(self, row: models.Photo) -> Photo:
        path = None if self._db.on_server else self.photo_folder / row.file_name
        return Photo(row.id, row.patient_id, row.session_id, PhotoView(row.view), row.taken_on,
                     path, row.sha256, row.file_name)


def _grade(row: models.GradeRecord) -> GradeEntry:
    if row.scale == "salt":
        return GradeEntry(row.id, row.recorded_on, "SALT", f"{row.salt_score:g}",
                          f"{row.salt_score:g} % of the scalp without hair")
    scale = SCALES[row.scale]
    return GradeEntry(row.id, row.recorded_on, scale.name, row.stage,
                      scale.stage(row.stage).description)
