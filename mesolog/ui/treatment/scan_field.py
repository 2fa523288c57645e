"""A line for a vial's barcode, typed by hand or by a scanner, then Enter or Tab."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from mesolog.domain.gs1 import GROUP_SEPARATOR
from mesolog.ui.common.scanner import is_group_separator


class ScanField(QLineEdit):
    """Emits ``scanned`` on Enter (or Tab, once something is typed) and keeps the key
    from the dialog.

    A plain QLineEdit lets Enter through to its dialog, whose default button would
    then save (and close) a session half-way through adding its vials, and it drops
    the group separator (Ctrl+], a bare GS, or F8), which a scan needs between a lot
    and the field after it.
    """

    scanned = Signal(str)

    def event(self, event: QEvent) -> bool:
        # Tab is taken for focus before keyPressEvent sees it
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Tab
                and not event.modifiers() and self.text().strip(GROUP_SEPARATOR + " ")):
            self._emit()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit()
            event.accept()
            return
        if is_group_separator(event):
            self.insert(GROUP_SEPARATOR)
            event.accept()
            return
        super().keyPressEvent(event)

    def _emit(self) -> None:
        text = self.text()
        self.clear()
        if text.strip(GROUP_SEPARATOR + " "):
            self.scanned.emit(text)

