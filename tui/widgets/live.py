"""Lines of the live incident board: steps with their countdowns, and log entries.

Overdue and unsaved are said in words and symbols, never by colour alone. Typed text goes
into Content as data, never as markup.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

from textual.content import Content

from playbook.incident import Incident, StepState
from playbook.journal import Entry
from playbook.problems import quote
from playbook.render import countdown, deadline, hhmm
from playbook.reports import WALL_CLOCK, Timing, describe

OVERDUE = "⚠ OVERDUE"
UNSAVED = "◌ UNSAVED"


def one_line(text: str) -> str:
    """Typed text on one line, with any control character (an escape sequence pasted into a note)
    shown as \\uXXXX instead of reaching the terminal."""
    return quote(" ".join(text.split()), limit=sys.maxsize)[1:-1]


class TimeBoxes:
    """How the board counts time boxes: in real time, as a live incident runs. The drill board
    counts the same boxes in drill minutes (tui/screens/drill_board.py), the clock it is scored by.
    `timing`: how the reports opened from the board say time, by the same clock."""

    timing: Timing = WALL_CLOCK

    def left(self, step: StepState, now: datetime) -> timedelta:
        """Time left in the step's box; negative once it is overdue."""
        return step.remaining(now)

    def late_by(self, step: StepState) -> timedelta:
        """How long after its box closed a done step was done; not positive when in time."""
        return step.at - step.due if step.at else timedelta(0)

    def due(self, step: StepState) -> str:
        return deadline(step.due, step.added_at)

    def due_in_words(self, step: StepState) -> str:
        return f"{hhmm(step.due)} UTC"

    def moment(self, when: datetime) -> str:
        return hhmm(when)

    def overdue(self, incident: Incident, now: datetime) -> tuple[StepState, ...]:
        return tuple(s for s in incident.steps if s.is_open and self.left(s, now) < timedelta(0))


REAL_TIME = TimeBoxes()


def step_line(
    step: StepState, owner: str, now: datetime, boxes: TimeBoxes = REAL_TIME, closed: bool = False
) -> Content:
    """`closed`: the incident is closed, so an open step shows how it ended, not a countdown."""
    if step.status == "done" and step.at is not None:  # a done step has its time
        late = f" · {countdown(boxes.late_by(step))} late" if boxes.late_by(step) > timedelta(0) else ""
        return Content.assemble(
            ("✓ DONE     ", "bold"), step.do, f"  — {one_line(step.by)} at {boxes.moment(step.at)}{late}"
        )
    if step.status == "skipped":
        return Content.assemble(("✗ SKIPPED  ", "bold"), step.do, f"  — {one_line(step.by)}: {one_line(step.reason)}")
    if step.status == "deviated":
        return Content.assemble(("↷ INSTEAD  ", "bold"), step.do, f"  — {one_line(step.by)} {one_line(step.outcome)}")
    if closed:
        return Content.assemble(("○ NOT DONE ", "bold"), step.do, f"  · {owner} · was due {boxes.due(step)}")
    left = boxes.left(step, now)
    # Judgment beside the step: when a mentor would not take it, and what instead.
    not_when = (("  · not when: ", "italic"), (step.not_when, "italic")) if step.not_when else ()
    if left < timedelta(0):
        return Content.assemble(
            (f"{OVERDUE} by {countdown(left)}  ", "bold reverse"),
            (step.do, "bold"),
            f"  · {owner} · was due {boxes.due(step)}",
            *not_when,
        )
    return Content.assemble(
        ("☐ ", "bold"),
        (f"{countdown(left)} left  ", "bold"),
        step.do,
        f"  · {owner} · due {boxes.due(step)}",
        *not_when,
    )


def log_line(incident: Incident, entry: Entry, unsaved: bool, spotlight: bool = False, when: str = "") -> Content:
    """`spotlight`: the entry just recorded, marked so the eye finds it wherever it sorts; `when`:
    the entry's time as the board counts it (a drill's board: the drill minute and the UTC time)."""
    mark = (f"{UNSAVED} ", "bold reverse") if unsaved else (f"{incident.number(entry.seq)} ", "bold")
    mark = (f"▶ {mark[0]}", "bold reverse") if spotlight else mark
    logged = f" (logged {hhmm(entry.logged_at)})" if (entry.logged_at - entry.happened_at).total_seconds() > 60 else ""
    fixes = incident.corrected_by.get(entry.seq) if not unsaved else None
    corrected = f"  [corrected by {', '.join(incident.number(s) for s in fixes)}]" if fixes else ""
    return Content.assemble(
        mark,
        f"{when or hhmm(entry.happened_at)}{logged} {one_line(entry.actor)}: ",
        describe(incident, entry, one_line),
        corrected,
    )
