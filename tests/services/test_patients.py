from datetime import date

import pytest

from mesolog.domain.patient import Diagnosis
from mesolog.domain.validation import ConflictError, ValidationError
from mesolog.services.patient_search import PatientSort, SearchQuery, fts_match
from tests.conftest import details


@pytest.fixture
def clinic(patients):
    """A handful of patients whose names need folding to be found."""
    made = {}
    for chart, last, first, born in [
        ("P-00001", "Öztürk", "Zeynep", date(1984, 3, 27)),
        ("P-00002", "Wójcik", "Łukasz", date(1979, 12, 1)),
        ("P-00003", "García", "José", date(1990, 6, 15)),
        ("P-00104", "Garcia-Lopez", "Ana", date(1984, 3, 27)),
        ("HX-7", "Smith", "John", date(1960, 1, 2)),
    ]:
        made[chart] = patients.create(details(chart_no=chart, last_name=last, first_name=first,
                                              date_of_birth=born))
    return made


def names(patients, ids):
    return [f"{r.last_name}, {r.first_name}" for r in
            (patients.rows(ids)[i] for i in ids)]


def test_create_and_read_back(patients):
    stored = patients.create(details(first_name="  Zeynep "))
    again = patients.get(stored.id)
    assert again.details.first_name == "Zeynep"
    assert again.details.allergies == "Lidocaine"
    assert again.version == 1 and not again.archived


def test_refused_create_stores_nothing(patients):
    with pytest.raises(ValidationError) as caught:
        patients.create(details(date_of_birth=date(2030, 1, 1)))
    assert caught.value.for_field("date_of_birth")
    assert patients.count(include_archived=True) == 0


def test_chart_numbers_are_unique(patients):
    patients.create(details())
    with pytest.raises(ValidationError) as caught:
        patients.create(details(last_name="Other", chart_no="p-00001"))
    assert "already used" in caught.value.for_field("chart_no")
    assert patients.count() == 1


def test_update_bumps_the_version(patients):
    stored = patients.create(details())
    changed = patients.update(stored.id, stored.version, details(allergies="Latex"))
    assert changed.version == stored.version + 1
    assert patients.get(stored.id).details.allergies == "Latex"


def test_a_stale_update_is_refused_and_changes_nothing(patients):
    stored = patients.create(details())
    patients.update(stored.id, stored.version, details(phone="+49 30 9999 9999"))
    with pytest.raises(ConflictError, match="changed elsewhere"):
        patients.update(stored.id, stored.version, details(phone="+49 30 1111 1111"))
    assert patients.get(stored.id).details.phone == "+49 30 9999 9999"


def test_archived_patients_leave_the_list_but_stay_in_the_database(patients, clinic):
    smith = clinic["HX-7"]
    patients.archive(smith.id, smith.version)
    assert smith.id not in patients.search(SearchQuery())
    assert smith.id in patients.search(SearchQuery(include_archived=True))
    assert patients.get(smith.id).archived
    assert patients.count() == 4 and patients.count(include_archived=True) == 5
    restored = patients.unarchive(smith.id, smith.version + 1)
    assert not restored.archived and smith.id in patients.search(SearchQuery())


@pytest.mark.parametrize(("typed", "expected"), [
    ("ozturk", ["Öztürk, Zeynep"]),
    ("ÖZT", ["Öztürk, Zeynep"]),
    ("lukasz", ["Wójcik, Łukasz"]),
    ("wojcik luk", ["Wójcik, Łukasz"]),
    ("garc", ["García, José", "Garcia-Lopez, Ana"]),
    ("jose garcia", ["García, José"]),
    ("lopez", ["Garcia-Lopez, Ana"]),
    ("P-0010", ["Garcia-Lopez, Ana"]),
    ("hx-7", ["Smith, John"]),
    ("27.03.1984", ["Garcia-Lopez, Ana", "Öztürk, Zeynep"]),
    ("1984-03-27", ["Garcia-Lopez, Ana", "Öztürk, Zeynep"]),
    ("nobody", []),
])
def test_search_by_name_chart_or_birth_date(patients, clinic, typed, expected):
    assert names(patients, patients.search(SearchQuery(typed))) == expected


def test_hostile_search_text_is_only_text(patients, clinic):
    for typed in ['"', "' OR 1=1 --", "NEAR(", "*", "a AND", "^x", "P-0000\x00"]:
        patients.search(SearchQuery(typed))  # no FTS syntax error escapes
    assert fts_match('ab" OR x') == '"ab"* "or"* "x"*'


def test_sorting(patients, clinic):
    by_birth = patients.search(SearchQuery(sort=PatientSort.DATE_OF_BIRTH))
    assert names(patients, by_birth)[0] == "Smith, John"
    by_chart_desc = patients.search(SearchQuery(sort=PatientSort.CHART_NO, descending=True))
    assert patients.rows(by_chart_desc)[by_chart_desc[0]].chart_no == "P-00104"
    by_diagnosis = patients.search(SearchQuery(sort=PatientSort.DIAGNOSIS))
    assert [patients.rows(by_diagnosis)[i].diagnosis for i in by_diagnosis] == \
        [Diagnosis.FEMALE_AGA] * 5


def query_plan(db, query: SearchQuery) -> str:
    sql, params = query.sql()
    with db.connection() as conn:
        return " | ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.mark.parametrize("sort", list(PatientSort))
@pytest.mark.parametrize("descending", [False, True])
def test_the_whole_list_walks_an_index_in_every_order(patients, clinic, db, sort, descending):
    plan = query_plan(db, SearchQuery(sort=sort, descending=descending))
    assert "INDEX" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.parametrize("text", ["garc", "jose garc", "P-0010", "27.03.1984"])
def test_searches_start_from_an_index_not_a_table_scan(patients, clinic, db, text):
    for include_archived in (False, True):
        plan = query_plan(db, SearchQuery(text, include_archived=include_archived))
        first = plan.split(" | ")[0]
        assert "VIRTUAL TABLE" in first or "birth (date_of_birth=?)" in first, plan
        assert "SCAN p" not in plan, plan


def test_rows_flag_alerts(patients):
    calm = patients.create(details(allergies=""))
    alert = patients.create(details(chart_no="P-2", contraindications="Keloid tendency",
                                    allergies=""))
    rows = patients.rows([calm.id, alert.id])
    assert not rows[calm.id].has_alerts and rows[alert.id].has_alerts


def test_next_chart_number_follows_the_clinic_scheme(patients, clinic):
    assert patients.next_chart_no() == "HX-8"
    patients.create(details(chart_no="P-00105", last_name="New"))
    assert patients.next_chart_no() == "P-00106"


def test_every_search_kind_and_the_count_read_an_index_not_the_patient_table(db):
    """EXPLAIN QUERY PLAN of what the list runs on each keystroke: the full-text index, a
    date index or a list-order index, never a scan of the patient table itself."""
    from mesolog.services.patient_search import SearchQuery
    from mesolog.services.patients import COUNT_ACTIVE_SQL, COUNT_ALL_SQL

    statements = [(COUNT_ACTIVE_SQL, ()), (COUNT_ALL_SQL, ())]
    for text in ("", "g", "garc", "García Ana", "P-012345", "1984-03-27", "27.03.1984"):
        for archived in (False, True):
            statements.append(SearchQuery(text, include_archived=archived).sql())
    for sql, params in statements:
        plan = [row[3] for row in db.fetch_all("EXPLAIN QUERY PLAN " + sql, params)]
        assert plan and not any(step in ("SCAN p", "SCAN patient") for step in plan), \
            (sql, plan)
