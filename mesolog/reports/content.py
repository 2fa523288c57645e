"""What a printed report shows, gathered before any drawing starts.

The services fill these from the database; the report modules only lay
them out, so a report can be built (and tested) from plain values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from mesolog.domain.adverse_event import AdverseEvent
from mesolog.domain.consent import Consent
from mesolog.domain.measurement import Metric
from mesolog.domain.patient import Patient
from mesolog.domain.print_layout import Paper
from mesolog.domain.session import Session


@dataclass(frozen=True)
class Letterhead:
    name: str = "Mesolog clinic"
    address: str = ""  # one line per line of the address
    phone: str = ""
    logo: bytes | None = None  # PNG or JPEG
    paper: Paper = Paper.A4  # what every report is laid out for


@dataclass(frozen=True)
class CourseBlock:
    protocol: str
    status: str
    planned_sessions: int
    next_due: date | None
    sessions: tuple[Session, ...]  # oldest first


@dataclass(frozen=True)
class Grade:
    recorded_on: date
    scale: str
    value: str
    description: str


@dataclass(frozen=True)
class TrendBlock:
    title: str  # "Density at vertex centre (hairs/cm²)"
    points: tuple[tuple[date, float], ...]
    session_days: tuple[date, ...]
    change: str  # "+21 (+15 %) since baseline", or ""
    metric: Metric  # its axis spans what matters for the metric (domain/trend_axes.py)


@dataclass(frozen=True)
class PhotoPair:
    view: str
    before: tuple[date, bytes]  # the picture, as attached
    after: tuple[date, bytes]


@dataclass(frozen=True)
class ReportContent:
    letterhead: Letterhead
    printed_at: datetime
    printed_by: str
    patient: Patient
    consents: tuple[Consent, ...] = ()
    grades: tuple[Grade, ...] = ()
    courses: tuple[CourseBlock, ...] = ()
    events: tuple[AdverseEvent, ...] = ()
    trends: tuple[TrendBlock, ...] = ()
    photos: PhotoPair | None = None
    lot_labels: dict[int, tuple[int, str]] = field(default_factory=dict)  # lot → product id, label
    next_due: date | None = None

    @property
    def sessions(self) -> tuple[Session, ...]:
        return tuple(s for c in self.courses for s in c.sessions)
