"""What a committed change touched, said once for whatever shows it.

Like Anki's OpChanges: after each change the database tells its listeners which kinds
of record (tables) and which patients the change touched, read from the same flush
that writes the audit trail. A change made elsewhere (another window's helper
thread, another process on the same file, later another desk) is seen by reading the
audit trail past the last entry seen, skipping the window's own entries by their ids.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    tables: frozenset[str] = frozenset()
    patient_ids: frozenset[int] = frozenset()
    elsewhere: bool = False  # what it touched is not known: anything may have changed
    by_another: bool = False  # made by another program (or desk), not by this window
    audit_ids: frozenset[int] = frozenset()  # the change's own audit entries

    def may_touch_patient(self, patient_id: int) -> bool:
        return self.elsewhere or patient_id in self.patient_ids

    def may_touch(self, *tables: str) -> bool:
        return self.elsewhere or not self.tables.isdisjoint(tables)

    @classmethod
    def of(cls, touched: set[tuple[str, int | None]], *, by_another: bool = False,
           audit_ids: set[int] | frozenset[int] = frozenset()) -> Changes:
        """From the (table, patient id) pairs a transaction's audit entries named."""
        return cls(frozenset(table for table, _ in touched),
                   frozenset(patient for _, patient in touched if patient is not None),
                   by_another=by_another, audit_ids=frozenset(audit_ids))


ANYTHING = Changes(elsewhere=True, by_another=True)
