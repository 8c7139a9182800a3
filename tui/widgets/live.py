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
from playbook.reports import describe

OVERDUE = "⚠ OVERDUE"
UNSAVED = "◌ UNSAVED"


def clock(delta: timedelta) -> str:
    """A countdown as a leader reads it: 4:05, 1:02:30; past a day in days and hours (2 d 23 h),
    since '119:58:36' reads as nothing at 2 a.m."""
    seconds = int(abs(delta.total_seconds()))
    if seconds >= 86400:
        days, hours = divmod(seconds // 3600, 24)
        return f"{days} d {hours} h"
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def elapsed(delta: timedelta) -> str:
    """A duration in words, so it never reads as a clock time: 42 s, 12 min, 1 h 05 min."""
    seconds = int(abs(delta.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    hours, minutes = divmod(seconds // 60, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def hhmm(moment: datetime | None) -> str:
    return moment.strftime("%H:%M") if moment else "--:--"


def deadline(moment: datetime, now: datetime) -> str:
    """A due time: HH:MM within the day ahead, with its date when further ('Sat 28 Nov 06:00')."""
    return hhmm(moment) if moment - now < timedelta(hours=20) else moment.strftime("%a %d %b %H:%M")


def one_line(text: str) -> str:
    """Typed text on one line, with any control character (an escape sequence pasted into a note)
    shown as \\uXXXX instead of reaching the terminal."""
    return quote(" ".join(text.split()), limit=sys.maxsize)[1:-1]


class TimeBoxes:
    """How the board counts time boxes: in real time, as a live incident runs. The drill board
    counts the same boxes in drill minutes (tui/screens/drill_board.py), the clock it is scored by."""

    def left(self, step: StepState, now: datetime) -> timedelta:
        """Time left in the step's box; negative once it is overdue."""
        return step.remaining(now)

    def late_by(self, step: StepState) -> timedelta:
        """How long after its box closed a done step was done; not positive when in time."""
        return step.at - step.due

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
    if step.status == "done":
        late = f" · {clock(boxes.late_by(step))} late" if boxes.late_by(step) > timedelta(0) else ""
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
            (f"{OVERDUE} by {clock(left)}  ", "bold reverse"),
            (step.do, "bold"),
            f"  · {owner} · was due {boxes.due(step)}",
            *not_when,
        )
    return Content.assemble(
        ("☐ ", "bold"), (f"{clock(left)} left  ", "bold"), step.do, f"  · {owner} · due {boxes.due(step)}", *not_when
    )


def log_line(incident: Incident, entry: Entry, unsaved: bool, spotlight: bool = False) -> Content:
    """`spotlight`: the entry just recorded, marked so the eye finds it wherever it sorts."""
    mark = (f"{UNSAVED} ", "bold reverse") if unsaved else (f"#{entry.seq} ", "bold")
    mark = (f"▶ {mark[0]}", "bold reverse") if spotlight else mark
    logged = f" (logged {hhmm(entry.logged_at)})" if (entry.logged_at - entry.happened_at).total_seconds() > 60 else ""
    fixes = incident.corrected_by.get(entry.seq) if not unsaved else None
    corrected = f"  [corrected by {', '.join(f'#{s}' for s in fixes)}]" if fixes else ""
    return Content.assemble(
        mark,
        f"{hhmm(entry.happened_at)}{logged} {one_line(entry.actor)}: ",
        describe(incident, entry, one_line),
        corrected,
    )
