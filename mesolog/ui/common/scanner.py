"""Hearing a USB barcode scanner, which types a vial's code like a very fast keyboard.

A keyboard-wedge scanner types the code key by key into whatever has focus,
then its suffix key (Enter or Tab). ``ScanListener`` hears such a burst
anywhere in its window and the questions open over it: keys that can begin a
GS1 scan are held back until it is clear whether a scanner or a person typed
them; a scan is handed on whole (the group separator kept however the
scanner sent it) and never reaches the field, button or question that had
focus; anything else is given back to its field as typed.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from mesolog.domain.gs1 import (
    GROUP_SEPARATOR,
    KEYBOARD_LAYOUTS,
    SEPARATOR_SUBSTITUTES,
    ScannerSetup,
    could_be_scan,
    looks_like_scan,
)
from mesolog.ui.common import settings as opt
from mesolog.ui.common.language import QT_TR_NOOP
from mesolog.ui.common.settings import Settings

# A scanner types a key every few milliseconds, a person every 100 or more:
# keys further apart than this are a person's.
KEY_GAP_SECONDS = 0.06
# How long keys plainly a scan wait for their suffix key before they are given back:
# a desk busy for a moment reads the rest of a scan late, and no person types a scan.
SCAN_PATIENCE_SECONDS = 0.5
# The key a scanner ends a scan with, as Preferences offer it: "" waits for the pause.
SCAN_ENDINGS = {
    "enter tab": QT_TR_NOOP("Enter or Tab"),
    "enter": QT_TR_NOOP("Enter"),
    "tab": QT_TR_NOOP("Tab"),
    "": QT_TR_NOOP("No key: the scan ends when the keys stop"),
}
_SCOPE = "mesolog_scan_scope"
_HEARD = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.ShortcutOverride}
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta,
                  Qt.Key.Key_AltGr, Qt.Key.Key_CapsLock, Qt.Key.Key_NumLock}
# The key that, with Ctrl, sends the group separator: "]" on a US keyboard, and
# where that key is on the layouts a US-set scanner may type on.
_SEPARATOR_KEYS = {ord("]")} | {ord(layout.separator_key) for layout in KEYBOARD_LAYOUTS.values()}


@dataclass(frozen=True)
class ScannerConfig:
    """The desk's scanner as Preferences describe it."""

    setup: ScannerSetup = field(default_factory=ScannerSetup)
    ending: str = "enter tab"  # a key of SCAN_ENDINGS

    def ends_with(self, key: str) -> bool:
        return key in self.ending.split()


def scanner_config(settings: Settings) -> ScannerConfig:
    """The scanner settings; a value no longer offered falls back to the default."""
    separator = settings.get(opt.SCANNER_SEPARATOR)
    layout = settings.get(opt.SCANNER_LAYOUT)
    ending = settings.get(opt.SCANNER_ENDING)
    return ScannerConfig(
        ScannerSetup(separator if separator in SEPARATOR_SUBSTITUTES else "",
                     layout if layout in KEYBOARD_LAYOUTS else ""),
        ending if ending in SCAN_ENDINGS else opt.SCANNER_ENDING.default)


def save_scanner_config(settings: Settings, config: ScannerConfig) -> None:
    settings.set(opt.SCANNER_SEPARATOR, config.setup.separator)
    settings.set(opt.SCANNER_LAYOUT, config.setup.layout)
    settings.set(opt.SCANNER_ENDING, config.ending)


@dataclass
class _HeldKey:
    receiver: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str

    def replay(self) -> None:
        if shiboken6.isValid(self.receiver):
            QCoreApplication.sendEvent(self.receiver, QKeyEvent(
                QEvent.Type.KeyPress, self.key, self.modifiers, self.text))


