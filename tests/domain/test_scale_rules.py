"""Grading scales and SALT: each view's loss at 0 and 100 % and just past, the weights,
a stage's rank, a stage a scale has not."""

from __future__ import annotations

import pytest

from mesolog.domain.scales import (
    LUDWIG,
    NORWOOD_HAMILTON,
    SALT_WEIGHTS,
    SCALES,
    SINCLAIR,
    salt_score,
    salt_view_name,
)
from mesolog.domain.validation import ValidationError


@pytest.mark.parametrize("view", ["vertex", "left", "right", "back"])
@pytest.mark.parametrize(("loss", "taken"), [(0.0, True), (-0.1, False), (100.0, True),
                                             (100.1, False)])
def test_each_views_loss_at_its_limits_and_just_past(view, loss, taken):
    losses = {"vertex": 10.0, "left": 10.0, "right": 10.0, "back": 10.0, view: loss}
    if taken:
        salt_score(**losses)
    else:
        with pytest.raises(ValidationError) as caught:
            salt_score(**losses)
        assert [(e.field, e.message) for e in caught.value.errors] == [
            (f"salt_{view}", f"{salt_view_name(view)}: 0 to 100 % loss.")]


@pytest.mark.parametrize(("vertex", "left", "right", "back", "score"), [
    (100, 0, 0, 0, 40.0), (0, 100, 0, 0, 18.0), (0, 0, 100, 0, 18.0), (0, 0, 0, 100, 24.0),
    (100, 100, 100, 100, 100.0), (0, 0, 0, 0, 0.0), (50, 25, 25, 10, 31.4),
    (33.33, 0, 0, 0, 13.3),  # to a tenth
])
def test_salt_weighs_each_view_by_the_share_of_the_scalp_it_covers(vertex, left, right,
                                                                     back, score):
    assert salt_score(vertex, left, right, back) == score


def test_every_view_out_of_range_is_named_at_once():
    with pytest.raises(ValidationError) as caught:
        salt_score(-1, 101, 50, 200)
    assert [e.field for e in caught.value.errors] == ["salt_vertex", "salt_left", "salt_back"]
    assert sum(SALT_WEIGHTS.values()) == pytest.approx(1.0)
    assert [salt_view_name(v) for v in SALT_WEIGHTS] == ["Vertex", "Left", "Right", "Back"]


def test_a_stage_has_its_rank_and_a_scale_names_what_it_lacks():
    assert [NORWOOD_HAMILTON.rank(c) for c in ("I", "IIa", "III vertex", "VII")] == [
        0, 2, 5, 11]
    assert LUDWIG.rank("III") == 2 and SINCLAIR.rank("1") == 0
    assert SINCLAIR.stage("2").description == "The part widens slightly"
    with pytest.raises(ValidationError) as caught:
        LUDWIG.stage("IV")
    assert caught.value.for_field("stage") == "Ludwig has no stage “IV”."
    assert list(SCALES) == ["norwood", "ludwig", "sinclair"]
