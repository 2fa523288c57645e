from PySide6.QtCore import QModelIndex, Qt

from mesolog.services.demo import build_demo_clinic
from mesolog.services.patient_search import LIST_PAGE_SIZE, PatientSort, SearchQuery
from mesolog.services.patients import PatientService
from mesolog.ui.patients.patient_list_model import (
    AGE,
    CHART_NO,
    NAME,
    PAGE_SIZE,
    PATIENT_ID_ROLE,
    PatientListModel,
)
from tests.conftest import TODAY, details, fill_with_demo
from tests.reference_search import every_match


class CountingService(PatientService):
    def __init__(self, db):
        super().__init__(db)
        self.fetched: list[int] = []

    def rows(self, ids):
        self.fetched.append(len(ids))
        return super().rows(ids)


def test_model_passes_the_model_tester(qtmodeltester, db, patients):
    build_demo_clinic(db, 50, seed=3)
    model = PatientListModel(patients, lambda: TODAY)
    model.set_query(SearchQuery())
    qtmodeltester.check(model, force_py=True)


def test_rows_are_fetched_a_page_at_a_time(db, demo_template):
    fill_with_demo(db, demo_template(300, 5))
    service = CountingService(db)
    model = PatientListModel(service, lambda: TODAY)
    model.set_query(SearchQuery())
    assert model.rowCount() == LIST_PAGE_SIZE and service.fetched == []
    model.data(model.index(0, NAME))
    model.data(model.index(5, CHART_NO))
    assert service.fetched == [PAGE_SIZE]
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == service.count() > LIST_PAGE_SIZE
    model.data(model.index(PAGE_SIZE + 1, NAME))
    assert service.fetched == [PAGE_SIZE, model.rowCount() - PAGE_SIZE]


def test_the_list_is_read_a_stretch_at_a_time_in_the_order_asked(db, demo_template):
    fill_with_demo(db, demo_template(300, 5))
    patients = PatientService(db)
    model = PatientListModel(patients, lambda: TODAY)
    for text in ("", "m", "a", "P-00"):
        for column in (NAME, CHART_NO, AGE):
            for order in Qt.SortOrder:
                model.set_query(SearchQuery(text, include_archived=True))
                model.sort(column, order)
                assert model.rowCount() <= LIST_PAGE_SIZE
                while model.canFetchMore(QModelIndex()):
                    model.fetchMore(QModelIndex())
                listed = [model.id_at(row) for row in range(model.rowCount())]
                expected = every_match(db, model.query)
                assert listed == expected and len(listed) > 20, (text, column, order)


def test_reveal_reads_down_to_a_patient_and_a_reload_keeps_what_was_read(db, demo_template):
    fill_with_demo(db, demo_template(300, 5))
    patients = PatientService(db)
    model = PatientListModel(patients, lambda: TODAY)
    model.set_query(SearchQuery(sort=PatientSort.CHART_NO))
    model.fetchMore(QModelIndex())
    model.set_query(SearchQuery())
    everyone = patients.search(SearchQuery())
    deep = everyone[250]
    assert model.row_of(deep) is None
    assert model.reveal(deep) == 250 and model.id_at(250) == deep
    assert model.complete or model.rowCount() == 251
    read = model.rowCount()
    model.reload()
    assert model.rowCount() == read and model.row_of(deep) == 250
    archived = db.fetch_all("SELECT id FROM patient WHERE archived = 1 LIMIT 1")[0][0]
    assert model.reveal(archived) is None  # the list leaves archived patients out
    assert model.rowCount() == read


def test_display_and_sorting(patients):
    young = patients.create(details(chart_no="P-1", last_name="Young",
                                    date_of_birth=TODAY.replace(year=TODAY.year - 20)))
    old = patients.create(details(chart_no="P-2", last_name="Old", allergies="",
                                  date_of_birth=TODAY.replace(year=TODAY.year - 70)))
    model = PatientListModel(patients, lambda: TODAY)
    model.set_query(SearchQuery())
    assert [model.id_at(r) for r in range(2)] == [old.id, young.id]
    assert model.data(model.index(1, NAME)) == "Young, Zeynep"
    assert model.data(model.index(1, AGE)) == "20"
    assert model.data(model.index(1, NAME), Qt.ItemDataRole.ToolTipRole)  # allergies
    assert model.data(model.index(0, NAME), Qt.ItemDataRole.ToolTipRole) is None
    model.sort(AGE, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, NAME), PATIENT_ID_ROLE) == young.id
    model.sort(CHART_NO, Qt.SortOrder.DescendingOrder)
    assert model.id_at(0) == old.id


def test_reveal_reads_down_only_so_far_and_never_for_a_patient_not_listed(db, demo_template):
    fill_with_demo(db, demo_template(300, 5))
    patients = PatientService(db)
    model = PatientListModel(patients, lambda: TODAY)
    model.set_query(SearchQuery())
    everyone = patients.search(SearchQuery())
    archived = db.fetch_all("SELECT id FROM patient WHERE archived = 1 LIMIT 1")[0][0]
    assert not patients.lists(SearchQuery(), archived)
    assert patients.lists(SearchQuery(include_archived=True), archived)
    assert patients.lists(SearchQuery("m"), everyone[0]) == (everyone[0] in
                                                             patients.search(SearchQuery("m")))
    far = everyone[LIST_PAGE_SIZE + 40]
    assert patients.list_through(model.query, model._plan, model._next_key, far,
                                 at_most=30) is None
    assert patients.list_through(model.query, model._plan, model._next_key, far,
                                 at_most=41).ids[-1] == far
