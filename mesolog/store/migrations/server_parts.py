"""What the migrations make differently on a PostgreSQL server, in one place: the
rules that SQLite keeps with triggers and a full-text index, in PostgreSQL's words.

Imported by the migrations of the revisions that first made each part; frozen like
them once released.
"""

from __future__ import annotations

from alembic import op

from mesolog.store.server import MARK


def on_server() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def mark_as_mesolog() -> None:
    """Leave the mark a Mesolog database is recognised by (store/server.py)."""
    op.execute(f"COMMENT ON TABLE alembic_version IS '{MARK}'")


def refuse_changes(table: str, what: str) -> None:
    """Make ``table`` append-only: the database itself refuses to change, remove or
    empty its rows (the triggers SQLite's migrations create, with TRUNCATE besides,
    which SQLite does not have)."""
    op.execute(
        "CREATE OR REPLACE FUNCTION mesolog_refuse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_"
        "violation'; END $$")
    for event, verb, level in (("UPDATE", "changed", "ROW"), ("DELETE", "deleted", "ROW"),
                               ("TRUNCATE", "deleted", "STATEMENT")):
        op.execute(f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                   f"FOR EACH {level} EXECUTE FUNCTION mesolog_refuse("
                   f"'{what} cannot be {verb}')")


def unicode_collation() -> str:
    """A collation whose character classes know every script's letters (the search
    words of a name in Chinese or Arabic): ICU's root one, or glibc's C.UTF-8."""
    names = [row[0] for row in op.get_bind().exec_driver_sql(
        "SELECT collname FROM pg_collation WHERE collname IN ('und-x-icu', 'C.utf8', "
        "'C.UTF-8') ORDER BY collname = 'und-x-icu' DESC")]
    if not names:
        raise RuntimeError("this PostgreSQL server has neither ICU nor a C.UTF-8 locale, "
                           "which patient search needs")
    return names[0]


def create_patient_search() -> None:
    """Patient search on PostgreSQL: every typed word must start a word of the chart
    number or the folded name (as SQLite's FTS5 index finds them), through a trigram
    index over those words, one space before each (``' p 00001 ozturk zeynep'``), so
    that ``LIKE '% ozt%'`` finds a word start through the index. The words are kept in
    a stored column: a search too short for trigrams ("p", in every chart number) reads
    them instead of making them again for each of 100,000 rows (bench/README.md)."""
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # IMMUTABLE, as a stored column's expression must be: its collation is named, not
    # the database's default
    op.execute(
        "CREATE FUNCTION mesolog_search_text(chart_no text, name_key text) RETURNS text "
        "LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$ BEGIN RETURN ' ' || regexp_replace("
        f"lower(chart_no) || ' ' || name_key COLLATE \"{unicode_collation()}\", "
        "'[^[:alnum:]]+', ' ', 'g'); END $$")
    op.execute("ALTER TABLE patient ADD COLUMN search_text text GENERATED ALWAYS AS "
               "(mesolog_search_text(chart_no, name_key)) STORED")
    op.execute("CREATE INDEX ix_patient_search ON patient USING gin "
               "(search_text gin_trgm_ops)")
