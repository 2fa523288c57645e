"""Who may do what: the one permission table, and who is acting.

Every change goes through ``Database.transaction(action)``, which looks up the
acting person's current role and refuses the change when this table does not
give that role the action. The window reads the same table to hide or disable
what would be refused; the README's roles table is tested against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from mesolog.domain.practitioner import Role


class Action(Enum):
    """Something that changes the records; its value is (group, what it does)."""

    PATIENT_RECORD = ("Patients", "add a patient")
    PATIENT_UPDATE = ("Patients", "change a patient's chart")
    PATIENT_ARCHIVE = ("Patients", "archive or unarchive a patient")

    SESSION_RECORD = ("Sessions", "record a session")
    SESSION_UPDATE = ("Sessions", "change an unsigned session")
    SESSION_SIGN = ("Sessions", "sign a session")
    SESSION_AMEND = ("Sessions", "amend a signed session")

    SIDE_EFFECT_RECORD = ("Side effects", "record a side effect")
    SIDE_EFFECT_UPDATE = ("Side effects", "change a side effect")
    SIDE_EFFECT_RESOLVE = ("Side effects", "resolve a side effect")
    SIDE_EFFECT_NONE_OBSERVED = ("Side effects", "record that none was observed")

    COURSE_RECORD = ("Courses", "start a treatment course")
    COURSE_STATUS = ("Courses", "complete, stop or resume a course")

    MEASUREMENT_SITE = ("Outcomes", "add a measurement site")
    MEASUREMENT_RECORD = ("Outcomes", "record a measurement")
    GRADE_RECORD = ("Outcomes", "record a grade or SALT score")
    PHOTO_ATTACH = ("Outcomes", "attach a photo")
    PRACTICE_OUTCOMES = ("Outcomes", "see outcomes and side effects across the practice")

    CONSENT_RECORD = ("Consent", "record a consent")
    CONSENT_WITHDRAW = ("Consent", "record a withdrawal of consent")
    CONSENT_PUBLISH = ("Consent", "publish a new consent form version")

    CATALOGUE_PRODUCT = ("Catalogue", "add or change a product")
    CATALOGUE_LOT = ("Catalogue", "add a lot")

    ACCOUNT_ADD = ("Accounts", "add an account")
    ACCOUNT_ROLE = ("Accounts", "change an account's role")
    ACCOUNT_RESET_PASSWORD = ("Accounts", "reset another person's password")
    ACCOUNT_DEACTIVATE = ("Accounts", "deactivate or reactivate an account")
    OWN_PASSWORD = ("Accounts", "change one's own password")
    LOG_IN = ("Accounts", "log in")

    LETTERHEAD = ("Clinic", "change the letterhead")
    BACKUP = ("Clinic", "make a backup")
    # a server's set is a plain file of every record (a file's is encrypted as it is)
    BACKUP_SERVER = ("Clinic", "back up a server's records into a plain file")
    RESTORE = ("Clinic", "restore a backup")
    ENCRYPT = ("Clinic", "encrypt the database")
    IMPORT = ("Clinic", "import records")  # patients from a spreadsheet, the demo clinic
    EXPORT = ("Clinic", "export a list, or one patient's record")
    EXPORT_CLINIC = ("Clinic", "export every record of the clinic")

    @property
    def group(self) -> str:
        return self.value[0]

    @property
    def label(self) -> str:
        return self.value[1]

    @property
    def writes_the_database(self) -> bool:
        """False for what only reads it (a backup writes elsewhere): still possible when
        the database is open read-only."""
        return self not in (Action.BACKUP, Action.BACKUP_SERVER, Action.EXPORT,
                            Action.EXPORT_CLINIC, Action.PRACTICE_OUTCOMES)


_EVERYONE = frozenset({Action.OWN_PASSWORD, Action.LOG_IN, Action.BACKUP,
                       Action.PATIENT_RECORD, Action.PATIENT_UPDATE, Action.PATIENT_ARCHIVE,
                       Action.PHOTO_ATTACH})
_CLINICAL = frozenset({
    Action.SESSION_RECORD, Action.SESSION_UPDATE, Action.SESSION_SIGN, Action.SESSION_AMEND,
    Action.SIDE_EFFECT_RECORD, Action.SIDE_EFFECT_UPDATE, Action.SIDE_EFFECT_RESOLVE,
    Action.SIDE_EFFECT_NONE_OBSERVED, Action.COURSE_RECORD, Action.COURSE_STATUS,
    Action.MEASUREMENT_SITE, Action.MEASUREMENT_RECORD, Action.GRADE_RECORD,
    Action.PRACTICE_OUTCOMES,
    Action.CONSENT_RECORD, Action.CONSENT_WITHDRAW, Action.EXPORT,
    # a lot scanned at the chair is added on the spot
    Action.CATALOGUE_PRODUCT, Action.CATALOGUE_LOT,
})

# The table. An administrator does all a practitioner does, plus the clinic's
# accounts, texts and files; an assistant keeps demographics and photos.
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.ADMINISTRATOR: frozenset(Action),
    Role.PRACTITIONER: _EVERYONE | _CLINICAL,
    Role.ASSISTANT: _EVERYONE,
}


def may(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


_ARTICLE = {Role.ADMINISTRATOR: "an administrator", Role.PRACTITIONER: "a practitioner",
            Role.ASSISTANT: "an assistant"}


class NotPermitted(PermissionError):
    """The acting person's role does not allow the action; nothing was written."""

    def __init__(self, action: Action, role: Role | None, name: str = "", *,
                 inactive: bool = False, read_only: str = ""):
        self.action, self.role = action, role
        if read_only:
            text = f"The database is open read-only ({read_only}), so nobody may " \
                   f"{action.label} in it."
        elif inactive:
            text = (f"{name}'s account is deactivated (or gone), so {name} may no longer "
                    f"{action.label}; log in again.")
        elif role is None:
            text = f"Nobody is logged in, so nobody may {action.label}."
        else:
            who = f"{name} is logged in as {_ARTICLE[role]}" if name else \
                f"Logged in as {_ARTICLE[role]}"
            text = f"{who}, and {_ARTICLE[role]} may not {action.label}."
        super().__init__(text)


@dataclass(frozen=True)
class Actor:
    """Who is acting: the logged-in person, or a named program with no account
    (the demo builder, the first start, a test's set-up), whose ``id`` is None and
    who signs nothing."""

    id: int | None
    name: str
    role: Role
    read_only: bool = False  # the database they opened cannot be written


    @classmethod
    def program(cls, name: str) -> Actor:
        return cls(None, name, Role.ADMINISTRATOR)

    @property
    def is_person(self) -> bool:
        return self.id is not None

    def may(self, action: Action) -> bool:
        return not (self.read_only and action.writes_the_database) and may(self.role, action)
