import pytest

from mesolog.domain.print_layout import pages_to_print, place_page

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
