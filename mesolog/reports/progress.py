"""The progress report: a patient's treatment and its results, for the file or a
referring doctor."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from mesolog.domain.injection_map import totals
from mesolog.domain.patient import field_label
from mesolog.domain.scalp import ScalpView
from mesolog.domain.session import Session
from mesolog.domain.translation import _, day_text, ngettext, number
from mesolog.reports.content import ReportContent
from mesolog.reports.document import Styles, Text, build, escape, photo, table
from mesolog.reports.scalp_drawing import ScalpViewFlowable, lot_colours
from mesolog.reports.trend_chart import TrendChart


def build_progress_report(content: ReportContent, target: Path | BytesIO, *,
                          every_map: bool = False) -> None:
    """Write the progress report of ``content`` as a PDF to ``target``.

    With ``every_map`` each mapped session's map is printed, not only the latest.
    """
    s = Styles()
    p = content.patient.details
    story: list[Flowable] = [Text(_("Progress report"), s.title)]
    story += identity(content, s)
    story += consent_lines(content, s)
    story += grades(content, s)
    story += treatment(content, s)
    mapped = [x for x in content.sessions if x.details.points]
    for session in (mapped if every_map else mapped[-1:]):
        story += injection_map(content, session, s)
    story += trends(content, s)
    story += photos(content, s)
    story += side_effects(content, s)
    build(target, story, title=_("Progress report"),
          subject=f"{p.full_name} ({p.chart_no})", author=content.printed_by,
          letterhead=content.letterhead, printed_at=content.printed_at)


def identity(content: ReportContent, s: Styles) -> list[Flowable]:
    p = content.patient.details
    born = day_text(p.date_of_birth) if p.date_of_birth else "—"
    age = content.patient.age(content.printed_at.date())
    rows = [
        (_("Patient"), p.full_name, _("Chart no."), p.chart_no),
        (_("Born"), ngettext("{born} ({age} year)", "{born} ({age} years)", age).format(
            born=born, age=age) if age is not None else born, _("Sex"),
         p.sex.label if p.sex else "—"),
        (_("Diagnosis"), p.diagnosis.label if p.diagnosis else "—", _("Phone"),
         p.phone or "—"),
    ]
    cells = [[Text(f"<b>{a}</b>", s.cell), Text(escape(b), s.cell),
              Text(f"<b>{c}</b>", s.cell), Text(escape(d), s.cell)]
             for a, b, c, d in rows]
    out: list[Flowable] = [Table(cells, colWidths=[24 * mm, 70 * mm, 22 * mm, 58 * mm])]
    for title, text in ((field_label("allergies"), p.allergies),
                        (field_label("contraindications"), p.contraindications)):
        if text:
            out.append(Text(f"<b>{title}:</b> {escape(text)}", s.body))
    return out


def consent_lines(content: ReportContent, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Text(_("Consent"), s.heading)]
    if not content.consents:
        return [*out, Text(_("No consent recorded."), s.body)]
    for c in content.consents:
        state = (_("withdrawn {day}").format(day=day_text(c.withdrawn_at.date()))
                 if c.withdrawn_at else _("valid"))
        out.append(Text(_("{form} (version {version}): signed {day}, taken by {taken_by} — "
                          "{state}.").format(form=escape(c.form.title), version=c.form.version,
                                             day=day_text(c.signed_at.date()),
                                             taken_by=escape(c.taken_by), state=state),
                        s.body))
    return out


def grades(content: ReportContent, s: Styles) -> list[Flowable]:
    if not content.grades:
        return []
    rows = [(_("Date"), _("Scale"), _("Grade"), _("Meaning"))] + [
        (day_text(g.recorded_on), g.scale, g.value, g.description) for g in content.grades]
    return [Text(_("Grading history"), s.heading),
            table(rows, [22 * mm, 32 * mm, 18 * mm, 102 * mm], s)]


def treatment(content: ReportContent, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Text(_("Treatment"), s.heading)]
    if not content.courses:
        return [*out, Text(_("No course of treatment recorded yet."), s.body)]
    for course in content.courses:
        due = (_("; next session due {day}").format(day=day_text(course.next_due))
               if course.next_due else "")
        out.append(Text(_("<b>{protocol}</b> — {status}, {done} of {planned} sessions{due}.")
                        .format(protocol=escape(course.protocol), status=course.status,
                                done=len(course.sessions), planned=course.planned_sessions,
                                due=due), s.body))
        if not course.sessions:
            continue
        rows: list = [(_("Date"), _("By"), _("Technique"), _("Products and lots"), "ml",
                       _("Points"))]
        for session in course.sessions:
            rows.append(_session_row(session, s))
        volume = sum(x.total_volume_ml for x in course.sessions)
        total = _("Course total")
        rows.append(("", "", "", Text(f"<b>{total}</b>", s.cell),
                     number(volume, 2), ""))
        sessions_table = table(rows, [21 * mm, 29 * mm, 25 * mm, 71 * mm, 13 * mm, 15 * mm],
                               s, align_right=(4, 5))
        # the course total never starts a page on its own
        sessions_table.setStyle(TableStyle([("NOSPLIT", (0, -2), (-1, -1))]))
        out += [Spacer(1, 2), sessions_table, Spacer(1, 4)]
        out += session_notes(course.sessions, s)
    return out


def session_notes(sessions, s: Styles) -> list[Flowable]:
    """Each session's note under the course's table, as text that flows from page to
    page: a note of any length (10,000 characters, 200 lines) is printed whole."""
    noted = [x for x in sessions if x.details.notes.strip()]
    if not noted:
        return []
    out: list[Flowable] = [Text(_("Session notes"), s.subheading)]
    for session in noted:
        out.append(Text(f"<b>{day_text(session.details.performed_at.date())}</b> — "
                        f"{escape(session.details.notes.strip())}", s.body))
    return [*out, Spacer(1, 6)]


def _session_row(session: Session, s: Styles) -> tuple:
    d = session.details
    # plain lines where they fit (the table sets them fast); the note follows the table
    lots = "\n".join([_("{product} · lot {lot} · {volume} ml").format(
        product=u.product_name, lot=u.lot_no, volume=number(u.volume_ml, up_to=2))
        for u in session.used] + ([_("(note below)")] if d.notes.strip() else []))
    when = day_text(d.performed_at.date()) + ("" if session.signed
                                              else "\n" + _("(not signed)"))
    how = d.technique.label if d.technique else ""
    if d.depth_mm is not None:
        how += f", {number(d.depth_mm, up_to=1)} mm"
    return (when, session.practitioner_name, how, lots, number(session.total_volume_ml, 2),
            str(len(d.points)) if d.points else "—")


def injection_map(content: ReportContent, session: Session, s: Styles) -> list[Flowable]:
    points = session.details.points
    lot_products = {lot: product for lot, (product, _) in content.lot_labels.items()}
    colours = lot_colours(points, lot_products)
    views = [v for v in ScalpView if any(p.view is v for p in points)]
    drawings = [ScalpViewFlowable(v, points, colours, 78 * mm) for v in views]
    grid = [drawings[i:i + 2] for i in range(0, len(drawings), 2)]
    grid[-1] += [""] * (2 - len(grid[-1]))
    legend = "   ".join(
        f"<font color='{colours[lot]}'>●</font> {escape(content.lot_labels[lot][1])}"
        for lot in dict.fromkeys(p.lot_id for p in points) if lot in content.lot_labels)
    t = totals(points)
    rows = [(_("Zone"), _("Points"), _("Volume (ml)"))] + [
        (zone.label, number(x.points), number(x.volume_ml, 2)) for zone, x in t.by_zone.items()]
    rows.append((_("Total"), number(t.points), number(t.volume_ml, 2)))
    block: list[Flowable] = [
        Text(_("Injection map — session of {day}").format(
            day=day_text(session.details.performed_at.date())), s.heading),
        Table(grid, colWidths=[87 * mm, 87 * mm]),
        Spacer(1, 6),
        Text(legend, s.small),
        Spacer(1, 4),
        table(rows, [60 * mm, 25 * mm, 30 * mm], s, align_right=(1, 2)),
    ]
    return [KeepTogether(block[:3]), *block[3:]]


def trends(content: ReportContent, s: Styles) -> list[Flowable]:
    if not content.trends:
        return []
    cells = []
    for trend in content.trends:
        caption = escape(trend.title) + (f" — {escape(trend.change)}" if trend.change else "")
        cells.append([Text(caption, s.small), TrendChart(trend, 82 * mm, 42 * mm)])
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    rows[-1] += [""] * (2 - len(rows[-1]))
    return [KeepTogether([Text(_("Measurements"), s.heading),
                          Text(_("Orange ticks mark the sessions."), s.small),
                          Table(rows, colWidths=[87 * mm, 87 * mm])])]


def photos(content: ReportContent, s: Styles) -> list[Flowable]:
    pair = content.photos
    if pair is None:
        return []
    (before_day, before), (after_day, after) = pair.before, pair.after
    row = [[photo(before, 84 * mm, 70 * mm, s), photo(after, 84 * mm, 70 * mm, s)],
           [Text(_("Before — {day}").format(day=day_text(before_day)), s.small),
            Text(_("After — {day}").format(day=day_text(after_day)), s.small)]]
    return [KeepTogether([Text(_("Photos — {view}").format(view=escape(pair.view)),
                               s.heading),
                          Table(row, colWidths=[87 * mm, 87 * mm])])]


def side_effects(content: ReportContent, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Text(_("Side effects"), s.heading)]
    if not content.events:
        return [*out, Text(_("None recorded."), s.body)]
    rows: list = [(_("Onset"), _("Side effect"), _("Session"), _("Suspected lot"),
                   _("Action"), _("Outcome"))]
    for e in content.events:
        d = e.details
        outcome = (f"{d.outcome.label}, {day_text(d.resolved_on)}" if d.resolved_on
                   else d.outcome.label)
        rows.append((day_text(d.onset), d.title + (" " + _("(serious)") if d.serious else ""),
                     day_text(e.session_performed_on), e.suspected_lot or "—",
                     ", ".join(a.label for a in d.actions) or "—", outcome))
    return [*out, table(rows, [21 * mm, 37 * mm, 21 * mm, 36 * mm, 29 * mm, 30 * mm], s)]
