"""The paper a clinic's reports are laid out for, kept with the letterhead so that every
desk and the command line print on it: A4 (every database before this revision), or US
Letter for a clinic whose printers hold Letter.

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("letterhead", sa.Column("paper", sa.String(10), nullable=False,
                                          server_default="A4"))


def downgrade() -> None:
    op.drop_column("letterhead", "paper")
