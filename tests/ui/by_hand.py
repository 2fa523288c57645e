"""Typing as a person does, in windows that listen for a barcode scanner."""

from mesolog.ui.common.scanner import KEY_GAP_SECONDS

# a person's pause after typing: keys that could begin a scan are then given back
PAUSE_MS = round(KEY_GAP_SECONDS * 1000) + 40


def type_by_hand(qtbot, widget, text: str) -> None:
    """``text`` typed into ``widget``, then the pause a person makes before looking.

    A window that listens for a scanner holds keys that could begin a scan (digits, a
    "]") until the typing pauses (ui/common/scanner.py); a test that looks at once
    would look before a person could.
    """
    qtbot.keyClicks(widget, text)
    qtbot.wait(PAUSE_MS)
