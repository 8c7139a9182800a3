"""What the drill screens share: the clock they read, the journal they open, and how a drill's
minute and injects read on screen."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.app import App
from textual.content import Content

from playbook.debrief import minutes
from playbook.drill import PlayerInject
from playbook.incident import IncidentError
from playbook.journal import Journal, JournalError
from playbook.model import Inject, Library
from tui.widgets.live import clock

# What a drill's entries can raise when another terminal (or a newer version) wrote something
# this one cannot read: shown as a problem on screen, never a crash in the middle of a drill.
UNREADABLE = (JournalError, IncidentError, KeyError, TypeError, ValueError)

DRILL_MARK = "◆ DRILL"  # a word and a symbol on every drill screen: never mistaken for a live incident


def now() -> datetime:
    """The drill screens' clock (tests replace it, so no test waits in real time)."""
    return datetime.now(UTC)


def open_journal(app: App, create: bool = False) -> Journal:
    from tui.screens.incident import open_journal as board_journal  # the same journal as live incidents

    return board_journal(app, create)


def read_journal(app: App) -> Journal | None:
    from tui.screens.incident import read_journal as board_journal

    return board_journal(app)


def tenths(minute: float) -> str:
    """A drill minute cut (not rounded) to tenths, so no screen says a minute has come early."""
    return minutes(int(minute * 10) / 10)


def clock_line(run) -> str:
    """'Minute 5 · accelerated x4 · next inject (minute 10) in 1:15'."""
    release = run.release
    parts = [f"Minute {tenths(release.minute)}", release.pace.name]
    coming = release.next
    if run.ended:
        parts.append("the drill has ended")
    elif coming is None:
        parts.append("every inject is out")
    elif release.pace.by_hand:
        parts.append(f"next inject: minute {coming.at}, by the facilitator")
    else:
        from datetime import timedelta

        parts.append(f"next inject (minute {coming.at}) in {clock(timedelta(seconds=release.seconds_to_next))}")
    return " · ".join(parts)


def player_inject(inject: PlayerInject) -> Content:
    return Content.assemble((f"Minute {inject.at}  ", "bold"), inject.message.strip())


def facilitator_inject(inject: Inject, out: bool, library: Library, incident) -> Content:
    """An inject with everything the facilitator holds: what it reveals, the twist, the notes."""
    state = ("✓ OUT   ", "bold") if out else ("· later ", "")
    parts: list = [state, (f"minute {inject.at}  ", "bold")]
    if inject.twist:
        parts.append(("TWIST  ", "bold reverse"))
    parts.append(inject.message.strip())
    for question_id, answer_id in inject.reveals:
        question = incident.triage.question(question_id)
        answer = question.answer(answer_id) if question else None
        if question and answer:
            parts += ["\n         Reveals: ", question.ask, " → ", answer.label]
    if inject.facilitator:
        parts += ["\n         ", ("Facilitator: ", "bold"), inject.facilitator.strip()]
    return Content.assemble(*parts)
