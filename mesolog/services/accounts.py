"""Practitioner accounts: Argon2 password hashes, logging in, and its rate limit."""

from __future__ import annotations

import time
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select

from mesolog.domain.practitioner import (
    Role,
    account_problems,
    lockout_seconds,
    password_problem,
)
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.services.practitioners import PractitionerRef, PractitionerService
from mesolog.store import models
from mesolog.store.database import Database


class LoginRefused(PermissionError):
    """Wrong login or password, or too many wrong tries; the message says which."""


class AccountService:
    def __init__(self, db: Database, practitioners: PractitionerService,
                 monotonic: Callable[[], float] = time.monotonic):
        self._db = db
        self._practitioners = practitioners
        self._hasher = PasswordHasher()
        self._monotonic = monotonic
        self._failures: dict[str, tuple[int, float]] = {}  # login: (count, time of last)

    def has_accounts(self) -> bool:
        """True once anyone can log in; before that, the first administrator is created."""
        with self._db.reading() as session:
            return bool(session.execute(select(func.count()).select_from(models.Practitioner)
                                        .where(models.Practitioner.password_hash.is_not(None),
                                               models.Practitioner.active.is_(True))
                                        ).scalar_one())

    def create_first_administrator(self, name: str, login: str,
                                   password: str) -> PractitionerRef:
        if self.has_accounts():
            raise ValidationError([FieldError("login", "Accounts exist already; an "
                                                       "administrator adds new ones.")])
        if errors := account_problems(name, login, password):
            raise ValidationError(errors)  # every wrong field at once
        admin = self._practitioners.create(name, login, Role.ADMINISTRATOR)
        self.set_password(admin.id, password)
        return admin

    def add_account(self, actor_id: int | None, name: str, login: str, role: Role,
                    password: str) -> PractitionerRef:
        """An administrator adds a colleague who can log in (without logins: anyone)."""
        if actor_id is not None:
            with self._db.reading() as session:
                actor = session.get(models.Practitioner, actor_id)
                if actor is None or Role(actor.role) is not Role.ADMINISTRATOR:
                    raise ValidationError([FieldError("login", "Only an administrator adds "
                                                               "accounts.")])
        if errors := account_problems(name, login, password):
            raise ValidationError(errors)
        person = self._practitioners.create(name, login, role)
        self.set_password(person.id, password)
        return person

    def set_password(self, practitioner_id: int, password: str) -> None:
        with self._db.transaction() as session:
            row = session.get(models.Practitioner, practitioner_id)
            if row is None:
                raise ValidationError([FieldError("login", "No such practitioner.")])
            self._check_password(password, row.login)
            row.password_hash = self._hasher.hash(password)

    @staticmethod
    def _check_password(password: str, login: str) -> None:
        problem = password_problem(password, login)
        if problem:
            raise ValidationError([FieldError("password", problem)])

    def authenticate(self, login: str, password: str) -> PractitionerRef:
        """The practitioner, or LoginRefused; wrong tries slow further tries down."""
        login = login.strip().lower()
        count, last = self._failures.get(login, (0, 0.0))
        wait = lockout_seconds(count) - (self._monotonic() - last)
        if wait > 0:
            raise LoginRefused(f"Too many wrong passwords; try again in {int(wait) + 1} s.")
        with self._db.reading() as session:
            row = session.execute(select(models.Practitioner).where(
                models.Practitioner.login == login,
                models.Practitioner.active.is_(True))).scalar()
            stored = row.password_hash if row is not None else None
            who = PractitionerRef(row.id, row.name, Role(row.role)) if row is not None else None
        try:
            if stored is None:
                raise VerificationError
            self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            self._failures[login] = (count + 1, self._monotonic())
            raise LoginRefused("Wrong login or password.") from None
        self._failures.pop(login, None)
        return who
