"""Printed reports, read back from the PDF as a reader (or a referring doctor) would."""

from datetime import date, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from mesolog.domain.adverse_event import Action, EventDetails, EventKind, Outcome
from mesolog.domain.catalogue import LotDetails, ProductDetails
from mesolog.domain.consent import ConsentKind
from mesolog.domain.course import CourseDetails
from mesolog.domain.injection_map import InjectionPoint
from mesolog.domain.permissions import Actor, NotPermitted
from mesolog.domain.scalp import ScalpView, ScalpZone, grid
from mesolog.domain.session import Device, ProductUse, SessionDetails, Technique
from mesolog.reports.content import Letterhead
from mesolog.services.clinic import Clinic
from mesolog.services.practitioners import Role
from mesolog.services.reports import ReportKind, ReportService
from tests.conftest import acting_as, details

ADMIN = Actor.program("an administrator")

NOW = datetime(2026, 11, 25, 10, 30)
LONG_NOTE = "Patient asked many questions about diet and supplements. " * 40


def clock() -> datetime:
    return NOW


@pytest.fixture
def world(db):
    doctor = Clinic.of(db, clock).practitioners.create("Dr Claire Moreau", "cmoreau",
                                                       Role.PRACTITIONER)
    clinic = Clinic.of(acting_as(db, doctor), clock)  # the doctor is logged in
    biotin = clinic.catalogue.create_product(ProductDetails("Biotin complex", "Meso Labs", "", ()))
    lots = [clinic.catalogue.add_lot(biotin.id, LotDetails(f"B-{n}", date(2027, 6, 30)))
            for n in range(1, 4)]
    patient = clinic.patients.create(details(last_name="Żółkiewska-Øster", first_name="Ağça",
                                             allergies=""))
    clinic.consent.record(patient.id, ConsentKind.TREATMENT, NOW)
    course = clinic.courses.create(patient.id, CourseDetails("Biotin series", 24, 14,
                                                             date(2025, 11, 1)))
    return clinic, doctor, patient, course, lots


def add_sessions(clinic, doctor, patient, course, lots, count: int) -> list:
    vertex = grid(ScalpView.TOP, ScalpZone.VERTEX, 1.5)
    made = []
    for n in range(count):
        lot = lots[n % len(lots)]
        points = tuple(InjectionPoint(ScalpView.TOP, x, y, 1.5, 0.05, lot.id) for x, y in vertex)
        made.append(clinic.sessions.create(patient.id, SessionDetails(
            performed_at=datetime(2025, 11, 1, 9) + (datetime(2025, 11, 15) -
                                                    datetime(2025, 11, 1)) * n,
            practitioner_id=doctor.id, course_id=course.id, technique=Technique.PAPULE,
            device=Device.MANUAL, notes=LONG_NOTE if n == 3 else "",
            products=(ProductUse(lot.id, round(0.05 * len(points), 3)),), points=points),
            sign=True))
    return made


def pdf_of(clinic, patient, kind=ReportKind.PROGRESS) -> PdfReader:
    target = BytesIO()
    ReportService(clinic, Letterhead("Clinique Saint-Éloi", "12 rue des Lilas\n75011 Paris",
                                     "+33 1 23 45 67 89")).write(kind, patient.id, target, NOW)
    return PdfReader(BytesIO(target.getvalue()))


def text_of(reader: PdfReader) -> str:
    """The text of every page, with table cells' line breaks made spaces."""
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_progress_report_holds_every_session_lot_and_side_effect(world):
    clinic, doctor, patient, course, lots = world
    sessions = add_sessions(clinic, doctor, patient, course, lots, 24)
    clinic.adverse_events.record(EventDetails(
        session_id=sessions[5].id, kind=EventKind.BRUISING, onset=date(2026, 1, 13), grade=2,
        actions=(Action.COLD_COMPRESS,), suspected_lot_id=lots[2].id,
        resolved_on=date(2026, 1, 20), outcome=Outcome.RESOLVED))
    reader = pdf_of(clinic, patient)
    text = text_of(reader)
    assert "Żółkiewska-Øster, Ağça" in text and patient.details.chart_no in text
    for s in sessions:
        assert f"{s.details.performed_at:%Y-%m-%d}" in text
    for lot in lots:
        assert f"lot {lot.details.lot_no}" in text
    assert "Bruising / haematoma, grade 2" in text and "Cold compress" in text
    assert "Injection map" in text and "Vertex / crown" in text
    assert "Clinique Saint-Éloi" in text
    pages = len(reader.pages)
    assert pages >= 3
    assert f"Page 1 of {pages}" in reader.pages[0].extract_text()
    assert f"Page {pages} of {pages}" in reader.pages[-1].extract_text()
    # a long table goes on over pages with its header again on top
    assert sum("Products and lots" in p.extract_text() for p in reader.pages) >= 2
    assert reader.metadata.title == "Progress report"
    assert reader.metadata.author == "Dr Claire Moreau"
    assert "Żółkiewska-Øster" in reader.metadata.subject


