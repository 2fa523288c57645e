"""What the main window shows, taken before it is built again in another language and
put back after (MainWindow.speak): nothing typed is lost, nobody is logged out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mesolog.store.database import Database
    from mesolog.ui.main_window import MainWindow


@dataclass(frozen=True)
class WhatIsShown:
    database: Database | None
    search: str
    include_archived: bool
    on_chart: bool  # the chart page, rather than the welcome or the list's hint
    patient_id: int | None  # None on the chart page: a new chart
    new_chart_no: str
    typed: dict[str, object] | None  # the chart's fields, when changed and not saved
    tab: int
    lists: tuple[str, ...]  # the clinic lists that were open

    @classmethod
    def of(cls, window: MainWindow) -> WhatIsShown:
        form = window.form
        lists = window.clinic_lists
        typed = form.typed()
        return cls(
            database=window.database,
            search=window.search_box.text(),
            include_archived=window.include_archived.isChecked(),
            on_chart=window.pages.currentWidget() is window.patient_page,
            patient_id=form.patient.id if form.patient is not None else None,
            new_chart_no=str(typed["chart_no"]) if form.patient is None else "",
            typed=typed if form.is_dirty() else None,
            tab=window.patient_tabs.currentIndex(),
            lists=tuple(name for name in ("due", "open_events", "practice_outcomes")
                        if (shown := getattr(lists, name)) is not None and shown.isVisible()))

    def show_in(self, window: MainWindow) -> None:
        if self.database is None:
            return
        window.attach(self.database)
        window.include_archived.setChecked(self.include_archived)
        window.search_box.setText(self.search)
        window.list_panel.apply_search()
        if self.on_chart and self.patient_id is not None:
            window.open_patient(self.patient_id)
            window.list_panel.select(self.patient_id)
        elif self.on_chart:
            window.new_patient()
            window.form.load(None, self.new_chart_no)
        if self.typed is not None:
            window.form.retype(self.typed)
        window.patient_tabs.setCurrentIndex(self.tab)
        lists = window.clinic_lists
        for name in self.lists:
            {"due": lists.show_due, "open_events": lists.show_open_events,
             "practice_outcomes": lists.show_practice_outcomes}[name]()
