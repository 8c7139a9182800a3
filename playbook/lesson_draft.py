"""An improvement item from a drill's debrief, written as a proposed lesson for the playbook."""

from __future__ import annotations

from datetime import date

import yaml

from playbook.debrief import Debrief, ImprovementItem
from playbook.drill_words import late_by
from playbook.render import minutes
from playbook.safe import safe
from playbook.scoring import Status


def proposed_lesson(item: ImprovementItem, report: Debrief, held: date) -> str:
    """The item as a `lessons:` entry, indented to paste under `lessons:` in the incident file."""
    lesson_id = _lesson_id(report, item)
    entry: dict[str, object] = {
        "id": lesson_id,
        "status": "draft",
    }  # an author accepts or rejects it before leaders see it
    if item.step in report.incident.step_ids:  # not a twist's own item, which is no response step
        entry["steps"] = [item.step]
    entry["story"] = f"Drill '{report.drill.title}' on {held.isoformat()}, objective '{item.objective}'."
    entry["mistake"] = _mistake(item, report)
    entry["instead"] = item.action
    entry = {key: " ".join(safe(value).split()) if isinstance(value, str) else value for key, value in entry.items()}
    lines = yaml.dump(entry, Dumper=_LessonDumper, sort_keys=False, allow_unicode=True, width=96).splitlines()
    header = (
        f"# Proposed from drill '{report.drill.id}' on {held.isoformat()}: "
        f"playbook lesson accept|reject {report.incident.id} {lesson_id}"
    )
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
            f"The team did it {late_by(step)} after its time box closed "
            f"(done at minute {minutes(step.done_at)}, due by minute {minutes(step.deadline)})."
        )
    if step.status is Status.VOIDED:
        return (
            f"The team ticked it at minute {minutes(step.done_at)}, after the twist at minute "
            f"{minutes(step.twist_at or 0)} had made it pointless."
        )
    if step.status is Status.NOT_ADAPTED:
        twist = next((i.twist for i in report.drill.twists if i.id == step.twist), None)
        wrong = f" {twist.gets_wrong.strip()}" if twist and twist.gets_wrong else ""
        return f"At the twist (minute {minutes(step.twist_at or 0)}) the team went on with the proven response.{wrong}"
    if step.status is Status.SKIPPED:
        return "The team decided to skip it" + (f": {step.reason.strip()}" if step.reason.strip() else ".")
    return (
        f"The team did not do it, neither by the end of its time box (minute {minutes(step.deadline)}) "
        "nor later in the drill."
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
