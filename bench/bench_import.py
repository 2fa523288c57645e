"""Patients from a spreadsheet: reading, planning (validation and duplicates) and the
import of N rows into a new plain clinic, and the plan again once they are all in (every
row then a duplicate).

    cd bench && ../.venv/bin/python bench_import.py [--rows 20000]

Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

from mesolog.domain.permissions import Actor
from mesolog.domain.spreadsheet import read_spreadsheet
from mesolog.services.patient_import import PatientImportService
from mesolog.store.database import open_database


def spreadsheet(rows: int) -> bytes:
    """A French clinic's export: semicolons, day-first dates, accents."""
    rng = random.Random(1)
    lines = ["N° dossier;Nom;Prénom;Date de naissance;Sexe;Diagnostic;Téléphone"]
    for n in range(rows):
        lines.append(f"C-{n:06};Lefèvre-{n};Hélène;{rng.randint(1, 28):02}/"
                     f"{rng.randint(1, 12):02}/{rng.randint(1940, 2005)};F;"
                     f"Alopécie androgénétique;06 12 34 {n % 100:02} {n % 89:02}")
    return "\r\n".join(lines).encode("utf-8-sig")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    data = spreadsheet(args.rows)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "import.sqlite", encrypt=False)
        importer = PatientImportService(db.acting_as(Actor.program("the import benchmark")))
        start = time.perf_counter()
        sheet = read_spreadsheet(data)
        read = time.perf_counter() - start
        start = time.perf_counter()
        plan = importer.plan(sheet)
        planned = time.perf_counter() - start
        start = time.perf_counter()
        imported = importer.run(plan)
        stored = time.perf_counter() - start
        start = time.perf_counter()
        again = importer.plan(sheet)
        replanned = time.perf_counter() - start
        db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.rows:,} rows ({len(data) / 1e6:.1f} MB): read {read:.2f} s, plan "
          f"{planned:.2f} s, import {stored:.2f} s ({imported.patients:,} patients, one "
          f"transaction); plan again {replanned:.2f} s ({len(again.duplicates):,} "
          f"duplicates); peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
