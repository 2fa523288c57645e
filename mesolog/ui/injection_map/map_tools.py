"""The map editor's tools that save minutes: fill a zone, clear a zone, copy the last map.

Mixed into the editor, whose document, undo stack, next point and status they use;
each is one undoable step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from mesolog.domain.injection_map import free_spots, with_this_sessions_lots
from mesolog.domain.text import count_of
from mesolog.domain.validation import NotFoundError
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
            self._say(f"{zone.label} is already covered at {spacing:g} cm.")
            return 0
        points = [p for p in (self._new_point(spot) for spot in spots) if p is not None]
        if not points:
            return 0  # _new_point said why
        command = AddPoints(self.document, points, f"Fill {zone.label}")
        self.undo_stack.push(command)
        self.scene.select_keys(command.keys)
        self._say(f"{zone.label} filled with {count_of(len(points), 'point')} "
                  f"{spacing:g} cm apart.")
        return len(points)

    def clear_zone(self: InjectionMapEditor) -> int:
        """Remove the chosen zone's points on every view (the zone is one place on the head)."""
        zone = self.chosen_zone()
        keys = [key for key, point in self.document.items() if point.zone is zone]
        if keys:
            self.undo_stack.push(RemovePoints(self.document, keys, f"Clear {zone.label}"))
        self._say(f"{count_of(len(keys), 'point')} removed from {zone.label} on all views."
                  if keys else f"No points in {zone.label}.")
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
            self._say("Add the products and lots of this session first; the copied points "
                      "take them.")
            return 0
        copied, switched = with_this_sessions_lots(
            points, self._lots, self._catalogue, self.next_point.lot_id() or self._lots[0].id)
        if len(self.document) and QMessageBox.question(
                self, "Copy last map",
                f"Replace the {count_of(len(self.document), 'point')} on this map with the "
                f"{count_of(len(copied), 'point')} of {when:%Y-%m-%d}?"
        ) != QMessageBox.StandardButton.Yes:
            return 0
        self.undo_stack.beginMacro(f"Copy map of {when:%Y-%m-%d}")
        if len(self.document):
            self.undo_stack.push(RemovePoints(self.document, [k for k, _ in
                                                              self.document.items()], "Clear"))
        self.undo_stack.push(AddPoints(self.document, copied, "Copy"))
        self.undo_stack.endMacro()
        self._say(f"{count_of(len(copied), 'point')} copied from the session of {when:%Y-%m-%d} "
                  "(Ctrl+Z takes them back)." + (
                      f" {switched} of them were of a product not in this session and now "
                      "use the next point's lot: check them." if switched else ""))
        return len(copied)

