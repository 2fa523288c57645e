"""The few archived patients, indexed on their own: the active count asked on every
keystroke is then all patients (which SQLite counts at once) less the archived ones,
instead of a walk through every active patient's index entry.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_patient_archived", "patient", ["id"], sqlite_where=sa.text("archived = 1"),
                    postgresql_where=sa.text("archived"))


def downgrade() -> None:
    op.drop_index("ix_patient_archived", "patient")
