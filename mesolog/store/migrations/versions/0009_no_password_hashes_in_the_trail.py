"""Password hashes out of the audit trail.

Until now the trail recorded an account's password hash, old and new, at every
password change, and every backup carried them. This revision replaces each hash
in the trail by "(not recorded)": the one place where the append-only rule is
lifted, inside this migration, and the redaction itself is recorded as an entry.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27
"""

import json
from datetime import datetime

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_SECRET = "password_hash"
_REDACTED = "(not recorded)"
# as created by 0005: the database refuses to rewrite the trail
_NO_UPDATE = ("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry "
              "BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END")


def _without_hash(text: str) -> str | None:
    """The entry's JSON with its hash replaced; None when it holds none."""
    values = json.loads(text)
    if values.get(_SECRET) in (None, _REDACTED):
        return None
    values[_SECRET] = _REDACTED
    return json.dumps(values, ensure_ascii=False, sort_keys=True)


def upgrade() -> None:
    bind = op.get_bind()
    rows = bind.exec_driver_sql(
        "SELECT id, before_json, after_json FROM audit_entry "
        "WHERE table_name = 'practitioner'").fetchall()
    changes = []
    for entry_id, before, after in rows:
        new_before, new_after = _without_hash(before), _without_hash(after)
        if new_before is not None or new_after is not None:
            changes.append((new_before or before, new_after or after, entry_id))
    if not changes:
        return
    op.execute("DROP TRIGGER audit_entry_no_update")
    for before, after, entry_id in changes:
        bind.exec_driver_sql("UPDATE audit_entry SET before_json = ?, after_json = ? "
                             "WHERE id = ?", (before, after, entry_id))
    op.execute(_NO_UPDATE)
    # the redaction is itself part of the record
    bind.exec_driver_sql(
        "INSERT INTO audit_entry (at, practitioner_id, patient_id, table_name, record_id, "
        "action, before_json, after_json) VALUES (?, NULL, NULL, 'audit_entry', 0, "
        "'update', '{}', ?)",
        (datetime.now().isoformat(sep=" "),
         json.dumps({"redacted": f"password hashes removed from {len(changes)} entries"})))


def downgrade() -> None:
    # the hashes are gone for good; the schema itself is unchanged
    return
