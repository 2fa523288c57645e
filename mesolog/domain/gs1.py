"""Reading the GS1 barcode on a vial: product (GTIN), lot, expiry, serial.

A USB scanner types the code like a keyboard: a GS1 DataMatrix or GS1-128
symbol arrives as element strings such as ``01 GTIN 17 YYMMDD 10 LOT``,
separated by the group separator (ASCII 29) after a field of variable
length, sometimes behind a symbology identifier such as ``]d2``. The field
rules are biip's, a maintained GS1 library; what a scanner does to the text
on its way (a substitute separator, a keyboard layout it was not set to, Caps
Lock on the symbology identifier) is undone here, in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from mesolog.domain.catalogue import lot_key
from mesolog.domain.text import sentence
from mesolog.domain.translation import N_, _, day_text

GROUP_SEPARATOR = "\x1d"
# What a scanner may be set to send instead of the group separator: none of
# them is in GS1's character set 82, so none can be part of a lot or serial.
SEPARATOR_SUBSTITUTES = ("|", "~", "^", "#", "@")
# GS1 character set 82 (General Specifications, figure 7.11-1): every
# character a lot, a serial or any alphanumeric field may hold.
_CSET_82 = frozenset("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
                     "abcdefghijklmnopqrstuvwxyz")
# The symbology identifiers of the GS1 symbols a vial carries (AIM / ISO 15424):
# GS1-128, GS1 DataMatrix, GS1 QR Code, GS1 DataBar, GS1 DotCode.
_GS1_SYMBOLOGIES = ("]C1", "]d2", "]Q3", "]e0", "]J1")
# the shortest scan worth reading: an application identifier and a value
SHORTEST_SCAN = 8


@dataclass(frozen=True)
class KeyboardLayout:
    """A desk keyboard a US-set scanner types on: what the desk shows for what was meant."""

    code: str
    name: str  # marked for translation
    typed_for_us: dict[str, str]
    # the desk's character on the key where a US keyboard has "]": the scanner
    # sends the group separator as Ctrl with that key
    separator_key: str

    def fix(self, text: str) -> str:
        return "".join(self.typed_for_us.get(ch, ch) for ch in text)


def _pairs(desk: str, us: str) -> dict[str, str]:
    return dict(zip(desk, us, strict=True))  # strict: a key left out is a ValueError


# A US scanner's keys as a French AZERTY and a German QWERTZ keyboard write
# them (digit row, letters that move, punctuation): desk character → meant.
AZERTY = KeyboardLayout(
    "azerty", N_("French (AZERTY)"),
    _pairs("&é\"'(-è_çà)1234567890°aAzZqQmMùwW,?;.:/!§$£*µ%",
           "1234567890-!@#$%^&*()_qQwWaA;:'zZmM,<.>/?]}\\|\""),
    "$")
QWERTZ = KeyboardLayout(
    "qwertz", N_("German (QWERTZ)"),
    _pairs("ß?\"§&/()=zZyYüÜ+*#'öÖäÄ-_;:°",
           "-_@#^&*()yYzZ[{]}\\|;:'\"/?<>~"),
    "+")
KEYBOARD_LAYOUTS = {layout.code: layout for layout in (AZERTY, QWERTZ)}


@dataclass(frozen=True)
class ScannerSetup:
    """How the desk's scanner is set: the separator it sends and the layout it types in.

    ``separator``: a character of SEPARATOR_SUBSTITUTES the scanner sends for
    the group separator, or "" for the separator itself. ``layout``: the code
    of the desk keyboard a US-set scanner types on, or "" when the scanner is
    set to the desk's own layout (a US-set scanner is then still recognised
    where the text reads as GS1 only through a fix-up).
    """

    separator: str = ""
    layout: str = ""

    def __post_init__(self) -> None:
        if self.separator and self.separator not in SEPARATOR_SUBSTITUTES:
            raise ValueError(f"not a separator substitute: {self.separator!r}")
        if self.layout and self.layout not in KEYBOARD_LAYOUTS:
            raise ValueError(f"not a keyboard layout: {self.layout!r}")


@dataclass(frozen=True)
class VialScan:
    gtin: str | None
    lot_no: str | None
    expiry: date | None
    serial: str | None = None
    # the layout a US-set scanner typed in, undone to read this scan ("" = none)
    layout_fixed: str = ""

    def described(self) -> str:
        """What was read, in words: "GTIN 09506000134352, lot AB-12, expiry …"."""
        return _in_words([(ai, value) for ai, value in (
            ("01", self.gtin), ("10", self.lot_no), ("17", self.expiry), ("21", self.serial))
            if value])


class BarcodeError(ValueError):
    """The scanned text is not a GS1 code with the fields Mesolog needs."""


def read_vial_barcode(text: str, setup: ScannerSetup = ScannerSetup()) -> VialScan:
    """GTIN, lot, expiry and serial from a scanned GS1 code; BarcodeError says what failed."""
    text = text.strip("\r\n\t ")
    if not text.strip(GROUP_SEPARATOR):
        raise BarcodeError(_("Nothing was scanned."))
    if setup.layout:
        layout = KEYBOARD_LAYOUTS[setup.layout]
        return replace(_read(_undone(text, setup.separator, layout)), layout_fixed=layout.code)
    try:
        return _read(_undone(text, setup.separator))
    except BarcodeError as as_typed:
        mangled_by = [layout for layout in KEYBOARD_LAYOUTS.values()
                      if _mangled_by(layout, text, setup.separator)]
        for layout in mangled_by:
            try:
                return replace(_read(_undone(text, setup.separator, layout)),
                               layout_fixed=layout.code)
            except BarcodeError:
                continue
        if mangled_by:
            raise BarcodeError(str(as_typed) + " " + layout_hint(mangled_by[0].code)) from None
        raise


def layout_hint(code: str) -> str:
    """The advice for a scanner set to a US keyboard on a desk of another layout."""
    return _("These characters are what a scanner set to a US keyboard types on a {layout} "
             "keyboard: set the scanner to that layout, or choose it under File ▸ "
             "Preferences ▸ Barcode scanner.").format(layout=_(KEYBOARD_LAYOUTS[code].name))


def could_be_scan(text: str, setup: ScannerSetup = ScannerSetup()) -> bool:
    """Whether keys typed so far can be the beginning of a GS1 scan.

    The window holds such keys back until it knows whether a scanner or a
    person typed them; anything else goes straight to the field.
    """
    layouts = [KEYBOARD_LAYOUTS[setup.layout]] if setup.layout else KEYBOARD_LAYOUTS.values()
    readings = [_undone(text, setup.separator)] + [_undone(text, setup.separator, layout)
                                                    for layout in layouts]
    return any(_could_begin(reading) for reading in readings)


def looks_like_scan(text: str, setup: ScannerSetup = ScannerSetup()) -> bool:
    """Whether a burst of keys, ended by the scanner's suffix key, is a scan to read."""
    body = text.strip(GROUP_SEPARATOR)
    return len(body) >= SHORTEST_SCAN and could_be_scan(text, setup)


