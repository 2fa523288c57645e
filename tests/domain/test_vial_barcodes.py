"""Reading vial barcodes as scanners really send them (domain/gs1.py).

The element strings are written the way the GS1 General Specifications write
their examples (GS1's own example GTINs 09506000134352 and 95012345678903,
the symbology identifiers of GS1-128 and GS1 DataMatrix, ``<GS>`` after a
field of variable length), then sent as a scanner may send them: with or
without the identifier, with a substitute separator, with Caps Lock on, or
set to a US keyboard on a French or German desk.
"""

from __future__ import annotations

from datetime import date

import pytest

from mesolog.domain.catalogue import lot_key
from mesolog.domain.gs1 import (
    AZERTY,
    QWERTZ,
    BarcodeError,
    ScannerSetup,
    VialScan,
    could_be_scan,
    looks_like_scan,
    read_vial_barcode,
    refuse_stuck_fields,
)

GS = "\x1d"
GTIN = "09506000134352"


def read(text: str, **setup: str) -> tuple:
    scan = read_vial_barcode(text, ScannerSetup(**setup))
    return scan.gtin, scan.lot_no, scan.expiry, scan.serial


@pytest.mark.parametrize(("scanned", "expected"), [
    # GTIN, expiry (fixed length: no separator needed), lot last
    (f"]d201{GTIN}17270630" "10ABC123", (GTIN, "ABC123", date(2027, 6, 30), None)),
    # lot then expiry: the lot is variable length and ends with <GS>
    (f"]C101{GTIN}10ABC123{GS}17270630", (GTIN, "ABC123", date(2027, 6, 30), None)),
    # lot then serial
    (f"01{GTIN}10LOT-7{GS}21SN123456", (GTIN, "LOT-7", None, "SN123456")),
    # the EU medicines order: product, serial, lot, expiry
    (f"]d201{GTIN}21SN123{GS}10LOT-7{GS}17270630", (GTIN, "LOT-7", date(2027, 6, 30), "SN123")),
    # expiry day 00: the last day of the month (General Specifications 3.4.7)
    (f"01{GTIN}17280200" "10A1", (GTIN, "A1", date(2028, 2, 29), None)),
    # a lot of the longest length, 20 characters, then an expiry
    (f"01{GTIN}10ABCDEFGHIJ0123456789{GS}17270630",
     (GTIN, "ABCDEFGHIJ0123456789", date(2027, 6, 30), None)),
    # lower case, slash and hyphen are all part of GS1's character set for lots
    (f"01{GTIN}10ab/12-c{GS}17270630", (GTIN, "ab/12-c", date(2027, 6, 30), None)),
    # a separator before the first field and after the last (some scanners send them)
    (f"{GS}01{GTIN}10X9{GS}", (GTIN, "X9", None, None)),
    # the concatenation example of the General Specifications: GTIN and a net weight
    ("]C10195012345678903" "3103000123", ("95012345678903", None, None, None)),
])
def test_gs1_element_strings_read_as_written(scanned, expected):
    assert read(scanned) == expected


def test_caps_lock_on_the_symbology_identifier_is_read():
    assert read(f"]D201{GTIN}10abc123") == (GTIN, "abc123", None, None)
    assert read(f"]c101{GTIN}10abc123") == (GTIN, "abc123", None, None)


@pytest.mark.parametrize("separator", ["|", "~", "^", "#", "@"])
def test_a_substitute_separator_reads_when_chosen(separator):
    scanned = f"01{GTIN}10LOT-7{separator}21SN1{separator}17270630"
    assert read(scanned, separator=separator) == (GTIN, "LOT-7", date(2027, 6, 30), "SN1")
    with pytest.raises(BarcodeError, match="Preferences ▸ Barcode scanner"):
        read(scanned)  # not chosen: the message says where it is chosen


def test_only_characters_outside_gs1s_set_can_stand_for_the_separator():
    with pytest.raises(ValueError):
        ScannerSetup(separator="-")  # "-" is part of lots
    with pytest.raises(ValueError):
        ScannerSetup(layout="dvorak")


# -- what a lost separator does, and what the message says -----------------------

def test_a_lot_that_swallowed_the_expiry_is_refused_with_what_was_read():
    with pytest.raises(BarcodeError) as refused:
        read(f"01{GTIN}10LOT-717270630")
    message = str(refused.value)
    assert f"GTIN {GTIN} read" in message
    assert "LOT-717270630" in message and "2027-06-30" in message
    assert "group separators" in message


def test_the_eu_order_without_separators_names_the_serial_that_swallowed_the_rest():
    with pytest.raises(BarcodeError, match=r"serial .*group separators"):
        read(f"01{GTIN}21SN12345678910LOT-717270630")
    with pytest.raises(BarcodeError, match="serial «SN12310LOT-717270630» ends with"):
        read(f"01{GTIN}21SN12310LOT-717270630")


