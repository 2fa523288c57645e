"""Ten desks recording sessions at once on one PostgreSQL server, for a minute.

    createdb bench-desks   (an empty database)
    cd bench && ../.venv/bin/python bench_desks.py --server postgresql://…/bench-desks

Each desk is a process of its own, logged in as a practitioner of its own, and does
what a treatment room does, as fast as it can: it shows a patient's chart (reads it),
records a session for them (products from two lots, an injection map of 24 points),
then saves a change to the chart it showed. Patients are few (20), so desks often show
the same chart: a save made on a version another desk changed meanwhile is refused
("changed elsewhere"), counted as a conflict, and the desk goes on. At the end every
session a desk was told was saved is looked for on the server, and the patients'
versions are checked against the chart saves the desks were told went through:
nothing told saved may be missing. Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta

from mesolog.domain.catalogue import LotDetails, ProductDetails
from mesolog.domain.course import CourseDetails
from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.patient import Diagnosis, PatientDetails, Sex
from mesolog.domain.permissions import Actor
from mesolog.domain.scalp import ScalpView, ScalpZone, grid
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.domain.validation import ConflictError
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from mesolog.store.database import open_database, open_server_database

PATIENTS = 20


def prepare(address: str, desks: int) -> None:
    """Practitioners, two lots, the patients with a course each."""
    db = open_server_database(address, create=True)
    setup = Clinic.of(db.acting_as(Actor.program("the desks benchmark's set-up")))
    if setup.patients.count(include_archived=True):
        sys.exit(f"{address} holds records already: give the benchmark an empty database")
    for desk in range(desks):
        setup.practitioners.create(f"Dr Desk {desk}", f"desk{desk}", Role.PRACTITIONER)
    for name in ("Minoxidil 0.5 %", "Biotin complex"):
        product = setup.catalogue.create_product(ProductDetails(name, "Maker", "", ()))
        setup.catalogue.add_lot(product.id, LotDetails("L-7", date(2030, 6, 30)))
    for n in range(PATIENTS):
        patient = setup.patients.create(PatientDetails(
            chart_no=f"D-{n:03}", last_name=f"Öztürk-{n}", first_name="Zeynep",
            date_of_birth=date(1980, 1, 1) + timedelta(days=97 * n), sex=Sex.FEMALE,
            diagnosis=Diagnosis.FEMALE_AGA))
        setup.courses.create(patient.id, CourseDetails("Minoxidil + biotin", 52, 28,
                                                       date.today() - timedelta(days=30)))
    db.close()


def desk(address: str, number: int, begin: float, until: float) -> dict:
    """One desk's work from ``begin`` to ``until`` (time.time()): what it was told."""
    db = open_database(address)
    (me, name), = db.fetch_all("SELECT id, name FROM practitioner WHERE login = ?",
                               (f"desk{number}",))
    clinic = Clinic.of(db.acting_as(Actor(me, name, Role.PRACTITIONER)))
    lots = [lot.id for lot in clinic.catalogue.lots()]
    patient_ids = [row[0] for row in db.fetch_all("SELECT id FROM patient ORDER BY id")]
    spots = grid(ScalpView.TOP, ScalpZone.VERTEX, 1.0)[:24]
    points = tuple(InjectionPoint(ScalpView.TOP, x, y, 1.5, 0.05, lots[i % 2])
                   for i, (x, y) in enumerate(spots))
    uses = tuple(ProductUse(lot, round(sum(p.volume_ml for p in points if p.lot_id == lot), 3))
                 for lot in lots)
    rng = random.Random(number)
    sessions, chart_saves, conflicts, timings = [], 0, 0, []
    time.sleep(max(0.0, begin - time.time()))
    while time.time() < until:
        patient_id = rng.choice(patient_ids)
        shown = clinic.patients.get(patient_id)  # the chart on screen
        course = clinic.courses.for_patient(patient_id)[0].course
        start = time.perf_counter()
        recorded = clinic.sessions.create(patient_id, SessionDetails(
            performed_at=datetime.now().replace(microsecond=0) - timedelta(minutes=5),
            practitioner_id=me, course_id=course.id, technique=Technique.PAPULE,
            device=Device.MANUAL, notes=f"desk {number}", products=uses, points=points))
        timings.append(time.perf_counter() - start)
        sessions.append(recorded.id)
        try:
            clinic.patients.update(patient_id, shown.version, replace(
                shown.details, notes=f"seen at desk {number}, session {recorded.id}"))
            chart_saves += 1
        except ConflictError:
            conflicts += 1  # another desk saved this chart since it was shown
    db.close()
    return {"sessions": sessions, "chart_saves": chart_saves, "conflicts": conflicts,
            "timings": timings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", required=True, metavar="ADDRESS")
    parser.add_argument("--desks", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--desk", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--between", type=float, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.desk is not None:
        print(json.dumps(desk(args.server, args.desk, *args.between)))
        return
    prepare(args.server, args.desks)
    begin = time.time() + 5  # every desk started (its imports done) before
    between = [str(begin), str(begin + args.seconds)]
    running = [subprocess.Popen([sys.executable, __file__, "--server", args.server,
                                 "--desk", str(n), "--between", *between],
                                stdout=subprocess.PIPE, text=True)
               for n in range(args.desks)]
    outputs = [process.communicate()[0] for process in running]
    if any(process.returncode for process in running):
        sys.exit("a desk failed: see above")
    told = [json.loads(output) for output in outputs]
    sessions = [sid for desk_told in told for sid in desk_told["sessions"]]
    timings = sorted(t for desk_told in told for t in desk_told["timings"])
    chart_saves = sum(desk_told["chart_saves"] for desk_told in told)
    conflicts = sum(desk_told["conflicts"] for desk_told in told)

    db = open_database(args.server)
    stored = {row[0] for row in db.fetch_all("SELECT id FROM session")}
    points = db.fetch_all("SELECT count(*) FROM injection_point")[0][0]
    versions = db.fetch_all("SELECT sum(version - 1) FROM patient")[0][0]
    db.close()
    lost = [sid for sid in sessions if sid not in stored]
    print(f"{args.desks} desks for {args.seconds:.0f} s on {args.server}")
    print(f"sessions recorded: {len(sessions):,} ({len(sessions) / args.seconds:.1f} per "
          f"second; each with 24 points and 2 products: {points:,} points stored)")
    print(f"  time to save one: median {statistics.median(timings) * 1000:.1f} ms, "
          f"95th percentile {timings[int(len(timings) * 0.95)] * 1000:.1f} ms, "
          f"slowest {timings[-1] * 1000:.1f} ms")
    print(f"chart saves: {chart_saves:,} stored, {conflicts:,} refused as changed "
          f"elsewhere ({conflicts / max(1, chart_saves + conflicts):.0%} of tries)")
    print(f"lost: {len(lost)} sessions told saved and not found; chart saves told "
          f"stored {chart_saves:,}, patients' versions moved {versions:,}")
    if lost or versions != chart_saves or len(stored) != len(sessions):
        sys.exit("LOST OR UNEXPECTED WRITES")


if __name__ == "__main__":
    main()
