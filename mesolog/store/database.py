"""The one place that opens a Mesolog database: a file, or a PostgreSQL server
(store/server.py), and the units of work every service reads and writes through.

A file is recognised before SQLite writes a byte to it (store/database_files.py).
Every new database is encrypted with SQLCipher, its key locked in the key file beside
it (store/keys.py). An encrypted file is opened *locked*: nothing is read from it
until a login (or the recovery key) unlocks it, and only then is it recognised as
Mesolog's and its schema brought up to date. Plain files of earlier versions still
open as they are.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from sqlalchemy import (
    Connection,
    Engine,
    PoolProxiedConnection,
    QueuePool,
    create_engine,
    event,
    select,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from mesolog.domain.clock import Clock, local_now
from mesolog.domain.permissions import Action, Actor, NotPermitted, may
from mesolog.domain.practitioner import Role
from mesolog.domain.translation import _
from mesolog.domain.validation import NotStored
from mesolog.store import audit, models, sqlite_files
from mesolog.store.addresses import is_server
from mesolog.store.changes import Changes
from mesolog.store.database_files import (
    BUSY_TIMEOUT_MS,
    SCHEMA_HEAD,
    FileKind,
    FileState,
    create_file,
    inspect_file,
    known,
    read_only_uri,
    read_revision,
    remove_database_files,
    writable,
)
from mesolog.store.disk_errors import reason
from mesolog.store.errors import (
    DatabaseError,
    Locked,
    NotAMesologDatabase,
    SchemaTooNew,
    ServerUnreachable,
    first_line,
)
from mesolog.store.keys import (
    DatabaseKey,
    KeyFile,
    KeyFileError,
    RecoveryKey,
    key_file_of,
)
from mesolog.store.server import (
    NOTICE_CHANNEL,
    connection_lost,
    inspect_server,
    make_server_engine,
    prepare_server_reader,
    server_sql,
    server_url,
    shown,
)
from mesolog.store.wrong_tries import WrongTries

READER_CACHE_MB = 64
__all__ = ["Database", "DatabaseError", "NotAMesologDatabase", "SchemaTooNew", "open_database"]


class _Lock:
    """The key every new connection of an engine is keyed with; None while the
    database is locked (or is a plain file)."""

    def __init__(self, key: DatabaseKey | None = None, *, encrypted: bool = False):
        self.key = key
        self.encrypted = encrypted

    def key_for(self, path: Path) -> DatabaseKey | None:
        if self.encrypted and self.key is None:  # said in words, not "not a database"
            raise Locked(_("{name} is encrypted and nobody has logged in to it yet: log in first, "
                           "or open it with its recovery key").format(name=path.name))
        return self.key


def _make_engine(path: Path, lock: _Lock, *, read_only: bool = False) -> Engine:
    # Connections are made from the path itself, never from a URL it is pasted into: a
    # "?", "#" or "%20" in a file name would otherwise choose another file.
    def connect() -> sqlite_files.Connection:
        if read_only:
            return sqlite_files.connect(read_only_uri(path), lock.key_for(path), uri=True,
                                        timeout=BUSY_TIMEOUT_MS / 1000)
        return sqlite_files.connect(path, lock.key_for(path), timeout=BUSY_TIMEOUT_MS / 1000)

    # module: SQLAlchemy maps the driver's errors (SQLCipher's, not sqlite3's)
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool,
                           module=sqlite_files.driver)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite_files.Connection, _record: object) -> None:
        # Take transactions out of the sqlite3 module's hands so that BEGIN is
        # emitted by us (SQLAlchemy docs, "Serializable isolation / Savepoints
        # / Transactional DDL"); DDL in migrations is then transactional too.
        dbapi_connection.isolation_level = None
        pragmas = ["foreign_keys = ON", f"busy_timeout = {BUSY_TIMEOUT_MS}"]
        if not read_only:
            pragmas += ["journal_mode = WAL", "synchronous = FULL"]
        for pragma in pragmas:
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that
        # reads and then writes can fail at once if another writer got in.
        writes = conn.get_execution_options().get("mesolog_writes")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN DEFERRED")

    return engine


class _Connections:
    """The engine and the window's reading connection, shared by every actor's view."""

    def __init__(self, engine: Engine, lock: _Lock, *, encrypted: bool,
                 owns_engine: bool = True, server: str = ""):
        self.engine = engine
        self.server = server  # the server's address, shown; "" for a file
        self.lock = lock
        self.encrypted = encrypted
        self.reader: PoolProxiedConnection | None = None
        self._owns_engine = owns_engine
        # told after each committed change, on the thread that made it
        self.listeners: list[Callable[[Changes], None]] = []
        # told when a server cannot be reached, on the thread that found it
        self.lost_listeners: list[Callable[[ServerUnreachable], None]] = []
        self.closed = False  # by the window or a restore: nothing more is read through it

    def drop_reader(self) -> None:
        """Let go of the reading connection (a lost one is thrown away, not pooled)."""
        if self.reader is not None:
            reader, self.reader = self.reader, None
            if connection_lost(None, reader):
                reader.invalidate()
            else:
                reader.close()

    def close(self) -> None:
        self.closed = True
        self.drop_reader()
        if self._owns_engine:
            self.engine.dispose()


class Database:
    """An open Mesolog database, seen by one actor: hands out read and write units
    of work. ``open_database`` gives a view with no actor, which reads but changes
    nothing; ``acting_as`` gives the view of whoever logged in."""

    def __init__(self, path: Path | None, engine: Engine, *, actor: Actor | None = None,
                 clock: Clock = local_now, read_only: str = "",
                 _connections: _Connections | None = None):
        self.path = path
        # why nothing can be written (empty when it can): every actor then only reads
        self.read_only = read_only
        self._connections = _connections or _Connections(engine, _Lock(), encrypted=False)
        self._writer = engine.execution_options(mesolog_writes=True)
        self._actor = actor
        # When the audit trail says a change was made: the clinic's one clock,
        # replaced by the window's or the command line's own.
        self.clock: Clock = clock

    @property
    def engine(self) -> Engine:
        return self._connections.engine

    @property
    def on_server(self) -> bool:
        """Whether the records are on a PostgreSQL server (``path`` is then None)."""
        return bool(self._connections.server)

    @property
    def location(self) -> str:
        """Where the records are, in words: the file, or the server's address."""
        return self._connections.server or str(self.path)

    @property
    def name(self) -> str:
        """The records' short name: the file's, or the server's address."""
        return self._connections.server or self.path.name

    @property
    def stem(self) -> str:
        """What a file made of these records (a backup) is named after: the database
        file's name without its suffix, or the server database's name."""
        return self.engine.url.database if self.on_server else self.path.stem

    @property
    def actor(self) -> Actor | None:
        """Who every change through this view is made by and attributed to."""
        return self._actor

    def acting_as(self, actor: Actor) -> Database:
        """The same open database, with ``actor`` making every change."""
        if self.read_only:
            actor = replace(actor, read_only=True)
        return Database(self.path, self.engine, actor=actor, clock=self.clock,
                        read_only=self.read_only, _connections=self._connections)

    def on_change(self, listener: Callable[[Changes], None]) -> None:
        """Tell ``listener`` what each change committed through this database touched
        (through any actor's view of it, on the thread that made the change)."""
        self._connections.listeners.append(listener)

    @property
    def closed(self) -> bool:
        return self._connections.closed

    # -- encryption --------------------------------------------------------

    @property
    def encrypted(self) -> bool:
        return self._connections.encrypted

    @property
    def locked(self) -> bool:
        """An encrypted database nobody has unlocked yet: nothing can be read from it."""
        return self.encrypted and self._connections.lock.key is None

    @property
    def key(self) -> DatabaseKey | None:
        """The database key, once unlocked (None for a plain file)."""
        return self._connections.lock.key

    def wrong_tries(self) -> WrongTries:
        """Wrong passwords at this file while it is locked (store/wrong_tries.py)."""
        return WrongTries(self.path)

    def key_file(self) -> KeyFile:
        """The key file beside an encrypted database, read now."""
        try:
            return KeyFile.read(key_file_of(self.path))
        except KeyFileError as e:
            raise DatabaseError(str(e)) from None

    def unlock(self, key: DatabaseKey) -> None:
        """Open the records with ``key`` (from a login's slot or the recovery key): the
        file is then recognised as Mesolog's and its schema brought up to date."""
        if not self.encrypted or not self.locked:
            return
        if not self.key_file().is_key(key):
            raise DatabaseError(_("that key does not open {name}").format(name=self.path.name))
        revision = read_revision(self.path, key)  # None: made, its schema not yet written
        if revision is not None:
            known(self.path, revision)
        if revision != SCHEMA_HEAD and self.read_only:
            raise DatabaseError(_CANNOT_UPGRADE.format(path=self.path))
        self._connections.lock.key = key
        if revision != SCHEMA_HEAD:
            upgrade_schema(self.engine)

    def change_key_file(self, session: Session, change: Callable[[KeyFile], None]) -> None:
        """Apply ``change`` to the key file and write it whole, inside ``session``'s write
        transaction: the database's write lock keeps two processes from writing it at
        once, and a key file that cannot be written undoes the change. Nothing for a
        plain file."""
        if not self.encrypted:
            return
        session.flush()  # the change's own refusals come first
        keys = self.key_file()
        change(keys)
        try:
            keys.write(key_file_of(self.path))
        except OSError as e:  # the transaction is rolled back: the account is as it was
            raise NotStored(_("Not saved: {value}. The key file beside the database could not be "
                              "written, so nothing of the change was stored; try again once that "
                              "is put right.").format(value=reason(e))) from None

    def listen_to_server(self, heard: Callable[[], None]) -> Callable[[], None] | None:
        """On a server: call ``heard`` (on a helper thread) whenever another desk commits
        a change; the function that stops listening. None for a file."""
        if not self.on_server:
            return None
        from mesolog.store.server_notices import ServerListener

        url = self.engine.url.set(drivername="postgresql")
        listener = ServerListener(url.render_as_string(hide_password=False), heard)
        listener.start()
        return listener.stop

    def schema_revision(self) -> str:
        """The revision of the database's tables (migrations/versions), as Alembic keeps it."""
        return self.fetch_all("SELECT version_num FROM alembic_version")[0][0]

    def last_audit_id(self) -> int:
        """The newest audit entry's id: where reading the changes made since begins."""
        return self.fetch_all("SELECT coalesce(max(id), 0) FROM audit_entry")[0][0]

    def audit_entries_after(self, audit_id: int) -> list[tuple[int, str, int | None]]:
        """(id, table, patient id) of each audit entry after ``audit_id``, oldest first:
        what was changed since, by anyone."""
        return self.fetch_all("SELECT id, table_name, patient_id FROM audit_entry "
                              "WHERE id > ? ORDER BY id", (audit_id,))

    def for_another_thread(self) -> Database:
        """The same database and actor, reading through a connection of its own: long
        work on a helper thread uses it while the window goes on with its own.
        Closing it closes only that connection."""
        own = _Connections(self.engine, self._connections.lock, encrypted=self.encrypted,
                           owns_engine=False, server=self._connections.server)
        own.listeners = self._connections.listeners  # its changes are said like any
        own.lost_listeners = self._connections.lost_listeners
        return Database(self.path, self.engine, actor=self._actor, clock=self.clock,
                        read_only=self.read_only, _connections=own)

    def permit(self, session: Session, action: Action) -> Actor:
        """The actor, if their role *now* (read in ``session``) allows ``action``;
        NotPermitted otherwise. A role changed or an account deactivated since the
        login counts at once."""
        actor = self._actor
        if self.read_only and action.writes_the_database:
            raise NotPermitted(action, None, read_only=self.read_only)
        if actor is None:
            raise NotPermitted(action, None)
        role = actor.role
        if actor.is_person:
            role = session.info.get("acting_role")  # read once per unit of work
            if role is None:
                row = session.execute(
                    select(models.Practitioner.role, models.Practitioner.active)
                    .where(models.Practitioner.id == actor.id)).first()
                if row is None or not row.active:
                    raise NotPermitted(action, None, actor.name, inactive=True)
                role = session.info["acting_role"] = Role(row.role)
        if not may(role, action):
            raise NotPermitted(action, role, actor.name)
        return actor

    def require(self, action: Action) -> Actor:
        """``permit`` for work that is not a transaction of this database (a backup)."""
        with self.reading() as session:
            return self.permit(session, action)

    @contextmanager
    def transaction(self, action: Action) -> Iterator[Session]:
        """One change, one transaction: commits on success, rolls back on any error.

        The change is ``action``: the actor's role is checked first, inside the
        transaction, and a refusal writes nothing. The audit entries of the change
        are written in the same transaction, naming the actor.
        """
        with Session(self._writer, expire_on_commit=False) as session:
            at = self.clock()
            actor_id = self._actor.id if self._actor is not None else None
            event.listen(session, "before_flush",
                         lambda s, _context, _instances: audit.record(s, actor_id, at))
            event.listen(session, "after_flush", lambda s, _context: audit.write(s))
            with self._written_or_not_stored(), session.begin():
                self.permit(session, action)
                yield session
                if self.on_server:  # sent on commit, to every desk that listens
                    session.connection().exec_driver_sql(f"NOTIFY {NOTICE_CHANNEL}")
            touched = session.info.get("touched", set())
            audit_ids = session.info.get("audit_ids", set())
        for listener in list(self._connections.listeners):  # once committed
            listener(Changes.of(touched, audit_ids=audit_ids))

    @contextmanager
    def bookkeeping(self) -> Iterator[Session]:
        """A transaction for the login's own counters, which nobody is logged in to
        make: it may touch only tables outside the audit trail (audit.NOT_AUDITED)."""
        if self.read_only:
            raise NotPermitted(Action.LOG_IN, None, read_only=self.read_only)
        with Session(self._writer, expire_on_commit=False) as session:
            event.listen(session, "before_flush",
                         lambda s, _context, _instances: audit.refuse_records(s))
            with self._written_or_not_stored(), session.begin():
                yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._reachable(), Session(self.engine) as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """Every table as it stood at one moment, while the desks go on writing: a read
        transaction on a file (WAL), REPEATABLE READ and read-only on a server. What a
        backup, an export and a check read through."""
        with self.engine.connect() as conn:
            if self.on_server:
                conn = conn.execution_options(isolation_level="REPEATABLE READ",
                                              postgresql_readonly=True)
            with conn.begin():
                yield conn

    def on_connection_lost(self, listener: Callable[[ServerUnreachable], None]) -> None:
        """Call ``listener`` whenever a read or write finds the server unreachable."""
        self._connections.lost_listeners.append(listener)

    def _lost(self, error: BaseException) -> ServerUnreachable:
        lost = ServerUnreachable(self._connections.server, error)
        for listener in list(self._connections.lost_listeners):
            listener(lost)
        return lost

    @contextmanager
    def _reachable(self) -> Iterator[None]:
        """A read from a server that cannot be reached now, said in words."""
        try:
            yield
        except OperationalError as e:
            if not (self._connections.server and connection_lost(e)):
                raise
            raise self._lost(e.orig or e) from None

    @contextmanager
    def _written_or_not_stored(self) -> Iterator[None]:
        """A write the disk refuses (full, read-only, kept busy), or a server that cannot
        be reached, is not the change's fault: it is said in words (NotStored), and
        nothing of the change was stored."""
        try:
            yield
        except OperationalError as e:
            why = reason(e.orig or e)
            if self._connections.server and connection_lost(e):
                why = f"the connection to {self._connections.server} is lost " \
                      f"({first_line(e.orig or e)})"
                self._lost(e.orig or e)
            raise NotStored(_("Not saved: {why}. Nothing of the change was stored; what you typed "
                              "is still here: save again once that is put right.").format(why=why)
                            ) from None

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def fetch_all(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Rows of a read-only statement, straight from the driver.

        The patient list reads up to 100,000 ids per keystroke: SQLAlchemy's
        row layer would double that time, and a pool checkout per statement
        costs more than a short search itself (bench/README.md). So reads of
        the window's thread share one connection, in autocommit (each
        statement sees the latest commit). It is the window thread's alone;
        background work opens its own.
        """
        connections = self._connections
        if not connections.server:
            return self._fetch(sql, params)
        try:
            return self._fetch(server_sql(sql), params)
        except Exception as e:
            if not connection_lost(e, connections.reader):
                raise
            connections.drop_reader()  # the next read connects again
            raise self._lost(e) from None

    def _fetch(self, sql: str, params: tuple) -> list[tuple]:
        connections = self._connections
        if connections.reader is None:
            connections.reader = self.engine.raw_connection()
            connections.closed = False
            reader = connections.reader.driver_connection
            if connections.server:
                prepare_server_reader(reader)
            else:
                # The list's indexes stay in this connection's cache between keystrokes,
                # where an operating system keeping little of a 4 GB file would have each
                # search read them again (bench/README.md: a surname at 1,000,000
                # patients, 22 ms with SQLite's 2 MB default, 13 ms). Pages are cached
                # only as read: at 100,000 patients the list's indexes take a few MB.
                reader.execute(f"PRAGMA cache_size = {-READER_CACHE_MB * 1024}")
        return connections.reader.driver_connection.execute(sql, params).fetchall()

    def close(self) -> None:
        """Close the database for every actor's view of it."""
        self._connections.close()


