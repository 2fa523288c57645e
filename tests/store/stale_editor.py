"""Another Mesolog process: opens a patient, waits, then saves its own change."""

import sys
from dataclasses import replace

from mesolog.domain.permissions import Actor
from mesolog.domain.validation import ConflictError
from mesolog.services.patients import PatientService
from mesolog.store.database import open_database

db = open_database(sys.argv[1]).acting_as(Actor.program("the second instance"))
patients = PatientService(db)
opened = patients.get(int(sys.argv[2]))
print("opened", opened.version, flush=True)
sys.stdin.readline()  # the other instance saves meanwhile
try:
    patients.update(opened.id, opened.version, replace(opened.details, notes="second instance"))
    print("saved", flush=True)
except ConflictError as e:
    print(f"conflict: {e}", flush=True)
