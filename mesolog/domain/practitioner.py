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
