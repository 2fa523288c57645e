"""Reading the GS1 barcode on a vial: product (GTIN), lot and expiry.

A USB scanner types the code like a keyboard: a GS1 DataMatrix or GS1-128
symbol arrives as element strings such as ``01 GTIN 17 YYMMDD 10 LOT``,
separated by the group separator (ASCII 29) where a field has variable
length, sometimes behind a symbology identifier such as ``]d2``. The
parsing is biip's, a maintained GS1 library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mesolog.domain.translation import _


@dataclass(frozen=True)
class VialScan:
    gtin: str | None
    lot_no: str | None
    expiry: date | None


class BarcodeError(ValueError):
    """The scanned text is not a GS1 code with the fields Mesolog needs."""


def read_vial_barcode(text: str) -> VialScan:
    """GTIN, lot and expiry from a scanned GS1 code; BarcodeError if it holds none."""
    import biip  # ~0.2 s to import: loaded at the first scan, not at start-up

    text = text.strip("\r\n")
    if not text.strip():
        raise BarcodeError(_("Nothing was scanned."))
    try:
        message = biip.parse(text.strip("\x1d")).gs1_message
    except biip.ParseError as e:
        raise BarcodeError(_("Not a GS1 product barcode ({reason}).").format(reason=e)) from None
    if message is None:
        raise BarcodeError(_("Not a GS1 product barcode: no GTIN, lot or expiry in it."))
    fields = {element.ai.ai: element for element in message.element_strings}
    gtin_field, lot_field, expiry_field = (fields.get(ai) for ai in ("01", "10", "17"))
    scan = VialScan(
        gtin=gtin_field.value if gtin_field else None,
        lot_no=lot_field.value if lot_field else None,
        expiry=expiry_field.date if expiry_field else None,
    )
    if scan.gtin is None and scan.lot_no is None:
        raise BarcodeError(_("The barcode holds neither a product (GTIN) nor a lot number."))
    return scan
