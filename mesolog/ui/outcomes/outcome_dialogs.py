"""Dialogs of the Outcomes tab: a site, a measurement, a grade, a photo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from mesolog.domain.measurement import (
    BOUNDS,
    TERMINAL_MIN_UM,
    MeasurementDetails,
    check_measurement,
)
from mesolog.domain.photo import PHOTO_SUFFIXES, PhotoView
from mesolog.domain.scales import SALT_WEIGHTS, SCALES, salt_score, salt_view_name
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.translation import moment_text, number
from mesolog.domain.validation import FieldError, ValidationError, problems_of
from mesolog.ui.common.form_dialog import FormDialog, combo, date_edit
from mesolog.ui.common.language import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic



class SiteDialog(FormDialog):
    def __init__(self, clinic: Clinic, patient_id: int, parent: QWidget | None = None):
        super().__init__(tr("New measurement site"), parent)
        self._clinic, self._patient_id = clinic, patient_id
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. vertex centre"))
        self.zone = combo([(tr("— not placed —"), None)] + [(z.label, z.value) for z in ScalpZone])
        self.add_row(tr("&Name"), "name", self.name)
        self.add_row(tr("&Zone"), "zone", self.zone)

    def store(self) -> None:
        zone = self.zone.currentData()
        self._clinic.outcomes.add_site(self._patient_id, self.name.text(),
                                       ScalpZone(zone) if zone else None)


# field, label, whole numbers only
_VALUES = [("density", QT_TR_NOOP("&Density (hairs/cm²)"), False),
           ("terminal_count", QT_TR_NOOP("&Terminal hairs"), True),
           ("vellus_count", QT_TR_NOOP("&Vellus hairs"), True),
           ("shaft_diameter_um", QT_TR_NOOP("Shaft d&iameter (µm)"), False),
           ("anagen_pct", QT_TR_NOOP("&Anagen (%)"), False),
           ("telogen_pct", QT_TR_NOOP("Tel&ogen (%)"), False),
           ("pull_test", QT_TR_NOOP("&Pull test (hairs)"), True),
           ("satisfaction", QT_TR_NOOP("Satisfaction (&1–5)"), True)]


class MeasurementDialog(FormDialog):
    """Numbers left empty were not measured; the T/V ratio is computed as you type."""

    def __init__(self, clinic: Clinic, patient_id: int, today: date,
                 parent: QWidget | None = None):
        super().__init__(tr("Record measurement"), parent)
        self._clinic, self._patient_id, self._today = clinic, patient_id, today
        self.site = combo([(s.name, s.id) for s in clinic.outcomes.sites(patient_id)])
        self.taken_on = date_edit(today)
        sessions = clinic.sessions.for_patient(patient_id)
        self.session = combo([(tr("— none —"), None)] + [
            (moment_text(s.details.performed_at), s.id) for s in sessions])
        self.values: dict[str, QLineEdit] = {}
        self.add_row(tr("&Site"), "site_id", self.site)
        self.add_row(tr("Dat&e"), "taken_on", self.taken_on)
        self.add_row(tr("Sessio&n"), "session_id", self.session)
        for name, label, whole in _VALUES:
            edit = QLineEdit()
            low, high, _ = BOUNDS[name]
            edit.setPlaceholderText(f"{number(low, up_to=2)}–{number(high, up_to=2)}"
                                    + ("" if whole else tr(", decimals allowed")))
            self.values[name] = edit
            self.add_row(tr(label), name, edit)
        self.values["terminal_count"].setToolTip(
            tr("Hairs thicker than {microns} µm in the field counted").format(
                microns=TERMINAL_MIN_UM))
        self.values["vellus_count"].setToolTip(
            tr("Hairs of {microns} µm or thinner in the field counted").format(
                microns=TERMINAL_MIN_UM))
        self.ratio = QLabel(tr("T/V ratio: —"))
        self.form.addRow("", self.ratio)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)
        self.notes.setTabChangesFocus(True)
        self.add_row(tr("N&otes"), "notes", self.notes)
        for name in ("terminal_count", "vellus_count"):
            self.values[name].textChanged.connect(self._show_ratio)

    def _number(self, name: str, whole: bool) -> float | int | None:
        text = self.values[name].text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return int(text) if whole else float(text)
        except ValueError:
            raise ValidationError([FieldError(name, (
                tr("“{text}” is not a whole number.") if whole
                else tr("“{text}” is not a number.")).format(text=text))]) from None

    def _read(self) -> tuple[MeasurementDetails, list[FieldError]]:
        """The form's values (a number that is not one left empty), and what was not."""
        values = {}
        errors: list[FieldError] = []
        for name, _, whole in _VALUES:
            try:
                values[name] = self._number(name, whole)
            except ValidationError as e:
                values[name] = None
                errors += e.errors
        return MeasurementDetails(site_id=self.site.currentData(),
                                  taken_on=self.taken_on.date().toPython(),
                                  session_id=self.session.currentData(),
                                  notes=self.notes.toPlainText(), **values), errors

    def details(self) -> MeasurementDetails:
        details, errors = self._read()
        if errors:
            raise ValidationError(errors)
        return details

    def _show_ratio(self) -> None:
        try:
            ratio = self.details().tv_ratio
        except ValidationError:
            ratio = None
        self.ratio.setText(tr("T/V ratio: {ratio}").format(ratio=number(ratio, up_to=2))
                           if ratio is not None else tr("T/V ratio: —"))

    def check(self) -> list[FieldError]:
        details, errors = self._read()
        unreadable = {error.field for error in errors}
        return errors + [error for error in problems_of(check_measurement, details, self._today)
                         if error.field not in unreadable
                         and not (unreadable and error.message.startswith("Enter at least"))]

    def store(self) -> None:
        if problems := self.check():
            raise ValidationError(problems)  # unreadable numbers and bounds at once
        self._clinic.outcomes.record_measurement(self._patient_id, self.details())


