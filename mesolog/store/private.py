"""Files and folders of health records, for their owner only.

The database (and the -wal and -shm files SQLite gives the database's own
mode), its photos, backups and saved reports are created 0600 and their
folders 0700 on POSIX systems: another account on the same desktop reads none
of them. Windows keeps a user's files private through the profile's own access
rules, so the modes are not applied there.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from mesolog.domain.translation import _

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


class NotAPlainFile(Exception):
    """A link, a folder, a device or a pipe where a file's contents were expected."""


class FileTooLarge(Exception):
    """A file larger than the caller takes whole into memory."""


def read_plain_file(source: Path, max_bytes: int) -> bytes:
    """The contents of the plain file ``source``; NotAPlainFile for anything else,
    FileTooLarge past ``max_bytes``. A symbolic link is not followed (it could point at
    any file the user can read)."""
    try:
        if not stat.S_ISREG(os.lstat(source).st_mode):
            raise NotAPlainFile(_("{source} is not a plain file").format(source=source))
        descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError as e:
        raise NotAPlainFile(_("{source} cannot be read ({strerror})").format(
                                source=source, strerror=e.strerror)) from None
    with os.fdopen(descriptor, "rb") as src:
        status = os.fstat(src.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise NotAPlainFile(_("{source} is not a plain file").format(source=source))
        if status.st_size > max_bytes:
            raise FileTooLarge(f"{source} is {status.st_size / 1e6:,.0f} MB, more than "
                               f"{max_bytes / 1e6:,.0f} MB")
        try:
            return src.read(max_bytes + 1)
        except OSError as e:
            raise NotAPlainFile(_("{source} cannot be read ({strerror})").format(
                                    source=source, strerror=e.strerror)) from None


def write_incoming(data: bytes, folder: Path) -> Path:
    """``data`` written into ``folder`` under a temporary name, flushed to disk. The
    caller then ``place``s it: an interrupted write never stands under a final name."""
    private_folder(folder)
    handle, name = tempfile.mkstemp(prefix=".incoming-", suffix=".part", dir=folder)
    _forget_interrupted_copies(folder, Path(name))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return keep_private(Path(name))


# A copy still under its temporary name this long after it began was interrupted (a
# crash, a killed process): nothing will ever give it a final name.
_INTERRUPTED_AFTER_S = 600


def _forget_interrupted_copies(folder: Path, ours: Path) -> None:
    # "now" is our own new file's time, on the file system's clock: a folder on another
    # machine, or a process clock set apart from the disk's, compares like with like
    now = ours.stat().st_mtime
    for leftover in folder.glob(".incoming-*.part"):
        try:
            if leftover != ours and now - leftover.stat().st_mtime > _INTERRUPTED_AFTER_S:
                leftover.unlink()
        except OSError:
            continue  # another desk's copy that just finished, or gone already


def place(temporary: Path, target: Path) -> None:
    """Give a checked temporary file its final name, in one step."""
    private_folder(target.parent)
    os.replace(temporary, target)
