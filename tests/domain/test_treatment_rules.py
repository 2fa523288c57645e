from datetime import date

import pytest

from mesolog.domain.catalogue import (
    Ingredient,
    LotDetails,
    ProductDetails,
    allergy_matches,
    check_lot,
    check_product,
    gtin_check_digit_ok,
    lot_is_expired,
)
from mesolog.domain.course import CourseDetails, CourseStatus, check_course, days_late, next_due
from mesolog.domain.gs1 import BarcodeError, read_vial_barcode
from mesolog.domain.validation import ValidationError

GS = "\x1d"


@pytest.mark.parametrize("scanned", [
    f"{GS}0107032069804988{GS}17271231{GS}10LOT123A{GS}",   # separators everywhere
    "]d2010703206980498817271231" "10LOT123A",           # DataMatrix identifier, lot last
    f"]C1010703206980498810LOT123A{GS}17271231",          # GS1-128, lot then expiry
])
def test_a_vial_scan_gives_product_lot_and_expiry(scanned):
    scan = read_vial_barcode(scanned)
    assert scan.gtin == "07032069804988"
    assert scan.lot_no == "LOT123A"
    assert scan.expiry == date(2027, 12, 31)


def test_the_scan_with_separators_reads_the_exact_lot():
    scan = read_vial_barcode(f"0107032069804988{GS}10AB-77{GS}17260930")
    assert (scan.gtin, scan.lot_no, scan.expiry) == ("07032069804988", "AB-77", date(2026, 9, 30))


@pytest.mark.parametrize("scanned", ["", "hello", "1234"])
def test_what_is_not_a_gs1_code_is_refused(scanned):
    with pytest.raises(BarcodeError):
        read_vial_barcode(scanned)


def test_gtin_check_digit():
    assert gtin_check_digit_ok("07032069804988")
    assert not gtin_check_digit_ok("07032069804989")
    with pytest.raises(ValidationError) as caught:
        check_product(ProductDetails(name="X", gtin="7032069804989"))
    assert caught.value.for_field("gtin")
    assert check_product(ProductDetails(name="X", gtin="7032069804988")).gtin == "07032069804988"


def test_a_lot_is_usable_through_its_expiry_day():
    lot = LotDetails("A1", date(2026, 1, 31))
    assert not lot_is_expired(lot, date(2026, 1, 31))
    assert lot_is_expired(lot, date(2026, 2, 1))
    with pytest.raises(ValidationError) as caught:
        check_lot(LotDetails("with space", None))
    assert caught.value.for_field("lot_no") and caught.value.for_field("expiry")


def test_allergies_flag_ingredients_by_folded_words():
    ingredients = (Ingredient("Biotin", "5 mg/ml"), Ingredient("Lidocaine", "1 %"))
    assert allergy_matches("Biotin (urticaria 2022)", ingredients) == ["Biotin"]
    assert allergy_matches("LIDOCAÏNE", ingredients) == ["Lidocaine"]
    assert allergy_matches("Penicillin\nLatex", ingredients) == []
    assert allergy_matches("", ingredients) == []


SIX_EVERY_28 = CourseDetails("Minoxidil series", 6, 28, date(2026, 1, 3))


def test_next_due_follows_the_last_session_across_month_ends():
    assert next_due(SIX_EVERY_28, CourseStatus.ACTIVE, 0, None) == date(2026, 1, 3)
    assert next_due(SIX_EVERY_28, CourseStatus.ACTIVE, 1, date(2026, 1, 31)) == date(2026, 2, 28)
    leap = CourseDetails("x", 6, 30, date(2028, 1, 1))
    assert next_due(leap, CourseStatus.ACTIVE, 2, date(2028, 1, 31)) == date(2028, 3, 1)
    assert next_due(SIX_EVERY_28, CourseStatus.ACTIVE, 3, date(2026, 12, 20)) == date(2027, 1, 17)


def test_nothing_is_due_for_paused_ended_or_finished_courses():
    for status in (CourseStatus.PAUSED, CourseStatus.COMPLETED, CourseStatus.STOPPED):
        assert next_due(SIX_EVERY_28, status, 1, date(2026, 1, 31)) is None
    assert next_due(SIX_EVERY_28, CourseStatus.ACTIVE, 6, date(2026, 6, 1)) is None


def test_days_late():
    assert days_late(date(2026, 2, 28), date(2026, 3, 2)) == 2
    assert days_late(date(2026, 3, 2), date(2026, 2, 28)) == -2


def test_course_bounds_name_their_fields():
    with pytest.raises(ValidationError) as caught:
        check_course(CourseDetails("", 0, 400, None))
    assert {e.field for e in caught.value.errors} == {"protocol", "planned_sessions",
                                                      "interval_days", "start_date"}
