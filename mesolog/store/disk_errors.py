"""What a failed write means, in one sentence a practitioner can act on."""

from __future__ import annotations

import errno
from pathlib import Path

_BY_ERRNO = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "you may not write there",
    errno.EPERM: "you may not write there",
}


def reason(error: BaseException) -> str:
    """Why a write failed: "the disk is full", "you may not write there"…"""
    if isinstance(error, OSError) and error.errno in _BY_ERRNO:
        return _BY_ERRNO[error.errno]
    text = str(error).lower()
    if "disk is full" in text or ("disk i/o error" in text and "full" in text):
        return "the disk is full"
    if "readonly" in text or "read-only" in text:
        return "the file or its folder is read-only"
    if "locked" in text or "busy" in text:
        return "another program kept the database busy"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)


def could_not_write(what: str, where: Path, error: BaseException) -> str:
    """One line: what was not written, where, and why."""
    return f"{what} could not be written to {where}: {reason(error)}; nothing was left behind"