class GradeDialog(FormDialog):
    """A stage on Norwood-Hamilton, Ludwig or Sinclair, or a SALT score from four views."""

    def __init__(self, clinic: Clinic, patient_id: int, today: date,
                 parent: QWidget | None = None):
        super().__init__(tr("Record grade"), parent)
        self._clinic, self._patient_id = clinic, patient_id
        self.scale = combo([(s.name, s.key) for s in SCALES.values()] + [("SALT", "salt")])
        self.recorded_on = date_edit(today)
        self.stage = QComboBox()
        self.salt: dict[str, QDoubleSpinBox] = {}
        salt_box = QWidget()
        salt_row = QHBoxLayout(salt_box)
        salt_row.setContentsMargins(0, 0, 0, 0)
        for view, weight in SALT_WEIGHTS.items():
            spin = QDoubleSpinBox()
            spin.setRange(0, 100)
            spin.setDecimals(0)
            spin.setSuffix(" %")
            spin.setToolTip(tr("Percent hair loss seen in the {view} view ({share} % of the "
                               "scalp)").format(view=salt_view_name(view).lower(),
                                                share=round(weight * 100)))
            spin.valueChanged.connect(self._show_salt)
            salt_row.addWidget(QLabel(salt_view_name(view)))
            salt_row.addWidget(spin)
            self.salt[view] = spin
        self.salt_score = QLabel()
        self.choice = QStackedWidget()
        self.choice.addWidget(self.stage)
        self.choice.addWidget(salt_box)
        self.add_row(tr("&Scale"), "scale", self.scale)
        self.add_row(tr("&Date"), "recorded_on", self.recorded_on)
        self.add_row(tr("S&tage"), "stage", self.choice)
        self.form.addRow("", self.salt_score)
        self.scale.currentIndexChanged.connect(self._scale_changed)
        self._scale_changed()

    def _scale_changed(self) -> None:
        key = self.scale.currentData()
        self.stage.clear()
        if key == "salt":
            self.choice.setCurrentIndex(1)
            self._show_salt()
            return
        self.choice.setCurrentIndex(0)
        self.salt_score.clear()
        for stage in SCALES[key].stages:
            self.stage.addItem(f"{stage.code} — {stage.description}", stage.code)

    def _show_salt(self) -> None:
        score = salt_score(*(spin.value() for spin in self.salt.values()))
        self.salt_score.setText(tr("SALT score {score} (% of the scalp without hair)").format(
            score=number(score, up_to=1)))

    def store(self) -> None:
        on = self.recorded_on.date().toPython()
        if self.scale.currentData() == "salt":
            self._clinic.outcomes.record_salt(self._patient_id, on,
                                              *(spin.value() for spin in self.salt.values()))
        else:
            self._clinic.outcomes.record_grade(self._patient_id, self.scale.currentData(),
                                               self.stage.currentData(), on)


class PhotoDialog(FormDialog):
    def __init__(self, clinic: Clinic, patient_id: int, today: date,
                 parent: QWidget | None = None):
        super().__init__(tr("Attach photo"), parent)
        self._clinic, self._patient_id = clinic, patient_id
        self.file = QLineEdit()
        self.file.setPlaceholderText(tr("Choose or type the image file"))
        browse = QPushButton(tr("&Browse…"))
        browse.clicked.connect(self._browse)
        file_box = QWidget()
        file_row = QHBoxLayout(file_box)
        file_row.setContentsMargins(0, 0, 0, 0)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.view = combo([(v.label, v.value) for v in PhotoView])
        self.taken_on = date_edit(today)
        sessions = clinic.sessions.for_patient(patient_id)
        self.session = combo([(tr("— none —"), None)] + [
            (moment_text(s.details.performed_at), s.id) for s in sessions])
        self.add_row(tr("&File"), "file", file_box)
        copied = QLabel(tr("A copy goes into Mesolog's photo folder; the original stays."))
        copied.setStyleSheet("color: #55606e;")
        copied.setWordWrap(True)
        self.form.addRow("", copied)
        self.add_row(tr("&View"), "view", self.view)
        self.add_row(tr("&Taken on"), "taken_on", self.taken_on)
        self.add_row(tr("&Session"), "session_id", self.session)

    def _browse(self) -> None:
        patterns = " ".join(f"*{s}" for s in PHOTO_SUFFIXES)
        name, _ = QFileDialog.getOpenFileName(self, tr("Choose a photo"), str(Path.home()),
                                              tr("Photos ({patterns})").format(
                                                  patterns=patterns))
        if name:
            self.file.setText(name)

    def store(self) -> None:
        if not self.file.text().strip():
            raise ValidationError([FieldError("file", tr("Choose the photo's file."))])
        self._clinic.outcomes.attach_photo(self._patient_id, Path(self.file.text().strip()),
                                           PhotoView(self.view.currentData()),
                                           self.taken_on.date().toPython(),
                                           self.session.currentData())
