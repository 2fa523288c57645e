"""Logging in: a known login with a wrong password against an unknown login, and wrong
passwords through separate processes.

Run by hand (not by CI):  python bench/bench_login.py [--repeat R]
Figures and how to read them: bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import delete

from mesolog.services.accounts import AccountService, LoginRefused
from mesolog.services.demo import build_demo_clinic
from mesolog.store import models
from mesolog.store.database import open_database


def refused_in(service: AccountService, login: str) -> float:
    start = time.perf_counter()
    with contextlib.suppress(LoginRefused):
        service.authenticate(login, "a wrong guess")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = folder / "clinic.sqlite"
    db = open_database(path)
    build_demo_clinic(db, 5, seed=1)
    # a clock that moves on a day per call, so the rate limit never makes a try wait
    now = iter(range(0, 10**9, 86_400))
    service = AccountService(db, seconds=lambda: float(next(now)))
    known = [refused_in(service, "cmoreau") for _ in range(args.repeat)]
    unknown = [refused_in(service, "nosuchlogin") for _ in range(args.repeat)]
    with db.bookkeeping() as session:  # the separate processes start from no failures
        session.execute(delete(models.LoginFailure))
    db.close()
    k, u = statistics.median(known), statistics.median(unknown)
    print(f"wrong password, known login:  median {k * 1000:.0f} ms over {args.repeat}")
    print(f"any password, unknown login:  median {u * 1000:.0f} ms over {args.repeat}")
    print(f"difference: {abs(k - u) / max(k, u) * 100:.1f} %")

    env = {**os.environ, "MESOLOG_LOGIN": "cmoreau", "MESOLOG_PASSWORD": "a wrong guess"}
    for n in range(1, 9):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "mesolog", "backup", "--db", str(path),
                               "-o", str(folder / f"b{n}.sqlite")], capture_output=True,
                              text=True, env=env)
        took = time.perf_counter() - start
        print(f"process {n}: {took:.2f} s, exit {done.returncode}: {done.stderr.strip()}")


if __name__ == "__main__":
    main()
