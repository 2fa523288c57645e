"""A patient's history: who changed what in the chart, and when, from the audit trail,
told in the practitioner's words ("Session of 12 Mar 2026: notes changed", "signed by
Dr Claire Moreau"), never in the database's (table names, row numbers, ids)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mesolog.domain.adverse_event import EventKind, Outcome
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseStatus
from mesolog.domain.patient import FIELD_LABELS, Diagnosis, Sex, field_label
from mesolog.domain.photo import PhotoView
from mesolog.domain.scalp import ScalpView, ScalpZone
from mesolog.domain.session import Device, Technique
from mesolog.domain.translation import N_, _, spelled_day
from mesolog.store.database import Database

# What each audited table is called at the desk.
RECORD_NAMES = {
    "patient": N_("Chart"), "consent": N_("Consent"), "course": N_("Course"),
    "session": N_("Session"),
    "session_product": N_("Product given"), "session_amendment": N_("Amendment"),
    "adverse_event": N_("Side effect"), "side_effect_check": N_("Side-effect check"),
    "measurement_site": N_("Measurement site"), "measurement": N_("Measurement"),
    "grade_record": N_("Grade"), "photo": N_("Photo"), "injection_point": N_("Injection point"),
}
_HIDDEN = {"version", "updated_at", "created_at", "name_key", "id", "patient_id",
           "before_json", "after_json", "sha256"}
# the words of stored codes, from the domain's own labels
_CHOICES: dict[str, type[StrEnum]] = {
    "technique": Technique, "device": Device, "diagnosis": Diagnosis, "sex": Sex,
    "kind": EventKind, "outcome": Outcome, "status": CourseStatus, "zone": ScalpZone,
}
_FIELD_WORDS = {"practitioner_id": N_("practitioner"), "course_id": N_("course"),
                "signed_by_id": N_("signed by"), "taken_by_id": N_("taken by"), "lot_id": N_("lot"),
                "suspected_lot_id": N_("suspected lot"), "session_id": N_("session"),
                "site_id": N_("site"), "author_id": N_("author"), "checked_by_id": N_("checked by"),
                "form_id": N_("form"), "needle_length_mm": N_("needle length (mm)"),
                "depth_mm": N_("depth (mm)"), "volume_ml": N_("volume (ml)"),
                "shaft_diameter_um": N_("shaft diameter (µm)"), "anagen_pct": N_("anagen (%)"),
                "telogen_pct": N_("telogen (%)"), "pain_score": N_("pain (0–10)"),
                "salt_score": N_("SALT score"), "interval_days": N_("interval (days)"),
                "file_name": N_("file"), "expired_override": N_("expired lot used because")}


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    who: str
    record: str
    action: str
    changes: tuple[str, ...]


def _day(value: object) -> str:
    """A stored date or time as the desk writes it: 12 Mar 2026 (09:30)."""
    text = str(value)
    try:
        if len(text) <= 10:
            day = date.fromisoformat(text)
            return spelled_day(day, short=True)
        moment = datetime.fromisoformat(text)
        return f"{spelled_day(moment.date(), short=True)} {moment:%H:%M}"
    except ValueError:
        return text


class _Names:
    """The names behind the ids a record points to, read once per history."""

    def __init__(self, db: Database, patient_id: int):
        def pairs(sql: str, params: tuple = ()) -> dict[int, str]:
            return {row[0]: row[1] for row in db.fetch_all(sql, params)}

        self.people = pairs("SELECT id, name FROM practitioner")
        self.lots = {k: _("{product} lot {lot}").format(product=product, lot=lot)
                     for k, product, lot in db.fetch_all(
                         "SELECT l.id, p.name, l.lot_no FROM lot l "
                         "JOIN product p ON p.id = l.product_id")}
        self.courses = pairs("SELECT id, protocol FROM course WHERE patient_id = ?",
                             (patient_id,))
        self.sessions = {k: _("session of {day}").format(day=_day(v)) for k, v in pairs(
            "SELECT id, performed_at FROM session WHERE patient_id = ?", (patient_id,)).items()}
        self.sites = pairs("SELECT id, name FROM measurement_site WHERE patient_id = ?",
                           (patient_id,))
        self.forms = {k: _("{form} form, version {version}").format(
                          form=ConsentKind(kind).label, version=version)
                      for k, kind, version in db.fetch_all(
                          "SELECT id, kind, version FROM consent_form")}

    def of(self, field: str, value: object) -> str:
        if value in (None, ""):
            return "—"
        table = {"practitioner_id": self.people, "signed_by_id": self.people,
                 "taken_by_id": self.people, "author_id": self.people,
                 "checked_by_id": self.people, "lot_id": self.lots,
                 "suspected_lot_id": self.lots, "course_id": self.courses,
                 "session_id": self.sessions, "site_id": self.sites, "form_id": self.forms}
        if field in table:
            return table[field].get(value, _("(removed)"))
        if field in _CHOICES:
            try:
                return _CHOICES[field](value).label
            except ValueError:
                return str(value)
        if field == "view":
            for kind in (PhotoView, ScalpView):
                try:
                    return kind(value).label
                except ValueError:
                    continue
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if field.endswith(("_at", "_on", "date_of_birth", "start_date", "onset")):
            return _day(value)
        return str(value)


def _field(table: str, key: str) -> str:
    if table == "patient" and key in FIELD_LABELS:
        return field_label(key).lower()
    return _(_FIELD_WORDS[key]) if key in _FIELD_WORDS else key.replace("_", " ")


def _title(table: str, values: dict, names: _Names) -> str:
    """What the record is, as the chart would name it."""
    v = values.get
    if table == "patient":
        return _(RECORD_NAMES["patient"])
    if table == "session":
        return _("Session of {day}").format(day=_day(v("performed_at")))
    if table in ("session_product", "side_effect_check", "session_amendment",
                 "injection_point"):
        session = names.of("session_id", v("session_id"))
        return f"{_(RECORD_NAMES[table])}, {session}"
    if table == "course":
        return _("Course “{protocol}” from {day}").format(protocol=v("protocol"),
                                                          day=_day(v("start_date")))
    if table == "consent":
        return _("Consent: {form}").format(form=names.of("form_id", v("form_id")))
    if table == "adverse_event":
        return _("Side effect: {kind} from {day}").format(kind=names.of("kind", v("kind")),
                                                          day=_day(v("onset")))
    if table == "measurement":
        return _("Measurement of {day} at {site}").format(
            day=_day(v("taken_on")), site=names.of("site_id", v("site_id")))
    if table == "measurement_site":
        return _("Measurement site “{name}”").format(name=v("name"))
    if table == "grade_record":
        return _("Grade of {day}").format(day=_day(v("recorded_on")))
    if table == "photo":
        return _("Photo, {view}, {day}").format(view=names.of("view", v("view")),
                                                day=_day(v("taken_on")))
    return _(RECORD_NAMES[table]) if table in RECORD_NAMES else _("Record")


def _describe(table: str, action: str, before: dict, after: dict,
              names: _Names) -> tuple[str, ...]:
    if action in ("insert", "delete"):
        values = after if action == "insert" else before
        return tuple(f"{_field(table, k)}: {names.of(k, v)}" for k, v in values.items()
                     if k not in _HIDDEN and v not in (None, ""))
    keys = [k for k in after if k not in _HIDDEN and before.get(k) != after.get(k)]
    keys += [k for k in before if k not in after and k not in _HIDDEN]
    return tuple(f"{_field(table, k)}: {names.of(k, before.get(k))} → "
                 f"{names.of(k, after.get(k))}" for k in keys)


def _action(table: str, action: str, before: dict, after: dict, names: _Names,
            changes: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The verb of a line, and the changes left to list under it."""
    if action == "update" and set(after) - _HIDDEN == {"archived"}:
        return (_("archived") if after["archived"] else _("restored from archive")), ()
    if (table == "session" and action == "update" and after.get("signed_by_id")
            and not before.get("signed_by_id")):
        signer = names.of("signed_by_id", after["signed_by_id"])
        rest = tuple(c for c in changes if not c.startswith(
            (f"{_field(table, 'signed_by_id')}:", f"{_field(table, 'signed_at')}:")))
        return _("signed by {signer}").format(signer=signer), rest
    if action == "update" and len(changes) == 1:
        return _("{field} changed").format(field=changes[0].partition(":")[0]), changes
    verbs = {"insert": N_("added"), "update": N_("changed"), "delete": N_("removed")}
    return _(verbs[action]), changes


