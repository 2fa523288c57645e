"""Outcomes: measurement sites and measurements, grades, photos.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measurement_site",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("zone", sa.String(20)),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("patient_id", "name", name="uq_measurement_site_name"),
    )
    op.create_table(
        "measurement",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("site_id", sa.Integer, sa.ForeignKey("measurement_site.id"), nullable=False),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id")),
        sa.Column("taken_on", sa.Date, nullable=False),
        sa.Column("density", sa.Float),
        sa.Column("terminal_count", sa.Integer),
        sa.Column("vellus_count", sa.Integer),
        sa.Column("shaft_diameter_um", sa.Float),
        sa.Column("anagen_pct", sa.Float),
        sa.Column("telogen_pct", sa.Float),
        sa.Column("pull_test", sa.Integer),
        sa.Column("satisfaction", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("density IS NULL OR density BETWEEN 0 AND 600",
                           name="ck_measurement_density"),
        sa.CheckConstraint("shaft_diameter_um IS NULL OR shaft_diameter_um BETWEEN 5 AND 150",
                           name="ck_measurement_diameter"),
        sa.CheckConstraint("satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5",
                           name="ck_measurement_satisfaction"),
    )
    op.create_index("ix_measurement_site_date", "measurement", ["site_id", "taken_on"])
    op.create_index("ix_measurement_patient", "measurement", ["patient_id"])
    op.create_table(
        "grade_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("recorded_on", sa.Date, nullable=False),
        sa.Column("scale", sa.String(20), nullable=False),
        sa.Column("stage", sa.String(20)),
        sa.Column("salt_score", sa.Float),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("(stage IS NULL) != (salt_score IS NULL)",
                           name="ck_grade_record_stage_or_salt"),
    )
    op.create_index("ix_grade_record_patient", "grade_record", ["patient_id", "recorded_on"])
    op.create_table(
        "photo",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id")),
        sa.Column("view", sa.String(10), nullable=False),
        sa.Column("taken_on", sa.Date, nullable=False),
        sa.Column("file_name", sa.String(200), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.CheckConstraint("view IN ('frontal', 'vertex', 'left', 'right', 'back')",
                           name="ck_photo_view"),
    )
    op.create_index("ix_photo_patient_view", "photo", ["patient_id", "view", "taken_on"])


def downgrade() -> None:
    for table in ("photo", "grade_record", "measurement", "measurement_site"):
        op.drop_table(table)
