import json
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy.exc import DBAPIError

from mesolog.domain.adverse_event import EventDetails, EventKind
from mesolog.domain.catalogue import LotDetails, ProductDetails
from mesolog.domain.permissions import Action
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ValidationError
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from mesolog.store import models, sqlite_files
from mesolog.store.database import open_database
from tests.conftest import acting_as, details, fixed_clock


def entries(db, table=None):
    sql = "SELECT table_name, record_id, action, before_json, after_json, practitioner_id, " \
          "patient_id FROM audit_entry"
    rows = db.fetch_all(sql + (" WHERE table_name = ?" if table else "") + " ORDER BY id",
                        (table,) if table else ())
    return [(t, r, a, json.loads(b), json.loads(af), who, pid) for t, r, a, b, af, who, pid in rows]


def test_every_change_of_a_chart_is_recorded_with_before_and_after(db):
    doctor = Clinic.of(db, fixed_clock).practitioners.create("Dr A", "dra", Role.PRACTITIONER)
    clinic = Clinic.of(acting_as(db, doctor), fixed_clock)  # the doctor logs in
    patient = clinic.patients.create(details())
    changed = clinic.patients.update(patient.id, patient.version,
                                     replace(patient.details, allergies="Latex"))
    clinic.patients.archive(changed.id, changed.version)
    trail = entries(db, "patient")
    assert [a for _, _, a, *_ in trail] == ["insert", "update", "update"]
    _, record, _, before, after, who, pid = trail[1]
    assert (record, who, pid) == (patient.id, doctor.id, patient.id)
    assert (before["allergies"], after["allergies"]) == ("Lidocaine", "Latex")
    assert "phone" not in after  # only what changed
    assert (trail[2][3]["archived"], trail[2][4]["archived"]) == (False, True)


def test_clinical_records_are_audited_in_the_same_transaction(db):
    clinic = Clinic.of(db, fixed_clock)
    doctor = clinic.practitioners.create("Dr A", "dra", Role.PRACTITIONER)
    product = clinic.catalogue.create_product(ProductDetails("Biotin", "", "", ()))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B1", date(2027, 1, 1)))
    patient = clinic.patients.create(details())
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 11, 20, 9), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, products=(ProductUse(lot.id, 1.0),)))
    signed = clinic.sessions.sign(session.id, session.version)
    clinic.sessions.amend(signed.id, signed.version, replace(signed.details, pain_score=4),
                          "Pain score given after the session.")
    clinic.adverse_events.record(EventDetails(session_id=session.id, kind=EventKind.PAIN,
                                              onset=date(2026, 11, 20), grade=1))
    tables = {t for t, *_ in entries(db)}
    assert {"patient", "session", "session_amendment", "adverse_event", "product",
            "lot"} <= tables
    before = len(entries(db))
    with pytest.raises(ValidationError):
        clinic.patients.create(details(chart_no="P-00001"))  # refused: taken
    with pytest.raises(RuntimeError), db.transaction(Action.ACCOUNT_ADD) as s:
        s.add(models.Practitioner(name="B", login="b", role="practitioner",
                                  created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1)))
        s.flush()
        raise RuntimeError("power cut")
    assert len(entries(db)) == before  # no entry for what was not committed


def test_the_database_refuses_to_rewrite_the_trail(db):
    Clinic.of(db, fixed_clock).patients.create(details())
    with pytest.raises(DBAPIError, match="cannot be changed"), db.connection() as conn:
        conn.exec_driver_sql("UPDATE audit_entry SET action = 'delete'")
    with pytest.raises(DBAPIError, match="cannot be deleted"), db.connection() as conn:
        conn.exec_driver_sql("DELETE FROM audit_entry")
    assert len(entries(db, "patient")) == 1


def test_the_patient_history_reads_like_a_chart_note(db):
    doctor = Clinic.of(db, fixed_clock).practitioners.create("Dr Claire Moreau", "cmoreau",
                                                              Role.PRACTITIONER)
    clinic = Clinic.of(acting_as(db, doctor), fixed_clock)
    patient = clinic.patients.create(details())
    changed = clinic.patients.update(patient.id, patient.version,
                                     replace(patient.details, allergies="Latex"))
    clinic.patients.archive(changed.id, changed.version)
    lines = clinic.history.for_patient(patient.id)
    assert [(line.record, line.action) for line in lines] == [
        ("Chart", "archived"), ("Chart", "allergies changed"), ("Chart", "added")]
    assert lines[1].changes == ("allergies: Lidocaine → Latex",)
    assert lines[1].who == "Dr Claire Moreau"
    assert "last name: Öztürk" in lines[2].changes


