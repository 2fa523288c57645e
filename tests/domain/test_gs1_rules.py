"""What a vial scan's refusals say, word for word, and the edges of telling a scan
from typing (domain/gs1.py; the scanners' ways are in test_vial_barcodes.py).

A refusal is read by a practitioner with a vial in one hand: it says what was read
before the fault, what the fault is, and what to do, so each message is pinned whole.
"""

from __future__ import annotations

from datetime import date

import pytest

from mesolog.domain.gs1 import (
    AZERTY,
    BarcodeError,
    ScannerSetup,
    VialScan,
    _pairs,
    could_be_scan,
    layout_hint,
    looks_like_scan,
    read_vial_barcode,
    refuse_stuck_fields,
)
from mesolog.domain.translation import speaking

GS = "\x1d"
GTIN = "09506000134352"
WRONG_CHECK = f"01{GTIN[:-1]}3"
CHECK_DIGIT = (f"The product number (GTIN) {GTIN[:-1]}3 has a wrong check digit: the barcode "
               "was misread; scan it again.")
SEPARATORS = "is the scanner sending group separators?"
AZERTY_HINT = ("These characters are what a scanner set to a US keyboard types on a French "
               "(AZERTY) keyboard: set the scanner to that layout, or choose it under File ▸ "
               "Preferences ▸ Barcode scanner.")


def refusal(text: str, **setup: str) -> str:
    with pytest.raises(BarcodeError) as refused:
        read_vial_barcode(text, ScannerSetup(**setup))
    return str(refused.value)


@pytest.mark.parametrize(("scanned", "says"), [
    ("", "Nothing was scanned."),
    (f" {GS}{GS}\r\n", "Nothing was scanned."),
    ("hello", "Not a GS1 barcode: «hello» does not begin with an application identifier "
              "(such as 01 for the product)."),
    # a space is no part of a GS1 code, wherever it is
    (f"]d2 01{GTIN}", f"Not a GS1 barcode: « 01{GTIN}» does not begin with an application "
                      "identifier (such as 01 for the product)."),
    (f"01{GTIN} 10ABC", f"GTIN {GTIN} read; then « 10ABC» is not a GS1 field."),
    ("12", "Not a vial's barcode: its first field (12) «12» could not be read."),
    # a wrong check digit is the scanner's misreading, whatever came before it: not the
    # sign of a keyboard layout
    (WRONG_CHECK, CHECK_DIGIT),
    (f"{GS}{WRONG_CHECK}", CHECK_DIGIT),
    (f"]d2{WRONG_CHECK}", CHECK_DIGIT),
    (f"]d2{WRONG_CHECK}10ZY", CHECK_DIGIT),  # a "Z" is no sign of a German desk
    (f"{GS}{WRONG_CHECK}10ZY", CHECK_DIGIT),
    (f"{WRONG_CHECK}10LOT|17270630", CHECK_DIGIT),  # "|" chosen below: no layout's sign
    ("17270630", "Expiry 2027-06-30 read, but neither a product (GTIN) nor a lot number: "
                 "not a vial's barcode."),
    ("3103000123", "(3103) 000123 read, but neither a product (GTIN) nor a lot number: "
                   "not a vial's barcode."),
    ("1126010117270630", "Production date 2026-01-01, expiry 2027-06-30 read, but neither a "
                         "product (GTIN) nor a lot number: not a vial's barcode."),
    (f"01{GTIN}17271399", f"GTIN {GTIN} read; then «17271399» could not be read as the "
                          "expiry (17)."),
    (f"01{GTIN}10ABC{GS}3103abc", f"GTIN {GTIN}, lot ABC read; then «3103abc» could not be "
                                  "read as field 3103."),
    (f"01{GTIN}10ABC{GS}ü", f"GTIN {GTIN}, lot ABC read; then «ü» is not a GS1 field."),
    (f"01{GTIN}10LOT-7~~17270630", f"GTIN {GTIN}, lot LOT-7 read; then «~~17270630»: if the "
                                   "scanner sends «~» between fields, choose it under File ▸ "
                                   "Preferences ▸ Barcode scanner."),
    # a lot of the longest length (20) with more after it: the separator was lost
    (f"01{GTIN}17270630" "10ABCDEFGHIJ0123456789XYZ",
     f"GTIN {GTIN}, expiry 2027-06-30, lot ABCDEFGHIJ0123456789 read; the lot is followed "
     f"by «XYZ», which is not a GS1 field — {SEPARATORS}"),
    # a field Mesolog has no name for (240, additional product identification) by number
    (f"01{GTIN}10LOT{GS}240ABC17270630", f"GTIN {GTIN}, lot LOT read; the field 240 "
     f"«ABC17270630» ends with what looks like an expiry (2027-06-30) — {SEPARATORS}"),
    (f"01{GTIN}240ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456",
     f"GTIN {GTIN}, (240) ABCDEFGHIJKLMNOPQRSTUVWXYZ0123 read; the field 240 is followed by "
     f"«456», which is not a GS1 field — {SEPARATORS}"),
    ("10LOT-717270630", "The lot «LOT-717270630» ends with what looks like an expiry "
                        f"(2027-06-30) — {SEPARATORS}"),
    (f"01{GTIN}10LOT-717270630", f"GTIN {GTIN} read; the lot «LOT-717270630» ends with what "
                                 f"looks like an expiry (2027-06-30) — {SEPARATORS}"),
    ("]Z0123", "The scanner read a barcode that is not a GS1 symbol (identifier ]Z0): scan "
               "the vial's GS1 DataMatrix or GS1-128 code."),
    ("]123", "Not a GS1 barcode: «]123»."),
    ("]ab0101", "Not a GS1 barcode: «]ab0101»."),
    ("]d", "Not a GS1 barcode: «]d»."),
    ("&é\"'(-è_çà", "Not a GS1 barcode: «&é\"'(-è_çà» does not begin with an application "
                    f"identifier (such as 01 for the product). {AZERTY_HINT}"),
])
def test_a_refused_scan_says_what_was_read_and_what_to_do(scanned, says):
    assert refusal(scanned, separator="|" if "|" in scanned else "") == says


