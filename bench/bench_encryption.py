"""An encrypted clinic against the same clinic plain, in the same run: opening it (the
login's key derivation included), searching as the list reads, opening the chart of the
patient with the most sessions, and building their progress report.

    cd bench && ../.venv/bin/python bench_encryption.py            # 100,000 patients

The plain clinic is `bench/out/clinic-N.sqlite` (bench_clinic.demo_clinic); the
encrypted one is made from it with SQLCipher's own export (`sqlcipher_export`), so both
hold the same pages' worth of records. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

from bench_clinic import demo_clinic, median_ms

from mesolog.domain.permissions import Actor
from mesolog.domain.photo import photo_folder_of
from mesolog.services.clinic import Clinic
from mesolog.services.patient_search import SearchQuery
from mesolog.services.reports import ReportKind, ReportService
from mesolog.store import sqlite_files
from mesolog.store.convert import encrypt_database
from mesolog.store.database import Database, open_database
from mesolog.store.database_files import APPLICATION_ID
from mesolog.store.keys import KeyFile, RecoveryKey, key_file_of

SEARCHES = ["m", "", "mul", "garc", "anna mul", "P-012345", "1984-03-27"]
NOW = datetime(2026, 11, 27, 12, 0)
PASSWORD = "correct horse battery"


def exported(source: Path, target: Path, key_sql: str) -> None:
    """``source`` written page by page into a new ``target`` by SQLCipher's own export,
    with ``key_sql`` (an empty key: a plain file); both copies are laid out alike."""
    with closing(sqlite_files.connect(source, isolation_level=None)) as conn:
        conn.execute(f"ATTACH DATABASE ? AS copy KEY {key_sql}", (str(target),))
        conn.execute("SELECT sqlcipher_export('copy')")
        # the export copies schema and rows, not the header's application id
        conn.execute(f"PRAGMA copy.application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA copy.journal_mode = WAL")
        conn.execute("DETACH DATABASE copy")


def encrypted_copy(plain: Path, target: Path) -> RecoveryKey:
    recovery = RecoveryKey.new()
    exported(plain, target, f"\"x'{recovery.database_key().raw.hex()}'\"")
    keys = KeyFile.new(recovery)
    keys.pending_recovery_key = None
    keys.set_slot("bench", PASSWORD, recovery.database_key())
    keys.write(key_file_of(target))
    return recovery




def opened(path: Path) -> Database:
    db = open_database(path)
    if db.locked:
        key = db.key_file().unlock("bench", PASSWORD)
        db.unlock(key)
    return db.acting_as(Actor.program("bench"))


def measure(path: Path, repeat: int, folder: Path) -> dict[str, float]:
    def open_and_close() -> None:
        opened(path).close()

    figures = {"open (+ key derivation)": median_ms(open_and_close, max(3, repeat // 3))}
    db = opened(path)
    try:
        patients = Clinic.of(db).patients
        for text in SEARCHES:
            query = SearchQuery(text=text)
            figures[f"search {text!r}"] = median_ms(
                lambda q=query: patients.list_page(q, patients.plan(q)), repeat)
        patient_id = db.fetch_all("SELECT patient_id FROM session GROUP BY patient_id "
                                  "ORDER BY count(*) DESC LIMIT 1")[0][0]
        clinic = Clinic.of(db)
        figures["chart: sessions"] = median_ms(
            lambda: clinic.sessions.for_patient(patient_id), repeat)
        reports = ReportService(clinic)
        target = folder / "report.pdf"
        figures["progress report"] = median_ms(
            lambda: reports.write(ReportKind.PROGRESS, patient_id, target, NOW),
            max(3, repeat // 3))
    finally:
        db.close()
    return figures


def converted(plain: Path, folder: Path) -> None:
    """The clinic made encrypted as an administrator does it (store/convert.py: export,
    photos sealed, every row compared, every page checked, the files renamed)."""
    target = folder / "converted.sqlite"
    shutil.copy(plain, target)
    shutil.copytree(photo_folder_of(plain), photo_folder_of(target))
    start, memory = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    done = encrypt_database(target, lambda keys, key: keys.set_slot("bench", PASSWORD, key),
                            NOW)
    seconds = time.perf_counter() - start
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - memory
    print(f"converted (mesolog encrypt) in {seconds:.1f} s, {done.photos_sealed} photos "
          f"sealed; peak memory grew by {grown / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    plain = demo_clinic(args.patients)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        copy = folder / "plain.sqlite"
        exported(plain, copy, "''")
        encrypted = folder / "encrypted.sqlite"
        for database in (copy, encrypted):  # the same photos for both reports
            photo_folder_of(database).symlink_to(photo_folder_of(plain).resolve())
        start = time.perf_counter()
        encrypted_copy(copy, encrypted)
        print(f"encrypted copy made in {time.perf_counter() - start:.1f} s "
              f"({copy.stat().st_size / 1e6:.0f} MB plain, "
              f"{encrypted.stat().st_size / 1e6:.0f} MB encrypted)")
        plain_figures = measure(copy, args.repeat, folder)
        encrypted_figures = measure(encrypted, args.repeat, folder)
        converted(plain, folder)
    print(f"{'':28} {'plain':>10} {'encrypted':>10} {'ratio':>6}")
    for name, plain_ms in plain_figures.items():
        enc_ms = encrypted_figures[name]
        print(f"{name:28} {plain_ms:8.1f} ms {enc_ms:8.1f} ms {enc_ms / plain_ms:5.2f}×")


if __name__ == "__main__":
    main()
