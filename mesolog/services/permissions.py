"""Acts that are a person's own: a signature, an amendment, a consent taken."""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.permissions import Action, Actor
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.store.database import Database


def person_acting(db: Database, session: OrmSession, action: Action,
                  field: str = "signed_by") -> Actor:
    """The logged-in person, allowed ``action`` now; a program (the demo builder, a
    set-up) has no name to put under a signature, so it is refused."""
    actor = db.permit(session, action)
    if not actor.is_person:
        raise ValidationError([FieldError(field,
            _("{name} is not a person, so it may not {label}.").format(
                                                     name=actor.name, label=action.label))])
    return actor
