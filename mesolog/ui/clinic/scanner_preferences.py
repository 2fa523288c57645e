"""Preferences ▸ Scanner: how this desk's barcode scanner ends a scan, what it sends
between fields, the keyboard layout it types in, and a box to test it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from mesolog.domain.gs1 import (
    GROUP_SEPARATOR,
    KEYBOARD_LAYOUTS,
    SEPARATOR_SUBSTITUTES,
    BarcodeError,
    ScannerSetup,
    layout_hint,
    read_vial_barcode,
)
from mesolog.domain.translation import _ as gettext
from mesolog.ui.common import styles
from mesolog.ui.common.form_dialog import choose
from mesolog.ui.common.language import tr
from mesolog.ui.common.scanner import SCAN_ENDINGS, ScanListener, ScannerConfig


class ScannerBox(QGroupBox):
    """The scanner's settings, and what a test scan read with them (before they are saved)."""

    def __init__(self, config: ScannerConfig, window: QWidget):
        super().__init__(tr("Barcode scanner (this desk)"))
        self.ending = QComboBox()
        for key, name in SCAN_ENDINGS.items():
            self.ending.addItem(tr(name), key)
        self.separator = QComboBox()
        self.separator.addItem(tr("The group separator (GS, as GS1 sets it)"), "")
        for character in SEPARATOR_SUBSTITUTES:
            self.separator.addItem(tr("“{character}” instead of GS").format(
                character=character), character)
        self.layout_choice = QComboBox()
        self.layout_choice.addItem(tr("This keyboard's own layout"), "")
        for code, layout in KEYBOARD_LAYOUTS.items():
            self.layout_choice.addItem(tr("US, on a {layout} keyboard").format(
                layout=gettext(layout.name)), code)
        choose(self.ending, config.ending)
        choose(self.separator, config.setup.separator)
        choose(self.layout_choice, config.setup.layout)
        self.test_result = QLabel(tr("Scan any vial while this window is open: what the "
                                     "scanner sent, and what Mesolog reads in it, show here."))
        self.test_result.setWordWrap(True)
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # room for what a scan shows (what was sent, separators, what was read) without
        # the dialog changing size under the practitioner's eyes
        self.test_result.setMinimumHeight(self.test_result.fontMetrics().lineSpacing() * 7 + 12)
        self.test_result.setStyleSheet(styles.CALM)
        form = QFormLayout(self)
        form.addRow(tr("A scan &ends with"), self.ending)
        form.addRow(tr("Between &fields it sends"), self.separator)
        form.addRow(tr("It &types in"), self.layout_choice)
        form.addRow(tr("Test your scanner"), self.test_result)
        # the window's own scans are the test: read with the choices as they stand
        self.scans = ScanListener(window, self.config())
        self.scans.scanned.connect(self.show_test)
        self.scans.unfinished.connect(self._show_unfinished)
        for box in (self.ending, self.separator, self.layout_choice):
            box.currentIndexChanged.connect(self._follow_choices)

    def config(self) -> ScannerConfig:
        return ScannerConfig(ScannerSetup(self.separator.currentData(),
                                          self.layout_choice.currentData()),
                             self.ending.currentData())

    def _follow_choices(self) -> None:
        self.scans.config = self.config()

    def show_test(self, text: str) -> None:
        """What the scanner sent, and what Mesolog reads in it."""
        config = self.config()
        lines = [tr("Received %Ln character(s), ended by {key}:", "", len(text)).format(
                     key=self._ending_name(self.scans.last_ending)),
                 "<code>" + _escaped(text) + "</code>"]
        separators = text.count(GROUP_SEPARATOR) + (
            text.count(config.setup.separator) if config.setup.separator else 0)
        lines.append(tr("%Ln separator(s) between fields.", "", separators) if separators else
                     tr("No separator between fields: a lot or serial number followed by "
                        "another field will not read. Set the scanner to send the group "
                        "separator (GS), or a character chosen above."))
        try:
            scan = read_vial_barcode(text, config.setup)
        except BarcodeError as e:
            lines.append(f"<span style='{styles.ERROR}'>" + _escaped(str(e)) + "</span>")
        else:
            lines.append("<b>" + tr("Read: {fields}").format(fields=_escaped(scan.described()))
                         + "</b>")
            if scan.layout_fixed and not config.setup.layout:
                lines.append(_escaped(layout_hint(scan.layout_fixed)))
        self._show_result("<br>".join(lines))

    def _show_unfinished(self, text: str, ending: str) -> None:
        self._show_result(tr("The scanner sent <code>{text}</code>, ended by {key}, which is "
                             "not the key set above: choose it under “A scan ends with”.").format(
                                 text=_escaped(text), key=self._ending_name(ending)))

    def _show_result(self, html: str) -> None:
        self.test_result.setText(html)
        # a long message makes the box, and the dialog, taller rather than cut it off
        needed = self.test_result.heightForWidth(self.test_result.width())
        if needed > self.test_result.height():
            self.test_result.setMinimumHeight(needed)

    def _ending_name(self, ending: str) -> str:
        return tr(SCAN_ENDINGS[ending]) if ending else tr("a pause (no key)")


def _escaped(text: str) -> str:
    from html import escape

    return escape(text.replace(GROUP_SEPARATOR, "<GS>"))
