"""Practitioner accounts: Argon2 password hashes, logging in, and its rate limit.

On an encrypted database each account also has a slot in the key file, which its
password unlocks (store/keys.py): every change of a password writes the slot in the
same transaction, and deactivating an account removes it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session as OrmSession

from mesolog.domain.permissions import Action, Actor, NotPermitted
from mesolog.domain.practitioner import (
    Role,
    account_problems,
    lockout_seconds,
    password_problem,
)
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, NotFoundError, ValidationError
from mesolog.services.clock import Clock, local_now
from mesolog.services.practitioners import (
    Account,
    PractitionerRef,
    account_of,
    insert_practitioner,
)
from mesolog.store import models
from mesolog.store.database import Database, DatabaseError, open_database
from mesolog.store.database_files import FileKind, inspect_file, recovered_key
from mesolog.store.first_look import HAS_ACCOUNTS_SQL
from mesolog.store.keys import (
    ARGON2_LANES,
    ARGON2_MEMORY_KIB,
    ARGON2_TIME_COST,
    DatabaseKey,
    KeyFile,
    RecoveryKey,
    key_file_of,
)


class LoginRefused(PermissionError):
    """Wrong login or password, or too many wrong tries; the message says which."""


# One key derivation per login: Argon2id with 19 MiB of memory, four passes, one lane.
# That is twice the work of OWASP's baseline for Argon2id (Password Storage Cheat
# Sheet: 19 MiB, two passes, one lane), about 45 ms on a clinic desktop, and it keeps
# the window's peak memory low (argon2-cffi's default, RFC 9106's 64 MiB with three
# passes and four lanes, took 64 MiB and 110-190 ms: bench/README.md). An attacker pays
# 19 MiB for each guess on every pass, which is what makes graphics cards and ASICs
# slow at it; online, the lockout limits guesses to a handful a minute. Hashes made
# with other parameters still verify, and are made again with these at the next login.
# (The figures live in store/keys.py: a slot of the key file is derived the same way.)


def password_hasher() -> PasswordHasher:
    """The one way Mesolog hashes and checks passwords."""
    return PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB,
                          parallelism=ARGON2_LANES)


# What a login that does not exist is checked against: a hash of the same parameters,
# so an unknown login takes as long as a known one with a wrong password. It matches
# no password.
_NO_SUCH_LOGIN = ("$argon2id$v=19$m=19456,t=4,p=1$h19bNcSJpwnGrOisRGq9Jg$"
                  "S/yfo2+GeH2sj9KMkfWhTwh7nBS1o4yj1u0ZYdec4T0")


# Who creates the first administrator: the first start itself, as nobody has an account.
_FIRST_START = Actor.program("the first start (no accounts yet)")


@dataclass(frozen=True)
class LoggedIn:
    """Who logged in, and whether they must choose a new password before going on."""

    actor: Actor
    must_change_password: bool


class AccountService:
    def __init__(self, db: Database, clock: Clock = local_now,
                 seconds: Callable[[], float] = time.time):
        self._db = db
        self._clock = clock
        self._hasher = password_hasher()
        # seconds since the epoch: wrong tries are compared across processes and restarts
        self._seconds = seconds

    def has_accounts(self) -> bool:
        """True once anyone can log in; before that, the first administrator is created."""
        if self._db.locked:  # only a login can tell more
            return self._db.key_file().has_slots()
        with self._db.reading() as session:
            return bool(self._count_accounts(session))

    @staticmethod
    def _count_accounts(session: OrmSession) -> int:
        return session.execute(text(HAS_ACCOUNTS_SQL)).scalar_one()

    def create_first_administrator(self, name: str, login: str,
                                   password: str) -> PractitionerRef:
        """The first account of a new database, in one transaction (made by the first
        start itself: nobody can be logged in yet)."""
        if errors := account_problems(name, login, password):
            raise ValidationError(errors)  # every wrong field at once
        password_hash = self._hasher.hash(password)
        with self._db.acting_as(_FIRST_START).transaction(Action.ACCOUNT_ADD) as session:
            if self._count_accounts(session):
                raise ValidationError([FieldError("login", _("Accounts exist already; an "
                                                           "administrator adds new ones."))])
            made = insert_practitioner(session, name, login, Role.ADMINISTRATOR,
                                       password_hash, self._clock())
            self._lock_for(session, login, password)
            return made

    def add_account(self, name: str, login: str, role: Role, password: str) -> PractitionerRef:
        """An administrator (the actor) adds a colleague, who chooses their own password
        at first login."""
        if errors := account_problems(name, login, password):
            raise ValidationError(errors)
        password_hash = self._hasher.hash(password)
        with self._db.transaction(Action.ACCOUNT_ADD) as session:
            made = insert_practitioner(session, name, login, role, password_hash,
                                       self._clock(), must_change_password=True)
            self._lock_for(session, login, password)
            return made

    def confirm_own_password(self, current: str, field: str = "current") -> str:
        """The actor's login, once ``current`` is shown to be their password (before a
        change that needs it again); a ValidationError at ``field`` otherwise."""
        actor = self._db.actor
        if actor is None or not actor.is_person:
            raise NotPermitted(Action.OWN_PASSWORD, None)
        with self._db.reading() as session:
            own = session.get(models.Practitioner, actor.id)
            stored, login = (own.password_hash, own.login) if own is not None else (None, "")
        if not self._verifies(stored, current):
            raise ValidationError([FieldError(field, _("The current password is wrong."))])
        return login

    def change_own_password(self, current: str, password: str) -> None:
        """The actor's own password, given the current one."""
        login = self.confirm_own_password(current)
        actor = self._db.actor
        if current == password:
            raise ValidationError([FieldError("password", _("Choose a password other than "
                                                          "the current one."))])
        self._check_password(password, login)
        password_hash = self._hasher.hash(password)
        with self._db.transaction(Action.OWN_PASSWORD) as session:
            row = session.get(models.Practitioner, actor.id)
            row.password_hash = password_hash
            row.must_change_password = False
            row.updated_at = self._clock()
            self._lock_for(session, row.login, password)

    def reset_password(self, practitioner_id: int, password: str) -> None:
        """An administrator sets another person's password; that person chooses a new
        one at next login. One's own password is changed with the current one."""
        actor = self._db.actor
        if actor is not None and actor.id == practitioner_id:
            raise ValidationError([FieldError("password", _("Change your own password with "
                                                          "your current one (File ▸ Change "
                                                          "Password)."))])
        password_hash = self._hasher.hash(password)  # before the write lock is taken
        with self._db.transaction(Action.ACCOUNT_RESET_PASSWORD) as session:
            row = self._account(session, practitioner_id)
            self._check_password(password, row.login)
            row.password_hash = password_hash
            row.must_change_password = True
            row.updated_at = self._clock()
            self._lock_for(session, row.login, password)

    def set_role(self, practitioner_id: int, role: Role) -> Account:
        with self._db.transaction(Action.ACCOUNT_ROLE) as session:
            row = self._account(session, practitioner_id)
            if role is not Role.ADMINISTRATOR:
                self._keep_an_administrator(session, row, "role")
            if row.role != role.value:
                row.role = role.value
                row.updated_at = self._clock()
                session.flush()
            return account_of(row)

    def set_active(self, practitioner_id: int, active: bool,
                   password: str | None = None) -> Account:
        """Deactivate (never delete: past signatures stay theirs) or reactivate. A
        reactivated account comes back with ``password``, chosen by the administrator
        and changed by its owner at their next login: deactivating took its key slot,
        and only a password can lock the key for it again."""
        if active and password is None:
            raise ValidationError([FieldError("password", _("Choose a password to "
                                                          "reactivate the account with."))])
        password_hash = self._hasher.hash(password) if active else None
        with self._db.transaction(Action.ACCOUNT_DEACTIVATE) as session:
            row = self._account(session, practitioner_id)
            if not active:
                if self._db.actor is not None and self._db.actor.id == practitioner_id:
                    raise ValidationError([FieldError("active", _("Another administrator "
                                                                "deactivates your account."))])
                self._keep_an_administrator(session, row, "active")
                if row.active:
                    row.active = False
                    row.updated_at = self._clock()
                    session.flush()
                # their password no longer opens the records
                self._db.change_key_file(session, lambda keys: keys.remove_slot(row.login))
                return account_of(row)
            if row.active:
                raise ValidationError([FieldError("active",
                    _("{name}'s account is active already.").format(
                                                                name=row.name))])
            self._check_password(password, row.login)
            row.active, row.password_hash, row.must_change_password = True, password_hash, True
            row.updated_at = self._clock()
            self._lock_for(session, row.login, password)
            return account_of(row)

    def _lock_for(self, session: OrmSession, login: str, password: str) -> None:
        """The database key, locked in ``login``'s slot with ``password`` (encrypted
        databases; written before the transaction commits)."""
        key = self._db.key
        if key is not None:
            self._db.change_key_file(session, lambda keys: keys.set_slot(login, password, key))

    def pending_recovery_key(self) -> RecoveryKey | None:
        """The recovery key, while no administrator has confirmed copying it; only an
        administrator is told it."""
        actor = self._db.actor
        if (not self._db.encrypted or self._db.key is None or actor is None
                or actor.role is not Role.ADMINISTRATOR):
            return None
        return self._db.key_file().waiting_recovery_key(self._db.key)

    def recovery_key_copied(self) -> None:
        """The administrator copied the recovery key: the key file forgets it, and from
        now on only a password (or the recovery key) opens the records."""
        self._db.require(Action.ACCOUNT_ADD)
        with self._db.bookkeeping() as session:
            self._db.change_key_file(session, KeyFile.forget_recovery_key)

    @staticmethod
    def _account(session: OrmSession, practitioner_id: int) -> models.Practitioner:
        row = session.get(models.Practitioner, practitioner_id)
        if row is None:
            raise NotFoundError(_("No account with id {practitioner_id}.").format(
                                    practitioner_id=practitioner_id))
        return row

    @staticmethod
    def _keep_an_administrator(session: OrmSession, row: models.Practitioner,
                               field: str) -> None:
        """The clinic always keeps an active administrator who can log in."""
        if row.role != Role.ADMINISTRATOR.value or not row.active:
            return
        others = session.execute(select(func.count()).select_from(models.Practitioner).where(
            models.Practitioner.id != row.id, models.Practitioner.active.is_(True),
            models.Practitioner.role == Role.ADMINISTRATOR.value,
            models.Practitioner.password_hash.is_not(None))).scalar_one()
        if not others:
            raise ValidationError([FieldError(field, _("{name} is the last active administrator; "
                                                       "make another one first.").format(
                                                         name=row.name))])

    @staticmethod
    def _check_password(password: str, login: str) -> None:
        problem = password_problem(password, login)
        if problem:
            raise ValidationError([FieldError("password", problem)])

    def authenticate(self, login: str, password: str) -> LoggedIn:
        """The practitioner, or LoginRefused; wrong tries slow further tries down.

        The count of wrong tries is kept in the database, so it holds across
        processes and restarts (the window and the command line alike). A login
        that does not exist costs the same work as one that does, so the time taken
        does not tell which logins exist.
        """
        login = login.strip().lower()[:64]
        if self._db.locked:
            self._unlock(login, password)
        with self._db.reading() as session:
            failed = session.get(models.LoginFailure, login)
            count, last = (failed.failures, failed.last_failed) if failed else (0, 0.0)
            row = session.execute(select(models.Practitioner).where(
                models.Practitioner.login == login,
                models.Practitioner.active.is_(True))).scalar()
            stored = row.password_hash if row is not None else None
            who = Actor(row.id, row.name, Role(row.role)) if row is not None else None
        self._refuse_while_locked_out(count, last)
        if not self._verifies(stored, password):
            if not self._db.read_only:  # a read-only file keeps no count
                self._count_failure(login)
            raise LoginRefused(_("Wrong login or password."))
        if self._db.read_only:
            return LoggedIn(who, False)
        # made with other parameters: made again, before the write lock is taken
        rehashed = (self._hasher.hash(password) if self._hasher.check_needs_rehash(stored)
                    else None)
        with self._db.acting_as(who).transaction(Action.LOG_IN) as session:
            if count:
                session.execute(delete(models.LoginFailure).where(
                    models.LoginFailure.login == login))
            row = session.get(models.Practitioner, who.id)
            row.last_login_at = self._clock()
            if rehashed is not None:
                row.password_hash = rehashed
            return LoggedIn(who, row.must_change_password)

    def _unlock(self, login: str, password: str) -> None:
        """Open a locked database with ``login``'s slot; LoginRefused if the password
        does not open it."""
        self._db.unlock(self.key_for_login(login, password))

    def key_for_login(self, login: str, password: str) -> DatabaseKey:
        """The database key ``login``'s slot holds, read from the key file alone (the
        database itself may be the damaged thing being checked); LoginRefused if the
        password does not open it. Wrong tries are counted beside the file (a locked
        file cannot keep them), for every process alike; offline, with copies of the
        files, Argon2's cost per guess is what slows guessing."""
        login = login.strip().lower()[:64]
        keys, tries = self._db.key_file(), self._db.wrong_tries()
        name = keys.slot_name(login)
        self._refuse_while_locked_out(*tries.get(name))
        key = keys.unlock(login, password)
        if key is None:
            tries.failed(name, self._seconds())
            raise LoginRefused(_("Wrong login or password."))
        tries.succeeded(name)
        return key

    def check_new_password(self, password: str, login: str) -> None:
        """ValidationError unless ``password`` is one ``login`` may choose."""
        self._check_password(password, login.strip().lower())

    def give_imported_administrator(self, login: str, password: str) -> None:
        """After a clinic export was imported (its accounts come without passwords):
        the administrator ``login`` gets ``password`` and, in an encrypted file, a key
        slot, as a recovery gives them."""
        self._recover(login, password)

    def _recover(self, login: str, password: str) -> None:
        """With the recovery key (which opened the database): ``login``, an active
        administrator, gets ``password`` (their own choice: no change asked at the next
        login), a key slot, and no wrong tries held against them."""
        login = login.strip().lower()
        self._check_password(password, login)
        password_hash = self._hasher.hash(password)
        with self._db.transaction(Action.ACCOUNT_RESET_PASSWORD) as session:
            row = session.execute(select(models.Practitioner).where(
                models.Practitioner.login == login, models.Practitioner.active.is_(True),
                models.Practitioner.role == Role.ADMINISTRATOR.value)).scalar()
            if row is None:
                raise ValidationError([FieldError("login", _("No active administrator has the "
                                                             "login {login}.").format(
                                                               login=login))])
            row.password_hash, row.must_change_password = password_hash, False
            row.updated_at = self._clock()
            session.execute(delete(models.LoginFailure).where(
                models.LoginFailure.login == login))
            self._lock_for(session, login, password)

    def _refuse_while_locked_out(self, count: int, last: float) -> None:
        """LoginRefused while ``count`` wrong tries, the last at ``last``, bar the next."""
        wait = lockout_seconds(count) - (self._seconds() - last)
        if wait > 0:
            raise LoginRefused(_("Too many wrong passwords; try again in {value} s.").format(
                                   value=int(wait) + 1))

    def _verifies(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches ``stored``; with no stored hash (an unknown login),
        the same work is done against a hash of the same cost, and the answer is no."""
        try:
            self._hasher.verify(stored or _NO_SUCH_LOGIN, password)
        except (VerificationError, InvalidHashError):
            return False
        return stored is not None

    def _count_failure(self, login: str) -> None:
        with self._db.bookkeeping() as session:
            failed = session.get(models.LoginFailure, login)
            if failed is None:
                session.add(models.LoginFailure(login=login, failures=1,
                                                last_failed=self._seconds()))
            else:
                failed.failures += 1
                failed.last_failed = self._seconds()


_RECOVERY = Actor.program("the recovery key")


def recover_administrator(path: Path, recovery: RecoveryKey, login: str, password: str,
                          clock: Clock = local_now) -> bool:
    """With the clinic's recovery key, the administrator ``login`` gets ``password``
    and a key slot (``mesolog recover``). A key file that is missing or damaged is made
    again (the damaged one kept beside it): True then, and every other account needs a
    new password. WrongRecoveryKey if it does not open the database."""
    try:
        plain = inspect_file(path).kind is FileKind.MESOLOG
    except DatabaseError:
        plain = False  # not readable as a plain file: encrypted, its key file lost
    if plain:
        raise DatabaseError(_("{name} is not encrypted and has no recovery key; an administrator "
                              "resets passwords in Clinic > Accounts").format(name=path.name))
    keys_path = key_file_of(path)
    damaged = keys_path.with_name(keys_path.name + ".damaged")
    key, readable = recovered_key(path, recovery)
    remade = not readable
    if remade:
        if keys_path.exists():
            keys_path.replace(damaged)
        fresh = KeyFile.new(recovery)
        fresh.pending_recovery_key = None  # the person typing it has it
        fresh.write(keys_path)  # the database opens only beside its key file
        remade = True
    try:
        db = open_database(path, create=False, key=key)
        try:
            AccountService(db.acting_as(_RECOVERY), clock)._recover(login, password)
        finally:
            db.close()
    except BaseException:
        if remade:  # refused: the files are as they were
            keys_path.unlink(missing_ok=True)
            if damaged.exists():
                damaged.replace(keys_path)
        raise
    return remade
