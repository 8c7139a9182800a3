"""The board's entries made through a pick list or a form: skip, did something else, note or
decision (back-dated if need be), correction, role, close; and the reports and who is typing.
Each pick hands its choice to a form and returns the form's AwaitMount, so the keys typed after
a digit reach the form."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import AwaitMount

from playbook import reports
from playbook.incident import Incident, parse_when
from playbook.journal import Draft
from playbook.live import REPORT_NAMES
from playbook.render import hhmm
from tui.screens.form import Field, FormScreen, when_filled
from tui.screens.pick import PickScreen
from tui.screens.report import ReportScreen
from tui.widgets.live import one_line

if TYPE_CHECKING:
    from tui.screens.incident import IncidentScreen


def form(
    board: IncidentScreen,
    title: str,
    fields: list[Field],
    then: Callable[[dict[str, str]], object],
    intro: str | Content = "",
) -> AwaitMount:
    """A form over the board whose answers go to `then`; returns its AwaitMount, so keys typed
    ahead reach it."""
    return board.app.push_screen(FormScreen(title, fields, intro=intro), when_filled(then))


def entry_form(
    board: IncidentScreen,
    title: str,
    fields: list[Field],
    make: Callable[[Incident, dict[str, str]], Draft],
    intro: str | Content = "",
) -> AwaitMount:
    """A form whose answers make one entry (`make(state, answers)`), recorded when it is saved."""
    return form(board, title, fields, lambda got: board.attempt(lambda s: make(s, got)), intro)


WHEN_LABEL = "When it happened: blank for now, -10 for ten minutes ago, or HH:MM UTC (F1: more)"


async def skip(board: IncidentScreen) -> None:
    step = board.chosen
    if step is None:
        return
    await entry_form(
        board,
        "Skip a step",
        [Field("reason", "Why is it skipped?")],
        lambda s, got: s.mark(step.id, "skipped", board.actor, board.now(), reason=got["reason"]),
        Content(step.do),
    )


async def deviate(board: IncidentScreen) -> None:
    """Something else than a step says (the highlighted one), or than the response as a whole."""
    step = board.chosen if board.chosen and board.chosen.is_open else None
    choices = [(step.id, f"Instead of this step: {step.do}")] if step else []
    choices.append(("", "Instead of the response as a whole"))
    await board.app.push_screen(
        PickScreen("Did something else: instead of what?", choices, then=lambda sid: did_instead(board, sid or None))
    )


def did_instead(board: IncidentScreen, step_id: str | None):
    return entry_form(
        board,
        "Did something else",
        [Field("did", "What did the team do instead?"), Field("reason", "Because (why)")],
        lambda s, got: s.deviate(step_id, got["did"], got["reason"], board.actor, board.now()),
    )


async def write(board: IncidentScreen, kind: str) -> None:
    fields = [
        Field("text", "Decision" if kind == "decision" else "Note"),
        Field("when", WHEN_LABEL, required=False, check=lambda text: time_problem(text, board.now())),
    ]
    await form(board, f"Record a {kind}", fields, lambda got: written(board, kind, got))


def written(board: IncidentScreen, kind: str, got: dict[str, str]) -> None:
    moment = board.now()
    happened = parse_when(got.get("when", ""), moment)  # the form checked it
    before = board.live.waiting
    board.attempt(lambda s: s.write(kind, got["text"], board.actor, moment, happened_at=happened))
    if board.live.waiting > before:  # marked in the log, and its number said once recorded
        board.spotlight = board.live.outbox.waiting[-1].uid
        board.show()


def time_problem(text: str, now: datetime) -> str | None:
    try:
        parse_when(text, now)
    except ValueError as error:
        return str(error)
    return None


async def correct(board: IncidentScreen) -> None:
    state = board.state
    entries = [e for e in reversed(state.entries) if e.seq][:30]
    # Picked by the incident's own numbers; the seq, the journal's key, is what the correction points at.
    choices = [
        (
            str(e.seq),
            f"{state.number(e.seq)} {board.log_time(e) or hhmm(e.happened_at)} {reports.describe(state, e, one_line)}",
        )
        for e in entries
    ]
    await board.app.push_screen(
        PickScreen("Correct which entry? (the original stays)", choices, then=lambda seq: correction(board, int(seq)))
    )


def correction(board: IncidentScreen, seq: int):
    return entry_form(
        board,
        f"Correction of {board.state.number(seq)}",
        [Field("text", "What is right")],
        lambda s, got: s.correct(seq, got["text"], board.actor, board.now()),
    )


async def assign(board: IncidentScreen) -> None:
    roles = board.live.roles()
    choices = [
        (rid, f"{name}: {one_line(h.person)}" if (h := board.state.holder(rid)) else f"{name}: unassigned")
        for rid, name in roles
    ]
    await board.app.push_screen(
        PickScreen("Assign or hand over a role", choices, then=lambda rid: taken(board, rid, dict(roles)[rid]))
    )


def taken(board: IncidentScreen, role: str, name: str):
    holder = board.state.holder(role)
    return entry_form(
        board,
        name,
        [Field("person", "Who takes it")],
        lambda s, got: s.assign(role, name, got["person"], board.actor, board.now()),
        f"Handed over from {one_line(holder.person)}" if holder else "",
    )


async def close(board: IncidentScreen) -> None:
    left = sum(s.is_open for s in board.state.steps)
    await entry_form(
        board,
        "Close the incident",
        [Field("summary", "Outcome, in a sentence", required=False)],
        lambda s, got: s.close(board.actor, board.now(), got["summary"]),
        f"{left} step{'s' * (left != 1)} still open." if left else "Every step is handled.",
    )


async def report(board: IncidentScreen) -> None:
    """A report of the record as it stands, to read, save beside the journal or copy."""

    def show(kind: str):
        moment = board.now()
        text = reports.report(board.state, kind, moment, board.time_boxes.timing)  # a drill's in drill minutes
        return board.app.push_screen(ReportScreen(REPORT_NAMES[kind], text, board.live.report_path(kind, moment)))

    await board.app.push_screen(PickScreen("Which report?", list(REPORT_NAMES.items()), then=show))


async def whoami(board: IncidentScreen) -> None:
    name = [Field("name", "Your name", board.actor)]
    await form(board, "Who is typing at this terminal?", name, lambda got: board.set_actor(got["name"].strip()))
