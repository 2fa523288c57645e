"""Small form dialogs whose messages appear under their fields, and their inputs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.validation import ValidationError
from mesolog.ui.field_errors import FieldErrors


def combo(items: list[tuple[str, object]], current: object = None) -> QComboBox:
    """A combo box of (text, data) items, with ``current``'s item chosen if given."""
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
    return box


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class FormDialog(QDialog):
    """A form with Save/Cancel whose errors appear under their fields."""

    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = FieldErrors()
        self._first_key: str | None = None  # where a message without a field goes
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.buttons)

    def add_row(self, label: str, key: str, widget: QWidget) -> None:
        self.form.addRow(label, self.errors.under(key, widget))
        self._first_key = self._first_key or key

    def _save(self) -> None:
        self.errors.clear()
        try:
            self.store()
        except ValidationError as e:
            self.errors.show(e.errors, fallback=self._first_key)
            return
        self.accept()

    def store(self) -> None:
        """Store what the form holds; ValidationError names what is wrong."""
