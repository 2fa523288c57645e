"""mesolog cohort: a cohort's outcome as numbers for scripts (the same numbers as
Clinic > Outcomes Across the Practice), as JSON or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from mesolog.domain.cohort import TIME_POINTS, Cohort, CohortResult, Follow, Outcome, OutcomeKind
from mesolog.domain.list_table import spreadsheet_safe
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.safety import SafetyReport
from mesolog.domain.scalp import ScalpZone


def add_cohort_parser(commands: argparse._SubParsersAction,
                      db_option: Callable[[argparse.ArgumentParser, str], None]) -> None:
    cohort = commands.add_parser(
        "cohort", help="a cohort's outcome across the practice: n, mean change with its "
        "95 %% interval, median and quartiles, responders with a Wilson interval, who was "
        "lost to follow-up (administrators and practitioners)")
    db_option(cohort, "database file, or server address")
    cohort.add_argument("--diagnosis", action="append", default=[],
                        choices=[d.value for d in Diagnosis], help="(repeat for several)")
    cohort.add_argument("--sex", action="append", default=[], choices=[s.value for s in Sex])
    cohort.add_argument("--age-from", type=int, metavar="YEARS",
                        help="age at the first session, from")
    cohort.add_argument("--age-to", type=int, metavar="YEARS", help="up to (inclusive)")
    cohort.add_argument("--protocol", default="", help="a course of this protocol")
    cohort.add_argument("--product", metavar="NAME", help="given this product at least once")
    cohort.add_argument("--first-from", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="first session on or after")
    cohort.add_argument("--first-to", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="first session on or before")
    cohort.add_argument("--min-sessions", type=int, default=1, metavar="N")
    cohort.add_argument("--outcome", choices=[k.value for k in OutcomeKind],
                        default=OutcomeKind.DENSITY.value)
    cohort.add_argument("--months", type=int, choices=TIME_POINTS, default=6)
    cohort.add_argument("--window", type=int, default=45, metavar="DAYS",
                        help="a follow-up this many days either side of the time point")
    cohort.add_argument("--zone", choices=[z.value for z in ScalpZone],
                        default=ScalpZone.VERTEX.value, help="where density is measured")
    cohort.add_argument("--responder-hairs", type=float, default=10.0, metavar="X",
                        help="a responder gains at least X hairs/cm²…")
    cohort.add_argument("--responder-percent", type=float, default=10.0, metavar="Y",
                        help="…or at least Y %% of the baseline")
    cohort.add_argument("--safety", action="store_true",
                        help="instead: side effects per 100 sessions by kind, grade, product "
                             "and lot, the lots that stand out flagged")
    cohort.add_argument("--sessions-from", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="--safety: sessions on or after")
    cohort.add_argument("--sessions-to", type=date.fromisoformat, metavar="YYYY-MM-DD",
                        help="--safety: sessions on or before")
    cohort.add_argument("--format", choices=("json", "csv"), default="json")
    cohort.add_argument("--patients", action="store_true",
                        help="CSV: one row a patient (how each counts, their values) "
                             "instead of the numbers")
    cohort.add_argument("-o", "--output", type=Path, help="a file (standard output if not "
                        "given)")


def run_cohort(args: argparse.Namespace) -> int:
    from mesolog.cli import UserError, _log_in
    from mesolog.services.practice_outcomes import PracticeOutcomesService

    db = _log_in(args.db)
    if args.safety:
        try:
            report = PracticeOutcomesService(db).safety(args.sessions_from, args.sessions_to)
        finally:
            db.close()
        _write(args.output, json.dumps(safety_json(report), ensure_ascii=False, indent=1)
               + "\n" if args.format == "json" else safety_csv(report))
        return 0
    try:
        service = PracticeOutcomesService(db)
        product_id = None
        if args.product is not None:
            known = {name.casefold(): i for i, name in service.products()}
            if args.product.casefold() not in known:
                raise UserError(f"no product named {args.product!r} was given to any patient")
            product_id = known[args.product.casefold()]
        result = service.cohort(
            Cohort(diagnoses=frozenset(Diagnosis(d) for d in args.diagnosis),
                   sexes=frozenset(Sex(s) for s in args.sex), age_from=args.age_from,
                   age_to=args.age_to, protocol=args.protocol, product_id=product_id,
                   first_from=args.first_from, first_to=args.first_to,
                   min_sessions=args.min_sessions),
            Outcome(kind=OutcomeKind(args.outcome), months=args.months,
                    window_days=args.window, zone=ScalpZone(args.zone),
                    responder_hairs=args.responder_hairs,
                    responder_percent=args.responder_percent))
    finally:
        db.close()
    if args.format == "json":
        text = json.dumps(as_json(result), ensure_ascii=False, indent=1) + "\n"
    else:
        text = patients_csv(result) if args.patients else numbers_csv(result)
    _write(args.output, text)
    return 0


def _write(output: Path | None, text: str) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        from mesolog.store.private import write_private

        write_private(output, text.encode("utf-8"))


def _rate(estimate: Any) -> dict[str, float] | None:
    return None if estimate is None else {"per_100_sessions": estimate.value,
                                          "low": estimate.low, "high": estimate.high}


def safety_json(report: SafetyReport) -> dict[str, Any]:
    return {
        "sessions_from": report.first and report.first.isoformat(),
        "sessions_to": report.last and report.last.isoformat(),
        "sessions": report.sessions, "side_effects": report.events,
        "rate": _rate(report.rate), "patients": report.patients,
        "patients_with_pain": report.patients_with_pain,
        "rows": [{"by": r.group.value, "what": r.label, "sessions": r.sessions,
                  "side_effects": r.events, "rate": _rate(r.rate),
                  "stands_out": r.stands_out, "p_value": r.p_value} for r in report.rows]}


def safety_csv(report: SafetyReport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("by", "what", "sessions", "side_effects", "per_100_sessions", "low",
                     "high", "stands_out"))
    writer.writerow(("practice", "every session", report.sessions, report.events,
                     *(("", "", "") if report.rate is None else
                       (report.rate.value, report.rate.low, report.rate.high)), ""))
    for r in report.rows:
        writer.writerow((r.group.value, spreadsheet_safe(r.label), r.sessions, r.events,
                         *(("", "", "") if r.rate is None else
                           (r.rate.value, r.rate.low, r.rate.high)),
                         "yes" if r.stands_out else ""))
    return out.getvalue()


def numbers(result: CohortResult) -> dict[str, Any]:
    """The cohort's numbers, named as scripts read them."""
    summary, rate = result.summary, result.responder_rate
    found: dict[str, Any] = {"patients": len(result.patients)}
    found.update({follow.value: result.count(follow) for follow in Follow})
    found.update({
        "mean_change": None if summary is None else summary.mean.value,
        "mean_change_low": None if summary is None else summary.mean.low,
        "mean_change_high": None if summary is None else summary.mean.high,
        "sd": None if summary is None else summary.sd,
        "median": None if summary is None else summary.median,
        "q1": None if summary is None else summary.q1,
        "q3": None if summary is None else summary.q3,
        "responders": result.responders,
        "responder_rate": None if rate is None else rate.value,
        "responder_rate_low": None if rate is None else rate.low,
        "responder_rate_high": None if rate is None else rate.high})
    return found


