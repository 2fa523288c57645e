"""Small form dialogs whose messages appear under their fields, and their inputs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, SignalInstance
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mesolog.domain.permissions import Action, Actor, NotPermitted
from mesolog.domain.validation import ConflictError, FieldError, ValidationError
from mesolog.ui.common.field_errors import FieldErrors
from mesolog.ui.common.language import day_pattern, tr
from mesolog.ui.common.permitted import permit


def combo(items: list[tuple[str, object]], current: object = None) -> QComboBox:
    """A combo box of (text, data) items, with ``current``'s item chosen if given."""
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    choose(box, current)
    return box


def stored_or_said(parent: QWidget, errors: FieldErrors, fallback: str,
                   store: Callable[[], object]) -> bool:
    """Run ``store``; if the service refuses, say why where it belongs and answer False:
    each wrong field's message at the field (``fallback`` for one no field shows), a
    conflict or a role that may not, as one warning (not a field's fault)."""
    errors.clear()
    try:
        store()
    except ValidationError as e:
        errors.show(e.errors, fallback=fallback)
        return False
    except (NotPermitted, ConflictError) as e:
        QMessageBox.warning(parent, tr("Not saved"), str(e))
        return False
    return True


def choose(box: QComboBox, data: object) -> None:
    """Choose the item holding ``data``; the first item when none does (or ``data`` is None)."""
    box.setCurrentIndex(max(0, box.findData(data)) if data is not None else 0)


class _TypedWhole:
    """A date typed whole after the field gets the cursor ("2027-06-30") lands whole:
    Qt's date fields otherwise type into whatever section the click left the cursor in,
    and the year silently stays what it was."""

    _fresh = False
    _advanced = False  # a full section moved the cursor on by itself

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)  # type: ignore[misc]
        self._fresh = True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if self._fresh and text.isdigit():
            self.setSelectedSection(self.sectionAt(0))  # type: ignore[attr-defined]
        self._fresh = False
        if self._advanced and text in "-./: " and text:
            self._advanced = False  # the separator typed after a full year or month
            return
        before = self.currentSection()  # type: ignore[attr-defined]
        super().keyPressEvent(event)  # type: ignore[misc]
        self._advanced = text.isdigit() and self.currentSection() != before  # type: ignore[attr-defined]


class DateField(_TypedWhole, QDateEdit):
    pass


class DateTimeField(_TypedWhole, QDateTimeEdit):
    pass


def date_edit(day: date) -> QDateEdit:
    edit = DateField(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(day_pattern())  # 27/11/2026 in French
    return edit


def edited_signal(field: QWidget) -> SignalInstance | None:
    """The signal a field sends when the person changes its value."""
    for kind, name in ((QLineEdit, "textChanged"), (QPlainTextEdit, "textChanged"),
                       (QComboBox, "currentIndexChanged"), (QDateTimeEdit, "dateTimeChanged"),
                       (QSpinBox, "valueChanged"), (QDoubleSpinBox, "valueChanged"),
                       (QAbstractButton, "toggled")):
        if isinstance(field, kind):
            return getattr(field, name)
    return None


def focus_first_field(dialog: QWidget, first: QWidget | None = None,
                      last: list[QWidget] | None = None) -> None:
    """Open ``dialog`` with the cursor in ``first`` (else the first field of its focus
    chain), and its ``last`` widgets (the buttons) at the end of the chain, so what the
    person types at once goes into the form and Space never submits it."""
    chain, widget = [], dialog.nextInFocusChain()
    while widget is not dialog and widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    moved = [w for w in last or [] if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    tail = [w for w in chain if w not in moved and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    if tail and moved:
        for before, after in zip([tail[-1], *moved], moved, strict=False):
            QWidget.setTabOrder(before, after)
    if first is None:
        first = next((w for w in tail if w.isVisibleTo(dialog) and w.isEnabled()
                      and not isinstance(w, QPushButton | QToolButton | QTabBar)), None)
    if first is not None:
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(first, QLineEdit):
            first.selectAll()


class OpensAtFirstField:
    """For a dialog (listed before QDialog among its bases): on its first showing, the
    cursor goes to ``first_field`` (else its first field) and ``buttons_last`` go to the
    end of the focus chain."""

    first_field: QWidget | None = None
    _focused = False

    def buttons_last(self) -> list[QWidget]:
        return []

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        if not self._focused:
            self._focused = True
            focus_first_field(self, self.first_field, self.buttons_last())  # type: ignore[arg-type]


class FormDialog(OpensAtFirstField, QDialog):
    """A form with Save/Cancel whose errors appear under their fields.

    It opens with the cursor in its first field; after a refused save, a message goes
    as soon as its field is right (per ``check``), the others stay until fixed.
    """

    def __init__(self, title: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setHorizontalSpacing(12)  # labels never run into their fields
        self.errors = FieldErrors()
        self._first_key: str | None = None  # where a message without a field goes
        self.first_field: QWidget | None = None  # where the cursor starts
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.buttons)

    def add_row(self, label: str, key: str, widget: QWidget) -> None:
        caption = QLabel(label)
        # its mnemonic reaches the field itself (the row holds the field and its message)
        focusable = [widget, *widget.findChildren(QWidget)]
        caption.setBuddy(next((w for w in focusable
                               if w.focusPolicy() & Qt.FocusPolicy.TabFocus), widget))
        caption.setContentsMargins(0, 0, 3, 0)  # no last letter cut at fractional scales
        self.form.addRow(caption, self.errors.under(key, widget))
        self._first_key = self._first_key or key
        signal = edited_signal(widget)
        if signal is not None:
            signal.connect(lambda *_: self._field_edited(key))

    def buttons_last(self) -> list[QWidget]:
        return self.buttons.buttons()

    def showEvent(self, event: QShowEvent) -> None:
        # wide enough for its title, its placeholders and labels at any font size
        metrics = self.fontMetrics()
        self.setMinimumWidth(max(self.minimumWidth(), metrics.averageCharWidth() * 62,
                                 metrics.horizontalAdvance(self.windowTitle()) + 160))
        super().showEvent(event)
        self.fit_height()

    def fit_height(self) -> None:
        """Tall enough for every wrapped line at the width it has: a window does not
        grow by itself when its labels wrap onto more lines (a wider minimum, a message
        under a field)."""
        needed = self.layout_.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def check(self) -> list[FieldError] | None:
        """What is wrong with the form as it stands, without storing anything; None when
        the form cannot tell, and then a message goes as soon as its field is edited."""
        return None

    def _field_edited(self, key: str) -> None:
        self.errors.withdraw_fixed([key], self.check)

    def _save(self) -> None:
        if stored_or_said(self, self.errors, self._first_key, self.store):
            self.accept()
        else:
            self.fit_height()

    def permit_saving(self, actor: Actor | None, action: Action) -> None:
        """A form the actor's role may not store opens read-only: Save is greyed, saying
        why (the service would refuse it anyway)."""
        permit(self.buttons.button(QDialogButtonBox.StandardButton.Save), actor, action)

    def store(self) -> None:
        """Store what the form holds; ValidationError names what is wrong."""
