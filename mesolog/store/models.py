"""SQLAlchemy models of the stored records.

Enumerated values (sex, diagnosis, role) are stored as their domain string
values; services convert them to the domain enums.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Practitioner(Base):
    """A person who works with the records; deactivated, never deleted."""

    __tablename__ = "practitioner"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    login: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # set when an administrator chose the password: its owner replaces it at next login
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class LoginFailure(Base):
    """Wrong passwords in a row for one login (known or not), and when the last came."""

    __tablename__ = "login_failure"

    login: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_failed: Mapped[float] = mapped_column(Float)  # seconds since the epoch


class Patient(Base):
    """A patient's chart; archived, never deleted."""

    __tablename__ = "patient"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chart_no: Mapped[str] = mapped_column(String(20), unique=True)
    last_name: Mapped[str] = mapped_column(String(100))
    first_name: Mapped[str] = mapped_column(String(100))
    # fold("last first"): the accent- and case-free key that search and sorting use
    name_key: Mapped[str] = mapped_column(String(201))
    date_of_birth: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(10))
    diagnosis: Mapped[str] = mapped_column(String(30))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    medical_conditions: Mapped[str] = mapped_column(Text, default="")
    medications: Mapped[str] = mapped_column(Text, default="")
    allergies: Mapped[str] = mapped_column(Text, default="")
    no_known_allergies_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    contraindications: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # the reports' language (a translation.LANGUAGES code); "": the printing desk's
    language: Mapped[str] = mapped_column(String(8), default="", server_default="")
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012
    # Indexes, including the partial ones the list's orders walk, are made by
    # the migrations (store/migrations/versions), which are the schema's source.


class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    maker: Mapped[str] = mapped_column(String(120), default="")
    gtin: Mapped[str] = mapped_column(String(14), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ProductIngredient(Base):
    __tablename__ = "product_ingredient"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    concentration: Mapped[str] = mapped_column(String(60), default="")


class Lot(Base):
    __tablename__ = "lot"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    lot_no: Mapped[str] = mapped_column(String(20))
    expiry: Mapped[date] = mapped_column(Date)
    opened: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ConsentForm(Base):
    __tablename__ = "consent_form"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    # each language's text is a form of its own, versioned on its own (0015)
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Consent(Base):
    __tablename__ = "consent"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    form_id: Mapped[int] = mapped_column(ForeignKey("consent_form.id"))
    signed_at: Mapped[datetime] = mapped_column(DateTime)
    taken_by_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Course(Base):
    __tablename__ = "course"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    protocol: Mapped[str] = mapped_column(String(120))
    planned_sessions: Mapped[int] = mapped_column(Integer)
    interval_days: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    stop_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class Session(Base):
    """An injection session (not to be confused with SQLAlchemy's Session)."""

    __tablename__ = "session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("course.id"))
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id"))
    performed_at: Mapped[datetime] = mapped_column(DateTime)
    technique: Mapped[str] = mapped_column(String(20))
    device: Mapped[str] = mapped_column(String(20))
    needle_gauge: Mapped[int | None] = mapped_column(Integer)
    needle_length_mm: Mapped[float | None] = mapped_column(Float)
    depth_mm: Mapped[float | None] = mapped_column(Float)
    pain_score: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime | None] = mapped_column(DateTime)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("practitioner.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class SessionProduct(Base):
    __tablename__ = "session_product"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"))
    volume_ml: Mapped[float] = mapped_column(Float)
    expired_override: Mapped[str] = mapped_column(Text, default="")


class InjectionPoint(Base):
    """One injection on the scalp diagram; its zone is read from the geometry."""

    __tablename__ = "injection_point"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    view: Mapped[str] = mapped_column(String(10))
    x: Mapped[float] = mapped_column(Float)
    y: Mapped[float] = mapped_column(Float)
    depth_mm: Mapped[float] = mapped_column(Float)
    volume_ml: Mapped[float] = mapped_column(Float)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"))


class LetterheadRow(Base):
    """The clinic's name, address, phone and logo on printed reports (one row)."""

    __tablename__ = "letterhead"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    # the paper every report is laid out for: a print_layout.Paper (0016)
    paper: Mapped[str] = mapped_column(String(10), default="A4", server_default="A4")


class SessionAmendment(Base):
    __tablename__ = "session_amendment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    author_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id"))
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text)  # one readable "field: old → new" per line
    before_json: Mapped[str] = mapped_column(Text)
    after_json: Mapped[str] = mapped_column(Text)


class AdverseEvent(Base):
    __tablename__ = "adverse_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    kind: Mapped[str] = mapped_column(String(20))
    other_text: Mapped[str] = mapped_column(String(200), default="")
    onset: Mapped[date] = mapped_column(Date)
    grade: Mapped[int] = mapped_column(Integer)
    serious: Mapped[bool] = mapped_column(Boolean, default=False)
    actions: Mapped[str] = mapped_column(String(200), default="")  # comma-separated Action values
    zone: Mapped[str | None] = mapped_column(String(20))
    suspected_lot_id: Mapped[int | None] = mapped_column(ForeignKey("lot.id"))
    resolved_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(String(30))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class SideEffectCheck(Base):
    """A session was checked for side effects and none were seen."""

    __tablename__ = "side_effect_check"

    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"), primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    checked_by_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id"))


class MeasurementSite(Base):
    __tablename__ = "measurement_site"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    name: Mapped[str] = mapped_column(String(120))
    zone: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Measurement(Base):
    __tablename__ = "measurement"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    site_id: Mapped[int] = mapped_column(ForeignKey("measurement_site.id"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"))
    taken_on: Mapped[date] = mapped_column(Date)
    density: Mapped[float | None] = mapped_column(Float)
    terminal_count: Mapped[int | None] = mapped_column(Integer)
    vellus_count: Mapped[int | None] = mapped_column(Integer)
    shaft_diameter_um: Mapped[float | None] = mapped_column(Float)
    anagen_pct: Mapped[float | None] = mapped_column(Float)
    telogen_pct: Mapped[float | None] = mapped_column(Float)
    pull_test: Mapped[int | None] = mapped_column(Integer)
    satisfaction: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class GradeRecord(Base):
    __tablename__ = "grade_record"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    recorded_on: Mapped[date] = mapped_column(Date)
    scale: Mapped[str] = mapped_column(String(20))  # a SCALES key, or "salt"
    stage: Mapped[str | None] = mapped_column(String(20))
    salt_score: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Photo(Base):
    __tablename__ = "photo"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"))
    view: Mapped[str] = mapped_column(String(10))
    taken_on: Mapped[date] = mapped_column(Date)
    file_name: Mapped[str] = mapped_column(String(200))  # relative to the photo folder
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)


class PhotoData(Base):
    """A photo's bytes, on a server (migration 0014); a file's stay in its folder."""

    __tablename__ = "photo_data"

    file_name: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class AuditEntry(Base):
    """Who changed what and when, before and after; rows are never changed or removed."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("practitioner.id"))
    patient_id: Mapped[int | None] = mapped_column(Integer)  # whose chart the record is part of
    table_name: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    before_json: Mapped[str] = mapped_column(Text)
    after_json: Mapped[str] = mapped_column(Text)