@pytest.mark.parametrize(("rest", "shown"), [
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123"),  # 30: whole
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZ01234", "ABCDEFGHIJKLMNOPQRSTUVWXYZ012…"),  # 31: 29 and …
    (f"ABC{GS}DEF", "ABC<GS>DEF"),  # the separator, which a screen cannot show, named
])
def test_what_could_not_be_read_is_shown_whole_up_to_thirty_characters(rest, shown):
    assert refusal(f"01{GTIN}10LOT{GS}{rest}") == (
        f"GTIN {GTIN}, lot LOT read; then «{shown}» is not a GS1 field.")


def test_a_refusal_in_french_writes_its_dates_as_france_does():
    with speaking("fr"):
        assert refusal("17270630") == (
            "Péremption 30/06/2027 lu, mais ni produit (GTIN) ni numéro de lot : ce n’est pas "
            "le code-barres d’un flacon.")
        assert "(30/06/2027)" in refusal(f"01{GTIN}10LOT-717270630")


def test_what_a_scan_reads_apart_from_its_edges():
    assert read_vial_barcode("10ABC") == VialScan(None, "ABC", None)  # a lot alone
    assert read_vial_barcode(f"01{GTIN}10XXXX").lot_no == "XXXX"
    # the scanner's suffix keys go; a lot's own last letters stay
    assert read_vial_barcode(f"\t01{GTIN}10LOTX\r\n").lot_no == "LOTX"
    assert read_vial_barcode(f" 01{GTIN}10LOT\t").lot_no == "LOT"


def test_a_chosen_layout_and_separator_are_both_undone():
    # ]d2 01 GTIN 10 AQ-1 ~ 17 270630 from a US-set scanner on AZERTY, sending "~"
    mangled = "$déà&àç(à-ààà&\"'\"(é&àQA)&~&èéèà-\"à"
    for setup in (ScannerSetup(layout="azerty", separator="~"), ScannerSetup(separator="~")):
        scan = read_vial_barcode(mangled, setup)
        assert (scan.gtin, scan.lot_no, scan.expiry) == (GTIN, "AQ-1", date(2027, 6, 30))
        assert scan.layout_fixed == "azerty"


