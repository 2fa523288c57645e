"""What a practice-wide page is asked about: a period of days, and the criteria of a
cohort (Clinic > Outcomes Across the Practice)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
)

from mesolog.domain.clock import Clock
from mesolog.domain.cohort import Cohort
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.language import QT_TR_NOOP, day_pattern, tr

ANY = QT_TR_NOOP("Any")


class Period:
    """A period of days, open unless ticked: the check box, two dates, a row of them."""

    def __init__(self, words: str, clock: Clock, years_back: int):
        self.check = QCheckBox(words)
        self.first, self.last = QDateEdit(), QDateEdit()
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(day_pattern())
            edit.setEnabled(False)
            self.check.toggled.connect(edit.setEnabled)
        today = QDate(clock().date())  # the window's day, as everywhere it shows one
        self.first.setDate(today.addYears(-years_back))
        self.last.setDate(today)
        self.row = QHBoxLayout()
        for widget in (self.check, self.first, QLabel(tr("to")), self.last):
            self.row.addWidget(widget)

    def dates(self) -> tuple[date | None, date | None]:
        if not self.check.isChecked():
            return None, None
        return self.first.date().toPython(), self.last.date().toPython()


class CohortBox(QGroupBox):
    """The criteria of one cohort; each left at "Any" takes everyone."""

    def __init__(self, title: str, protocols: list[str], products: list[tuple[int, str]],
                 errors: FieldErrors, key: str, clock: Clock):
        super().__init__(title)
        form = QFormLayout(self)
        self.diagnosis = QComboBox()
        self.diagnosis.addItem(tr(ANY), None)
        for diagnosis in Diagnosis:
            self.diagnosis.addItem(diagnosis.label, diagnosis.value)
        self.sex = QComboBox()
        self.sex.addItem(tr(ANY), None)
        for sex in Sex:
            self.sex.addItem(sex.label, sex.value)
        self.age_from, self.age_to = QSpinBox(), QSpinBox()
        for box, value in ((self.age_from, 0), (self.age_to, 120)):
            box.setRange(0, 120)
            box.setValue(value)
            box.setSuffix(tr(" years"))
        ages = QHBoxLayout()
        ages.addWidget(self.age_from)
        ages.addWidget(QLabel(tr("to")))
        ages.addWidget(self.age_to)
        self.protocol, self.product = QComboBox(), QComboBox()
        self.set_choices(protocols, products)
        self.first_session = Period(tr("First session from"), clock, years_back=2)
        self.period = self.first_session.check
        self.min_sessions = QSpinBox()
        self.min_sessions.setRange(1, 1000)
        form.addRow(tr("Diagnosis"), self.diagnosis)
        form.addRow(tr("Sex"), self.sex)
        form.addRow(tr("Age at the first session"), errors.under(f"{key}.age_to", ages))
        form.addRow(tr("Protocol"), self.protocol)
        form.addRow(tr("Product given"), self.product)
        form.addRow(errors.under(f"{key}.first_to", self.first_session.row))
        form.addRow(tr("At least"), self.min_sessions)
        self.min_sessions.setSuffix(tr(" session(s)"))

    def set_choices(self, protocols: list[str], products: list[tuple[int, str]]) -> None:
        """The protocols and products to choose from, as the records hold them now; what
        was chosen stays chosen while it is there."""
        for combo, items, any_data in ((self.protocol, [(p, p) for p in protocols], ""),
                                       (self.product, [(n, i) for i, n in products], None)):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(tr(ANY), any_data)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))

    def cohort(self) -> Cohort:
        diagnosis, sex = self.diagnosis.currentData(), self.sex.currentData()
        first_from, first_to = self.first_session.dates()
        return Cohort(
            diagnoses=frozenset({Diagnosis(diagnosis)} if diagnosis else ()),
            sexes=frozenset({Sex(sex)} if sex else ()),
            age_from=self.age_from.value() or None,
            age_to=None if self.age_to.value() == 120 else self.age_to.value(),
            protocol=self.protocol.currentData(), product_id=self.product.currentData(),
            first_from=first_from, first_to=first_to,
            min_sessions=self.min_sessions.value())
