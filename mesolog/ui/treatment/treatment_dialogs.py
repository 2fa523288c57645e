"""Small dialogs of the treatment tab: a new course, a consent, a course's end."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTextBrowser,
    QWidget,
)

from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import Course, CourseDetails, CourseStatus
from mesolog.domain.practitioner import Role
from mesolog.domain.translation import LANGUAGES
from mesolog.ui.common.form_dialog import FormDialog, date_edit
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic

class CourseDialog(FormDialog):
    def __init__(self, clinic: Clinic, patient_id: int, today: date,
                 parent: QWidget | None = None):
        super().__init__(tr("New treatment course"), parent)
        self._clinic = clinic
        self._patient_id = patient_id
        self.course: Course | None = None
        self.protocol = QLineEdit()
        self.protocol.setPlaceholderText(tr("e.g. Minoxidil + biotin, 6 × 3 weeks"))
        self.planned = QSpinBox()
        self.planned.setRange(1, 52)
        self.planned.setValue(6)
        self.planned.setSuffix(tr(" sessions"))
        self.interval = QSpinBox()
        self.interval.setRange(1, 365)
        self.interval.setValue(21)
        self.interval.setSuffix(tr(" days"))
        self.start = date_edit(today)
        self.add_row(tr("&Protocol"), "protocol", self.protocol)
        self.add_row(tr("P&lanned"), "planned_sessions", self.planned)
        self.add_row(tr("&Interval"), "interval_days", self.interval)
        self.add_row(tr("&Start"), "start_date", self.start)

    def store(self) -> None:
        self.course = self._clinic.courses.create(self._patient_id, CourseDetails(
            self.protocol.text(), self.planned.value(), self.interval.value(),
            self.start.date().toPython()))


class ConsentDialog(FormDialog):
    """Show the current form text and record that the patient signed it."""

    def __init__(self, clinic: Clinic, patient_id: int, now: datetime,
                 kind: ConsentKind = ConsentKind.TREATMENT, parent: QWidget | None = None):
        super().__init__(tr("Record consent"), parent)
        self._clinic = clinic
        self._patient_id = patient_id
        self._now = now
        self.kind = QComboBox()
        for k in ConsentKind:
            self.kind.addItem(k.label, k.value)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.text = QTextBrowser()
        self.text.setMinimumSize(520, 300)
        # whoever is logged in takes it: a consent is never recorded in another's name
        self.taken_by = QLabel(clinic.actor.name if clinic.actor is not None else "")
        self.signed_on = date_edit(now.date())
        self.signed_on.setMaximumDate(QDate(now.date()))
        self.add_row(tr("&Form"), "kind", self.kind)
        self.form.addRow(self.text)
        self.add_row(tr("Taken by"), "taken_by", self.taken_by)
        self.add_row(tr("&Signed on"), "signed_at", self.signed_on)
        self.kind.currentIndexChanged.connect(self._show_text)
        self._show_text()

    def _show_text(self) -> None:
        form = self._clinic.consent.form_for(self._patient_id,
                                             ConsentKind(self.kind.currentData()))
        self.text.setHtml(f"<h3>{html.escape(form.title)} <small>"
                          + tr("(version {version}, {language})").format(
                              version=form.version, language=LANGUAGES[form.language])
                          + "</small></h3>" + "".join(
                              f"<p>{html.escape(p)}</p>" for p in form.body.split("\n") if p))

    def store(self) -> None:
        day = self.signed_on.date().toPython()
        signed_at = self._now if day == self._now.date() else datetime.combine(
            day, datetime.min.time().replace(hour=12))
        self._clinic.consent.record(self._patient_id, ConsentKind(self.kind.currentData()),
                                    signed_at)


class StopCourseDialog(FormDialog):
    def __init__(self, clinic: Clinic, course: Course, parent: QWidget | None = None):
        super().__init__(tr("Stop the course"), parent)
        self._clinic = clinic
        self._course = course
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("e.g. no improvement after four sessions"))
        self.add_row(tr("&Why"), "stop_reason", self.reason)

    def store(self) -> None:
        self._clinic.courses.set_status(self._course.id, self._course.version,
                                        CourseStatus.STOPPED, self.reason.text())


class PractitionerDialog(FormDialog):
    """An administrator adds a colleague's account."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None):
        super().__init__(tr("Add account"), parent)
        self._clinic = clinic
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. Dr Claire Moreau"))
        self.login = QLineEdit()
        self.login.setPlaceholderText(tr("e.g. cmoreau"))
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role.label, role.value)
        self.role.setCurrentIndex(self.role.findData(Role.PRACTITIONER.value))
        self.add_row(tr("&Name"), "name", self.name)
        self.add_row(tr("&Login"), "login", self.login)
        self.add_row(tr("&Role"), "role", self.role)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("At least 10 characters; they choose their own "
                                         "at first login"))
        self.add_row(tr("&Password"), "password", self.password)

    def store(self) -> None:
        self._clinic.accounts.add_account(
            self.name.text(), self.login.text(),
            Role(self.role.currentData()), self.password.text())
