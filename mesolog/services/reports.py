"""Printed reports: gather a patient's record into report content, then lay it out."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from enum import StrEnum
from io import BytesIO
from pathlib import Path

from mesolog.domain.consent import ConsentKind
from mesolog.domain.measurement import Metric
from mesolog.domain.session import Session
from mesolog.domain.translation import N_, _, language, speaking
from mesolog.domain.validation import NotFoundError
from mesolog.reports.consent_form import build_consent_form
from mesolog.reports.content import (
    CourseBlock,
    Grade,
    Letterhead,
    PhotoPair,
    ReportContent,
    TrendBlock,
)
from mesolog.reports.progress import build_progress_report
from mesolog.reports.summary import build_patient_summary
from mesolog.services.clinic import Clinic
from mesolog.services.letterhead import LetterheadService
from mesolog.store.private import new_file


class ReportKind(StrEnum):
    PROGRESS = "progress"
    SUMMARY = "summary"
    CONSENT = "consent"

    @property
    def label(self) -> str:
        labels = {"progress": N_("Progress Report"), "summary": N_("Patient Summary"),
                  "consent": N_("Consent Form")}
        return _(labels[self.value])


# What a progress report charts, per measurement site, when measured.
CHARTED = (Metric.DENSITY, Metric.SHAFT_DIAMETER)


class ReportService:
    def __init__(self, clinic: Clinic, letterhead: Letterhead | None = None):
        """``letterhead`` overrides the one stored in the database (for tests and previews)."""
        self._clinic = clinic
        self._letterhead = letterhead

    def patient_id_of(self, chart_no: str) -> int:
        """The patient with this chart number (as typed: case and spaces do not matter)."""
        wanted = chart_no.strip().casefold()
        found = self._clinic.db.fetch_all(
            "SELECT id FROM patient WHERE lower(chart_no) = ?", (wanted,))
        if not found:
            raise NotFoundError(_("No patient with chart number {value}.").format(
                                    value=chart_no.strip()))
        return found[0][0]

    def content(self, patient_id: int, now: datetime) -> ReportContent:
        c = self._clinic
        patient = c.patients.get(patient_id)
        sessions = sorted(c.sessions.for_patient(patient_id),
                          key=lambda x: (x.details.performed_at, x.id))
        by_course: dict[int | None, list[Session]] = defaultdict(list)
        for session in sessions:
            by_course[session.details.course_id].append(session)
        summaries = c.courses.for_patient(patient_id)
        courses = [CourseBlock(x.course.details.protocol, x.course.status.label.lower(),
                               x.course.details.planned_sessions, x.next_due,
                               tuple(by_course.get(x.course.id, ())))
                   for x in sorted(summaries, key=lambda x: x.course.details.start_date)]
        if by_course.get(None):
            courses.append(CourseBlock(_("Sessions outside a course"), "—", 0, None,
                                       tuple(by_course[None])))
        trends = []
        for site in c.outcomes.sites(patient_id):
            for metric in CHARTED:
                trend = c.outcomes.trend(patient_id, site.id, metric)
                if trend.points:
                    trends.append(TrendBlock(
                        f"{metric.label} — {site.name}", trend.points, trend.session_days,
                        _("{change} since baseline").format(change=trend.change.text)
                        if trend.change else "",
                        metric))
        lots = {lot.id: (lot.product_id, _("{product} lot {lot}").format(
            product=lot.product_name, lot=lot.details.lot_no))
                for lot in c.catalogue.lots()}
        printed_by = c.actor.name if c.actor is not None and c.actor.is_person else ""
        due = [x.next_due for x in summaries if x.next_due]
        return ReportContent(
            letterhead=self._letterhead or LetterheadService(c.db).get(), printed_at=now,
            printed_by=printed_by,
            patient=patient, consents=tuple(c.consent.for_patient(patient_id)),
            grades=tuple(Grade(g.recorded_on, g.scale, g.value, g.description)
                         for g in sorted(c.outcomes.grades(patient_id),
                                         key=lambda g: g.recorded_on)),
            courses=tuple(courses),
            events=tuple(sorted(c.adverse_events.for_patient(patient_id),
                                key=lambda e: e.details.onset)),
            trends=tuple(trends), photos=self._photo_pair(patient_id), lot_labels=lots,
            next_due=min(due) if due else None)

    def _photo_pair(self, patient_id: int) -> PhotoPair | None:
        """The first and latest photo of the view photographed most, if taken twice."""
        outcomes = self._clinic.outcomes
        by_view: dict = defaultdict(list)
        for p in outcomes.photos(patient_id):
            if outcomes.photo_intact(p):
                by_view[p.view].append(p)
        pairs = [sorted(v, key=lambda p: p.taken_on) for v in by_view.values() if len(v) > 1]
        if not pairs:
            return None
        best = max(pairs, key=len)
        # decrypted in memory only: the report's pictures never touch the disk plain
        (before, _), (after, _) = outcomes.photo_contents(best[0]), outcomes.photo_contents(
            best[-1])
        return PhotoPair(best[0].view.label, (best[0].taken_on, before or b""),
                         (best[-1].taken_on, after or b""))

    def write(self, kind: ReportKind, patient_id: int, target: Path | BytesIO,
              now: datetime, *, every_map: bool = False) -> None:
        """Build the ``kind`` of report for the patient as a PDF at ``target``, in the
        patient's language (their chart says which), else the desk's."""
        with speaking(self.language_of(patient_id)):
            content = self.content(patient_id, now)
            if isinstance(target, Path):
                new_file(target)  # a patient's report: the owner's alone
            if kind is ReportKind.PROGRESS:
                build_progress_report(content, target, every_map=every_map)
            elif kind is ReportKind.SUMMARY:
                build_patient_summary(content, target)
            else:
                build_consent_form(content, self._clinic.consent.form_for(
                    patient_id, ConsentKind.TREATMENT), target)

    def language_of(self, patient_id: int) -> str:
        """The language the patient's reports are printed in."""
        return self._clinic.patients.get(patient_id).details.language or language()

