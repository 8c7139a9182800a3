"""Something else: not in the library. The coaching path for an incident no playbook covers.

The leader answers the library's own severity criteria (one pick each: yes, no, not known yet),
sees the severity and the playbooks that might help (each with when it does not apply), names
the incident and its commander, and lands on the board of a live incident like any other. There
the coaching prompts (p) are answered in a line each, steps of the nearest playbooks can be
borrowed (b), and once it is closed a draft playbook is written from what happened (y).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from playbook import novel
from playbook.incident import Incident, IncidentError, SeverityInfo, borrowed_id
from playbook.journal import Draft, JournalError, WriteFailed
from playbook.model import IncidentType, Library
from playbook.search import Entry, search
from tui.screens.form import Field, FormScreen
from tui.screens.pick import PickScreen
from tui.widgets import severity as severity_text

if TYPE_CHECKING:
    from tui.screens.incident import IncidentScreen

CHOICES = [(novel.YES, "Yes"), (novel.NO, "No"), (novel.UNKNOWN, "Not known yet (acts on yes)")]
HELPFUL = 3  # how many nearest playbooks are offered


def nearest(library: Library, text: str) -> list[IncidentType]:
    """The types closest to what the leader typed, for "playbooks that might help"."""
    entries = [Entry.of(t, c.name if (c := library.category(t.category)) else "") for t in library.types]
    found = [library.type(hit.entry.id) for hit in search(text, entries)[:HELPFUL]] if text.strip() else []
    return [t for t in found if t is not None]


async def start(app: App, library: Library, query: str) -> None:
    """Ask the criteria one by one, then the declaration form; returns once the first pick is up."""
    criteria = list(library.criteria)
    if not criteria:
        app.notify("The library states no severity criteria: declare with a type instead.", markup=False)
        return
    answers: dict[str, str] = {}

    def pick(index: int) -> PickScreen:
        criterion = criteria[index]

        def answered(choice: str):
            answers[criterion.id] = choice
            if index + 1 < len(criteria):
                return app.push_screen(pick(index + 1))
            return declare(app, library, novel.generic_triage(library, answers), query)

        title = f"No playbook fits · severity {index + 1} of {len(criteria)}: {criterion.name}\n{criterion.question}"
        return PickScreen(title, CHOICES, then=answered)

    await app.push_screen(pick(0))


def helpful_lines(library: Library, query: str) -> list[str]:
    lines = []
    for incident_type in nearest(library, query):
        # Its "does not apply" beside it: the first reason a mentor gave not to clone its response.
        limit = incident_type.does_not_apply[0].when if incident_type.does_not_apply else ""
        lines.append(f"• {incident_type.title}" + (f" (not when: {limit})" if limit else ""))
    return lines


def declare(app: App, library: Library, triage: novel.GenericTriage, query: str):
    """The declaration form, with the severity and the playbooks that might help above it."""
    from tui.screens import incident as board  # board.now, read at call time: tests replace the clock

    level = SeverityInfo.of(library, triage.acted_on)
    intro = [
        f"{severity_text.label_of(library, triage.acted_on)} · {novel.NOVEL_TITLE}",
        f"Severity: {triage.range_words}. Its duties apply: first action within "
        f"{level.first_action_within} min, updates every {level.update_every} min.",
        "On the board: p answers the coaching prompts, b borrows a step from a playbook that might help.",
    ]
    helpful = helpful_lines(library, query)
    if helpful:
        intro += ["Playbooks that might help:", *helpful]
    fields = [
        Field("title", "Title (what is happening, in a line)", query.strip()),
        Field("commander", "Incident commander (your name)"),
    ]

    def declared(got: dict[str, str] | None) -> None:
        if got is None:
            return
        try:
            journal = board.open_journal(app)
        except JournalError as error:
            app.notify(f"Not declared: {error}", severity="error", markup=False, timeout=30)
            return
        try:
            recorded = journal.declare(novel.declaration(library, triage, got["title"], got["commander"], board.now()))
        except (IncidentError, WriteFailed) as error:
            journal.close()
            app.notify(f"Not declared: {error}", severity="error", markup=False, timeout=30)
            return
        app.push_screen(board.IncidentScreen(journal, recorded.incident, library, got["commander"].strip()))

    return app.push_screen(FormScreen("Declare a novel incident", fields, intro="\n".join(intro)), declared)


async def coach(screen: IncidentScreen) -> None:
    """Every prompt in one form, each answered in a line; the answers given before are filled in,
    and only a new or changed answer makes an entry."""
    from tui.screens import incident_entries

    before = {e.data["prompt"]: e.data["answer"] for e in screen.state.coaching}
    fields = [Field(p, ask, before.get(p, ""), required=False) for p, ask in novel.PROMPTS]

    def answered(got: dict[str, str]) -> None:
        for prompt, ask in novel.PROMPTS:
            text = " ".join(got.get(prompt, "").split())
            if text and text != before.get(prompt):
                screen.attempt(coached(prompt, ask, text))

    def coached(prompt: str, ask: str, text: str) -> Callable[[Incident], Draft]:
        return lambda state: state.coach(prompt, ask, text, screen.actor, incident_entries.board_now())

    await screen.form("Coaching prompts: one line each, blank to leave for later", fields, answered)


async def borrow(screen: IncidentScreen) -> None:
    """A step of a playbook that might help, onto this board (recorded with the type it came from)."""
    from tui.screens import incident_entries

    library = screen.library
    if library is None:
        return
    known = next((e.data["answer"] for e in screen.state.coaching if e.data["prompt"] == "known"), "")
    choices: list[tuple[str, str]] = []
    for incident_type in nearest(library, f"{screen.state.title} {known}"):
        steps = {s.id: s for r in incident_type.responses for s in r.steps}
        fresh = [s for s in steps.values() if screen.state.step(borrowed_id(incident_type.id, s.id)) is None]
        # Three steps from each of the nearest playbooks, so every one of them is one digit away.
        choices += [(f"{incident_type.id} {s.id}", f"{incident_type.title}: {s.do}") for s in fresh[:3]]
    if not choices:
        screen.notify("No playbook comes near this incident's title and what you know.", markup=False)
        return

    def chosen(key: str) -> None:
        type_id, step_id = key.split(" ")
        incident_type = library.type(type_id)
        step = (
            next((s for r in incident_type.responses for s in r.steps if s.id == step_id), None)
            if incident_type
            else None
        )
        if incident_type is not None and step is not None:
            screen.attempt(lambda s: s.borrow(library, incident_type, step, screen.actor, incident_entries.board_now()))

    await screen.app.push_screen(PickScreen("Borrow a step from a playbook that might help", choices[:9], then=chosen))


async def draft_playbook(screen: IncidentScreen) -> None:
    """The closed incident as a draft playbook in the library folder (or here, for the bundled one)."""
    from playbook import scaffold, writeback
    from playbook.paths import BUNDLED_LIBRARY

    library, state = screen.library, screen.state
    if library is None:
        return
    root = Path(getattr(screen.app, "root", Path.cwd()))
    folder = Path.cwd() if root.resolve() == BUNDLED_LIBRARY.resolve() else root
    type_id = novel.type_id_for(state.title)
    text = novel.draft_type(
        library,
        state,
        type_id,
        novel.category_for(state, library),
        datetime.now(UTC).date(),
        scaffold.schema_reference(folder),
    )
    target = folder / f"{type_id}.yaml"
    try:
        writeback.create(target, text)
    except FileExistsError:
        screen.notify(f"{target} exists already: not overwriting it", severity="warning", markup=False)
        return
    except OSError as error:
        screen.notify(f"Cannot write {target}: {error}", severity="error", markup=False)
        return
    screen.notify(
        f"Wrote {target}: a draft for a mentor to edit (playbook validate checks it)", markup=False, timeout=15
    )