def test_a_long_note_is_printed_whole(world):
    clinic, doctor, patient, course, lots = world
    add_sessions(clinic, doctor, patient, course, lots, 4)
    text = text_of(pdf_of(clinic, patient))
    assert text.count("diet and supplements") == 40


def test_a_patient_without_sessions_gets_a_sensible_report(world):
    clinic, _, patient, _, _ = world
    reader = pdf_of(clinic, patient)
    text = text_of(reader)
    assert "Biotin series" in text and "0 of 24 sessions" in text
    assert "Side effects" in text and "None recorded." in text
    assert "Injection map" not in text and len(reader.pages) == 1


def test_the_summary_speaks_to_the_patient(world):
    clinic, doctor, patient, course, lots = world
    add_sessions(clinic, doctor, patient, course, lots, 2)
    text = text_of(pdf_of(clinic, patient, ReportKind.SUMMARY))
    assert "You have had 2 sessions so far." in text
    assert "Your next session is due on" in text and "+33 1 23 45 67 89" in text
    assert "signs of an infection" in text


def test_the_consent_form_prints_its_version_and_signature_lines(world):
    clinic, _, patient, _, _ = world
    text = text_of(pdf_of(clinic, patient, ReportKind.CONSENT))
    assert "Consent to scalp mesotherapy" in text and "Form version 1" in text
    assert "Patient's signature" in text and "Practitioner's signature" in text
    assert "Żółkiewska-Øster, Ağça" in text


def test_the_letterhead_is_kept_in_the_database_and_printed(world, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from mesolog.domain.validation import ValidationError
    from mesolog.services.letterhead import LetterheadService

    clinic, _, patient, _, _ = world
    letterheads = LetterheadService(clinic.db)
    assert letterheads.get().name == "Mesolog clinic"  # until one is set
    logo = tmp_path / "logo.png"
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    image.fill(QColor("#0072B2"))
    image.save(str(logo))
    with pytest.raises(NotPermitted, match="a practitioner may not change the letterhead"):
        letterheads.set("Trichology Centre Łódź", "", "")  # the logged-in doctor
    letterheads = LetterheadService(clinic.db.acting_as(ADMIN))  # an administrator
    letterheads.set("Trichology Centre Łódź", "ul. Piotrkowska 1\n90-001 Łódź", "+48 42 000",
                    logo)
    target = BytesIO()
    ReportService(clinic).write(ReportKind.SUMMARY, patient.id, target, NOW)
    reader = PdfReader(BytesIO(target.getvalue()))
    text = text_of(reader)
    assert "Trichology Centre Łódź" in text and "90-001 Łódź" in text and "+48 42 000" in text
    assert letterheads.get().paper == "A4"  # set without a paper: A4
    assert any(page.images for page in reader.pages)  # the logo
    with pytest.raises(ValidationError) as caught:
        letterheads.set("", "", "", tmp_path / "missing.png")
    assert {e.field for e in caught.value.errors} == {"name", "logo"}
    assert letterheads.get().name == "Trichology Centre Łódź"


def test_every_report_builds_whatever_was_typed_or_attached(world, tmp_path):
    """A 10,000-character note, 200 one-line notes, 10,000-character allergies, a photo
    file that is no longer a picture and one that claims 30,000 × 30,000 pixels."""
    import struct
    import zlib
    from dataclasses import replace

    from mesolog.domain.photo import PhotoView
    from tests.conftest import picture

    clinic, doctor, patient, course, lots = world
    prose = ("The patient reports less shedding since the last session and asks whether "
             "the interval could be longer in summer. ")
    long_note = (prose * 100)[:10_000]
    many_lines = "\n".join(f"Point {n}: tolerated." for n in range(200))
    patient = clinic.patients.update(patient.id, patient.version, replace(
        patient.details, allergies=("Lidocaine, " * 1000)[:10_000],
        medical_conditions=long_note))
    for n, note in enumerate((long_note, many_lines)):
        clinic.sessions.create(patient.id, SessionDetails(
            performed_at=datetime(2026, 9, 1 + n, 9), practitioner_id=doctor.id,
            course_id=course.id, technique=Technique.PAPULE, device=Device.MANUAL,
            notes=note, products=(ProductUse(lots[0].id, 1.0),)))
    first = clinic.outcomes.attach_photo(patient.id, picture(tmp_path / "a.png", (300, 200)),
                                         PhotoView.VERTEX, date(2026, 9, 1))
    second = clinic.outcomes.attach_photo(patient.id, picture(tmp_path / "b.png", (300, 201)),
                                          PhotoView.VERTEX, date(2026, 9, 2))
    first.path.write_text("no longer a picture")  # changed on disk after it was attached
    header = struct.pack(">IIBBBBB", 30_000, 30_000, 8, 0, 0, 0, 0)
    second.path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header
                            + struct.pack(">I", zlib.crc32(b"IHDR" + header)))
    for kind in ReportKind:
        text = text_of(pdf_of(clinic, patient, kind))
        assert "Żółkiewska-Øster, Ağça" in text, kind
    progress = text_of(pdf_of(clinic, patient))
    phrase = "less shedding since the last session"
    assert progress.count(phrase) == long_note.count(phrase) == 88  # the note, whole
    assert "Point 0: tolerated." in progress and "Point 199: tolerated." in progress
    assert "Photos — " not in progress  # files changed since they were attached: left out


