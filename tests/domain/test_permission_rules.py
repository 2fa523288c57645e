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
