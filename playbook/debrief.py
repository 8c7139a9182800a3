"""The debrief after a drill: the team's timeline beside the proven response, its judgment at
the twists, the strengths, the lessons that apply, coaching questions and the improvement plan.

Built from a Score and plain inputs only; the journal and the UI supply them. The Markdown
report is in playbook.aar, a proposed lesson in playbook.lesson_draft, the wording shared by
all of them in playbook.drill_words.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from playbook.drill_words import (
    MISSED,
    chosen_name,
    classification_issue,
    classification_needs_work,
    distinct,
    severity_name,
    step_issue,
    type_title,
)
from playbook.judgment import TwistJudgment, judgment
from playbook.model import Drill, IncidentType, Inject, Lesson, Library
from playbook.render import duration, minutes
from playbook.scoring import Rating, Score, Status, StepResult, Verdict, response_step

IMPROVEMENT_DAYS = 30  # corrective actions are due a month after the drill unless the team says otherwise
# Misses of speed, asked about as such; misses of judgment at a twist have the twist's own questions.
TIMED_MISSES = (Status.LATE, Status.MISSED, Status.SKIPPED)


@attrs.frozen
class TeamEntry:
    """Something the team logged during the drill (a decision, a message, a note)."""

    minute: float
    text: str


@attrs.frozen
class TimelineRow:
    """One drill minute: what arrived, what the team did, what the proven response does by then."""

    minute: float
    injects: tuple[str, ...] = ()
    team: tuple[str, ...] = ()
    proven: tuple[str, ...] = ()


@attrs.frozen
class AppliedLesson:
    lesson: Lesson
    steps: tuple[str, ...]  # the late or missed steps it speaks to


@attrs.frozen
class ImprovementItem:
    """One line of the improvement plan."""

    objective: str  # the objective's goal, or "Classify the incident"
    rating: Rating | None
    step: str | None  # the response step, when the issue is a step
    status: Status | None  # how the step went; None for the classification
    issue: str
    action: str
    owner: str  # a role name, or "whole team"


@attrs.frozen
class Debrief:
    incident: IncidentType = attrs.field(repr=False)
    library: Library = attrs.field(repr=False)
    drill: Drill = attrs.field(repr=False)
    score: Score
    timeline: tuple[TimelineRow, ...]
    strengths: tuple[str, ...]
    lessons: tuple[AppliedLesson, ...]
    questions: tuple[str, ...]
    improvements: tuple[ImprovementItem, ...]
    judgment: tuple[TwistJudgment, ...] = ()


def debrief(
    incident: IncidentType,
    library: Library,
    drill: Drill,
    score: Score,
    team_log: Iterable[TeamEntry] = (),
    released: Iterable[Inject] | None = None,
) -> Debrief:
    """The debrief of one scored run. `released` defaults to every inject of the drill."""
    injects = tuple(sorted(drill.injects if released is None else released, key=lambda i: i.at))
    return Debrief(
        incident=incident,
        library=library,
        drill=drill,
        score=score,
        timeline=timeline(incident, library, score, injects, tuple(team_log)),
        strengths=strengths(score),
        lessons=applied_lessons(incident, score),
        questions=reflection_questions(library, drill, score, injects),
        improvements=improvement_plan(library, score),
        judgment=judgment(drill, score, injects),
    )


def timeline(
    incident: IncidentType, library: Library, score: Score, injects: tuple[Inject, ...], team_log: tuple[TeamEntry, ...]
) -> tuple[TimelineRow, ...]:
    rows: dict[float, dict[str, list[str]]] = {}

    def put(minute: float, column: str, text: str) -> None:
        rows.setdefault(minute, {"injects": [], "team": [], "proven": []})[column].append(text)

    for inject in injects:
        put(inject.at, "injects", ("Twist: " if inject.twist else "") + inject.message.strip())
    judged = score.classification
    if judged.minute is not None:
        put(judged.minute, "team", f"Classified {chosen_name(library, judged)}: {judged.verdict.value}")
    steps = distinct(score.steps)
    for step in steps:
        if step.done_at is not None:
            put(step.done_at, "team", f"{step.do} [{step.step}, {step.status.value}]")
    for step_id, minute in score.other_steps:
        put(minute, "team", f"{_do(incident, score, step_id)} [{step_id}, not expected in this drill]")
    for entry in team_log:
        put(entry.minute, "team", entry.text.strip())
    put(
        judged.limit if judged.limit is not None else score.declared_at,
        "proven",
        f"Classify as {severity_name(library, judged.expected)}",
    )
    for step in steps:
        put(
            step.deadline,
            "proven",
            f"{step.do} [{step.step}, by minute {minutes(step.deadline)}{_unless_reached(score, step)}]",
        )
    return tuple(
        TimelineRow(minute, tuple(cells["injects"]), tuple(cells["team"]), tuple(cells["proven"]))
        for minute, cells in sorted(rows.items())
    )


def _do(incident: IncidentType, score: Score, step_id: str) -> str:
    """A step as the response the team worked words it (see playbook.scoring)."""
    step = response_step(incident, (score.worked, score.classification.expected), step_id)
    return step.do if step else step_id


def _unless_reached(score: Score, step: StepResult) -> str:
    return "" if step.reached else f"; not reached: the drill ended at minute {minutes(score.ended_at)}"


def strengths(score: Score) -> tuple[str, ...]:
    found = []
    judged = score.classification
    if not classification_needs_work(score):
        found.append(f"Classified correctly as {judged.expected} at minute {minutes(judged.minute)}.")
    for step in distinct(score.steps):
        if step.status is Status.ADAPTED and step.twist == step.step:
            found.append(f"Adapted at the twist (minute {minutes(step.deadline)}): {step.did}, because {step.reason}.")
        elif step.status is Status.ADAPTED:
            found.append(
                f'Instead of "{step.do.rstrip(".")}": {step.did}, because {step.reason}. A mentor accepts this.'
            )
        if step.on_time:
            found.append(
                f"{step.do} Done at minute {minutes(step.done_at)}, "
                f"within its time box (minute {minutes(step.deadline)})."
            )
    return tuple(found)


def applied_lessons(incident: IncidentType, score: Score) -> tuple[AppliedLesson, ...]:
    """The playbook's lessons about steps the team did late or not at all, in the author's order."""
    weak = [s.step for s in score.steps if s.status in MISSED]
    return tuple(
        AppliedLesson(lesson, tuple(dict.fromkeys(s for s in weak if s in lesson.steps)))
        for lesson in incident.reviewed_lessons
        if any(s in lesson.steps for s in weak)
    )


def reflection_questions(library: Library, drill: Drill, score: Score, injects: tuple[Inject, ...]) -> tuple[str, ...]:
    """Coaching questions: start from what worked, then the twist, the misses, the drill's own
    questions, and end with what the team will do differently."""
    questions = ["What went well that you want to keep doing in a real incident?"]
    for twist in (i for i in injects if i.twist):
        questions.append(
            f'At minute {twist.at} the proven response did not fit: "{twist.message.strip()}" '
            "What did you notice, how did you decide, and what did the twist teach you?"
        )
        assert twist.twist is not None
        questions.extend(twist.twist.questions)
    judged = score.classification
    if judged.verdict is Verdict.NONE:
        questions.append(
            "You did not settle on a severity. What held you back, and what would have been enough to decide?"
        )
    elif judged.verdict is Verdict.WRONG_TYPE and score.novel:
        questions.append(
            f"What made it look like {judged.other_type}? Which fact did its playbook not fit, and what "
            "would have sent you to the coaching questions (Something else: not in the library) sooner?"
        )
    elif judged.verdict is Verdict.WRONG_TYPE:
        questions.append(
            f"What made it look like {judged.other_type}? "
            f"Which cue would have told you it was {type_title(library, score)}?"
        )
    elif not judged.correct:
        questions.append(
            f"What told you it was {judged.chosen}? Which fact would have pointed you to {judged.expected}?"
        )
    elif judged.on_time is False:
        questions.append("What were you waiting for before you classified, and could you have acted on suspicion?")
    for step in sorted((s for s in score.steps if s.status in TIMED_MISSES), key=lambda s: -s.weight)[:2]:
        questions.append(
            f'What got in the way of "{step.do.rstrip(".")}" in time, and what would make it automatic next time?'
        )
    unseen = sorted(score.not_reached, key=lambda s: -s.weight)[:1]
    for step in unseen:  # not observed: ask how the team would have gone on, not what went wrong
        questions.append(
            f'The drill ended before "{step.do.rstrip(".")}" came due (minute {minutes(step.deadline)}). '
            "Who would have owned it, and when would you have started?"
        )
    questions.extend(drill.questions)
    questions.append("If this happened for real tomorrow, what would you do differently?")
    return tuple(questions)


def improvement_plan(library: Library, score: Score) -> tuple[ImprovementItem, ...]:
    items = []
    judged = score.classification
    if classification_needs_work(score):
        within = f" within {duration(judged.limit)}" if judged.limit is not None else " from the first facts"
        items.append(
            ImprovementItem(
                objective="Classify the incident",
                rating=None,
                step=None,
                status=None,
                issue=classification_issue(library, score),
                action=(
                    f"When no playbook's cues fit, say so{within}: Something else (F5), the library's severity "
                    "questions, then the coaching prompts; borrow steps rather than force a playbook."
                    if score.novel and judged.verdict is Verdict.WRONG_TYPE
                    else f"Practise recognition drills until {judged.expected} is named{within}."
                ),
                owner="whole team",
            )
        )
    for objective in score.objectives:
        for step in objective.steps:
            if step.status in MISSED:
                role = library.role(step.owner)
                items.append(
                    ImprovementItem(
                        objective=objective.goal,
                        rating=objective.rating,
                        step=step.step,
                        status=step.status,
                        issue=step_issue(step),
                        action=_action(step, judged.expected),
                        owner=role.name if role else step.owner,
                    )
                )
    return tuple(items)


def _action(step: StepResult, expected: str) -> str:
    """The corrective action for a weak item: at a twist it is judgment, not speed, to practise."""
    if step.status is Status.NOT_ADAPTED:
        return (
            "At a twist, stop and test whether the proven response still fits; "
            "decide what to do instead and record it, with the reason, as a deviation."
        )
    if step.status is Status.VOIDED:
        return (
            f'Before ticking "{step.do.rstrip(".")}", check it still serves its purpose after what changed; '
            "if it does not, record what the team does instead and why."
        )
    return f"{step.do.rstrip('.')}, within {duration(step.within)} of declaring {expected}."
