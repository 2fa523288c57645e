"""A clinic of 100,000 patients moving from its file onto a server and back, by backup
sets (mesolog backup, mesolog restore), each step timed.

    createdb bench-moving   (an empty database)
    cd bench && ../.venv/bin/python bench_moving.py --server postgresql://…/bench-moving

The clinic is `bench/out/clinic-N.sqlite` (bench_clinic.demo_clinic). Figures:
bench/README.md.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_clinic import demo_clinic, server_clinic

from mesolog.store.backup import restore_database
from mesolog.store.database import open_database
from mesolog.store.server_backup import backup_server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--server", required=True, metavar="ADDRESS",
                        help="an empty PostgreSQL database")
    args = parser.parse_args()
    path = demo_clinic(args.patients)
    server_clinic(path, args.server)  # file -> set -> server, timed
    db = open_database(args.server)
    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        start = time.perf_counter()
        report = backup_server(db, Path(folder) / "from-server.sqlite")
        backed_up = time.perf_counter() - start
        db.close()
        start = time.perf_counter()
        restore_database(Path(folder) / "from-server.sqlite", Path(folder) / "desk.sqlite")
        restored = time.perf_counter() - start
        size = (Path(folder) / "from-server.sqlite").stat().st_size / 1e6
    print(f"and back: the server's backup set {backed_up:.0f} s ({size:.0f} MB, one "
          f"snapshot), restored into a file {restored:.0f} s")
    print(report.summary().split(": ", 1)[1])


if __name__ == "__main__":
    main()
