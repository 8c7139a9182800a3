"""The board's flows for a novel incident: coaching prompts (p), borrowing a step from the
nearest playbooks (b), and a draft playbook from what happened once it is closed (y)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from playbook import novel
from playbook.incident import Incident, borrowed_id
from playbook.journal import Draft
from tui.context import app_of
from tui.screens import incident_entries
from tui.screens.form import Field
from tui.screens.pick import PickScreen

if TYPE_CHECKING:
    from tui.screens.incident import IncidentScreen


async def coach(screen: IncidentScreen) -> None:
    """Every prompt in one form, each answered in a line; the answers given before are filled in,
    and only a new or changed answer makes an entry."""
    before = {e.data["prompt"]: e.data["answer"] for e in screen.state.coaching}
    fields = [Field(p, ask, before.get(p, ""), required=False) for p, ask in novel.PROMPTS]

    def answered(got: dict[str, str]) -> None:
        for prompt, ask in novel.PROMPTS:
            text = " ".join(got.get(prompt, "").split())
            if text and text != before.get(prompt):
                screen.attempt(coached(prompt, ask, text))

    def coached(prompt: str, ask: str, text: str) -> Callable[[Incident], Draft]:
        return lambda state: state.coach(prompt, ask, text, screen.actor, screen.now())

    await incident_entries.form(screen, "Coaching prompts: one line each, blank to leave for later", fields, answered)


async def borrow(screen: IncidentScreen) -> None:
    """A step of a playbook that might help, onto this board (recorded with the type it came from)."""
    library = screen.library
    if library is None:
        return
    known = next((e.data["answer"] for e in screen.state.coaching if e.data["prompt"] == "known"), "")
    choices: list[tuple[str, str]] = []
    for incident_type in novel.nearest(library, f"{screen.state.title} {known}"):
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
            screen.attempt(lambda s: s.borrow(library, incident_type, step, screen.actor, screen.now()))

    await screen.app.push_screen(PickScreen("Borrow a step from a playbook that might help", choices[:9], then=chosen))


async def draft_playbook(screen: IncidentScreen) -> None:
    """The closed incident as a draft playbook in the library folder (or here, for the bundled one)."""
    from playbook import scaffold, writeback
    from playbook.paths import BUNDLED_LIBRARY

    library, state = screen.library, screen.state
    if library is None:
        return
    root = app_of(screen).root
    folder = Path.cwd() if root.resolve() == BUNDLED_LIBRARY.resolve() else root
    type_id = novel.type_id_for(state.title)
    text = novel.draft_type(
        library,
        state,
        type_id,
        novel.category_for(state, library),
        screen.now().date(),
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