def test_a_sessions_history_speaks_the_practitioners_words(db):
    from datetime import date, datetime

    from mesolog.domain.catalogue import Ingredient, LotDetails, ProductDetails
    from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique

    doctor = Clinic.of(db, fixed_clock).practitioners.create("Dr Claire Moreau", "cmoreau",
                                                              Role.PRACTITIONER)
    clinic = Clinic.of(acting_as(db, doctor), fixed_clock)
    product = clinic.catalogue.create_product(ProductDetails(
        "Biotin complex", "Meso Labs", "", (Ingredient("Biotin", "5 mg/ml"),)))
    lot = clinic.catalogue.add_lot(product.id, LotDetails("B-1", date(2027, 6, 30)))
    patient = clinic.patients.create(details())
    session = clinic.sessions.create(patient.id, SessionDetails(
        performed_at=datetime(2026, 3, 12, 9, 30), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, notes="Tolerated well.",
        products=(ProductUse(lot.id, 2.0),)))
    session = clinic.sessions.update(session.id, session.version, SessionDetails(
        performed_at=datetime(2026, 3, 12, 9, 30), practitioner_id=doctor.id,
        technique=Technique.NAPPAGE, device=Device.MANUAL, notes="Mild redness.",
        products=(ProductUse(lot.id, 2.0),)))
    clinic.sessions.sign(session.id, session.version)
    signed, noted, added = clinic.history.for_patient(patient.id)[:3]
    assert (signed.record, signed.action) == ("Session of 12 Mar 2026 09:30",
                                              "signed by Dr Claire Moreau")
    assert (noted.record, noted.action) == ("Session of 12 Mar 2026 09:30", "notes changed")
    assert noted.changes == ("notes: Tolerated well. → Mild redness.",)
    assert added.action == "added"
    assert "practitioner: Dr Claire Moreau" in added.changes
    assert "technique: Nappage" in added.changes
    every_word = " ".join(" ".join((line.record, line.action, *line.changes))
                          for line in clinic.history.for_patient(patient.id))
    assert "#" not in every_word and " id" not in every_word and "_" not in every_word


def test_no_password_hash_enters_the_trail_and_old_ones_are_redacted(db_path):
    from contextlib import closing

    from mesolog.services.accounts import AccountService

    db = open_database(db_path)
    try:
        admin = AccountService(db, fixed_clock).create_first_administrator(
            "Dr Claire Moreau", "cmoreau", "correct horse battery")
        AccountService(db.acting_as(admin.actor), fixed_clock).change_own_password(
            "correct horse battery", "another long passphrase")
        key = db.key
    finally:
        db.close()
    with closing(sqlite_files.connect(db_path, key)) as conn:
        trail = conn.execute("SELECT before_json || after_json FROM audit_entry").fetchall()
        assert trail and not any("$argon2" in text for (text,) in trail)
        assert any('"password_hash": "(not recorded)"' in text for (text,) in trail)
        # a trail written by an earlier Mesolog, hashes and all, at schema 0008
        conn.execute("INSERT INTO audit_entry (at, practitioner_id, patient_id, table_name, "
                     "record_id, action, before_json, after_json) VALUES ('2026-01-01 "
                     "10:00:00', NULL, NULL, 'practitioner', 1, 'update', ?, ?)",
                     ('{"password_hash": "$argon2id$v=19$m=65536,t=3,p=4$old"}',
                      '{"password_hash": "$argon2id$v=19$m=65536,t=3,p=4$new"}'))
        conn.execute("UPDATE alembic_version SET version_num = '0008'")
        conn.execute("DROP TABLE login_failure")  # made by 0010, after 0008
        for column in ("last_login_at", "must_change_password"):  # made by 0011
            conn.execute(f"ALTER TABLE practitioner DROP COLUMN {column}")
        conn.execute("DROP INDEX ix_patient_archived")  # made by 0012
        for trigger in ("insert", "delete", "update"):  # 0013
            conn.execute(f"DROP TRIGGER patient_archived_fts_{trigger}")
        conn.execute("DROP TABLE patient_archived_fts")
        conn.execute("DROP INDEX ix_patient_list_keys")
        conn.execute("DROP TABLE photo_data")  # 0014
        conn.execute("ALTER TABLE patient DROP COLUMN language")  # 0015
        conn.execute("ALTER TABLE consent_form DROP COLUMN language")
        conn.execute("ALTER TABLE letterhead DROP COLUMN paper")  # 0016
        conn.commit()
    open_database(db_path, key=key).close()  # the upgrade redacts
    with closing(sqlite_files.connect(db_path, key)) as conn:
        trail = conn.execute("SELECT table_name, before_json || after_json FROM audit_entry"
                             ).fetchall()
        assert not any("$argon2" in text for _, text in trail)
        assert any(table == "audit_entry" and "password hashes removed from 1 entries" in text
                   for table, text in trail)
        with pytest.raises(sqlite_files.DatabaseError, match="cannot be changed"):
            conn.execute("UPDATE audit_entry SET action = 'delete'")  # append-only again
