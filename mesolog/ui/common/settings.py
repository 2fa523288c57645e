"""Typed window settings stored with QSettings.

Each setting is declared once as an Option; widgets read and write options,
never raw QSettings keys, so a key and its default live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T
    kind: type


MAIN_WINDOW_GEOMETRY = Option("main_window/geometry", QByteArray(), QByteArray)
MAIN_WINDOW_STATE = Option("main_window/state", QByteArray(), QByteArray)
MAIN_SPLITTER = Option("main_window/splitter", QByteArray(), QByteArray)
PATIENT_LIST_HEADER = Option("patient_list/header", QByteArray(), QByteArray)
INCLUDE_ARCHIVED = Option("patient_list/include_archived", False, bool)
AUTO_BACKUP = Option("backup/automatic", True, bool)
BACKUP_FOLDER = Option("backup/folder", "", str)  # empty: "backups" beside the database
# the database whose automatic backup failed at closing: tried again when it is next opened
BACKUP_OWED = Option("backup/owed", "", str)
IDLE_LOCK_MINUTES = Option("security/idle_lock_minutes", 10, int)
# a code of domain.translation.LANGUAGES; empty: the system's language
LANGUAGE = Option("display/language", "", str)
# the desk's barcode scanner (ui/common/scanner.py): the key it ends a scan with
# (a key of SCAN_ENDINGS), the character it sends for the group separator (""
# for the separator itself), and the desk layout a US-set scanner types on
SCANNER_ENDING = Option("scanner/ending", "enter tab", str)
SCANNER_SEPARATOR = Option("scanner/separator", "", str)
SCANNER_LAYOUT = Option("scanner/layout", "", str)


class Settings:
    """Reads and writes Options; tests hand in a QSettings on a temporary file."""

    def __init__(self, store: QSettings):
        self._store = store

    def get(self, option: Option[T]) -> T:
        value = self._store.value(option.key, option.default)
        if option.kind is bool and isinstance(value, str):  # INI files give strings back
            return value.lower() == "true"  # type: ignore[return-value]
        if option.kind is int and isinstance(value, str):
            return int(value) if value.isdigit() else option.default  # type: ignore[return-value]
        if value is None or not isinstance(value, option.kind):
            return option.default
        return value

    def set(self, option: Option[T], value: T) -> None:
        self._store.setValue(option.key, value)

    def sync(self) -> None:
        self._store.sync()
