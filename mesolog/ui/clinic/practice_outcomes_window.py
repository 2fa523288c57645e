"""Clinic > Outcomes Across the Practice: choose a cohort (and, to compare, a second one)
and an outcome; see n, the mean change with its 95 % interval, median and quartiles,
the responders with their Wilson interval, who was lost to follow-up or is not due yet,
a chart (the spread of the changes, the mean course month by month) and the patients
behind every number (double-click opens the chart). Computed on a helper thread."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.clock import Clock
from mesolog.domain.cohort import (
    TIME_POINTS,
    CohortResult,
    Comparison,
    Follow,
    Outcome,
    OutcomeKind,
    PatientOutcome,
    distribution,
    observational,
)
from mesolog.domain.intervals import described
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.published import ComparedWith, PublishedNumber, practice_number
from mesolog.domain.safety import SafetyReport
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.text import sentence
from mesolog.domain.translation import day_text, number
from mesolog.domain.validation import ValidationError
from mesolog.services.practice_outcomes import PracticeOutcomesService
from mesolog.store.database import DatabaseError
from mesolog.ui.clinic.outcome_choices import CohortBox
from mesolog.ui.clinic.practice_safety import SafetyPage
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.long_work import LongWork, run_long_work, with_own_connection
from mesolog.ui.common.row_table_model import RowTableModel, list_view_of

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic

def numbers_text(result: CohortResult) -> str:
    """The cohort's numbers in words, for the page and its printout."""
    outcome, summary = result.outcome, result.summary
    unit = outcome.kind.unit
    counts = {"patients": number(len(result.patients)),
              "analysed": number(result.count(Follow.ANALYSED)),
              "lost": number(result.count(Follow.LOST)),
              "not_due": number(result.count(Follow.NOT_DUE)),
              "no_baseline": number(result.count(Follow.NO_BASELINE))}
    lines = [(tr("<b>{patients}</b> patients in the cohort: <b>{analysed}</b> analysed, "
                 "{lost} lost to follow-up, {not_due} not due yet, {no_baseline} without a "
                 "baseline.") if outcome.kind.needs_baseline else
              tr("<b>{patients}</b> patients in the cohort: <b>{analysed}</b> analysed, "
                 "{lost} lost to follow-up, {not_due} not due yet.")).format(**counts)]
    if summary is None:
        lines.append(tr("Nobody has a follow-up at this time point yet."))
    else:
        lines.append((tr("Mean change: <b>{mean}</b> {unit}; median {median}, quartiles {q1} "
                         "to {q3}; SD {sd}.") if outcome.kind.needs_baseline else
                      tr("Mean score: <b>{mean}</b> {unit}; median {median}, quartiles {q1} "
                         "to {q3}; SD {sd}.")).format(
            mean=described(summary.mean), unit=unit, median=number(summary.median, 1),
            q1=number(summary.q1, 1), q3=number(summary.q3, 1), sd=number(summary.sd, 1)))
        lines.append(tr("Responders ({rule}): {responders} of {analysed}, <b>{rate}</b> "
                        "(Wilson).").format(
            rule=outcome.responder_rule, responders=number(result.responders),
            analysed=number(len(result.analysed)),
            rate=described(result.responder_rate, 0, True)))
    return "<br>".join(lines)


def comparison_text(compared: Comparison) -> str:
    mean, rate = compared.mean_difference, compared.rate_difference
    unit = compared.a.outcome.kind.unit
    return "<br>".join([
        tr("<b>A minus B</b>"),
        tr("Difference in mean change: <b>{difference}</b> {unit} (Welch).").format(
            difference=described(mean.estimate), unit=unit) if mean else
        tr("Difference in mean change: each cohort needs two patients analysed."),
        tr("Difference in responder rates: <b>{difference}</b> (Newcombe).").format(
            difference=described(rate.estimate, 0, True)) if rate else
        tr("Difference in responder rates: —"),
        f"<i>{observational()}</i>"])


