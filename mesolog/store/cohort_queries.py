"""The practice's outcomes read in SQL: the cohort's patients (criteria on the patient,
their courses, the products they were given, their first session), and for each their
baseline and the follow-up nearest the time point, chosen by window functions over
their measurements or grades; the cohort's mean course month by month; all in one
statement, on SQLite and on PostgreSQL alike: dates become day numbers (days since
1970-01-01) in each engine's own words."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, text

from mesolog.domain.cohort import DAYS_A_MONTH, Cohort, Outcome, OutcomeKind

_EPOCH = date(1970, 1, 1)


def day_number(value: date) -> int:
    """A date as the statements give it back: days since 1970-01-01."""
    return (value - _EPOCH).days


def day_of(number: int) -> date:
    """The date of a day number (day_number read back)."""
    return _EPOCH + timedelta(days=number)


def _day(expression: str, on_server: bool) -> str:
    """The SQL for ``expression``'s day number (a date, or a time's date)."""
    if on_server:
        return f"(CAST({expression} AS date) - DATE '1970-01-01')"
    return f"CAST(julianday(date({expression})) - 2440587.5 AS INTEGER)"


def _years_after(expression: str, years: str, on_server: bool) -> str:
    if on_server:
        return f"(CAST({expression} AS date) + make_interval(years => {years}))"
    return f"date({expression}, '+' || {years} || ' years')"


# One patient of the cohort as read: (patient id, first day, baseline, follow-up, its day,
# chart number, last name, first name); values as the database gives them (a grade is
# "scale:stage").
FoundOutcome = tuple


def _cohort_sql(cohort: Cohort, on_server: bool, params: dict[str, Any]) -> str:
    where = ["1 = 1"]
    if cohort.diagnoses:
        where.append("p.diagnosis IN :diagnoses")
        params["diagnoses"] = sorted(d.value for d in cohort.diagnoses)
    if cohort.sexes:
        where.append("p.sex IN :sexes")
        params["sexes"] = sorted(s.value for s in cohort.sexes)
    if cohort.protocol:
        where.append("EXISTS (SELECT 1 FROM course co WHERE co.patient_id = p.id "
                     "AND co.protocol = :protocol)")
        params["protocol"] = cohort.protocol
    if cohort.product_id is not None:
        where.append("EXISTS (SELECT 1 FROM session gs JOIN session_product sp ON "
                     "sp.session_id = gs.id JOIN lot l ON l.id = sp.lot_id WHERE "
                     "gs.patient_id = p.id AND l.product_id = :product_id)")
        params["product_id"] = cohort.product_id
    first = _day("min(s.performed_at)", on_server)
    having = ["count(*) >= :min_sessions"]
    params["min_sessions"] = cohort.min_sessions
    if cohort.first_from is not None:
        having.append(f"{first} >= :first_from")
        params["first_from"] = day_number(cohort.first_from)
    if cohort.first_to is not None:
        having.append(f"{first} <= :first_to")
        params["first_to"] = day_number(cohort.first_to)
    first_date = ("CAST(min(s.performed_at) AS date)" if on_server
                  else "date(min(s.performed_at))")
    if cohort.age_from is not None:  # age_from years old by the first session
        having.append(f"{_years_after('min(p.date_of_birth)', ':age_from', on_server)} "
                      f"<= {first_date}")
        params["age_from"] = cohort.age_from
    if cohort.age_to is not None:  # not yet age_to + 1 years old
        having.append(f"{_years_after('min(p.date_of_birth)', ':age_after', on_server)} "
                      f"> {first_date}")
        params["age_after"] = cohort.age_to + 1
    return (f"SELECT s.patient_id AS id, {first} AS first_day FROM session s "
            f"JOIN patient p ON p.id = s.patient_id WHERE {' AND '.join(where)} "
            f"GROUP BY s.patient_id HAVING {' AND '.join(having)}")


def _taken_sql(outcome: Outcome, on_server: bool, params: dict[str, Any]) -> str:
    """The cohort's values for the outcome: (id, value, day after the first session)."""
    if outcome.kind is OutcomeKind.DENSITY:
        params["zone"] = outcome.zone.value
        return (f"SELECT c.id, m.density AS value, {_day('m.taken_on', on_server)} - "
                "c.first_day AS day FROM cohort c JOIN (SELECT patient_id, min(id) AS "
                "site_id FROM measurement_site WHERE zone = :zone GROUP BY patient_id) st "
                "ON st.patient_id = c.id JOIN measurement m ON m.site_id = st.site_id "
                "WHERE m.density IS NOT NULL")
    if outcome.kind is OutcomeKind.GRADE:
        return (f"SELECT c.id, g.scale || ':' || g.stage AS value, "
                f"{_day('g.recorded_on', on_server)} - c.first_day AS day FROM cohort c "
                "JOIN grade_record g ON g.patient_id = c.id WHERE g.scale <> 'salt' "
                "AND g.stage IS NOT NULL")
    return (f"SELECT c.id, m.satisfaction AS value, {_day('m.taken_on', on_server)} - "
            "c.first_day AS day FROM cohort c JOIN measurement m ON m.patient_id = c.id "
            "WHERE m.satisfaction IS NOT NULL")


