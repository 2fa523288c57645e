"""The Safety page of Outcomes Across the Practice: side effects per 100 sessions by
kind, grade, product and lot, in a period of sessions, the lots that stand out in red."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mesolog.domain.clock import Clock
from mesolog.domain.intervals import described
from mesolog.domain.permissions import NotPermitted
from mesolog.domain.safety import SafetyReport, SafetyRow
from mesolog.domain.validation import ValidationError
from mesolog.services.practice_outcomes import PracticeOutcomesService
from mesolog.store.database import DatabaseError
from mesolog.ui.clinic.outcome_choices import Period
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.long_work import LongWork, run_long_work, with_own_connection
from mesolog.ui.common.row_table_model import RowTableModel, list_view_of


class SafetyModel(RowTableModel[SafetyRow]):
    columns = ("By", "What", "Sessions", "Side effects", "Per 100 sessions", "95 % CI",
               "Stands out")

    def cell(self, r: SafetyRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.stands_out:
            return QBrush(QColor("#b00020"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        rate = r.rate
        return (r.group.label, r.label, f"{r.sessions:,}", f"{r.events:,}",
                "" if rate is None else f"{rate.value:.1f}",
                "" if rate is None else f"{rate.low:.1f} to {rate.high:.1f}",
                f"yes (p = {r.p_value:.4f})" if r.stands_out else "")[column]


class SafetyPage(QWidget):
    """Side effects per 100 sessions across the practice, in a period of sessions."""

    shown = Signal()

    def __init__(self, db: Any, clock: Clock, errors: FieldErrors):
        super().__init__()
        self._db, self._clock, self._errors = db, clock, errors
        self.sessions = Period("Sessions from", clock, years_back=1)
        self.period, self.first, self.last = (self.sessions.check, self.sessions.first,
                                              self.sessions.last)
        self.show_button = QPushButton("Show &Side Effects")
        self.show_button.clicked.connect(self.compute)
        row = self.sessions.row
        row.addStretch(1)
        row.addWidget(self.show_button)
        self.summary = QLabel("Side effects per 100 sessions, by kind, grade, product and "
                              "lot, with exact 95 % intervals; a lot whose rate stands out "
                              "from the practice's is flagged.")
        self.summary.setWordWrap(True)
        self.model = SafetyModel(self)
        self.table = list_view_of(self.model)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(errors.label("safety_last"))
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.computing: LongWork | None = None
        self.report: SafetyReport | None = None

    def compute(self) -> None:
        self._errors.hide("safety_last")
        first, last = self.sessions.dates()
        self.show_button.setEnabled(False)
        clock = self._clock
        self.computing = run_long_work(
            self, "Counting the side effects", with_own_connection(
                self._db, lambda own, _p: PracticeOutcomesService(own, clock).safety(
                    first, last)),
            done=self._shown, failed=self._failed,
            expected=(ValidationError, NotPermitted, DatabaseError))

    def _failed(self, error: BaseException) -> None:
        self.show_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self._errors.show(error.errors, "safety_last")
        else:
            self.summary.setText(str(error))

    def _shown(self, report: SafetyReport) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        flagged = report.flagged
        standing = (f" <b style='color:#b00020'>{len(flagged)} lot(s) stand out</b>: "
                    + ", ".join(r.label for r in flagged) + "." if flagged
                    else " No lot stands out.")
        self.summary.setText(
            f"{report.events:,} side effects in {report.sessions:,} sessions: "
            f"<b>{described(report.rate)}</b> per 100 sessions.{standing} A session "
            "given several products counts for each.")
        self.model.set_rows(list(report.rows))
        self.shown.emit()
