"""Typing in the search box at 100,000 or 1,000,000 patients: each kind of query from
the search to the list redrawn, its count that follows, and the floor of the same run.

    cd bench && ../.venv/bin/python bench_list.py                     # 100,000 patients
    cd bench && ../.venv/bin/python bench_list.py --patients 1000000  # built first: ~7.5 min
    cd bench && ../.venv/bin/python bench_list.py --server postgresql://…/bench  # on a server

The clinic is `bench/out/clinic-N.sqlite` (bench_clinic.demo_clinic). The window is
the real one (offscreen): the text is put in the search box, the search applied as the
box's timer applies it, and the list painted at once (`repaint`). The floor is
painting the same list without searching.
Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_clinic import demo_clinic, median_ms, server_clinic
from PySide6.QtCore import QSettings

from mesolog.domain.permissions import Actor
from mesolog.store.database import open_database
from mesolog.ui.app import make_application
from mesolog.ui.common.settings import Settings
from mesolog.ui.gate import OpenGate
from mesolog.ui.main_window import MainWindow

KINDS = {
    "one letter": ["m", "s", "p", "a"],
    "empty box": [""],
    "surname prefix": ["mul", "garc", "nowa", "ozt", "jorg", "smi", "kowal", "dvo"],
    "first + last": ["anna mul", "lukasz woj", "jose garc", "emma smith"],
    "chart number": ["P-012345", "P-0999", "P-05", "p-100000"],
    "date of birth": ["1984-03-27", "12.06.1979", "01/01/1990"],
}




def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--server", metavar="ADDRESS",
                        help="the same clinic on this empty (or already filled) PostgreSQL "
                             "database, moved there by a backup set")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)
    path = demo_clinic(args.patients)
    app = make_application()
    settings = Settings(QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"),
                                  QSettings.Format.IniFormat))
    window = MainWindow(settings, gate=OpenGate(Actor.program("the list benchmark")))
    window.resize(1200, 800)
    window.show()
    window.attach(open_database(server_clinic(path, args.server) if args.server else path))
    app.processEvents()
    view = window.list_view.viewport()

    def search(text: str) -> None:
        window.search_box.blockSignals(True)  # the timer is skipped, its slot called
        window.search_box.setText(text)
        window.search_box.blockSignals(False)
        window.list_panel.apply_search()
        view.repaint()

    print(f"{args.patients:,} patients; medians of {args.repeat}, ms\n")
    print(f"{'kind':<16}{'to the list drawn':>19}{'worst query':>13}{'floor':>7}"
          f"{'ratio':>7}{'count after':>13}  plans; worst query")
    for kind, texts in KINDS.items():
        each, counts, plans = [], [], set()
        for text in texts:
            each.append(median_ms(lambda t=text: search(t), args.repeat))
            counts.append(median_ms(window.list_panel.update_count, args.repeat))
            plans.add(window.model._plan.name)
        floor = median_ms(view.repaint, args.repeat)
        typical = statistics.median(each)
        print(f"{kind:<16}{typical:>19.2f}{max(each):>13.2f}{floor:>7.2f}"
              f"{typical / floor:>7.1f}{max(counts):>13.2f}  {', '.join(sorted(plans))}; "
              f"{texts[each.index(max(each))]!r}")
    window.database.close()  # not window.close(): no automatic backup of the clinic


if __name__ == "__main__":
    main()