def refuse_stuck_fields(scan: VialScan, known_lots: list[str]) -> None:
    """BarcodeError when the scanned lot is a known lot with GS1 fields stuck to its end.

    ``LOT-721SN123456`` against a known ``LOT-7`` is that lot followed by a
    serial number (AI 21) whose group separator was lost on the way: it must
    not become a new lot beside the real one.
    """
    if not scan.lot_no:
        return
    key = lot_key(scan.lot_no)
    for known in sorted(known_lots, key=lambda lot: len(lot.strip()), reverse=True):
        known_key = lot_key(known)
        if not known_key or key == known_key or not key.startswith(known_key):
            continue
        rest = scan.lot_no.strip()[len(known.strip()):]
        try:
            _elements(rest)
        except BarcodeError:
            continue
        raise BarcodeError(_("{read} read: that is lot {lot} followed by «{rest}» — is the "
                             "scanner sending group separators?").format(
                                 read=scan.described(), lot=known.strip(),
                                 rest=_shown(rest)))


# -- reading -------------------------------------------------------------------

_FIELD_NAMES = {"01": N_("GTIN"), "10": N_("lot"), "17": N_("expiry"), "21": N_("serial"),
                "11": N_("production date"), "30": N_("count")}


def _undone(text: str, separator: str, layout: KeyboardLayout | None = None) -> str:
    """``text`` as GS1 reads it: the separator chosen read as GS, both as the desk shows it
    (Preferences' test scan shows that one) and, from a US-set scanner on ``layout``, as
    its keys mean it ('#' is typed '§' on a German keyboard)."""
    if separator:
        text = text.replace(separator, GROUP_SEPARATOR)
    if layout is None:
        return text
    fixed = layout.fix(text)
    return fixed.replace(separator, GROUP_SEPARATOR) if separator else fixed


