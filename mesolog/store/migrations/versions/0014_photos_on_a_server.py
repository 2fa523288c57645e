"""Photos kept in the database itself, on a server: every desk reaches them, a backup
reads them in the same snapshot as their records, and one transaction stores a photo
and its record together. On a file they stay in the folder beside it (sealed when it
is encrypted), and this table stays empty.

Keyed by the stored name (patient and content, store/photo_files.py), as the folder
is: the same picture attached twice is kept once.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "photo_data",
        sa.Column("file_name", sa.String(200), primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("photo_data")