def _statement(cohort: Cohort, outcome: Outcome, on_server: bool,
               params: dict[str, Any]) -> Any:
    """One statement for the cohort's patients and its mean course: the values are
    scanned and ranked once (two statements took twice as long at 100,000 patients).
    Rows of kind 0 are patients (id, first day, baseline, follow-up, its day, chart
    number, names); rows of kind 1 the course (month, patients measured, mean)."""
    params.update(target=outcome.target_day, window=outcome.window_days,
                  baseline_days=outcome.baseline_days, month=DAYS_A_MONTH)
    empty = "CAST(NULL AS text)" if on_server else "NULL"
    if outcome.kind is OutcomeKind.GRADE:  # stages of different scales do not average
        course = ""
    else:
        change, measured = (("value - base_value", "base_day <= :baseline_days AND ")
                            if outcome.kind.needs_baseline else ("value", ""))
        month = "CAST(round(day / :month) AS INTEGER)"
        course = (f", month_course AS (SELECT {month} AS month, count(DISTINCT id) AS "
                  f"patients, avg({change}) AS mean FROM marked WHERE {measured}day >= 0 "
                  f"GROUP BY {month}) ")
        course_rows = (f" UNION ALL SELECT 1, month, patients, mean, NULL, NULL, {empty}, "
                       f"{empty}, {empty} FROM month_course")
    # each value's patient's baseline (the first value, up to baseline_days after the
    # first session) beside it, and its rank by nearness to the time point
    sql = (f"WITH cohort AS ({_cohort_sql(cohort, on_server, params)}), "
           f"taken AS ({_taken_sql(outcome, on_server, params)}), "
           "marked AS MATERIALIZED (SELECT id, value, day, "
           "first_value(value) OVER first AS base_value, "
           "first_value(day) OVER first AS base_day, "
           "row_number() OVER near AS near_rank FROM taken "
           "WHERE day <= :target + :window WINDOW "
           "first AS (PARTITION BY id ORDER BY CASE WHEN day <= :baseline_days THEN 0 "
           "ELSE 1 END, day), near AS (PARTITION BY id ORDER BY abs(day - :target), day)), "
           "per_patient AS (SELECT id, "
           "max(CASE WHEN base_day <= :baseline_days THEN base_value END) AS baseline, "
           "max(CASE WHEN near_rank = 1 AND abs(day - :target) <= :window THEN value END) "
           "AS follow_up, "
           "max(CASE WHEN near_rank = 1 AND abs(day - :target) <= :window THEN day END) "
           f"AS follow_up_day FROM marked GROUP BY id){course} "
           "SELECT 0 AS kind, c.id, c.first_day, pp.baseline, pp.follow_up, pp.follow_up_day, "
           "p.chart_no, p.last_name, p.first_name FROM cohort c JOIN patient p ON p.id = c.id "
           "LEFT JOIN per_patient pp ON pp.id = c.id"
           # (the course sorted in Python: no sort of the patients' rows here)
           + (course_rows if course else ""))
    statement = text(sql)
    for name in ("diagnoses", "sexes"):
        if name in params:
            statement = statement.bindparams(bindparam(name, expanding=True))
    return statement


def cohort_outcomes(conn: Connection, on_server: bool, cohort: Cohort, outcome: Outcome
                    ) -> tuple[list[FoundOutcome], list[tuple[int, int, float]]]:
    """Every patient of the cohort, with the baseline and follow-up found for them; and
    the cohort's course: (month after the first session, patients measured in it, their
    mean change from baseline; for satisfaction, the mean score), up to the time
    point's window."""
    params: dict[str, Any] = {}
    if on_server:
        # PostgreSQL overestimates the ranked values a hundredfold and so compiles the
        # statement with JIT: 0.38 of its 1.1 s at 100,000 patients (EXPLAIN ANALYZE);
        # its sorts fit in memory with more than the default 4 MB
        conn.execute(text("SET LOCAL jit = off"))
        conn.execute(text("SET LOCAL work_mem = '64MB'"))
    result = conn.execute(_statement(cohort, outcome, on_server, params), params)
    try:  # the driver's own tuples: no Row objects for 100,000 patients
        rows = result.cursor.fetchall()
    finally:
        result.close()
    patients = [row[1:] for row in rows if row[0] == 0]
    course = sorted((int(row[1]), int(row[2]), float(row[3])) for row in rows if row[0] == 1)
    return patients, course
