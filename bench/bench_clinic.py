"""The small clinic both the map and the report benchmarks start from."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from mesolog.domain.catalogue import Lot, LotDetails, ProductDetails
from mesolog.domain.patient import Diagnosis, Patient, PatientDetails, Sex
from mesolog.domain.permissions import Actor
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import PractitionerRef, Role
from mesolog.store.database import open_database


def bench_clinic(folder: Path, now: datetime) -> tuple[Clinic, PractitionerRef, list[Lot],
                                                       Patient]:
    """A logged-in practitioner, two products with a lot each, and one patient."""
    db = open_database(folder / "bench.sqlite")
    setup = db.acting_as(Actor.program("the benchmark's set-up"))
    doctor = Clinic.of(setup, lambda: now).practitioners.create("Dr Claire Moreau", "cmoreau",
                                                                Role.PRACTITIONER)
    clinic = Clinic.of(db.acting_as(doctor.actor), lambda: now)  # the doctor is logged in
    lots = []
    for name in ("Minoxidil 0.5 %", "Biotin complex"):
        product = clinic.catalogue.create_product(ProductDetails(name, "Maker", "", ()))
        lots.append(clinic.catalogue.add_lot(product.id, LotDetails("L-7", date(2027, 6, 30))))
    patient = clinic.patients.create(PatientDetails(
        chart_no="P-1", last_name="Żółkiewska", first_name="Ağça", date_of_birth=date(1984, 3, 27),
        sex=Sex.FEMALE, diagnosis=Diagnosis.FEMALE_AGA))
    return clinic, doctor, lots, patient
