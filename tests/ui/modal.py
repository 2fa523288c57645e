"""Answering the modal dialogs a widget opens, from inside their event loop."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None], tries: int = 200,
               fits: Callable[[QWidget], bool] = lambda _: True) -> None:
    """Run ``act`` on the next modal ``kind`` (that ``fits``) once it is open.

    Each dialog is answered once: two answers queued for two boxes in a row
    must not both land on the first.
    """
    def attempt(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and fits(widget) and not widget.property("answered"):
            widget.setProperty("answered", True)
            act(widget)
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))
    QTimer.singleShot(0, lambda: attempt(tries))


def answer_message_box(button: QMessageBox.StandardButton, seen: list[str],
                       within_s: float = 2.0) -> None:
    """Click ``button`` on the next message box, noting its text. ``within_s``: how long
    the box may take to open; after long work (a backup), as long as the test waits for
    it, or a slow machine opens it after nobody is left to answer and the test hangs."""
    def click(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.button(button).click()
    when_modal(QMessageBox, click, tries=int(within_s * 100),
               fits=lambda box: box.button(button) is not None)


def close_dialog(kind: type[QDialog], seen: list[QDialog]) -> None:
    def close(dialog: QWidget) -> None:
        seen.append(dialog)
        dialog.done(QDialog.DialogCode.Rejected)
    when_modal(kind, close)
