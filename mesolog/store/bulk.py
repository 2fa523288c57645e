"""Many rows into one table at once (the demo clinic, imports)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from mesolog.store.models import Base


def insert_rows(session: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """``rows`` (dicts of the same columns) into ``model``'s table in one executemany.

    Core's insert, not the ORM's bulk insert: the ORM splits a batch wherever the
    set of None values changes and collects every row through the mapper, which
    made most of a 1,000,000-patient demo's 21 minutes.
    """
    if rows:
        session.connection().execute(model.__table__.insert(), rows)


@contextmanager
def big_page_cache(session: Session, megabytes: int = 256) -> Iterator[None]:
    """A large SQLite page cache on ``session``'s connection while a bulk load runs.

    Millions of index entries written in random order (names, dates, the search
    index) otherwise read and write the same pages back and forth through SQLite's
    2 MB default cache; the connection's own size is put back afterwards, as it goes
    back to the pool.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":  # a server keeps its own buffers
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-megabytes * 1024}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")