class ScanListener(QObject):
    """Emits ``scanned`` with the text of each scan typed into ``scope``'s window.

    ``scope`` is a window (a dialog or the main window); questions and dialogs
    opened over it belong to it unless they listen for scans themselves. A
    scan that arrives while a question is open over the window waits until it
    is closed: it is never taken as the answer.
    """

    # False while the listener is made, and once its window takes it down with it (its
    # attributes go before Qt stops handing it the application's events)
    _alive = False
    scanned = Signal(str)
    # a burst a scanner typed that did not end as set: its text and the key that
    # ended it ("" for none); the keys went to their field (Preferences show it)
    unfinished = Signal(str, str)

    def __init__(self, scope: QWidget, config: ScannerConfig):
        super().__init__(scope)
        self._scope = scope
        self.config = config
        scope.setProperty(_SCOPE, True)
        self._held: list[_HeldKey] = []
        self._text = ""
        self._scanning = False  # the held keys are long enough and shaped like a scan
        self._last = 0.0
        self._passed: tuple[QWidget, int, str] | None = None
        self._replaying = False
        self._waiting: list[str] = []
        self.last_ending = ""  # the key that ended the last scan ("" for the pause)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(round(KEY_GAP_SECONDS * 1000))
        self._pause.timeout.connect(self._paused)
        self._question_closed = QTimer(self)
        self._question_closed.setInterval(100)
        self._question_closed.timeout.connect(self._hand_on_waiting)
        self._alive = True
        # biip (60 ms to load) is loaded at the first key that could begin a scan: keys
        # read late meanwhile keep their own timestamps, so a scan is not parted by it
        QApplication.instance().installEventFilter(self)

    @property
    def waiting(self) -> int:
        """Scans that arrived while a question was open, handed on when it closes."""
        return len(self._waiting)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _HEARD or not self._alive:
            return False
        if self._held and (kind == QEvent.Type.MouseButtonPress or (
                kind == QEvent.Type.ShortcutOverride and _is_shortcut(event))):
            self._give_back()  # what was typed lands before the click or shortcut acts on it
            return False
        if (kind != QEvent.Type.KeyPress or self._replaying
                or not isinstance(watched, QWidget) or not self._hears(watched)):
            return False
        if self._passed_on_from(watched, event):
            return False
        return self._key(watched, event)

    # -- which keys are a scan ---------------------------------------------------

    def _key(self, receiver: QWidget, event: QKeyEvent) -> bool:
        """True when the key is taken (held, or part of a scan); False to let it through."""
        # when the key was pressed, as the keyboard's driver stamped it: a key waiting
        # while Mesolog was busy is still as close to the one before as it was typed
        now = event.timestamp() / 1000 if event.timestamp() else time.monotonic()
        if self._held and not 0 <= now - self._last <= KEY_GAP_SECONDS:
            self._give_back()  # a person's keys: too far apart (or from another clock)
        if event.isAutoRepeat():  # a key held down: a person's
            self._give_back()
            return self._let_through(receiver, event)
        ending = _ending(event)
        if ending:
            if self._held and self.config.ends_with(ending) and self._scanning:
                self._take(ending)
                return True
            self._give_back(ending)
            return self._let_through(receiver, event)
        character = _character(event)
        if character is None:
            if event.key() in _MODIFIER_KEYS:  # a scanner presses Shift for capitals
                return False
            self._give_back()
            return self._let_through(receiver, event)
        # once the keys are plainly a scan, whatever else the scanner types is part of it
        # (a separator substitute not chosen yet): the reading then says what is wrong
        if not self._scanning and not could_be_scan(self._text + character, self.config.setup):
            self._give_back()
            if not could_be_scan(character, self.config.setup):
                return self._let_through(receiver, event)
        self._held.append(_HeldKey(receiver, event.key(), event.modifiers(), event.text()))
        self._text += character
        self._scanning = self._scanning or looks_like_scan(self._text, self.config.setup)
        self._last = now
        self._pause.start(round(KEY_GAP_SECONDS * 1000))
        return True

    def _paused(self) -> None:
        if not self.config.ending and self._scanning:
            self._take("")
        elif self._scanning and self._pause.interval() < SCAN_PATIENCE_SECONDS * 1000:
            self._pause.start(round(SCAN_PATIENCE_SECONDS * 1000))  # the rest may be late
        else:
            self._give_back("")

    def _take(self, ending: str) -> None:
        text = self._text
        self.last_ending = ending
        self._held, self._text, self._scanning = [], "", False
        self._pause.stop()
        if self._question_open():
            self._waiting.append(text)
            self._question_closed.start()
        else:
            self.scanned.emit(text)

    def _give_back(self, ending: str | None = None) -> None:
        """The held keys were typed by a person, or by a scanner that did not end its scan
        as set (``ending``: the key that ended the burst): they go to their fields, in order."""
        held, scanning = self._held, self._scanning
        text, self._held, self._text, self._scanning = self._text, [], "", False
        self._pause.stop()
        self._replaying = True
        try:
            for key in held:
                key.replay()
        finally:
            self._replaying = False
        if ending is not None and scanning:
            self.unfinished.emit(text, ending)

    # -- where the keys go -------------------------------------------------------

    def _hears(self, widget: QWidget) -> bool:
        """Whether ``widget`` is in this window or a question over it (not another listener's)."""
        if not self._scope.isVisible():
            return False
        window = widget.window()
        while window is not None:
            if window is self._scope:
                return True
            if window.property(_SCOPE):
                return False
            parent = window.parentWidget()
            window = parent.window() if parent is not None else None
        return False

    def _let_through(self, receiver: QWidget, event: QKeyEvent) -> bool:
        self._passed = (receiver, event.key(), event.text())
        return False

    def _passed_on_from(self, widget: QWidget, event: QKeyEvent) -> bool:
        """Whether this is a key let through, now offered to the parent of a field that
        did not want it (Qt hands a key up the parents; it is still the same key)."""
        if self._passed is None:
            return False
        receiver, key, text = self._passed
        return (shiboken6.isValid(receiver) and widget is not receiver
                and widget.isAncestorOf(receiver)  # (Qt counts a widget its own ancestor)
                and (event.key(), event.text()) == (key, text))

    def _question_open(self) -> bool:
        modal = QApplication.activeModalWidget()
        return modal is not None and modal is not self._scope

    def _hand_on_waiting(self) -> None:
        if self._question_open() or not shiboken6.isValid(self._scope):
            return
        if self._waiting:
            self.scanned.emit(self._waiting.pop(0))
        if not self._waiting:
            self._question_closed.stop()


