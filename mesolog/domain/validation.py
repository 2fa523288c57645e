"""Validation errors that name the field they belong to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more fields are wrong; nothing was saved."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    def for_field(self, field: str) -> str | None:
        return next((e.message for e in self.errors if e.field == field), None)


def problems_of(check: Callable[..., object], *args: object) -> list[FieldError]:
    """What ``check`` (a function raising ValidationError) finds wrong; empty when fine."""
    try:
        check(*args)
    except ValidationError as e:
        return e.errors
    return []


class ConflictError(RuntimeError):
    """The record changed since it was read; the caller's copy is stale."""


class NotStored(ConflictError):
    """The change could not be written (a full disk, a file made read-only, another
    program holding the database): nothing of it was stored. Shown, like a conflict, as
    a whole-change refusal."""


class NotFoundError(LookupError):
    """No record with that identity."""
