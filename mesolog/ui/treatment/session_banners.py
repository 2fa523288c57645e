"""What the session editor says around the record: above it the patient's alerts, what
to settle before injecting and whether the session is signed; below it, its amendments."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mesolog.domain.adverse_event import EventKind
from mesolog.domain.patient import field_label
from mesolog.domain.translation import day_text, moment_text
from mesolog.ui.common import styles
from mesolog.ui.common.language import tr

if TYPE_CHECKING:
    from mesolog.domain.patient import Patient
    from mesolog.domain.session import Session
    from mesolog.services.clinic import Clinic


def _banner(style: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label


class SessionBanners(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.alerts = _banner(styles.ALERT)  # allergies, contraindications, reactions
        self.consent_warning = _banner(styles.WARNING)  # to settle before a new session
        self.signed_banner = _banner(styles.SIGNED)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for banner in (self.alerts, self.consent_warning, self.signed_banner):
            layout.addWidget(banner)

    def show_patient(self, clinic: Clinic, patient: Patient, new_session: bool) -> None:
        """The patient's alerts; before a new session, also a consent that is missing or
        out of date and allergies never asked about."""
        d = patient.details
        alerts = [f"<b>{field_label(name)}:</b> {html.escape(text).replace(chr(10), '; ')}"
                  for name, text in (("allergies", d.allergies),
                                     ("contraindications", d.contraindications)) if text]
        alerts += [tr("<b>Earlier allergic reaction:</b> {lot} ({onset}, grade {grade})").format(
            lot=html.escape(e.suspected_lot or tr("no lot")), onset=day_text(e.details.onset),
            grade=e.details.grade)
            for e in clinic.adverse_events.for_patient(patient.id)
            if e.details.kind is EventKind.ALLERGIC_REACTION]
        self.alerts.setText("<br>".join(alerts))
        self.alerts.setVisible(bool(alerts))
        warnings = []
        warning = clinic.consent.treatment_consent(patient.id).warning
        if warning:
            warnings.append(tr("<b>Consent:</b> {warning}").format(warning=html.escape(warning)))
        if not d.allergies_asked:
            warnings.append(tr("<b>Allergies:</b> not asked yet; ask before injecting, and "
                               "record the answer in the chart."))
        self.consent_warning.setText("<br>".join(warnings))
        self.consent_warning.setVisible(bool(warnings) and new_session)

    def show_signed(self, session: Session | None) -> None:
        signed = session is not None and session.signed
        if signed:
            self.signed_banner.setText(tr(
                "<b>Signed</b> by {signer} on {moment}. It is read-only: changes are made as "
                "an amendment, with a reason, kept with the session.").format(
                    signer=html.escape(session.signed_by), moment=moment_text(session.signed_at)))
        self.signed_banner.setVisible(signed)



def amendments_html(session: Session | None) -> str:
    """Each amendment of ``session``: when, by whom, why and what changed."""
    return "".join(
        f"<p><b>Amended {a.at:%Y-%m-%d %H:%M} by {html.escape(a.author)}</b>: "
        f"{html.escape(a.reason)}<br>{'<br>'.join(html.escape(c) for c in a.changes)}</p>"
        for a in (session.amendments if session else ()))
