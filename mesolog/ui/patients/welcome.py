"""What an empty database shows instead of an empty grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mesolog.ui.common.language import tr

_COLUMN_WIDTH = 520


class WelcomePage(QWidget):
    create_patient = Signal()
    open_demo = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(tr("Welcome to Mesolog"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        paragraphs = [QLabel(text) for text in (
            tr("This database has no patients yet."),
            tr("Start with your first patient: chart number, name, date of birth, diagnosis, "
               "and the allergies and contraindications you must see before every session."),
            tr("Or open a demo clinic, a separate database of invented patients, to look "
               "around first; log in there as cmoreau with the password mesolog-demo. Your "
               "own database stays untouched."),
        )]
        for paragraph in paragraphs:
            paragraph.setWordWrap(True)
            # the column is fixed, so each paragraph's height is known: reserve it, or a
            # centred layout may squeeze wrapped lines into each other
            paragraph.setMinimumHeight(paragraph.heightForWidth(_COLUMN_WIDTH - 20))
        self.create_button = QPushButton(tr("Create the first patient"))
        self.create_button.setDefault(True)
        self.demo_button = QPushButton(tr("Open a demo clinic"))
        self.create_button.clicked.connect(self.create_patient)
        self.demo_button.clicked.connect(self.open_demo)
        # A fixed-width column lets the wrapped text take the height it needs.
        column = QWidget()
        column.setFixedWidth(_COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.addWidget(title)
        for paragraph in paragraphs:
            inner.addWidget(paragraph)
        inner.addSpacing(12)
        for button in (self.create_button, self.demo_button):
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


class NoPatientPage(QWidget):
    """The right side while no chart is open: what to do, or that a search found nobody,
    with the way to create that patient."""

    create_patient = Signal(str)  # what was searched for, to start the chart with

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.create_button = QPushButton()
        self.create_button.clicked.connect(lambda: self.create_patient.emit(self._searched))
        self._searched = ""
        column = QWidget()
        column.setFixedWidth(_COLUMN_WIDTH)  # so the wrapped message's height is known
        inner = QVBoxLayout(column)
        inner.addWidget(self.message)
        inner.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.show_hint()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        # reserve the wrapped text's height, or a centred layout squeezes its lines
        self.message.setMinimumHeight(self.message.heightForWidth(_COLUMN_WIDTH - 20))

    def follow_search(self, searched: str, found: int) -> None:
        """Say what to do, or that ``searched`` found nobody."""
        if searched.strip() and not found:
            self.show_no_match(searched)
        else:
            self.show_hint()

    def show_hint(self) -> None:
        self._searched = ""
        self._say(
            tr("Find a patient: type part of a name, a chart number or a date of birth in the "
            "search box (Ctrl+F), then press Enter or choose them in the list.\n\n"
            "A patient who is not in the list yet gets a new chart (Ctrl+N)."))
        self.create_button.setText(tr("&New Patient"))

    def show_no_match(self, searched: str) -> None:
        self._searched = searched.strip()
        self._say(tr("No patient matches “{searched}”.\n\nCheck the spelling, tick Include "
                     "archived, or create the patient.").format(searched=self._searched))
        self.create_button.setText(tr("&Create Patient “{searched}”…").format(
            searched=self._searched))
