"""Texts made below the window, in the language in force: gettext catalogues kept as
.po files, the language a context variable (a report in its patient's language inside
a window in another), and a checker of what is left to translate."""

from __future__ import annotations

import threading
from contextvars import copy_context
from importlib.resources import files
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from mesolog.cli import main
from mesolog.cli_translations import GETTEXT_FOLDERS
from mesolog.domain.adverse_event import EventKind, grade_meaning
from mesolog.domain.patient import Diagnosis, Sex
from mesolog.domain.scalp import ScalpZone
from mesolog.domain.translation import (
    LANGUAGES,
    language,
    speaking,
    translations,
    untranslated,
)


def test_labels_follow_the_language_in_force_and_come_back():
    assert Diagnosis.FEMALE_AGA.label == "Female androgenetic alopecia"
    with speaking("fr"):
        assert language() == "fr"
        assert Diagnosis.FEMALE_AGA.label == "Alopécie androgénétique féminine"
        assert Sex.MALE.label == "Homme" and ScalpZone.VERTEX.label == "Vertex / sommet du crâne"
        assert grade_meaning(1) == "Léger ; aucune intervention nécessaire"
        with speaking("en"):  # a report for an English-speaking patient, inside
            assert EventKind.PAIN.label == "Pain" and language() == "en"
        assert EventKind.PAIN.label == "Douleur"
    assert EventKind.PAIN.label == "Pain" and language() == "en"


def test_a_helper_thread_given_the_callers_context_speaks_its_language():
    found: list[str] = []
    with speaking("fr"):
        context = copy_context()
    thread = threading.Thread(target=lambda: found.append(context.run(
        lambda: Diagnosis.ALOPECIA_AREATA.label)))
    thread.start()
    thread.join()
    assert found == ["Pelade"] and Diagnosis.ALOPECIA_AREATA.label == "Alopecia areata"


def test_a_language_without_a_catalogue_is_refused_in_words():
    with pytest.raises(LookupError, match="no catalogue for the language 'xx'"):
        translations("xx")


def test_french_is_complete_and_the_others_are_ready_to_translate(capsys):
    assert untranslated("fr") == []
    assert untranslated("en") == []  # English plural forms: "1 point", "2 points"
    for code in ("it", "es", "pt_BR"):
        assert untranslated(code)  # catalogues exist, waiting for translators
        assert (files("mesolog.resources") / "locale" / code / "LC_MESSAGES"
                / "mesolog.po").is_file()
    assert set(LANGUAGES) == {"en", "fr", "it", "es", "pt_BR"}
    assert main(["translations", "fr"]) == 0
    assert "fr: 0 untranslated" in capsys.readouterr().out
    assert main(["translations", "it"]) == 1
    assert "Allergic reaction" in capsys.readouterr().out
    assert main(["translations", "xx"]) == 1


def test_the_template_holds_every_text_marked_in_the_code():
    """A text marked with _ or N_ and not extracted into mesolog.pot (pybabel extract,
    README) would stay English in every language."""
    from babel.messages.pofile import read_po

    root = files("mesolog")
    marked = {message for folder in GETTEXT_FOLDERS
              for _file, _line, message, _comments, _context in extract_from_dir(
                  str(root / folder), keywords={"_": None, "N_": None, "ngettext": (1, 2)})}
    with (files("mesolog.resources") / "locale" / "mesolog.pot").open("rb") as pot:
        template = {m.id for m in read_po(pot) if m.id}
    assert marked == template


def test_the_window_catalogue_holds_every_text_the_window_marks():
    """A text of the window (tr or QT_TR_NOOP) missing from the catalogues, because
    ``mesolog translations --update`` was not run, would stay English in French."""
    import ast
    from xml.etree import ElementTree

    marked = set()
    for path in Path(str(files("mesolog") / "ui")).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("tr", "QT_TR_NOOP") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                marked.add(node.args[0].value)
    with (files("mesolog.resources") / "locale" / "mesolog_fr.ts").open("rb") as ts:
        catalogue = {message.findtext("source") for message in
                     ElementTree.parse(ts).getroot().iter("message")
                     if message.find("translation").get("type") not in ("obsolete",
                                                                           "vanished")}
    assert len(marked) > 500 and marked - catalogue == set()



