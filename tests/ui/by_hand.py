"""Typing as a person does, in windows that listen for a barcode scanner."""

from mesolog.ui.common.scanner import KEY_GAP_SECONDS

# a person's keys come this far apart (a quick typist's; a scanner's come within 10 ms)
PERSON_KEY_MS = round(KEY_GAP_SECONDS * 1000) + 20
# a person's pause after typing: keys that could begin a scan are then given back
PAUSE_MS = round(KEY_GAP_SECONDS * 1000) + 40


def type_by_hand(qtbot, widget, text: str) -> None:
    """``text`` typed into ``widget`` at a person's speed, then the pause a person makes
    before looking.

    A window that listens for a scanner holds keys that could begin a scan (digits, a
    "]") until it is clear a person typed them (ui/common/scanner.py): keys typed
    faster than anyone types would be a scanner's, and a test that looks at once would
    look before a person could.
    """
    qtbot.keyClicks(widget, text, delay=PERSON_KEY_MS)
    qtbot.wait(PAUSE_MS)
