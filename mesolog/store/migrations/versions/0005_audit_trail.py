"""Audit trail: one append-only entry per change of a clinical record.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from mesolog.store.migrations import server_parts

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("practitioner_id", sa.Integer, sa.ForeignKey("practitioner.id")),
        sa.Column("patient_id", sa.Integer),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("record_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("before_json", sa.Text, nullable=False),
        sa.Column("after_json", sa.Text, nullable=False),
        sa.CheckConstraint("action IN ('insert', 'update', 'delete')", name="ck_audit_action"),
    )
    op.create_index("ix_audit_entry_patient", "audit_entry", ["patient_id", "at"])
    op.create_index("ix_audit_entry_record", "audit_entry", ["table_name", "record_id"])
    # The trail is evidence: the database itself refuses to rewrite it.
    if server_parts.on_server():
        server_parts.refuse_changes("audit_entry", "audit entries")
        return
    op.execute("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
               "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END")
    op.execute("CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry "
               "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be deleted'); END")


def downgrade() -> None:
    if not server_parts.on_server():
        op.execute("DROP TRIGGER audit_entry_no_delete")
        op.execute("DROP TRIGGER audit_entry_no_update")
    op.drop_table("audit_entry")
