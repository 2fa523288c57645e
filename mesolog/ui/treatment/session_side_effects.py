"""A session's side effects in its editor: what followed it, recorded or checked.

Side effects follow the session (often days later) and are not part of what was signed:
they are recorded here whether or not the session is signed."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.permissions import Action, NotPermitted
from mesolog.domain.translation import day_text
from mesolog.domain.validation import ValidationError
from mesolog.ui.common.language import tr
from mesolog.ui.common.permitted import permit
from mesolog.ui.treatment.adverse_event_dialog import AdverseEventDialog

if TYPE_CHECKING:
    from mesolog.domain.session import Session
    from mesolog.services.clinic import Clinic


class SessionSideEffects(QGroupBox):
    """The list and its status; its two buttons (Record Side Effect, None Observed) are
    placed by the editor in its bottom row, never scrolled out of reach."""

    changed = Signal()

    def __init__(self, clinic: Clinic, now: datetime, parent: QWidget | None = None):
        super().__init__(tr("Side effects"), parent)
        self._clinic, self._now = clinic, now
        self._session: Session | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        self.record_button = QPushButton(tr("&Record Side Effect…"))
        self.none_observed_button = QPushButton(tr("&None Observed"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        self.record_button.clicked.connect(self.record)
        self.none_observed_button.clicked.connect(self.mark_none_observed)
        self.list.itemDoubleClicked.connect(self._edit)

    def show_for(self, session: Session | None) -> None:
        self._session = session
        self.list.clear()
        saved = session is not None
        actor = self._clinic.actor
        self.list.setEnabled(saved)
        permit(self.record_button, actor, Action.SIDE_EFFECT_RECORD, saved)
        permit(self.none_observed_button, actor, Action.SIDE_EFFECT_NONE_OBSERVED, saved)
        if not saved:
            self.hint.setText(tr("Save the session first; then open it from the "
                              "Treatment tab to record what followed."))
            return
        events = self._clinic.adverse_events.for_session(session.id)
        for event in events:
            d = event.details
            state = (tr("resolved {day}").format(day=day_text(d.resolved_on)) if not d.is_open
                     else tr("open ({outcome})").format(outcome=d.outcome.label.lower()))
            item = QListWidgetItem(tr("{side_effect} · from {onset} · {state}").format(
                side_effect=d.title, onset=day_text(d.onset), state=state))
            item.setData(Qt.ItemDataRole.UserRole, event.id)
            self.list.addItem(item)
        status = self._clinic.adverse_events.status([session.id])[session.id]
        self.hint.setText(tr("Status: {status}.").format(status=status.text))
        permit(self.none_observed_button, actor, Action.SIDE_EFFECT_NONE_OBSERVED,
               not events and not status.none_observed)

    def record(self) -> bool:
        dialog = AdverseEventDialog(self._clinic, self._session, self._now.date(),
                                    parent=self.window())
        if not dialog.exec():
            return False
        self._after_change()
        return True

    def _edit(self, item: QListWidgetItem) -> None:
        event = self._clinic.adverse_events.get(item.data(Qt.ItemDataRole.UserRole))
        if AdverseEventDialog(self._clinic, self._session, self._now.date(), event,
                              parent=self.window()).exec():
            self._after_change()

    def mark_none_observed(self) -> None:
        try:  # checked by the person logged in
            self._clinic.adverse_events.mark_none_observed(self._session.id)
        except (ValidationError, NotPermitted) as e:
            QMessageBox.warning(self.window(), tr("Not recorded"), str(e))
            self.show_for(self._session)
            return
        self._after_change()

    def _after_change(self) -> None:
        self.show_for(self._session)
        self.changed.emit()