def test_a_separator_the_desks_layout_shows_as_another_character_is_read():
    # a US-set scanner sending "#" between fields types "§" on a German keyboard
    typed = f"01{GTIN}10LOTß7§17270630"
    scan = read_vial_barcode(typed, ScannerSetup(layout="qwertz", separator="#"))
    assert (scan.lot_no, scan.expiry) == ("LOT-7", date(2027, 6, 30))
    assert read_vial_barcode(typed, ScannerSetup(separator="#")).lot_no == "LOT-7"


def test_a_german_scan_without_separators_is_known_by_its_characters():
    assert read_vial_barcode(f"01{GTIN}10LOTß7").lot_no == "LOT-7"


def test_a_scanner_setup_refuses_what_it_cannot_be():
    with pytest.raises(ValueError, match="not a separator substitute: '-'"):
        ScannerSetup(separator="-")
    with pytest.raises(ValueError, match="not a keyboard layout: 'dvorak'"):
        ScannerSetup(layout="dvorak")
    assert layout_hint("azerty") == AZERTY_HINT
    assert _pairs("ab", "xy") == {"a": "x", "b": "y"}
    with pytest.raises(ValueError):
        _pairs("abc", "xy")  # a layout's table with a key left out
    assert AZERTY.fix("&é") == "12"


@pytest.mark.parametrize(("typed", "setup", "could"), [
    ("]d25", ScannerSetup(), False),  # the identifier, then no field begins with 5
    ("6", ScannerSetup(), False),  # nor with 6
    ("]d20", ScannerSetup(), True),
    (f"{GS}01", ScannerSetup(), True),  # some scanners begin with a separator
    (" 01", ScannerSetup(), False),
    ("71", ScannerSetup(), True),  # 710–715: national healthcare reimbursement numbers
    ("&", ScannerSetup(layout="qwertz"), False),  # a French "1": not this desk's
    ("&", ScannerSetup(layout="azerty"), True),
    ("10A+", ScannerSetup(layout="qwertz"), True),  # as typed: "+" is a lot's character
    # "#" sent between fields, typed "§" on a German keyboard: a scan going on
    (f"01{GTIN}10LOT§1", ScannerSetup(layout="qwertz", separator="#"), True),
    (f"01{GTIN}10LOT§1", ScannerSetup(separator="#"), True),
    # "+" is a lot's character as typed, which no layout undoes into one
    ("10A+|17", ScannerSetup(separator="|"), True),
])
def test_keys_that_can_begin_a_scan_on_a_chosen_layout(typed, setup, could):
    assert could_be_scan(typed, setup) is could


def test_a_scan_worth_reading_is_eight_characters_without_its_separators():
    assert looks_like_scan(f"{GS}10ABCDE{GS}", ScannerSetup()) is False  # 7 characters
    assert looks_like_scan(f"{GS}10ABCDEF{GS}", ScannerSetup()) is True


def scanned_lot(lot: str) -> VialScan:
    return read_vial_barcode(f"01{GTIN}10{lot}")


def stuck(scan: VialScan, known: list[str]) -> str | None:
    try:
        refuse_stuck_fields(scan, known)
    except BarcodeError as e:
        return str(e)
    return None


def test_fields_stuck_to_a_known_lot_name_the_longest_lot_that_fits():
    scan = scanned_lot("AB1010CD21X")
    # "ab10" + "10CD21X" would read as a lot too: the longest known lot is the one
    assert stuck(scan, ["ab10", "AB1010CD"]) == (
        f"GTIN {GTIN}, lot AB1010CD21X read: that is lot AB1010CD followed by «21X» — "
        f"{SEPARATORS}")
    # a longer lot that does not fit, or whose rest is no GS1 field, is passed over
    lot_7 = scanned_lot("LOT-721SN123456")
    assert stuck(lot_7, ["ZZZZZZZZZZZZ", "LOT-72", " LOT-7 "]) == (
        f"GTIN {GTIN}, lot LOT-721SN123456 read: that is lot LOT-7 followed by «21SN123456» — "
        f"{SEPARATORS}")
    assert stuck(lot_7, ["", "LOT-721SN123456"]) is None  # a real lot of that name
    assert stuck(read_vial_barcode(f"01{GTIN}"), ["LOT-7"]) is None  # no lot scanned
