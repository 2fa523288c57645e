"""File > Import Patients: a spreadsheet's first rows, which column is which field
(guessed from its headers, changed here), how its dates are written (asked when the
file leaves it open), and what the import would do, checked again at each change."""

from __future__ import annotations

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

from mesolog.domain.patient import FIELD_LABELS
from mesolog.domain.patient_import import (
    IMPORTED_FIELDS,
    AmbiguousDates,
    DateOrder,
    column_date_order,
    guess_mapping,
    unmapped_required,
)
from mesolog.domain.spreadsheet import Spreadsheet
from mesolog.services.patient_import import ImportPlan, PatientImportService
from mesolog.ui.common import styles

PREVIEW_ROWS = 8
NOT_IMPORTED = "— not imported —"


class PatientImportDialog(QDialog):
    def __init__(self, service: PatientImportService, sheet: Spreadsheet, file_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Import Patients")
        self._service = service
        self._sheet = sheet
        self.plan: ImportPlan | None = None
        self.valid_rows_only = False

        summary = QLabel(f"<b>{file_name}</b>: {sheet.described}")
        summary.setWordWrap(True)
        self.columns: list[QComboBox] = []
        guessed = guess_mapping(sheet.headers)
        mapping_box = QGroupBox("Which column is which field")
        mapping_form = QFormLayout(mapping_box)
        for index, header in enumerate(sheet.headers):
            combo = QComboBox()
            combo.addItem(NOT_IMPORTED, None)
            for name in IMPORTED_FIELDS:
                combo.addItem(FIELD_LABELS[name], name)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(index))))
            combo.currentIndexChanged.connect(lambda _i, column=index: self._field_chosen(column))
            mapping_form.addRow(header or f"Column {index + 1}", combo)
            self.columns.append(combo)

        self.dates = QComboBox()
        self.dates.addItem("Choose…", None)
        for order in DateOrder:
            self.dates.addItem(order.label, order.value)
        self.dates_note = QLabel()
        self.dates_note.setWordWrap(True)
        self.dates_note.setStyleSheet(styles.ERROR)
        dates_row = QHBoxLayout()
        dates_row.addWidget(QLabel("Dates are written"))
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
        self.import_button = QPushButton("&Import")
        self.valid_only_button = QPushButton("Import &Valid Rows Only")
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
        layout.addWidget(QLabel("What the import would do:"))
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
            self.dates_note.setText(f"{str(e).capitalize()}: choose how they are written.")
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
        """What the import would do with the columns and dates as chosen now."""
        self.plan = None
        missing = unmapped_required(self.mapping())
        chosen = self.dates.currentData()  # Qt gives the enum's value back, a str
        order = DateOrder(chosen) if chosen else None
        if missing:
            self.report.setPlainText(f"No column is chosen for {', '.join(missing)}: every "
                                     "row would be refused.")
        elif order is None:
            self.report.setPlainText("Choose how the dates are written.")
        else:
            self.dates_note.clear()
            self.plan = self._service.plan(self._sheet, self.mapping(), order)
            self.report.setPlainText("\n".join(self.plan.report()))
        plan = self.plan
        self.import_button.setEnabled(plan is not None and plan.whole and bool(plan.to_import))
        self.valid_only_button.setEnabled(plan is not None and not plan.whole
                                          and bool(plan.to_import))

    def _import(self, *, valid_rows_only: bool) -> None:
        self.valid_rows_only = valid_rows_only
        self.accept()
