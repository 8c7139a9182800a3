"""The debrief after a drill: the team's timeline beside the proven response, the lessons that
apply, coaching questions, an after-action report with an improvement plan (HSEEP AAR/IP) in
Markdown, and an improvement item turned into a lesson the mentor can paste into the playbook.

Built from a Score and plain inputs only; the journal and the UI supply them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

import attrs
import yaml

from playbook.model import Drill, IncidentType, Inject, Lesson, Library
from playbook.render import duration, md, minutes, minutes_word
from playbook.scoring import Rating, Score, Status, StepResult, Verdict, response_step

IMPROVEMENT_DAYS = 30  # corrective actions are due a month after the drill unless the team says otherwise
MISSED = (Status.LATE, Status.MISSED, Status.SKIPPED)


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


def classification_needs_work(score: Score) -> bool:
    judged = score.classification
    return not judged.correct or judged.on_time is False


def type_title(library: Library, score: Score) -> str:
    found = library.type(score.incident)
    return found.title if found else score.incident


def chosen_name(library: Library, judged) -> str:
    """'SEV2 (Major)', or 'Extortion SEV4 (Minor)' when the team chose another incident type."""
    named = severity_name(library, judged.chosen)
    return f"{judged.other_type} {named}" if judged.other_type else named


def severity_name(library: Library, severity_id: str | None) -> str:
    level = library.severity(severity_id) if severity_id else None
    return f"{severity_id} ({level.name})" if level else str(severity_id)


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


def distinct(steps: Iterable[StepResult]) -> tuple[StepResult, ...]:
    seen: dict[str, StepResult] = {}
    for step in steps:
        seen.setdefault(step.step, step)
    return tuple(seen.values())


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
        if step.on_time:
            found.append(
                f"{step.do} Done at minute {minutes(step.done_at)}, within its time box (minute "
                f"{minutes(step.deadline)})."
            )
    return tuple(found)


def applied_lessons(incident: IncidentType, score: Score) -> tuple[AppliedLesson, ...]:
    """The playbook's lessons about steps the team did late or not at all, in the author's order."""
    weak = [s.step for s in score.steps if s.status in MISSED]
    return tuple(
        AppliedLesson(lesson, tuple(dict.fromkeys(s for s in weak if s in lesson.steps)))
        for lesson in incident.lessons
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
    judged = score.classification
    if judged.verdict is Verdict.NONE:
        questions.append(
            "You did not settle on a severity. What held you back, and what would have been enough to decide?"
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
    for step in sorted((s for s in score.steps if s.status in MISSED), key=lambda s: -s.weight)[:2]:
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
                issue=_classification_issue(library, score),
                action=f"Practise recognition drills until {judged.expected} is named{within}.",
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
                        action=f"{step.do.rstrip('.')}, within {duration(step.within)} of declaring {judged.expected}.",
                        owner=role.name if role else step.owner,
                    )
                )
    return tuple(items)


def _classification_issue(library: Library, score: Score) -> str:
    judged = score.classification
    expected = severity_name(library, judged.expected)
    if judged.verdict is Verdict.NONE:
        return f"The team did not classify the incident; the proven response classifies it {expected}."
    if judged.verdict is Verdict.WRONG_TYPE:
        return (
            f"The team declared {chosen_name(library, judged)} at minute {minutes(judged.minute)}: another "
            f"incident type; it was {type_title(library, score)}, expected {expected}."
        )
    timing = "" if judged.on_time is not False else f", later than its limit of {duration(judged.limit or 0)}"
    return (
        f"The team classified it {severity_name(library, judged.chosen)} at minute "
        f"{minutes(judged.minute)}{timing}; expected {expected}."
    )


def step_issue(step: StepResult, ended_at: float | None = None) -> str:
    if step.status is Status.NOT_REACHED:
        return (
            f"The drill ended at minute {minutes(ended_at)}, before its time box closed "
            f"(minute {minutes(step.deadline)}): not scored."
        )
    if step.status is Status.LATE:
        return (
            f"Done at minute {minutes(step.done_at)}, {_late_by(step)} after its "
            f"time box closed (minute {minutes(step.deadline)})."
        )
    if step.status is Status.SKIPPED:
        return "Skipped" + (f": {clean(step.reason)}" if step.reason.strip() else ".")
    return f"Not done (its time box closed at minute {minutes(step.deadline)})."


# --- The after-action report ---------------------------------------------------------------------


def after_action_report(report: Debrief, held: date, team: str = "", participants: Iterable[str] = ()) -> str:
    """The HSEEP-style after-action report and improvement plan, as Markdown."""
    score, library, incident, drill = report.score, report.library, report.incident, report.drill
    participants = tuple(participants)
    out = [f"# After-action report: {_text(drill.title)}", ""]
    out += _table(
        ["", ""],
        [
            ["Incident type", f"{_text(incident.title)} ({incident.id})"],
            ["Drill", drill.id],
            ["Held", held.isoformat()],
            *([["Team", _text(team)]] if team else []),
            *([["Participants", _text(", ".join(participants))]] if participants else []),
            ["Score", total_text(score)],
        ],
    )
    out += ["", "## Scenario", "", _text(drill.briefing), ""]
    out += ["## Classification", "", _classification_summary(library, score), ""]
    out += ["## Objectives", ""]
    out += _table(
        ["Objective", "Rating", "Score"],
        [[_text(o.goal), o.rating.label, objective_percent(o)] for o in score.objectives],
    )
    out += ["", f"Ratings (HSEEP): {RATINGS_LEGEND}", ""]
    if report.strengths:
        out += ["## Strengths", ""] + [f"- {_text(s)}" for s in report.strengths] + [""]
    weak = [s for s in score.steps if s.status in MISSED]
    if weak or classification_needs_work(score):
        out += ["## Areas for improvement", ""]
        if classification_needs_work(score):
            out.append(f"- {_text(_classification_issue(library, score))}")
        out += [f"- {_text(s.do)} ({s.step}): {_text(step_issue(s))}" for s in weak]
        out.append("")
    if score.not_reached:
        out += ["## Not reached in play", "", "Not observed, so neither credited nor counted against the team.", ""]
        out += [
            f"- {_text(s.do)} ({s.step}): {_text(step_issue(s, score.ended_at))}" for s in distinct(score.not_reached)
        ]
        out.append("")
    if report.lessons:
        out += ["## Lessons from the playbook that apply", ""]
        for applied in report.lessons:
            out.append(
                f"- **{applied.lesson.id}** (steps: {', '.join(applied.steps)}). "
                f"Mistake: {_text(applied.lesson.mistake)} Instead: {_text(applied.lesson.instead)}"
            )
        out.append("")
    out += ["## Timeline", ""]
    out += _table(
        ["Minute", "Inject", "Team", "Proven response"],
        [
            [
                minutes(row.minute),
                "<br>".join(map(_text, row.injects)),
                "<br>".join(map(_text, row.team)),
                "<br>".join(map(_text, row.proven)),
            ]
            for row in report.timeline
        ],
    )
    out += ["", "## Reflection questions", ""]
    out += [f"{n}. {_text(q)}" for n, q in enumerate(report.questions, 1)]
    out += ["", "## Improvement plan", ""]
    if report.improvements:
        due = (held + timedelta(days=IMPROVEMENT_DAYS)).isoformat()
        out += _table(
            ["#", "Objective", "Issue", "Corrective action", "Owner", "Due"],
            [
                [str(n), _text(item.objective), _text(item.issue), _text(item.action), _text(item.owner), due]
                for n, item in enumerate(report.improvements, 1)
            ],
        )
    else:
        out.append(no_corrective_action(score))
    return "\n".join(out) + "\n"


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


def objective_percent(objective) -> str:
    return "not scored" if objective.percent is None else f"{objective.percent} %"


def _classification_summary(library: Library, score: Score) -> str:
    judged = score.classification
    limit = f" within {duration(judged.limit)}" if judged.limit is not None else ""
    said = f"Expected {severity_name(library, judged.expected)}{limit}."
    if judged.verdict is Verdict.NONE:
        return f"{said} The team did not classify the incident."
    timing = {True: ", in time", False: ", late", None: ""}[judged.on_time]
    if judged.verdict is Verdict.WRONG_TYPE:
        return (
            f"{said} The team declared {chosen_name(library, judged)} at minute {minutes(judged.minute)}: "
            f"another incident type; it was {type_title(library, score)}."
        )
    return (
        f"{said} The team classified it {severity_name(library, judged.chosen)} at minute "
        f"{minutes(judged.minute)}: {judged.verdict.value}{timing}."
    )


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def _text(value: str) -> str:
    """Team or author text as literal Markdown on one line (safe in a table cell too): a note
    such as '[click](...)' or '<img>' stays text, as in the playbook's own export."""
    return md(clean(value))


