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
from mesolog.domain.translation import N_, _


class Action(Enum):
    """Something that changes the records; its value is (group, what it does)."""

    PATIENT_RECORD = (N_("Patients"), N_("add a patient"))
    PATIENT_UPDATE = (N_("Patients"), N_("change a patient's chart"))
    PATIENT_ARCHIVE = (N_("Patients"), N_("archive or unarchive a patient"))

    SESSION_RECORD = (N_("Sessions"), N_("record a session"))
    SESSION_UPDATE = (N_("Sessions"), N_("change an unsigned session"))
    SESSION_SIGN = (N_("Sessions"), N_("sign a session"))
    SESSION_AMEND = (N_("Sessions"), N_("amend a signed session"))

    SIDE_EFFECT_RECORD = (N_("Side effects"), N_("record a side effect"))
    SIDE_EFFECT_UPDATE = (N_("Side effects"), N_("change a side effect"))
    SIDE_EFFECT_RESOLVE = (N_("Side effects"), N_("resolve a side effect"))
    SIDE_EFFECT_NONE_OBSERVED = (N_("Side effects"), N_("record that none was observed"))

    COURSE_RECORD = (N_("Courses"), N_("start a treatment course"))
    COURSE_STATUS = (N_("Courses"), N_("complete, stop or resume a course"))

    MEASUREMENT_SITE = (N_("Outcomes"), N_("add a measurement site"))
    MEASUREMENT_RECORD = (N_("Outcomes"), N_("record a measurement"))
    GRADE_RECORD = (N_("Outcomes"), N_("record a grade or SALT score"))
    PHOTO_ATTACH = (N_("Outcomes"), N_("attach a photo"))
    PRACTICE_OUTCOMES = (N_("Outcomes"), N_("see outcomes and side effects across the practice"))

    CONSENT_RECORD = (N_("Consent"), N_("record a consent"))
    CONSENT_WITHDRAW = (N_("Consent"), N_("record a withdrawal of consent"))
    CONSENT_PUBLISH = (N_("Consent"), N_("publish a new consent form version"))

    CATALOGUE_PRODUCT = (N_("Catalogue"), N_("add or change a product"))
    CATALOGUE_LOT = (N_("Catalogue"), N_("add a lot"))

    ACCOUNT_ADD = (N_("Accounts"), N_("add an account"))
    ACCOUNT_ROLE = (N_("Accounts"), N_("change an account's role"))
    ACCOUNT_RESET_PASSWORD = (N_("Accounts"), N_("reset another person's password"))
    ACCOUNT_DEACTIVATE = (N_("Accounts"), N_("deactivate or reactivate an account"))
    OWN_PASSWORD = (N_("Accounts"), N_("change one's own password"))
    LOG_IN = (N_("Accounts"), N_("log in"))

    LETTERHEAD = (N_("Clinic"), N_("change the letterhead"))
    BACKUP = (N_("Clinic"), N_("make a backup"))
    # a server's set is a plain file of every record (a file's is encrypted as it is)
    BACKUP_SERVER = (N_("Clinic"), N_("back up a server's records into a plain file"))
    RESTORE = (N_("Clinic"), N_("restore a backup"))
    ENCRYPT = (N_("Clinic"), N_("encrypt the database"))
    IMPORT = (N_("Clinic"), N_("import records"))  # patients from a spreadsheet, the demo clinic
    EXPORT = (N_("Clinic"), N_("export a list, or one patient's record"))
    EXPORT_CLINIC = (N_("Clinic"), N_("export every record of the clinic"))

    @property
    def group(self) -> str:
        return _(self.value[0])

    @property
    def label(self) -> str:
        return _(self.value[1])

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


_ARTICLE = {Role.ADMINISTRATOR: N_("an administrator"), Role.PRACTITIONER: N_("a practitioner"),
            Role.ASSISTANT: N_("an assistant")}


class NotPermitted(PermissionError):
    """The acting person's role does not allow the action; nothing was written."""

    def __init__(self, action: Action, role: Role | None, name: str = "", *,
                 inactive: bool = False, read_only: str = ""):
        self.action, self.role = action, role
        if read_only:
            text = _("The database is open read-only ({reason}), so nobody may {action} in "
                     "it.").format(reason=read_only, action=action.label)
        elif inactive:
            text = _("{name}'s account is deactivated (or gone), so {name} may no longer "
                     "{action}; log in again.").format(name=name, action=action.label)
        elif role is None:
            text = _("Nobody is logged in, so nobody may {action}.").format(action=action.label)
        else:
            as_whom = _(_ARTICLE[role])
            text = (_("{name} is logged in as {role}, and {role} may not {action}.") if name
                    else _("Logged in as {role}, and {role} may not {action}.")).format(
                name=name, role=as_whom, action=action.label)
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
