"""Products, lots and allergies: each bound at its limit and just past it, the GS1
check digit's arithmetic digit by digit, a lot's last usable day."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mesolog.domain.catalogue import (
    Ingredient,
    Lot,
    LotDetails,
    ProductDetails,
    allergy_matches,
    check_lot,
    check_product,
    gtin_check_digit,
    gtin_check_digit_ok,
    lot_is_expired,
    lot_key,
    normalise_gtin,
)
from tests.domain.refusals import refusals

GTIN_MESSAGE = ("GTIN: 8, 12, 13 or 14 digits with a valid check digit (scan the vial to "
                "fill it in).")


def refused(check, details) -> dict[str, list[str]]:
    return refusals(check, details)


# GS1's own worked examples and codes from real vials: weights 3,1,3,1… from the place
# next to the check digit, the check digit what brings the sum to a multiple of ten
@pytest.mark.parametrize(("body", "digit"), [
    ("0950600013435", "2"),  # GS1 General Specifications' GTIN 09506000134352
    ("9501234567890", "3"),  # 95012345678903
    ("0703206980498", "8"),
    ("0000000000000", "0"),  # sum 0: check digit 0, not 10
    ("0000000000001", "7"),  # the last place of the 13 weighs 3
    ("0000000000010", "9"),  # the place before it 1
    ("1000000000000", "7"),  # the first place (13 from the check digit) 3
    ("0000000000005", "5"),  # 10 - 5
])
def test_the_gtin_check_digit_digit_by_digit(body, digit):
    assert gtin_check_digit(body) == digit
    assert gtin_check_digit_ok(body + digit)
    wrong = str((int(digit) + 1) % 10)
    assert not gtin_check_digit_ok(body + wrong)


@pytest.mark.parametrize(("typed", "kept"), [
    ("95012345678903", "95012345678903"),   # GTIN-14
    ("9501234567890 3", "95012345678903"),  # with a space
    ("5012345678900", "05012345678900"),    # GTIN-13
    ("012345678905", "00012345678905"),     # GTIN-12 (UPC)
    ("96385074", "00000096385074"),         # GTIN-8
    ("  ", ""),                             # none
])
def test_a_gtin_is_kept_as_its_fourteen_digits(typed, kept):
    assert normalise_gtin(typed) == kept
    assert refused(check_product, ProductDetails("Biotin", gtin=typed)) == {}
    assert check_product(ProductDetails("Biotin", gtin=typed)).gtin == kept


@pytest.mark.parametrize("typed", ["95012345678904", "950123456789031", "9501234567890A",
                                   "1"])
def test_a_gtin_with_a_wrong_check_digit_length_or_letter_is_refused(typed):
    assert refused(check_product, ProductDetails("Biotin", gtin=typed)) == {
        "gtin": [GTIN_MESSAGE]}


@pytest.mark.parametrize(("name", "value", "message"), [
    ("name", "n" * 120, ""),
    ("name", "n" * 121, "Product name: at most 120 plain characters."),
    ("name", "  ", "Product name is required."),
    ("name", "Bio\x00tin", "Product name: at most 120 plain characters."),
    ("maker", "m" * 120, ""),
    ("maker", "m" * 121, "Maker: at most 120 plain characters."),
    ("maker", "Meso\x07Labs", "Maker: at most 120 plain characters."),
])
def test_a_products_names_at_their_limits(name, value, message):
    details = replace(ProductDetails("Biotin complex", "Meso Labs"), **{name: value})
    assert refused(check_product, details) == ({name: [message]} if message else {})


def test_ingredients_are_trimmed_empty_ones_dropped_and_each_bounded():
    kept = check_product(ProductDetails(" Biotin ", " Meso Labs ", "", (
        Ingredient(" biotin ", " 5 mg/ml "), Ingredient("  ", "1 %"))))
    assert kept == ProductDetails("Biotin", "Meso Labs", "", (Ingredient("biotin", "5 mg/ml"),))
    assert kept.ingredients_text == "biotin 5 mg/ml"
    assert ProductDetails("B", ingredients=(Ingredient("biotin", "5 mg/ml"), Ingredient(
        "caffeine"))).ingredients_text == "biotin 5 mg/ml, caffeine"
    long_one = Ingredient("i" * 116, "1 %")  # "i…i 1 %": 120 characters, the limit
    assert refused(check_product, ProductDetails("B", ingredients=(long_one,))) == {}
    assert refused(check_product, ProductDetails("B", ingredients=(
        Ingredient("bio\x07tin"),))) == {"ingredients": ["Ingredient: at most 120 plain "
                                                          "characters."]}
    longer = Ingredient("i" * 117, "1 %")  # 121
    twice = (longer, longer)
    assert refused(check_product, ProductDetails("B", ingredients=twice)) == {
        "ingredients": ["Ingredient: at most 120 plain characters."]}  # said once
    assert str(Ingredient("zinc")) == "zinc"


@pytest.mark.parametrize(("lot_no", "message"), [
    ("A" * 20, ""),
    ("A" * 21, "Lot number: up to 20 letters, digits or punctuation, no spaces."),
    ("AB 12", "Lot number: up to 20 letters, digits or punctuation, no spaces."),
    ("AB-12/x.~!", ""),  # GS1 lots take punctuation
    ("Ünïcode", "Lot number: up to 20 letters, digits or punctuation, no spaces."),
    ("  ", "Lot number is required."),
])
def test_a_lot_number_at_its_limits(lot_no, message):
    details = LotDetails(lot_no, date(2027, 6, 30))
    assert refused(check_lot, details) == ({"lot_no": [message]} if message else {})


def test_a_lot_needs_its_expiry_and_is_not_opened_after_it():
    expiry = date(2027, 6, 30)
    assert refused(check_lot, LotDetails("B1", None)) == {
        "expiry": ["Expiry date is required (it is on the vial)."]}
    assert refused(check_lot, LotDetails("B1", expiry, expiry)) == {}  # opened that day
    assert refused(check_lot, LotDetails("B1", expiry, date(2027, 7, 1))) == {
        "opened": ["Opened after the expiry date."]}
    assert check_lot(LotDetails(" B1 ", expiry, None)) == LotDetails("B1", expiry, None)
    opened = date(2027, 1, 2)
    assert check_lot(LotDetails("B1", expiry, opened)) == LotDetails("B1", expiry, opened)


def test_a_lot_is_usable_through_its_expiry_day_and_named_with_it():
    lot = LotDetails("B-1", date(2027, 6, 30))
    assert not lot_is_expired(lot, date(2027, 6, 30))
    assert lot_is_expired(lot, date(2027, 7, 1))
    assert not lot_is_expired(LotDetails("B-1", None), date(2099, 1, 1))
    vial = Lot(1, 2, "Biotin complex", lot)
    assert vial.is_expired(date(2027, 7, 1)) and not vial.is_expired(date(2027, 6, 30))
    assert vial.label == "Biotin complex · lot B-1 · exp. 2027-06-30"
    assert Lot(1, 2, "Biotin", LotDetails("B-2")).label == "Biotin · lot B-2 · exp. no expiry"


def test_lots_match_whatever_their_case_and_spaces():
    assert lot_key(" abc123 ") == lot_key("ABC123") == "abc123"


@pytest.mark.parametrize(("allergies", "ingredients", "product", "hits"), [
    ("Biotin (urticaria 2022)", ("biotin", "zinc"), "", ["biotin"]),
    ("lidocaïne", ("Lidocaine",), "", ["Lidocaine"]),
    ("", ("biotin",), "", []),
    ("tea", ("tea tree oil",), "", []),  # words under four letters are not matched
    ("gluconate", ("biotin", "zinc gluconate"), "", ["zinc gluconate"]),
    ("dexpanthenol", (), "Dexpanthenol forte", ["Dexpanthenol forte"]),
    ("penicillin", ("biotin",), "Meso cocktail", []),
])
def test_an_allergy_flags_what_it_names(allergies, ingredients, product, hits):
    named = tuple(Ingredient(name) for name in ingredients)
    assert allergy_matches(allergies, named, product) == hits
    if not product:  # no product name given: only the ingredients are looked at
        assert allergy_matches(allergies, named) == hits
    assert allergy_matches("xxxx", ()) == []


def test_digits_of_another_length_are_refused_even_when_they_check():
    body = "12345678901234"  # fourteen digits: with a check digit, fifteen
    fifteen = body + gtin_check_digit(body)
    assert gtin_check_digit_ok(fifteen)  # the arithmetic alone would pass it
    assert refused(check_product, ProductDetails("Biotin", gtin=fifteen)) == {
        "gtin": [GTIN_MESSAGE]}
