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
from mesolog.domain.translation import number
from mesolog.domain.validation import ValidationError
from mesolog.services.practice_outcomes import PracticeOutcomesService
from mesolog.store.database import DatabaseError
from mesolog.ui.clinic.outcome_choices import Period
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.long_work import LongWork, run_long_work, with_own_connection
from mesolog.ui.common.row_table_model import RowTableModel, list_view_of


class SafetyModel(RowTableModel[SafetyRow]):
    columns = (QT_TR_NOOP("By"), QT_TR_NOOP("What"), QT_TR_NOOP("Sessions"),
               QT_TR_NOOP("Side effects"), QT_TR_NOOP("Per 100 sessions"),
               QT_TR_NOOP("95 % CI"), QT_TR_NOOP("Stands out"))

    def cell(self, r: SafetyRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.stands_out:
            return QBrush(QColor("#b00020"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        rate = r.rate
        return (r.group.label, r.label, number(r.sessions), number(r.events),
                "" if rate is None else number(rate.value, 1),
                "" if rate is None else tr("{low} to {high}").format(
                    low=number(rate.low, 1), high=number(rate.high, 1)),
                tr("yes (p = {p})").format(p=number(r.p_value, 4)) if r.stands_out
                else "")[column]


class SafetyPage(QWidget):
    """Side effects per 100 sessions across the practice, in a period of sessions."""

    shown = Signal()

    def __init__(self, db: Any, clock: Clock, errors: FieldErrors):
        super().__init__()
        self._db, self._clock, self._errors = db, clock, errors
        self.sessions = Period(tr("Sessions from"), clock, years_back=1)
        self.period, self.first, self.last = (self.sessions.check, self.sessions.first,
                                              self.sessions.last)
        self.show_button = QPushButton(tr("Show &Side Effects"))
        self.show_button.clicked.connect(self.compute)
        row = self.sessions.row
        row.addStretch(1)
        row.addWidget(self.show_button)
        self.summary = QLabel(tr("Side effects per 100 sessions, by kind, grade, product and "
                              "lot, with exact 95 % intervals; a lot whose rate stands out "
                              "from the practice's is flagged."))
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
            self, tr("Counting the side effects"), with_own_connection(
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
        standing = (tr("<b style='color:#b00020'>%n lot(s) stand out</b>: {lots}.", "",
                       len(flagged)).format(lots=", ".join(r.label for r in flagged))
                    if flagged else tr("No lot stands out."))
        self.summary.setText(
            tr("{events} side effects in {sessions} sessions: <b>{rate}</b> per 100 "
               "sessions. {standing} A session given several products counts for "
               "each.").format(events=number(report.events), sessions=number(report.sessions),
                               rate=described(report.rate), standing=standing))
        self.model.set_rows(list(report.rows))
        self.shown.emit()