_CANNOT_UPGRADE = ("{path} cannot be written and was made by an earlier Mesolog, so it "
                   "cannot be brought up to date here; copy it to a folder you can write "
                   "in and open the copy")


def open_database(path: Path | str, *, create: bool = True, key: DatabaseKey | None = None,
                  encrypt: bool = True) -> Database:
    """Open (and if asked, create) the database at ``path``, schema brought up to date.

    A new database is encrypted (``encrypt=False`` makes a plain one, as Mesolog made
    them before, for tests and benches of plain files). An encrypted one opens with ``key`` if
    given, or while it has no account yet, with the recovery key its key file still
    holds; otherwise it opens locked, for a login to unlock
    (``AccountService.authenticate``)."""
    if is_server(path):
        return open_server_database(path)
    path = Path(path).expanduser()
    state = inspect_file(path)
    made = state.is_new  # by this call: removed again if it cannot be finished
    if made:
        if not create:
            raise DatabaseError(_("no Mesolog database at {path}").format(path=path))
        if not path.parent.is_dir():
            raise DatabaseError(_("folder {parent} does not exist").format(parent=path.parent))
        if not os.access(path.parent, os.W_OK):
            raise DatabaseError(_("cannot write in folder {parent}").format(parent=path.parent))
        recovery = RecoveryKey.new() if encrypt else None
        try:
            if recovery is not None:
                KeyFile.new(recovery).write(key_file_of(path))
            create_file(path, recovery.database_key() if recovery else None)
        except (sqlite_files.Error, OSError) as e:
            remove_database_files(path)
            raise DatabaseError(_("cannot create database {path}: {e}").format(
                                    path=path, e=e)) from None
        state = FileState(FileKind.ENCRYPTED if encrypt else FileKind.MESOLOG)
    encrypted = state.kind is FileKind.ENCRYPTED
    read_only = "" if writable(path) else (f"{path.name} is on a read-only disk, or its "
                                           "file or folder cannot be written")
    if not encrypted and read_only and state.revision != SCHEMA_HEAD:
        raise DatabaseError(_CANNOT_UPGRADE.format(path=path))
    lock = _Lock(encrypted=encrypted)
    engine = _make_engine(path, lock, read_only=bool(read_only))
    db = Database(path, engine, read_only=read_only,
                  _connections=_Connections(engine, lock, encrypted=encrypted))
    try:
        if encrypted:
            pending = db.key_file().pending_recovery_key
            key = key or (pending.database_key() if pending is not None else None)
            if key is not None:
                db.unlock(key)
        elif state.revision != SCHEMA_HEAD:
            upgrade_schema(engine)
    except BaseException:
        engine.dispose()
        if made:
            remove_database_files(path)
        raise
    return db


