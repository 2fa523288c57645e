"""Outcomes across the practice on paper: the cohort and outcome, its numbers with their
intervals, the comparison with a second cohort, the mean course month by month, and the
side effects across the practice, under the clinic's letterhead."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from mesolog.domain.cohort import CohortResult, Comparison, Follow, observational
from mesolog.domain.intervals import described
from mesolog.domain.published import PublishedNumber, practice_number
from mesolog.domain.safety import SafetyReport
from mesolog.domain.translation import _, day_text, number
from mesolog.reports.content import Letterhead
from mesolog.reports.document import Styles, Text, build, escape, table
from mesolog.reports.fonts import REGULAR

_LINES = (colors.HexColor("#1f6fb2"), colors.HexColor("#c2571a"))


def number_rows(result: CohortResult) -> list[tuple[str, str]]:
    """The cohort's numbers as (what, value) lines."""
    outcome, summary = result.outcome, result.summary
    rows = [(_("Patients in the cohort"), number(len(result.patients)))]
    rows += [(follow.label, number(result.count(follow))) for follow in Follow
             if follow is not Follow.NO_BASELINE or outcome.kind.needs_baseline]
    if summary is not None:
        what = (_("Mean change ({unit})") if outcome.kind.needs_baseline
                else _("Mean score ({unit})")).format(unit=outcome.kind.unit)
        rows += [(what, described(summary.mean)),
                 (_("Median (quartiles)"), _("{median} ({q1} to {q3})").format(
                     median=number(summary.median, 1), q1=number(summary.q1, 1),
                     q3=number(summary.q3, 1))),
                 (_("Standard deviation"), number(summary.sd, 1)),
                 (_("Responders: {rule}").format(rule=outcome.responder_rule),
                  _("{responders} of {analysed}, {share} (Wilson)").format(
                      responders=number(result.responders),
                      analysed=number(len(result.analysed)),
                      share=described(result.responder_rate, 0, True)))]
    return rows


def _course_chart(results: list[tuple[str, CohortResult]], unit: str, months: int) -> Drawing:
    drawing = Drawing(170 * mm, 62 * mm)
    plot = LinePlot()
    plot.x, plot.y, plot.width, plot.height = 14 * mm, 10 * mm, 150 * mm, 46 * mm
    plot.data = [[(m.month, m.mean_change) for m in r.course] for _name, r in results if r.course]
    for i in range(len(plot.data)):
        plot.lines[i].strokeColor = _LINES[i % 2]
        plot.lines[i].strokeWidth = 1.2
        plot.lines[i].symbol = makeMarker("FilledCircle", size=3)
    values = [v for line in plot.data for _month, v in line] + [0.0]
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = 0, months + 1
    plot.xValueAxis.valueStep = 1
    plot.yValueAxis.valueMin = min(values) - 1
    plot.yValueAxis.valueMax = max(values) + 1
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName, axis.labels.fontSize = REGULAR, 7
    drawing.add(plot)
    drawing.add(String(14 * mm, 2 * mm, _("Months after the first session; mean {unit}")
                       .format(unit=unit),
                       fontName=REGULAR, fontSize=7))
    for i, (name, _result) in enumerate(results):
        drawing.add(String(120 * mm + 25 * mm * i, 58 * mm, f"— {name}", fontName=REGULAR,
                           fontSize=7, fillColor=_LINES[i % 2]))
    return drawing


def build_practice_outcomes(target: Path | BytesIO, *, letterhead: Letterhead,
                            printed_at: datetime, printed_by: str,
                            result: CohortResult | None = None,
                            comparison: Comparison | None = None,
                            safety: SafetyReport | None = None,
                            published: tuple[PublishedNumber, ...] = ()) -> None:
    s = Styles()
    story: list[Flowable] = [Text(_("Outcomes across the practice"), s.title)]
    if result is not None:
        outcome = result.outcome
        story.append(Text(escape(outcome.described()) + ".", s.body))
        cohorts = [("A", result)] + ([("B", comparison.b)] if comparison else [])
        for name, cohort_result in cohorts:
            heading = (_("Cohort {name}: {cohort}").format(
                name=name, cohort=cohort_result.described()) if comparison else
                _("Cohort: {cohort}").format(cohort=cohort_result.described()))
            story += [Text(escape(heading), s.heading),
                      table([(_("Measure"), _("Value")), *number_rows(cohort_result)],
                            [95 * mm, 79 * mm], s)]
        if comparison is not None:
            mean, rate = comparison.mean_difference, comparison.rate_difference
            story += [Text(_("A minus B"), s.heading), table([
                (_("Difference"), _("Value")),
                (_("Difference in mean change (Welch)"),
                 described(mean.estimate) if mean else "—"),
                (_("Difference in responder rates (Newcombe)"),
                 described(rate.estimate, 0, True) if rate else "—")],
                [95 * mm, 79 * mm], s)]
        if any(r.course for _name, r in cohorts):
            story.append(KeepTogether([
                Text(_("Mean course, month by month"), s.heading),
                _course_chart(cohorts, outcome.kind.unit, outcome.months)]))
        story += [Spacer(1, 4), Text(f"<i>{escape(observational())}</i>", s.small)]
    if safety is not None:
        period = (" " + _("(sessions {first} to {last})").format(
            first=day_text(safety.first) if safety.first else "…",
            last=day_text(safety.last) if safety.last else "…")
            if safety.first or safety.last else "")
        standing = (_("Standing out: {lots}.").format(
            lots=escape(", ".join(r.label for r in safety.flagged)))
            if safety.flagged else _("No lot stands out."))
        story += [Text(_("Side effects across the practice") + escape(period), s.heading),
                  Text(_("{events} side effects in {sessions} sessions: {rate} per 100 "
                         "sessions.").format(events=number(safety.events),
                                             sessions=number(safety.sessions),
                                             rate=described(safety.rate)) + " " + standing,
                       s.body),
                  table([(_("By"), _("What"), _("Sessions"), _("Side effects"),
                          _("Per 100 (95 % CI)")),
                         *[(r.group.label, r.label, number(r.sessions), number(r.events),
                            described(r.rate) + (" — " + _("stands out") if r.stands_out
                                                 else ""))
                           for r in safety.rows]],
                        [16 * mm, 62 * mm, 20 * mm, 20 * mm, 56 * mm], s,
                        align_right=(2, 3))]
    if published:
        story.append(Text(_("Published numbers"), s.heading))
        for study in published:
            arms = "; ".join(_("{arm}: {events} of {n} ({published}, {share})").format(
                arm=escape(arm.name), events=number(arm.events), n=number(arm.n),
                published=arm.published, share=described(arm.share, 0, True))
                for arm in study.arms)
            own = practice_number(study.compares_with, result, safety)
            story.append(Text(
                f"<b>{escape(study.outcome)}</b>. {escape(study.population)}. {arms}."
                + (f" <i>{escape(own)}</i>" if own else "")
                + "<br/>" + _("{citation} doi:{doi}; read from {where}.").format(
                    citation=escape(study.citation), doi=escape(study.doi),
                    where=escape(study.read_from)), s.small))
            story.append(Spacer(1, 4))
    build(target, story, title=_("Outcomes across the practice"),
          subject=letterhead.name or _("The practice"), author=printed_by,
          letterhead=letterhead, printed_at=printed_at)
