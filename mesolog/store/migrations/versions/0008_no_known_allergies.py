"""What a practitioner records that the first lists lacked.

- "No known allergies", recorded as asked, with the day it was asked: an empty
  allergies field cannot tell "none" from "never asked".
- Side effects hair shedding, nodule/granuloma, vasovagal episode, necrosis;
  devices microneedling pen and dermaroller; diagnoses scarring and traction
  alopecia. The tables' CHECK constraints name their allowed values, so each
  list is widened in place (every stored row already satisfies the wider one).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# (table, constraint, column, allowed values), frozen here as of this revision
_WIDER = (
    ("patient", "ck_patient_diagnosis", "diagnosis",
     ("male_aga", "female_aga", "telogen_effluvium", "alopecia_areata", "scarring_alopecia",
      "traction_alopecia", "other")),
    ("session", "ck_session_device", "device",
     ("manual", "injector_gun", "microneedling_pen", "dermaroller")),
    ("adverse_event", "ck_adverse_event_kind", "kind",
     ("pain", "erythema", "swelling", "bruising", "itching", "headache", "infection",
      "scarring", "allergic_reaction", "hair_shedding", "nodule_granuloma",
      "vasovagal_episode", "necrosis", "other")),
)
_NARROWER = {
    "ck_patient_diagnosis": ("male_aga", "female_aga", "telogen_effluvium", "alopecia_areata",
                             "other"),
    "ck_session_device": ("manual", "injector_gun"),
    "ck_adverse_event_kind": ("pain", "erythema", "swelling", "bruising", "itching",
                              "headache", "infection", "scarring", "allergic_reaction",
                              "other"),
}


def _condition(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _set_checks(lists: list[tuple[str, str, str, tuple[str, ...]]]) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        for table, name, column, values in lists:
            op.drop_constraint(name, table, type_="check")
            op.create_check_constraint(name, table, _condition(column, values))
        return
    # SQLite cannot alter a constraint; its documented way for a change that leaves
    # the stored rows as they are (ALTER TABLE, section 7) rewrites the table's
    # definition in the schema and bumps the schema version, in this transaction.
    version = bind.exec_driver_sql("PRAGMA schema_version").scalar()
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    try:
        for table, name, column, values in lists:
            sql = bind.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' "
                                       "AND name = ?", (table,)).scalar()
            pattern = rf"CONSTRAINT {name} CHECK \({column} IN \([^)]*\)\)"
            new, found = re.subn(pattern, f"CONSTRAINT {name} CHECK "
                                          f"({_condition(column, values)})", sql)
            if found != 1:
                raise RuntimeError(f"{table}: constraint {name} not found as expected")
            bind.exec_driver_sql("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                                 "AND name = ?", (new, table))
        bind.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    finally:
        bind.exec_driver_sql("PRAGMA writable_schema = OFF")


def upgrade() -> None:
    # a plain ADD COLUMN: the patient table, its indexes and search triggers stay as they are
    op.add_column("patient", sa.Column("no_known_allergies_on", sa.Date, nullable=True))
    _set_checks(list(_WIDER))


def downgrade() -> None:
    _set_checks([(t, n, c, _NARROWER[n]) for t, n, c, _ in _WIDER])
    op.drop_column("patient", "no_known_allergies_on")
