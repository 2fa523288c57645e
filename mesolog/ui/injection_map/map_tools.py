"""The map editor's tools that save minutes: fill a zone, clear a zone, copy the last map.

Mixed into the editor, whose document, undo stack, next point and status they use;
each is one undoable step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from mesolog.domain.injection_map import free_spots, with_this_sessions_lots
from mesolog.domain.translation import day_text, number
from mesolog.domain.validation import NotFoundError
from mesolog.ui.common.language import tr
from mesolog.ui.injection_map.map_document import AddPoints, RemovePoints

if TYPE_CHECKING:
    from mesolog.ui.injection_map.map_editor import InjectionMapEditor


class MapTools:
    def fill_zone(self: InjectionMapEditor) -> int:
        """Fill the chosen zone of this view with points ``spacing`` apart on the head."""
        zone = self.chosen_zone()
        if zone is None:
            return 0
        spacing = self.spacing.value()
        view = self.current_view
        spots = free_spots(view, zone, spacing,
                           ((p.x, p.y) for p in self.document.points() if p.view is view))
        if not spots:
            self._say(tr("{zone} is already covered at {spacing} cm.").format(
                zone=zone.label, spacing=number(spacing, up_to=1)))
            return 0
        points = [p for p in (self._new_point(spot) for spot in spots) if p is not None]
        if not points:
            return 0  # _new_point said why
        command = AddPoints(self.document, points, tr("Fill {zone}").format(zone=zone.label))
        self.undo_stack.push(command)
        self.scene.select_keys(command.keys)
        self._say(tr("{zone} filled with %Ln point(s) {spacing} cm apart.", "",
                     len(points)).format(zone=zone.label, spacing=number(spacing, up_to=1)))
        return len(points)

    def clear_zone(self: InjectionMapEditor) -> int:
        """Remove the chosen zone's points on every view (the zone is one place on the head)."""
        zone = self.chosen_zone()
        keys = [key for key, point in self.document.items() if point.zone is zone]
        if keys:
            self.undo_stack.push(RemovePoints(self.document, keys, tr("Clear {zone}").format(
                zone=zone.label)))
        self._say(tr("%Ln point(s) removed from {zone} on all views.", "", len(keys)).format(
            zone=zone.label) if keys else tr("No points in {zone}.").format(zone=zone.label))
        return len(keys)

    def copy_last_map(self: InjectionMapEditor) -> int:
        """Place the points of the patient's previous mapped session, with this session's lots."""
        if self._previous_map is None:
            return 0
        try:
            when, points = self._previous_map()
        except NotFoundError as e:
            self._say(str(e))
            return 0
        if not self._lots:
            self._say(tr("Add the products and lots of this session first; the copied points "
                      "take them."))
            return 0
        copied, switched = with_this_sessions_lots(
            points, self._lots, self._catalogue, self.next_point.lot_id() or self._lots[0].id)
        if len(self.document) and QMessageBox.question(
                self, tr("Copy last map"),
                tr("Replace the {current} on this map with the {copied} of {day}?").format(
                    current=tr("%Ln point(s)", "", len(self.document)),
                    copied=tr("%Ln point(s)", "", len(copied)), day=day_text(when))
        ) != QMessageBox.StandardButton.Yes:
            return 0
        self.undo_stack.beginMacro(tr("Copy map of {day}").format(day=day_text(when)))
        if len(self.document):
            self.undo_stack.push(RemovePoints(self.document, [k for k, _ in
                                                              self.document.items()],
                                              tr("Clear")))
        self.undo_stack.push(AddPoints(self.document, copied, tr("Copy")))
        self.undo_stack.endMacro()
        self._say(tr("%Ln point(s) copied from the session of {day} (Ctrl+Z takes them "
                     "back).", "", len(copied)).format(day=day_text(when)) + (
                      " " + tr("%Ln of them were of a product not in this session and now "
                               "use the next point's lot: check them.", "", switched)
                      if switched else ""))
        return len(copied)

