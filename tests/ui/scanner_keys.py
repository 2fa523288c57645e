"""A keyboard-wedge barcode scanner, typing key by key as a USB keyboard does.

The keys go to the window that has the keyboard and on, through the window, to
its focus widget, as the keyboard's events do; a capital comes with Shift
pressed around it, the group separator as the scanner is set to send it, and
the scan ends with its suffix key. Each key is stamped a few milliseconds
after the one before, as the keyboard driver stamps a scanner's keys: a test
machine busy with other tests delivers them late, as a busy desk would, and
the stamps still say they were typed by a scanner.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication

GS = "\x1d"
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
# the three ways scanners send the group separator
SEPARATORS = {
    "ctrl+]": (Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, GS),
    "gs": (Qt.Key.Key_unknown, NO_MODIFIER, GS),
    "f8": (Qt.Key.Key_F8, NO_MODIFIER, ""),
}
ENDINGS = {"enter": (Qt.Key.Key_Return, "\r"), "tab": (Qt.Key.Key_Tab, "\t")}


def keyboard_window():
    """The window the keyboard types into: an open question's (a desktop gives it the
    keyboard as it opens; the offscreen platform does not), else the focused one."""
    modal = QApplication.activeModalWidget()
    window = modal.windowHandle() if modal is not None else QGuiApplication.focusWindow()
    assert window is not None, "no window has the keyboard"
    return window


def scanner_types(text: str, separator: str = "ctrl+]", end: str | None = "enter",
                  key_ms: int = 4, stamped_from: int | None = None) -> int:
    """``text`` typed as a scanner types it, a key every ``key_ms``; ``end``: its suffix
    key (None for none); ``stamped_from``: the stamp of the key before (the rest of a
    scan the desk reads late). The stamp the next key would have."""
    window = keyboard_window()
    # the clock the listener reads for unstamped keys
    stamp = stamped_from if stamped_from is not None else int(time.monotonic() * 1000)

    def press(key: Qt.Key, modifiers: Qt.KeyboardModifier, typed: str) -> None:
        nonlocal stamp
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, modifiers, typed)
            event.setTimestamp(stamp)
            QApplication.sendEvent(window, event)
        stamp += key_ms

    def shift(kind: QEvent.Type, modifiers: Qt.KeyboardModifier) -> None:
        event = QKeyEvent(kind, Qt.Key.Key_Shift, modifiers, "")
        event.setTimestamp(stamp)
        QApplication.sendEvent(window, event)

    for character in text:
        if character == GS:
            key, modifiers, typed = SEPARATORS[separator]
        else:
            key, modifiers, typed = _key_of(character)
        if modifiers == SHIFT:
            shift(QEvent.Type.KeyPress, SHIFT)
        press(key, modifiers, typed)
        if modifiers == SHIFT:
            shift(QEvent.Type.KeyRelease, NO_MODIFIER)
    if end is not None:
        key, typed = ENDINGS[end]
        press(key, NO_MODIFIER, typed)
    return stamp


def _key_of(character: str) -> tuple[Qt.Key, Qt.KeyboardModifier, str]:
    code = ord(character.upper())
    key = Qt.Key(code) if code < 0x100 else Qt.Key.Key_unknown
    capital = character.isalpha() and character.isupper()
    return key, SHIFT if capital else NO_MODIFIER, character
