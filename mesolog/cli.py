"""The ``mesolog`` command: the window by default, sub-commands headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mesolog import APP_NAME, __version__

# tells a server from a file without loading SQLAlchemy
from mesolog.cli_cohort import add_cohort_parser, run_cohort
from mesolog.cli_import import add_import_parser, run_import
from mesolog.cli_translations import add_translations_parser, run_translations
from mesolog.store.addresses import (
    PASSWORD_REFUSED,
    holds_password,
    is_server,
    only_for_files,
    shown_name,
)

if TYPE_CHECKING:
    from mesolog.store.database import Database
    from mesolog.store.keys import DatabaseKey


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, not argparse's usage block: scripts read stderr.
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


class UserError(Exception):
    """A mistake the person at the keyboard can fix; printed as one line."""


def default_database_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "mesolog.sqlite"


def _database(text: str) -> Path | str:
    """A database file, or a PostgreSQL server's address (postgresql://…) as given;
    an address with a password is refused before it is shown anywhere."""
    if is_server(text) and holds_password(text):
        raise argparse.ArgumentTypeError(PASSWORD_REFUSED)
    return text if is_server(text) else Path(text)


def _file_only(target: Path | str, what: str) -> Path:
    """``target``, a file; refused before any login is asked for when it is a server."""
    if isinstance(target, str):
        raise UserError(only_for_files(f"mesolog {what}", target, what))
    return target


def _db_option(command: argparse.ArgumentParser, help_text: str) -> None:
    # SUPPRESS: a --db given before the sub-command is not overwritten by an absent one
    command.add_argument("--db", type=_database, default=argparse.SUPPRESS, help=help_text)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mesolog", description="Mesolog: a logbook for scalp mesotherapy.")
    parser.add_argument("--version", action="version", version=f"mesolog {__version__}")
    parser.add_argument("--db", type=_database, help="database file (default: in your user "
                        "data folder), or a server's postgresql://user@host/database")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="fill a new database with a demo clinic")
    _db_option(demo, "database file to create or fill")
    demo.add_argument("--patients", type=int, default=200, help="number of patients (200)")
    demo.add_argument("--seed", type=int, default=1, help="random seed; same seed, same clinic")

    check = commands.add_parser("check", help="integrity and schema check of a database")
    _db_option(check, "database file, or server address, to check")

    backup = commands.add_parser("backup", help="a verified copy of a database and its photos")
    _db_option(backup, "database file, or server address, to back up")
    backup.add_argument("-o", "--output", type=Path, required=True, help="new backup file")

    report = commands.add_parser("report", help="a patient's report as a PDF")
    _db_option(report, "database file or server address")
    report.add_argument("--patient", required=True, metavar="CHART_NO",
                        help="the patient's chart number")
    report.add_argument("-o", "--output", type=Path, required=True, help="new PDF file")
    report.add_argument("--kind", choices=("progress", "summary", "consent"),
                        default="progress", help="progress report (default), patient "
                        "summary, or consent form to sign")
    report.add_argument("--every-map", action="store_true",
                        help="print every session's injection map, not only the latest")

    restore = commands.add_parser("restore", help="replace a database file by a checked "
                                  "backup, or fill an empty server database")
    _db_option(restore, "database file to replace, or empty server database")
    restore.add_argument("backup", type=Path, help="backup file made by mesolog backup")

    encrypt = commands.add_parser("encrypt", help="encrypt a plain database (an "
                                  "administrator); the plain file is kept aside")
    _db_option(encrypt, "plain database file to encrypt")

    recover = commands.add_parser("recover", help="with the recovery key, set a new "
                                  "password for an administrator of an encrypted database")
    _db_option(recover, "encrypted database file")
    recover.add_argument("--login", help="the administrator's login (asked if not given)")

    server = commands.add_parser("server", help="a clinic's records on a PostgreSQL server")
    server_commands = server.add_subparsers(dest="server_command", metavar="ACTION",
                                            parser_class=_Parser, required=True)
    init = server_commands.add_parser("init", help="make an empty PostgreSQL database "
                                      "Mesolog's, with its first administrator")
    _db_option(init, "the empty database, postgresql://user@host/database")
    init.add_argument("--name", help="the administrator's full name (asked if not given)")
    init.add_argument("--login", help="the administrator's login (asked if not given)")
    add_import_parser(commands, _Parser, _db_option)
    add_cohort_parser(commands, _db_option)
    add_translations_parser(commands)
    export = commands.add_parser("export", help="every record of the clinic as JSON, "
                                 "or each patient's as a FHIR R4 bundle, photos included "
                                 "(an administrator)")
    _db_option(export, "database file, or server address, to export")
    export.add_argument("-o", "--output", type=Path, required=True,
                        help="new folder for the export")
    export.add_argument("--format", choices=("json", "fhir"), default="json",
                        help="json: every record, the mesolog clinic export, version 1 (the "
                             "default); fhir: a FHIR R4 bundle for each patient")
    export.add_argument("--patient", metavar="CHART_NO",
                        help="only this patient's record, with their photos and progress "
                             "report (administrators and practitioners)")
    return parser


# every sub-command works on one database, named before or after the sub-command
_NEEDS_DB = ("demo", "check", "backup", "report", "restore", "encrypt", "recover", "server",
             "import", "export", "cohort")


def _run_demo(args: argparse.Namespace) -> int:
    from mesolog.services.demo import build_demo_clinic
    from mesolog.store.database import open_database

    if args.patients < 0:
        raise UserError("--patients cannot be negative")
    db = open_database(args.db)
    try:
        if db.locked:
            raise UserError(f"{shown_name(args.db)} is an encrypted clinic already; a demo "
                            "clinic goes into a new or empty database")
        added = build_demo_clinic(db, args.patients, args.seed)
    finally:
        db.close()
    print(f"demo clinic with {added} patients in {db.location}")
    return 0


def _run_check(args: argparse.Namespace) -> int:
    from mesolog.store.check import check_database

    if is_server(args.db):  # what Mesolog relies on the server to keep, as a login sees it
        from mesolog.store.server_check import check_server

        db = _log_in(args.db)
        try:
            report = check_server(db)
        finally:
            db.close()
    else:
        report = check_database(args.db, _key_to_check(args.db))
    for line in report.findings:
        print(line)
    for line in report.problems:
        print(f"PROBLEM {line}", file=sys.stderr)
    return 0 if report.ok else 1


# Who a command line acts as on a database nobody has an account in yet (a new file):
# there is nobody to log in, and such a file holds nobody's records.
_NO_ACCOUNTS = "the command line (no accounts yet)"


def _asked(variable: str, prompt: str, db_path: Path | str, *, secret: bool = True) -> str:
    """A value from the environment (scripts), else from the person at the terminal."""
    import getpass
    import os

    given = os.environ.get(variable)
    if given:
        return given
    if not sys.stdin.isatty():
        raise UserError(f"{shown_name(db_path)} needs {prompt.lower()}: set {variable}, or run "
                        "this in a terminal")
    return getpass.getpass(f"{prompt}: ") if secret else input(f"{prompt}: ")


def _new_password(db_path: Path | str, nothing_done: str) -> str:
    """A password chosen now: MESOLOG_NEW_PASSWORD, or typed twice at the terminal."""
    import os

    password = _asked("MESOLOG_NEW_PASSWORD", "New password", db_path)
    if not os.environ.get("MESOLOG_NEW_PASSWORD") and \
            _asked("MESOLOG_NEW_PASSWORD", "Repeat it", db_path) != password:
        raise UserError(f"the two passwords differ; {nothing_done}")
    return password


def _login_and_password(db_path: Path | str) -> tuple[str, str]:
    import os

    if not (os.environ.get("MESOLOG_LOGIN") and os.environ.get("MESOLOG_PASSWORD")) \
            and not sys.stdin.isatty():
        raise UserError(f"{shown_name(db_path)} has accounts, so this needs a login: set "
                        "MESOLOG_LOGIN and MESOLOG_PASSWORD, or run it in a terminal")
    return (_asked("MESOLOG_LOGIN", "Mesolog login", db_path, secret=False),
            _asked("MESOLOG_PASSWORD", "Password", db_path))


def _log_in(db_path: Path | str, credentials: tuple[str, str] | None = None) -> Database:
    """The database at ``db_path`` as the person who logs in sees it: clinical data
    leaves the database only for someone with an account (an encrypted one is not
    even readable before).

    Scripts give MESOLOG_LOGIN and MESOLOG_PASSWORD; a person is asked.
    """
    from mesolog.domain.permissions import Actor
    from mesolog.services.accounts import AccountService, LoginRefused
    from mesolog.store.database import open_database

    db = open_database(db_path, create=False)
    try:
        accounts = AccountService(db)
        if not accounts.has_accounts():
            return db.acting_as(Actor.program(_NO_ACCOUNTS))
        login, password = credentials or _login_and_password(db_path)
        try:
            return db.acting_as(accounts.authenticate(login, password).actor)
        except LoginRefused as e:
            raise UserError(str(e)) from None
    except BaseException:
        db.close()
        raise


def _key_to_check(db_path: Path) -> DatabaseKey | None:
    """An encrypted file's key (a database, or a backup set's copy), from
    MESOLOG_RECOVERY_KEY or from a login's slot in its key file (the database is not
    read: it may be the damaged thing); None for a plain file."""
    import os

    from mesolog.services.accounts import AccountService, LoginRefused
    from mesolog.store.database import open_database
    from mesolog.store.database_files import FileKind, inspect_file, recovered_key
    from mesolog.store.keys import RecoveryKey, WrongRecoveryKey

    if inspect_file(db_path).kind is not FileKind.ENCRYPTED:
        return None
    typed = os.environ.get("MESOLOG_RECOVERY_KEY")
    if typed:
        try:
            return recovered_key(db_path, RecoveryKey.parse(typed))[0]
        except WrongRecoveryKey as e:
            raise UserError(str(e)) from None
    login, password = _login_and_password(db_path)
    db = open_database(db_path, create=False)  # locked: nothing of it is read
    try:
        return AccountService(db).key_for_login(login, password)  # wrong tries counted
    except LoginRefused as e:
        raise UserError(str(e)) from None
    finally:
        db.close()


def _run_backup(args: argparse.Namespace) -> int:
    from mesolog.services.backups import BackupService

    db = _log_in(args.db)
    try:
        report = BackupService(db).back_up(args.output)
    finally:
        db.close()
    print(f"backup {report.summary()}")
    return 0


def _run_report(args: argparse.Namespace) -> int:
    from mesolog.domain.validation import NotFoundError
    from mesolog.services.clinic import Clinic
    from mesolog.services.reports import ReportKind, ReportService

    if args.output.exists():
        raise UserError(f"{args.output} already exists; choose another file name.")
    if not args.output.parent.is_dir():
        raise UserError(f"No folder {args.output.parent} to write the report into.")
    db = _log_in(args.db)
    try:
        clinic = Clinic.of(db)
        reports = ReportService(clinic)
        try:
            patient_id = reports.patient_id_of(args.patient)
        except NotFoundError as e:
            raise UserError(str(e)) from None
        partial = args.output.with_name(f".{args.output.name}.part")
        try:
            reports.write(ReportKind(args.kind), patient_id, partial, clinic.clock(),
                          every_map=args.every_map)
            partial.replace(args.output)  # a report is whole or not there at all
        finally:
            partial.unlink(missing_ok=True)
    finally:
        db.close()
    print(f"{args.kind} report for {args.patient} written to {args.output}")
    return 0


def _run_restore(args: argparse.Namespace) -> int:
    from mesolog.services.backups import BackupService
    from mesolog.store.backup import restore_database

    if is_server(args.db):  # into an empty database: nobody there to log in yet
        from mesolog.store.server_backup import restore_to_server

        report = restore_to_server(args.backup, args.db, key=_key_to_check(args.backup))
        print(f"restored {args.db} from {report.summary()}")
        return 0
    if args.db.exists():
        db = _log_in(args.db)
        try:
            kept = BackupService(db).restore(args.backup)
        finally:
            db.close()
    else:  # nothing to replace: an encrypted set opens with a login it holds a slot for
        kept = restore_database(args.backup, args.db, key=_key_to_check(args.backup))
    print(f"restored {args.db} from {args.backup}")
    if kept is not None:
        print(f"the replaced database is kept as {kept}")
    return 0


def _run_translations(args: argparse.Namespace) -> int:
    return run_translations(args, UserError)


def _run_export(args: argparse.Namespace) -> int:
    from mesolog.domain.validation import NotFoundError
    from mesolog.services.clinic import Clinic
    from mesolog.services.clinic_export import ClinicExportService
    from mesolog.services.clock import local_now
    from mesolog.services.reports import ReportService

    db = _log_in(args.db)
    try:
        exporter = ClinicExportService(db)
        patient_id = None
        if args.patient is not None:
            try:
                patient_id = ReportService(Clinic.of(db)).patient_id_of(args.patient)
            except NotFoundError as e:
                raise UserError(str(e)) from None
        if args.format == "fhir":
            exported = (exporter.export_fhir(args.output, local_now()) if patient_id is None
                        else exporter.export_patient_fhir(patient_id, args.output,
                                                          local_now()))
        else:
            exported = (exporter.export(args.output, local_now()) if patient_id is None
                        else exporter.export_patient(patient_id, args.output, local_now()))
    finally:
        db.close()
    if args.format == "fhir":
        whose = "1 patient" if exported.bundles == 1 else f"{exported.bundles:,} patients"
        print(f"exported the FHIR bundles of {whose} ({sum(exported.resources.values()):,} "
              f"resources) and {exported.photos} photos to {exported.folder}")
    else:
        print(f"exported {sum(exported.records.values()):,} records and {exported.photos} "
              f"photos to {exported.folder}")
    if exported.missing_photos:
        print(f"{len(exported.missing_photos)} photo file(s) were missing and are not in it: "
              f"{', '.join(exported.missing_photos)}")
    return 0


def _run_encrypt(args: argparse.Namespace) -> int:
    from mesolog.services.backups import BackupService
    from mesolog.services.clock import local_now
    from mesolog.store.database_files import FileKind, inspect_file

    if inspect_file(_file_only(args.db, "encrypt")).kind is FileKind.ENCRYPTED:
        raise UserError(f"{args.db} is encrypted already")
    credentials = _login_and_password(args.db)
    db = _log_in(args.db, credentials)
    try:
        encrypted = BackupService(db).encrypt(credentials[1], local_now())
    finally:
        db.close()
    converted = encrypted.converted
    print(f"{args.db} is encrypted; {converted.photos_sealed} photo(s) sealed.")
    print(f"Recovery key (write it down and keep it locked away; Mesolog shows it "
          f"to administrators until one confirms copying it):\n  {converted.recovery}")
    print(f"The plain copy is kept at {converted.plain_copy} (photos in "
          f"{converted.plain_copy.stem}-photos): anyone can still read it; delete it "
          "once the encrypted file is backed up.")
    if converted.photos_left_plain:
        print(f"{len(converted.photos_left_plain)} photo file(s) missing or changed since "
              f"they were attached were left as found: {', '.join(converted.photos_left_plain)}")
    if encrypted.need_a_new_password:
        print("These accounts log in again once an administrator sets them a new password "
              f"(Clinic > Accounts > Reset Password): {', '.join(encrypted.need_a_new_password)}")
    return 0


def _run_recover(args: argparse.Namespace) -> int:

    from mesolog.services.accounts import recover_administrator
    from mesolog.store.keys import RecoveryKey, WrongRecoveryKey

    _file_only(args.db, "recover")
    try:
        recovery = RecoveryKey.parse(_asked("MESOLOG_RECOVERY_KEY", "Recovery key", args.db))
    except WrongRecoveryKey as e:
        raise UserError(str(e)) from None
    login = args.login or _asked("MESOLOG_LOGIN", "Administrator's login", args.db,
                                 secret=False)
    password = _new_password(args.db, "nothing was changed")
    try:
        remade = recover_administrator(args.db, recovery, login, password)
    except WrongRecoveryKey as e:
        raise UserError(str(e)) from None
    print(f"{login} logs in to {args.db} with the new password.")
    if remade:
        print(f"The key file was missing or damaged and is made again: every other "
              f"account needs a new password from {login} (Clinic > Accounts).")
    return 0


def _run_server(args: argparse.Namespace) -> int:
    """mesolog server init: the schema in an empty database, then its first
    administrator, whose password comes from MESOLOG_NEW_PASSWORD or is asked twice."""

    from mesolog.services.accounts import AccountService
    from mesolog.store.database import open_server_database

    if not isinstance(args.db, str):
        raise UserError(f"mesolog server init makes a database on a PostgreSQL server; "
                        f"give its address, postgresql://user@host/database, not {args.db}")
    db = open_server_database(args.db, create=True)
    try:
        accounts = AccountService(db)
        if accounts.has_accounts():
            raise UserError(f"{db.location} is a Mesolog database with accounts already; "
                            "its administrators add colleagues in Clinic > Accounts")
        name = args.name or _asked("MESOLOG_NAME", "Administrator's full name", args.db,
                                   secret=False)
        login = args.login or _asked("MESOLOG_LOGIN", "Administrator's login", args.db,
                                     secret=False)
        password = _new_password(args.db, "the database holds Mesolog's tables and no "
                                          "account yet: run this again")
        accounts.create_first_administrator(name, login, password)
    finally:
        db.close()
    print(f"{db.location} is a Mesolog database; {login} logs in as its administrator. "
          f"Point every desk at it: mesolog --db {db.location}")
    return 0


def _run_gui(args: argparse.Namespace) -> int:
    from mesolog.ui.app import run_application

    path = args.db
    if path is None:
        path = default_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
    return run_application(path)


def main(argv: list[str] | None = None) -> int:
    from mesolog.domain.permissions import NotPermitted
    from mesolog.domain.validation import NotStored, ValidationError
    from mesolog.store.errors import DatabaseError  # the window comes before SQLAlchemy
    from mesolog.store.private import owner_only_process

    owner_only_process()  # health records: whatever this process writes is the owner's
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command in _NEEDS_DB and args.db is None:
        parser.error(f"{args.command} needs --db FILE (or a server's postgresql:// address)")
    runner = {"demo": _run_demo, "check": _run_check, "backup": _run_backup,
              "restore": _run_restore, "report": _run_report, "encrypt": _run_encrypt,
              "recover": _run_recover, "server": _run_server,
              "import": run_import, "export": _run_export,
              "cohort": run_cohort,
              "translations": _run_translations}.get(args.command, _run_gui)
    try:
        return runner(args)
    except (UserError, DatabaseError, NotPermitted, NotStored) as e:
        print(f"mesolog: {e}", file=sys.stderr)
        return 1
    except ValidationError as e:  # what a service refused, field by field: one line
        print(f"mesolog: {' '.join(error.message for error in e.errors)}", file=sys.stderr)
        return 1
    except OSError as e:  # a full disk, a read-only folder: one line, not a traceback
        from mesolog.store.disk_errors import reason

        where = f" ({e.filename})" if e.filename else ""
        print(f"mesolog: {reason(e)}{where}; nothing was written", file=sys.stderr)
        return 1
    except EOFError:
        print("mesolog: no answer to the login prompt; nothing was done", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
