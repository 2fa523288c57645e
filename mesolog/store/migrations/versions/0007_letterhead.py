"""The clinic's letterhead for printed reports, kept with the records.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # one row: every desk and the command line print the same letterhead, and a
    # backup carries it
    op.create_table(
        "letterhead",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("address", sa.Text, nullable=False, server_default=""),
        sa.Column("phone", sa.String(60), nullable=False, server_default=""),
        sa.Column("logo_png", sa.LargeBinary),
        sa.CheckConstraint("id = 1", name="ck_letterhead_single"),
    )


def downgrade() -> None:
    op.drop_table("letterhead")
