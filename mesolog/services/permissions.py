"""What the logged-in person's role allows, checked inside the change's transaction."""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.practitioner import Role
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.store import models
from mesolog.store.database import Database


def require_administrator(db: Database, session: OrmSession, message: str,
                          field: str = "login") -> None:
    """Accounts are an administrator's: refused for anyone else logged in, inside the
    change's transaction. Without logins (actor unknown) nothing is refused here."""
    if db.actor_id is None:
        return
    actor = session.get(models.Practitioner, db.actor_id)
    if actor is None or Role(actor.role) is not Role.ADMINISTRATOR:
        raise ValidationError([FieldError(field, message)])


def require_self(db: Database, session: OrmSession, person_id: int | None, field: str,
                 what: str) -> None:
    """A signature, an amendment's authorship, a "none observed" are the logged-in
    person's own: nobody acts under another's name. Without logins nothing is refused."""
    if db.actor_id is None or person_id == db.actor_id:
        return
    actor = session.get(models.Practitioner, db.actor_id)
    name = actor.name if actor is not None else "the person logged in"
    raise ValidationError([FieldError(field, f"{what} is the own act of whoever does it: "
                                             f"{name} is logged in, and acts as themself.")])


def require_clinician(db: Database, session: OrmSession, field: str = "practitioner_id") -> None:
    """Clinical records (sessions, side effects, courses, measurements, grades) are written
    by practitioners and administrators; an assistant keeps demographics, scheduling and
    photos. Without logins (actor unknown) nothing is refused here."""
    if db.actor_id is None:
        return
    actor = session.get(models.Practitioner, db.actor_id)
    if actor is not None and not Role(actor.role).can_sign:
        raise ValidationError([FieldError(field, f"{actor.name} is logged in as an assistant; "
                                                 "a practitioner records this.")])
