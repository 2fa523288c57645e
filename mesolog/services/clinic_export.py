"""Records leaving Mesolog as JSON (store/clinic_export.py) or as FHIR bundles
(store/fhir_export.py): the whole clinic, an administrator's, as a backup is a copy of
every record; or one patient's record, for the patient, another clinic or a referring
doctor (its records, photos and progress report, nothing of any other patient), for a
role that may export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mesolog.domain.permissions import Action
from mesolog.domain.progress import Progress, no_progress
from mesolog.services.clinic import Clinic
from mesolog.services.patients import PatientService
from mesolog.services.reports import ReportKind, ReportService
from mesolog.store.clinic_export import ClinicExport, export_clinic
from mesolog.store.database import Database
from mesolog.store.fhir_export import FhirExport, export_fhir

REPORT_NAME = "progress-report.pdf"
REPORT_TITLE = "Progress report"


class ClinicExportService:
    def __init__(self, db: Database):
        self._db = db

    def export(self, target: Path, now: datetime,
               progress: Progress = no_progress) -> ClinicExport:
        """Every record, as JSON, into the new folder ``target``."""
        actor = self._db.require(Action.EXPORT_CLINIC)
        return export_clinic(self._db, target, made_by=actor.name, now=now,
                             progress=progress)

    def export_patient(self, patient_id: int, target: Path, now: datetime,
                       progress: Progress = no_progress) -> ClinicExport:
        """One patient's record into the new folder ``target``: in the clinic export's
        format (only their records, and the lots, products, practitioners and consent
        forms these name), their photos, and their progress report as a PDF."""
        actor = self._db.require(Action.EXPORT)
        PatientService(self._db).get(patient_id)  # NotFoundError for no such patient
        reports = ReportService(Clinic.of(self._db))

        def report(folder: Path) -> None:
            reports.write(ReportKind.PROGRESS, patient_id, folder / REPORT_NAME, now)
        return export_clinic(self._db, target, made_by=actor.name, now=now,
                             progress=progress, patient_id=patient_id, add_files=report)

    def export_fhir(self, target: Path, now: datetime,
                    progress: Progress = no_progress) -> FhirExport:
        """Every patient's record as a FHIR R4 bundle, into the new folder ``target``."""
        actor = self._db.require(Action.EXPORT_CLINIC)
        return export_fhir(self._db, target, made_by=actor.name, now=now, progress=progress)

    def export_patient_fhir(self, patient_id: int, target: Path, now: datetime,
                            progress: Progress = no_progress) -> FhirExport:
        """One patient's record as a FHIR R4 bundle into the new folder ``target``, with
        their photos and their progress report (a DocumentReference names the PDF)."""
        actor = self._db.require(Action.EXPORT)
        PatientService(self._db).get(patient_id)  # NotFoundError for no such patient
        reports = ReportService(Clinic.of(self._db))

        def report(folder: Path, patient: int) -> tuple[Path, str, str]:
            path = folder / REPORT_NAME
            reports.write(ReportKind.PROGRESS, patient, path, now)
            return path, "application/pdf", REPORT_TITLE
        return export_fhir(self._db, target, made_by=actor.name, now=now, progress=progress,
                           patient_id=patient_id, add_document=report)