def _read(text: str) -> VialScan:
    elements = _elements(_without_symbology(text).strip(GROUP_SEPARATOR))
    fields = {element.ai.ai: element for element in elements}
    gtin_field, lot_field, expiry_field, serial_field = (
        fields.get(ai) for ai in ("01", "10", "17", "21"))
    if gtin_field is not None and gtin_field.gtin_error:
        raise BarcodeError(_("The product number (GTIN) {gtin} has a wrong check digit: the "
                             "barcode was misread; scan it again.").format(
                                 gtin=gtin_field.value))
    if gtin_field is None and lot_field is None:
        raise BarcodeError(_("{read} read, but neither a product (GTIN) nor a lot number: "
                             "not a vial's barcode.").format(read=_said(elements)))
    if expiry_field is None:
        _refuse_swallowed_expiry(elements)
    return VialScan(gtin_field.value if gtin_field else None,
                    lot_field.value if lot_field else None,
                    expiry_field.date if expiry_field else None,
                    serial_field.value if serial_field else None)


def _elements(text: str) -> list:
    """The element strings of ``text``, or BarcodeError saying what was read before the fault."""
    from biip import ParseError  # 60 ms to load: at the first scan, not at start-up
    from biip.gs1_element_strings import GS1ElementString

    elements: list = []
    rest = text  # what follows the last field read, its separators included
    while rest:
        body = rest.lstrip(GROUP_SEPARATOR)
        try:  # (biip's fields end at the group separator)
            element = GS1ElementString.extract(body)
        except ParseError:
            raise BarcodeError(_unreadable(elements, rest)) from None
        elements.append(element)
        rest = body[len(element):]
    return elements


def _unreadable(elements: list, after: str) -> str:
    """What went wrong reading ``after``, the text that follows ``elements``."""
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier

    rest = after.lstrip(GROUP_SEPARATOR)
    try:
        ai = GS1ApplicationIdentifier.extract(rest)
    except ParseError:
        ai = None
    shown = _shown(rest)
    if not elements:
        if ai is None:
            return _("Not a GS1 barcode: «{text}» does not begin with an application "
                     "identifier (such as 01 for the product).").format(text=shown)
        return _("Not a vial's barcode: its first field ({ai}) «{text}» could not be "
                 "read.").format(ai=ai.ai, text=shown)
    read = _said(elements)
    if rest[:1] in SEPARATOR_SUBSTITUTES:
        return _("{read} read; then «{text}»: if the scanner sends «{separator}» between "
                 "fields, choose it under File ▸ Preferences ▸ Barcode scanner.").format(
                     read=read, text=shown, separator=rest[:1])
    if elements[-1].ai.separator_required and not after.startswith(GROUP_SEPARATOR):
        return _("{read} read; the {field} is followed by «{text}», which is not a GS1 "
                 "field — is the scanner sending group separators?").format(
                     read=read, field=_field_name(elements[-1].ai.ai), text=shown)
    if ai is None:
        return _("{read} read; then «{text}» is not a GS1 field.").format(read=read, text=shown)
    if ai.ai not in _FIELD_NAMES:  # a field Mesolog has no name for: its number says it
        return _("{read} read; then «{text}» could not be read as field {ai}.").format(
            read=read, text=shown, ai=ai.ai)
    return _("{read} read; then «{text}» could not be read as the {field} ({ai}).").format(
        read=read, text=shown, field=_field_name(ai.ai), ai=ai.ai)


