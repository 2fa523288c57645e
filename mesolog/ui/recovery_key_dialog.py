"""The clinic's recovery key, shown to an administrator until they confirm copying it."""

from __future__ import annotations

import html
import secrets
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from mesolog.domain.validation import FieldError, ValidationError
from mesolog.ui.common.form_dialog import FormDialog
from mesolog.ui.common.language import QT_TR_NOOP, tr

if TYPE_CHECKING:
    from mesolog.services.accounts import AccountService
    from mesolog.store.keys import RecoveryKey

ASKED_BACK = 2  # groups typed back: enough to show it was copied, few enough to do it

_WHY = QT_TR_NOOP("This is the clinic's <b>recovery key</b>. The records are encrypted: a password "
        "opens them, and if every password is lost, this key alone does "
        "(<code>mesolog recover</code>). Print it or write it down and keep it locked "
        "away from this computer: with it and a copy of the database, anyone reads every "
        "record. Without it, records whose passwords are all forgotten cannot be read by "
        "anyone, Mesolog's makers included.")


def groups_html(recovery: RecoveryKey) -> str:
    """The key's groups, numbered, in two rows of four."""
    cells = [f"<td style='padding: 4px 10px'><small>{i}</small>&nbsp;<b>{html.escape(g)}</b>"
             "</td>" for i, g in enumerate(recovery.groups, start=1)]
    half = len(cells) // 2
    return (f"<table style='font-family: monospace; font-size: 16pt'><tr>{''.join(cells[:half])}"
            f"</tr><tr>{''.join(cells[half:])}</tr></table>")


class RecoveryKeyDialog(FormDialog):
    """The key in groups, Print…, and a few groups typed back; *Copied* tells the
    service, which then forgets the key (nobody can be shown it again). *Later* leaves
    it to be shown at an administrator's next login."""

    def __init__(self, accounts: AccountService, recovery: RecoveryKey,
                 parent: QWidget | None = None):
        super().__init__(tr("Recovery key — write it down"), parent)
        self._accounts, self._recovery = accounts, recovery
        why = QLabel(tr(_WHY))
        why.setWordWrap(True)
        self.form.addRow(why)
        self.key_label = QLabel(groups_html(recovery))
        self.key_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.form.addRow(self.key_label)
        self.asked = tuple(sorted(secrets.SystemRandom().sample(
            range(len(recovery.groups)), ASKED_BACK)))
        first, second = (i + 1 for i in self.asked)
        ask = QLabel(tr("To be sure it was copied, type groups {first} and {second} from "
                        "your copy:").format(first=first, second=second))
        ask.setWordWrap(True)
        self.form.addRow(ask)
        self.typed: list[QLineEdit] = []
        for index in self.asked:
            edit = QLineEdit()
            edit.setMaxLength(12)
            edit.setFont(QFont("monospace"))
            self.add_row(tr("Group &{number}").format(number=index + 1), f"group{index}", edit)
            self.typed.append(edit)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(tr("Copied"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Later"))
        self.print_button = self.buttons.addButton(tr("Print…"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self._print)
        self.setMinimumWidth(560)

    def check(self) -> list[FieldError]:
        return [FieldError(f"group{index}", tr("This is not group {number}; check each "
                                               "letter of your copy.").format(number=index + 1))
                for index, edit in zip(self.asked, self.typed, strict=True)
                if not self._recovery.group_matches(index, edit.text())]

    def store(self) -> None:
        if problems := self.check():
            raise ValidationError(problems)
        self._accounts.recovery_key_copied()

    def document(self) -> QTextDocument:
        """The page printed: what the key is for, and the key."""
        page = QTextDocument()
        page.setHtml("<h2>" + tr("Mesolog recovery key") + f"</h2><p>{tr(_WHY)}</p>"
                     + groups_html(self._recovery) + "<p>"
                     + tr("Keep this page locked away, apart from the computer.") + "</p>")
        return page

    def print_on(self, printer: QPrinter) -> None:
        self.document().print_(printer)

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            self.print_on(printer)
