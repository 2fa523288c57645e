"""Questions the window asks before it would lose work."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from mesolog.domain.translation import moment_text
from mesolog.ui.common.language import tr


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_about_unsaved(parent: QWidget, what: str) -> Unsaved:
    """Save, discard or cancel: the practitioner decides what happens to edits.

    ``what`` starts the sentence: "The chart of Öztürk, Zeynep", "This session".
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Unsaved changes"))
    box.setText(tr("{what} has changes that are not saved.").format(what=what))
    box.setInformativeText(tr("Save them before you go on?"))
    box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                           | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return Unsaved.SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return Unsaved.DISCARD
    return Unsaved.CANCEL


def confirm_signature(parent: QWidget, performed_at: datetime | None, signer: str) -> bool:
    """Before a signature, which is never undone: the same question from the editor's Save
    and Sign and from Session ▸ Sign Session. Yes is the default."""
    when = moment_text(performed_at) if performed_at else tr("this day")
    return QMessageBox.question(
        parent, tr("Sign session"),
        tr("Sign the session of {when} as {signer}?\n\nA signed session is read-only; later "
           "changes are amendments with a reason.").format(when=when, signer=signer),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes) == QMessageBox.StandardButton.Yes
