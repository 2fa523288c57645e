"""What the accounts list shows: when each person last logged in, and whether they
must choose a new password (after an administrator set it for them).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: a batch copy of the table would trip every foreign key to it
    op.add_column("practitioner", sa.Column("last_login_at", sa.DateTime, nullable=True))
    op.add_column("practitioner", sa.Column("must_change_password", sa.Boolean,
                                            nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("practitioner", "must_change_password")
    op.drop_column("practitioner", "last_login_at")
