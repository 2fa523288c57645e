"""File > Import Patients: a spreadsheet's first rows, which column is which field
(guessed from its headers, changed here), how its dates are written (asked when the
file leaves it open), and what the import would do, checked again at each change on a
helper thread (every row through the form's checks: 3 s at 100,000 rows)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.patient import field_label
from mesolog.domain.patient_import import (
    IMPORTED_FIELDS,
    AmbiguousDates,
    DateOrder,
    column_date_order,
    guess_mapping,
    unmapped_required,
)
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.spreadsheet import Spreadsheet
from mesolog.domain.text import sentence
from mesolog.services.patient_import import ImportPlan, PatientImportService
from mesolog.store.database import Database, DatabaseError
from mesolog.ui.common import styles
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.long_work import LongWork, run_long_work, with_own_connection

PREVIEW_ROWS = 8
NOT_IMPORTED = QT_TR_NOOP("— not imported —")


class PatientImportDialog(QDialog):
    checked = Signal()  # the report says what the import would do with the choices now

    def __init__(self, database: Database, sheet: Spreadsheet, file_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Import Patients"))
        self._database = database
        self._sheet = sheet
        self.plan: ImportPlan | None = None
        self.checking: LongWork | None = None
        self._asked = 0  # the choices' count: a plan for older choices is not shown
        self.valid_rows_only = False

        summary = QLabel(f"<b>{file_name}</b>: {sheet.described}")
        summary.setWordWrap(True)
        self.columns: list[QComboBox] = []
        guessed = guess_mapping(sheet.headers)
        mapping_box = QGroupBox(tr("Which column is which field"))
        mapping_form = QFormLayout(mapping_box)
        for index, header in enumerate(sheet.headers):
            combo = QComboBox()
            combo.addItem(tr(NOT_IMPORTED), None)
            for name in IMPORTED_FIELDS:
                combo.addItem(field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(index))))
            combo.currentIndexChanged.connect(lambda _i, column=index: self._field_chosen(column))
            mapping_form.addRow(header or tr("Column {number}").format(number=index + 1), combo)
            self.columns.append(combo)

        self.dates = QComboBox()
        self.dates.addItem(tr("Choose…"), None)
        for order in DateOrder:
            self.dates.addItem(order.label, order.value)
        self.dates_note = QLabel()
        self.dates_note.setWordWrap(True)
        self.dates_note.setStyleSheet(styles.ERROR)
        dates_row = QHBoxLayout()
        dates_row.addWidget(QLabel(tr("Dates are written")))
        dates_row.addWidget(self.dates)
        dates_row.addWidget(self.dates_note, 1)
        self._guess_dates()
        self.dates.currentIndexChanged.connect(self.check)

        self.preview = QTableWidget(min(PREVIEW_ROWS, len(sheet.rows)), len(sheet.headers))
        self.preview.setHorizontalHeaderLabels(list(sheet.headers))
        self.preview.setVerticalHeaderLabels([str(line) for line in sheet.lines[:PREVIEW_ROWS]])
        for row, cells in enumerate(sheet.rows[:PREVIEW_ROWS]):
            for column, text in enumerate(cells):
                self.preview.setItem(row, column, QTableWidgetItem(text))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.resizeColumnsToContents()

        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMinimumHeight(120)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton(tr("&Import"))
        self.valid_only_button = QPushButton(tr("Import &Valid Rows Only"))
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.valid_only_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(lambda: self._import(valid_rows_only=False))
        self.valid_only_button.clicked.connect(lambda: self._import(valid_rows_only=True))
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        columns = QHBoxLayout()
        columns.addWidget(mapping_box)
        columns.addWidget(self.preview, 1)
        layout.addLayout(columns, 1)
        layout.addLayout(dates_row)
        layout.addWidget(QLabel(tr("What the import would do:")))
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.resize(1000, 640)
        self.check()

    def mapping(self) -> dict[int, str]:
        return {index: combo.currentData() for index, combo in enumerate(self.columns)
                if combo.currentData() is not None}

    def _guess_dates(self) -> None:
        try:
            order = column_date_order(self._sheet.rows, self.mapping())
        except AmbiguousDates as e:
            self.dates.setCurrentIndex(0)
            self.dates_note.setText(tr("{problem}: choose how they are written.").format(
                problem=sentence(str(e))))
            return
        self.dates.setCurrentIndex(self.dates.findData(order.value))
        self.dates_note.clear()

    def _field_chosen(self, column: int) -> None:
        """A field is one column's: the column that had it gives it up."""
        name = self.columns[column].currentData()
        for index, combo in enumerate(self.columns):
            if index != column and name is not None and combo.currentData() == name:
                combo.blockSignals(True)
                combo.setCurrentIndex(0)
                combo.blockSignals(False)
        if name == "date_of_birth":
            self._guess_dates()
        self.check()

    def check(self) -> None:
        """What the import would do with the columns and dates as chosen now: planned
        on a helper thread (a progress dialog if it takes a moment), shown when done."""
        self.plan = None
        self._asked += 1
        missing = unmapped_required(self.mapping())
        chosen = self.dates.currentData()  # Qt gives the enum's value back, a str
        order = DateOrder(chosen) if chosen else None
        if missing:
            self._show(tr("No column is chosen for {fields}: every row would be "
                          "refused.").format(fields=", ".join(missing)))
            return
        if order is None:
            self._show(tr("Choose how the dates are written."))
            return
        self.dates_note.clear()
        self.report.setPlainText(tr("Checking every row…"))
        self._enable_import()
        asked, sheet, mapping = self._asked, self._sheet, self.mapping()

        def done(plan: ImportPlan) -> None:
            if asked == self._asked:  # else a check of later choices is on its way
                self.plan = plan
                self._show("\n".join(plan.report()))

        def failed(error: BaseException) -> None:
            if asked == self._asked:
                self._show(tr("The rows cannot be checked: {reason}").format(reason=error))
        self.checking = run_long_work(
            self, tr("Checking the rows"), with_own_connection(
                self._database, lambda own, _progress: PatientImportService(own).plan(
                    sheet, mapping, order)),
            done=done, failed=failed, expected=(NotPermitted, DatabaseError))

    def _show(self, report: str) -> None:
        self.report.setPlainText(report)
        self._enable_import()
        self.checked.emit()

    def _enable_import(self) -> None:
        plan = self.plan
        self.import_button.setEnabled(plan is not None and plan.whole and bool(plan.to_import))
        self.valid_only_button.setEnabled(plan is not None and not plan.whole
                                          and bool(plan.to_import))

    def _import(self, *, valid_rows_only: bool) -> None:
        self.valid_rows_only = valid_rows_only
        self.accept()
