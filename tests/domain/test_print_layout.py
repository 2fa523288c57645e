import pytest

from mesolog.domain.print_layout import (
    SAME_PAPER_PT,
    Paper,
    pages_to_print,
    place_page,
    sheets_in_order,
)

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def test_a_page_prints_at_full_size_on_its_own_paper():
    placed = place_page(A4, (595.0, 842.0))
    assert (placed.scale, placed.left_pt, placed.top_pt) == (1.0, 0.0, 0.0)
    assert not placed.fitted


def test_an_a4_page_on_letter_is_fitted_and_centred():
    placed = place_page(A4, LETTER)
    assert placed.fitted and placed.scale == pytest.approx(792.0 / 841.89)
    width = A4[0] * placed.scale
    assert placed.left_pt == pytest.approx((612.0 - width) / 2)
    assert placed.left_pt > 0 and placed.top_pt == pytest.approx(0.0)  # height fills


def test_a_letter_page_on_a4_is_fitted_and_centred():
    placed = place_page(LETTER, A4)
    assert placed.scale == pytest.approx(595.28 / 612.0)
    assert placed.left_pt == pytest.approx(0.0)
    assert placed.top_pt == pytest.approx((841.89 - 792.0 * placed.scale) / 2)


@pytest.mark.parametrize(("ranges", "pages"), [
    (None, [1, 2, 3, 4]),
    ([(2, 3)], [2, 3]),
    ([(3, 4), (1, 1), (2, 3)], [1, 2, 3, 4]),
    ([(4, 9)], [4]),
    ([(6, 9)], []),
])
def test_the_pages_chosen(ranges, pages):
    assert pages_to_print(4, ranges) == pages


@pytest.mark.parametrize(("copies", "collate", "order"), [
    (1, True, [2, 3]),
    (1, False, [2, 3]),
    (2, True, [2, 3, 2, 3]),
    (2, False, [2, 2, 3, 3]),
    (3, False, [2, 2, 2, 3, 3, 3]),
    (0, True, [2, 3]),  # no copies asked for: one
])
def test_copies_drawn_by_mesolog_come_collated_or_not(copies, collate, order):
    assert sheets_in_order([2, 3], copies, collate) == order


def test_the_two_papers_a_clinic_chooses_from():
    assert Paper.A4.size_pt == pytest.approx(A4, abs=0.01)
    assert Paper.LETTER.size_pt == LETTER
    assert [paper.label for paper in Paper] == ["A4 (210 × 297 mm)", "US Letter (8.5 × 11 in)"]
    assert Paper.named("Letter") is Paper.LETTER
    assert Paper.named("Legal") is Paper.A4 and Paper.named("") is Paper.A4  # not offered
    assert not place_page(Paper.LETTER.size_pt, LETTER).fitted
    assert place_page(Paper.A4.size_pt, LETTER).fitted


W, H = A4
PAST = SAME_PAPER_PT + 0.01


@pytest.mark.parametrize(("dw", "dh", "placed"), [
    # within two points either way: the same paper, the page at its corner at 100 %
    (SAME_PAPER_PT, 0.0, (1.0, 0.0, 0.0)), (-SAME_PAPER_PT, 0.0, (1.0, 0.0, 0.0)),
    (0.0, SAME_PAPER_PT, (1.0, 0.0, 0.0)), (0.0, -SAME_PAPER_PT, (1.0, 0.0, 0.0)),
    # just past: other paper, the page centred on larger, scaled down onto smaller
    (PAST, 0.0, (1.0, PAST / 2, 0.0)), (0.0, PAST, (1.0, 0.0, PAST / 2)),
    (-PAST, 0.0, ((W - PAST) / W, 0.0, (H - H * (W - PAST) / W) / 2)),
    (0.0, -PAST, ((H - PAST) / H, (W - W * (H - PAST) / H) / 2, 0.0)),
    (0.0, 50.0, (1.0, 0.0, 25.0)),  # one side the same is not the same paper
])
def test_paper_within_two_points_is_the_same_paper(dw, dh, placed):
    got = place_page(A4, (W + dw, H + dh))
    assert (got.scale, got.left_pt, got.top_pt) == pytest.approx(placed, abs=1e-9)
    assert got.fitted is (placed[0] != 1.0)
