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
from playbook.model import Library
from tui.screens.declare import declaration_form
from tui.screens.novel_triage import criteria_picks, intro_lines


async def start(app: App, library: Library, query: str) -> None:
    """Ask the criteria one by one, then the declaration form; returns once the first pick is up."""
    first = criteria_picks(app, library, lambda triage: declare(app, library, triage, query))
    if first is not None:
        await app.push_screen(first)


def helpful_lines(library: Library, query: str) -> list[str]:
    lines = []
    for incident_type in novel.nearest(library, query):
        # Its "does not apply" beside it: the first reason a mentor gave not to clone its response.
        limit = incident_type.does_not_apply[0].when if incident_type.does_not_apply else ""
        lines.append(f"• {incident_type.title}" + (f" (not when: {limit})" if limit else ""))
    return lines


def declare(app: App, library: Library, triage: novel.GenericTriage, query: str):
    """The declaration form, with the severity and the playbooks that might help above it."""

    intro = intro_lines(library, triage)
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