def _refuse_swallowed_expiry(elements: list) -> None:
    """A lot or serial ending in ``17`` and a date, with no expiry of its own, lost a separator."""
    for i, element in enumerate(elements):
        found = re.search(r"17(\d{6})$", element.value)
        expiry = _date_of(found.group(1)) if found and element.ai.separator_required else None
        if expiry is None:
            continue
        swallowed = _("the {field} «{value}» ends with what looks like an expiry ({expiry}) — "
                      "is the scanner sending group separators?").format(
                          field=_field_name(element.ai.ai), value=element.value,
                          expiry=day_text(expiry))
        raise BarcodeError(_("{read} read; {problem}").format(read=_said(elements[:i]),
                                                             problem=swallowed)
                           if i else sentence(swallowed))


def _date_of(yymmdd: str) -> date | None:
    from biip import ParseError
    from biip.gs1_element_strings import GS1ElementString

    try:
        return GS1ElementString.extract("17" + yymmdd).date
    except ParseError:
        return None


def _without_symbology(text: str) -> str:
    """The scan without its symbology identifier; Caps Lock's ``]D2`` is ``]d2``."""
    if not text.startswith("]"):
        return text
    head = text[:3]
    if head in _GS1_SYMBOLOGIES or head.swapcase() in _GS1_SYMBOLOGIES:
        return text[3:]
    if len(head) == 3 and head[1].isalpha() and head[2].isdigit():
        raise BarcodeError(_("The scanner read a barcode that is not a GS1 symbol "
                             "(identifier {identifier}): scan the vial's GS1 DataMatrix or "
                             "GS1-128 code.").format(identifier=head))
    raise BarcodeError(_("Not a GS1 barcode: «{text}».").format(text=_shown(text)))


def _could_begin(text: str) -> bool:
    if text.startswith("]"):
        head = text[:3]
        if not any(symbology.startswith(head) or symbology.swapcase().startswith(head)
                   for symbology in _GS1_SYMBOLOGIES):
            return False
        text = text[3:]
    text = text.lstrip(GROUP_SEPARATOR)
    if not text:
        return True
    if not text[0].isdigit() or text[0] in ("5", "6"):  # no identifier begins 5 or 6
        return False
    if len(text) == 1:
        return True
    from biip import ParseError
    from biip.gs1_application_identifiers import GS1ApplicationIdentifier

    try:
        ai = GS1ApplicationIdentifier.extract(text[:4].ljust(4, "0"))
    except ParseError:
        return False
    value = text[len(ai.ai):]
    fixed_digits = re.fullmatch(r"N\d\+N(\d+)", ai.format)
    if fixed_digits and not value[:int(fixed_digits.group(1))].isdigit() and value:
        return False
    return all(ch in _CSET_82 or ch == GROUP_SEPARATOR for ch in value)


def _mangled_by(layout: KeyboardLayout, text: str, separator: str) -> bool:
    """Whether ``text`` shows the signs of a US-set scanner on ``layout``: it cannot be a
    GS1 scan as typed (a character outside GS1's set, or no digit to begin with), and
    the layout's keys, undone, make it one."""
    typed = _undone(text, separator)
    body = (typed[3:] if typed.startswith("]") else typed).lstrip(GROUP_SEPARATOR)
    outside = any(ch not in _CSET_82 and ch != GROUP_SEPARATOR for ch in body)
    fixed = _undone(text, separator, layout)
    return (outside or not body[:1].isdigit()) and fixed != typed and _could_begin(fixed)


def _said(elements: list) -> str:
    return _in_words([(element.ai.ai, element.date or element.value) for element in elements])


def _in_words(fields: list[tuple[str, str | date]]) -> str:
    """Fields by application identifier, in words: "GTIN 09506000134352, lot AB-12"."""
    parts = [_("{field} {value}").format(
                 field=_field_name(ai), value=day_text(value) if isinstance(value, date)
                 else value) if ai in _FIELD_NAMES else f"({ai}) {value}"
             for ai, value in fields]
    return sentence(", ".join(parts))


def _field_name(ai: str) -> str:
    return _(_FIELD_NAMES[ai]) if ai in _FIELD_NAMES else _("field {ai}").format(ai=ai)


def _shown(text: str, longest: int = 30) -> str:
    shown = text.replace(GROUP_SEPARATOR, "<GS>")
    return shown if len(shown) <= longest else shown[:longest - 1] + "…"