def as_json(result: CohortResult) -> dict[str, Any]:
    outcome = result.outcome
    return {
        "cohort": result.described(),
        "outcome": outcome.described(), "unit": outcome.kind.unit,
        "responder": outcome.responder_rule, "level": 0.95,
        "numbers": numbers(result),
        "course": [{"month": m.month, "patients": m.patients, "mean": m.mean_change}
                   for m in result.course],
        "patients": [_patient_fields(p) for p in result.patients]}


def _patient_fields(patient: Any) -> dict[str, Any]:
    return {"chart_no": patient.chart_no, "name": patient.name,
            "first_session": patient.first_session.isoformat(),
            "counts_as": patient.follow.value, "baseline": patient.baseline,
            "follow_up": patient.follow_up, "follow_up_day": patient.follow_up_day,
            "change": patient.change}


def numbers_csv(result: CohortResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("measure", "value"))
    writer.writerow(("cohort", spreadsheet_safe(result.described())))
    writer.writerow(("outcome", spreadsheet_safe(result.outcome.described())))
    writer.writerows((name, "" if value is None else value)
                     for name, value in numbers(result).items())
    return out.getvalue()


def patients_csv(result: CohortResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    columns = ("chart_no", "name", "first_session", "counts_as", "baseline", "follow_up",
               "follow_up_day", "change", "responder")
    writer.writerow(columns)
    for patient in result.patients:
        fields = _patient_fields(patient)
        # text a spreadsheet would run as a formula is not; numbers stay numbers
        fields["name"] = spreadsheet_safe(fields["name"])
        fields["chart_no"] = spreadsheet_safe(fields["chart_no"])
        responds = patient.responds(result.outcome)
        fields["responder"] = "" if responds is None else ("yes" if responds else "no")
        writer.writerow("" if fields[c] is None else fields[c] for c in columns)
    return out.getvalue()