def test_a_lot_followed_by_a_serial_without_separator_is_a_known_lot_plus_fields():
    scan = read_vial_barcode(f"01{GTIN}10LOT-721SN123456")
    assert scan.lot_no == "LOT-721SN123456"  # GS1 alone cannot tell: the catalogue can
    with pytest.raises(BarcodeError) as refused:
        refuse_stuck_fields(scan, ["B-2", "LOT-7", "LOT"])
    assert "lot LOT-7 followed by «21SN123456»" in str(refused.value)
    refuse_stuck_fields(scan, ["LOT-721SN123456"])  # a real lot of that name: no complaint
    refuse_stuck_fields(read_vial_barcode(f"01{GTIN}10B-2031"), ["B-2"])  # "031": no GS1 field


@pytest.mark.parametrize(("scanned", "says"), [
    ("hello", "does not begin with an application identifier"),
    (f"01{GTIN[:-1]}3", "check digit"),
    (f"01{GTIN}17271399", f"GTIN {GTIN} read; then «17271399» could not be read as the expiry"),
    ("]E05901234123457", "does not begin"),
    ("]Z0123", "not a GS1 symbol"),
    ("", "Nothing was scanned"),
    (f"{GS}{GS}", "Nothing was scanned"),
])
def test_what_cannot_be_used_is_refused_saying_what_was_read(scanned, says):
    with pytest.raises(BarcodeError, match=says):
        read(scanned)


def test_fields_without_a_product_or_lot_are_not_a_vial():
    assert read(f"01{GTIN}") == (GTIN, None, None, None)  # a product: the session says the rest
    with pytest.raises(BarcodeError, match="Expiry 2027-06-30 read, but neither"):
        read("17270630")


# -- keyboard layouts ---------------------------------------------------------------

def test_the_azerty_digit_row_is_the_us_digits():
    # what a US-set scanner types for 1234567890 on a French keyboard
    assert AZERTY.fix("&é\"'(-è_çà") == "1234567890"
    assert AZERTY.fix("$dé") == "]d2"  # the symbology identifier
    assert QWERTZ.fix("+d2") == "]d2"


def test_a_us_scanner_on_a_french_keyboard_is_read_and_says_so():
    # ]d2 01 09506000134352 17 270630 10 AQ-1, typed by a US-set scanner on AZERTY
    mangled = "$déà&àç(à-ààà&\"'\"(é&èéèà-\"à&àQA)&"
    scan = read_vial_barcode(mangled)
    assert (scan.gtin, scan.lot_no, scan.expiry) == (GTIN, "AQ-1", date(2027, 6, 30))
    assert scan.layout_fixed == "azerty"
    assert read(mangled, layout="azerty")[:3] == (GTIN, "AQ-1", date(2027, 6, 30))


def test_a_damaged_azerty_scan_points_at_the_keyboard_layout():
    with pytest.raises(BarcodeError, match=r"US keyboard .* French \(AZERTY\)"):
        read("&é\"'(-è_çà")  # 1234567890: fixed up, still no vial barcode


def test_a_us_scanner_on_a_german_keyboard_swaps_y_and_z_only_when_chosen():
    typed = f"01{GTIN}10ZY{GS}17270630"  # meant: lot YZ
    assert read(typed)[1] == "ZY"  # nothing shows the layout: the setting does it
    assert read(typed, layout="qwertz")[1] == "YZ"
    assert read(f"01{GTIN}10LOTß7{GS}17270630")[1] == "LOT-7"  # "ß" shows it


def test_described_in_words():
    assert VialScan(GTIN, "AB-1", date(2027, 6, 30), "S1").described() == (
        f"GTIN {GTIN}, lot AB-1, expiry 2027-06-30, serial S1")


# -- telling a scan from typing ---------------------------------------------------------

@pytest.mark.parametrize(("typed", "could"), [
    ("0", True), ("01", True), ("0109", True), ("]", True), ("]d", True), ("]d2", True),
    ("]D2", True), ("&", True),  # "1" on a French keyboard
    ("5", False), ("06", False), ("]x", False), ("12.", False), ("hello", False),
    ("0123a", False),  # the GTIN is 14 digits
    (f"01{GTIN}10LOT 7", False),  # a space is no GS1 character
])
def test_keys_that_can_begin_a_scan(typed, could):
    assert could_be_scan(typed) is could


def test_a_scan_needs_a_field_worth_reading():
    assert not looks_like_scan("0109")
    assert looks_like_scan(f"01{GTIN}")
    assert looks_like_scan("10ABC|17", ScannerSetup(separator="|"))
    assert not looks_like_scan("10ABC|17")


def test_lots_match_whatever_their_case_and_surrounding_spaces():
    assert lot_key(" abc123 ") == lot_key("ABC123")
    assert lot_key("AB-1") != lot_key("AB-2")
