"""Where a report's page goes on the printer's paper, and which pages are printed.

A page is printed at 100 % on the paper it was laid out for; on other paper it is
scaled to fit and centred, never pushed to a corner. Sizes are in points (1/72 in).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mesolog.domain.translation import N_, _

_MM = 72 / 25.4


class Paper(StrEnum):
    """The paper a clinic's reports are laid out for (the letterhead keeps the choice)."""

    A4 = "A4"
    LETTER = "Letter"  # US Letter, 8.5 × 11 in

    @property
    def size_pt(self) -> tuple[float, float]:
        """Width and height in points."""
        return (210 * _MM, 297 * _MM) if self is Paper.A4 else (8.5 * 72, 11 * 72)

    @property
    def label(self) -> str:
        labels = {"A4": N_("A4 (210 × 297 mm)"), "Letter": N_("US Letter (8.5 × 11 in)")}
        return _(labels[self.value])

    @classmethod
    def named(cls, name: str | None) -> Paper:
        """The paper of that name; A4 for none or a name no longer known."""
        try:
            return cls(name)
        except ValueError:
            return cls.A4


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


def sheets_in_order(pages: list[int], copies: int, collate: bool) -> list[int]:
    """``pages`` in the order they go to a printer that makes no copies itself: each copy
    whole in turn when collated (1 2 3 1 2 3), else each page's copies together
    (1 1 2 2 3 3)."""
    copies = max(copies, 1)
    if collate:
        return pages * copies
    return [page for page in pages for _ in range(copies)]
