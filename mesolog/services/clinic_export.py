"""The whole clinic for another program or the clinic's archive (store/clinic_export.py):
an administrator's, as a backup is a copy of every record."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mesolog.domain.permissions import Action
from mesolog.domain.progress import Progress, no_progress
from mesolog.store.clinic_export import ClinicExport, export_clinic
from mesolog.store.database import Database


class ClinicExportService:
    def __init__(self, db: Database):
        self._db = db

    def export(self, target: Path, now: datetime,
               progress: Progress = no_progress) -> ClinicExport:
        """Every record, as JSON, into the new folder ``target``."""
        actor = self._db.require(Action.EXPORT_CLINIC)
        return export_clinic(self._db, target, made_by=actor.name, now=now,
                             progress=progress)
