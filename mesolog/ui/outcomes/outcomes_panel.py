"""The patient's outcomes: measurements and their trend, grades, photos."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.measurement import Metric
from mesolog.domain.patient import Patient
from mesolog.domain.permissions import Action
from mesolog.domain.translation import day_text, month_text, number
from mesolog.domain.trend_axes import month_starts, value_axis
from mesolog.ui.common.chart_tab import ChartTab
from mesolog.ui.common.language import tr
from mesolog.ui.common.permitted import permit
from mesolog.ui.outcomes.outcome_dialogs import (
    GradeDialog,
    MeasurementDialog,
    PhotoDialog,
    SiteDialog,
)
from mesolog.ui.outcomes.photo_views import THUMBNAIL_SIZE, BeforeAfterDialog, ThumbnailLoader

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.services.outcomes import Trend

PHOTO_ROLE = Qt.ItemDataRole.UserRole + 1


def change_text(trend: Trend) -> str:
    if trend.change is None:
        return tr("Change since baseline: needs two measurements.")
    return tr("Change since baseline: {change}.").format(change=trend.change.text)


def _ms(day: date) -> float:
    return QDateTime(datetime.combine(day, datetime.min.time())).toMSecsSinceEpoch()


class OutcomesPanel(ChartTab, QWidget):
    def __init__(self, now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self._now = now
        self._clinic: Clinic | None = None
        self._patient: Patient | None = None
        self._chart_view = None  # QtCharts is loaded when the first trend is drawn
        self._loader = ThumbnailLoader(self)
        self._loader.loaded.connect(self._thumbnail_loaded)

        self.measurements = QTreeWidget()
        self.measurements.setRootIsDecorated(False)
        self.measurements.setHeaderLabels((tr("Date"), tr("Site"), tr("Density"), tr("T/V"),
                                           tr("Diameter"), tr("Anagen"), tr("Satisfaction")))
        for column, width in enumerate((85, 120, 60, 45, 70, 60)):
            self.measurements.setColumnWidth(column, width)
        self.add_site_button = QPushButton(tr("New &Site…"))
        self.measure_button = QPushButton(tr("Record &Measurement…"))
        self.site = QComboBox()
        self.metric_choice = QComboBox()
        for metric in Metric:
            self.metric_choice.addItem(metric.label, metric.value)
        self.change = QLabel()
        self.chart_box = QVBoxLayout()
        self.grades = QTreeWidget()
        self.grades.setRootIsDecorated(False)
        self.grades.setHeaderLabels((tr("Date"), tr("Scale"), tr("Grade"), tr("Meaning")))
        for column, width in enumerate((85, 120, 70)):
            self.grades.setColumnWidth(column, width)
        self.grade_button = QPushButton(tr("Record &Grade…"))
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QPixmap(THUMBNAIL_SIZE, THUMBNAIL_SIZE).size())
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMovement(QListView.Movement.Static)
        self.photo_button = QPushButton(tr("Attach &Photo…"))
        self.compare_button = QPushButton(tr("&Before / After…"))

        grid = QGridLayout(self)
        grid.addWidget(self._group(tr("Measurements"), self.measurements,
                                   [self.add_site_button, self.measure_button]), 0, 0)
        trend = QGroupBox(tr("Trend"))
        trend_layout = QVBoxLayout(trend)
        pickers = QHBoxLayout()
        pickers.addWidget(self.site, 1)
        pickers.addWidget(self.metric_choice, 1)
        trend_layout.addLayout(pickers)
        trend_layout.addLayout(self.chart_box, 1)
        trend_layout.addWidget(self.change)
        grid.addWidget(trend, 0, 1)
        grid.addWidget(self._group(tr("Grades"), self.grades, [self.grade_button]), 1, 0)
        grid.addWidget(self._group(tr("Photos"), self.photos,
                                   [self.photo_button, self.compare_button]), 1, 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)

        self.add_site_button.clicked.connect(self.add_site)
        self.measure_button.clicked.connect(self.record_measurement)
        self.grade_button.clicked.connect(self.record_grade)
        self.photo_button.clicked.connect(self.attach_photo)
        self.compare_button.clicked.connect(self.compare_photos)
        self.site.currentIndexChanged.connect(self.draw_trend)
        self.metric_choice.currentIndexChanged.connect(self.draw_trend)

    @staticmethod
    def _group(title: str, body: QWidget, buttons: list[QPushButton]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(body, 1)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    # -- showing ---------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        for widget in (self.measurements, self.grades, self.photos):
            widget.clear()
        self.site.blockSignals(True)
        self.site.clear()
        if self._clinic is None or self._patient is None:
            self.site.blockSignals(False)
            return
        outcomes, pid = self._clinic.outcomes, self._patient.id
        for site in outcomes.sites(pid):
            self.site.addItem(site.name, site.id)
        self.site.blockSignals(False)
        for m in outcomes.measurements(pid):
            d = m.details
            self.measurements.addTopLevelItem(QTreeWidgetItem([
                day_text(d.taken_on), m.site_name, _num(d.density), _num(d.tv_ratio),
                _num(d.shaft_diameter_um, " µm"), _num(d.anagen_pct, " %"),
                _num(d.satisfaction)]))
        for g in outcomes.grades(pid):
            self.grades.addTopLevelItem(QTreeWidgetItem([day_text(g.recorded_on), g.scale,
                                                         g.value, g.description]))
        photos = outcomes.photos(pid)
        for photo in photos:
            item = QListWidgetItem(f"{photo.view.label}\n{day_text(photo.taken_on)}")
            item.setData(PHOTO_ROLE, photo.id)
            item.setSizeHint(QPixmap(THUMBNAIL_SIZE + 24, THUMBNAIL_SIZE + 44).size())
            self.photos.addItem(item)
        self._loader.request(outcomes.photo_contents, photos)
        actor = self._clinic.actor
        permit(self.add_site_button, actor, Action.MEASUREMENT_SITE)
        permit(self.measure_button, actor, Action.MEASUREMENT_RECORD, self.site.count() > 0)
        permit(self.grade_button, actor, Action.GRADE_RECORD)
        permit(self.photo_button, actor, Action.PHOTO_ATTACH)
        self.compare_button.setEnabled(len(photos) >= 2)
        self.draw_trend()

    def finish_loading(self) -> None:
        """Let the thumbnails being read arrive: the panel is about to go (the window is
        built again), and a worker must not hand a picture to a deleted panel."""
        self._loader.wait()

    def _thumbnail_loaded(self, photo_id: int, image: QImage, intact: bool) -> None:
        for i in range(self.photos.count()):
            item = self.photos.item(i)
            if item.data(PHOTO_ROLE) == photo_id:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
                if not intact:
                    item.setText(item.text() + "\n⚠ " + tr("file changed"))
                    item.setToolTip(tr("The file no longer matches the checksum taken when it "
                                    "was attached."))

    def draw_trend(self) -> None:
        from PySide6.QtCharts import (
            QCategoryAxis,
            QChart,
            QChartView,
            QLineSeries,
            QScatterSeries,
            QValueAxis,
        )

        if self._chart_view is None:
            self._chart_view = QChartView()
            self._chart_view.setMinimumHeight(220)
            self.chart_box.addWidget(self._chart_view)
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        site_id = self.site.currentData()
        metric = Metric(self.metric_choice.currentData())
        if self._clinic is None or self._patient is None or site_id is None:
            chart.setTitle(tr("Add a measurement site, then record measurements there."))
            self.change.clear()
            self._chart_view.setChart(chart)
            return
        trend = self._clinic.outcomes.trend(self._patient.id, site_id, metric)
        chart.setTitle(f"{metric.label} — {self.site.currentText()}")
        line = QLineSeries()
        line.setName(metric.label)
        line.setPointsVisible(True)
        for day, value in trend.points:
            line.append(_ms(day), value)
        low, high, step = value_axis(metric, [v for _, v in trend.points])
        sessions = QScatterSeries()
        sessions.setName(tr("Sessions"))
        sessions.setMarkerSize(9)
        days = [d for d, _ in trend.points]
        for day in trend.session_days:
            if not days or days[0] <= day <= days[-1]:
                sessions.append(_ms(day), low + (high - low) * 0.03)
        chart.addSeries(line)
        chart.addSeries(sessions)
        # one label per month, on the month's first day (a date axis repeats "2026-03")
        x_axis = QCategoryAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        shown = days + [d for d in trend.session_days if not days or days[0] <= d <= days[-1]]
        first, last = (min(shown), max(shown)) if shown else (self._now().date(),) * 2
        margin = max(2, (last - first).days // 30)
        x_axis.setRange(_ms(first - timedelta(days=margin)), _ms(last + timedelta(days=margin)))
        for month in month_starts(first, last):
            x_axis.append(month_text(month), _ms(month))
        y_axis = QValueAxis()
        y_axis.setRange(low, high)
        y_axis.setTickCount(round((high - low) / step) + 1)
        y_axis.setLabelFormat("%g")
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (line, sessions):
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        self._chart_view.setChart(chart)
        self.change.setText(change_text(trend))

    # -- actions ---------------------------------------------------------

    def _run(self, dialog_class: type, *args: object) -> bool:
        if self._clinic is None or self._patient is None:
            return False
        if dialog_class(self._clinic, self._patient.id, *args, parent=self).exec():
            self.refresh()
            return True
        return False

    def add_site(self) -> bool:
        return self._run(SiteDialog)

    def record_measurement(self) -> bool:
        return self._run(MeasurementDialog, self._now().date())

    def record_grade(self) -> bool:
        return self._run(GradeDialog, self._now().date())

    def attach_photo(self) -> bool:
        return self._run(PhotoDialog, self._now().date())

    def compare_photos(self) -> None:
        if self._clinic and self._patient:
            BeforeAfterDialog(self._clinic, self._patient.id, parent=self).exec()


def _num(value: float | None, unit: str = "") -> str:
    return "" if value is None else f"{number(value, up_to=2)}{unit}"
