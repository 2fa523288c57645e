from dataclasses import replace
from datetime import date

import pytest

from mesolog.domain.patient import Diagnosis
from mesolog.domain.validation import ConflictError, ValidationError
from mesolog.services.demo import build_demo_clinic
from mesolog.services.patient_search import PatientSort, SearchQuery, fts_match
from mesolog.services.patients import PatientService
from tests.conftest import details, fill_with_demo
from tests.reference_search import every_match


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


# the server plans its own statements (test_search_on_both_engines.py)
SQLITE_PLANS = "SQLite's query plans"

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
    """How the list's first page of ``query`` is read."""
    sql, params = query.page_sql(PatientService(db).plan(query), None, 201)
    with db.connection() as conn:
        return " | ".join(r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params))


@pytest.mark.sqlite_only(SQLITE_PLANS)
@pytest.mark.parametrize("sort", list(PatientSort))
@pytest.mark.parametrize("descending", [False, True])
def test_the_whole_list_walks_an_index_in_every_order(patients, clinic, db, sort, descending):
    plan = query_plan(db, SearchQuery(sort=sort, descending=descending))
    assert "INDEX" in plan and "TEMP B-TREE" not in plan, plan


@pytest.mark.sqlite_only(SQLITE_PLANS)
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


@pytest.mark.sqlite_only(SQLITE_PLANS)
def test_every_search_kind_and_the_count_read_an_index_not_the_patient_table(db, monkeypatch):
    """EXPLAIN QUERY PLAN of every statement the list runs on a keystroke, for each kind
    of query, each way of reading it, each order, first page and next: the search index,
    a date index or a list-order index, never a scan of the patient table itself; and a
    walk along an order index never sorts (else a page would read every match)."""
    from mesolog.services.patient_search import Plan

    build_demo_clinic(db, 60, seed=4)
    service = PatientService(db)
    ran: list[tuple[str, tuple]] = []
    fetch_all = db.fetch_all

    def recording(sql, params=()):
        ran.append((sql, params))
        return fetch_all(sql, params)

    monkeypatch.setattr(db, "fetch_all", recording)
    checked = 0
    for text in ("", "g", "garc", "García Ana", "P-012345", "1984-03-27", "27.03.1984"):
        for archived in (False, True):
            for sort in PatientSort:
                for descending in (False, True):
                    query = SearchQuery(text, archived, sort, descending)
                    plans = ([query.plan_without_counting()] if query.plan_without_counting()
                             else [Plan.SORT_HITS, Plan.HIT_LIST, Plan.HIT_PER_ROW])
                    ran.clear()
                    service.plan(query)
                    service.count_matching(query)
                    counting = list(ran)
                    for plan in plans:
                        ran.clear()
                        first = service.list_page(query, plan, size=3)
                        if first.next_key is not None:
                            service.list_page(query, plan, first.next_key, size=3)
                        for sql, params in counting + ran:
                            steps = [row[3] for row in fetch_all("EXPLAIN QUERY PLAN " + sql,
                                                                 params)]
                            assert steps and not any(step in ("SCAN p", "SCAN patient")
                                                     for step in steps), (sql, steps)
                            walks = plan in (Plan.ORDER_INDEX, Plan.HIT_LIST, Plan.HIT_PER_ROW)
                            if walks and "LIMIT" in sql:
                                assert not any("TEMP B-TREE" in step for step in steps), \
                                    (sql, steps)
                            checked += 1
    assert checked > 500


@pytest.mark.sqlite_only(SQLITE_PLANS)
def test_every_way_of_reading_a_search_lists_the_same_patients_page_after_page(
        db, demo_template):
    """A small clinic always sorts its few hits; the walks chosen for many hits at
    100,000 patients and more must list exactly the same patients in the same order."""
    from mesolog.services.patient_search import Plan

    fill_with_demo(db, demo_template(300, 5))
    service = PatientService(db)
    compared = 0
    for text in ("m", "p", "garc", "anna", "P-00", "é", "van der", "zz", "o'c"):
        for archived in (False, True):
            for sort in PatientSort:
                for descending in (False, True):
                    query = SearchQuery(text, archived, sort, descending)
                    expected = every_match(db, query)
                    for plan in (Plan.SORT_HITS, Plan.HIT_LIST, Plan.HIT_PER_ROW):
                        listed, after = [], None
                        while True:
                            page = service.list_page(query, plan, after, size=37)
                            listed += page.ids
                            if page.next_key is None:
                                break
                            after = page.next_key
                        assert listed == expected, (query, plan)
                        compared += len(listed)
    assert compared > 10_000


def test_the_plan_follows_the_number_of_hits():
    from mesolog.services.patient_search import (
        SORTED_HITS_AT_MOST,
        Plan,
        hits_deciding,
        plan_for,
    )

    assert plan_for(0, 1_000_000) is Plan.SORT_HITS
    assert plan_for(SORTED_HITS_AT_MOST, 1_000_000) is Plan.SORT_HITS
    assert plan_for(SORTED_HITS_AT_MOST + 1, 1_000_000) is Plan.HIT_LIST
    assert plan_for(hits_deciding(1_000_000), 1_000_000) is Plan.HIT_PER_ROW
    assert SORTED_HITS_AT_MOST < hits_deciding(1_000_000) < 1_000_000
    assert hits_deciding(1_000) == SORTED_HITS_AT_MOST  # a small clinic sorts every search


def test_the_count_of_a_search_leaves_out_the_archived_unless_asked(patients, clinic):
    query = SearchQuery("s")
    active = len(patients.search(query))
    everyone = len(patients.search(SearchQuery("s", include_archived=True)))
    assert patients.count_matching(query) == active
    smith = clinic["HX-7"]
    patients.archive(smith.id, smith.version)
    assert patients.count_matching(query) == active - 1 == len(patients.search(query))
    assert patients.count_matching(SearchQuery("s", include_archived=True)) == everyone
    again = patients.get(smith.id)
    renamed = patients.update(smith.id, again.version,
                              replace(again.details, last_name="Zed"))
    assert patients.count_matching(SearchQuery("zed", include_archived=True)) == 1
    assert patients.count_matching(SearchQuery("zed")) == 0
    patients.unarchive(smith.id, renamed.version)
    assert patients.count_matching(SearchQuery("zed")) == 1
    assert patients.count_matching(SearchQuery(smith.details.date_of_birth.isoformat())) >= 1
