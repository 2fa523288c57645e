"""Wrong passwords counted in the database, per login.

The rate limit lived in each process's memory: twenty wrong passwords through
twenty separate `mesolog` runs were never slowed. Kept here, it holds for the
window and the command line alike, across restarts. Not part of the audit
trail: it is a counter, not a record.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_failure",
        sa.Column("login", sa.String(64), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failed", sa.Float, nullable=False),  # seconds since the epoch
    )


def downgrade() -> None:
    op.drop_table("login_failure")