def open_server_database(address: str, *, create: bool = False) -> Database:
    """Open the Mesolog database at the server ``address`` (postgresql://…), schema
    brought up to date; an empty database is made Mesolog's only if ``create`` (by
    ``mesolog server init``), never by a desk that was pointed at the wrong one."""
    url = server_url(address)
    where = shown(url)
    engine = make_server_engine(url)
    try:
        try:
            with engine.connect() as conn:
                state = inspect_server(conn, where)
        except OperationalError as e:  # no server there, refused, or no such database
            raise DatabaseError(_("cannot reach {where}: {value}").format(
                                    where=where, value=first_line(e.orig or e))) from None
        if state.empty and not create:
            raise DatabaseError(_("{where} is an empty database: make it Mesolog's first with  "
                                  "mesolog server init --db {where}").format(where=where))
        if not state.empty:
            known(where, state.revision)
        if state.revision != SCHEMA_HEAD:
            upgrade_schema(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(None, engine, _connections=_Connections(engine, _Lock(), encrypted=False,
                                                            server=where))


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to SCHEMA_HEAD with the migrations shipped in the package (as
    a writer: two desks of a server starting a new version at once take turns, and the
    second finds the work done)."""
    from alembic import command

    with engine.execution_options(mesolog_writes=True).begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def alembic_config(conn: Connection | None = None):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "mesolog.store:migrations")
    if conn is not None:
        config.attributes["connection"] = conn
    return config
