"""What the clinic-wide lists (due and overdue, open side effects) share: a window of
its own beside the main one, its filters above the table and a line saying what it
shows below; double-click opens the patient; it reads again when a change touches
what it lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mesolog.domain.permissions import Action
from mesolog.ui.common.form_dialog import OpensAtFirstField
from mesolog.ui.common.language import tr
from mesolog.ui.common.list_export import export_list
from mesolog.ui.common.long_work import LongWork
from mesolog.ui.common.permitted import permit
from mesolog.ui.common.row_table_model import RowTableModel, list_view_of, table_of

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.store.changes import Changes


class ClinicListWindow(OpensAtFirstField, QDialog):
    """A subclass names the tables it lists (``FOLLOWS``), lays out its filters with
    ``set_filters`` and defines ``refresh``, which reads its rows; ``patient_of`` says
    whose a row is."""

    open_patient = Signal(int)
    FOLLOWS: tuple[str, ...] = ()

    def __init__(self, clinic: Clinic, today: Callable[[], date], title: str,
                 model: RowTableModel, patient_of: Callable[[Any], int],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._clinic = clinic
        self._today = today
        self.model = model
        model.setParent(self)
        self._patient_of = patient_of
        self.table = list_view_of(model)
        self.summary = QLabel()
        self._filters = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self._filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.table.doubleClicked.connect(self._open)
        self.export_button = QPushButton(tr("E&xport…"))
        self.export_button.setToolTip(tr("The list as it is shown, for a spreadsheet"))
        self.export_button.clicked.connect(self.export)
        permit(self.export_button, clinic.actor, Action.EXPORT)
        self.exporting: LongWork | None = None

    def set_filters(self, filters: list[QWidget], buttons: list[QWidget]) -> None:
        """``filters`` from the left, ``buttons`` at the right of the row above the table."""
        for widget in filters:
            self._filters.addWidget(widget)
        self._filters.addStretch(1)
        for widget in [*buttons, self.export_button]:
            self._filters.addWidget(widget)

    def export(self) -> None:
        """The rows shown, as they are shown, to a CSV file."""
        table = table_of(self.model, self.windowTitle())  # read here: the model is Qt's
        self.exporting = export_list(self, self._clinic.db, self.windowTitle(),
                                     lambda _own: table)

    def follow(self, changes: Changes) -> None:
        """Read again when a change may have touched what this list shows."""
        if changes.may_touch(*self.FOLLOWS):
            self.refresh()  # type: ignore[attr-defined]

    def _open(self, index: QModelIndex) -> None:
        row = self.model.row(index.row())
        if row is not None:
            self.open_patient.emit(self._patient_of(row))
