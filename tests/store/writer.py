"""A separate process that adds patients one transaction at a time.

It prints each chart number after its commit returns, so the parent knows
exactly which records were committed when it kills or copies the database.
"""

import sys
from datetime import date

from mesolog.domain.patient import Diagnosis, PatientDetails, Sex
from mesolog.domain.permissions import Actor
from mesolog.services.patients import PatientService
from mesolog.store.database import open_database

db = open_database(sys.argv[1]).acting_as(Actor.program("the writer process"))
patients = PatientService(db)
for number in range(1, int(sys.argv[2]) + 1):
    chart = f"W-{number:06d}"
    patients.create(PatientDetails(chart_no=chart, last_name="Writer", first_name=f"N{number}",
                                   date_of_birth=date(1980, 1, 1), sex=Sex.OTHER,
                                   diagnosis=Diagnosis.OTHER, notes="x" * 500))
    print(chart, flush=True)
