"""A line for barcode scanners, which type the code and then press Enter."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class ScanField(QLineEdit):
    """Emits ``scanned`` on Enter and keeps the key from the dialog.

    A plain QLineEdit lets Enter through to its dialog, whose default button
    would then save (and close) a session half-way through adding its vials.
    """

    scanned = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            text = self.text()
            self.clear()
            if text.strip():
                self.scanned.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)
