"""What a committed change touched, said once for whatever shows it.

Like Anki's OpChanges: after each change the database tells its listeners which kinds
of record (tables) and which patients the change touched, read from the same flush
that writes the audit trail. A change made elsewhere (another window's helper
thread, another process on the same file, later another desk) is seen by polling
SQLite's ``PRAGMA data_version`` and said as "anything may have changed".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    tables: frozenset[str] = frozenset()
    patient_ids: frozenset[int] = frozenset()
    elsewhere: bool = False  # made by another connection: what it touched is not known

    def may_touch_patient(self, patient_id: int) -> bool:
        return self.elsewhere or patient_id in self.patient_ids

    def may_touch(self, *tables: str) -> bool:
        return self.elsewhere or not self.tables.isdisjoint(tables)

    @classmethod
    def of(cls, touched: set[tuple[str, int | None]]) -> Changes:
        """From the (table, patient id) pairs a transaction's audit entries named."""
        return cls(frozenset(table for table, _ in touched),
                   frozenset(patient for _, patient in touched if patient is not None))


ANYTHING = Changes(elsewhere=True)
