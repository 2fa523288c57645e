"""A consent form to sign on paper: the text of its version, and signature lines."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from mesolog.domain.consent import ConsentForm
from mesolog.domain.translation import _, day_text
from mesolog.reports.content import ReportContent
from mesolog.reports.document import INK, Styles, Text, build, escape
from mesolog.reports.fonts import REGULAR


def build_consent_form(content: ReportContent, form: ConsentForm,
                       target: Path | BytesIO) -> None:
    s = Styles()
    p = content.patient.details
    born = day_text(p.date_of_birth) if p.date_of_birth else ""
    story: list[Flowable] = [
        Text(escape(form.title), s.title),
        Text(_("Form version {version}").format(version=form.version), s.small),
        Spacer(1, 6),
        Text(_("Patient: <b>{name}</b>, born {born}, chart {chart_no}").format(
            name=escape(p.full_name), born=born, chart_no=escape(p.chart_no)), s.body),
        Spacer(1, 6),
    ]
    for block in form.body.split("\n\n"):
        lines = block.splitlines()
        if all(line.startswith("- ") for line in lines):
            story += [Text(f"• {escape(line[2:])}", s.body) for line in lines]
        else:
            story.append(Text(escape(block), s.body))
        story.append(Spacer(1, 4))
    signature = Table(
        [["", "", "", "", ""],
         [_("Patient's signature"), "", _("Practitioner's signature"), "", _("Date")]],
        colWidths=[64 * mm, 8 * mm, 64 * mm, 8 * mm, 30 * mm], rowHeights=[18 * mm, None])
    signature.setStyle(TableStyle(
        [("LINEBELOW", (c, 0), (c, 0), 0.6, INK) for c in (0, 2, 4)]
        + [("FONTNAME", (0, 1), (-1, 1), REGULAR), ("FONTSIZE", (0, 1), (-1, 1), 8),
           ("TEXTCOLOR", (0, 1), (-1, 1), INK), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 10), signature]
    build(target, story, title=form.title, subject=f"{p.full_name} ({p.chart_no})",
          author=content.printed_by, letterhead=content.letterhead,
          printed_at=content.printed_at)
