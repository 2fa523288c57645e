"""Patient search, window start-up and memory on a 100,000-patient clinic.

Run by hand (not by CI):  python bench/bench_foundation.py [--patients N]
Figures and how to read them: bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from mesolog.services.patient_search import SearchQuery
from mesolog.services.patients import PatientService
from mesolog.store.database import open_database

HERE = Path(__file__).resolve().parent
QUERIES = {
    "surname prefix": ["mul", "garc", "nowa", "ozt", "jorg", "smi", "kowal", "dvo"],
    "first + last": ["anna mul", "lukasz woj", "jose garc", "emma smith"],
    "chart number": ["P-012345", "P-0999", "P-05", "p-100000"],
    "date of birth": ["1984-03-27", "12.06.1979", "01/01/1990"],
    "one letter": ["m", "s"],
}

WINDOW_PROBE = r"""
import os, resource, sys, time, json
t0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QSettings
from mesolog.ui.app import _open_first_database, make_application
from mesolog.ui.main_window import MainWindow
from mesolog.ui.settings import Settings
app = make_application()
window = MainWindow(Settings(QSettings(sys.argv[2], QSettings.Format.IniFormat)))
window.show()
app.processEvents()
shown = time.perf_counter() - t0
_open_first_database(window, sys.argv[1])  # what run_application does right after
app.processEvents()
listed = time.perf_counter() - t0
view = window.list_view
view.scrollToBottom(); app.processEvents()
view.scrollToTop(); app.processEvents()
t = time.perf_counter()
window.search_box.setText("garc"); window.apply_search(); app.processEvents()
typed = time.perf_counter() - t
t = time.perf_counter()
window.search_box.clear(); window.apply_search(); app.processEvents()
cleared = time.perf_counter() - t
print(json.dumps({"shown_s": shown, "listed_s": listed, "rows": window.model.rowCount(),
                  "search_s": typed, "clear_s": cleared,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def timed(fn, repeat: int) -> list[float]:
    fn()  # warm caches, as on a desk that has searched before
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def build(path: Path, patients: int) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mesolog", "demo", "--db", str(path),
                    "--patients", str(patients), "--seed", "1"], check=True)
    print(f"built {patients:,} patients in {time.perf_counter() - t:.1f} s")


def bench_search(path: Path, repeat: int) -> None:
    db = open_database(path)
    service = PatientService(db)
    print(f"\n{'queries':<15} {'hits':>7} {'service ms':>11} {'raw ms':>8} {'ratio':>6}")
    with closing(sqlite3.connect(path)) as raw:
        for kind, queries in QUERIES.items():
            svc_all, raw_all, hits = [], [], 0
            for text in queries:
                query = SearchQuery(text)
                sql, params = query.sql()
                svc_all += timed(lambda q=query: service.search(q), repeat)
                raw_all += timed(lambda s=sql, p=params: [r[0] for r in raw.execute(s, p)],
                                 repeat)
                hits += len(service.search(query))
            s, r = statistics.median(svc_all) * 1e3, statistics.median(raw_all) * 1e3
            print(f"{kind:<15} {hits // len(queries):>7,} {s:>11.2f} {r:>8.2f} {s / r:>6.2f}")
        query = SearchQuery("")
        sql, params = query.sql()
        s = statistics.median(timed(lambda: service.search(query), 5)) * 1e3
        r = statistics.median(timed(lambda: [x[0] for x in raw.execute(sql, params)], 5)) * 1e3
        print(f"{'whole list':<15} {len(service.search(query)):>7,} {s:>11.2f} {r:>8.2f} "
              f"{s / r:>6.2f}")
    db.close()


def bench_window(path: Path) -> None:
    settings = HERE / "out" / "bench-settings.ini"
    settings.unlink(missing_ok=True)
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", WINDOW_PROBE, str(path), str(settings)],
                              capture_output=True, text=True, check=True,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["process_s"] = time.perf_counter() - t
        runs.append(result)
    best = min(runs, key=lambda r: r["listed_s"])
    each = ", ".join(f"{r['listed_s'] * 1e3:.0f}" for r in runs)
    print(f"\nwindow on screen: {best['shown_s'] * 1e3:.0f} ms after interpreter start; "
          f"{best['rows']:,} patients listed: {best['listed_s'] * 1e3:.0f} ms "
          f"(runs: {each} ms)")
    print(f"type 'garc' and list: {best['search_s'] * 1e3:.1f} ms; "
          f"clear the search (all patients again): {best['clear_s'] * 1e3:.1f} ms")
    print(f"peak memory after scrolling and searching: {max(r['peak_mb'] for r in runs):.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    path = HERE / "out" / f"clinic-{args.patients}.sqlite"
    build(path, args.patients)
    bench_search(path, args.repeat)
    bench_window(path)


if __name__ == "__main__":
    main()
