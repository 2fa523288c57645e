"""The patient summary: one or two pages in plain words for the patient to take home."""

from __future__ import annotations

from importlib.resources import files
from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mesolog.domain.translation import _, language, ngettext, spelled_day
from mesolog.reports.content import ReportContent
from mesolog.reports.document import Styles, Text, build, escape, table


def aftercare_text() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The aftercare advice shipped in resources/, in the language in force where it is
    written in it (patient_aftercare.<language>.md), else in English: (heading, lines)
    blocks."""
    resources = files("mesolog.resources")
    written = resources / f"patient_aftercare.{language()}.md"
    source = written if written.is_file() else resources / "patient_aftercare.md"
    text = source.read_text(encoding="utf-8")
    blocks = []
    for block in text.strip().split("\n\n"):
        heading, *lines = block.strip().splitlines()
        blocks.append((heading.strip(), tuple(line.lstrip("- ").strip() for line in lines)))
    return tuple(blocks)


def build_patient_summary(content: ReportContent, target: Path | BytesIO) -> None:
    s = Styles()
    p = content.patient.details
    clinic = content.letterhead
    story: list[Flowable] = [
        Text(_("Your treatment summary"), s.title),
        Text(_("For <b>{first_name} {last_name}</b> (chart {chart_no}), printed {day}.").format(
            first_name=escape(p.first_name), last_name=escape(p.last_name),
            chart_no=escape(p.chart_no), day=spelled_day(content.printed_at.date())), s.body),
    ]
    sessions = content.sessions
    story.append(Text(_("Your sessions"), s.heading))
    if not sessions:
        story.append(Text(_("You have not had a session with us yet."), s.body))
    else:
        rows: list = [(_("Date"), _("What you received"))]
        for session in sessions:
            rows.append((spelled_day(session.details.performed_at.date(), short=True),
                         ", ".join(_("{product} (lot {lot})").format(
                             product=u.product_name, lot=u.lot_no) for u in session.used)))
        story += [Text(ngettext("You have had {count} session so far.",
                                "You have had {count} sessions so far.",
                                len(sessions)).format(count=len(sessions)), s.body),
                  Spacer(1, 3), table(rows, [28 * mm, 146 * mm], s)]
    story.append(Text(_("Your next session"), s.heading))
    story.append(Text(
        _("Your next session is due on <b>{day}</b>. Please call us to book it if you have "
          "not done so.").format(day=spelled_day(content.next_due, weekday=True))
        if content.next_due else _("No further session is planned at the moment."), s.body))
    for heading, lines in aftercare_text():
        story.append(Text(escape(heading), s.heading))
        story += [Text(f"• {escape(line)}", s.body) for line in lines]
    contact = escape(clinic.name) + (", " + _("telephone <b>{phone}</b>").format(
        phone=escape(clinic.phone)) if clinic.phone else "")
    story += [Text(_("Whom to call"), s.heading),
              Text(_("{contact}. Bring this summary to your next visit.").format(
                  contact=contact), s.body)]
    build(target, story, title=_("Treatment summary"),
          subject=f"{p.full_name} ({p.chart_no})", author=content.printed_by,
          letterhead=clinic, printed_at=content.printed_at)
