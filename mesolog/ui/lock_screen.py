"""While the window is locked, no patient data is on the screen.

Every open window keeps its state (unsaved edits wait underneath), but its
contents are hidden, its title says only that Mesolog is locked, and a plain
note says who locked it. The lock dialog itself stays in front.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from mesolog.ui.common.language import tr


def logged_out() -> str:
    return tr("Nobody is logged in to Mesolog.\n\nThe next person logs in to go on.")


def locked_by(who: str) -> str:
    return tr("Mesolog is locked ({who}).\n\nThe password in the Locked window opens it "
              "again; unsaved changes are kept.").format(who=who)


class LockScreen:
    def __init__(self, note: str):
        self._note = note
        self._covered: list[tuple[QWidget, str, list[QWidget], QLabel]] = []

    def cover(self) -> None:
        """Hide what every visible window shows (not the windows: a dialog that is being
        edited stays open, its edits intact)."""
        for window in QApplication.topLevelWidgets():
            if not window.isVisible():
                continue
            shown = [child for child in window.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) if child.isVisible()]
            for child in shown:
                child.hide()
            note = QLabel(self._note, window)
            note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            note.setWordWrap(True)
            font = note.font()
            font.setPointSizeF(font.pointSizeF() * 1.3)
            note.setFont(font)
            note.setGeometry(window.rect())
            note.show()
            self._covered.append((window, window.windowTitle(), shown, note))
            window.setWindowTitle(tr("Mesolog — locked"))

    def uncover(self) -> None:
        for window, title, shown, note in reversed(self._covered):
            note.deleteLater()
            note.hide()
            for child in shown:
                child.show()
            window.setWindowTitle(title)
        self._covered.clear()
