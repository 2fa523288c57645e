"""Injection map: the points of each session on the scalp diagram.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "injection_point",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), nullable=False),
        sa.Column("view", sa.String(10), nullable=False),
        sa.Column("x", sa.Float, nullable=False),
        sa.Column("y", sa.Float, nullable=False),
        sa.Column("depth_mm", sa.Float, nullable=False),
        sa.Column("volume_ml", sa.Float, nullable=False),
        sa.Column("lot_id", sa.Integer, sa.ForeignKey("lot.id"), nullable=False),
        # the last line of defence behind the domain's checks
        sa.CheckConstraint("view IN ('top', 'front', 'left', 'right', 'back')",
                           name="ck_injection_point_view"),
        sa.CheckConstraint("x BETWEEN 0 AND 1 AND y BETWEEN 0 AND 1",
                           name="ck_injection_point_position"),
        sa.CheckConstraint("depth_mm BETWEEN 0 AND 6", name="ck_injection_point_depth"),
        sa.CheckConstraint("volume_ml > 0 AND volume_ml <= 1", name="ck_injection_point_volume"),
    )
    op.create_index("ix_injection_point_session", "injection_point", ["session_id"])
    op.create_index("ix_injection_point_lot", "injection_point", ["lot_id"])


def downgrade() -> None:
    op.drop_table("injection_point")
