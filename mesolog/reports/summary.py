"""The patient summary: one or two pages in plain words for the patient to take home."""

from __future__ import annotations

from importlib.resources import files
from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mesolog.reports.content import ReportContent
from mesolog.reports.document import Styles, Text, build, escape, table


def aftercare_text() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The aftercare advice shipped in resources/: (heading, lines) blocks."""
    text = (files("mesolog.resources") / "patient_aftercare.md").read_text(encoding="utf-8")
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
        Text("Your treatment summary", s.title),
        Text(f"For <b>{escape(p.first_name)} {escape(p.last_name)}</b> "
                  f"(chart {escape(p.chart_no)}), printed "
                  f"{content.printed_at:%d %B %Y}.", s.body),
    ]
    sessions = content.sessions
    story.append(Text("Your sessions", s.heading))
    if not sessions:
        story.append(Text("You have not had a session with us yet.", s.body))
    else:
        rows: list = [("Date", "What you received")]
        for session in sessions:
            rows.append((f"{session.details.performed_at:%d %b %Y}",
                         ", ".join(f"{u.product_name} (lot {u.lot_no})"
                                   for u in session.used)))
        story += [Text(f"You have had {len(sessions)} session"
                            f"{'s' if len(sessions) != 1 else ''} so far.", s.body),
                  Spacer(1, 3), table(rows, [28 * mm, 146 * mm], s)]
    story.append(Text("Your next session", s.heading))
    story.append(Text(
        f"Your next session is due on <b>{content.next_due:%A %d %B %Y}</b>. Please call us "
        "to book it if you have not done so." if content.next_due else
        "No further session is planned at the moment.", s.body))
    for heading, lines in aftercare_text():
        story.append(Text(escape(heading), s.heading))
        story += [Text(f"• {escape(line)}", s.body) for line in lines]
    contact = escape(clinic.name) + (f", telephone <b>{escape(clinic.phone)}</b>"
                                     if clinic.phone else "")
    story += [Text("Whom to call", s.heading),
              Text(f"{contact}. Bring this summary to your next visit.", s.body)]
    build(target, story, title="Treatment summary",
          subject=f"{p.full_name} ({p.chart_no})", author=content.printed_by,
          letterhead=clinic, printed_at=content.printed_at)