def test_a_picture_that_cannot_be_drawn_becomes_a_line_saying_so(tmp_path):
    import struct
    import zlib

    from reportlab.platypus import Paragraph

    from mesolog.reports.document import photo
    from tests.conftest import picture

    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    bomb = tmp_path / "bomb.png"
    header = struct.pack(">IIBBBBB", 30_000, 30_000, 8, 0, 0, 0, 0)
    bomb.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + header
                     + struct.pack(">I", zlib.crc32(b"IHDR" + header)))
    for broken in (text.read_bytes(), bomb.read_bytes(), b""):
        line = photo(broken, 80, 60)
        assert isinstance(line, Paragraph) and "cannot be printed" in line.getPlainText()
    whole = photo(picture(tmp_path / "ok.png", (400, 200)).read_bytes(), 80, 60)
    assert (whole.drawWidth, whole.drawHeight) == (80, 40)


@pytest.mark.parametrize(("last", "first"), [
    ("Żółkiewska-Øster", "Ağça"),  # Latin with its accents
    ("Παπαδοπούλου", "Ελένη"),  # Greek
    ("Иванова", "Дарья"),  # Cyrillic
    ("王", "小明"),  # Chinese
    ("山田", "はなこ"),  # Japanese, kanji and kana
    ("김", "민준"),  # Korean
    ("Nakamura 中村", "Emi"),  # scripts mixed in one name
    ("الأحمد", "محمد"),  # Arabic: joined, right to left
    ("כהן", "דוד"),  # Hebrew: right to left
    ("王", "محمد"),  # Chinese and Arabic, shaped: "王," is one word of two fonts
    ("Chen王", "محمد"),
])
def test_a_name_in_any_of_these_scripts_prints_as_written(world, last, first):
    import unicodedata

    from mesolog.reports.fonts import has_right_to_left

    clinic, doctor, patient, course, lots = world
    patient = clinic.patients.update(patient.id, patient.version, details(
        last_name=last, first_name=first, allergies=f"{first} {last} brought a list"))
    add_sessions(clinic, doctor, patient, course, lots, 1)
    for kind in ReportKind:
        reader = pdf_of(clinic, patient, kind)
        text = text_of(reader)
        if has_right_to_left(last + first):
            # extracted as drawn: left to right, Arabic in its joined letter forms
            drawn = unicodedata.normalize("NFKC", text)
            assert last in drawn and first in drawn, (kind, drawn)
        else:  # (the text extractor puts a space where the font changes)
            assert "".join(f"{last},{first}".split()) in "".join(text.split()), (kind, text)
        assert "\x00" not in text  # no character without its glyph
        fonts = {str(f.get_object()["/BaseFont"]) for page in reader.pages
                 for f in page["/Resources"]["/Font"].values()}
        uses_fallback = any(ord(c) > 0x2E80 for c in last + first)
        assert any("Fallback" in f or "Nanum" in f for f in fonts) == uses_fallback, fonts


