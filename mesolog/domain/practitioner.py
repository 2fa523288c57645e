"""Who works with the records, and what each role may do."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ADMINISTRATOR = "administrator"  # accounts and settings
    PRACTITIONER = "practitioner"  # clinical records, signing
    ASSISTANT = "assistant"  # demographics, scheduling, photos; cannot sign

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def can_sign(self) -> bool:
        """Signing and amending sessions is for practitioners (and administrators)."""
        return self is not Role.ASSISTANT


PASSWORD_MIN = 10


def password_problem(password: str, login: str) -> str | None:
    """Why a password will not do, or None."""
    if len(password) < PASSWORD_MIN:
        return f"Use at least {PASSWORD_MIN} characters."
    if login and login.lower() in password.lower():
        return "The password must not contain the login."
    return None


def lockout_seconds(failures: int) -> int:
    """How long to wait after ``failures`` wrong passwords in a row: free for three,
    then doubling from 2 s up to 5 minutes."""
    return 0 if failures < 3 else min(2 ** (failures - 2), 300)
