"""Something else: not in the library. The coaching path for an incident no playbook covers.

The leader answers the library's own severity criteria (one pick each: yes, no, not known yet),
sees the severity and the playbooks that might help (each with when it does not apply), names
the incident and its commander, and lands on the board of a live incident like any other. There
the coaching prompts (p) are answered in a line each, steps of the nearest playbooks can be
borrowed (b), and once it is closed a draft playbook is written from what happened (y): those
board flows are in novel_board.py.
"""

from __future__ import annotations

from textual.app import App

from playbook import novel
from playbook.incident import SeverityInfo
from playbook.model import Library
from tui.screens.declare import declaration_form
from tui.screens.pick import PickScreen
from tui.widgets import severity as severity_text

CHOICES = [(novel.YES, "Yes"), (novel.NO, "No"), (novel.UNKNOWN, "Not known yet (acts on yes)")]


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
    for incident_type in novel.nearest(library, query):
        # Its "does not apply" beside it: the first reason a mentor gave not to clone its response.
        limit = incident_type.does_not_apply[0].when if incident_type.does_not_apply else ""
        lines.append(f"• {incident_type.title}" + (f" (not when: {limit})" if limit else ""))
    return lines


def declare(app: App, library: Library, triage: novel.GenericTriage, query: str):
    """The declaration form, with the severity and the playbooks that might help above it."""

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

    return declaration_form(
        app,
        library,
        "Declare a novel incident",
        intro,
        ("Title (what is happening, in a line)", query.strip()),
        lambda title, commander, now: novel.declaration(library, triage, title, commander, now),
    )
