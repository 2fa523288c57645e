"""The same search results before and after a change to how the list is read.

Run by hand on a demo clinic (bench/README.md):

    python bench/same_results.py --db bench/out/clinic-100000.sqlite --save before.json
    ... change the code ...
    python bench/same_results.py --db bench/out/clinic-100000.sqlite --compare before.json

Each query (a few hundred: every name's prefixes, first + last names, chart
numbers, dates of birth, one letter, the empty box; every order, both
directions, with and without archived) is kept as its number of hits and a
digest of its ordered patient ids.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

from mesolog.domain.permissions import Actor
from mesolog.services.patient_search import LIST_PAGE_SIZE, PatientSort, SearchQuery
from mesolog.services.patients import PatientService
from mesolog.store.database import open_database


def queries(db) -> list[SearchQuery]:
    rng = random.Random(15)
    rows = db.fetch_all("SELECT last_name, first_name, chart_no, date_of_birth FROM patient "
                        "ORDER BY id LIMIT 5000")
    lasts = sorted({r[0] for r in rows})
    firsts = sorted({r[1] for r in rows})
    texts = ["", "m", "s", "p", "é", "ł", "zz", "nguyen", "o'c", "van der", "de vr",
             "sanchez-v", "P-", "p-0", "müller anna", "9999-01-01", "31.02.1980"]
    for name in lasts + firsts:
        texts += [name[:1], name[:2], name[:4], name, name.upper()]
    texts += [f"{rng.choice(firsts)} {rng.choice(lasts)[:3]}" for _ in range(30)]
    texts += [r[2] for r in rng.sample(rows, 20)] + [r[2][:5] for r in rng.sample(rows, 10)]
    texts += [r[3] for r in rng.sample(rows, 15)]
    texts += ["{2}.{1}.{0}".format(*r[3].split("-")) for r in rng.sample(rows, 5)]
    found = []
    for text in dict.fromkeys(texts):
        found.append(SearchQuery(text=text))
        found.append(SearchQuery(text=text, include_archived=True))
    for text in ("", "m", "garc", "anna", "P-01", rows[0][3]):
        for sort in PatientSort:
            for descending in (False, True):
                found.append(SearchQuery(text, include_archived=descending, sort=sort,
                                         descending=descending))
    return found


def ordered_ids(patients: PatientService, query: SearchQuery) -> list[int]:
    """Read as the list reads, a page of LIST_PAGE_SIZE after another."""
    return patients.search(query, page_size=LIST_PAGE_SIZE)


def key(query: SearchQuery) -> str:
    return json.dumps([query.text, query.include_archived, query.sort.name, query.descending],
                      ensure_ascii=False)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--save", type=Path)
    action.add_argument("--compare", type=Path)
    args = parser.parse_args()
    db = open_database(args.db).acting_as(Actor.program("the search comparison"))
    patients = PatientService(db)
    results = {}
    for query in queries(db):
        ids = ordered_ids(patients, query)
        digest = hashlib.sha256(",".join(map(str, ids)).encode()).hexdigest()[:16]
        results[key(query)] = [len(ids), digest]
    if args.save:
        args.save.write_text(json.dumps(results, ensure_ascii=False, indent=0))
        print(f"{len(results)} queries saved to {args.save}")
        return 0
    before = json.loads(args.compare.read_text())
    differ = [k for k in before if results.get(k) != before[k]]
    print(f"{len(before)} queries compared: {len(before) - len(differ)} the same, "
          f"{len(differ)} different")
    for k in differ[:20]:
        print(f"  {k}: before {before[k]}, now {results.get(k)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
