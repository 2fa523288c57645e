"""The clinics the benchmarks start from: a small one for the map, chart and report
benchmarks, and the demo clinics of 100,000 and 1,000,000 patients."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
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


def demo_clinic(patients: int) -> Path:
    """`bench/out/clinic-N.sqlite`, built once with `mesolog demo --patients N --seed 1`
    (delete it to rebuild; 1,000,000 patients take about 7.5 minutes)."""
    path = Path(__file__).resolve().parent / "out" / f"clinic-{patients}.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mesolog", "demo", "--db", str(path),
                        "--patients", str(patients), "--seed", "1"], check=True)
        print(f"built {patients:,} patients in {time.perf_counter() - start:.0f} s")
    return path


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """The median of ``repeat`` runs, in ms, after one run to warm caches (as a desk that
    has worked a while)."""
    run()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def server_clinic(path: Path, address: str) -> str:
    """The clinic at ``path`` on the server database ``address`` (made empty beforehand,
    with createdb): put there once as a clinic moves, by a backup set of the file
    restored onto the server; the two steps are timed."""
    import tempfile

    from sqlalchemy import select

    from mesolog.store import models
    from mesolog.store.backup import backup_database
    from mesolog.store.database import open_server_database
    from mesolog.store.server_backup import restore_to_server

    db = open_server_database(address, create=True)
    with db.reading() as session:
        filled = session.execute(select(models.Patient.id).limit(1)).first() is not None
    db.close()
    if filled:
        return address
    open_database(path).close()  # brought up to date first, as the desk opening it does
    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        start = time.perf_counter()
        backup_database(path, Path(folder) / "move.sqlite")
        backed_up = time.perf_counter() - start
        start = time.perf_counter()
        restore_to_server(Path(folder) / "move.sqlite", address)
        restored = time.perf_counter() - start
    print(f"moved {path.name} onto the server: backup set {backed_up:.0f} s, "
          f"restored onto the server {restored:.0f} s")
    return address
