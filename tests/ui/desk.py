"""Another desk: a separate process on the same server database, acting as the
clinic's administrator. ``desk.py ADDRESS CHART PATIENT_ID`` records a new patient with
chart number CHART, then changes patient PATIENT_ID's phone (a save the first desk has
not seen), printing each as it is committed."""

import sys
from dataclasses import replace

from mesolog.domain.permissions import Actor
from mesolog.domain.practitioner import Role
from mesolog.services.patients import PatientService
from mesolog.store.database import open_database
from tests.conftest import details, fixed_clock

address, chart, patient_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = open_database(address).acting_as(Actor(1, "Dr Claire Moreau", Role.ADMINISTRATOR))
patients = PatientService(db, clock=fixed_clock)
made = patients.create(details(chart_no=chart, last_name="Desk", first_name="Two"))
print("created", made.id, flush=True)
current = patients.get(patient_id)
patients.update(patient_id, current.version,
                replace(current.details, phone="+33 1 22 33 44 55"))
print("updated", patient_id, flush=True)
db.close()
