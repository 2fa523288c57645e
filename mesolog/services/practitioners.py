"""Who works at the clinic: the people a session or consent is attributed to.

Role is re-exported here for the callers of this service.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from mesolog.domain.practitioner import Role, account_problems
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.services.permissions import require_administrator
from mesolog.store import models
from mesolog.store.database import Database

__all__ = ["PractitionerRef", "PractitionerService", "Role"]


@dataclass(frozen=True)
class PractitionerRef:
    id: int
    name: str
    role: Role




class PractitionerService:
    def __init__(self, db: Database, clock: Clock = local_now):
        self._db = db
        self._clock = clock

    def active(self) -> list[PractitionerRef]:
        with self._db.reading() as session:
            rows = session.execute(
                select(models.Practitioner).where(models.Practitioner.active.is_(True))
                .order_by(models.Practitioner.name)
            ).scalars()
            return [PractitionerRef(r.id, r.name, Role(r.role)) for r in rows]

    def create(self, name: str, login: str, role: Role) -> PractitionerRef:
        name, login = name.strip(), login.strip().lower()
        if errors := account_problems(name, login):
            raise ValidationError(errors)
        now = self._clock()
        with self._db.transaction() as session:
            require_administrator(self._db, session, "Only an administrator adds accounts.")
            taken = session.execute(select(models.Practitioner.id)
                                    .where(models.Practitioner.login == login)).scalar()
            if taken is not None:
                raise ValidationError([FieldError("login", f"Login {login} is already used.")])
            row = models.Practitioner(name=name, login=login, role=role.value, active=True,
                                      created_at=now, updated_at=now)
            session.add(row)
            session.flush()
            return PractitionerRef(row.id, row.name, role)
