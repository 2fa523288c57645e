"""Recording, signing and amending one injection session."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.clock import latest_not_later
from mesolog.domain.course import CourseStatus
from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.patient import Patient
from mesolog.domain.permissions import Action
from mesolog.domain.session import (
    DEPTH_MM,
    NEEDLE_GAUGES,
    NEEDLE_LENGTH_MM,
    Device,
    Session,
    SessionDetails,
    Technique,
    check_session,
)
from mesolog.domain.translation import day_text
from mesolog.domain.validation import problems_of
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.form_dialog import (
    DateTimeField,
    OpensAtFirstField,
    choose,
    combo,
    stored_or_said,
)
from mesolog.ui.common.language import day_pattern, tr
from mesolog.ui.common.permitted import allows, permit
from mesolog.ui.common.prompts import Unsaved, ask_about_unsaved, confirm_signature
from mesolog.ui.common.scanner import ScanListener, ScannerConfig
from mesolog.ui.injection_map.map_editor import InjectionMapEditor
from mesolog.ui.treatment.session_banners import SessionBanners, amendments_html
from mesolog.ui.treatment.session_products import SessionProducts
from mesolog.ui.treatment.session_side_effects import SessionSideEffects

if TYPE_CHECKING:
    from mesolog.services.clinic import Clinic


class SessionEditor(OpensAtFirstField, QDialog):
    # side effects recorded or changed from here are stored at once, whatever the
    # editor's own answer (Close on a signed session), so the lists behind it follow
    side_effects_changed = Signal()
    """A new session for ``patient``, or an existing one (read-only once signed)."""

    def __init__(self, clinic: Clinic, patient: Patient, session: Session | None,
                 now: datetime, practitioner_id: int | None = None,
                 parent: QWidget | None = None, scanner: ScannerConfig | None = None):
        super().__init__(parent)
        self._clinic = clinic
        self._patient = patient
        self._session = session
        self._now = now
        self._amending = False
        self._dirty = False
        self.saved_session: Session | None = None
        name = patient.details.full_name
        self.setWindowTitle(tr("Session — {name} ({chart_no})").format(
            name=name, chart_no=patient.details.chart_no))

        self.banners = SessionBanners()
        self.alerts = self.banners.alerts
        self.consent_warning = self.banners.consent_warning
        self.signed_banner = self.banners.signed_banner

        self.performed_at = DateTimeField()
        self.performed_at.setDisplayFormat(f"{day_pattern()} HH:mm")
        self.performed_at.setCalendarPopup(True)
        # in the repeated autumn hour, up to its end: those times are not in the future
        self.performed_at.setMaximumDateTime(QDateTime(latest_not_later(now)).addSecs(59))
        if patient.details.date_of_birth:
            self.performed_at.setMinimumDate(QDate(patient.details.date_of_birth))
        people = [p for p in clinic.practitioners.active() if p.role.can_sign]
        self.practitioner = combo([(tr("— choose —"), None)] + [(p.name, p.id) for p in people])
        courses = [s.course for s in clinic.courses.for_patient(patient.id)
                   if s.course.status in (CourseStatus.ACTIVE, CourseStatus.PAUSED)
                   or (session and s.course.id == session.details.course_id)]
        self.course = combo([(tr("— no course —"), None)] + [
            (tr("{protocol} (from {day})").format(protocol=c.details.protocol,
                                                  day=day_text(c.details.start_date)), c.id)
            for c in courses])
        self.technique = combo([(tr("— choose —"), None)]
                               + [(t.label, t.value) for t in Technique])
        self.device = combo([(tr("— choose —"), None)] + [(d.label, d.value) for d in Device])
        self.needle_gauge = QSpinBox()
        self.needle_gauge.setRange(NEEDLE_GAUGES.start, NEEDLE_GAUGES.stop - 1)
        self.needle_gauge.setSuffix(tr(" G"))
        self.needle_length = QDoubleSpinBox()
        self.needle_length.setRange(*NEEDLE_LENGTH_MM)
        self.needle_length.setSuffix(tr(" mm"))
        self.needle_length.setDecimals(1)
        self.depth = QDoubleSpinBox()
        self.depth.setRange(*DEPTH_MM)
        self.depth.setSingleStep(0.5)
        self.depth.setDecimals(1)
        self.depth.setSuffix(tr(" mm"))
        for box in (self.practitioner, self.course, self.technique, self.device):
            # long course names must not widen the form past the map beside it
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
        self.pain = QSpinBox()
        self.pain.setRange(-1, 10)
        self.pain.setSpecialValueText(tr("not asked"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(80)
        self.products = SessionProducts(clinic, patient.id, scanner)
        # a vial scanned anywhere in the editor, or over a question it asks, is a vial
        self.scans = ScanListener(self, scanner or ScannerConfig())
        self.scans.scanned.connect(self.products.take_scan)
        self.map = InjectionMapEditor(self.products.catalogue, self._previous_map)
        # one source of truth: a mapped lot's volume is the sum of its points
        self.map.volumes_changed.connect(self.products.set_mapped)
        self.products.changed.connect(lambda: self.map.set_lots(self.products.lots()))

        self.errors = FieldErrors()
        form = QFormLayout()
        needle = QHBoxLayout()
        needle.addWidget(self.needle_gauge)
        needle.addWidget(self.needle_length)
        for label, key, widget in (
            (tr("&Date and time"), "performed_at", self.performed_at),
            (tr("Performed &by"), "practitioner_id", self.practitioner),
            (tr("C&ourse"), "course_id", self.course),
            (tr("&Technique"), "technique", self.technique),
            (tr("De&vice"), "device", self.device),
            (tr("&Needle"), "needle_gauge", needle),
            (tr("Default de&pth"), "depth_mm", self.depth),
            (tr("Pa&in (0–10)"), "pain_score", self.pain),
            (tr("N&otes"), "notes", self.notes),
        ):
            form.addRow(label, self.errors.under(key, widget))
        self.errors.alias("needle_length_mm", "needle_gauge")
        products_box = QGroupBox(tr("Products and lots"))
        products_layout = QVBoxLayout(products_box)
        products_layout.addWidget(self.products)
        products_layout.addWidget(self.errors.label("products"))

        self.amend_box = QGroupBox(tr("Amendment"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(tr("Why the signed session is changed"))
        actor = clinic.actor
        # an amendment is its author's own: whoever is logged in
        self.author = QLabel(actor.name if actor is not None else "")
        amend_form = QFormLayout(self.amend_box)
        amend_form.addRow(tr("&Reason"), self.errors.under("reason", self.reason))
        amend_form.addRow(tr("&Amended by"), self.errors.under("author", self.author))
        self.amend_box.hide()
        self.history = QLabel()
        self.history.setWordWrap(True)
        self.side_effects_box = SessionSideEffects(clinic, now)
        effects = self.side_effects_box  # its parts, named as the editor's own
        self.side_effects, self.side_effects_hint = effects.list, effects.hint
        self.record_event_button = effects.record_button
        self.none_observed_button = effects.none_observed_button
        effects.changed.connect(self.side_effects_changed)

        self.save_button = QPushButton(tr("&Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.sign_button = QPushButton(tr("Save and S&ign"))
        self.amend_button = QPushButton(tr("&Amend…"))
        self.close_button = QPushButton(tr("Close"))
        buttons = QHBoxLayout()
        # side effects are recorded from the bottom row, never scrolled out of reach
        buttons.addWidget(self.record_event_button)
        buttons.addWidget(self.none_observed_button)
        buttons.addStretch(1)
        for button in (self.amend_button, self.close_button, self.sign_button, self.save_button):
            buttons.addWidget(button)
        self.save_button.setDefault(True)

        map_box = QGroupBox(tr("Injection map"))
        map_layout = QVBoxLayout(map_box)
        map_layout.addWidget(self.map, 1)
        map_layout.addWidget(self.errors.label("injection_map"))
        # the record on the left scrolls; the map on the right takes what room there is
        record = QWidget()
        left = QVBoxLayout(record)
        left.addLayout(form)
        left.addWidget(products_box)
        left.addWidget(self.amend_box)
        left.addWidget(self.side_effects_box)
        left.addWidget(self.history)
        left.addStretch(1)
        record_scroll = QScrollArea()
        record_scroll.setWidget(record)
        record_scroll.setWidgetResizable(True)
        record_scroll.setMinimumWidth(380)
        self.splitter = QSplitter()
        self.splitter.addWidget(record_scroll)
        self.splitter.addWidget(map_box)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([520, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(self.banners)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        self._fit_to_screen()

        self.banners.show_patient(clinic, patient, new_session=session is None)
        # a new session is, by default, the logged-in practitioner's
        self._load(session, practitioner_id
                   or (actor.id if actor is not None and actor.is_person else None))
        effects.show_for(session)
        self.save_button.clicked.connect(lambda: self.save(sign=False))
        self.sign_button.clicked.connect(lambda: self.save(sign=True))
        self.amend_button.clicked.connect(self.start_amending)
        self.close_button.clicked.connect(self.close)
        self.performed_at.dateTimeChanged.connect(
            lambda dt: self.products.set_session_day(dt.toPython().date()))
        for widget in (self.practitioner, self.course, self.technique, self.device):
            widget.currentIndexChanged.connect(self._edited)
        for spin in (self.needle_gauge, self.needle_length, self.depth, self.pain):
            spin.valueChanged.connect(self._edited)
        self.performed_at.dateTimeChanged.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.products.changed.connect(self._edited)
        self.map.edited.connect(self._edited)
        self.depth.valueChanged.connect(self.map.set_default_depth)

    # -- building --------------------------------------------------------

    def _fit_to_screen(self) -> None:
        screen = self.screen().availableGeometry()
        self.resize(min(1440, int(screen.width() * 0.95)), min(900, int(screen.height() * 0.9)))

    def _previous_map(self) -> tuple[datetime, tuple[InjectionPoint, ...]]:
        when = self.performed_at.dateTime().toPython()
        return self._clinic.sessions.previous_map(
            self._patient.id, when, excluding=self._session.id if self._session else None)

    def _load(self, session: Session | None, practitioner_id: int | None) -> None:
        d = session.details if session else SessionDetails(practitioner_id=practitioner_id)
        when = d.performed_at or self._now.replace(second=0, microsecond=0)
        self.performed_at.setDateTime(QDateTime(when))
        self.products.set_session_day(when.date())
        choose(self.practitioner, d.practitioner_id)
        choose(self.course, d.course_id)
        choose(self.technique, d.technique.value if d.technique else None)
        choose(self.device, d.device.value if d.device else None)
        self.needle_gauge.setValue(d.needle_gauge or 30)
        self.needle_length.setValue(d.needle_length_mm or 4.0)
        self.depth.setValue(d.depth_mm if d.depth_mm is not None else 1.5)
        self.pain.setValue(-1 if d.pain_score is None else d.pain_score)
        self.notes.setPlainText(d.notes)
        if session is None:
            self._select_active_course()
        self.products.load(session.used if session else ())
        self.map.set_lots(self.products.lots())
        self.map.set_default_depth(self.depth.value())
        self.map.load(d.points)
        self._show_signature(session)
        self._dirty = False

    def _select_active_course(self) -> None:
        if self.course.count() == 2:  # one open course: that is the one
            self.course.setCurrentIndex(1)

    def _show_signature(self, session: Session | None) -> None:
        signed = session is not None and session.signed
        self.banners.show_signed(session)
        actor = self._clinic.actor
        may_change = allows(actor, Action.SESSION_AMEND if signed else
                            Action.SESSION_UPDATE if session else Action.SESSION_RECORD)
        self._set_editable((not signed or self._amending) and may_change, tr(
            "This session is signed: amend it to add a vial.") if may_change else tr(
            "Your account may read this session but not change it: the vial is not added."))
        self.amend_button.setVisible(signed and not self._amending)
        permit(self.amend_button, actor, Action.SESSION_AMEND)
        self.sign_button.setVisible(not signed)
        permit(self.sign_button, actor, Action.SESSION_SIGN, may_change)
        self.save_button.setVisible(not signed or self._amending)
        self.save_button.setEnabled(may_change)
        self.save_button.setText(tr("&Save Amendment") if self._amending else tr("&Save"))
        self.history.setText(amendments_html(session))
        self.history.setVisible(bool(session and session.amendments))

    def _set_editable(self, editable: bool, closed_because: str = "") -> None:
        for widget in (self.performed_at, self.practitioner, self.course, self.technique,
                       self.device, self.needle_gauge, self.needle_length, self.depth,
                       self.pain):
            widget.setEnabled(editable)
        self.notes.setReadOnly(not editable)
        self.products.set_editable(editable, closed_because)
        self.map.set_editable(editable)

    # -- editing ---------------------------------------------------------

    def _edited(self, *_args: object) -> None:
        self._dirty = True
        self._drop_fixed_messages()

    def _drop_fixed_messages(self) -> None:
        """A message goes as soon as its field is right (as the domain sees it)."""
        self.errors.withdraw_fixed(_CHECKED_FIELDS, lambda: problems_of(
            check_session, self.details(), self._now))

    def is_dirty(self) -> bool:
        return self._dirty

    def _confirm_signature(self, details: SessionDetails) -> bool:
        """Save and Sign asks as Session ▸ Sign Session does: a signature is not undone."""
        actor = self._clinic.actor
        return confirm_signature(self, details.performed_at, actor.name if actor else "")

    def start_amending(self) -> None:
        self._amending = True
        self.amend_box.show()
        self._show_signature(self._session)
        self.reason.setFocus()

    def details(self) -> SessionDetails:
        pain = self.pain.value()
        return SessionDetails(
            performed_at=self.performed_at.dateTime().toPython().replace(second=0,
                                                                         microsecond=0),
            practitioner_id=self.practitioner.currentData(),
            course_id=self.course.currentData(),
            technique=Technique(self.technique.currentData())
            if self.technique.currentData() else None,
            device=Device(self.device.currentData()) if self.device.currentData() else None,
            needle_gauge=self.needle_gauge.value(),
            needle_length_mm=round(self.needle_length.value(), 1),
            depth_mm=round(self.depth.value(), 1),
            pain_score=None if pain < 0 else pain,
            notes=self.notes.toPlainText(),
            products=self.products.uses(),
            points=self.map.points(),
        )

    def save(self, *, sign: bool) -> bool:
        """Store the session (signed, when asked); False with messages at the fields."""
        details = self.details()
        sessions = self._clinic.sessions
        # the one logged in signs, always
        if sign and not self._confirm_signature(details):
            return False

        def store() -> None:
            if self._session is None:
                self.saved_session = sessions.create(self._patient.id, details, sign=sign)
            elif self._amending:
                self.saved_session = sessions.amend(self._session.id, self._session.version,
                                                    details, self.reason.text())
            else:
                self.saved_session = sessions.update(self._session.id, self._session.version,
                                                     details, sign=sign)
        if not stored_or_said(self, self.errors, "products", store):
            return False
        self._dirty = False
        self.accept()
        return True

    def error_text(self, key: str) -> str:
        return self.errors.text(key)

    def showEvent(self, event: QShowEvent) -> None:
        if self.performed_at.isEnabled():
            self.first_field = self.performed_at
        super().showEvent(event)

    def buttons_last(self) -> list[QWidget]:
        return [self.amend_button, self.close_button, self.sign_button, self.save_button]

    def reject(self) -> None:  # Escape and the window's close button
        if self._dirty:
            answer = ask_about_unsaved(self, tr("This session"))
            if answer is Unsaved.CANCEL:
                return
            if answer is Unsaved.SAVE:
                self.save(sign=False)
                return
        super().reject()


# the fields whose messages the domain's session check can withdraw as they are fixed
_CHECKED_FIELDS = ("performed_at", "practitioner_id", "technique", "device", "needle_gauge",
                   "depth_mm", "pain_score", "notes", "products", "injection_map")
