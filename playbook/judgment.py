"""A drill team's judgment at each twist: what the proven response gets wrong there, what the
team did (steps ticked after the twist made them pointless, deviations), what a mentor accepts."""

from __future__ import annotations

import attrs

from playbook.drill_words import distinct
from playbook.model import Drill, Inject
from playbook.scoring import Score, Status, StepResult


@attrs.frozen
class TwistJudgment:
    """One twist the drill reached: what the proven response gets wrong there, what the team did
    (its items: voided steps, deviations, the twist's own item), and what a mentor accepts."""

    inject: Inject
    gets_wrong: str
    items: tuple[StepResult, ...]
    accepted: tuple[str, ...]  # the adaptations' `did`
    verdict: str  # one sentence: why the team scored as it did here


def judgment(drill: Drill, score: Score, released: tuple[Inject, ...]) -> tuple[TwistJudgment, ...]:
    """Each twist the drill reached, with the team's judgment there (see playbook.scoring)."""
    found = []
    for inject in released:
        twist = inject.twist
        if twist is None:
            continue
        items = tuple(s for s in distinct(score.steps) if s.twist == inject.id)
        own = next((s for s in items if s.step == inject.id), None)
        voided = [s for s in items if s.status is Status.VOIDED]
        if own is not None and own.status is Status.ADAPTED:
            verdict = f"The team adapted as a mentor would: {own.did} (because {own.reason})."
        elif own is not None and own.status is Status.DEVIATED:
            verdict = (
                f"The team did something else, not one of the adaptations foreseen: {own.did} (because {own.reason})."
            )
        elif own is not None:
            verdict = "The team went on with the proven response and recorded no deviation."
        else:
            verdict = "This twist states no adaptations to score against; discuss it."
        if voided:
            names = "; ".join(s.do.rstrip(".") for s in voided)
            verdict += f" Ticked after the twist, so not credited: {names}."
        found.append(TwistJudgment(inject, twist.gets_wrong, items, tuple(a.did for a in twist.adaptations), verdict))
    return tuple(found)
