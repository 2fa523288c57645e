"""Files and folders of health records, for their owner only.

The database (and the -wal and -shm files SQLite gives the database's own
mode), its photos, backups and saved reports are created 0600 and their
folders 0700 on POSIX systems: another account on the same desktop reads none
of them. Windows keeps a user's files private through the profile's own access
rules, so the modes are not applied there.
"""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
PROCESS_UMASK = 0o077  # whatever else the process creates: owner only as well
_POSIX = os.name == "posix"


def owner_only_process() -> None:
    """Make every file this process creates from now on private to its owner."""
    if _POSIX:
        os.umask(PROCESS_UMASK)


def new_file(path: Path) -> Path:
    """Create ``path`` empty (or empty it), readable by its owner only, before anything
    writes into it, so its contents are never readable by others, not even briefly."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    os.close(descriptor)
    return keep_private(path)


def keep_private(path: Path) -> Path:
    """Set a file's (or a folder's) mode to the owner's alone."""
    if _POSIX:
        os.chmod(path, FOLDER_MODE if path.is_dir() else FILE_MODE)
    return path


def private_folder(path: Path) -> Path:
    """``path`` as a folder of Mesolog's own (a photo folder, the backup folder),
    created if missing, private to its owner; the folders above it are left as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.mkdir(mode=FOLDER_MODE, exist_ok=True)
    return keep_private(path)


def write_private(path: Path, data: bytes) -> Path:
    new_file(path)
    path.write_bytes(data)
    return path
