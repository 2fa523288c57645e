"""The patient's treatment: consent, courses and their sessions on one timeline."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.consent import ConsentState
from mesolog.domain.course import CourseStatus
from mesolog.domain.patient import Patient
from mesolog.domain.permissions import Action, NotPermitted
from mesolog.domain.session import Session
from mesolog.domain.translation import day_text, moment_text, number
from mesolog.domain.validation import ConflictError, ValidationError
from mesolog.ui.common.chart_tab import ChartTab
from mesolog.ui.common.language import QT_TR_NOOP, tr
from mesolog.ui.common.permitted import permit
from mesolog.ui.common.prompts import confirm_signature
from mesolog.ui.common.scanner import ScannerConfig
from mesolog.ui.treatment.adverse_event_dialog import AdverseEventDialog, ResolveDialog
from mesolog.ui.treatment.session_editor import SessionEditor
from mesolog.ui.treatment.timeline_text import due_text, fit_columns, session_status
from mesolog.ui.treatment.treatment_dialogs import ConsentDialog, CourseDialog, StopCourseDialog

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic
    from mesolog.services.courses import CourseSummary

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1
COURSE_ROLE = Qt.ItemDataRole.UserRole + 2
EVENT_ROLE = Qt.ItemDataRole.UserRole + 3
_COLUMNS = (QT_TR_NOOP("Date"), QT_TR_NOOP("Course / session"), QT_TR_NOOP("Status"),
            QT_TR_NOOP("By"), QT_TR_NOOP("Volume"), QT_TR_NOOP("Products and lots"))


class TreatmentPanel(ChartTab, QWidget):

    def __init__(self, now: Callable[[], datetime],
                 scanner: Callable[[], ScannerConfig] = ScannerConfig,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._now = now
        self._scanner = scanner  # read as each session opens: Preferences apply at once
        self._clinic: Clinic | None = None
        self._patient: Patient | None = None
        self._sessions: dict[int, Session] = {}
        self._courses: dict[int, CourseSummary] = {}
        self._effects: dict = {}

        self.consent_label = QLabel()
        self.consent_label.setWordWrap(True)
        self.consent_button = QPushButton(tr("Record &Consent…"))
        self.new_course_button = QPushButton(tr("New C&ourse…"))
        self.new_session_button = QPushButton(tr("New &Session…"))
        self.pause_button = QPushButton(tr("&Pause"))
        self.complete_button = QPushButton(tr("Co&mplete"))
        self.stop_button = QPushButton(tr("S&top…"))
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([tr(column) for column in _COLUMNS])
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setUniformRowHeights(True)
        self.events_label = QLabel(tr("<b>Side effects</b>"))
        self.events = QTreeWidget()
        self.events.setRootIsDecorated(False)
        self.events.setHeaderLabels((tr("Onset"), tr("Side effect"), tr("Status"),
                                     tr("After session"), tr("Suspected lot"), tr("Actions")))

        self.events.setMaximumHeight(170)
        self.resolve_button = QPushButton(tr("Resol&ve…"))

        top = QHBoxLayout()
        top.addWidget(self.consent_label, 1)
        top.addWidget(self.consent_button)
        actions = QHBoxLayout()
        for button in (self.new_session_button, self.new_course_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(QLabel(tr("Selected course:")))
        for button in (self.pause_button, self.complete_button, self.stop_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.timeline, 1)
        events_header = QHBoxLayout()
        events_header.addWidget(self.events_label)
        events_header.addStretch(1)
        events_header.addWidget(self.resolve_button)
        layout.addLayout(events_header)
        layout.addWidget(self.events)

        self.consent_button.clicked.connect(self.record_consent)
        self.new_course_button.clicked.connect(self.new_course)
        self.new_session_button.clicked.connect(self.new_session)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.complete_button.clicked.connect(
            lambda: self._set_course_status(CourseStatus.COMPLETED))
        self.stop_button.clicked.connect(self._stop_course)
        self.timeline.itemDoubleClicked.connect(self._open_item)
        self.timeline.currentItemChanged.connect(self._update_buttons)
        self.events.currentItemChanged.connect(self._update_buttons)
        self.events.itemDoubleClicked.connect(self._edit_event)
        self.resolve_button.clicked.connect(self.resolve_selected_event)

    # -- showing ---------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self.timeline.clear()
        self.events.clear()
        self._sessions, self._courses = {}, {}
        if self._clinic is None or self._patient is None:
            self._update_buttons()
            return
        clinic, patient, today = self._clinic, self._patient, self._now().date()
        consents = clinic.consent.for_patient(patient.id)
        warning = clinic.consent.treatment_consent(patient.id, consents).warning
        consents = [c for c in consents if c.valid]
        if warning:
            self.consent_label.setText("<span style='color:#8a5300'>" + tr(
                "<b>Consent:</b> {warning}").format(warning=html.escape(warning)) + "</span>")
        else:
            given = "; ".join(tr("{form} v{version}, {day} ({taken_by})").format(
                form=c.form.kind.label, version=c.form.version, day=day_text(c.signed_at.date()),
                taken_by=html.escape(c.taken_by)) for c in consents)
            self.consent_label.setText(tr("<b>Consent:</b> {warning}").format(warning=given))
        sessions = clinic.sessions.for_patient(patient.id)
        self._sessions = {s.id: s for s in sessions}
        self._effects = clinic.adverse_events.status(list(self._sessions))
        by_course: dict[int | None, list[Session]] = {}
        for s in sessions:
            by_course.setdefault(s.details.course_id, []).append(s)
        session_rows: list[QTreeWidgetItem] = []  # their texts set the columns' widths
        for summary in clinic.courses.for_patient(patient.id):
            course = summary.course
            self._courses[course.id] = summary
            totals = ", ".join(f"{t.name} {number(t.volume_ml, up_to=2)} ml"
                               for t in summary.products)
            due = due_text(summary, today)
            # one line across the tree: the course's words never squeeze the columns
            item = QTreeWidgetItem([f"{day_text(course.details.start_date)}  ·  "
                                    f"{course.details.protocol}  ·  {due}",
                                    course.details.protocol, due, "", "", totals])
            item.setData(0, COURSE_ROLE, course.id)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            ingredients = ", ".join(tr("{ingredient} {volume} ml in %Ln session(s)", "",
                                       t.sessions).format(ingredient=t.name,
                                                          volume=number(t.volume_ml, up_to=2))
                                    for t in summary.ingredients)
            for column in (0, 5):
                item.setToolTip(column, tr("Products: {products}\nActive ingredients: "
                                           "{ingredients}").format(
                    products=totals or tr("none yet"), ingredients=ingredients or tr("none yet")))
            self.timeline.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)
            session_rows += self._add_sessions(item, by_course.get(course.id, []))
            if totals:  # the running totals, under the course's sessions
                given = QTreeWidgetItem([tr("Given so far: {products}").format(products=totals)])
                given.setFlags(Qt.ItemFlag.ItemIsEnabled)
                italic = given.font(0)
                italic.setItalic(True)
                given.setFont(0, italic)
                given.setToolTip(0, item.toolTip(0))
                item.addChild(given)
                given.setFirstColumnSpanned(True)
            item.setExpanded(course.status in (CourseStatus.ACTIVE, CourseStatus.PAUSED))
        if by_course.get(None):
            loose = QTreeWidgetItem([tr("Sessions outside a course")] * 2)
            self.timeline.addTopLevelItem(loose)
            loose.setFirstColumnSpanned(True)
            session_rows += self._add_sessions(loose, by_course[None])
            loose.setExpanded(True)
        self._show_events(today)
        fit_columns(self.timeline, session_rows, len(_COLUMNS) - 1)
        if not self.timeline.topLevelItemCount():
            empty = tr("No courses or sessions yet: start with New Course… or New Session…")
            placeholder = QTreeWidgetItem([empty, empty])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.timeline.addTopLevelItem(placeholder)
            placeholder.setFirstColumnSpanned(True)
        self._update_buttons()

    def _add_sessions(self, parent: QTreeWidgetItem,
                      sessions: list[Session]) -> list[QTreeWidgetItem]:
        added = []
        for s in sessions:
            products = ", ".join(f"{u.product_name} ({u.lot_no}) {number(u.volume_ml, up_to=2)} ml"
                                 for u in s.used)
            what = " · ".join(x.label for x in (s.details.technique, s.details.device) if x)
            item = QTreeWidgetItem([moment_text(s.details.performed_at), what,
                                    f"{session_status(s)} · {self._effects[s.id].text}",
                                    s.practitioner_name,
                                    f"{number(s.total_volume_ml, up_to=2)} ml" + (
                                        " · " + tr("%Ln point(s)", "", len(s.details.points))
                                        if s.details.points else ""), products])
            item.setData(0, SESSION_ROLE, s.id)
            item.setToolTip(5, products)
            parent.addChild(item)
            added.append(item)
        return added

    def _show_events(self, today: date) -> None:
        for event in self._clinic.adverse_events.for_patient(self._patient.id):
            d = event.details
            state = (tr("open, %Ln day(s)", "", event.days_open(today)) if d.is_open
                     else f"{d.outcome.label}, {day_text(d.resolved_on)}")
            item = QTreeWidgetItem([day_text(d.onset), d.title + (
                " " + tr("(serious)") if d.serious else ""), state,
                day_text(event.session_performed_on), event.suspected_lot,
                ", ".join(a.label for a in d.actions)])
            item.setData(0, EVENT_ROLE, event.id)
            self.events.addTopLevelItem(item)
        count = self.events.topLevelItemCount()
        fit_columns(self.events, [self.events.topLevelItem(i) for i in range(count)], 5)
        self.events_label.setText(tr("<b>Side effects</b> ({count})").format(count=count)
                                  if count else
                                  tr("<b>Side effects</b>: none recorded"))

    def selected_event_id(self) -> int | None:
        item = self.events.currentItem()
        return item.data(0, EVENT_ROLE) if item else None

    def _edit_event(self, item: QTreeWidgetItem) -> None:
        event = self._clinic.adverse_events.get(item.data(0, EVENT_ROLE))
        session = self._sessions[event.details.session_id]
        if AdverseEventDialog(self._clinic, session, self._now().date(), event,
                              parent=self).exec():
            self.refresh()

    def resolve_selected_event(self) -> None:
        event_id = self.selected_event_id()
        if self._clinic is None or event_id is None:
            return
        event = self._clinic.adverse_events.get(event_id)
        if event.details.is_open and ResolveDialog(self._clinic, event, self._now().date(),
                                                   parent=self).exec():
            self.refresh()

    # -- what is selected ------------------------------------------------

    def selected_session(self) -> Session | None:
        item = self.timeline.currentItem()
        session_id = item.data(0, SESSION_ROLE) if item else None
        return self._sessions.get(session_id)

    def selected_course(self) -> CourseSummary | None:
        item = self.timeline.currentItem()
        while item is not None and item.data(0, COURSE_ROLE) is None:
            item = item.parent()
        return self._courses.get(item.data(0, COURSE_ROLE)) if item else None

    def select_session(self, session_id: int) -> None:
        for i in range(self.timeline.topLevelItemCount()):
            top = self.timeline.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, SESSION_ROLE) == session_id:
                    self.timeline.setCurrentItem(top.child(j))
                    return

    def _update_buttons(self, *_args: object) -> None:
        has_patient = self._patient is not None
        actor = self._clinic.actor if self._clinic is not None else None
        for button, action in ((self.consent_button, Action.CONSENT_RECORD),
                               (self.new_course_button, Action.COURSE_RECORD),
                               (self.new_session_button, Action.SESSION_RECORD)):
            permit(button, actor, action, has_patient)
        summary = self.selected_course()
        status = summary.course.status if summary else None
        open_course = status in (CourseStatus.ACTIVE, CourseStatus.PAUSED)
        for button in (self.pause_button, self.complete_button, self.stop_button):
            permit(button, actor, Action.COURSE_STATUS, open_course)
        self.pause_button.setText(tr("&Resume") if status is CourseStatus.PAUSED else tr("&Pause"))
        permit(self.resolve_button, actor, Action.SIDE_EFFECT_RESOLVE,
               self.selected_event_id() is not None)

    # -- actions ---------------------------------------------------------

    def new_session(self) -> Session | None:
        if not self._consent_settled():
            return None
        return self._edit(None)

    def _consent_settled(self) -> bool:
        """Before a session without valid consent: record it now, go on anyway, or stop."""
        if self._clinic is None or self._patient is None:
            return True
        consent = self._clinic.consent.treatment_consent(self._patient.id)
        if consent.state is not ConsentState.MISSING:
            return True  # an older form version is shown in the editor, not asked here
        box = QMessageBox(QMessageBox.Icon.Warning, tr("No treatment consent"),
                          consent.warning + "\n\n"
                          + tr("Record the patient's consent before the session?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Ignore
                          | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Record Consent…"))
        box.button(QMessageBox.StandardButton.Ignore).setText(tr("Continue Without"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)  # Enter records consent
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Yes:
            self.record_consent()
            consent = self._clinic.consent.treatment_consent(self._patient.id)
            return consent.state is ConsentState.IN_ORDER
        return answer == QMessageBox.StandardButton.Ignore

    def open_selected(self) -> Session | None:
        session = self.selected_session()
        return self._edit(session) if session else None

    def amend_selected(self) -> Session | None:
        session = self.selected_session()
        if session is None or not session.signed:
            return None
        return self._edit(session, amend=True)

    def _edit(self, session: Session | None, *, amend: bool = False) -> Session | None:
        if self._clinic is None or self._patient is None:
            return None
        editor = SessionEditor(self._clinic, self._patient, session, self._now(), parent=self,
                               scanner=self._scanner())
        if amend:
            editor.start_amending()
        side_effects: list[bool] = []
        editor.side_effects_changed.connect(lambda: side_effects.append(True))
        accepted = editor.exec() == SessionEditor.DialogCode.Accepted
        if not accepted and not side_effects:
            return None
        self.refresh()
        self.select_session(editor.saved_session.id if accepted else session.id)
        return editor.saved_session if accepted else None

    def sign_selected(self) -> bool:
        session = self.selected_session()
        if self._clinic is None or session is None or session.signed:
            return False
        actor = self._clinic.actor
        if not confirm_signature(self, session.details.performed_at,
                                 actor.name if actor else ""):
            return False
        try:
            self._clinic.sessions.sign(session.id, session.version)
        except (ConflictError, ValidationError, NotPermitted) as e:
            QMessageBox.warning(self, tr("Not signed"), str(e))
            return False
        self.refresh()
        self.select_session(session.id)
        return True

    def _open_item(self, item: QTreeWidgetItem) -> None:
        if item.data(0, SESSION_ROLE) is not None:
            self.open_selected()

    def record_consent(self) -> None:
        if self._clinic and self._patient and ConsentDialog(
                self._clinic, self._patient.id, self._now(), parent=self).exec():
            self.refresh()

    def new_course(self) -> None:
        if self._clinic and self._patient and CourseDialog(
                self._clinic, self._patient.id, self._now().date(), parent=self).exec():
            self.refresh()

    def _pause_or_resume(self) -> None:
        summary = self.selected_course()
        if summary:
            paused = summary.course.status is CourseStatus.PAUSED
            self._set_course_status(CourseStatus.ACTIVE if paused else CourseStatus.PAUSED)

    def _set_course_status(self, status: CourseStatus) -> None:
        summary = self.selected_course()
        if self._clinic is None or summary is None:
            return
        try:
            self._clinic.courses.set_status(summary.course.id, summary.course.version, status)
        except (ConflictError, NotPermitted) as e:
            QMessageBox.warning(self, tr("Not changed"), str(e))
        self.refresh()

    def _stop_course(self) -> None:
        summary = self.selected_course()
        if self._clinic and summary and StopCourseDialog(self._clinic, summary.course,
                                                         parent=self).exec():
            self.refresh()
