"""The whole clinic as JSON and back (mesolog export, mesolog import clinic): the
100,000-patient demo clinic exported, then imported into a new plain file; time and
peak memory of each. With --format fhir: every patient's FHIR R4 bundle written
(mesolog export --format fhir); time, size, peak memory and the resources by type.

    cd bench && ../.venv/bin/python bench_export.py [--patients N] [--format fhir]

Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from bench_clinic import demo_clinic

from mesolog.domain.permissions import Actor
from mesolog.services.clinic_export import ClinicExportService
from mesolog.services.clinic_import import ClinicImportService
from mesolog.store.database import Database, open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--format", choices=("json", "fhir"), default="json")
    args = parser.parse_args()
    path = demo_clinic(args.patients)
    db = open_database(path).acting_as(Actor.program("the export benchmark"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if args.format == "fhir":
        fhir_bundles(db, args.patients, path.parent, before)
        return
    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        exported, took, size = timed_export(
            lambda: ClinicExportService(db).export(Path(folder) / "export", datetime.now()))
        db.close()
        after_export = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{args.patients:,} patients: {sum(exported.records.values()):,} records and "
              f"{exported.photos} photos exported in {took:.1f} s ({size / 1e6:.0f} MB); "
              f"peak memory {after_export:.0f} MB (before the export {before:.0f} MB)")
        new = open_database(Path(folder) / "imported.sqlite", encrypt=False)
        start = time.perf_counter()
        imported = ClinicImportService(new.acting_as(Actor.program("the benchmark"))
                                       ).import_clinic(exported.folder, "cmoreau",
                                                       "a long new password")
        took = time.perf_counter() - start
        new.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"imported into a new plain file in {took:.1f} s ({imported.photos} photos); peak "
          f"memory {peak:.0f} MB")


def timed_export(export: Callable[[], Any]) -> tuple[Any, float, int]:
    """(what ``export`` gives, its seconds, the bytes of the folder it wrote)."""
    start = time.perf_counter()
    exported = export()
    took = time.perf_counter() - start
    return exported, took, sum(p.stat().st_size for p in exported.folder.rglob("*")
                               if p.is_file())


def fhir_bundles(db: Database, patients: int, beside: Path, before: float) -> None:
    with tempfile.TemporaryDirectory(dir=beside) as folder:
        exported, took, size = timed_export(
            lambda: ClinicExportService(db).export_fhir(Path(folder) / "fhir", datetime.now()))
        db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{patients:,} patients: {exported.bundles:,} FHIR bundles, "
          f"{sum(exported.resources.values()):,} resources, {exported.photos} photos, in "
          f"{took:.1f} s ({size / 1e6:.0f} MB); peak memory {peak:.0f} MB (before the "
          f"export {before:.0f} MB)")
    print(", ".join(f"{kind} {count:,}" for kind, count in sorted(exported.resources.items())))


if __name__ == "__main__":
    main()
