"""The window shows as available only what the services would allow the actor:
from the same permission table, with the reason in the tooltip when not."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from mesolog.domain.permissions import Action, Actor, NotPermitted


def allows(actor: Actor | None, action: Action) -> bool:
    return actor is not None and actor.may(action)


def permit(control: QWidget | QAction, actor: Actor | None, action: Action,
           enabled: bool = True) -> None:
    """Enable ``control`` when ``enabled`` and ``actor`` may take ``action``; a control
    the role may not use is disabled and says why."""
    allowed = allows(actor, action)
    control.setEnabled(enabled and allowed)
    if not allowed:
        reason = str(NotPermitted(action, actor.role if actor else None,
                                  actor.name if actor else ""))
        control.setToolTip(reason)
        if isinstance(control, QAction):
            control.setStatusTip(reason)
