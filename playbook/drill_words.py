"""How a drill's results read in words: minutes, severities, steps' issues, the score line.

Shared by the debrief, the after-action report, the proposed lessons and the drill screens, so
every one of them says the same thing the same way.
"""

from __future__ import annotations

from collections.abc import Iterable

from playbook.model import Library
from playbook.novel import NOVEL_TITLE
from playbook.render import duration, minutes, minutes_word
from playbook.safe import safe
from playbook.scoring import ObjectiveResult, Score, Status, StepResult, Verdict

# What counts against a team in the debrief: late, missed or skipped steps, steps ticked after a
# twist made them pointless, and twists met by carrying on with the script.
# In a novel drill, a decision named but never logged as one that someone owns.
MISSED = (Status.LATE, Status.MISSED, Status.SKIPPED, Status.VOIDED, Status.NOT_ADAPTED, Status.NAMED)


def classification_needs_work(score: Score) -> bool:
    judged = score.classification
    return not judged.correct or judged.on_time is False


def type_title(library: Library, score: Score) -> str:
    if score.novel:
        return NOVEL_TITLE
    found = library.type(score.incident)
    return found.title if found else score.incident


def chosen_name(library: Library, judged) -> str:
    """'SEV2 (Major)', or 'Extortion SEV4 (Minor)' when the team chose another incident type."""
    named = severity_name(library, judged.chosen)
    return f"{judged.other_type} {named}" if judged.other_type else named


def severity_name(library: Library, severity_id: str | None) -> str:
    level = library.severity(severity_id) if severity_id else None
    return f"{severity_id} ({level.name})" if level else str(severity_id)


def distinct(steps: Iterable[StepResult]) -> tuple[StepResult, ...]:
    seen: dict[str, StepResult] = {}
    for step in steps:
        seen.setdefault(step.step, step)
    return tuple(seen.values())


def classification_issue(library: Library, score: Score) -> str:
    judged = score.classification
    expected = severity_name(library, judged.expected)
    if judged.verdict is Verdict.NONE:
        return f"The team did not classify the incident; the proven response classifies it {expected}."
    if judged.verdict is Verdict.WRONG_TYPE and score.novel:
        return (
            f"The team forced the {judged.other_type} playbook at minute {minutes(judged.minute)}; no incident type "
            f"fits this scenario: the coaching path (Something else: not in the library) at {expected} was expected."
        )
    if judged.verdict is Verdict.WRONG_TYPE:
        return (
            f"The team declared {chosen_name(library, judged)} at minute {minutes(judged.minute)}: another "
            f"incident type; it was {type_title(library, score)}, expected {expected}."
        )
    timing = "" if judged.on_time is not False else f", later than its limit of {duration(judged.limit or 0)}"
    chosen = severity_name(library, judged.chosen)
    return f"The team classified it {chosen} at minute {minutes(judged.minute)}{timing}; expected {expected}."


def step_issue(step: StepResult, ended_at: float | None = None) -> str:
    if step.status is Status.NOT_REACHED:
        return (
            f"The drill ended at minute {minutes(ended_at)}, before its time box closed "
            f"(minute {minutes(step.deadline)}): not scored."
        )
    if step.status is Status.LATE:
        closed = minutes(step.deadline)
        return f"Done at minute {minutes(step.done_at)}, {late_by(step)} after its time box closed (minute {closed})."
    if step.status is Status.SKIPPED:
        return "Skipped" + (f": {safe(step.reason)}" if step.reason.strip() else ".")
    if step.status is Status.NAMED:
        return (
            f'Named at minute {minutes(step.done_at)} ("{safe(step.reason)}") but never logged as a decision '
            "that someone owns: half credit."
        )
    if step.status is Status.VOIDED:
        return (
            f"Done at minute {minutes(step.done_at)}, after the twist at minute {minutes(step.twist_at or 0)} "
            "had made it pointless: recital, not judgment."
        )
    if step.status is Status.NOT_ADAPTED:
        return "The team went on with the proven response after the twist and recorded no deviation."
    if step.status in (Status.ADAPTED, Status.DEVIATED):
        said = (
            f"At minute {minutes(step.done_at)} the team did something else: "
            f"{safe(step.did)} because {safe(step.reason)}"
        )
        if step.status is Status.ADAPTED:
            return f"{said}. A mentor accepts this: {safe(step.adaptation)}."
        return f"{said}. Not an adaptation the drill's author foresaw: half credit; discuss it in the debrief."
    return f"Not done (its time box closed at minute {minutes(step.deadline)})."


def late_by(step: StepResult) -> str:
    """How long after its time box a late step was done, in words."""
    return minutes_word((step.done_at or step.deadline) - step.deadline)


RATINGS_LEGEND = (
    "P every expected step done in its time box; S every step done, some late; M a step missed but "
    "at least half the weight achieved; U less than half achieved; N not observed (the drill ended "
    "before any of its steps came due). Only the steps the drill reached are rated."
)


def total_text(score: Score) -> str:
    """'65 / 100', saying how many expected steps the drill did not reach (they are not in it)."""
    unseen, expected = len(distinct(score.not_reached)), len(distinct(score.steps))
    if score.steps_credit is None and expected:
        return f"{score.total} / 100 (classification only: the drill ended before any expected step came due)"
    return f"{score.total} / 100" + (f" ({unseen} of {expected} expected steps not reached in play)" if unseen else "")


def no_corrective_action(score: Score) -> str:
    """Why the improvement plan is empty, in words that stay true when the drill ended early."""
    if score.not_reached:
        return "No corrective action: every step the drill reached was done in its time box."
    return "Every objective was performed without challenges: no corrective action."


def objective_percent(objective: ObjectiveResult) -> str:
    return "not scored" if objective.percent is None else f"{objective.percent} %"


def forced_playbook(score: Score) -> str:
    """A novel drill's team that declared a type: what it did, in one sentence."""
    judged = score.classification
    return (
        f"The team forced the {judged.other_type} playbook at minute {minutes(judged.minute)}: "
        "no incident type fits this scenario."
    )


def classification_summary(library: Library, score: Score) -> str:
    judged = score.classification
    limit = f" within {duration(judged.limit)}" if judged.limit is not None else ""
    said = f"Expected {severity_name(library, judged.expected)}{limit}."
    if judged.verdict is Verdict.NONE:
        return f"{said} The team did not classify the incident."
    timing = {True: ", in time", False: ", late", None: ""}[judged.on_time]
    if judged.verdict is Verdict.WRONG_TYPE and score.novel:
        return f"{said} {forced_playbook(score)}"
    if judged.verdict is Verdict.WRONG_TYPE:
        return (
            f"{said} The team declared {chosen_name(library, judged)} at minute {minutes(judged.minute)}: "
            f"another incident type; it was {type_title(library, score)}."
        )
    chosen = severity_name(library, judged.chosen)
    return f"{said} The team classified it {chosen} at minute {minutes(judged.minute)}: {judged.verdict.value}{timing}."
