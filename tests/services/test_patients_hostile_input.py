"""Whatever is typed, a patient is either stored exactly or refused whole."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mesolog.domain.validation import ValidationError
from mesolog.services.patient_search import SearchQuery
from mesolog.services.patients import PatientService
from tests.conftest import details, fixed_clock, open_as_administrator

hostile_text = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["'; DROP TABLE patient; --", "\x00", "a\x1bb", "Ω" * 101,
                     "x" * 10_001, "  ", "\n", "NEAR(a b)", '"*']),
)


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    last_name=hostile_text,
    first_name=hostile_text,
    chart_no=hostile_text,
    allergies=hostile_text,
    email=hostile_text,
    born=st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
)
def test_stored_exactly_or_refused(tmp_path_factory, last_name, first_name, chart_no,
                                   allergies, email, born):
    db = open_as_administrator(tmp_path_factory.mktemp("h") / "clinic.sqlite")
    try:
        patients = PatientService(db, clock=fixed_clock)
        typed = details(last_name=last_name, first_name=first_name, chart_no=chart_no,
                        allergies=allergies, email=email, date_of_birth=born)
        try:
            stored = patients.create(typed)
        except ValidationError as refused:
            assert refused.errors and all(e.message for e in refused.errors)
            assert patients.count(include_archived=True) == 0
            return
        assert patients.get(stored.id).details == typed.normalised()
        assert stored.id in patients.search(SearchQuery(stored.details.chart_no))
    finally:
        db.close()
