"""The clinic's letterhead: what every printed report carries at its top."""

from __future__ import annotations

from pathlib import Path

from mesolog.domain.permissions import Action
from mesolog.domain.print_layout import Paper
from mesolog.domain.text import has_control_characters
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.reports.content import Letterhead
from mesolog.services.images import (
    LOGO_FORMATS,
    LOGO_KEPT_SIZE,
    LOGO_MAX_PIXELS,
    checked_picture,
    fitted_png,
)
from mesolog.store import models
from mesolog.store.database import Database

LOGO_MAX_BYTES = 1_000_000
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


class LetterheadService:
    def __init__(self, db: Database):
        self._db = db

    def get(self) -> Letterhead:
        with self._db.reading() as session:
            row = session.get(models.LetterheadRow, 1)
            if row is None:
                return Letterhead()
            return Letterhead(row.name, row.address, row.phone, row.logo_png,
                              Paper.named(row.paper))

    def set(self, name: str, address: str, phone: str, logo: Path | None = None, *,
            keep_logo: bool = True, paper: Paper | None = None) -> Letterhead:
        """Store the letterhead; ``logo`` replaces the logo, ``keep_logo=False`` drops it;
        ``paper`` (kept when None) is what every report is laid out for from now on."""
        name, address, phone = name.strip(), address.strip(), phone.strip()
        errors = []
        if not name or len(name) > 200 or has_control_characters(name):
            errors.append(FieldError("name", _("The clinic's name: 1 to 200 characters.")))
        if len(address) > 500 or has_control_characters(address.replace("\n", " ")):
            errors.append(FieldError("address", _("The address: at most 500 characters.")))
        if len(phone) > 60 or has_control_characters(phone):
            errors.append(FieldError("phone", _("The phone number: at most 60 characters.")))
        picture = None
        if logo is not None:
            picture = logo.read_bytes() if logo.is_file() else b""
            if not picture.startswith((_PNG, _JPEG)) or len(picture) > LOGO_MAX_BYTES:
                errors.append(FieldError("logo", _("The logo: a PNG or JPEG file up to 1 MB.")))
            else:
                try:  # decoded whole before it is kept: every report prints it
                    checked_picture(picture, "logo", LOGO_FORMATS, "logo", LOGO_MAX_PIXELS)
                    picture = fitted_png(picture, *LOGO_KEPT_SIZE)
                except ValidationError as e:
                    errors.extend(e.errors)
        try:
            paper = None if paper is None else Paper(paper)
        except ValueError:
            errors.append(FieldError("paper", _("The paper: A4 or US Letter.")))
        if errors:
            raise ValidationError(errors)
        with self._db.transaction(Action.LETTERHEAD) as session:
            row = session.get(models.LetterheadRow, 1) or models.LetterheadRow(id=1)
            row.name, row.address, row.phone = name, address, phone
            if picture is not None:
                row.logo_png = picture
            elif not keep_logo:
                row.logo_png = None
            if paper is not None:
                row.paper = paper.value  # else kept; a new row's is the table's A4
            session.add(row)
        return self.get()
