from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox

from mesolog.domain.measurement import Metric
from mesolog.domain.photo import PhotoView
from mesolog.services.clinic import Clinic
from mesolog.ui.outcomes.outcome_dialogs import (
    GradeDialog,
    MeasurementDialog,
    PhotoDialog,
    SiteDialog,
)
from mesolog.ui.outcomes.outcomes_panel import OutcomesPanel
from mesolog.ui.outcomes.photo_views import BeforeAfterDialog
from tests.conftest import NOW, details, fixed_clock
from tests.ui.modal import close_dialog, when_modal


@pytest.fixture
def panel(qtbot, db):
    clinic = Clinic.of(db, fixed_clock)
    patient = clinic.patients.create(details())
    widget = OutcomesPanel(lambda: NOW)
    qtbot.addWidget(widget)
    widget.show_patient(clinic, patient)
    widget.show()
    return widget, clinic, patient


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def photo_file(tmp_path, name: str, shade: int):
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(shade, shade, shade))
    path = tmp_path / name
    assert image.save(str(path))
    return path


def test_enter_a_measurement_and_see_the_trend(qtbot, panel):
    widget, clinic, patient = panel
    assert not widget.measure_button.isEnabled()  # a site comes first

    def name_site(dialog: SiteDialog) -> None:
        qtbot.keyClicks(dialog.name, "vertex centre")
        save(qtbot, dialog)
    when_modal(SiteDialog, name_site)
    qtbot.mouseClick(widget.add_site_button, Qt.MouseButton.LeftButton)
    assert widget.site.currentText() == "vertex centre" and widget.measure_button.isEnabled()

    errors: list[str] = []

    def measure(dialog: MeasurementDialog, taken_on: QDate, density: str) -> None:
        dialog.taken_on.setDate(taken_on)
        qtbot.keyClicks(dialog.values["density"], "700")  # out of bounds first
        qtbot.keyClicks(dialog.values["terminal_count"], "96")
        qtbot.keyClicks(dialog.values["vellus_count"], "32")
        assert dialog.ratio.text() == "T/V ratio: 3"
        save(qtbot, dialog)
        errors.append(dialog.errors.text("density"))
        dialog.values["density"].clear()
        qtbot.keyClicks(dialog.values["density"], density)
        save(qtbot, dialog)

    when_modal(MeasurementDialog, lambda d: measure(d, QDate(2026, 5, 1), "140"))
    qtbot.mouseClick(widget.measure_button, Qt.MouseButton.LeftButton)
    when_modal(MeasurementDialog, lambda d: measure(d, QDate(2026, 11, 1), "161"))
    qtbot.mouseClick(widget.measure_button, Qt.MouseButton.LeftButton)
    assert errors == ["Density: 0 to 600 hairs/cm²."] * 2
    assert widget.measurements.topLevelItemCount() == 2
    assert widget.measurements.topLevelItem(0).text(2) == "161"
    assert widget.change.text() == "Change since baseline: +21 (+15 %), from 140 to 161."
    trend = clinic.outcomes.trend(patient.id, widget.site.currentData(), Metric.DENSITY)
    assert [v for _, v in trend.points] == [140.0, 161.0]


def test_record_a_grade_with_the_salt_calculator(qtbot, panel):
    widget, clinic, patient = panel

    def salt(dialog: GradeDialog) -> None:
        dialog.scale.setCurrentIndex(dialog.scale.findData("salt"))
        dialog.salt["vertex"].setValue(25)
        dialog.salt["back"].setValue(50)
        assert dialog.salt_score.text().startswith("SALT score 22")
        save(qtbot, dialog)
    when_modal(GradeDialog, salt)
    qtbot.mouseClick(widget.grade_button, Qt.MouseButton.LeftButton)
    assert widget.grades.topLevelItem(0).text(2) == "22"
    assert [g.value for g in clinic.outcomes.grades(patient.id)] == ["22"]


def test_attach_photos_and_open_before_and_after(qtbot, panel, tmp_path):
    widget, _, _ = panel
    for name, shade, day in (("before.png", 40, QDate(2026, 3, 1)),
                             ("after.png", 200, QDate(2026, 11, 1))):
        source = photo_file(tmp_path, name, shade)

        def attach(dialog: PhotoDialog, source=source, day=day) -> None:
            qtbot.keyClicks(dialog.file, str(source))
            dialog.view.setCurrentIndex(dialog.view.findData(PhotoView.VERTEX.value))
            dialog.taken_on.setDate(day)
            save(qtbot, dialog)
        when_modal(PhotoDialog, attach)
        qtbot.mouseClick(widget.photo_button, Qt.MouseButton.LeftButton)
    assert widget.photos.count() == 2
    widget._loader.wait()
    qtbot.waitUntil(lambda: all(not widget.photos.item(i).icon().isNull() for i in range(2)))
    assert widget.compare_button.isEnabled()

    opened: list = []
    close_dialog(BeforeAfterDialog, opened)
    qtbot.mouseClick(widget.compare_button, Qt.MouseButton.LeftButton)
    (dialog,) = opened
    assert dialog.view.currentData() == PhotoView.VERTEX.value
    assert dialog.captions[0].text() == "Vertex, 2026-03-01"
    assert dialog.captions[1].text() == "Vertex, 2026-11-01"
    before, after = (label.pixmap().toImage() for label in dialog.images)
    assert not before.isNull() and not after.isNull()
    middle = before.width() // 2, before.height() // 2
    assert before.pixelColor(*middle).value() < after.pixelColor(*middle).value()  # dark, light


def test_a_changed_photo_file_is_marked(qtbot, panel, tmp_path):
    widget, clinic, patient = panel
    photo = clinic.outcomes.attach_photo(patient.id, photo_file(tmp_path, "p.png", 90),
                                         PhotoView.BACK, date(2026, 10, 1))
    photo.path.write_bytes(photo.path.read_bytes() + b"tampered")
    widget.refresh()
    widget._loader.wait()
    qtbot.waitUntil(lambda: "file changed" in widget.photos.item(0).text())


def test_the_trend_chart_keeps_a_meaningful_axis_and_names_each_month_once(qtbot, panel):
    from datetime import date as day

    from mesolog.domain.measurement import MeasurementDetails

    widget, clinic, patient = panel
    site = clinic.outcomes.add_site(patient.id, "vertex centre")
    for taken_on, density in ((day(2026, 3, 12), 142.985), (day(2026, 6, 2), 143.05),
                              (day(2026, 9, 3), 143.085)):
        clinic.outcomes.record_measurement(patient.id, MeasurementDetails(
            site_id=site.id, taken_on=taken_on, density=density))
    widget.show_patient(clinic, patient)
    widget.site.setCurrentIndex(widget.site.findData(site.id))
    widget.draw_trend()
    chart = widget._chart_view.chart()
    y_axis = chart.axes(Qt.Orientation.Vertical)[0]
    assert y_axis.max() - y_axis.min() >= 40  # a +0.1 change is not a steep climb
    x_axis = chart.axes(Qt.Orientation.Horizontal)[0]
    labels = x_axis.categoriesLabels()
    assert labels == ["Apr 2026", "May 2026", "Jun 2026", "Jul 2026", "Aug 2026", "Sep 2026"]
