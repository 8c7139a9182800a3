"""Time boxes: steps grouped the way a leader thinks of them (first 15 minutes, first hour...)."""

from __future__ import annotations

from collections.abc import Iterable

from playbook.model import Step
from playbook.render import duration

# Group edges in minutes from declaration; a step belongs to the first box it fits in.
BOXES = (15, 30, 60, 240, 1440, 4320, 10080)


def box_label(limit: int) -> str:
    return "first hour" if limit == 60 else "first day" if limit == 1440 else f"first {duration(limit)}"


def box_of(minutes: int) -> int:
    return next((edge for edge in BOXES if minutes <= edge), minutes)


def grouped(steps: Iterable[Step]) -> list[tuple[str, list[Step]]]:
    """Steps grouped by time box, in the order the boxes close; steps keep the author's order."""
    groups: dict[int, list[Step]] = {}
    for step in steps:
        groups.setdefault(box_of(step.within), []).append(step)
    return [(box_label(edge) if edge in BOXES else f"within {duration(edge)}", groups[edge]) for edge in sorted(groups)]