def not_for_scans(window: QWidget) -> None:
    """Keys typed in ``window`` are never taken for a scan (passwords, the lock screen):
    the window of a listener that ``window`` opens over does not hear them."""
    window.setProperty(_SCOPE, True)


def _is_shortcut(event: QKeyEvent) -> bool:
    """A key with Ctrl or Alt that is not the group separator: it may be a shortcut
    (Ctrl+S saves), which Qt runs before the key itself arrives."""
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    return bool(event.modifiers() & modifiers) and not is_group_separator(event)


def _ending(event: QKeyEvent) -> str:
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return ""
    if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return "enter"
    return "tab" if event.key() == Qt.Key.Key_Tab else ""


def is_group_separator(event: QKeyEvent) -> bool:
    """The group separator however it is sent: F8, a bare GS, or Ctrl with the key
    where a US keyboard has "]"."""
    return (event.key() == Qt.Key.Key_F8 or event.text() == GROUP_SEPARATOR
            or (bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
                and event.key() in _SEPARATOR_KEYS))


def _character(event: QKeyEvent) -> str | None:
    """The character a key adds to a scan: the group separator however it is sent."""
    if is_group_separator(event):
        return GROUP_SEPARATOR
    if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.MetaModifier):
        return None
    text = event.text()
    return text if len(text) == 1 and text.isprintable() else None
