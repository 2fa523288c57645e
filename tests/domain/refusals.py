"""What a domain check refuses, field by field: the shape every rule table compares."""

from __future__ import annotations

from collections.abc import Callable

from mesolog.domain.validation import problems_of


def refusals(check: Callable[..., object], *args: object) -> dict[str, list[str]]:
    """Each field ``check(*args)`` refuses, with its messages in order; empty when taken."""
    fields: dict[str, list[str]] = {}
    for error in problems_of(check, *args):
        fields.setdefault(error.field, []).append(error.message)
    return fields