def test_the_patient_forms_messages_in_french():
    from datetime import date

    from mesolog.domain.patient import PatientDetails, validate_patient

    details = PatientDetails(chart_no="P-1", last_name="", first_name="Zoé",
                             date_of_birth=date(2030, 1, 1), email="zoé")
    english = {e.field: e.message for e in validate_patient(details, date(2026, 11, 27))}
    assert english["last_name"] == "Last name is required."
    with speaking("fr"):
        french = {e.field: e.message for e in validate_patient(details, date(2026, 11, 27))}
    assert french["last_name"] == "Nom : à renseigner."
    assert french["date_of_birth"] == "La date de naissance est dans le futur."
    assert french["email"] == "Le courriel doit ressembler à nom@exemple.fr."
    assert french.keys() == english.keys()


def test_session_measurement_and_side_effect_messages_in_french():
    from datetime import date, datetime

    from mesolog.domain.adverse_event import EventDetails, check_event
    from mesolog.domain.measurement import MeasurementDetails, check_measurement
    from mesolog.domain.session import SessionDetails, check_session
    from mesolog.domain.validation import ValidationError

    def messages(check) -> dict[str, str]:
        with pytest.raises(ValidationError) as refused:
            check()
        return {e.field: e.message for e in refused.value.errors}

    with speaking("fr"):
        session = messages(lambda: check_session(SessionDetails(
            performed_at=datetime(2026, 11, 20, 10), depth_mm=9.0),
            datetime(2026, 11, 27, 12)))
        measured = messages(lambda: check_measurement(MeasurementDetails(
            site_id=1, taken_on=date(2026, 11, 20), density=900.0), date(2026, 11, 27)))
        event = messages(lambda: check_event(EventDetails(
            session_id=1, onset=date(2026, 11, 1)), date(2026, 11, 10), date(2026, 11, 27)))
    assert session["depth_mm"] == "Profondeur : 0 à 6 mm."
    assert session["technique"] == "Choisissez la technique."
    assert measured["density"] == "Densité : 0 à 600 cheveux/cm²."
    assert event["onset"] == "Début avant la séance (2026-11-10)."
    assert event["kind"] == "Choisissez le type d’effet indésirable."


def test_grading_scales_described_in_french():
    from mesolog.domain.scales import LUDWIG, NORWOOD_HAMILTON, salt_score
    from mesolog.domain.validation import ValidationError

    assert LUDWIG.stage("III").description == "Full baldness on the crown"
    with speaking("fr"):
        assert LUDWIG.stage("III").description == "Calvitie complète du sommet"
        assert NORWOOD_HAMILTON.stage("VII").description.startswith("Ne reste qu’une couronne")
        with pytest.raises(ValidationError, match="L’échelle Ludwig n’a pas de stade « IV »"):
            LUDWIG.stage("IV")
        with pytest.raises(ValidationError) as refused:
            salt_score(10, 120, 0, 0)
    assert refused.value.errors[0].message == "Gauche : perte de 0 à 100 %."


@pytest.mark.parametrize("code", ["en", "fr", "it", "es", "pt_BR"])
def test_the_window_loads_the_catalogue_as_translated(code, tmp_path):
    """The compiled .qm the window loads is its .ts as it stands (mesolog translations
    --update compiles it): a translation made in Qt Linguist and not compiled would
    never show."""
    import subprocess

    from mesolog.cli_translations import qt_tool

    locale = files("mesolog.resources") / "locale"
    compiled = tmp_path / f"mesolog_{code}.qm"
    subprocess.run([str(qt_tool("lrelease")), "-silent", str(locale / f"mesolog_{code}.ts"),
                    "-qm", str(compiled)], check=True)
    assert compiled.read_bytes() == (locale / f"mesolog_{code}.qm").read_bytes()


@pytest.mark.parametrize("code", ["fr", "it", "es", "pt_BR"])
def test_the_compiled_gettext_catalogue_is_its_po_as_it_stands(code):
    """gettext reads the shipped .mo (the .po compiled by mesolog translations --update):
    a translation typed into the .po and not compiled would never show."""
    from mesolog.domain.translation import compiled_catalogue

    messages = files("mesolog.resources") / "locale" / code / "LC_MESSAGES"
    assert (messages / "mesolog.mo").read_bytes() == compiled_catalogue(
        messages / "mesolog.po", code)
