"""The permission table: what each role may do, and the README's copy of it."""

from pathlib import Path

from mesolog.domain.permissions import PERMISSIONS, Action, Actor, NotPermitted, may
from mesolog.domain.practitioner import Role

README = Path(__file__).parents[2] / "README.md"


def test_the_readme_table_is_the_permission_table():
    rows = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 1 + len(Role) and ": " in cells[0]:
            rows[cells[0]] = cells[1:]
    assert rows == {f"{a.group}: {a.label}": ["yes" if may(r, a) else "—" for r in Role]
                    for a in Action}


def test_an_administrator_does_all_a_practitioner_does_and_an_assistant_never_signs():
    assert PERMISSIONS[Role.PRACTITIONER] < PERMISSIONS[Role.ADMINISTRATOR] == set(Action)
    assert PERMISSIONS[Role.ASSISTANT] < PERMISSIONS[Role.PRACTITIONER]
    for action in (Action.SESSION_SIGN, Action.SESSION_AMEND, Action.CONSENT_RECORD,
                   Action.SIDE_EFFECT_NONE_OBSERVED, Action.ACCOUNT_RESET_PASSWORD):
        assert not may(Role.ASSISTANT, action)
    for action in (Action.PATIENT_RECORD, Action.PHOTO_ATTACH, Action.OWN_PASSWORD,
                   Action.LOG_IN, Action.BACKUP):
        assert all(may(role, action) for role in Role)


def test_a_refusal_names_the_action_and_the_role():
    assert str(NotPermitted(Action.SESSION_SIGN, Role.ASSISTANT, "Sam Becker")) == (
        "Sam Becker is logged in as an assistant, and an assistant may not sign a session.")
    assert str(NotPermitted(Action.BACKUP, None)) == \
        "Nobody is logged in, so nobody may make a backup."
    assert not Actor.program("the demo builder").is_person
    assert Actor(3, "Dr B", Role.PRACTITIONER).may(Action.SESSION_SIGN)


def test_every_refusal_is_worded_for_who_is_acting_and_why():
    from mesolog.domain.permissions import Action, Actor, NotPermitted, Role

    assert str(NotPermitted(Action.SESSION_SIGN, Role.ASSISTANT)) == (
        "Logged in as an assistant, and an assistant may not sign a session.")
    assert str(NotPermitted(Action.RESTORE, Role.PRACTITIONER, "Dr B")) == (
        "Dr B is logged in as a practitioner, and a practitioner may not restore a backup.")
    assert str(NotPermitted(Action.ENCRYPT, Role.PRACTITIONER, "Dr B", inactive=True)) == (
        "Dr B's account is deactivated (or gone), so Dr B may no longer encrypt the "
        "database; log in again.")
    read_only = NotPermitted(Action.PATIENT_RECORD, Role.ADMINISTRATOR, "Dr A",
                             read_only="a copy on a CD")
    assert str(read_only) == (f"The database is open read-only (a copy on a CD), so nobody "
                              f"may {Action.PATIENT_RECORD.label} in it.")
    assert (read_only.action, read_only.role) == (Action.PATIENT_RECORD, Role.ADMINISTRATOR)
    assert Actor.program("set-up").role is Role.ADMINISTRATOR
    assert Actor(3, "Dr B", Role.PRACTITIONER).is_person


def test_a_database_open_read_only_still_reads_and_backs_up_but_writes_nothing():
    from mesolog.domain.permissions import Action, Actor, Role

    reader = Actor(1, "Dr A", Role.ADMINISTRATOR, read_only=True)
    reading = {Action.BACKUP, Action.BACKUP_SERVER, Action.EXPORT, Action.EXPORT_CLINIC,
               Action.PRACTICE_OUTCOMES}
    assert {action for action in Action if not action.writes_the_database} == reading
    assert all(reader.may(action) for action in reading)
    assert not any(reader.may(action) for action in set(Action) - reading)
    assert Actor(1, "Dr A", Role.ADMINISTRATOR).may(Action.RESTORE)
    assert not Actor(2, "Sam", Role.ASSISTANT).may(Action.EXPORT_CLINIC)
    assert Action.RESTORE.group == "Clinic" and Action.RESTORE.label == "restore a backup"
