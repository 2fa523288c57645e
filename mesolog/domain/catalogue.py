"""Products, their active ingredients, and lots: what goes into a session."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from mesolog.domain.text import fold, has_control_characters
from mesolog.domain.translation import _, day_text
from mesolog.domain.validation import FieldError, ValidationError


@dataclass(frozen=True)
class Ingredient:
    name: str
    concentration: str = ""  # as the label says: "0.5 %", "10 mg/ml"

    def __str__(self) -> str:
        return f"{self.name} {self.concentration}".strip()


@dataclass(frozen=True)
class ProductDetails:
    name: str = ""
    maker: str = ""
    gtin: str = ""  # 14 digits, as GS1 barcodes carry it; empty if unknown
    ingredients: tuple[Ingredient, ...] = ()

    @property
    def ingredients_text(self) -> str:
        return ", ".join(str(i) for i in self.ingredients)


@dataclass(frozen=True)
class Product:
    id: int
    details: ProductDetails
    active: bool = True
    version: int = 1


@dataclass(frozen=True)
class LotDetails:
    lot_no: str = ""
    expiry: date | None = None
    opened: date | None = None


@dataclass(frozen=True)
class Lot:
    id: int
    product_id: int
    product_name: str
    details: LotDetails
    ingredients: tuple[Ingredient, ...] = field(default=())

    def is_expired(self, on: date) -> bool:
        return lot_is_expired(self.details, on)

    @property
    def label(self) -> str:
        expiry = day_text(self.details.expiry) if self.details.expiry else _("no expiry")
        return _("{product} · lot {lot} · exp. {expiry}").format(
            product=self.product_name, lot=self.details.lot_no, expiry=expiry)


def lot_is_expired(lot: LotDetails, on: date) -> bool:
    """A lot is usable through its expiry date and expired the day after."""
    return lot.expiry is not None and on > lot.expiry


def normalise_gtin(text: str) -> str:
    """GTIN-8/12/13/14 as the 14 digits a GS1 barcode carries."""
    digits = text.strip().replace(" ", "")
    return digits.zfill(14) if digits else ""


def gtin_check_digit(body: str) -> str:
    """The GS1 mod-10 check digit for the first 13 digits of a GTIN-14."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(body))
    return str((10 - total % 10) % 10)


def gtin_check_digit_ok(gtin: str) -> bool:
    return gtin_check_digit(gtin[:-1]) == gtin[-1]


_LOT_NO = re.compile(r"^[\x21-\x7e]{1,20}$")  # GS1 AI 10: up to 20 printable characters


def check_product(details: ProductDetails) -> ProductDetails:
    name, maker = details.name.strip(), details.maker.strip()
    gtin = normalise_gtin(details.gtin)
    ingredients = tuple(Ingredient(i.name.strip(), i.concentration.strip())
                        for i in details.ingredients if i.name.strip())
    errors: list[FieldError] = []
    if not name:
        errors.append(FieldError("name", _("Product name is required.")))
    elif len(name) > 120 or has_control_characters(name):
        errors.append(FieldError("name", _("Product name: at most 120 plain characters.")))
    if len(maker) > 120 or has_control_characters(maker):
        errors.append(FieldError("maker", _("Maker: at most 120 plain characters.")))
    if gtin and (not gtin.isdigit() or len(gtin) != 14 or not gtin_check_digit_ok(gtin)):
        errors.append(FieldError("gtin", _("GTIN: 8, 12, 13 or 14 digits with a valid check "
                                           "digit (scan the vial to fill it in).")))
    for ingredient in ingredients:
        if len(str(ingredient)) > 120 or has_control_characters(str(ingredient)):
            errors.append(FieldError("ingredients",
                                     _("Ingredient: at most 120 plain characters.")))
            break
    if errors:
        raise ValidationError(errors)
    return ProductDetails(name, maker, gtin, ingredients)


def lot_key(lot_no: str) -> str:
    """A lot number as lots are matched: case and surrounding spaces do not count.

    Caps Lock turns a scanned ``ABC123`` into ``abc123``; it is the same lot.
    """
    return lot_no.strip().casefold()


def check_lot(details: LotDetails) -> LotDetails:
    lot_no = details.lot_no.strip()
    errors: list[FieldError] = []
    if not lot_no:
        errors.append(FieldError("lot_no", _("Lot number is required.")))
    elif not _LOT_NO.match(lot_no):
        errors.append(FieldError("lot_no", _("Lot number: up to 20 letters, digits or "
                                             "punctuation, no spaces.")))
    if details.expiry is None:
        errors.append(FieldError("expiry", _("Expiry date is required (it is on the vial).")))
    if details.opened and details.expiry and details.opened > details.expiry:
        errors.append(FieldError("opened", _("Opened after the expiry date.")))
    if errors:
        raise ValidationError(errors)
    return LotDetails(lot_no, details.expiry, details.opened)


def allergy_matches(allergies: str, ingredients: tuple[Ingredient, ...],
                    product_name: str = "") -> list[str]:
    """The ingredients (or the product) that a recorded allergy names.

    Matching is on folded words, so "Biotin (urticaria 2022)" flags a product
    with "biotin 5 mg/ml", and "lidocaïne" flags "Lidocaine".
    """
    allergy_words = set(re.findall(r"\w{4,}", fold(allergies)))
    if not allergy_words:
        return []
    hits = []
    for candidate in [i.name for i in ingredients] + ([product_name] if product_name else []):
        words = set(re.findall(r"\w{4,}", fold(candidate)))
        if words & allergy_words:
            hits.append(candidate)
    return hits
