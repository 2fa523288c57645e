"""Who works at the clinic: the people a session or consent is attributed to.

Role is re-exported here for the callers of this service.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.permissions import Action, Actor
from mesolog.domain.practitioner import Role, account_problems
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.store import models
from mesolog.store.database import Database

__all__ = ["Account", "PractitionerRef", "PractitionerService", "Role"]


@dataclass(frozen=True)
class PractitionerRef:
    id: int
    name: str
    role: Role

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.name, self.role)


@dataclass(frozen=True)
class Account:
    """A line of Clinic ▸ Accounts."""

    id: int
    name: str
    login: str
    role: Role
    active: bool
    has_password: bool
    must_change_password: bool
    last_login_at: datetime | None
    version: int


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

    def accounts(self) -> list[Account]:
        """Everyone, deactivated accounts included (they are never deleted)."""
        with self._db.reading() as session:
            rows = session.execute(select(models.Practitioner).order_by(
                models.Practitioner.active.desc(), models.Practitioner.name)).scalars()
            return [account_of(r) for r in rows]

    def create(self, name: str, login: str, role: Role) -> PractitionerRef:
        """A colleague records are attributed to, who cannot log in until an
        administrator sets a password (AccountService.add_account does both at once)."""
        with self._db.transaction(Action.ACCOUNT_ADD) as session:
            return insert_practitioner(session, name, login, role, None, self._clock())


def insert_practitioner(session: OrmSession, name: str, login: str, role: Role,
                        password_hash: str | None, now: datetime, *,
                        must_change_password: bool = False) -> PractitionerRef:
    name, login = name.strip(), login.strip().lower()
    if errors := account_problems(name, login):
        raise ValidationError(errors)
    taken = session.execute(select(models.Practitioner.id)
                            .where(models.Practitioner.login == login)).scalar()
    if taken is not None:
        raise ValidationError([FieldError("login", _("Login {login} is already used.").format(
                                                       login=login))])
    row = models.Practitioner(name=name, login=login, role=role.value, active=True,
                              password_hash=password_hash,
                              must_change_password=must_change_password,
                              created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    return PractitionerRef(row.id, row.name, role)


def account_of(row: models.Practitioner) -> Account:
    return Account(row.id, row.name, row.login, Role(row.role), row.active,
                   row.password_hash is not None, row.must_change_password,
                   row.last_login_at, row.version)
