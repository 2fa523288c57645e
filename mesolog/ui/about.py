"""Help ▸ About: the version, the open database, and what ships inside Mesolog with
each part's licence and where its source is."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mesolog import APP_NAME, __version__
from mesolog.ui.common.app_icon import app_icon
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from collections.abc import Callable

    from mesolog.shipped import Component
    from mesolog.store.database import Database


def about_text(database: Database | None) -> str:
    """The version, and the open database with the revision of its tables (what a
    support call asks first)."""
    if database is None or database.closed:
        where = tr("Database: none open")
    elif database.locked:  # encrypted, nobody logged in yet: nothing can be read
        where = tr("Database: {database} (locked)").format(database=escape(database.location))
    else:
        where = tr("Database: {database} (schema {revision})").format(
            database=escape(database.location), revision=database.schema_revision())
    return (f"<h3>{APP_NAME} {__version__}</h3><p>"
            + tr("A logbook for scalp mesotherapy: patients, treatment courses, injection "
                 "sessions, side effects and outcomes, kept on this computer.")
            + f"</p><p>{where}</p>")


def component_page(component: Component) -> str:
    """One shipped part as About shows it: what it is, its licence, where its source is,
    then its licence texts and notices word for word."""
    links = " ; ".join(f'<a href="{escape(url)}">{escape(url)}</a>'
                       for url in component.sources)
    try:
        notices = escape(component.notice_text())
    except OSError as e:  # a file of the installation deleted or unreadable
        notices = escape(tr("This licence text cannot be read ({reason}): reinstall "
                            "Mesolog to have it again.").format(reason=e))
    return (f"<h3>{escape(component.name)} {escape(component.version)}</h3>"
            f"<p>{escape(component.summary)}</p>"
            "<p>" + tr("Licence: {licence}").format(licence=escape(component.licence))
            + "<br>" + tr("Source: {where}").format(where=links or "—") + "</p>"
            # as written: licence texts come wrapped at 72 to 80 columns already
            f"<pre>{notices}</pre>")


class AboutDialog(QDialog):
    def __init__(self, database: Database | None, parent: QWidget | None = None,
                 shipped: Callable[[], list[Component]] | None = None):
        super().__init__(parent)
        if shipped is None:
            # read when About opens, not when the window's menus are built: the metadata
            # and requirement parsing cost 44 ms of imports
            from mesolog.shipped import components as shipped
        self.setWindowTitle(tr("About Mesolog"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(QSize(64, 64)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.summary = QLabel(about_text(database))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head = QHBoxLayout()
        head.addWidget(icon)
        head.addWidget(self.summary, 1)

        try:
            self.parts = shipped()
            listed = tr(
                "<b>Inside Mesolog</b> ({count} parts). Qt and PySide6 are used under the "
                "GNU Lesser General Public License version 3: they are separate libraries "
                "in Mesolog's folder, which you may replace with your own build of the "
                "same version; their source is at the addresses given with them.").format(
                    count=len(self.parts))
        except (OSError, ValueError, KeyError) as e:  # a damaged or partial installation
            self.parts = []
            listed = tr("The list of what ships inside Mesolog cannot be read ({reason}): "
                        "reinstall Mesolog to have it again.").format(reason=escape(str(e)))
        self.heading = heading = QLabel(listed)
        heading.setWordWrap(True)
        self.components = QListWidget()
        for part in self.parts:
            row = QListWidgetItem(f"{part.name} {part.version} — {part.licence}")
            row.setToolTip(part.summary)
            self.components.addItem(row)
        self.licence = QTextBrowser()
        self.licence.setOpenExternalLinks(True)
        self.components.currentRowChanged.connect(self._show)
        split = QSplitter()
        split.addWidget(self.components)
        split.addWidget(self.licence)
        split.setSizes([300, 660])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(heading)
        layout.addWidget(split, 1)
        layout.addWidget(buttons)
        self.resize(980, 620)
        # Qt first: the part whose licence asks the most of whoever passes Mesolog on
        qt = [row for row, part in enumerate(self.parts) if part.name == "Qt"]
        if self.parts:
            self.components.setCurrentRow(qt[0] if qt else 0)

    def _show(self, row: int) -> None:
        if 0 <= row < len(self.parts):
            self.licence.setHtml(component_page(self.parts[row]))


def show_about(parent: QWidget, database: Database | None) -> None:
    AboutDialog(database, parent).exec()
