"""A clinic export brought into a new database (store/clinic_import.py): the records,
then a password for one of its administrators, chosen by whoever imports it, so that
somebody can log in (an export holds no password)."""

from __future__ import annotations

import json
from pathlib import Path

from mesolog.domain.permissions import Action
from mesolog.domain.progress import Progress, no_progress
from mesolog.domain.translation import _
from mesolog.domain.validation import FieldError, ValidationError
from mesolog.services.accounts import AccountService
from mesolog.store.clinic_import import ClinicImported, import_clinic, read_manifest
from mesolog.store.database import Database


class ClinicImportService:
    def __init__(self, db: Database):
        self._db = db

    def import_clinic(self, folder: Path, administrator: str, password: str,
                      progress: Progress = no_progress) -> ClinicImported:
        """Every record of the export ``folder`` into this empty database; then
        ``administrator`` (a login of the export's, an active administrator) logs in
        with ``password``. Both are checked before anything is written."""
        self._db.require(Action.IMPORT)
        folder = Path(folder)
        read_manifest(folder)
        login = administrator.strip().lower()
        if login not in _administrators(folder):
            raise ValidationError([FieldError("login", _("No active administrator of the export "
                                                         "has the login {login}.").format(
                                                           login=login))])
        accounts = AccountService(self._db)
        accounts.check_new_password(password, login)
        imported = import_clinic(self._db, folder, progress)
        accounts.give_imported_administrator(login, password)
        return imported


def _administrators(folder: Path) -> set[str]:
    with (folder / "practitioner.jsonl").open(encoding="utf-8") as lines:
        people = [json.loads(line) for line in lines]
    return {p["login"] for p in people if p["role"] == "administrator" and p["active"]}
