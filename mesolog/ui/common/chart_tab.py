"""What the Treatment and Outcomes tabs share: they follow the open chart, read only
once they are on screen, and read again when a change touches their patient."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent

if TYPE_CHECKING:
    from mesolog.domain.patient import Patient
    from mesolog.services.clinic import Clinic
    from mesolog.store.changes import Changes


class ChartTab:
    """A mixin for a QWidget tab; the tab defines ``refresh``, which reads ``_clinic``'s
    records of ``_patient`` and sets ``_stale`` to False."""

    _clinic: Clinic | None = None
    _patient: Patient | None = None
    _stale = False  # the patient or their records changed while this tab was hidden

    def show_patient(self, clinic: Clinic, patient: Patient | None) -> None:
        """Follow the open chart; the reading waits until this tab is on screen, so
        moving through the patient list does not load tabs nobody looks at."""
        self._clinic, self._patient = clinic, patient
        self._read_when_shown()

    def follow(self, changes: Changes) -> None:
        """Read again if ``changes`` may have touched this tab's patient: once control
        is back in the event loop, and only if the tab has not read since (after its own
        action the tab reads at once, and the notice of that action finds it fresh)."""
        if self._patient is not None and changes.may_touch_patient(self._patient.id):
            self._stale = True
            QTimer.singleShot(0, self, self._read_if_stale)  # type: ignore[call-overload]

    def _read_when_shown(self) -> None:
        self._stale = True
        self._read_if_stale()

    def _read_if_stale(self) -> None:
        if self._stale and self.isVisible():  # type: ignore[attr-defined]
            self.refresh()  # type: ignore[attr-defined]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # type: ignore[misc]
        self._read_if_stale()