class PatientOutcomeModel(RowTableModel[PatientOutcome]):
    columns = (QT_TR_NOOP("Chart no."), QT_TR_NOOP("Patient"), QT_TR_NOOP("First session"),
               QT_TR_NOOP("Counts as"), QT_TR_NOOP("Baseline"), QT_TR_NOOP("Follow-up"),
               QT_TR_NOOP("Day"), QT_TR_NOOP("Change"), QT_TR_NOOP("Responder"))

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.outcome = Outcome()

    def cell(self, p: PatientOutcome, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        responds = p.responds(self.outcome)
        return (p.chart_no, p.name, day_text(p.first_session), p.follow.label,
                _number(p.baseline), _number(p.follow_up),
                "" if p.follow_up_day is None else number(p.follow_up_day),
                _number(p.change, signed=True),
                "" if responds is None else (tr("yes") if responds else tr("no")))[column]


def published_text(studies: tuple[PublishedNumber, ...], result: CohortResult | None,
                   safety: SafetyReport | None) -> str:
    """Each published number with its outcome and arms, and the practice's number beside
    it where one is computed."""
    blocks = []
    for study in studies:
        arms = "<br>".join("&nbsp;&nbsp;" + tr("{arm}: {events} of {n} ({published}; "
                                               "{share})").format(
            arm=html.escape(arm.name), events=number(arm.events), n=number(arm.n),
            published=arm.published, share=described(arm.share, 0, True))
            for arm in study.arms)
        own = practice_number(study.compares_with, result, safety)
        if own is None:
            own = (tr("Show a cohort to see its responders here.")
                   if study.compares_with is ComparedWith.RESPONDERS else
                   tr("Show Side Effects (Safety) to see the practice's share here."))
        blocks.append(
            f"<p><b>{html.escape(study.outcome)}</b><br>"
            f"{html.escape(study.population)}. {html.escape(study.treatment)}. "
            f"{html.escape(study.design)}.<br>{arms}<br><i>{html.escape(own)}</i><br>"
            "<small>" + tr("{citation} doi:{doi}, PMID {pmid}; read from {where}.").format(
                citation=html.escape(study.citation), doi=html.escape(study.doi),
                pmid=html.escape(study.pmid), where=html.escape(study.read_from))
            + "</small></p>")
    return "".join(blocks)


PATIENT_FILTERS = ((QT_TR_NOOP("Every patient of the cohort"), "all"),
                   (QT_TR_NOOP("Analysed"), Follow.ANALYSED.value),
                   (QT_TR_NOOP("Responders"), "responders"),
                   (QT_TR_NOOP("Analysed, not responding"), "others"),
                   (QT_TR_NOOP("Lost to follow-up"), Follow.LOST.value),
                   (QT_TR_NOOP("Not due yet"), Follow.NOT_DUE.value),
                   (QT_TR_NOOP("Without a baseline"), Follow.NO_BASELINE.value))


def _picked(patient: PatientOutcome, key: str, outcome: Outcome) -> bool:
    if key == "all":
        return True
    if key in ("responders", "others"):
        responds = patient.responds(outcome)
        return responds is (key == "responders")
    return patient.follow.value == key


def _stretch_of(value: float, stretches: list[tuple[float, float, int]]) -> int:
    return next((i for i, (_, high, _n) in enumerate(stretches) if value <= high),
                len(stretches) - 1)


def _number(value: float | None, signed: bool = False) -> str:
    if value is None:
        return ""
    return number(value, 1, signed)


class PracticeOutcomesWindow(QDialog):
    open_patient = Signal(int)

    def __init__(self, clinic: Clinic, clock: Clock, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Outcomes across the practice"))
        self._db = clinic.db
        self._clock = clock  # whose "today" says who is due: the window's
        service = PracticeOutcomesService(clinic.db, clock)
        protocols, products = service.protocols(), service.products()
        self.errors = FieldErrors()
        self.cohort_a = CohortBox(tr("Cohort"), protocols, products, self.errors, "a", clock)
        self.cohort_b = CohortBox(tr("Compared with (B)"), protocols, products, self.errors, "b",
                                  clock)
        self.cohort_b.hide()
        self.compare = QCheckBox(tr("Compare with a second cohort"))
        self.compare.toggled.connect(self.cohort_b.setVisible)

        self.kind = QComboBox()
        for kind in OutcomeKind:
            self.kind.addItem(kind.label, kind.value)
        self.months = QComboBox()
        for months in TIME_POINTS:
            self.months.addItem(tr("{months} months").format(months=months), months)
        self.months.setCurrentIndex(TIME_POINTS.index(6))
        self.window_days = QSpinBox()
        self.window_days.setRange(7, 120)
        self.window_days.setValue(45)
        self.window_days.setPrefix("± ")
        self.window_days.setSuffix(tr(" days"))
        self.zone = QComboBox()
        for zone in ScalpZone:
            self.zone.addItem(zone.label, zone.value)
        self.zone.setCurrentIndex(list(ScalpZone).index(ScalpZone.VERTEX))
        self.responder_hairs, self.responder_percent = QDoubleSpinBox(), QDoubleSpinBox()
        for box, suffix in ((self.responder_hairs, " hairs/cm²"), (self.responder_percent, " %")):
            box.setRange(0.5, 200)
            box.setDecimals(1)
            box.setValue(10)
            box.setSuffix(suffix)
        rule = QHBoxLayout()
        rule.addWidget(self.responder_hairs)
        rule.addWidget(QLabel(tr("or")))
        rule.addWidget(self.responder_percent)
        outcome_box = QGroupBox(tr("Outcome"))
        outcome_form = QFormLayout(outcome_box)
        outcome_form.addRow(tr("Outcome"), self.kind)
        outcome_form.addRow(tr("At"), self.months)
        outcome_form.addRow(tr("Follow-up within"), self.window_days)
        outcome_form.addRow(tr("Density measured at"), self.zone)
        outcome_form.addRow(tr("A responder gains"), rule)
        self.kind.currentIndexChanged.connect(self._kind_chosen)

        self.show_button = QPushButton(tr("&Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.compute)
        self.numbers = QLabel(tr("Choose a cohort and an outcome, then Show."))
        self.numbers.setWordWrap(True)
        self.numbers.setTextFormat(Qt.TextFormat.RichText)
        self.numbers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart_box = QVBoxLayout()
        self._chart_view: Any = None  # QtCharts is loaded when the first chart is drawn
        chart_page = QWidget()
        chart_page.setLayout(self.chart_box)
        self.model = PatientOutcomeModel(self)
        self.table = list_view_of(self.model)
        self.table.doubleClicked.connect(self._open)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.numbers, tr("&Numbers"))
        self.tabs.addTab(chart_page, tr("&Chart"))
        self.which = QComboBox()  # the patients behind one number at a time
        for label, key in PATIENT_FILTERS:
            self.which.addItem(tr(label), key)
        self.which.currentIndexChanged.connect(self._list_patients)
        self.which_count = QLabel()
        patients_page = QWidget()
        patients_layout = QVBoxLayout(patients_page)
        which_row = QHBoxLayout()
        which_row.addWidget(QLabel(tr("Show")))
        which_row.addWidget(self.which)
        which_row.addWidget(self.which_count, 1)
        patients_layout.addLayout(which_row)
        patients_layout.addWidget(self.table, 1)
        self.tabs.addTab(patients_page, tr("&Patients"))
        self.safety = SafetyPage(clinic.db, clock, self.errors)
        self.tabs.addTab(self.safety, tr("Sa&fety"))
        self.studies = service.published()
        self.published = QLabel()
        self.published.setWordWrap(True)
        self.published.setTextFormat(Qt.TextFormat.RichText)
        self.published.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.published.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        published_page = QScrollArea()
        published_page.setWidgetResizable(True)
        published_page.setWidget(self.published)
        self.tabs.addTab(published_page, tr("P&ublished"))

        self.choices = QWidget()  # the cohort's and outcome's: not the safety page's
        choices = QVBoxLayout(self.choices)
        choices.setContentsMargins(0, 0, 0, 0)
        choices.addWidget(self.cohort_a)
        choices.addWidget(self.compare)
        choices.addWidget(self.cohort_b)
        choices.addWidget(outcome_box)
        choices.addWidget(self.errors.label("outcome"))
        choices.addWidget(self.show_button)
        choices.addStretch(1)
        self.save_button = QPushButton(tr("Save as P&DF…"))
        self.save_button.setToolTip(tr("What these pages show, under the clinic's letterhead"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_pdf)
        self.safety.shown.connect(lambda: self.save_button.setEnabled(True))
        self.safety.shown.connect(self._show_published)
        results = QVBoxLayout()
        results.addWidget(self.tabs, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        results.addLayout(save_row)
        layout = QHBoxLayout(self)
        layout.addWidget(self.choices)
        layout.addLayout(results, 1)
        self.tabs.currentChanged.connect(
            lambda _i: self.choices.setVisible(self.tabs.currentWidget() is not self.safety))
        self.computing: LongWork | None = None
        self.result: CohortResult | None = None
        self.comparison: Comparison | None = None
        self.saved: Path | None = None
        self._show_published()
        self.resize(1200, 720)

    def read_choices(self) -> None:
        """The protocols and products again (a course or product added since)."""
        service = PracticeOutcomesService(self._db, self._clock)
        protocols, products = service.protocols(), service.products()
        for box in (self.cohort_a, self.cohort_b):
            box.set_choices(protocols, products)

    def _kind_chosen(self) -> None:
        density = self.kind.currentData() == OutcomeKind.DENSITY.value
        for widget in (self.zone, self.responder_hairs, self.responder_percent):
            widget.setEnabled(density)

    def outcome(self) -> Outcome:
        return Outcome(kind=OutcomeKind(self.kind.currentData()),
                       months=self.months.currentData(), window_days=self.window_days.value(),
                       zone=ScalpZone(self.zone.currentData()),
                       responder_hairs=self.responder_hairs.value(),
                       responder_percent=self.responder_percent.value())

    def compute(self) -> None:
        """The numbers for the choices as they stand, on a helper thread."""
        self.errors.clear()
        a, outcome = self.cohort_a.cohort(), self.outcome()
        b = self.cohort_b.cohort() if self.compare.isChecked() else None
        for key, cohort in (("a", a), ("b", b)):
            try:
                if cohort is not None:
                    cohort.check()
            except ValidationError as e:
                for error in e.errors:
                    shown = f"{key}.{error.field}"
                    self.errors.show([type(error)(shown, error.message)], "outcome")
                return
        self.show_button.setEnabled(False)
        self.numbers.setText(tr("Computing…"))

        def work(own: Any, _progress: Any) -> CohortResult | Comparison:
            service = PracticeOutcomesService(own, self._clock)
            return service.cohort(a, outcome) if b is None else service.compare(a, b, outcome)

        self.computing = run_long_work(
            self, tr("Computing the outcomes"), with_own_connection(self._db, work),
            done=self._shown, failed=self._failed,
            expected=(ValidationError, NotPermitted, DatabaseError))

    def _failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.numbers.setText("")
            self.errors.show(error.errors, "outcome")
        else:
            self.numbers.setText(str(error))

    def save_pdf(self) -> bool:
        """The computed numbers (and side effects, if counted) as a PDF."""
        folder = Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        name, _ = QFileDialog.getSaveFileName(self, tr("Save as PDF"),
                                              str(folder / tr("Outcomes across the practice.pdf")),
                                              tr("PDF (*.pdf)"))
        if not name:
            return False
        target = Path(name) if name.lower().endswith(".pdf") else Path(f"{name}.pdf")
        try:
            PracticeOutcomesService(self._db, self._clock).write_report(
                target, self._clock(), result=self.result, comparison=self.comparison,
                safety=self.safety.report)
        except (OSError, NotPermitted, DatabaseError) as e:
            QMessageBox.warning(self, tr("Not saved"), str(e))
            return False
        self.saved = target
        return True

    def _list_patients(self) -> None:
        """The patients of the cohort the filter picks (the A cohort when comparing)."""
        result = self.result
        if result is None:
            return
        key = self.which.currentData()
        chosen = [p for p in result.patients if _picked(p, key, result.outcome)]
        self.model.set_rows(chosen)
        self.which_count.setText(tr("%Ln patient(s) of cohort A", "", len(chosen))
                                 if self.comparison else tr("%Ln patient(s)", "", len(chosen)))

    def _show_published(self) -> None:
        self.published.setText(published_text(self.studies, self.result, self.safety.report))

    def _shown(self, found: CohortResult | Comparison) -> None:
        self.show_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.comparison = found if isinstance(found, Comparison) else None
        self.result = found.a if isinstance(found, Comparison) else found
        text = numbers_text(self.result)
        if self.comparison is not None:
            text = (f"<b>A</b> — {self.result.described()}<br>{text}<br><br>"
                    f"<b>B</b> — {self.comparison.b.described()}<br>"
                    f"{numbers_text(self.comparison.b)}<br><br>"
                    f"{comparison_text(self.comparison)}")
        else:
            text = f"{sentence(self.result.described())}<br>{text}"
        self.numbers.setText(f"<p>{self.result.outcome.described()}.</p><p>{text}</p>")
        self.model.outcome = self.result.outcome
        self._list_patients()
        self._draw_chart()
        self._show_published()

    def _draw_chart(self) -> None:
        from PySide6.QtCharts import QChart, QChartView, QLineSeries, QValueAxis

        if self._chart_view is None:
            self._chart_view, self._spread_view = QChartView(), QChartView()
            for view in (self._spread_view, self._chart_view):
                view.setMinimumHeight(260)
                self.chart_box.addWidget(view)
        self._spread_view.setChart(self._spread_chart())
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        results = [("A", self.result)] + ([("B", self.comparison.b)] if self.comparison else [])
        if not any(r.course for _, r in results if r is not None):
            chart.setTitle(tr("No course to draw for this outcome (stages of different scales "
                           "do not average)."))
            self._chart_view.setChart(chart)
            return
        outcome = self.result.outcome
        chart.setTitle(tr("Mean course, month by month — {outcome}").format(
            outcome=outcome.kind.label))
        x_axis, y_axis = QValueAxis(), QValueAxis()
        x_axis.setTitleText(tr("Months after the first session"))
        x_axis.setLabelFormat("%d")
        y_axis.setTitleText(outcome.kind.unit)
        values = []
        for name, result in results:
            if result is None:
                continue
            line = QLineSeries()
            counts = ", ".join(number(m.patients) for m in result.course)
            line.setName(tr("{cohort}: mean ({counts} patients a month)").format(
                cohort=name, counts=counts) if self.comparison else
                tr("Mean ({counts} patients a month)").format(counts=counts))
            line.setPointsVisible(True)
            for point in result.course:
                line.append(point.month, point.mean_change)
                values.append(point.mean_change)
            chart.addSeries(line)
        x_axis.setRange(0, max(outcome.months + 1, 1))
        x_axis.setTickCount(outcome.months + 2)
        low, high = min([0.0, *values]), max([0.0, *values])
        pad = (high - low) * 0.1 or 1
        y_axis.setRange(low - pad, high + pad)
        y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in chart.series():
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self._chart_view.setChart(chart)

    def _spread_chart(self) -> Any:
        """How the changes of the analysed patients spread: a bar per stretch."""
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QValueAxis

        chart = QChart()
        outcome = self.result.outcome
        chart.setTitle((tr("Spread of the changes at {months} months ({unit})")
                        if outcome.kind.needs_baseline else
                        tr("Spread of the scores at {months} months ({unit})")).format(
            months=outcome.months, unit=outcome.kind.unit))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        results = [("A", self.result)] + ([("B", self.comparison.b)] if self.comparison else [])
        values = [v for _, r in results for v in r.changes()]
        if not values:
            chart.setTitle(tr("Nobody has a follow-up at this time point yet."))
            return chart
        stretches = distribution(values, bins=8)  # a readable label under each bar
        series = QBarSeries()
        for name, result in results:
            counts = [0] * len(stretches)
            for value in result.changes():
                counts[_stretch_of(value, stretches)] += 1
            patients = tr("%Ln patient(s)", "", len(result.changes()))
            bars = QBarSet(f"{name}: {patients}" if self.comparison else patients)
            bars.append(counts)
            series.append(bars)
        chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        places = 0 if outcome.kind.needs_baseline else 1
        x_axis.append([tr("{low} to {high}").format(low=number(low, places),
                                                    high=number(high, places))
                       for low, high, _ in stretches])
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%d")
        y_axis.setTitleText(tr("patients"))
        y_axis.setRange(0, max(max(bars.at(i) for i in range(bars.count()))
                               for bars in series.barSets()))
        y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        return chart

    def _open(self, index: QModelIndex) -> None:
        patient = self.model.row(index.row())
        if patient is not None:
            self.open_patient.emit(patient.patient_id)
