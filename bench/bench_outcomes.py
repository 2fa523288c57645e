"""Outcomes across the practice (issue 20): the 100,000-patient demo clinic aggregated
for one cohort and outcome, as Clinic > Outcomes Across the Practice and `mesolog
cohort` compute it (the SQL, the patients' outcomes, the intervals). Medians of 5 warm
runs; the first run apart (it imports scipy.stats).

    cd bench && ../.venv/bin/python bench_outcomes.py [--patients N]
    cd bench && ../.venv/bin/python bench_outcomes.py --server postgresql://…/bench

Figures: bench/README.md.
"""

from __future__ import annotations

import argparse
import time

from bench_clinic import demo_clinic, median_ms, server_clinic

from mesolog.domain.cohort import Cohort, Outcome, OutcomeKind
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.permissions import Actor
from mesolog.services.practice_outcomes import PracticeOutcomesService
from mesolog.store.database import open_database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--server", metavar="ADDRESS",
                        help="the clinic moved onto this (empty) server database first")
    args = parser.parse_args()
    path = demo_clinic(args.patients)
    where = server_clinic(path, args.server) if args.server else path
    db = open_database(where).acting_as(Actor.program("the outcomes benchmark"))
    service = PracticeOutcomesService(db)
    everyone = Cohort()
    start = time.perf_counter()
    first = service.cohort(everyone, Outcome())
    print(f"{args.patients:,} patients, {'server' if args.server else 'file'}: first run "
          f"(scipy.stats imported) {time.perf_counter() - start:.2f} s; "
          f"{len(first.patients):,} in the cohort, {len(first.analysed):,} analysed")
    (product_id, product), *_ = service.products()
    cases = [
        ("every patient, density at 6 months", everyone, Outcome()),
        ("every patient, grade at 12 months", everyone,
         Outcome(kind=OutcomeKind.GRADE, months=12)),
        ("every patient, satisfaction at 3 months", everyone,
         Outcome(kind=OutcomeKind.SATISFACTION, months=3)),
        (f"women with female AGA aged 30-50 given {product}, density at 6 months",
         Cohort(diagnoses=frozenset({Diagnosis.FEMALE_AGA}), sexes=frozenset({Sex.FEMALE}),
                age_from=30, age_to=50, product_id=product_id), Outcome()),
    ]
    for name, cohort, outcome in cases:
        result = service.cohort(cohort, outcome)
        took = median_ms(lambda c=cohort, o=outcome: service.cohort(c, o), 5)
        print(f"  {name}: {took:.0f} ms ({len(result.patients):,} patients, "
              f"{len(result.analysed):,} analysed)")
    took = median_ms(lambda: service.compare(Cohort(diagnoses=frozenset({Diagnosis.MALE_AGA})),
                                             Cohort(diagnoses=frozenset({Diagnosis.FEMALE_AGA})),
                                             Outcome()), 5)
    print(f"  male AGA against female AGA, density at 6 months: {took:.0f} ms")
    db.close()


if __name__ == "__main__":
    main()
