"""mesolog import patients: a clinic's patients from a spreadsheet saved as CSV."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from mesolog.domain.patient import FIELD_LABELS
from mesolog.domain.patient_import import IMPORTED_FIELDS

FIELDS_HELP = ", ".join(IMPORTED_FIELDS)


def add_import_parser(commands: argparse._SubParsersAction, parser_class: type,
                      db_option: Callable[[argparse.ArgumentParser, str], None]) -> None:
    what = commands.add_parser("import", help="records from another program: patients "
                               "from a spreadsheet")
    kinds = what.add_subparsers(dest="import_kind", metavar="WHAT", parser_class=parser_class,
                                required=True)
    patients = kinds.add_parser(
        "patients", help="patients from an Excel workbook (.xlsx) or a CSV file (UTF-8 or "
        "Windows-1252; comma, semicolon or tab); all or nothing unless --valid-rows-only "
        "(an administrator)")
    db_option(patients, "database to import into")
    patients.add_argument("spreadsheet", type=Path, metavar="PATIENTS.csv|.xlsx")
    patients.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                          help="the column (its header, or its number from 1) that holds "
                               f"FIELD, or - to leave it out; fields: {FIELDS_HELP}. "
                               "Headers in English and French are recognised by themselves")
    patients.add_argument("--dates", choices=("dmy", "mdy", "ymd"),
                          help="how the dates are written when the file leaves it open "
                               "(03/04/1984: dmy is 3 April, mdy 4 March)")
    patients.add_argument("--dry-run", action="store_true",
                          help="say what would be imported, duplicated and refused; write "
                               "nothing")
    clinic = kinds.add_parser("clinic", help="every record of a clinic export (mesolog "
                              "export) into a new database")
    db_option(clinic, "the new database: a file that does not exist yet, or an empty "
                      "server database")
    clinic.add_argument("export", type=Path, metavar="FOLDER", help="made by mesolog export")
    clinic.add_argument("--administrator", metavar="LOGIN",
                        help="the export's administrator who logs in first, with a new "
                             "password (MESOLOG_NEW_PASSWORD, or asked twice); asked, or "
                             "MESOLOG_LOGIN, if not given")
    patients.add_argument("--valid-rows-only", action="store_true",
                          help="import the valid rows and leave out the duplicates and the "
                               "refused ones (by default, any of those imports nothing)")


def run_import(args: argparse.Namespace) -> int:
    if args.import_kind == "clinic":
        return _import_clinic(args)
    return _import_patients(args)


def _import_clinic(args: argparse.Namespace) -> int:
    from mesolog.cli import _NO_ACCOUNTS, UserError, _asked, _new_password
    from mesolog.domain.permissions import Actor
    from mesolog.services.clinic_import import ClinicImportService
    from mesolog.store.addresses import is_server
    from mesolog.store.database import open_database, open_server_database
    from mesolog.store.database_files import remove_clinic

    made_here = not is_server(args.db)
    if made_here and args.db.exists():
        raise UserError(f"{args.db} exists already; a clinic export goes into a new "
                        "database (or an empty server database)")
    login = args.administrator or _asked("MESOLOG_LOGIN", "Administrator's login", args.db,
                                         secret=False)
    password = _new_password(args.db, "nothing was imported")
    db = (open_server_database(args.db, create=True) if not made_here
          else open_database(args.db))
    try:
        imported = ClinicImportService(db.acting_as(Actor.program(_NO_ACCOUNTS))).import_clinic(
            args.export, login, password)
    except BaseException:
        db.close()
        if made_here:
            remove_clinic(args.db)  # made by this command: nothing half-imported stays
        raise
    db.close()
    print(f"imported {sum(imported.records.values()):,} records and {imported.photos} photos "
          f"into {db.location}; {login.strip().lower()} logs in with the new password. The "
          "other accounts need a new password (Clinic > Accounts > Reset Password).")
    return 0


def _import_patients(args: argparse.Namespace) -> int:
    from mesolog.cli import UserError, _log_in
    from mesolog.domain.patient_import import (
        AmbiguousDates,
        DateOrder,
        guess_mapping,
        unmapped_required,
        with_mapping,
    )
    from mesolog.domain.spreadsheet import SpreadsheetError, read_spreadsheet
    from mesolog.services.patient_import import ImportRefused, PatientImportService

    try:
        sheet = read_spreadsheet(args.spreadsheet.read_bytes())
    except SpreadsheetError as e:
        raise UserError(f"{args.spreadsheet}: {e}") from None
    mapping = with_mapping(guess_mapping(sheet.headers),
                           dict(_mapped(text, sheet.headers) for text in args.map))
    missing = unmapped_required(mapping)
    if missing:
        raise UserError(f"no column of {args.spreadsheet.name} is {', '.join(missing)}: "
                        "name it with --map COLUMN=FIELD")
    db = _log_in(args.db)
    try:
        service = PatientImportService(db)
        try:
            plan = service.plan(sheet, mapping, DateOrder(args.dates) if args.dates else None)
        except AmbiguousDates as e:
            raise UserError(f"{args.spreadsheet.name}: {e}: say which with --dates dmy or "
                            "--dates mdy") from None
        print("columns: " + "; ".join(f"{sheet.headers[i]} → {FIELD_LABELS[name]}"
                                      for i, name in sorted(mapping.items())))
        for line in plan.report():
            print(line)
        if args.dry_run:
            print("dry run: nothing was written")
            return 0 if plan.whole or (args.valid_rows_only and plan.to_import) else 1
        try:
            imported = service.run(plan, valid_rows_only=args.valid_rows_only)
        except ImportRefused as e:
            print(f"mesolog: {e}", file=sys.stderr)
            return 1
    finally:
        db.close()
    left_out = f"; {imported.skipped} row(s) left out" if imported.skipped else ""
    print(f"imported {imported.patients} patient(s) into {db.location}{left_out}")
    return 0


def _mapped(text: str, headers: tuple[str, ...]) -> tuple[int, str | None]:
    """--map COLUMN=FIELD as (column index, field or None)."""
    from mesolog.cli import UserError
    from mesolog.domain.patient_import import header_key

    column, sep, field = text.rpartition("=")
    field = field.strip()
    if not sep or (field != "-" and field not in IMPORTED_FIELDS):
        raise UserError(f"--map {text}: give COLUMN=FIELD, FIELD one of {FIELDS_HELP} "
                        "(or - to leave the column out)")
    keys = [header_key(header) for header in headers]
    if column.strip().isdigit() and 1 <= int(column) <= len(headers):
        index = int(column) - 1
    elif header_key(column) in keys:
        index = keys.index(header_key(column))
    else:
        raise UserError(f"--map {text}: no column {column!r}; the columns are "
                        + ", ".join(repr(h) for h in headers))
    return index, None if field == "-" else field