# --- An improvement item as a proposed lesson ------------------------------------------------------

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """Team-typed text with the characters the playbook format refuses (P110, P111) removed."""
    return _UNSAFE.sub(" ", text)


def proposed_lesson(item: ImprovementItem, report: Debrief, held: date) -> str:
    """The item as a `lessons:` entry, indented to paste under `lessons:` in the incident file."""
    lesson_id = _lesson_id(report, item)
    entry: dict[str, object] = {"id": lesson_id}
    if item.step:
        entry["steps"] = [item.step]
    entry["story"] = f"Drill '{report.drill.title}' on {held.isoformat()}, objective '{item.objective}'."
    entry["mistake"] = _mistake(item, report)
    entry["instead"] = item.action
    entry = {key: " ".join(clean(value).split()) if isinstance(value, str) else value for key, value in entry.items()}
    lines = yaml.dump(entry, Dumper=_LessonDumper, sort_keys=False, allow_unicode=True, width=96).splitlines()
    header = f"# Proposed from drill '{report.drill.id}' on {held.isoformat()}: review before it becomes a lesson."
    block = [header, "- " + lines[0]] + ["  " + line for line in lines[1:]]
    return "".join(f"  {line}\n" for line in block)


class _LessonDumper(yaml.SafeDumper):
    """Block mappings with short lists inline (`steps: [isolate]`), as the bundled files are written."""


_LessonDumper.add_representer(
    list, lambda dumper, items: dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=True)
)


def _mistake(item: ImprovementItem, report: Debrief) -> str:
    """What went wrong, read beside the step the lesson names."""
    step = next((s for s in report.score.steps if s.step == item.step), None)
    if step is None:
        return item.issue
    if step.status is Status.LATE:
        return (
            f"The team did it {_late_by(step)} after its time box closed "
            f"(done at minute {minutes(step.done_at)}, due by minute {minutes(step.deadline)})."
        )
    if step.status is Status.SKIPPED:
        return "The team decided to skip it" + (f": {step.reason.strip()}" if step.reason.strip() else ".")
    return (
        f"The team did not do it, neither by the end of its time box (minute {minutes(step.deadline)}) nor "
        f"later in the drill."
    )


def _lesson_id(report: Debrief, item: ImprovementItem) -> str:
    """drill-<drill>-<step>, cut to the format's 64 characters and unique in the playbook."""
    base = f"drill-{report.drill.id}-{item.step or 'classify'}"[:60].strip("-")
    taken = {lesson.id for lesson in report.incident.lessons}
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _late_by(step: StepResult) -> str:
    """How long after its time box a late step was done, in words."""
    return minutes_word((step.done_at or step.deadline) - step.deadline)
