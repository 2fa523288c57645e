"""The line across the top of the window while the server cannot be reached: said
once, in words, where every desk looks, instead of a dialog for each read that fails;
gone again once the server answers."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from mesolog.ui.common import styles
from mesolog.ui.common.change_notices import RECONNECT_MS
from mesolog.ui.common.language import tr


class ConnectionBanner(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("connection_banner")
        self.setWordWrap(True)
        self.setStyleSheet(styles.WARNING)
        self.hide()

    def follow(self, reachable: bool, why: str) -> None:
        """Shown while the server cannot be reached (``why`` in its tooltip)."""
        self.setVisible(not reachable)
        if reachable:
            return
        self.setText(tr("<b>Not connected to the server.</b> Mesolog tries again every "
                        "{seconds} seconds. What you type stays in the window: save it once "
                        "connected.").format(seconds=RECONNECT_MS // 1000))
        self.setToolTip(why)
