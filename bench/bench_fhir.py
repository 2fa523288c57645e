"""Every patient's record as a FHIR R4 bundle (mesolog export --format fhir): the
100,000-patient demo clinic exported; time, size and peak memory.

    cd bench && ../.venv/bin/python bench_fhir.py [--patients N]

Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from datetime import datetime
from pathlib import Path

from bench_clinic import demo_clinic

from mesolog.domain.permissions import Actor
from mesolog.services.clinic_export import ClinicExportService
from mesolog.store.database import open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=100_000)
    args = parser.parse_args()
    path = demo_clinic(args.patients)
    db = open_database(path).acting_as(Actor.program("the FHIR benchmark"))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        start = time.perf_counter()
        exported = ClinicExportService(db).export_fhir(Path(folder) / "fhir", datetime.now())
        took = time.perf_counter() - start
        db.close()
        size = sum(p.stat().st_size for p in exported.folder.rglob("*") if p.is_file())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.patients:,} patients: {exported.bundles:,} bundles, "
          f"{sum(exported.resources.values()):,} resources, {exported.photos} photos, "
          f"in {took:.1f} s ({size / 1e6:.0f} MB); peak memory {peak:.0f} MB (before the "
          f"export {before:.0f} MB)")
    for kind, count in sorted(exported.resources.items()):
        print(f"  {kind}: {count:,}")


if __name__ == "__main__":
    main()
