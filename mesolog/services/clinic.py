"""All services of one open database, handed to the window as one object."""

from __future__ import annotations

from dataclasses import dataclass

from mesolog.domain.permissions import Actor
from mesolog.services.accounts import AccountService
from mesolog.services.adverse_events import AdverseEventService
from mesolog.services.catalogue import CatalogueService
from mesolog.services.clock import Clock
from mesolog.services.consent import ConsentService
from mesolog.services.courses import CourseService
from mesolog.services.history import HistoryService
from mesolog.services.outcomes import OutcomeService
from mesolog.services.patients import PatientService
from mesolog.services.practitioners import PractitionerService
from mesolog.services.sessions import SessionService
from mesolog.store.database import Database


@dataclass(frozen=True)
class Clinic:
    db: Database
    patients: PatientService
    practitioners: PractitionerService
    accounts: AccountService
    catalogue: CatalogueService
    consent: ConsentService
    courses: CourseService
    sessions: SessionService
    adverse_events: AdverseEventService
    outcomes: OutcomeService
    history: HistoryService
    clock: Clock

    @property
    def actor(self) -> Actor | None:
        """Who is logged in: every change through these services is theirs."""
        return self.db.actor

    @classmethod
    def of(cls, db: Database, clock: Clock | None = None) -> Clinic:
        """Every service of ``db`` on one clock: ``clock``, else the database's own."""
        clock = clock or db.clock
        db.clock = clock  # the audit trail's times come from the same clock
        return cls(db, PatientService(db, clock), PractitionerService(db, clock),
                   AccountService(db, clock),
                   CatalogueService(db, clock), ConsentService(db, clock),
                   CourseService(db, clock), SessionService(db, clock),
                   AdverseEventService(db, clock), OutcomeService(db, clock),
                   HistoryService(db), clock)
