"""Practitioners and patients, with a full-text index for patient search.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from mesolog.store.migrations import server_parts

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


# Orders of the patient list besides the chart number (whose unique index
# serves it); ties are broken by name.
LIST_ORDERS = {
    "name": ["name_key"],
    "birth": ["date_of_birth", "name_key"],
    "diagnosis": ["diagnosis", "name_key"],
}


def _bookkeeping() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    ]


def _ordered(length: int) -> sa.String:
    """Text the patient list is ordered by: in byte order on a server too ("C"), as
    SQLite orders it, whatever the server's own locale."""
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    if server_parts.on_server():
        server_parts.mark_as_mesolog()
    op.create_table(
        "practitioner",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("login", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(255)),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        *_bookkeeping(),
        sa.CheckConstraint("role IN ('administrator', 'practitioner', 'assistant')",
                           name="ck_practitioner_role"),
    )
    op.create_table(
        "patient",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chart_no", _ordered(20), nullable=False, unique=True),
        sa.Column("last_name", sa.String(100), nullable=False),
        sa.Column("first_name", sa.String(100), nullable=False),
        sa.Column("name_key", _ordered(201), nullable=False),
        sa.Column("date_of_birth", sa.Date, nullable=False),
        sa.Column("sex", sa.String(10), nullable=False),
        sa.Column("diagnosis", sa.String(30), nullable=False),
        sa.Column("phone", sa.String(40), nullable=False, server_default=""),
        sa.Column("email", sa.String(200), nullable=False, server_default=""),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("medical_conditions", sa.Text, nullable=False, server_default=""),
        sa.Column("medications", sa.Text, nullable=False, server_default=""),
        sa.Column("allergies", sa.Text, nullable=False, server_default=""),
        sa.Column("contraindications", sa.Text, nullable=False, server_default=""),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("archived", sa.Boolean, nullable=False, server_default=sa.false()),
        *_bookkeeping(),
        sa.CheckConstraint("sex IN ('female', 'male', 'other')", name="ck_patient_sex"),
        sa.CheckConstraint(
            "diagnosis IN ('male_aga', 'female_aga', 'telogen_effluvium', "
            "'alopecia_areata', 'other')",
            name="ck_patient_diagnosis",
        ),
    )
    # The list is read in one of these orders, of active patients (partial
    # index) or of all (full index), so SQLite walks an index instead of
    # sorting 100,000 rows; the birth index also serves search by birth date.
    for name, columns in LIST_ORDERS.items():
        op.create_index(f"ix_patient_{name}", "patient", columns)
        op.create_index(f"ix_patient_active_{name}", "patient", columns,
                        sqlite_where=sa.text("archived = 0"),
                        postgresql_where=sa.text("NOT archived"))
    if server_parts.on_server():
        server_parts.create_patient_search()
        return

    # Patient search: an external-content FTS5 index over chart number and the
    # folded names, kept in step with the table by triggers (SQLite FTS5 docs,
    # "External Content Tables").
    op.execute(
        "CREATE VIRTUAL TABLE patient_fts USING fts5("
        "chart_no, name_key, content='patient', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute(
        "CREATE TRIGGER patient_fts_insert AFTER INSERT ON patient BEGIN "
        "INSERT INTO patient_fts(rowid, chart_no, name_key) "
        "VALUES (new.id, new.chart_no, new.name_key); END"
    )
    op.execute(
        "CREATE TRIGGER patient_fts_delete AFTER DELETE ON patient BEGIN "
        "INSERT INTO patient_fts(patient_fts, rowid, chart_no, name_key) "
        "VALUES ('delete', old.id, old.chart_no, old.name_key); END"
    )
    op.execute(
        "CREATE TRIGGER patient_fts_update AFTER UPDATE OF chart_no, name_key ON patient BEGIN "
        "INSERT INTO patient_fts(patient_fts, rowid, chart_no, name_key) "
        "VALUES ('delete', old.id, old.chart_no, old.name_key); "
        "INSERT INTO patient_fts(rowid, chart_no, name_key) "
        "VALUES (new.id, new.chart_no, new.name_key); END"
    )


def downgrade() -> None:
    if server_parts.on_server():
        op.drop_table("patient")
        op.drop_table("practitioner")
        op.execute("DROP FUNCTION mesolog_search_text")
        return
    for trigger in ("patient_fts_update", "patient_fts_delete", "patient_fts_insert"):
        op.execute(f"DROP TRIGGER {trigger}")
    op.execute("DROP TABLE patient_fts")
    op.drop_table("patient")
    op.drop_table("practitioner")
