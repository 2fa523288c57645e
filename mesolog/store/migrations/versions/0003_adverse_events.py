"""Side effects (adverse events) and "checked, none observed" records.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adverse_event",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("other_text", sa.String(200), nullable=False, server_default=""),
        sa.Column("onset", sa.Date, nullable=False),
        sa.Column("grade", sa.Integer, nullable=False),
        sa.Column("serious", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("actions", sa.String(200), nullable=False, server_default=""),
        sa.Column("zone", sa.String(20)),
        sa.Column("suspected_lot_id", sa.Integer, sa.ForeignKey("lot.id")),
        sa.Column("resolved_on", sa.Date),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.CheckConstraint("grade BETWEEN 1 AND 5", name="ck_adverse_event_grade"),
        sa.CheckConstraint(
            "kind IN ('pain', 'erythema', 'swelling', 'bruising', 'itching', 'headache', "
            "'infection', 'scarring', 'allergic_reaction', 'other')",
            name="ck_adverse_event_kind"),
        sa.CheckConstraint(
            "outcome IN ('ongoing', 'resolved', 'resolved_with_sequelae', 'unknown')",
            name="ck_adverse_event_outcome"),
        sa.CheckConstraint("resolved_on IS NULL OR resolved_on >= onset",
                           name="ck_adverse_event_dates"),
    )
    op.create_index("ix_adverse_event_patient", "adverse_event", ["patient_id"])
    op.create_index("ix_adverse_event_session", "adverse_event", ["session_id"])
    op.create_index("ix_adverse_event_lot_grade", "adverse_event", ["suspected_lot_id", "grade"])
    # the clinic-wide open list reads only the unresolved few, oldest first
    op.create_index("ix_adverse_event_open", "adverse_event", ["onset"],
                    sqlite_where=sa.text("outcome IN ('ongoing', 'unknown')"),
                    postgresql_where=sa.text("outcome IN ('ongoing', 'unknown')"))
    op.create_table(
        "side_effect_check",
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), primary_key=True),
        sa.Column("checked_at", sa.DateTime, nullable=False),
        sa.Column("checked_by_id", sa.Integer, sa.ForeignKey("practitioner.id"),
                  nullable=False),
    )


def downgrade() -> None:
    op.drop_table("side_effect_check")
    op.drop_table("adverse_event")
