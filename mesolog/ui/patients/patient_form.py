"""The patient's chart: demographics and history, with Save and Revert."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from mesolog.domain.patient import (
    Diagnosis,
    Patient,
    PatientDetails,
    Sex,
    check_patient,
    field_label,
)
from mesolog.domain.text import age_on, parse_date
from mesolog.domain.translation import LANGUAGES, day_text
from mesolog.domain.validation import (
    ConflictError,
    FieldError,
    NotStored,
    ValidationError,
    problems_of,
)
from mesolog.ui.common import styles
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.form_dialog import choose, edited_signal
from mesolog.ui.common.forms import load_form
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.services.patients import PatientService

# the typed fields; "no known allergies" is a tick box beside the allergies
_FIELDS = tuple(f.name for f in fields(PatientDetails) if f.name != "no_known_allergies_on")
_CHOICES: dict[str, type[Sex] | type[Diagnosis]] = {"sex": Sex, "diagnosis": Diagnosis}


class PatientForm(QWidget):
    """Edits one patient (or a new one); saving goes through PatientService."""

    dirty_changed = Signal(bool)
    saved = Signal(object)  # the stored Patient

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._patients: PatientService | None = None
        self._today = today
        self._patient: Patient | None = None
        self._baseline = PatientDetails()
        self._dirty = False
        form = load_form("patient_form", self)
        form.layout().setContentsMargins(10, 6, 10, 6)
        self.inputs: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {
            name: form.findChild(QWidget, name) for name in _FIELDS
        }
        self.errors = FieldErrors()
        for name in _FIELDS:
            self.errors.adopt(name, form.findChild(QLabel, f"{name}_error"))
        self.title_label: QLabel = form.findChild(QLabel, "title_label")
        self.subtitle_label: QLabel = form.findChild(QLabel, "subtitle_label")
        self.archived_banner: QLabel = form.findChild(QLabel, "archived_banner")
        self.alerts_banner: QLabel = form.findChild(QLabel, "alerts_banner")
        self.saved_label: QLabel = form.findChild(QLabel, "saved_label")
        self.save_button: QPushButton = form.findChild(QPushButton, "save_button")
        self.revert_button: QPushButton = form.findChild(QPushButton, "revert_button")
        self._style(form)
        for name, choices in _CHOICES.items():
            combo = self.inputs[name]
            # the longest diagnosis shows whole: the grid gives each column its minimum
            # first, so the minimum is the longest choice and the drop-down arrow
            longest = max(combo.fontMetrics().horizontalAdvance(c.label) for c in choices)
            combo.setMinimumWidth(longest + 2 * combo.fontMetrics().height() + 8)
            combo.addItem(tr("— choose —"), None)
            for choice in choices:
                combo.addItem(choice.label, choice.value)
        reports_in = self.inputs["language"]
        reports_in.addItem(tr("This desk's language"), "")
        for code, name in LANGUAGES.items():
            reports_in.addItem(name, code)
        for name, widget in self.inputs.items():
            edited_signal(widget).connect(lambda *_, n=name: self._edited(n))
        self.no_known_allergies: QCheckBox = form.findChild(QCheckBox, "no_known_allergies")
        self._nka_on: date | None = None  # the day "no known allergies" was asked
        self.no_known_allergies.toggled.connect(self._no_known_allergies_toggled)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.load(None)

    def _style(self, form: QWidget) -> None:
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        self.alerts_banner.setStyleSheet(styles.ALERT)
        self.archived_banner.setStyleSheet("background: #eeeeee; padding: 4px; color: #555;")
        form.findChild(QWidget, "alerts_group").setStyleSheet(
            "QGroupBox { font-weight: bold; color: #7a1010; }")

    # -- what is shown ---------------------------------------------------

    @property
    def patient(self) -> Patient | None:
        return self._patient

    def is_dirty(self) -> bool:
        return self._dirty

    def set_service(self, patients: PatientService) -> None:
        self._patients = patients
        writable = patients.may_change_charts()
        for widget in self.inputs.values():  # read-only, not greyed: still easy to read
            if isinstance(widget, QComboBox):
                widget.setEnabled(writable)
            else:
                widget.setReadOnly(not writable)
        self.no_known_allergies.setEnabled(writable)

    def load(self, patient: Patient | None, chart_no: str = "") -> None:
        """Show ``patient``, or an empty chart for a new patient when None."""
        self._patient = patient
        self._baseline = patient.details if patient else PatientDetails(chart_no=chart_no)
        self._fill(self._baseline)
        self._clear_errors()
        self.saved_label.clear()
        self._refresh_header()
        self._set_dirty(False)

    def _fill(self, details: PatientDetails) -> None:
        typed: dict[str, object] = {"no_known_allergies_on": details.no_known_allergies_on}
        for name, widget in self.inputs.items():
            value = getattr(details, name)
            typed[name] = (getattr(value, "value", value) or None
                           if isinstance(widget, QComboBox) else
                           day_text(value) if isinstance(value, date) else value or "")
        self._put(typed)

    def typed(self) -> dict[str, object]:
        """What is in the fields as typed (a half-typed date too), to be put back by
        ``retype`` into a form built again (another language)."""
        typed: dict[str, object] = {"no_known_allergies_on": self._nka_on}
        for name, widget in self.inputs.items():
            typed[name] = widget.currentData() if isinstance(widget, QComboBox) \
                else self._text(name)
        return typed

    def retype(self, typed: dict[str, object]) -> None:
        """Put back what ``typed`` took from a form showing the same chart."""
        self._put(typed)
        self._edited("allergies")  # the header, the banner and whether it is changed

    def _put(self, typed: dict[str, object]) -> None:
        """Show ``typed`` in the fields, as if typed there, without a change signal."""
        self._nka_on = typed["no_known_allergies_on"]
        self.no_known_allergies.blockSignals(True)
        self.no_known_allergies.setChecked(self._nka_on is not None)
        self.no_known_allergies.blockSignals(False)
        self._show_no_known_allergies()
        for name, widget in self.inputs.items():
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                choose(widget, typed[name])
            elif isinstance(widget, QLineEdit):
                widget.setText(str(typed[name]))
            else:
                widget.setPlainText(str(typed[name]))
            widget.blockSignals(False)

    def _text(self, name: str) -> str:
        widget = self.inputs[name]
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def start_with(self, searched: str) -> None:
        """A new chart started from a search that found nobody: its date of birth, or the
        last name then the first names, as typed; the cursor goes to what is missing."""
        born = parse_date(searched)
        if born is not None:
            self.inputs["date_of_birth"].setText(day_text(born))
            return
        last, _, first = searched.replace(",", " ").partition(" ")
        self.inputs["last_name"].setText(last.strip())
        self.inputs["first_name"].setText(first.strip())
        self.inputs["date_of_birth" if first.strip() else "first_name"].setFocus()

    def _no_known_allergies_toggled(self, checked: bool) -> None:
        # ticked now means asked today; unticked forgets the day
        self._nka_on = self._today() if checked else None
        self._show_no_known_allergies()
        self._edited("allergies")

    def _show_no_known_allergies(self) -> None:
        asked = self._nka_on
        self.no_known_allergies.setText(tr("&No known allergies") if asked is None else
                                        tr("&No known allergies · {day}").format(
                                            day=day_text(asked)))
        self.no_known_allergies.setToolTip(
            tr("Tick when the patient was asked and has none; the day is kept") if asked is None
            else tr("The patient said so on {day}").format(day=day_text(asked)))
        self.inputs["allergies"].setEnabled(asked is None)

    def details(self) -> PatientDetails:
        """What the form holds now (a date of birth that does not parse is None)."""
        values: dict[str, object] = {"no_known_allergies_on": self._nka_on}
        for name, widget in self.inputs.items():
            if name == "language":
                values[name] = widget.currentData() or ""
            elif isinstance(widget, QComboBox):
                chosen = widget.currentData()
                values[name] = _CHOICES[name](chosen) if chosen else None
            elif name == "date_of_birth":
                values[name] = parse_date(self._text(name))
            else:
                values[name] = self._text(name)
        return PatientDetails(**values)

    def _unreadable_date(self) -> FieldError | None:
        text = self._text("date_of_birth").strip()
        if text and parse_date(text) is None:
            return FieldError("date_of_birth", tr(
                "Date of birth: “{text}” is not a date; write it as {example} or "
                "1984-03-27.").format(text=text, example=day_text(date(1984, 3, 27))))
        return None

    def problems(self) -> list[FieldError]:
        """What is wrong with the chart as it stands, without saving (the uniqueness of a
        chart number is the service's to say)."""
        unreadable = self._unreadable_date()
        return ([unreadable] if unreadable else []) + problems_of(
            check_patient, self.details(), self._today())

    def _edited(self, name: str) -> None:
        # a message goes as soon as its field is right; other fields keep theirs
        self.errors.withdraw_fixed([name], self.problems)
        self.saved_label.clear()
        if name in ("allergies", "contraindications", "last_name", "first_name",
                    "date_of_birth", "chart_no", "diagnosis"):
            self._refresh_header()
        self._set_dirty(self.details().normalised() != self._baseline.normalised()
                        or self._unreadable_date() is not None)

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)

    def _refresh_header(self) -> None:
        d = self.details().normalised()
        self.title_label.setText(d.full_name or tr("New patient"))
        parts = [d.chart_no] if d.chart_no else []
        today = self._today()
        if d.date_of_birth and d.date_of_birth <= today:
            parts.append(tr("%n year(s)", "", age_on(d.date_of_birth, today)))
        if d.diagnosis:
            parts.append(d.diagnosis.label)
        self.subtitle_label.setText(" · ".join(parts))
        self.archived_banner.setVisible(bool(self._patient and self._patient.archived))
        alerts = [(field_label(n), getattr(d, n)) for n in ("allergies", "contraindications")
                  if getattr(d, n)]
        lines = [f"<b>{label}:</b> {html.escape(text).replace(chr(10), '; ')}"
                 for label, text in alerts]
        if d.allergy_status:  # none listed: say whether they were asked
            lines.insert(0, html.escape(d.allergy_status) + ".")
        self.alerts_banner.setText("<br>".join(lines))
        self.alerts_banner.setStyleSheet(
            styles.ALERT if alerts else styles.CALM if d.no_known_allergies_on
            else styles.WARNING)

    # -- saving ----------------------------------------------------------

    def save(self) -> bool:
        """Store the form; False (with messages at the fields) when it cannot be."""
        self._clear_errors()
        unreadable = self._unreadable_date()
        if unreadable:
            self._show_errors([unreadable])
            return False
        assert self._patients is not None, "the form is shown only with a database"
        try:
            if self._patient is None:
                stored = self._patients.create(self.details())
            else:
                stored = self._patients.update(self._patient.id, self._patient.version,
                                               self.details())
        except ValidationError as e:
            self._show_errors(e.errors)
            return False
        except ConflictError as e:  # changed elsewhere, or not written (a full disk)
            QMessageBox.warning(self, tr("Not saved") if isinstance(e, NotStored)
                                else tr("Not saved: changed elsewhere"), str(e))
            return False
        self.load(stored)
        self.saved_label.setText(tr("Saved."))
        self.saved.emit(stored)
        return True

    def revert(self) -> None:
        self.load(self._patient, self._baseline.chart_no)

    def _show_errors(self, errors: list[FieldError]) -> None:
        shown = self.errors.show(errors)
        if shown:
            self.inputs[shown[0]].setFocus()

    def _clear_errors(self) -> None:
        self.errors.clear()

    def error_text(self, field: str) -> str:
        return self.errors.text(field)
