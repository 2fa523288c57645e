"""The clinic-wide lists beside the main window (due and overdue, open side effects):
each made once per database, brought up again when asked for, following every change
through the window's change notices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from mesolog.ui.main_window import MainWindow


class ClinicLists:
    def __init__(self, window: MainWindow):
        self._window = window
        self.due: QWidget | None = None
        self.open_events: QWidget | None = None
        self.practice_outcomes: QWidget | None = None

    def close(self) -> None:
        """The window let go of the database these lists show."""
        for shown in (self.due, self.open_events, self.practice_outcomes):
            if shown is not None:
                shown.close()
                shown.deleteLater()
        self.due = self.open_events = self.practice_outcomes = None

    def show_practice_outcomes(self) -> None:
        """Outcomes across the practice: computed when asked (Show), not on each change."""
        from mesolog.ui.clinic.practice_outcomes_window import PracticeOutcomesWindow

        window = self._window
        if window.clinic is None:
            return
        if self.practice_outcomes is None:
            self.practice_outcomes = PracticeOutcomesWindow(window.clinic, window.clock,
                                                            parent=window)
            self.practice_outcomes.open_patient.connect(window.show_patient)
        else:
            self.practice_outcomes.read_choices()
        self.practice_outcomes.show()
        self.practice_outcomes.raise_()

    def show_due(self) -> None:
        from mesolog.ui.clinic.due_view import DueWindow

        self.due = self._raised(self.due, DueWindow)

    def show_open_events(self) -> None:
        from mesolog.ui.clinic.open_events_view import OpenEventsWindow

        self.open_events = self._raised(self.open_events, OpenEventsWindow)

    def _raised(self, shown: QWidget | None, kind: type) -> QWidget:
        window = self._window
        if shown is None:
            shown = kind(window.clinic, window.today, parent=window)
            shown.open_patient.connect(window.show_patient)
            window.notices.changed.connect(shown.follow)
        shown.refresh()
        shown.show()
        shown.raise_()
        return shown
