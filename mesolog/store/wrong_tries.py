"""Wrong passwords at an encrypted database that is still locked, counted in a small
file beside it (``<file>.tries``), so every process (the window, each ``mesolog``
command) sees the same count, as it does for a plain file in its ``login_failure`` table.

The locked database cannot be written (nobody has its key yet) and the key file is
written only under the database's write lock, so the count has a file of its own. It
names logins by their salted slot name, never in clear. It is replaced whole at each
change; two processes failing at the same instant may count one try fewer, never
lose a key. A file that cannot be written (a read-only disk) counts in this process
only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from mesolog.store.private import new_file

TRIES_SUFFIX = ".tries"


def tries_file_of(database: Path) -> Path:
    return database.with_name(database.name + TRIES_SUFFIX)


class WrongTries:
    def __init__(self, database: Path):
        self._path = tries_file_of(database)
        self._here: dict[str, tuple[int, float]] = {}  # when the file cannot be written

    def get(self, name: str) -> tuple[int, float]:
        count, last = self._read().get(name, (0, 0.0))
        here = self._here.get(name, (0, 0.0))
        return max((int(count), float(last)), here)

    def failed(self, name: str, at: float) -> None:
        count, _ = self.get(name)
        self._here[name] = (count + 1, at)
        tries = self._read()
        tries[name] = (count + 1, at)
        self._write(tries)

    def succeeded(self, name: str) -> None:
        self._here.pop(name, None)
        tries = self._read()
        if tries.pop(name, None) is not None:
            self._write(tries)

    def _read(self) -> dict[str, tuple[int, float]]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            return {str(k): (int(v[0]), float(v[1])) for k, v in data.items()}
        except (OSError, ValueError, TypeError, IndexError, AttributeError):
            return {}  # none yet, or damaged: the Argon2 cost of each try still holds

    def _write(self, tries: dict[str, tuple[int, float]]) -> None:
        partial = self._path.with_name(f".{self._path.name}.part")
        try:
            new_file(partial)
            partial.write_text(json.dumps(tries), encoding="utf-8")
            os.replace(partial, self._path)
        except OSError:
            partial.unlink(missing_ok=True)  # counted in this process only
