"""The demo clinic's side effects, at the frequencies practitioners report.

Most sessions bring mild pain or redness that settles within a day or two;
bruising and swelling are occasional; infection and allergic reactions are
rare. Recent events are still open, and a few old mild ones were never
followed up.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from mesolog.domain.adverse_event import Action, EventKind, Outcome
from mesolog.domain.scalp import ScalpZone

# kind, chance per session, grades, days until onset, days to resolve, actions, lot suspected
_PROFILE = [
    (EventKind.PAIN, 0.35, (1,), (0, 0), (0, 1), (Action.NONE,), False),
    (EventKind.ERYTHEMA, 0.30, (1,), (0, 0), (0, 2), (Action.COLD_COMPRESS,), False),
    (EventKind.SWELLING, 0.05, (1, 2), (0, 1), (1, 4), (Action.COLD_COMPRESS,), True),
    (EventKind.BRUISING, 0.06, (1, 1, 2), (0, 1), (5, 14), (Action.NONE,), True),
    (EventKind.HEADACHE, 0.03, (1,), (0, 1), (0, 1), (Action.NONE,), False),
    (EventKind.ITCHING, 0.02, (1,), (1, 2), (1, 5), (Action.TOPICAL,), True),
    (EventKind.INFECTION, 0.003, (2, 3), (2, 5), (7, 21),
     (Action.ANTIBIOTICS, Action.TREATMENT_PAUSED), True),
    (EventKind.ALLERGIC_REACTION, 0.0015, (2, 3), (0, 1), (2, 7),
     (Action.ANTIHISTAMINE, Action.TREATMENT_PAUSED), True),
    (EventKind.SCARRING, 0.0005, (1, 2), (20, 40), (30, 60), (Action.REFERRAL,), True),
]


def side_effects_for(rng: random.Random, session_id: int, patient_id: int, performed: datetime,
                     lot_ids: list[int], practitioner: int, now: datetime
                     ) -> tuple[list[dict], dict | None]:
    """The session's adverse-event rows, or else perhaps a "none observed" check."""
    today = now.date()
    day = performed.date()
    events = []
    for kind, chance, grades, onset_days, resolve_days, actions, lot_suspected in _PROFILE:
        if rng.random() >= chance:
            continue
        onset = day + timedelta(days=rng.randint(*onset_days))
        if onset > today:
            continue
        grade = rng.choice(grades)
        resolved_on: date | None = onset + timedelta(days=rng.randint(*resolve_days))
        outcome = Outcome.RESOLVED_WITH_SEQUELAE if kind is EventKind.SCARRING else \
            Outcome.RESOLVED
        if resolved_on > today or (grade == 1 and rng.random() < 0.002):
            resolved_on, outcome = None, Outcome.ONGOING  # recent, or never followed up
        events.append({
            "patient_id": patient_id, "session_id": session_id, "kind": kind.value,
            "other_text": "", "onset": onset, "grade": grade, "serious": grade >= 3,
            "actions": ",".join(a.value for a in actions),
            "zone": rng.choice(list(ScalpZone)).value if lot_suspected else None,
            "suspected_lot_id": rng.choice(lot_ids) if lot_suspected else None,
            "resolved_on": resolved_on, "outcome": outcome.value, "notes": "",
            "created_at": datetime.combine(onset, performed.time()), "updated_at": now,
            "version": 1,
        })
    if events or rng.random() > 0.7:
        return events, None
    return [], {"session_id": session_id, "checked_by_id": practitioner,
                "checked_at": performed + timedelta(days=rng.randint(1, 3))}
