import subprocess
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from mesolog.domain.adverse_event import EventDetails, EventKind
from mesolog.domain.course import CourseStatus
from mesolog.ui.patients.patient_list_model import NAME
from mesolog.ui.treatment.treatment_panel import COURSE_ROLE


def test_a_side_effect_recorded_for_a_signed_session_shows_on_the_treatment_tab(
        qtbot, demo_window):
    window = demo_window
    patient_id, session_id, performed = window.database.fetch_all(
        "SELECT patient_id, id, performed_at FROM session WHERE signed_at IS NOT NULL "
        "ORDER BY performed_at DESC LIMIT 1")[0]
    assert window.show_patient(patient_id, tab=1)
    events = window.treatment.events
    before = events.topLevelItemCount()
    # recorded as the session editor records it, with no word to the Treatment tab
    window.clinic.adverse_events.record(EventDetails(
        session_id=session_id, kind=EventKind.HEADACHE,
        onset=date.fromisoformat(performed[:10]), grade=1))
    qtbot.waitUntil(lambda: events.topLevelItemCount() == before + 1, timeout=5000)
    assert any("Headache" in events.topLevelItem(i).text(1)
               for i in range(events.topLevelItemCount()))


def test_a_patient_changed_by_another_program_shows_in_this_window(qtbot, demo_window):
    window = demo_window
    shown_id = window.model.id_at(0)
    window.show_patient(shown_id, tab=0)
    script = (
        "import sys\n"
        "from dataclasses import replace\n"
        "from mesolog.domain.permissions import Actor\n"
        "from mesolog.services.patients import PatientService\n"
        "from mesolog.store.database import open_database\n"
        "from mesolog.store.keys import DatabaseKey\n"
        "key = DatabaseKey(bytes.fromhex(sys.argv[3]))\n"
        "db = open_database(sys.argv[1], key=key).acting_as(Actor.program('another desk'))\n"
        "patients = PatientService(db)\n"
        "p = patients.get(int(sys.argv[2]))\n"
        "patients.update(p.id, p.version, replace(p.details, last_name='Aaberg'))\n")
    subprocess.run([sys.executable, "-c", script, str(window.database.path), str(shown_id),
                    window.database.key.raw.hex()],
                   check=True, timeout=60, cwd=Path(__file__).parents[2])
    # the list and the open chart (nothing unsaved in it) follow within a poll
    qtbot.waitUntil(lambda: window.form.inputs["last_name"].text() == "Aaberg", timeout=5000)
    qtbot.waitUntil(lambda: window.model.data(window.model.index(0, NAME)).startswith(
        "Aaberg"), timeout=5000)


def test_after_its_own_action_the_treatment_tab_reads_its_records_once(
        qtbot, demo_window, monkeypatch):
    """The tab reads at once after pausing a course; the change notice of that same
    action finds it fresh and does not read again."""
    window = demo_window
    patient_id, course_id = window.database.fetch_all(
        "SELECT patient_id, id FROM course WHERE status = 'active' LIMIT 1")[0]
    assert window.show_patient(patient_id, tab=1)
    panel = window.treatment
    reads: list[int] = []
    read = panel.refresh
    monkeypatch.setattr(panel, "refresh", lambda: (reads.append(1), read()))

    def course_row():
        timeline = panel.timeline
        return next(timeline.topLevelItem(i) for i in range(timeline.topLevelItemCount())
                    if timeline.topLevelItem(i).data(0, COURSE_ROLE) == course_id)

    panel.timeline.setCurrentItem(course_row())
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # the notice's turn in the event loop
    assert course_row().text(2).startswith("Paused")
    assert len(reads) == 1
    # a change made outside the tab (as another window would) is read too, once
    courses = window.clinic.courses
    courses.set_status(course_id, courses.get(course_id).version, CourseStatus.ACTIVE)
    qtbot.waitUntil(lambda: len(reads) == 2, timeout=2000)
    qtbot.wait(50)
    assert len(reads) == 2
    assert course_row().text(2).startswith("Active")


def test_another_programs_change_just_before_our_own_is_told_with_what_it_touched(
        qtbot, demo_window):
    """Another desk commits, then this window does, both before the next poll: the
    other desk's change is still told (our own notice does not stand for it), with the
    patient it touched, and ours is not told twice."""
    from dataclasses import replace

    from mesolog.domain.permissions import Actor
    from mesolog.services.patients import PatientService
    from mesolog.store.database import open_database

    window = demo_window
    notices = window.notices
    notices.poll.stop()  # polled by hand below
    heard = []
    notices.changed.connect(heard.append)
    ours, theirs = window.model.id_at(0), window.model.id_at(1)
    other = open_database(window.database.path, key=window.database.key)
    try:
        desk = PatientService(other.acting_as(Actor.program("another desk")))
        record = desk.get(theirs)
        desk.update(theirs, record.version, replace(record.details, notes="changed there"))
    finally:
        other.close()
    patients = window.clinic.patients
    mine = patients.get(ours)
    patients.update(ours, mine.version, replace(mine.details, notes="changed here"))
    assert [c.by_another for c in heard] == [False] and heard[0].patient_ids == {ours}
    notices.look_elsewhere()
    assert len(heard) == 2 and heard[1].by_another
    assert heard[1].patient_ids == {theirs} and "patient" in heard[1].tables  # not ours
    notices.look_elsewhere()
    assert len(heard) == 2  # nothing new, nothing said
