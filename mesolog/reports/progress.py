"""The progress report: a patient's treatment and its results, for the file or a
referring doctor."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from mesolog.domain.injection_map import totals
from mesolog.domain.scalp import ScalpView
from mesolog.domain.session import Session
from mesolog.reports.content import ReportContent
from mesolog.reports.document import Styles, Text, build, escape, photo, table
from mesolog.reports.scalp_drawing import ScalpViewFlowable, lot_colours
from mesolog.reports.trend_chart import TrendChart

WIDTH = 174 * mm  # A4 less the margins


def build_progress_report(content: ReportContent, target: Path | BytesIO, *,
                          every_map: bool = False) -> None:
    """Write the progress report of ``content`` as a PDF to ``target``.

    With ``every_map`` each mapped session's map is printed, not only the latest.
    """
    s = Styles()
    p = content.patient.details
    story: list[Flowable] = [Text("Progress report", s.title)]
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
    build(target, story, title="Progress report",
          subject=f"{p.full_name} ({p.chart_no})", author=content.printed_by,
          letterhead=content.letterhead, printed_at=content.printed_at)


def identity(content: ReportContent, s: Styles) -> list[Flowable]:
    p = content.patient.details
    born = f"{p.date_of_birth:%Y-%m-%d}" if p.date_of_birth else "—"
    age = content.patient.age(content.printed_at.date())
    rows = [
        ("Patient", p.full_name, "Chart no.", p.chart_no),
        ("Born", f"{born} ({age} years)" if age is not None else born, "Sex",
         p.sex.label if p.sex else "—"),
        ("Diagnosis", p.diagnosis.label if p.diagnosis else "—", "Phone", p.phone or "—"),
    ]
    cells = [[Text(f"<b>{a}</b>", s.cell), Text(escape(b), s.cell),
              Text(f"<b>{c}</b>", s.cell), Text(escape(d), s.cell)]
             for a, b, c, d in rows]
    out: list[Flowable] = [Table(cells, colWidths=[24 * mm, 70 * mm, 22 * mm, 58 * mm])]
    for title, text in (("Allergies", p.allergies), ("Contraindications",
                                                      p.contraindications)):
        if text:
            out.append(Text(f"<b>{title}:</b> {escape(text)}", s.body))
    return out


def consent_lines(content: ReportContent, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Text("Consent", s.heading)]
    if not content.consents:
        return [*out, Text("No consent recorded.", s.body)]
    for c in content.consents:
        state = (f"withdrawn {c.withdrawn_at:%Y-%m-%d}" if c.withdrawn_at else "valid")
        out.append(Text(
            f"{escape(c.form.title)} (version {c.form.version}): signed "
            f"{c.signed_at:%Y-%m-%d}, taken by {escape(c.taken_by)} — {state}.", s.body))
    return out


def grades(content: ReportContent, s: Styles) -> list[Flowable]:
    if not content.grades:
        return []
    rows = [("Date", "Scale", "Grade", "Meaning")] + [
        (f"{g.recorded_on:%Y-%m-%d}", g.scale, g.value, g.description) for g in content.grades]
    return [Text("Grading history", s.heading),
            table(rows, [22 * mm, 32 * mm, 18 * mm, 102 * mm], s)]


def treatment(content: ReportContent, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Text("Treatment", s.heading)]
    if not content.courses:
        return [*out, Text("No course of treatment recorded yet.", s.body)]
    for course in content.courses:
        due = f"; next session due {course.next_due:%Y-%m-%d}" if course.next_due else ""
        out.append(Text(
            f"<b>{escape(course.protocol)}</b> — {course.status}, "
            f"{len(course.sessions)} of {course.planned_sessions} sessions{due}.", s.body))
        if not course.sessions:
            continue
        rows: list = [("Date", "By", "Technique", "Products and lots", "ml", "Points")]
        for session in course.sessions:
            rows.append(_session_row(session, s))
        volume = sum(x.total_volume_ml for x in course.sessions)
        rows.append(("", "", "", Text("<b>Course total</b>", s.cell), f"{volume:.2f}", ""))
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
    out: list[Flowable] = [Text("Session notes", s.subheading)]
    for session in noted:
        out.append(Text(f"<b>{session.details.performed_at:%Y-%m-%d}</b> — "
                             f"{escape(session.details.notes.strip())}", s.body))
    return [*out, Spacer(1, 6)]


def _session_row(session: Session, s: Styles) -> tuple:
    d = session.details
    # plain lines where they fit (the table sets them fast); the note follows the table
    lots = "\n".join([f"{u.product_name} · lot {u.lot_no} · {u.volume_ml:g} ml"
                      for u in session.used] + (["(note below)"] if d.notes.strip() else []))
    when = f"{d.performed_at:%Y-%m-%d}" + ("" if session.signed else "\n(not signed)")
    how = d.technique.label if d.technique else ""
    if d.depth_mm is not None:
        how += f", {d.depth_mm:g} mm"
    return (when, session.practitioner_name, how, lots, f"{session.total_volume_ml:.2f}",
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
    rows = [("Zone", "Points", "Volume (ml)")] + [
        (zone.label, str(x.points), f"{x.volume_ml:.2f}") for zone, x in t.by_zone.items()]
    rows.append(("Total", str(t.points), f"{t.volume_ml:.2f}"))
    block: list[Flowable] = [
        Text(f"Injection map — session of {session.details.performed_at:%Y-%m-%d}",
                  s.heading),
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
    return [KeepTogether([Text("Measurements", s.heading),
                          Text("Orange ticks mark the sessions.", s.small),
                          Table(rows, colWidths=[87 * mm, 87 * mm])])]


def photos(content: ReportContent, s: Styles) -> list[Flowable]:
    pair = content.photos
    if pair is None:
        return []
    (before_day, before), (after_day, after) = pair.before, pair.after
    row = [[photo(before, 84 * mm, 70 * mm, s), photo(after, 84 * mm, 70 * mm, s)],
           [Text(f"Before — {before_day:%Y-%m-%d}", s.small),
            Text(f"After — {after_day:%Y-%m-%d}", s.small)]]
    return [KeepTogether([Text(f"Photos — {escape(pair.view)}", s.heading),
                          Table(row, colWidths=[87 * mm, 87 * mm])])]


def side_effects(content: ReportContent, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Text("Side effects", s.heading)]
    if not content.events:
        return [*out, Text("None recorded.", s.body)]
    rows: list = [("Onset", "Side effect", "Session", "Suspected lot", "Action", "Outcome")]
    for e in content.events:
        d = e.details
        outcome = (f"{d.outcome.label}, {d.resolved_on:%Y-%m-%d}" if d.resolved_on
                   else d.outcome.label)
        rows.append((f"{d.onset:%Y-%m-%d}", d.title + (" (serious)" if d.serious else ""),
                     f"{e.session_performed_on:%Y-%m-%d}", e.suspected_lot or "—",
                     ", ".join(a.label for a in d.actions) or "—", outcome))
    return [*out, table(rows, [21 * mm, 37 * mm, 21 * mm, 36 * mm, 29 * mm, 30 * mm], s)]
