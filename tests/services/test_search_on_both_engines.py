"""The same patients, in the same order, for the same typing, on the embedded file and on
a PostgreSQL server: one corpus of names from many scripts, searched every way the
list reads it."""

from __future__ import annotations

from datetime import date

import pytest

from mesolog.domain.patient import Diagnosis, Sex
from mesolog.services.patient_search import PatientSort, Plan, SearchQuery
from mesolog.services.patients import PatientService
from tests.conftest import details, fixed_clock, open_as_administrator

# last name, first name: accents, letters Unicode does not decompose, hyphens, two-part
# and particle surnames, apostrophes, and scripts without case
CORPUS = [
    ("Łukasiewicz", "Jan"), ("Lukas", "Anna"), ("Øster", "Søren"), ("Oster", "Per"),
    ("Straße", "Jürgen"), ("Strasser", "Eva"), ("Öztürk", "Zeynep"), ("Ozturk", "Ali"),
    ("Dvořák", "Antonín"), ("Dvorak", "Petr"), ("García-Márquez", "José"),
    ("Garcia", "Ana María"), ("van der Berg", "Lotte"), ("Vandenberg", "Tom"),
    ("O'Connor", "Siobhán"), ("Oconnor", "Liam"), ("de la Cruz", "Maria José"),
    ("Smith-Jones", "Ann"), ("Jones", "Ann-Marie"), ("Æbelø", "Ærø"), ("Ðorđević", "Đorđe"),
    ("王", "小明"), ("李", "娜"), ("محمد", "علي"), ("Müller", "Ömer"), ("Muller", "Omer"),
    ("Nguyễn", "Thị Minh"), ("Ἀριστοτέλης", "Νίκος"), ("Çelik", "İpek"), ("Dąbrowski", "Łucja"),
]
TYPED = ["", "l", "luk", "łuk", "oster", "øst", "strass", "straß", "oz", "öz", "dvor",
         "dvoř", "garc", "garcia marq", "marquez", "van der", "der", "berg", "o'c", "oc",
         "connor", "de la", "cruz", "smith", "jones", "ann", "ann-m", "ae", "æ", "dor", "đor",
         "王", "小", "محمد", "mull", "müll", "omer", "nguyen", "thi", "αρισ", "cel", "ipek",
         "dabr", "p-000", "P-00012", "x", "zz", "1980-01-05", "05.01.1980"]


def _fill(db) -> None:
    patients = PatientService(db, clock=fixed_clock)
    for n, (last, first) in enumerate(CORPUS, 1):
        made = patients.create(details(
            chart_no=f"P-{n:05d}", last_name=last, first_name=first, allergies="",
            date_of_birth=date(1980, 1, 1 + n % 7), sex=(Sex.FEMALE, Sex.MALE)[n % 2],
            diagnosis=list(Diagnosis)[n % 4]))
        if n % 5 == 0:
            patients.archive(made.id, made.version)


def _every_list(db) -> dict[tuple, list[int]]:
    service = PatientService(db, clock=fixed_clock)
    lists = {}
    for typed in TYPED:
        for archived in (False, True):
            for sort in PatientSort:
                for descending in (False, True):
                    query = SearchQuery(typed, include_archived=archived, sort=sort,
                                        descending=descending)
                    plan = service.plan(query)
                    ids, after = [], None
                    while True:  # a page of 7 at a time: keyset paging crosses ties
                        page = service.list_page(query, plan, after, 7)
                        ids.extend(page.ids)
                        if page.next_key is None:
                            break
                        after = page.next_key
                    assert service.count_matching(query) == len(ids), (typed, archived)
                    assert all(service.lists(query, i) for i in ids[:3])
                    lists[typed, archived, sort, descending] = ids
    return lists


def test_every_search_lists_the_same_patients_in_the_same_order_on_both_engines(
        db_path, server_database):
    on_file, on_server = open_as_administrator(db_path), open_as_administrator(server_database)
    try:
        _fill(on_file)
        _fill(on_server)
        assert PatientService(on_server).plan(SearchQuery("garc")) is Plan.ON_SERVER
        file_lists, server_lists = _every_list(on_file), _every_list(on_server)
    finally:
        on_file.close()
        on_server.close()
    for key, ids in file_lists.items():
        assert server_lists[key] == ids, key
    # the corpus is searched for real: accents, letters and scripts find their patients
    found = {typed: len(file_lists[typed, True, PatientSort.NAME, False]) for typed in TYPED}
    assert found["łuk"] == found["luk"] == 2 and found["straß"] == found["strass"] == 2
    assert found["王"] == 1 and found["محمد"] == 1 and found["αρισ"] == 1
    assert found["o'c"] == 1 and found["oc"] == 1 and found["zz"] == 0 and found["1980-01-05"] >= 4


@pytest.mark.parametrize("typed", ["garc", "p-0001", "ozt"])
def test_a_search_on_the_server_reads_its_trigram_index(server_database, typed):
    """Among 100,000 patients the server reads a search through the trigram index over
    the search words (migration 0001), not the whole table."""
    from mesolog.store.server import server_sql
    from tests.conftest import write_directly

    db = open_as_administrator(server_database)
    try:
        _fill(db)
        write_directly(db, "INSERT INTO patient (chart_no, last_name, first_name, name_key, "
                           "date_of_birth, sex, diagnosis, archived, created_at, updated_at, "
                           "version) SELECT 'Q-' || g, 'Name' || g, 'First', 'name' || g || "
                           "' first', date '1950-01-01' + mod(g, 20000), 'female', 'other', "
                           "false, now(), now(), 1 FROM generate_series(1, 100000) g")
        write_directly(db, "ANALYZE patient")
        sql, params = SearchQuery(typed).page_sql(Plan.ON_SERVER, None, 201)
        with db.engine.connect() as conn:
            plan = "\n".join(r[0] for r in conn.exec_driver_sql(
                "EXPLAIN " + server_sql(sql), params))
    finally:
        db.close()
    assert "ix_patient_search" in plan, plan
