"""The language a patient's reports and consent forms are printed in: a French clinic
prints an Italian patient's progress report in Italian. Empty (every chart before this
revision): the language of the desk that prints.

A consent form's language: the French text of the treatment consent is a form of its
own, with its own versions, and a consent signed on it records that form. Every form
before this revision is English.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN: the patient table, its indexes and search triggers stay as they are
    op.add_column("patient", sa.Column("language", sa.String(8), nullable=False,
                                       server_default=""))
    op.add_column("consent_form", sa.Column("language", sa.String(8), nullable=False,
                                            server_default="en"))


def downgrade() -> None:
    op.drop_column("consent_form", "language")
    op.drop_column("patient", "language")
