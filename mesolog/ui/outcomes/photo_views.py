"""Photo thumbnails, loaded off the window's thread, and the before/after view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.photo import Photo, PhotoView
from mesolog.domain.translation import day_text
from mesolog.ui.common.form_dialog import OpensAtFirstField
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic

THUMBNAIL_SIZE = 160


PhotoReader = Callable[[Photo], tuple[bytes | None, bool]]  # OutcomeService.photo_contents


def read_photo(reader: PhotoReader, photo: Photo, size: int) -> tuple[QImage, bool]:
    """The photo scaled to ``size`` and whether its file is the one stored (by checksum).

    Decrypted in memory only; QImage, unlike QPixmap, may be made on any thread.
    """
    contents, intact = reader(photo)
    image = QImage.fromData(contents) if contents else QImage()
    if not image.isNull():
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    return image, intact


class _Job(QRunnable):
    def __init__(self, reader: PhotoReader, photo: Photo, size: int,
                 done: Callable[[int, QImage, bool], None]):
        super().__init__()
        self._reader, self._photo, self._size, self._done = reader, photo, size, done

    def run(self) -> None:
        image, intact = read_photo(self._reader, self._photo, self._size)
        self._done(self._photo.id, image, intact)


class ThumbnailLoader(QObject):
    """Reads thumbnails on the thread pool; ``loaded`` arrives on the window's thread.

    The signal belongs to this object, which lives on the window's thread, so
    Qt queues an emit from a worker (Picard hands results back the same way).
    """

    loaded = Signal(int, QImage, bool)  # photo id, thumbnail, file unchanged

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()

    def request(self, reader: PhotoReader, photos: list[Photo],
                size: int = THUMBNAIL_SIZE) -> None:
        for photo in photos:
            self._pool.start(_Job(reader, photo, size, self.loaded.emit))

    def wait(self) -> None:
        self._pool.waitForDone()


class BeforeAfterDialog(OpensAtFirstField, QDialog):
    """Two dates of the same view side by side."""

    def __init__(self, clinic: Clinic, patient_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Before and after"))
        self._clinic, self._patient_id = clinic, patient_id
        self._photos: list[Photo] = []
        self.view = QComboBox()
        for view in PhotoView:
            self.view.addItem(view.label, view.value)
        self.before = QComboBox()
        self.after = QComboBox()
        self.images = [QLabel(), QLabel()]
        self.captions = [QLabel(), QLabel()]
        controls = QHBoxLayout()
        for label, widget in ((tr("View"), self.view), (tr("Before"), self.before),
                              (tr("After"), self.after)):
            controls.addWidget(QLabel(label))
            controls.addWidget(widget)
        controls.addStretch(1)
        grid = QGridLayout()
        for column in (0, 1):
            self.images[column].setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.images[column].setMinimumSize(QSize(420, 420))
            self.images[column].setStyleSheet("background: #202020; color: #dddddd;")
            grid.addWidget(self.images[column], 0, column)
            grid.addWidget(self.captions[column], 1, column)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(grid, 1)
        self.resize(920, 560)
        self.view.currentIndexChanged.connect(self._view_changed)
        self.before.currentIndexChanged.connect(lambda: self._show(0, self.before))
        self.after.currentIndexChanged.connect(lambda: self._show(1, self.after))
        self._choose_first_view_with_photos()

    def _choose_first_view_with_photos(self) -> None:
        for view in PhotoView:
            if len(self._clinic.outcomes.photos(self._patient_id, view)) >= 2:
                self.view.setCurrentIndex(self.view.findData(view.value))
                break
        self._view_changed()

    def _view_changed(self) -> None:
        self._photos = self._clinic.outcomes.photos(self._patient_id,
                                                    PhotoView(self.view.currentData()))
        for combo in (self.before, self.after):
            combo.blockSignals(True)
            combo.clear()
            for i, photo in enumerate(self._photos):
                combo.addItem(day_text(photo.taken_on), i)
            combo.blockSignals(False)
        if self._photos:
            self.before.setCurrentIndex(0)
            self.after.setCurrentIndex(len(self._photos) - 1)
        for column, combo in ((0, self.before), (1, self.after)):
            self._show(column, combo)

    def _show(self, column: int, combo: QComboBox) -> None:
        index = combo.currentData()
        if index is None:
            self.images[column].setPixmap(QPixmap())
            self.images[column].setText(tr("No photo of this view yet"))
            self.captions[column].clear()
            return
        photo = self._photos[index]
        image, intact = read_photo(self._clinic.outcomes.photo_contents, photo, 600)
        if image.isNull():
            self.images[column].setText(tr("The photo file cannot be read"))
        else:
            self.images[column].setPixmap(QPixmap.fromImage(image).scaled(
                self.images[column].size(), Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        warning = "" if intact else "  ⚠ " + tr("the file changed after it was stored")
        self.captions[column].setText(f"{photo.view.label}, {day_text(photo.taken_on)}{warning}")
