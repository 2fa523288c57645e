"""A side effect's rules: its kind, its dates against the session, today and each other,
its grade at each limit and just past it, its actions, its outcome and resolution."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mesolog.domain.adverse_event import (
    GRADES,
    SERIOUS_GRADE,
    Action,
    AdverseEvent,
    EventDetails,
    EventKind,
    Outcome,
    check_event,
    grade_meaning,
)
from tests.domain.refusals import refusals

SESSION_DAY = date(2026, 11, 20)
TODAY = date(2026, 11, 25)
SOUND = EventDetails(session_id=1, kind=EventKind.ERYTHEMA, onset=SESSION_DAY, grade=1,
                     actions=(Action.COLD_COMPRESS,))


def refused(details: EventDetails) -> dict[str, list[str]]:
    return refusals(check_event, details, SESSION_DAY, TODAY)


def test_a_sound_side_effect_passes_as_given():
    assert check_event(SOUND, SESSION_DAY, TODAY) is SOUND


@pytest.mark.parametrize(("grade", "message"), [
    (min(GRADES), ""), (min(GRADES) - 1, "Grade: 1 to 5."),
    (max(GRADES), ""), (max(GRADES) + 1, "Grade: 1 to 5."),
    (None, "Grade: 1 to 5."),
])
def test_the_grade_at_each_limit_and_just_past(grade, message):
    assert refused(replace(SOUND, grade=grade)) == ({"grade": [message]} if message else {})


def test_the_grades_are_ctcaes_and_three_is_serious():
    assert sorted(GRADES) == [1, 2, 3, 4, 5] and SERIOUS_GRADE == 3
    assert grade_meaning(1) == "Mild; no intervention needed"
    assert grade_meaning(5) == "Death related to the event"


@pytest.mark.parametrize(("onset", "message"), [
    (SESSION_DAY, ""),  # the day of the session
    (date(2026, 11, 19), "Onset before the session (2026-11-20)."),
    (TODAY, ""),
    (date(2026, 11, 26), "Onset cannot be in the future."),
    (None, "Onset date is required."),
])
def test_the_onset_lies_between_the_session_and_today(onset, message):
    assert refused(replace(SOUND, onset=onset)) == ({"onset": [message]} if message else {})


@pytest.mark.parametrize(("resolved_on", "outcome", "errors"), [
    (SESSION_DAY, Outcome.RESOLVED, {}),  # resolved the day it began
    (TODAY, Outcome.RESOLVED_WITH_SEQUELAE, {}),
    (date(2026, 11, 19), Outcome.RESOLVED,
     {"resolved_on": ["Resolved before it began: check the dates."]}),
    (date(2026, 11, 26), Outcome.RESOLVED,
     {"resolved_on": ["Resolution date cannot be in the future."]}),
    (TODAY, Outcome.ONGOING, {"outcome": [
        "With a resolution date, the outcome is resolved (or resolved with sequelae)."]}),
    (TODAY, Outcome.UNKNOWN, {"outcome": [
        "With a resolution date, the outcome is resolved (or resolved with sequelae)."]}),
    (None, Outcome.RESOLVED, {"resolved_on": ["Give the date it resolved."]}),
    (None, Outcome.ONGOING, {}),
    (None, Outcome.UNKNOWN, {}),
])
def test_a_resolution_has_its_date_and_its_outcome(resolved_on, outcome, errors):
    assert refused(replace(SOUND, resolved_on=resolved_on, outcome=outcome)) == errors


def test_resolved_outcomes_and_how_long_an_event_is_open():
    assert [o for o in Outcome if o.resolved] == [Outcome.RESOLVED,
                                                  Outcome.RESOLVED_WITH_SEQUELAE]
    assert SOUND.is_open and not replace(SOUND, outcome=Outcome.RESOLVED).is_open
    event = AdverseEvent(1, 1, 1, SOUND, SESSION_DAY)
    assert event.days_open(TODAY) == 5
    closed = AdverseEvent(1, 1, 1, replace(SOUND, resolved_on=date(2026, 11, 22),
                                           outcome=Outcome.RESOLVED), SESSION_DAY)
    assert closed.days_open(TODAY) == 2


@pytest.mark.parametrize(("actions", "taken"), [
    ((Action.NONE,), True),  # "None" alone
    ((), True),
    ((Action.COLD_COMPRESS, Action.TOPICAL), True),
    ((Action.NONE, Action.TOPICAL), False),
    ((Action.TOPICAL, Action.NONE), False),
])
def test_none_is_the_only_action_or_there_are_others(actions, taken):
    assert refused(replace(SOUND, actions=actions)) == (
        {} if taken else {"actions": ["“None” cannot go with other actions."]})


def test_the_kind_and_what_another_kind_is():
    assert refused(replace(SOUND, kind=None)) == {
        "kind": ["Choose what kind of side effect it is."]}
    other = replace(SOUND, kind=EventKind.OTHER, other_text="  ")
    assert refused(other) == {"other_text": ["Say what the side effect is."]}
    assert refused(replace(other, other_text="Folliculitis")) == {}
    assert refused(replace(other, other_text="x" * 200)) == {}
    assert refused(replace(other, other_text="x" * 201)) == {
        "other_text": ["At most 200 plain characters."]}
    assert refused(replace(other, other_text="tab\x0b")) == {
        "other_text": ["At most 200 plain characters."]}


def test_notes_up_to_their_limit():
    assert refused(replace(SOUND, notes="n" * 10_000)) == {}
    assert refused(replace(SOUND, notes="n" * 10_001)) == {
        "notes": ["Notes: at most 10,000 characters, no control characters."]}


def test_a_side_effect_is_named_with_its_grade():
    assert SOUND.title == "Redness / erythema, grade 1"
    assert replace(SOUND, grade=None).title == "Redness / erythema"
    assert replace(SOUND, kind=EventKind.OTHER, other_text="Folliculitis", grade=2
                   ).title == "Folliculitis, grade 2"
    assert replace(SOUND, kind=None, grade=None).title == ""
    assert Action.NONE.label == "None" and Outcome.RESOLVED.label == "Resolved"
    assert EventKind.NECROSIS.label == "Skin necrosis"
