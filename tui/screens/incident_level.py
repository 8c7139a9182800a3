"""The board's flows that change what the incident is: re-triage, a severity set directly, a new
incident type, and the status update. Each ends in one entry; a change of level ends with a
notice of what it did to the steps (deadlines tightened, steps back), so nothing moves unseen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content

from playbook import reports
from playbook.incident import Incident, IncidentError, recorded_walk
from playbook.live import level_change
from playbook.model import IncidentType, Library
from tui.screens import incident_entries
from tui.screens.form import Field
from tui.screens.pick import PickScreen
from tui.widgets import severity as severity_text
from tui.widgets.live import one_line

if TYPE_CHECKING:
    from playbook.triage import Walk
    from tui.screens.incident import IncidentScreen

TIME_GRAMMAR = (
    "When it happened (notes and decisions): leave it blank for now; -10 (or 10, -10m, '10 min ago') "
    "for ten minutes ago; -2h (or '2 h ago') for two hours ago; 14:05 for that time today in UTC "
    "(yesterday, if that is later than now). A time later than now is refused."
)


def help_notes(incident_type: IncidentType | None) -> list[Content]:
    notes = [Content(TIME_GRAMMAR)]
    if incident_type is not None and incident_type.does_not_apply:
        notes.append(Content.assemble(("When this response does not apply", "bold underline")))
        notes += [
            Content(f"• {item.when}: {item.instead}" + (f" (see {item.see})" if item.see else ""))
            for item in incident_type.does_not_apply
        ]
    return notes


def known(board: IncidentScreen) -> tuple[Library, IncidentType]:
    """The library and the incident's type: these flows are offered only when both are known."""
    if board.library is None or board.incident_type is None:
        raise IncidentError("the incident's type is not in the library loaded")
    return board.library, board.incident_type


def library_of(board: IncidentScreen) -> Library:
    """The library alone: enough to re-classify a novel incident, whose type is in no library."""
    if board.library is None:
        raise IncidentError("no library is loaded")
    return board.library


async def retriage(board: IncidentScreen) -> None:
    """Facts arrived: the type's triage again, from the recorded answers, to change any of them."""
    from tui.screens.triage import TriageScreen

    library, kind = known(board)
    walk = recorded_walk(board.state, kind, library)
    await board.app.push_screen(TriageScreen(kind, library, walk, on_settled=lambda w: settled(board, w)))


def settled(board: IncidentScreen, walk: Walk):
    """The settled re-triage: asks what changed; returns the form's AwaitMount (or None)."""
    answers = walk.answered  # questions and answers themselves: the record keeps their ids
    severity_id = settled_severity(walk)
    if severity_id != board.state.severity.id:
        return change_level(board, severity_id, answers)
    try:  # the same answers too: nothing to record, said at once rather than after the form
        board.state.triage_again(answers, board.actor, board.now())
    except IncidentError as error:
        board.notify(str(error), severity="warning", markup=False)
        return None
    stays = f"The severity stays {severity_text.label_of(known(board)[0], severity_id)}: the new answers are recorded."
    return incident_entries.form(
        board,
        f"Re-triage: {severity_id} stays",
        [Field("reason", "What changed", required=False)],
        lambda got: board.attempt(lambda s: s.triage_again(answers, board.actor, board.now(), reason=got["reason"])),
        stays,
    )


async def pick_severity(board: IncidentScreen) -> None:
    """When the triage tree does not fit the facts: pick the severity itself."""
    choices = [
        (lvl.id, f"{severity_text.label(lvl)}{'  (now)' if lvl.id == board.state.severity.id else ''}")
        for lvl in known(board)[0].severities
    ]
    await board.app.push_screen(
        PickScreen("Set the severity (the triage tree does not fit)", choices, then=lambda sid: picked(board, sid))
    )


def picked(board: IncidentScreen, severity_id: str):
    if severity_id == board.state.severity.id:
        return None
    return change_level(board, severity_id, ())


def change_level(board: IncidentScreen, severity_id: str, answers) -> object:
    """Asks what changed, records the re-triage and says what it did to the steps."""
    library, kind = known(board)
    label = severity_text.label_of(library, severity_id)
    return incident_entries.form(
        board,
        f"Re-triage to {severity_id}",
        [Field("reason", "What changed", required=False)],
        lambda got: record_level(
            board,
            lambda s: s.retriage(library, kind, severity_id, board.actor, board.now(), answers, got["reason"]),
        ),
        f"{label}: its steps, texts and time boxes apply from now; no deadline moves later.",
    )


async def pick_type(board: IncidentScreen) -> None:
    """It turned out to be another type: choose it, then its triage from what is already known."""
    library = library_of(board)
    choices = [(t.id, t.title) for t in library.types if t.id != board.state.type_id]
    await board.app.push_screen(
        PickScreen(
            "Change the incident type to (the record carries on)", choices, then=lambda tid: new_type(board, tid)
        )
    )


def new_type(board: IncidentScreen, type_id: str):
    from tui.screens.triage import TriageScreen

    library = library_of(board)
    kind = library.type(type_id)
    if kind is None:
        return None
    walk = recorded_walk(board.state, kind, library)
    return board.app.push_screen(TriageScreen(kind, library, walk, on_settled=lambda w: reclassify(board, kind, w)))


def reclassify(board: IncidentScreen, kind: IncidentType, walk: Walk):
    answers = walk.answered  # questions and answers themselves: the record keeps their ids
    library = library_of(board)
    severity_id = settled_severity(walk)
    intro = f"{one_line(board.state.type_title)} → {kind.title} at {severity_text.label_of(library, severity_id)}"
    return incident_entries.form(
        board,
        "Change the incident type",
        [Field("reason", "Why is it this type? (shown in the timeline)")],
        lambda got: record_level(
            board,
            lambda s: s.reclassify(library, kind, severity_id, board.actor, board.now(), answers, got["reason"]),
        ),
        intro,
    )


def record_level(board: IncidentScreen, make) -> None:
    """Records a change of level and tells the commander what it did to the steps."""
    before: Incident = board.state
    board.attempt(make)
    if board.state is before:  # refused: attempt said why
        return
    lines = [_short(line) for line in level_change(before, board.state)]
    board.notify(
        "\n".join(lines) or "No open step changed.",
        title=f"Now {board.state.severity.id}: what changed",
        markup=False,
        timeout=30,
    )


def settled_severity(walk: Walk) -> str:
    """A settled walk's severity (the triage screen hands over only settled walks)."""
    if walk.severity is None:
        raise IncidentError("the triage is not settled yet")
    return walk.severity


def _short(line: str, limit: int = 70) -> str:
    """A notice line cut to what a toast can show; the board and the log have the whole step."""
    line = one_line(line)
    return line if len(line) <= limit else line[: limit - 1] + "…"


async def status_update(board: IncidentScreen) -> None:
    """The situation now in one line (kept from the last update unless changed), then the update
    is recorded as sent, built from the record at that moment."""
    last = board.state.situation
    situation = [Field("situation", "Situation now, in one line", last.data["text"] if last else "")]

    def send(got: dict[str, str]) -> None:
        if last is None or got["situation"].strip() != last.data["text"]:
            board.attempt(lambda s: s.situation_now(got["situation"], board.actor, board.now()))
        board.attempt(lambda s: s.status_sent(board.actor, board.now(), reports.status(s, board.now())))

    await incident_entries.form(
        board,
        "Record the status update as sent",
        situation,
        send,
        "Enter records the update as sent now (v shows it first); Escape: not sent.",
    )