def test_a_shaped_word_is_set_in_one_font():
    """ReportLab shapes a word in the font of its first piece: a word of two fonts
    fails to print, or prints other letters (reports/fonts.py shaped_runs)."""
    from mesolog.reports.fonts import FALLBACK, REGULAR, WORD_BREAK, shaped_runs

    runs = shaped_runs("محمد, 王, Chen王\nNour")
    assert "".join(piece for _, piece in runs) == "محمد, 王, Chen王\nNour"
    words = [(font, word) for font, piece in runs for word in piece.split()]
    assert words[0] == (REGULAR, "محمد,") and all(
        font != REGULAR for font, word in words if "王" in word)
    assert all(font == REGULAR for font, piece in runs if "\n" in piece)
    # no font has both scripts: two words, parted by a thin space
    assert shaped_runs("王محمد") == [(FALLBACK, "王"), (REGULAR, WORD_BREAK + "محمد")]


def test_right_to_left_words_are_set_in_the_order_they_are_read():
    from mesolog.reports.document import words_in_visual_order

    assert words_in_visual_order("الأحمد, محمد") == "محمد الأحمد,"
    assert words_in_visual_order("כהן, דוד") == "דוד כהן,"
    assert words_in_visual_order("Patient: محمد الأحمد (Arabic)") == \
        "Patient: الأحمد محمد (Arabic)"
    assert words_in_visual_order("عيادة 12 شارع") == "شارع 12 عيادة"
    assert words_in_visual_order("12 rue de la Paix, Łódź") == "12 rue de la Paix, Łódź"


def _page_mm(reader: PdfReader, page: int = 0) -> tuple[float, float]:
    box = reader.pages[page].mediabox
    return round(float(box.width) * 25.4 / 72, 1), round(float(box.height) * 25.4 / 72, 1)


def test_a_clinic_that_prints_on_letter_gets_every_report_laid_out_for_letter(world):
    from mesolog.domain.print_layout import Paper
    from mesolog.services.letterhead import LetterheadService

    clinic, doctor, patient, course, lots = world
    add_sessions(clinic, doctor, patient, course, lots, 4)
    a4 = {kind: pdf_of(clinic, patient, kind) for kind in ReportKind}
    assert {_page_mm(reader) for reader in a4.values()} == {(210.0, 297.0)}  # by default
    letterheads = LetterheadService(clinic.db.acting_as(ADMIN))
    letterheads.set("Hair Clinic of Boston", "1 Main St", "", paper=Paper.LETTER)
    letterheads.set("Hair Clinic of Boston", "1 Main St", "+1 617 000")  # paper kept
    assert letterheads.get().paper is Paper.LETTER
    for kind in ReportKind:
        target = BytesIO()
        ReportService(clinic).write(kind, patient.id, target, NOW)
        reader = PdfReader(BytesIO(target.getvalue()))
        assert {_page_mm(reader, n) for n in range(len(reader.pages))} == {(215.9, 279.4)}
        pages = len(reader.pages)
        assert pages >= len(a4[kind].pages)  # shorter paper: the same text, never cut
        last = reader.pages[-1].extract_text()
        assert f"Page {pages} of {pages}" in last  # the footer on the paper
        assert all("Hair Clinic of Boston" in page.extract_text()  # the letterhead
                   for page in reader.pages)


def test_the_paper_is_a4_or_letter_and_a_refused_one_changes_nothing(world):
    from mesolog.domain.print_layout import Paper
    from mesolog.domain.validation import ValidationError
    from mesolog.services.letterhead import LetterheadService

    clinic = world[0]
    letterheads = LetterheadService(clinic.db.acting_as(ADMIN))
    letterheads.set("Clinique Saint-Éloi", "", "", paper=Paper.LETTER)
    with pytest.raises(ValidationError) as caught:
        letterheads.set("Another name", "", "", paper="Legal")
    assert [(e.field, e.message) for e in caught.value.errors] == [
        ("paper", "The paper: A4 or US Letter.")]
    kept = letterheads.get()
    assert (kept.name, kept.paper) == ("Clinique Saint-Éloi", Paper.LETTER)
    with pytest.raises(NotPermitted):  # the logged-in doctor: the clinic's choice
        LetterheadService(clinic.db).set("Clinique Saint-Éloi", "", "", paper=Paper.A4)
    assert letterheads.get().paper is Paper.LETTER
    assert Paper.named("Legal") is Paper.A4 and Paper.named(None) is Paper.A4