class HistoryService:
    def __init__(self, db: Database):
        self._db = db

    def for_patient(self, patient_id: int) -> list[HistoryLine]:
        """Every recorded change of the patient's chart and clinical records, newest first."""
        rows = self._db.fetch_all(
            "SELECT a.at, p.name, a.table_name, a.record_id, "
            "a.action, a.before_json, a.after_json FROM audit_entry a "
            "LEFT JOIN practitioner p ON p.id = a.practitioner_id "
            "WHERE a.patient_id = ? ORDER BY a.at DESC, a.id DESC", (patient_id,))
        names = _Names(self._db, patient_id)
        lines = []
        # oldest first, so each record's full values at the time name it (an update
        # holds only what it changed)
        known: dict[tuple[str, int], dict] = {}
        for at, who, table, record_id, action, before_json, after_json in reversed(rows):
            before, after = json.loads(before_json), json.loads(after_json)
            values = known.setdefault((table, record_id), {})
            values.update(before)
            values.update(after)
            changes = _describe(table, action, before, after, names)
            if action == "update" and not changes:
                continue  # only bookkeeping moved (a version number)
            verb, changes = _action(table, action, before, after, names, changes)
            lines.append(HistoryLine(datetime.fromisoformat(str(at)), who or _("not logged in"),
                                     _title(table, values, names), verb, changes))
        lines.reverse()
        return lines
