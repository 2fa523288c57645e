"""Products and lots, consent, treatment courses, sessions and amendments.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

from mesolog.store.migrations import server_parts

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _times(*, version: bool = True) -> list[sa.Column]:
    columns = [sa.Column("created_at", sa.DateTime, nullable=False)]
    if version:
        columns += [sa.Column("updated_at", sa.DateTime, nullable=False),
                    sa.Column("version", sa.Integer, nullable=False)]
    return columns


def upgrade() -> None:
    op.create_table(
        "product",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("maker", sa.String(120), nullable=False, server_default=""),
        sa.Column("gtin", sa.String(14), nullable=False, server_default=""),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
        *_times(),
    )
    op.create_index("ux_product_gtin", "product", ["gtin"], unique=True,
                    sqlite_where=sa.text("gtin != ''"), postgresql_where=sa.text("gtin != ''"))
    op.create_table(
        "product_ingredient",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("product_id", sa.Integer, sa.ForeignKey("product.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("concentration", sa.String(60), nullable=False, server_default=""),
    )
    op.create_index("ix_product_ingredient_product", "product_ingredient", ["product_id"])
    op.create_table(
        "lot",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("product_id", sa.Integer, sa.ForeignKey("product.id"), nullable=False),
        sa.Column("lot_no", sa.String(20), nullable=False),
        sa.Column("expiry", sa.Date, nullable=False),
        sa.Column("opened", sa.Date),
        *_times(version=False),
        sa.UniqueConstraint("product_id", "lot_no", name="uq_lot_product_lot_no"),
    )
    op.create_index("ix_lot_lot_no", "lot", ["lot_no"])
    op.create_table(
        "consent_form",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        *_times(version=False),
        sa.UniqueConstraint("kind", "version", name="uq_consent_form_kind_version"),
        sa.CheckConstraint("kind IN ('treatment', 'photography')", name="ck_consent_form_kind"),
    )
    op.create_table(
        "consent",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("form_id", sa.Integer, sa.ForeignKey("consent_form.id"), nullable=False),
        sa.Column("signed_at", sa.DateTime, nullable=False),
        sa.Column("taken_by_id", sa.Integer, sa.ForeignKey("practitioner.id"), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime),
        *_times(version=False),
    )
    op.create_index("ix_consent_patient", "consent", ["patient_id"])
    op.create_table(
        "course",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("protocol", sa.String(120), nullable=False),
        sa.Column("planned_sessions", sa.Integer, nullable=False),
        sa.Column("interval_days", sa.Integer, nullable=False),
        sa.Column("start_date", sa.Date, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("stop_reason", sa.Text, nullable=False, server_default=""),
        *_times(),
        sa.CheckConstraint("status IN ('active', 'paused', 'completed', 'stopped')",
                           name="ck_course_status"),
    )
    op.create_index("ix_course_patient", "course", ["patient_id"])
    op.create_index("ix_course_status", "course", ["status"])
    op.create_table(
        "session",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("patient_id", sa.Integer, sa.ForeignKey("patient.id"), nullable=False),
        sa.Column("course_id", sa.Integer, sa.ForeignKey("course.id")),
        sa.Column("practitioner_id", sa.Integer, sa.ForeignKey("practitioner.id"),
                  nullable=False),
        sa.Column("performed_at", sa.DateTime, nullable=False),
        sa.Column("technique", sa.String(20), nullable=False),
        sa.Column("device", sa.String(20), nullable=False),
        sa.Column("needle_gauge", sa.Integer),
        sa.Column("needle_length_mm", sa.Float),
        sa.Column("depth_mm", sa.Float),
        sa.Column("pain_score", sa.Integer),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("signed_at", sa.DateTime),
        sa.Column("signed_by_id", sa.Integer, sa.ForeignKey("practitioner.id")),
        *_times(),
        sa.CheckConstraint("technique IN ('nappage', 'point_by_point', 'papule', "
                           "'micro_papule')", name="ck_session_technique"),
        sa.CheckConstraint("device IN ('manual', 'injector_gun')", name="ck_session_device"),
        sa.CheckConstraint("pain_score IS NULL OR pain_score BETWEEN 0 AND 10",
                           name="ck_session_pain"),
    )
    op.create_index("ix_session_patient_time", "session", ["patient_id", "performed_at"])
    op.create_index("ix_session_course_time", "session", ["course_id", "performed_at"])
    op.create_table(
        "session_product",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), nullable=False),
        sa.Column("lot_id", sa.Integer, sa.ForeignKey("lot.id"), nullable=False),
        sa.Column("volume_ml", sa.Float, nullable=False),
        sa.Column("expired_override", sa.Text, nullable=False, server_default=""),
        sa.CheckConstraint("volume_ml > 0", name="ck_session_product_volume"),
    )
    op.create_index("ix_session_product_session", "session_product", ["session_id"])
    op.create_index("ix_session_product_lot", "session_product", ["lot_id"])
    op.create_table(
        "session_amendment",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("session.id"), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("practitioner.id"), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("changes", sa.Text, nullable=False),
        sa.Column("before_json", sa.Text, nullable=False),
        sa.Column("after_json", sa.Text, nullable=False),
    )
    op.create_index("ix_session_amendment_session", "session_amendment", ["session_id"])
    # Amendments are the record of what changed; nobody edits or removes one.
    if server_parts.on_server():
        server_parts.refuse_changes("session_amendment", "amendments")
        return
    op.execute("CREATE TRIGGER session_amendment_no_update BEFORE UPDATE ON session_amendment "
               "BEGIN SELECT RAISE(ABORT, 'amendments cannot be changed'); END")
    op.execute("CREATE TRIGGER session_amendment_no_delete BEFORE DELETE ON session_amendment "
               "BEGIN SELECT RAISE(ABORT, 'amendments cannot be deleted'); END")


def downgrade() -> None:
    if not server_parts.on_server():  # a server's triggers go with their table
        op.execute("DROP TRIGGER session_amendment_no_delete")
        op.execute("DROP TRIGGER session_amendment_no_update")
    for table in ("session_amendment", "session_product", "session", "course", "consent",
                  "consent_form", "lot", "product_ingredient", "product"):
        op.drop_table(table)
