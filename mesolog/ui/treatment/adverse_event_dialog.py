"""Recording a side effect after a session, and resolving one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from mesolog.domain.adverse_event import (
    GRADES,
    Action,
    AdverseEvent,
    EventDetails,
    EventKind,
    Outcome,
    grade_meaning,
)
from mesolog.domain.permissions import Action as Permitted
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.session import Session
from mesolog.domain.translation import day_text
from mesolog.ui.common.form_dialog import FormDialog, combo, date_edit
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic



class AdverseEventDialog(FormDialog):
    """A side effect of ``session``: new, or ``event`` to edit."""

    def __init__(self, clinic: Clinic, session: Session, today: date,
                 event: AdverseEvent | None = None, parent: QWidget | None = None):
        day = day_text(session.details.performed_at.date())
        super().__init__((tr("Side effect — session of {day}") if event else
                          tr("Record side effect — session of {day}")).format(day=day), parent)
        self._clinic = clinic
        self._session = session
        self._event = event
        self.saved: AdverseEvent | None = None
        self.permit_saving(clinic.actor, Permitted.SIDE_EFFECT_UPDATE if event
                           else Permitted.SIDE_EFFECT_RECORD)
        d = event.details if event else EventDetails(onset=session.details.performed_at.date())
        self.kind = combo([(tr("— choose —"), None)] + [(k.label, k.value) for k in EventKind],
                           d.kind.value if d.kind else None)
        self.other_text = QLineEdit(d.other_text)
        self.other_text.setPlaceholderText(tr("What it is, when Other"))
        self.onset = date_edit(d.onset or today)
        self.grade = combo([(tr("— choose —"), None)] + [(f"{g} · {grade_meaning(g)}", g)
                                                          for g in GRADES], d.grade)
        self.serious = QCheckBox(tr("Serious (hospital, disability, or otherwise important)"))
        self.serious.setChecked(d.serious)
        self.actions: dict[Action, QCheckBox] = {}
        actions_box = QWidget()
        grid = QGridLayout(actions_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, action in enumerate(Action):
            box = QCheckBox(action.label)
            box.setChecked(action in d.actions)
            self.actions[action] = box
            grid.addWidget(box, i // 3, i % 3)
        self.zone = combo([(tr("— not known —"), None)] + [(z.label, z.value) for z in ScalpZone],
                           d.zone.value if d.zone else None)
        self.lot = combo([(tr("— none suspected —"), None)] + [
            (tr("{product} lot {lot}").format(product=u.product_name, lot=u.lot_no), u.lot_id)
            for u in session.used],
            d.suspected_lot_id)
        self.resolved = QCheckBox(tr("Resolved on"))
        self.resolved.setChecked(d.resolved_on is not None)
        self.resolved_on = date_edit(d.resolved_on or today)
        self.resolved_on.setEnabled(self.resolved.isChecked())
        self.resolved.toggled.connect(self._resolved_toggled)
        self.outcome = combo([(o.label, o.value) for o in Outcome], d.outcome.value)
        self.notes = QPlainTextEdit(d.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(70)
        self.add_row(tr("&Kind"), "kind", self.kind)
        self.add_row("", "other_text", self.other_text)
        self.add_row(tr("&Onset"), "onset", self.onset)
        self.add_row(tr("&Grade"), "grade", self.grade)
        self.form.addRow("", self.serious)
        self.add_row(tr("&Actions"), "actions", actions_box)
        self.add_row(tr("&Zone"), "zone", self.zone)
        self.add_row(tr("Suspected &lot"), "suspected_lot_id", self.lot)
        self.add_row("", "resolved_on", self._pair(self.resolved, self.resolved_on))
        self.add_row(tr("O&utcome"), "outcome", self.outcome)
        self.add_row(tr("&Notes"), "notes", self.notes)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    @staticmethod
    def _pair(left: QWidget, right: QWidget) -> QWidget:
        box = QWidget()
        layout = QGridLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(left, 0, 0)
        layout.addWidget(right, 0, 1)
        layout.setColumnStretch(2, 1)
        return box

    def _kind_changed(self) -> None:
        self.other_text.setVisible(self.kind.currentData() == EventKind.OTHER.value)

    def _resolved_toggled(self, checked: bool) -> None:
        self.resolved_on.setEnabled(checked)
        resolved = Outcome.RESOLVED.value if checked else Outcome.ONGOING.value
        self.outcome.setCurrentIndex(self.outcome.findData(resolved))

    def details(self) -> EventDetails:
        kind, zone = self.kind.currentData(), self.zone.currentData()
        return EventDetails(
            session_id=self._session.id,
            kind=EventKind(kind) if kind else None,
            other_text=self.other_text.text(),
            onset=self.onset.date().toPython(),
            grade=self.grade.currentData(),
            serious=self.serious.isChecked(),
            actions=tuple(a for a, box in self.actions.items() if box.isChecked()),
            zone=ScalpZone(zone) if zone else None,
            suspected_lot_id=self.lot.currentData(),
            resolved_on=self.resolved_on.date().toPython() if self.resolved.isChecked() else None,
            outcome=Outcome(self.outcome.currentData()),
            notes=self.notes.toPlainText(),
        )

    def store(self) -> None:
        events = self._clinic.adverse_events
        if self._event is None:
            self.saved = events.record(self.details())
        else:
            self.saved = events.update(self._event.id, self._event.version, self.details())


class ResolveDialog(FormDialog):
    def __init__(self, clinic: Clinic, event: AdverseEvent, today: date,
                 parent: QWidget | None = None):
        super().__init__(tr("Resolve: {side_effect}").format(side_effect=event.details.title),
                         parent)
        self._clinic = clinic
        self._event = event
        self.resolved_on = date_edit(today)
        self.outcome = combo([(o.label, o.value) for o in Outcome if o.resolved])
        self.form.addRow(QLabel(tr("Began {onset}, after the session of {session}.").format(
            onset=day_text(event.details.onset), session=day_text(event.session_performed_on))))
        self.add_row(tr("&Resolved on"), "resolved_on", self.resolved_on)
        self.add_row(tr("&Outcome"), "outcome", self.outcome)

    def store(self) -> None:
        self._clinic.adverse_events.resolve(self._event.id, self._event.version,
                                            self.resolved_on.date().toPython(),
                                            Outcome(self.outcome.currentData()))
