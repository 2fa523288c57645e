"""Published numbers: each arm's count must give the share the paper prints, to within
half a tenth of a percent either way; the practice's own number read beside them."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from mesolog.domain.intervals import wilson
from mesolog.domain.published import (
    Arm,
    ComparedWith,
    practice_number,
    published_numbers,
)


def shipped(events: int, n: int, printed: str, compares_with: str = "responders") -> str:
    return json.dumps({"studies": [{
        "id": "x-2024", "citation": "X et al. 2024", "doi": "10.1/x", "pmid": "1",
        "design": "RCT", "population": "AGA", "treatment": "meso", "outcome": "responders",
        "read_from": "table 2", "compares_with": compares_with,
        "arms": [{"name": "mesotherapy", "events": events, "n": n, "published": printed}]}]})


@pytest.mark.parametrize(("events", "n", "printed", "taken"), [
    (54, 86, "62.8 %", True),    # 62.79… as the paper rounds it
    (54, 86, "62.75 %", True),   # 0.04 off
    (54, 86, "62.84 %", True),
    (54, 86, "62.7 %", False),   # 0.09 off: a typing slip
    (54, 86, "62.9 %", False),
    (1, 3, "33.3", True),        # without the percent sign
])
def test_an_arm_must_give_the_share_the_paper_prints(events, n, printed, taken):
    if taken:
        (study,) = published_numbers(shipped(events, n, printed))
        arm = study.arms[0]
        assert (arm.name, arm.events, arm.n, arm.published) == ("mesotherapy", events, n,
                                                                printed)
        assert study.compares_with is ComparedWith.RESPONDERS and study.pmid == "1"
    else:
        with pytest.raises(ValueError) as caught:
            published_numbers(shipped(events, n, printed))
        assert str(caught.value) == f"x-2024: {events}/{n} is not {printed}"


def test_an_arms_share_with_its_interval():
    assert Arm("a", 54, 86, "62.8 %").share == wilson(54, 86)
    assert [c.label for c in ComparedWith] == ["the cohort's responders",
                                              "patients with pain as a side effect"]


def test_the_practices_own_number_beside_a_published_one():
    result = SimpleNamespace(outcome=SimpleNamespace(responder_rule="density +10 % or more"),
                             responders=12, analysed=[object()] * 40,
                             responder_rate=wilson(12, 40))
    assert practice_number(ComparedWith.RESPONDERS, result, None) == (
        "This practice, the cohort (density +10 % or more): 12 of 40, 30 % (95 % CI 18 to "
        "45). The outcome is defined differently: read both before comparing.")
    assert practice_number(ComparedWith.RESPONDERS, None, object()) is None
    safety = SimpleNamespace(patients_with_pain=1200, patients=2500,
                             pain_share=wilson(1200, 2500))
    assert practice_number(ComparedWith.PATIENTS_WITH_PAIN, None, safety) == (
        "This practice: 1,200 of 2,500 patients had pain as a side effect at least once, "
        "48 % (95 % CI 46 to 50).")
    assert practice_number(ComparedWith.PATIENTS_WITH_PAIN, result, None) is None
