"""Who works with the records, and what each role may do."""

from __future__ import annotations

import re
from enum import StrEnum

from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import N_, _
from mesolog.domain.validation import FieldError


class Role(StrEnum):
    ADMINISTRATOR = "administrator"  # accounts and settings
    PRACTITIONER = "practitioner"  # clinical records, signing
    ASSISTANT = "assistant"  # demographics, scheduling, photos; cannot sign

    @property
    def label(self) -> str:
        labels = {"administrator": N_("Administrator"), "practitioner": N_("Practitioner"),
                  "assistant": N_("Assistant")}
        return _(labels[self.value])

    @property
    def can_sign(self) -> bool:
        """Signing and amending sessions is for practitioners (and administrators)."""
        return self is not Role.ASSISTANT


PASSWORD_MIN = 10


def password_problem(password: str, login: str) -> str | None:
    """Why a password will not do, or None."""
    if len(password) < PASSWORD_MIN:
        return _("Use at least {count} characters.").format(count=PASSWORD_MIN)
    if login and login.lower() in password.lower():
        return _("The password must not contain the login.")
    return None


_LOGIN = re.compile(r"^[a-z0-9._-]{2,64}$")


def account_problems(name: str, login: str, password: str | None = None) -> list[FieldError]:
    """Every field of a new account that will not do, at once (a password only when
    one is given)."""
    name, login = name.strip(), login.strip().lower()
    errors = []
    if not name or len(name) > 200 or has_control_characters(name):
        errors.append(FieldError("name", _("Name: 1 to 200 plain characters.")))
    if not _LOGIN.match(login):
        errors.append(FieldError("login", _("Login: 2 to 64 lower-case letters, digits, . _ -")))
    if password is not None and (problem := password_problem(password, login)):
        errors.append(FieldError("password", problem))
    return errors


def lockout_seconds(failures: int) -> int:
    """How long to wait after ``failures`` wrong passwords in a row: free for three,
    then doubling from 2 s up to 5 minutes."""
    return 0 if failures < 3 else min(2 ** (failures - 2), 300)
