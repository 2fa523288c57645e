from contextlib import closing

import pytest

from mesolog.services.demo import build_demo_clinic
from mesolog.store import sqlite_files
from mesolog.store.database import open_database
from mesolog.store.first_look import has_accounts


@pytest.mark.sqlite_only("a file read before the database layer loads")
def test_whether_anyone_can_log_in_is_read_without_the_database_layer(db, db_path, tmp_path):
    assert has_accounts(tmp_path / "nothing-here.sqlite") is False
    assert has_accounts(db_path) is False  # a new database: the first administrator next
    build_demo_clinic(db, 5, seed=1)
    assert has_accounts(db_path) is True  # an encrypted file: the slots in its key file
    plain = tmp_path / "plain.sqlite"
    open_database(plain, encrypt=False).close()
    assert has_accounts(plain) is False
    build_demo_clinic(open_database(plain), 5, seed=1)
    assert has_accounts(plain) is True
    with closing(sqlite_files.connect(plain)) as conn, conn:
        conn.execute("UPDATE practitioner SET active = 0")
    assert has_accounts(plain) is False
    junk = tmp_path / "notes.sqlite"
    junk.write_bytes(b"not a database " * 100)
    assert has_accounts(junk) is None  # opening it properly says what is wrong
    assert has_accounts(tmp_path) is False  # a folder: opening it says so
    assert not (tmp_path / "nothing-here.sqlite").exists()  # nothing was created
