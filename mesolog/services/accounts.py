"""Practitioner accounts: Argon2 password hashes, logging in, and its rate limit."""

from __future__ import annotations

import time
from collections.abc import Callable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select

from mesolog.domain.practitioner import (
    Role,
    account_problems,
    lockout_seconds,
    password_problem,
)
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.services.permissions import require_administrator
from mesolog.services.practitioners import PractitionerRef, PractitionerService
from mesolog.store import models
from mesolog.store.database import Database


class LoginRefused(PermissionError):
    """Wrong login or password, or too many wrong tries; the message says which."""


# What a login that does not exist is checked against: a hash with this library's
# default cost (argon2-cffi's PasswordHasher(): t=3, m=64 MiB, p=4), so an unknown
# login takes as long as a known one with a wrong password. It matches no password.
_NO_SUCH_LOGIN = ("$argon2id$v=19$m=65536,t=3,p=4$z9C7UXuNI2DLgeuxQKE81A$"
                  "PaA41pTTKup2r9w22MEsWbGNyhDc5wcVCnJV+mY3giw")


class AccountService:
    def __init__(self, db: Database, practitioners: PractitionerService,
                 seconds: Callable[[], float] = time.time):
        self._db = db
        self._practitioners = practitioners
        self._hasher = PasswordHasher()
        # seconds since the epoch: wrong tries are compared across processes and restarts
        self._seconds = seconds

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
        self._store_password(admin.id, password)
        return admin

    def add_account(self, name: str, login: str, role: Role, password: str) -> PractitionerRef:
        """An administrator adds a colleague who can log in. The administrator is the
        person logged in (never a parameter; PractitionerService.create checks it);
        without logins, anyone."""
        if errors := account_problems(name, login, password):
            raise ValidationError(errors)
        person = self._practitioners.create(name, login, role)
        self._store_password(person.id, password)
        return person

    def set_password(self, practitioner_id: int, password: str, *,
                     current: str | None = None) -> None:
        """One's own password, given the current one; another person's only as an
        administrator. Who asks is the person logged in."""
        actor = self._db.actor_id
        if actor is not None and actor == practitioner_id:
            with self._db.reading() as session:
                own = session.get(models.Practitioner, actor)
                stored = own.password_hash if own is not None else None
            if not self._verifies(stored, current or ""):
                raise ValidationError([FieldError("current", "The current password is "
                                                             "wrong.")])
            self._store_password(practitioner_id, password)
        else:
            self._store_password(practitioner_id, password, by_administrator=True)

    def _store_password(self, practitioner_id: int, password: str, *,
                        by_administrator: bool = False) -> None:
        with self._db.transaction() as session:
            if by_administrator:
                require_administrator(self._db, session, "Only an administrator sets "
                                                         "another person's password.")
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
        """The practitioner, or LoginRefused; wrong tries slow further tries down.

        The count of wrong tries is kept in the database, so it holds across
        processes and restarts (the window and the command line alike). A login
        that does not exist costs the same work as one that does, so the time taken
        does not tell which logins exist.
        """
        login = login.strip().lower()[:64]
        with self._db.reading() as session:
            failed = session.get(models.LoginFailure, login)
            count, last = (failed.failures, failed.last_failed) if failed else (0, 0.0)
            row = session.execute(select(models.Practitioner).where(
                models.Practitioner.login == login,
                models.Practitioner.active.is_(True))).scalar()
            stored = row.password_hash if row is not None else None
            who = PractitionerRef(row.id, row.name, Role(row.role)) if row is not None else None
        wait = lockout_seconds(count) - (self._seconds() - last)
        if wait > 0:
            raise LoginRefused(f"Too many wrong passwords; try again in {int(wait) + 1} s.")
        if not self._verifies(stored, password):
            self._count_failure(login)
            raise LoginRefused("Wrong login or password.")
        if count:
            with self._db.transaction() as session:
                session.execute(delete(models.LoginFailure).where(
                    models.LoginFailure.login == login))
        return who

    def _verifies(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches ``stored``; with no stored hash (an unknown login),
        the same work is done against a hash of the same cost, and the answer is no."""
        try:
            self._hasher.verify(stored or _NO_SUCH_LOGIN, password)
        except (VerificationError, InvalidHashError):
            return False
        return stored is not None

    def _count_failure(self, login: str) -> None:
        with self._db.transaction() as session:
            failed = session.get(models.LoginFailure, login)
            if failed is None:
                session.add(models.LoginFailure(login=login, failures=1,
                                                last_failed=self._seconds()))
            else:
                failed.failures += 1
                failed.last_failed = self._seconds()
