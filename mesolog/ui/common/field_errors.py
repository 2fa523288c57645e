"""Messages shown under the fields they are about.

Keys are the domain's field names (FieldError.field), so a ValidationError
from any service lands under the widget that holds the bad value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from mesolog.domain.validation import FieldError
from mesolog.ui.common import styles


class FieldErrors:
    def __init__(self) -> None:
        self._labels: dict[str, QLabel] = {}

    def adopt(self, key: str, label: QLabel) -> QLabel:
        """Use ``label`` (from a Designer form, say) for ``key``'s messages."""
        label.setStyleSheet(styles.ERROR)
        label.setWordWrap(True)
        label.hide()
        self._labels[key] = label
        return label

    def label(self, key: str) -> QLabel:
        return self.adopt(key, QLabel())

    def alias(self, key: str, shown_as: str) -> None:
        """Show ``key``'s messages where ``shown_as``'s go (two inputs, one row)."""
        self._labels[key] = self._labels[shown_as]

    def under(self, key: str, field: QWidget | QLayout) -> QWidget:
        """``field`` with the message line for ``key`` beneath it."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if isinstance(field, QLayout):
            layout.addLayout(field)
        else:
            layout.addWidget(field)
        layout.addWidget(self.label(key))
        return box

    def set(self, key: str, message: str) -> None:
        """Show ``message`` under ``key``'s field, or nothing when it is empty."""
        label = self._labels[key]
        label.setText(message)
        label.setVisible(bool(message))

    def hide(self, key: str) -> None:
        self._labels[key].hide()

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def show(self, errors: list[FieldError], fallback: str | None = None) -> list[str]:
        """Show each message under its field (or ``fallback``'s); the keys shown."""
        shown = []
        for error in errors:
            key = error.field if error.field in self._labels else fallback
            if key is None:
                continue
            label = self._labels[key]
            already = not label.isHidden() and label.text()
            label.setText(f"{label.text()}\n{error.message}" if already else error.message)
            label.show()
            shown.append(key)
        return shown

    def withdraw_fixed(self, keys: Iterable[str],
                       problems: Callable[[], list[FieldError] | None]) -> None:
        """Hide the messages of ``keys`` whose field is right now. ``problems`` (asked only
        when one of them shows a message) says what is still wrong, None when it cannot
        tell, and then the messages go. Keys that share a line share its fate."""
        shown = [key for key in keys if self.text(key)]
        if not shown:
            return
        found = problems()
        wrong = {id(self._labels[p.field]) for p in found or [] if p.field in self._labels}
        for key in shown:
            if id(self._labels[key]) not in wrong:
                self.set(key, "")

    def text(self, key: str) -> str:
        label = self._labels[key]
        return "" if label.isHidden() else label.text()
