"""Where a report's page goes on the printer's paper, and which pages are printed.

A page is printed at 100 % on the paper it was laid out for; on other paper it is
scaled to fit and centred, never pushed to a corner. Sizes are in points (1/72 in).
"""

from __future__ import annotations

from dataclasses import dataclass

# paper sizes within this of each other are the same paper (1 pt is 0.35 mm)
SAME_PAPER_PT = 2.0


@dataclass(frozen=True)
class Placement:
    scale: float
    left_pt: float
    top_pt: float

    @property
    def fitted(self) -> bool:
        """Whether the page is scaled to fit other paper (the dialog says so)."""
        return abs(self.scale - 1.0) > 1e-6


def place_page(page_pt: tuple[float, float], paper_pt: tuple[float, float]) -> Placement:
    """The page at 100 % on its own paper; on other paper, as large as fits, centred."""
    (page_w, page_h), (paper_w, paper_h) = page_pt, paper_pt
    if abs(page_w - paper_w) <= SAME_PAPER_PT and abs(page_h - paper_h) <= SAME_PAPER_PT:
        return Placement(1.0, 0.0, 0.0)
    scale = min(paper_w / page_w, paper_h / page_h)
    return Placement(scale, (paper_w - page_w * scale) / 2, (paper_h - page_h * scale) / 2)


def pages_to_print(count: int, ranges: list[tuple[int, int]] | None) -> list[int]:
    """The pages (numbered from 1) that ``ranges`` choose of ``count``, each once, in order;
    every page when ``ranges`` is None. Pages past the end are left out."""
    if ranges is None:
        return list(range(1, count + 1))
    chosen = {page for first, last in ranges for page in range(max(first, 1),
                                                                 min(last, count) + 1)}
    return sorted(chosen)
