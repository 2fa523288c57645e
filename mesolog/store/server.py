"""A Mesolog database on a PostgreSQL server: one set of records for every desk of a
clinic (a SQLite file on a shared folder is no answer: network file locks corrupt it).

The same models and the same Alembic history as the embedded file; what differs is
said here: how a server is named (a ``postgresql://`` address, its password in the
standard pgpass or service file, never in the address), how a Mesolog database is
recognised there, and how writers take turns.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from mesolog.domain.translation import _
from mesolog.store.addresses import PASSWORD_REFUSED
from mesolog.store.errors import DatabaseError, NotAMesologDatabase

if TYPE_CHECKING:  # loaded only when a server is opened: a desk on a file never needs it
    import psycopg

# PostgreSQL's stand-in for the SQLite header's application id: the comment the first
# migration leaves on Alembic's version table (a table of another program has none).
MARK = "Mesolog (application id 0x4D45534F)"
# Every write transaction takes this lock first, as a SQLite writer takes the file's
# write lock: the services' checks before a write (a chart number taken, a stale
# version) then hold across desks without retries, audit entry ids are given in commit
# order, and readers are never held up. A save takes milliseconds (bench/README.md).
WRITER_LOCK = 0x4D45534F
CONNECT_TIMEOUT_S = 10
NOTICE_CHANNEL = "mesolog_changes"  # what a committed change sends (server_notices.py)


def server_url(address: str) -> URL:
    """The SQLAlchemy URL of ``address``, refused if it holds a password: that belongs
    in the pgpass or service file, which libpq reads itself, not in settings, shell
    histories and window titles."""
    try:
        url = make_url(address)
    except ArgumentError:
        raise DatabaseError(_("{address} is not a server address; write it as "
                              "postgresql://user@host/database").format(
                                address=repr(address))) from None
    if url.password is not None:
        raise DatabaseError(PASSWORD_REFUSED)
    if not url.database and "service" not in url.query:
        raise DatabaseError(_("{address} names no database: add it after the host, as in "
                              "postgresql://mesolog@server/clinic").format(address=address))
    return url.set(drivername="postgresql+psycopg")


def shown(url: URL) -> str:
    """The address as the practitioner wrote it, for titles and messages."""
    return url.set(drivername="postgresql").render_as_string(hide_password=True)


def make_server_engine(url: URL) -> Engine:
    engine = create_engine(
        url, pool_pre_ping=True,  # a connection the server dropped is replaced, not used
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "Mesolog"})

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        if conn.get_execution_options().get("mesolog_writes"):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK})")

    return engine


@dataclass(frozen=True)
class ServerState:
    empty: bool
    revision: str | None = None


def inspect_server(conn: Connection, where: str) -> ServerState:
    """What the database ``conn`` reaches holds, in its current schema: nothing (a new
    database for ``mesolog server init``), a Mesolog database (and its revision), or
    another program's tables, refused."""
    tables = {name: comment for name, comment in conn.exec_driver_sql(
        "SELECT c.relname, obj_description(c.oid, 'pg_class') FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")}
    if not tables:
        return ServerState(empty=True)
    if tables.get("alembic_version") != MARK:
        raise NotAMesologDatabase(_("{where} holds tables of another program, not a Mesolog "
                                    "database; give Mesolog a database of its own").format(
                                      where=where))
    revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return ServerState(empty=False, revision=revision)


def prepare_server_reader(reader: psycopg.Connection) -> None:
    """The window's reading connection (Database.fetch_all): each statement sees the
    latest commit, and dates and times come back as ISO text, as from SQLite, which the
    services parse."""
    from psycopg.types.string import TextLoader

    reader.autocommit = True
    for type_name in ("date", "timestamp"):
        reader.adapters.register_loader(type_name, TextLoader)


def connection_lost(error: BaseException | None, reader: object | None = None) -> bool:
    """Whether the connection to the server is gone: ``error`` (psycopg's, or
    SQLAlchemy's wrapping it) says it could not be made or was cut (libpq's own, with
    no SQLSTATE; class 08, a connection exception; 57P, the server shutting down), or
    the pooled ``reader``'s driver connection is broken or closed (psycopg marks it so
    when the server goes away). A deadlock or a cancelled statement is not a lost
    connection."""
    import psycopg  # loaded already: a server is open

    cause = error.orig if isinstance(error, DBAPIError) else error
    if isinstance(cause, psycopg.OperationalError):
        state = cause.sqlstate or ""
        if not state or state.startswith(("08", "57P")):
            return True
    driver = getattr(reader, "driver_connection", None)
    return bool(getattr(driver, "broken", False) or getattr(driver, "closed", False))


def catch_up_ids(conn: Connection) -> None:
    """After rows were written with their ids given (a demo, a restore), each table's
    id sequence starts past the highest: PostgreSQL's sequences, unlike SQLite's
    rowids, do not look at the rows."""
    for table, in conn.exec_driver_sql(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND column_name = 'id' "
            "AND left(column_default, 8) = 'nextval('").all():
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"coalesce(max(id), 0) + 1, false) FROM \"{table}\"")


@lru_cache(maxsize=512)
def server_sql(sql: str) -> str:
    """A statement the services write once, in SQLite's words, in PostgreSQL's.

    The services' direct reads (``Database.fetch_all``) are written for SQLite, whose
    partial indexes need the literal ``archived = 0`` to apply; PostgreSQL compares a
    boolean with true and false, and takes ``%s`` where SQLite takes ``?``.
    """
    sql = sql.replace("%", "%%").replace("?", "%s")
    for column in _BOOLEAN_COLUMNS:
        sql = sql.replace(f"{column} = 0", f"{column} = false")
        sql = sql.replace(f"{column} = 1", f"{column} = true")
    return sql


# the boolean columns raw reads compare (models.py)
_BOOLEAN_COLUMNS = ("archived", "active", "serious", "must_change_password")
