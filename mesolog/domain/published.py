"""Numbers published on hair mesotherapy (shipped in resources/published_outcomes.json),
each with its exact outcome, arms and citation, to be read beside the practice's own
where the outcome is comparable: the responders of a cohort, or the patients who had
pain as a side effect."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from mesolog.domain.intervals import Estimate, described, wilson
from mesolog.domain.translation import N_, _, number

if TYPE_CHECKING:
    from mesolog.domain.cohort import CohortResult
    from mesolog.domain.safety import SafetyReport


class ComparedWith(StrEnum):
    RESPONDERS = "responders"
    PATIENTS_WITH_PAIN = "patients_with_pain"

    @property
    def label(self) -> str:
        labels = {"responders": N_("the cohort's responders"),
                  "patients_with_pain": N_("patients with pain as a side effect")}
        return _(labels[self.value])


@dataclass(frozen=True)
class Arm:
    name: str
    events: int
    n: int
    published: str  # as the paper gives it

    @property
    def share(self) -> Estimate | None:
        return wilson(self.events, self.n)


@dataclass(frozen=True)
class PublishedNumber:
    id: str
    citation: str
    doi: str
    pmid: str
    design: str
    population: str
    treatment: str
    outcome: str
    read_from: str
    compares_with: ComparedWith
    arms: tuple[Arm, ...]


def published_numbers(text: str) -> tuple[PublishedNumber, ...]:
    """The studies of the shipped file's ``text``; each arm's count must give the share
    the paper prints (a typing slip in the file fails here, not on screen)."""
    found = []
    for study in json.loads(text)["studies"]:
        arms = tuple(Arm(**arm) for arm in study.pop("arms"))
        for arm in arms:
            printed = float(arm.published.rstrip(" %"))
            if abs(100 * arm.events / arm.n - printed) > 0.05:
                raise ValueError(f"{study['id']}: {arm.events}/{arm.n} is not "
                                 f"{arm.published}")
        found.append(PublishedNumber(**{**study, "compares_with":
                                        ComparedWith(study["compares_with"])}, arms=arms))
    return tuple(found)


def practice_number(compares_with: ComparedWith, result: CohortResult | None,
                    safety: SafetyReport | None) -> str | None:
    """The practice's own number to read beside a published one (the page's and the
    paper's words); None until it is computed."""
    if compares_with is ComparedWith.RESPONDERS:
        if result is None:
            return None
        return _("This practice, the cohort ({rule}): {responders} of {analysed}, {share}. "
                 "The outcome is defined differently: read both before comparing.").format(
            rule=result.outcome.responder_rule, responders=number(result.responders),
            analysed=number(len(result.analysed)),
            share=described(result.responder_rate, 0, True))
    if safety is None:
        return None
    return _("This practice: {with_pain} of {patients} patients had pain as a side effect at "
             "least once, {share}.").format(with_pain=number(safety.patients_with_pain),
                                            patients=number(safety.patients),
                                            share=described(safety.pain_share, 0, True))
