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
    if control.property(_OWN_TIPS) is None:  # what it says when allowed, kept once
        tips = (control.toolTip(), control.statusTip() if isinstance(control, QAction) else "")
        control.setProperty(_OWN_TIPS, tips if not isinstance(control, QAction)
                            else ("", tips[1]))  # an action's own tooltip is its text
    tooltip, status_tip = control.property(_OWN_TIPS)
    if not allowed:
        tooltip = status_tip = str(NotPermitted(
            action, actor.role if actor else None, actor.name if actor else "",
            read_only="the file cannot be written" if actor and actor.read_only else ""))
    control.setToolTip(tooltip)
    if isinstance(control, QAction):
        control.setStatusTip(status_tip)


_OWN_TIPS = "mesolog_own_tips"
